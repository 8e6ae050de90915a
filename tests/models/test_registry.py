"""The model registry (`models/`): offline assembly, checksums, TOFU pins and real downloads over HTTP."""

from __future__ import annotations

import hashlib
import http.server
import json
import shutil
import threading
import zipfile
from functools import partial
from pathlib import Path

import pytest

from models.checksums import MANIFEST, file_sha256, tree_sha256
from models.download import pull, pull_spec
from models.errors import ChecksumMismatch, ModelError, ModelMissing
from models.lookup import model_path
from models.pins import PINS
from models.registry import REGISTRY
from models.spec import ModelSpec, RemoteFile
from models.store import is_installed
from models.verify import verify, verify_spec
from models.whisper_base import ensure_whisper_base


@pytest.fixture
def http_root(tmp_path):
    """A real HTTP server on 127.0.0.1 (free port) serving a folder."""
    root = tmp_path / "www"
    root.mkdir()
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def listing_sha256(files: dict[str, bytes]) -> str:
    lines = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())
    )
    return hashlib.sha256(lines.encode()).hexdigest()


def test_registry_names_the_issue_models():
    assert {"vosk-small-pl", "whisper-base", "whisper-small", "whisper-large-v3-turbo",
            "piper-pl-gosia-medium", "piper-pl-darkman-medium",
            "vosk-ko-test", "piper-joe-test"} <= set(REGISTRY)
    for spec in REGISTRY.values():
        assert spec.kind in ("asr-vosk", "asr-whisper", "tts-piper")
        for remote in spec.downloads:
            assert remote.url.startswith("https://")


def test_larger_whispers_are_pinned_to_a_revision_and_their_weights_to_a_sha256():
    for name in ("whisper-small", "whisper-large-v3-turbo"):
        spec = REGISTRY[name]
        weights = next(r for r in spec.downloads if r.target == "model.bin")
        assert len(weights.sha256 or "") == 64
        for remote in spec.downloads:
            revision = remote.url.split("/resolve/")[1].split("/")[0]
            assert len(revision) == 40 and int(revision, 16) >= 0  # a commit, never "main"
        assert set(spec.files) == {r.target for r in spec.downloads}


def test_whisper_base_is_assembled_offline_and_pinned(models_dir):
    path = model_path("whisper-base", models_dir)
    assert path == models_dir / "whisper-base"
    assert file_sha256(path / "model.bin") == (
        "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
    )
    assert tree_sha256(path, REGISTRY["whisper-base"].files) == REGISTRY["whisper-base"].sha256
    manifest = json.loads((path / MANIFEST).read_text())
    assert manifest["pinned"] is True
    # Idempotent: a second call finds it and changes nothing.
    before = (path / "model.bin").stat().st_mtime_ns
    assert ensure_whisper_base(models_dir) == path
    assert (path / "model.bin").stat().st_mtime_ns == before


def test_package_models_are_used_in_place(models_dir):
    vosk = model_path("vosk-ko-test", models_dir)
    assert (vosk / "am" / "final.mdl").is_file()
    voice = model_path("piper-joe-test", models_dir)
    assert voice.name == "en_US-joe-medium.onnx"
    assert Path(f"{voice}.json").is_file()


def test_missing_model_says_what_to_do(tmp_path):
    with pytest.raises(ModelMissing) as error:
        model_path("vosk-small-pl", tmp_path)
    message = str(error.value)
    assert "vosk-small-pl" in message and "voicebot models pull vosk-small-pl" in message
    assert "\n" not in message
    with pytest.raises(ModelMissing, match="unknown model 'nope'"):
        model_path("nope", tmp_path)
    assert isinstance(error.value, ModelError) and isinstance(error.value, LookupError)


def test_tampered_model_fails_its_checksum(tmp_path):
    path = ensure_whisper_base(tmp_path)
    assert model_path("whisper-base", tmp_path) == path
    with open(path / "vocabulary.txt", "a") as handle:
        handle.write("extra\n")
    with pytest.raises(ChecksumMismatch) as error:
        model_path("whisper-base", tmp_path)
    message = str(error.value)
    assert "whisper-base" in message and "checksum" in message and "\n" not in message
    assert isinstance(error.value, ModelError)


def test_pull_downloads_verifies_and_installs_atomically(tmp_path, http_root):
    root, base = http_root
    files = {"voice.onnx": b"onnx bytes", "voice.onnx.json": b'{"audio": {"sample_rate": 22050}}'}
    for name, data in files.items():
        (root / name).write_bytes(data)
    spec = ModelSpec(
        name="piper-test-voice", kind="tts-piper", language="pl", source_kind="download",
        source=base, sha256=listing_sha256(files), files=tuple(files),
        downloads=tuple(
            RemoteFile(f"{base}/{name}", name, hashlib.sha256(data).hexdigest())
            for name, data in files.items()
        ),
        entry="voice.onnx",
    )
    models = tmp_path / "models"
    path = pull_spec(spec, models)
    assert path == models / "piper-test-voice" / "voice.onnx"
    assert path.read_bytes() == b"onnx bytes"
    assert not [p for p in models.iterdir() if p.name.startswith(".partial")]
    assert verify_spec(spec, models) == path


