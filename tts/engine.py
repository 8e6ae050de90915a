"""What every speech engine offers: text in, 16-bit mono PCM out, and the errors it can raise."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Synthesizer(Protocol):
    """A blocking text-to-speech engine.

    ``synthesize`` returns little-endian signed 16-bit mono PCM at ``sample_rate``, no header.
    It may take a while: async callers run it in a thread (see ``tts.synthesizer_service``).

    Engines may also expose ``cache_key: str`` (engine, voice and every setting that changes the
    sound); ``tts.prompt_cache`` keys on it so two voices never share cached audio.
    """

    sample_rate: int

    def synthesize(self, text: str) -> bytes: ...


class TTSError(Exception):
    """A speech engine could not do its job. Messages never carry the text being spoken."""


class VoiceNotFoundError(TTSError):
    """The requested voice (a model file or a name) is not installed."""


class EngineUnavailableError(TTSError):
    """The engine itself is missing or failed (binary not installed, model does not load)."""


def cache_key_of(synthesizer: Synthesizer) -> str:
    """The identity of a synthesizer's sound, for caching: its ``cache_key`` or its class name."""
    key = getattr(synthesizer, "cache_key", None)
    return key if isinstance(key, str) and key else type(synthesizer).__qualname__
