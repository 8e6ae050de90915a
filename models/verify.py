"""A model's files against its pinned (or first-seen) checksum."""

from __future__ import annotations

from pathlib import Path

from models.checksums import signature, tree_sha256
from models.errors import ChecksumMismatch, ModelMissing
from models.pins import expected_sha256, pin
from models.registry import get_spec
from models.spec import ModelSpec
from models.store import install_hint, load_target, spec_dir, spec_installed

# Folder → signature (sizes, mtimes) at its last full check in this process.
_verified: dict[str, tuple] = {}


def verify(name: str, models_dir: Path) -> Path:
    """Check a model is present and its files hash to the pinned (or first-seen) value.

    Returns the path engines load. Raises ``ModelMissing`` or ``ChecksumMismatch``.
    """
    return verify_spec(get_spec(name), models_dir)


def verify_spec(spec: ModelSpec, models_dir: Path) -> Path:
    name = spec.name
    models_dir = Path(models_dir)
    directory = spec_dir(spec, models_dir)
    if not spec_installed(spec, models_dir):
        raise ModelMissing(f"model {name} is not installed in {directory}: {install_hint(spec)}")
    actual = tree_sha256(directory, spec.files)
    expected = expected_sha256(spec, models_dir)
    if expected is None:
        # Placed by hand before any pull: trust it now, hold every later check to it.
        pin(models_dir, spec.name, actual)
    elif actual != expected:
        _verified.pop(str(directory), None)
        raise ChecksumMismatch(
            f"model {name} in {directory} fails its checksum (expected sha256 {expected[:16]}…, "
            f"found {actual[:16]}…): delete the folder and run `voicebot models pull {name}`"
        )
    _verified[str(directory)] = signature(directory, spec.files)
    return load_target(spec, directory)


def verified_unchanged(spec: ModelSpec, directory: Path) -> bool:
    """True when this process fully checked ``directory`` and no file's size or mtime changed since."""
    cached = _verified.get(str(directory))
    return cached is not None and cached == signature(directory, spec.files)