def test_pull_rejects_a_download_with_the_wrong_sha256(tmp_path, http_root):
    root, base = http_root
    (root / "model.bin").write_bytes(b"tampered")
    spec = ModelSpec(
        name="whisper-test", kind="asr-whisper", language="pl", source_kind="download",
        source=base, sha256=None, files=("model.bin",),
        downloads=(RemoteFile(f"{base}/model.bin", "model.bin", "0" * 64),),
    )
    models = tmp_path / "models"
    with pytest.raises(ChecksumMismatch, match="nothing was installed"):
        pull_spec(spec, models)
    assert not (models / "whisper-test").exists()
    assert [p.name for p in models.iterdir()] == []


def test_first_download_of_a_tofu_model_must_have_the_published_size(tmp_path, http_root):
    root, base = http_root
    (root / "voice.onnx").write_bytes(b"x" * 100)
    spec = ModelSpec(
        name="voice-test", kind="tts-piper", language="pl", source_kind="download", source=base,
        sha256=None, files=("voice.onnx",),
        downloads=(RemoteFile(f"{base}/voice.onnx", "voice.onnx", size_bytes=101),),
    )
    models = tmp_path / "models"
    with pytest.raises(ChecksumMismatch, match="the publisher lists 101"):
        pull_spec(spec, models)
    assert not (models / "voice-test").exists()


def test_unknown_sha256_is_pinned_on_first_download(tmp_path, http_root):
    root, base = http_root
    with zipfile.ZipFile(root / "vosk-model.zip", "w") as bundle:
        bundle.writestr("vosk-model-test/am/final.mdl", b"acoustic model")
        bundle.writestr("vosk-model-test/conf/model.conf", b"--beam=10\n")
    spec = ModelSpec(
        name="vosk-test", kind="asr-vosk", language="pl", source_kind="download",
        source=base, sha256=None,
        downloads=(RemoteFile(f"{base}/vosk-model.zip", "vosk-model.zip"),),
        archive_root="vosk-model-test",
    )
    models = tmp_path / "models"
    path = pull_spec(spec, models)
    assert (path / "am" / "final.mdl").read_bytes() == b"acoustic model"
    assert not (path / "vosk-model.zip").exists()
    pins = json.loads((models / PINS).read_text())
    assert pins["vosk-test"] == tree_sha256(path)
    assert pins[f"vosk-test:{base}/vosk-model.zip"] == file_sha256(root / "vosk-model.zip")
    # The server's file changes: a forced re-download no longer matches the first one.
    with zipfile.ZipFile(root / "vosk-model.zip", "w") as bundle:
        bundle.writestr("vosk-model-test/am/final.mdl", b"something else")
    with pytest.raises(ChecksumMismatch):
        pull_spec(spec, models, force=True)
    assert (path / "am" / "final.mdl").read_bytes() == b"acoustic model"  # old one kept


def test_unreachable_source_is_one_clear_error(tmp_path, http_root):
    _root, base = http_root
    spec = ModelSpec(
        name="gone", kind="tts-piper", language="pl", source_kind="download", source=base,
        sha256=None, files=("x.onnx",), downloads=(RemoteFile(f"{base}/x.onnx", "x.onnx"),),
    )
    with pytest.raises(ModelError, match=r"could not download .*x\.onnx") as error:
        pull_spec(spec, tmp_path)
    assert "\n" not in str(error.value)


def test_pull_and_verify_by_name(models_dir, tmp_path):
    assert pull("vosk-ko-test", tmp_path) == model_path("vosk-ko-test", models_dir)
    assert verify("whisper-base", models_dir) == models_dir / "whisper-base"
    assert is_installed("whisper-base", models_dir)
    assert not is_installed("whisper-base", tmp_path)


def test_hand_placed_model_is_pinned_on_first_use(tmp_path):
    voice = tmp_path / "piper-pl-gosia-medium"
    voice.mkdir()
    (voice / "pl_PL-gosia-medium.onnx").write_bytes(b"weights")
    (voice / "pl_PL-gosia-medium.onnx.json").write_bytes(b"{}")
    assert model_path("piper-pl-gosia-medium", tmp_path).name == "pl_PL-gosia-medium.onnx"
    (voice / "pl_PL-gosia-medium.onnx").write_bytes(b"other weights")
    with pytest.raises(ChecksumMismatch):
        model_path("piper-pl-gosia-medium", tmp_path)
    shutil.rmtree(voice)
