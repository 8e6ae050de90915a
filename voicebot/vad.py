"""Voice activity detection that also reports the moment speech pauses.

pipecat's ``VADProcessor`` reports the end of speech only after ``stop_secs`` of silence. Silero's
state machine knows earlier: it enters STOPPING at the first quiet window, about 0.16 s before the
stop on caller lines and sentences alike. ``PauseAwareVADProcessor`` broadcasts ``UserPausedFrame``
then, and ``UserResumedFrame`` if speech comes back before the stop, so the recogniser can start
the turn's transcription 0.16 s sooner and throw it away when the caller goes on (on 30 Common
Voice sentences 0.4 false pauses each, on short caller lines 0.1).

After a stop it reports the first window of what may be speech (``UserSpeechStartingFrame``), and
``UserSpeechFalseStartFrame`` if the VAD drops it: the dialogue processor holds a turn that the
turn-taking model ends while the caller is already going on (``start_secs`` before the VAD confirms).
"""

from __future__ import annotations

from pipecat.audio.vad.vad_analyzer import VADState
from pipecat.frames.frames import Frame, InputAudioRawFrame
from pipecat.processors.audio.vad_processor import VADProcessor
from pipecat.processors.frame_processor import FrameDirection

from asr.frames import UserPausedFrame, UserResumedFrame, UserSpeechFalseStartFrame, UserSpeechStartingFrame


class PauseAwareVADProcessor(VADProcessor):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._paused = False
        self._starting = False  # reported UserSpeechStartingFrame, not yet confirmed or dropped
        # What the controller last reported: a start (True) or a stop. Speech is announced only
        # after a stop: inside speech the controller confirms nothing, and an announcement there
        # would stay open (seen: a turn held 0.6 s for a start that was never to come).
        self._speech_reported = False
        self._vad_controller.add_event_handler("on_speech_started", self._on_reported_start)
        self._vad_controller.add_event_handler("on_speech_stopped", self._on_reported_stop)

    async def _on_reported_start(self, _controller) -> None:
        self._speech_reported = True
        self._starting = False  # confirmed: VADUserStartedSpeakingFrame says so

    async def _on_reported_stop(self, _controller) -> None:
        self._speech_reported = False

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
        elif state == VADState.STARTING and not self._starting and not self._speech_reported:
            self._starting = True
            await self.broadcast_frame(UserSpeechStartingFrame)
        elif state == VADState.QUIET:
            self._paused = False  # the controller reports the stop
            if self._starting:
                self._starting = False
                await self.broadcast_frame(UserSpeechFalseStartFrame)
