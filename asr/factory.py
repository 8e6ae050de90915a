"""Build recognisers and STT services by engine name, and pick the default engine."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from asr.engine import Recognizer
from models.errors import ModelMissing
from models.lookup import model_path
from models.registry import get_spec
from models.store import is_installed

if TYPE_CHECKING:  # pipecat is imported only by the services (its import logs a banner)
    from pipecat.services.stt_service import STTService

ENGINES = ("vosk", "whisper")
DEFAULT_MODELS = {"vosk": "vosk-small-pl", "whisper": "whisper-base"}


def resolve_engine(requested: str, models_dir: Path, vosk_model: str = "vosk-small-pl") -> str:
    """"auto" → Vosk when a Polish Vosk model is installed, otherwise Whisper."""
    if requested in ENGINES:
        return requested
    if requested != "auto":
        raise ValueError(f"unknown ASR engine {requested!r}; expected auto, vosk or whisper")
    try:
        spec = get_spec(vosk_model)
    except ModelMissing:
        return "whisper"
    if spec.kind == "asr-vosk" and spec.language == "pl" and is_installed(vosk_model, models_dir):
        return "vosk"
    return "whisper"


def create_recognizer(
    engine: str,
    model_dir: Path | None,
    threads: int = 2,
    *,
    models_dir: Path | None = None,
    model: str | None = None,
    **options: Any,
) -> Recognizer:
    """A loaded recogniser. ``model_dir`` wins; otherwise ``model`` (a registry name, default per
    engine) is looked up, verified, in ``models_dir``. Raises ``models.errors.ModelError``.

    Whisper options: ``beam_size``, ``no_speech_threshold``, ``num_alternatives``, … (see
    ``WhisperOptions``), ``compute_type``, ``device`` ("cpu", "cuda") and ``workers`` (decodes at once). Vosk options: ``alternatives``, ``words_by_mode``.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown ASR engine {engine!r}; expected one of {ENGINES}")
    if model_dir is not None and not _looks_like_model(engine, Path(model_dir)):
        # A models folder (``settings.models_dir``) given where a model folder was expected.
        models_dir, model_dir = Path(model_dir), None
    if model_dir is None:
        if models_dir is None:
            raise ValueError("give model_dir or models_dir")
        model_dir = model_path(model or DEFAULT_MODELS[engine], models_dir)
    if engine == "whisper":
        from asr.whisper_engine import WhisperOptions, WhisperRecognizer

        compute_type = options.pop("compute_type", "int8")
        device = options.pop("device", "cpu")
        workers = options.pop("workers", 1)
        return WhisperRecognizer(
            model_dir, threads=threads, compute_type=compute_type, device=device, options=WhisperOptions(**options),
            workers=workers,
        )
    from asr.vosk_engine import VoskRecognizer

    # Kaldi decodes one stream on one thread; ``threads`` has nothing to set here.
    return VoskRecognizer(model_dir, **options)


def _looks_like_model(engine: str, directory: Path) -> bool:
    if engine == "whisper":
        return (directory / "model.bin").is_file()
    return (directory / "am").is_dir() or (directory / "conf" / "model.conf").is_file()


def create_stt_service(
    engine: str,
    models_dir: Path | None = None,
    *,
    threads: int = 2,
    model: str | None = None,
    recognizer: Recognizer | None = None,
    vocabulary: str = "free",
    vosk_model: str = "vosk-small-pl",
    service_kwargs: dict[str, Any] | None = None,
    hints=None,
    **options: Any,
) -> "STTService":
    """A pipecat STT service for ``engine`` ("auto" | "vosk" | "whisper").

    Pass ``recognizer`` to share one loaded model between calls (Whisper base is ~150 MB).
    ``hints``: an ``asr.hints.TurnHints`` (Whisper only; ``dialogue.answer_hints.AnswerHints`` in the
    bot): texts to score against the audio for a digits turn, and when an answer is complete.
    """
    if recognizer is not None and engine == "auto":
        engine = recognizer.engine
    if engine == "auto" and models_dir is None:
        raise ValueError("engine 'auto' needs models_dir (or a recognizer)")
    engine = resolve_engine(engine, models_dir, vosk_model)
    if recognizer is None:
        if model is None and engine == "vosk":
            model = vosk_model
        recognizer = create_recognizer(
            engine, None, threads, models_dir=models_dir, model=model, **options
        )
    kwargs = service_kwargs or {}
    if engine == "whisper":
        from asr.whisper_stt import FasterWhisperSTTService

        return FasterWhisperSTTService(recognizer=recognizer, vocabulary=vocabulary, hints=hints,
                                       **kwargs)
    from asr.vosk_stt import VoskSTTService

    return VoskSTTService(recognizer=recognizer, vocabulary=vocabulary, **kwargs)
