"""Voice activity detection that also reports the moment speech pauses.

pipecat's ``VADProcessor`` reports the end of speech only after ``stop_secs`` of silence. Silero's
state machine knows earlier: it enters STOPPING at the first quiet window, about 0.16 s before the
stop on caller lines and sentences alike. ``PauseAwareVADProcessor`` broadcasts ``UserPausedFrame``
then, and ``UserResumedFrame`` if speech comes back before the stop, so the recogniser can start
the turn's transcription 0.16 s sooner and throw it away when the caller goes on (on 30 Common
Voice sentences 0.4 false pauses each, on short caller lines 0.1).
"""

from __future__ import annotations

from pipecat.audio.vad.vad_analyzer import VADState
from pipecat.frames.frames import Frame, InputAudioRawFrame
from pipecat.processors.audio.vad_processor import VADProcessor
from pipecat.processors.frame_processor import FrameDirection

from asr.frames import UserPausedFrame, UserResumedFrame


class PauseAwareVADProcessor(VADProcessor):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._paused = False

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        await super().process_frame(frame, direction)
        if not isinstance(frame, InputAudioRawFrame):
            return
        # The analyzer's own state (STARTING/STOPPING included); the controller keeps only QUIET/SPEAKING.
        # A chunk of audio holds several windows and only its last state is seen: after a pause the
        # next state seen may be STARTING (quiet long enough to stop, and speech again, in one chunk,
        # which the controller never reports). Any speech after a pause is a resumption, or the
        # recogniser would push the pause's transcript of half the turn (CI, stop 29).
        state = self._vad_controller._vad_analyzer._vad_state
        if state == VADState.STOPPING and not self._paused:
            self._paused = True
            await self.broadcast_frame(UserPausedFrame)
        elif state in (VADState.SPEAKING, VADState.STARTING) and self._paused:
            self._paused = False
            await self.broadcast_frame(UserResumedFrame)
        elif state == VADState.QUIET:
            self._paused = False  # the controller reports the stop
