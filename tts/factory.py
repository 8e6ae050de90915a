"""Choosing and building the speech engine: auto = a Polish Piper voice if any, else espeak-ng.

Synthesizers and prompt caches are shared per process (a Piper voice takes ~0.2 s and some memory
to load; a prompt synthesised for one call serves every later call), so each call's service is
cheap to create.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from tts.engine import Synthesizer
from tts.prompt_cache import PromptCache

Engine = Literal["auto", "piper", "espeak", "rhvoice"]
# "rhvoice": the optional demo voice (Debian non-free, CC-BY-NC-ND-4.0 voices: never the production
# default), also what evaluations use so the bot's answers can be recognised and checked.
ENGINES: tuple[str, ...] = ("auto", "piper", "espeak", "rhvoice")
DEFAULT_PIPER_VOICE = "piper-pl-gosia-medium"  # mirrors Settings.piper_voice
DEFAULT_ESPEAK_VOICE = "pl"

_shared: dict[tuple, Synthesizer] = {}
_shared_caches: dict[tuple, PromptCache] = {}
_shared_lock = threading.Lock()


def create_synthesizer(
    engine: Engine,
    voice: str | Path | None,
    models_dir: Path,
    *,
    rate: float = 1.0,
) -> Synthesizer:
    """A new synthesizer.

    ``voice``: for Piper a ``.onnx`` path or a voice name (default: the Polish production voice);
    for espeak-ng a voice such as ``pl`` or ``pl+m3``. With ``auto`` a voice names a Piper voice,
    and espeak-ng's Polish voice is the fallback. ``rate``: speaking speed, 1.0 = normal.

    Raises ValueError (unknown engine or bad rate), VoiceNotFoundError, EngineUnavailableError.
    """
    from tts.espeak_engine import EspeakSynthesizer
    from tts.voices import find_polish_piper_voice, resolve_piper_voice

    if engine not in ENGINES:
        raise ValueError(f"unknown TTS engine {engine!r} (choose {', '.join(ENGINES)})")
    if not 0.25 <= rate <= 4.0:
        raise ValueError("speaking rate must be between 0.25 and 4.0")
    if engine == "rhvoice":
        from tts.rhvoice_engine import RHVoiceSynthesizer

        # RHVoice's absolute rate: 0 = the voice's own speed; ``rate`` 1.25 → +0.25.
        return RHVoiceSynthesizer(str(voice or "magda"), rate=max(-1.0, min(1.0, rate - 1.0)),
                                  data_dir=Path(models_dir).parent)
    if engine == "auto":
        found = find_polish_piper_voice(models_dir, voice or DEFAULT_PIPER_VOICE)
        if found is None:
            return EspeakSynthesizer(DEFAULT_ESPEAK_VOICE, speed=_espeak_speed(rate))
        return _piper(found, rate)
    if engine == "piper":
        path = resolve_piper_voice(voice, models_dir) if voice else find_polish_piper_voice(
            models_dir, DEFAULT_PIPER_VOICE)
        if path is None:
            from tts.engine import VoiceNotFoundError

            raise VoiceNotFoundError(f"no Polish Piper voice installed in {models_dir}")
        return _piper(path, rate)
    return EspeakSynthesizer(str(voice or DEFAULT_ESPEAK_VOICE), speed=_espeak_speed(rate))


def shared_synthesizer(
    engine: Engine, voice: str | Path | None, models_dir: Path, *, rate: float = 1.0
) -> Synthesizer:
    """Like ``create_synthesizer``, but one instance per (engine, voice, models_dir, rate)."""
    key = (engine, str(voice) if voice is not None else None, str(Path(models_dir).resolve()), rate)
    with _shared_lock:
        synthesizer = _shared.get(key)
        if synthesizer is None:
            synthesizer = _shared[key] = create_synthesizer(engine, voice, models_dir, rate=rate)
        return synthesizer


def shared_prompt_cache(synthesizer: Synthesizer, cache_dir: Path | None = None) -> PromptCache:
    """One ``PromptCache`` per (synthesizer, cache_dir) in this process."""
    key = (id(synthesizer), str(cache_dir) if cache_dir is not None else None)
    with _shared_lock:
        cache = _shared_caches.get(key)
        if cache is None or cache.synthesizer is not synthesizer:
            cache = _shared_caches[key] = PromptCache(synthesizer, cache_dir)
        return cache


def create_tts_service(
    engine: Engine,
    voice: str | Path | None,
    models_dir: Path,
    *,
    sample_rate: int | None = None,
    cached_prompts: Iterable[str] = (),
    cache_dir: Path | None = None,
    rate: float = 1.0,
    chunk_ms: int = 40,
    **kwargs,
):
    """A pipecat ``TTSService`` for one call, on the process-wide synthesizer and prompt cache.

    ``sample_rate``: output rate (None = the pipeline's); ``cached_prompts``: fixed texts served
    from the cache (only texts without caller data); ``cache_dir``: keep those on disk too.
    """
    from tts.synthesizer_service import SynthesizerTTSService

    synthesizer = shared_synthesizer(engine, voice, models_dir, rate=rate)
    return SynthesizerTTSService(
        synthesizer=synthesizer,
        cached_prompts=cached_prompts,
        prompt_cache=shared_prompt_cache(synthesizer, cache_dir),
        sample_rate=sample_rate,
        chunk_ms=chunk_ms,
        **kwargs,
    )


def engine_name(synthesizer: Synthesizer) -> str:
    """``piper``, ``espeak`` or ``rhvoice`` (for logs and call records)."""
    from tts.espeak_engine import EspeakSynthesizer
    from tts.rhvoice_engine import RHVoiceSynthesizer

    if isinstance(synthesizer, EspeakSynthesizer):
        return "espeak"
    return "rhvoice" if isinstance(synthesizer, RHVoiceSynthesizer) else "piper"


def _piper(path: Path, rate: float) -> Synthesizer:
    from tts.piper_engine import PiperSynthesizer

    # Piper's length_scale is a duration factor: faster speech = shorter phonemes.
    return PiperSynthesizer(path, length_scale=None if rate == 1.0 else 1.0 / rate)


def _espeak_speed(rate: float) -> int:
    return max(80, min(450, round(160 * rate)))
