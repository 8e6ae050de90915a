"""Frames the speech recognisers understand beyond pipecat's own."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipecat.frames.frames import SystemFrame, TranscriptionFrame
from pipecat.transcriptions.language import Language
from pipecat.utils.time import time_now_iso8601

from asr.engine import Transcript, check_vocabulary


@dataclass
class VocabularyFrame(SystemFrame):
    """Switch the recogniser's vocabulary ("free" | "digits" | "yes_no") from the next utterance on.

    A system frame: it travels in order with the audio (``InputAudioRawFrame`` is a system frame
    too) and an interruption, e.g. the caller barging in over the prompt that asked for digits,
    never drops it. The mode stays until the next ``VocabularyFrame``. STT services apply it and
    pass it on, so it may be pushed upstream from the dialogue processor or downstream from input.
    """

    vocabulary: str = "free"
    # What the turn is for (a ``dialogue.number_reading.NumberSpec`` for digits), opaque here: the
    # recogniser's rescorer reads it. It may hold confirmed digits, so it never prints.
    expect: Any = field(default=None, repr=False)
    interruptible: bool = field(default=False, init=False)

    def __post_init__(self):
        super().__post_init__()
        check_vocabulary(self.vocabulary)


def final_transcription(
    transcript: Transcript, *, user_id: str, language: Language, engine: str, vocabulary: str
) -> TranscriptionFrame:
    """The final result every recogniser pushes: its ``result`` is what the dialogue processor
    reads (docs/ARCHITECTURE.md), the same whichever engine heard the caller."""
    return TranscriptionFrame(
        transcript.text,
        user_id,
        time_now_iso8601(),
        language,
        result={
            "alternatives": list(transcript.alternatives),
            "scored": list(transcript.scored),
            "engine": engine,
            "asr_ms": transcript.asr_ms,
            "vocabulary": vocabulary,
            "window": transcript.extra.get("window"),
            "guard": transcript.extra.get("guard"),
        },
    )


@dataclass
class UserPausedFrame(SystemFrame):
    """The VAD has just stopped hearing speech (it reports the stop only ``stop_secs`` later): a
    recogniser may start transcribing the turn so far now, speculatively."""


@dataclass
class UserResumedFrame(SystemFrame):
    """Speech again before the VAD reported a stop: a transcription started at the pause is stale."""


@dataclass
class UserSpeechStartingFrame(SystemFrame):
    """After a stop, the VAD hears what may be speech; it confirms it ``start_secs`` later
    (``VADUserStartedSpeakingFrame``) or drops it (``UserSpeechFalseStartFrame``). A turn ending
    now is ending on a caller who has already gone on."""


@dataclass
class UserSpeechFalseStartFrame(SystemFrame):
    """What the VAD heard after ``UserSpeechStartingFrame`` was not speech (a click, a breath)."""
