"""End-of-turn decisions that follow what the bot asked for.

pipecat's smart-turn model ends a turn as soon as it judges the caller done; when it judges them
not done, the turn ends only after ``user_turn_stop_timeout`` of quiet. On 8 kHz phone audio it
misjudges a third of short answers ("Tak.", "Wpłaty.") and about a quarter of whole PESELs (their
list intonation) as unfinished at a 0.2 s pause (``eval.bench_turns``). Two things follow:

- ``VocabularyAwareTurnProcessor``: the quiet that ends a turn the model thinks unfinished follows
  the listening mode — short for yes/no, longer for free speech, long while digits are read in groups;
- ``AnswerCompleteUserTurnStopStrategy``: a transcript the recogniser marks ``answer_complete`` (a
  clear yes/no, every digit of a valid number: ``dialogue.answer_hints``) ends the turn at once.
"""

from __future__ import annotations

from pipecat.frames.frames import Frame, TranscriptionFrame, VADUserStartedSpeakingFrame, VADUserStoppedSpeakingFrame
from pipecat.processors.frame_processor import FrameDirection
from pipecat.turns.types import ProcessFrameResult
from pipecat.turns.user_stop.base_user_turn_stop_strategy import BaseUserTurnStopStrategy
from pipecat.turns.user_turn_processor import UserTurnProcessor

from asr.frames import VocabularyFrame


class VocabularyAwareTurnProcessor(UserTurnProcessor):
    """A ``UserTurnProcessor`` whose stop timeout follows the vocabulary the dialogue listens with."""

    def __init__(self, *, stop_timeouts: dict[str, float], default_timeout: float, **kwargs) -> None:
        super().__init__(user_turn_stop_timeout=default_timeout, **kwargs)
        self._stop_timeouts = stop_timeouts
        self._default_timeout = default_timeout

    @property
    def stop_timeout(self) -> float:
        # pipecat reads this attribute each time it (re)arms the wait; it has no public setter.
        return self._user_turn_controller._user_turn_stop_timeout

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        if isinstance(frame, VocabularyFrame):
            self._user_turn_controller._user_turn_stop_timeout = self._stop_timeouts.get(
                frame.vocabulary, self._default_timeout)
        await super().process_frame(frame, direction)


class AnswerCompleteUserTurnStopStrategy(BaseUserTurnStopStrategy):
    """Ends the turn when the newest transcript is a complete answer and the caller is quiet."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._speaking = False

    async def handle_user_turn_started(self):
        await super().handle_user_turn_started()
        self._speaking = True

    async def handle_user_turn_stopped(self):
        await super().handle_user_turn_stopped()
        self._speaking = False

    async def process_frame(self, frame: Frame) -> ProcessFrameResult:
        await super().process_frame(frame)
        if isinstance(frame, VADUserStartedSpeakingFrame):
            self._speaking = True
        elif isinstance(frame, VADUserStoppedSpeakingFrame):
            self._speaking = False
        elif isinstance(frame, TranscriptionFrame) and not self._speaking:
            result = frame.result if isinstance(frame.result, dict) else {}
            if result.get("answer_complete"):
                await self.trigger_user_turn_stopped()
        return ProcessFrameResult.CONTINUE
