"""Installing a model: files staged in a private folder, checked, then moved into place atomically."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from models.checksums import MANIFEST, tree_sha256
from models.errors import ChecksumMismatch
from models.pins import expected_sha256, pin
from models.spec import ModelSpec
from models.store import load_target, spec_installed


def staging_dir(models_dir: Path, name: str) -> Path:
    models_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=models_dir, prefix=f".partial-{name}-"))
    staging.chmod(0o755)  # mkdtemp makes it private; the installed model should not be
    return staging


def install(spec: ModelSpec, staging: Path, models_dir: Path, origin: dict) -> Path:
    """Check the staged files, write the manifest and move the folder into place atomically."""
    actual = tree_sha256(staging, spec.files)
    expected = expected_sha256(spec, models_dir)
    if expected is not None and actual != expected:
        raise ChecksumMismatch(
            f"model {spec.name}: assembled files fail the checksum (expected sha256 "
            f"{expected[:16]}…, got {actual[:16]}…); nothing was installed"
        )
    manifest = {
        "name": spec.name,
        "source": spec.source,
        "sha256": actual,
        "pinned": spec.pinned,
        **origin,
    }
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    target = models_dir / spec.name
    if target.exists():
        # Replacing (``pull --force``): move the old one aside first; rename is atomic.
        old = Path(tempfile.mkdtemp(dir=models_dir, prefix=f".old-{spec.name}-"))
        os.replace(target, old / spec.name)
        shutil.rmtree(old, ignore_errors=True)
    try:
        os.replace(staging, target)
    except OSError:
        if not spec_installed(spec, models_dir):
            raise
        # Another process installed it a moment ago; theirs passed the same check.
    if expected is None:
        pin(models_dir, spec.name, actual)
    return load_target(spec, target)
