"""The *tree sha256* of a model folder: the sha256 of its ``sha256sum`` listing.

The listing is ``"<hex>  <relative path>\\n"`` per file, sorted by relative path (``docs/models.md``
gives the shell one-liner), so one value covers a Vosk model's dozen files as well as Whisper's four.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# Written into each installed model folder by the installer; never part of the checksum.
MANIFEST = ".voicebot-model.json"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def model_files(directory: Path, files: tuple[str, ...]) -> list[str]:
    """The files a checksum covers: the spec's list, or every file but the manifest."""
    if files:
        return sorted(files)
    found = (
        path.relative_to(directory).as_posix()
        for path in directory.rglob("*")
        if path.is_file() and path.name != MANIFEST
    )
    # Byte order, like ``LC_ALL=C sort``.
    return sorted(found, key=lambda rel: rel.encode("utf-8"))


def tree_sha256(directory: Path, files: tuple[str, ...] = ()) -> str:
    """sha256 of the ``sha256sum`` listing ("<hex>  <relative path>\\n" per file, sorted)."""
    listing = "".join(
        f"{file_sha256(directory / rel)}  {rel}\n" for rel in model_files(directory, files)
    )
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def signature(directory: Path, files: tuple[str, ...]) -> tuple:
    """Cheap stand-in for the content: sizes and mtimes, to skip rehashing an unchanged model."""
    out = []
    for rel in model_files(directory, files):
        stat = (directory / rel).stat()
        out.append((rel, stat.st_size, stat.st_mtime_ns))
    return (str(directory), tuple(out))
