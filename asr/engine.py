"""The one small interface every recogniser offers: synchronous, bytes in, ``Transcript`` out.

The pipecat STT services (``asr.whisper_stt``, ``asr.vosk_stt``) and the ``voicebot asr`` command
run the very same objects, so what the CLI and the evaluation measure is what a call hears.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol, get_args, runtime_checkable

Vocabulary = Literal["free", "digits", "yes_no", "spelling"]  # spelling: an e-mail address, a code
VOCABULARIES: tuple[str, ...] = get_args(Vocabulary)


def check_vocabulary(vocabulary: str) -> str:
    if vocabulary not in VOCABULARIES:
        raise ValueError(f"unknown vocabulary {vocabulary!r}; expected one of {VOCABULARIES}")
    return vocabulary


@dataclass(frozen=True)
class Transcript:
    """A final result: the best text, other hypotheses best first, and the compute time it took.

    ``scored``: texts a ``rescore`` callback proposed, with log P(text | audio) — how well the audio
    supports each (only engines that can score, i.e. Whisper). They may spell a secret number: they
    go to the dialogue and nowhere else.
    """

    text: str
    alternatives: tuple[str, ...] = ()
    asr_ms: float = 0.0
    extra: dict = field(default_factory=dict, compare=False)
    scored: tuple[tuple[str, float], ...] = field(default=(), repr=False)


@runtime_checkable
class Recognizer(Protocol):
    """Transcribes a whole utterance. ``sample_rate`` is the rate the engine works at natively."""

    engine: str
    sample_rate: int

    def transcribe(self, pcm16: bytes, sample_rate: int, vocabulary: str = "free") -> Transcript: ...


@runtime_checkable
class RecognitionStream(Protocol):
    """One utterance being recognised while the caller speaks."""

    def accept(self, pcm16: bytes) -> str | None:
        """Feed audio; return the new partial text when it changed, else None."""
        ...

    def take_segment(self) -> str | None:
        """Text the engine finalised on its own endpointing since the last call, if any."""
        ...

    def finish(self) -> Transcript:
        """End the utterance and return the final result (the stream is then spent)."""
        ...


@runtime_checkable
class StreamingRecognizer(Recognizer, Protocol):
    def stream(self, sample_rate: int, vocabulary: str = "free") -> RecognitionStream: ...
