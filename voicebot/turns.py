"""End-of-turn decisions that follow what the bot asked for.

pipecat's smart-turn model ends a turn as soon as it judges the caller done; when it judges them
not done, the turn ends only after ``user_turn_stop_timeout`` of quiet. On 8 kHz phone audio it
misjudges a third of short answers ("Tak.", "Wpłaty.") and about a quarter of whole PESELs (their
list intonation) as unfinished at a 0.2 s pause (``eval.bench_turns``). Three things follow:

- ``VocabularyAwareTurnProcessor``: the quiet that ends a turn the model thinks unfinished follows
  the listening mode — short for yes/no, longer for free speech, long while digits are read in groups;
- ``AnswerCompleteUserTurnStopStrategy``: a transcript the recogniser marks ``answer_complete`` (a
  clear yes/no, a whole number, a question about a matter: ``dialogue.answer_hints.turn_over``) ends
  the turn at once;
- ``SecondLookTurnStopStrategy``: when the model says "not yet" at the VAD's stop, it looks again a
  little later — with 0.35 s of silence it judged 92 % of short caller lines finished, against 67 %
  at 0.2 s — before the end-of-turn wait decides.
"""

from __future__ import annotations

import asyncio

from pipecat.audio.turn.base_turn_analyzer import EndOfTurnState
from pipecat.frames.frames import Frame, TranscriptionFrame, VADUserStartedSpeakingFrame, VADUserStoppedSpeakingFrame
from pipecat.processors.frame_processor import FrameDirection
from pipecat.turns.types import ProcessFrameResult
from pipecat.turns.user_stop.base_user_turn_stop_strategy import BaseUserTurnStopStrategy
from pipecat.turns.user_stop.turn_analyzer_user_turn_stop_strategy import TurnAnalyzerUserTurnStopStrategy
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


class SecondLookTurnStopStrategy(TurnAnalyzerUserTurnStopStrategy):
    """pipecat's turn-analyzer strategy, plus one more look ``second_look_s`` after a "not yet".

    It extends the strategy through its private handlers (pipecat-ai is pinned in pyproject.toml):
    the VAD-stop handler and the reset that a new stretch of speech triggers.
    """

    def __init__(self, *, second_look_s: float = 0.15, **kwargs) -> None:
        super().__init__(**kwargs)
        self._second_look_s = second_look_s
        self._second_look: asyncio.Task | None = None

    async def _handle_vad_user_stopped_speaking(self, frame: VADUserStoppedSpeakingFrame):
        await super()._handle_vad_user_stopped_speaking(frame)
        if not self._turn_complete:
            await self._cancel_second_look()
            self._second_look = self.task_manager.create_task(self._look_again(), f"{self}::second_look")

    async def _look_again(self) -> None:
        try:
            await asyncio.sleep(self._second_look_s)
            if self._vad_user_speaking or self._turn_complete:
                return
            state, prediction = await self._turn_analyzer.analyze_end_of_turn()
            await self._handle_prediction_result(prediction)
            if state == EndOfTurnState.COMPLETE and not self._vad_user_speaking:
                self._turn_complete = True
                await self._maybe_trigger_user_turn_stopped()
        finally:
            self._second_look = None

    async def _cancel_second_look(self) -> None:
        task, self._second_look = self._second_look, None
        if task is not None and task is not asyncio.current_task():
            await self.task_manager.cancel_task(task)

    async def _discard_pending_end_of_turn(self):
        await self._cancel_second_look()
        await super()._discard_pending_end_of_turn()

    async def cleanup(self):
        await self._cancel_second_look()
        await super().cleanup()
