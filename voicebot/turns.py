"""End-of-turn waiting that follows what the bot asked for.

pipecat's smart-turn model ends a turn as soon as it judges the caller done; when it judges them
not done, the turn ends only after ``user_turn_stop_timeout`` of quiet. A caller reading a PESEL
pauses between groups, so a digits turn waits long; a caller stating their matter or answering
yes/no does not, and waiting as long there was most of the bot's slow answers (in the starter
suite 24 of 54 turns waited the full 3 s).
"""

from __future__ import annotations

from pipecat.frames.frames import Frame
from pipecat.processors.frame_processor import FrameDirection
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
