"""Trust on first use: checksums we could not pin in advance, recorded on first sight.

The build machine reaches only PyPI, Debian and npm, so files on model hubs could not be hashed
when the specs were written. For those, the sha256 of each downloaded file and of the installed
folder is recorded in ``models_dir/.pins.json`` the first time; every later download or
verification must match it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from models.spec import ModelSpec

PINS = ".pins.json"


def load_pins(models_dir: Path) -> dict[str, str]:
    try:
        return json.loads((models_dir / PINS).read_text())
    except FileNotFoundError:
        return {}


def pin(models_dir: Path, key: str, sha256: str) -> None:
    """Record ``sha256`` under ``key`` (a model name, or ``name:url`` for one downloaded file)."""
    pins = load_pins(models_dir)
    pins[key] = sha256
    models_dir.mkdir(parents=True, exist_ok=True)
    _write_atomic(models_dir / PINS, json.dumps(pins, indent=2, sort_keys=True) + "\n")


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    os.replace(tmp, path)


def expected_sha256(spec: ModelSpec, models_dir: Path) -> str | None:
    """The pinned tree sha256, or the one recorded on first use, or None if never seen."""
    return spec.sha256 or load_pins(models_dir).get(spec.name)
