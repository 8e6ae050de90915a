"""Frames the speech recognisers understand beyond pipecat's own."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipecat.frames.frames import SystemFrame

from asr.engine import check_vocabulary


@dataclass
class VocabularyFrame(SystemFrame):
    """Switch the recogniser's vocabulary ("free" | "digits" | "yes_no") from the next utterance on.

    A system frame: it travels in order with the audio (``InputAudioRawFrame`` is a system frame
    too) and an interruption, e.g. the caller barging in over the prompt that asked for digits,
    never drops it. The mode stays until the next ``VocabularyFrame``. STT services apply it and
    pass it on, so it may be pushed upstream from the dialogue processor or downstream from input.
    """

    vocabulary: str = "free"
    interruptible: bool = field(default=False, init=False)

    def __post_init__(self):
        super().__post_init__()
        check_vocabulary(self.vocabulary)
