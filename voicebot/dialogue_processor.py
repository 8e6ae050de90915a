"""The voice adapter between pipecat frames and the conversation's ``Session``.

Frames in (transcripts, key presses, turn and bot-speech boundaries) become dialogue events for the
session; what the session asks of the line becomes frames (speech, vocabulary switches upstream,
the end of the call, the handoff mark) — plus what only a phone line has: the silence timer, the
hold prompt while a back end is slow, barge-in, and the speech and turn events of the call record.
A turn that ended before the whole-turn transcript of its last words came waits for it (a bounded
while), so the engine hears the turn once, not its first words and then all of it again; a turn
that ended just as the caller went on (the VAD already hears speech) is held, and joined to what
they say next if the VAD confirms it.
The engine, the back-end calls, the dialogue's record events and redaction live in the session.

The session runs on one worker task fed by its inbox, so back-end calls never stall the frame flow
(barge-in keeps working while a verification is under way) and events reach the engine in order.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from pipecat.frames.frames import (
    BotStartedSpeakingFrame,
    BotStoppedSpeakingFrame,
    CancelFrame,
    EndFrame,
    EndWorkerFrame,
    Frame,
    InputDTMFFrame,
    InterimTranscriptionFrame,
    StartFrame,
    TranscriptionFrame,
    TTSSpeakFrame,
    UserStartedSpeakingFrame,
    UserStoppedSpeakingFrame,
    VADUserStartedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor

from asr.frames import UserSpeechFalseStartFrame, UserSpeechStartingFrame, VocabularyFrame
from dialogue import actions as A
from dialogue import events as E
from dialogue import prompts
from voicebot.call_record import CallRecord
from voicebot.session import FALLBACK_APOLOGY, Session

# How long a closed turn waits for the transcript of the caller's last words before acting on what
# it has: longer than a whole-turn decode takes, short enough that a lost transcript costs little.
LATE_TRANSCRIPT_WAIT_S = 2.5
# How long a turn that ended while the VAD was hearing new speech waits for the VAD to confirm it
# (start_secs, 0.15 s, after it first heard it) before acting on the turn alone: a margin for a
# busy machine. A false start acts on the turn at once.
RESUMPTION_WAIT_S = 0.6


class DialogueProcessor(FrameProcessor):
    def __init__(
        self,
        *,
        engine: Any,
        executor: Any,
        record: CallRecord,
        channel: str = "voice",
        caller_number: str | None = None,
        vad_stop_secs: float = 0.2,
        handoff_frames: Callable[[dict], Awaitable[list[Frame]]] | None = None,
        transfer_call: Callable[[dict], Awaitable[str]] | None = None,
        record_key: bytes = b"",
        line_key: str | None = None,
        hold_prompt_s: float | None = None,
        late_transcript_wait_s: float = LATE_TRANSCRIPT_WAIT_S,
        resumption_wait_s: float = RESUMPTION_WAIT_S,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        # ``line_key``: what the identity service counts attempts by (the caller's line, E.164
        # when it is a number).
        self.session = Session(engine=engine, executor=executor, record=record, channel=_VoiceLine(self),
                               channel_name=channel, caller_number=caller_number, line_key=line_key,
                               record_key=record_key)
        self._record = record
        # A back-end answer slower than this: the caller hears "Chwileczkę, sprawdzam." (once).
        self._hold_prompt_s = hold_prompt_s
        self._vad_stop_secs = vad_stop_secs
        # What the transport adds after a handoff (the Twilio ``mark`` that names it).
        self._handoff_frames = handoff_frames
        # Telephony that moves the call itself (SIP REFER): awaited after the handoff frames, it
        # returns the status the engine hears ("queued" once the call moved, "transfer_failed").
        self._transfer_call = transfer_call

        self._worker: asyncio.Task | None = None
        self._timer: asyncio.Task | None = None
        self._listen_timeout: float | None = None
        self._heard: list[TranscriptionFrame] = []
        # The caller spoke again after the newest transcript: one covering that speech is on its way.
        self._speech_since_heard = False
        self._late_transcript_wait_s = late_transcript_wait_s
        self._flush_wait: asyncio.Task | None = None
        # The VAD hears what may be speech, not yet confirmed; a turn that ended meanwhile is held.
        self._speech_starting = False
        self._resumption_wait_s = resumption_wait_s
        self._held_for_resumption = False
        self._user_turn_open = False
        self._bot_speaking = False

    # ---- frames -> events -------------------------------------------------------------------

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)

        if isinstance(frame, StartFrame):
            await self.push_frame(frame, direction)
            self._worker = self.create_task(self.session.run(), name="dialogue-engine")
            await self.session.put(self.session.call_started())
            return
        if isinstance(frame, (EndFrame, CancelFrame)):
            await self._stop()
            await self.push_frame(frame, direction)
            return

        if isinstance(frame, InputDTMFFrame):
            # A key is a secret: counted, handed to the engine, never passed on or written down.
            if self._flush_wait is not None:
                await self._flush_heard()  # the turn waiting for its words goes first: keys end speech
            self.session.record_keys(1)
            self._cancel_timer()
            await self.session.put(E.KeyPress(key=frame.button.value))
            return

        if isinstance(frame, TranscriptionFrame) and not isinstance(frame, InterimTranscriptionFrame):
            self._on_transcript(frame)
            # Arrived after the turn closed (slow recogniser); a held turn waits for what comes next.
            if not self._user_turn_open and not self._held_for_resumption:
                await self._flush_heard()
        elif isinstance(frame, UserStartedSpeakingFrame):
            if self._held_for_resumption:
                # The caller went on: what they say now is the rest of the held turn.
                await self._release_hold()
                self._record.emit("turn_resumed")
            else:
                await self._flush_heard()  # a turn still waiting for its last words goes first
            self._user_turn_open = True
            self._cancel_timer()
            self._record.emit("user_started_speaking")
            if self._bot_speaking:
                self._record.emit("barge_in")
                await self.session.put(E.BargeIn())
        elif isinstance(frame, VADUserStartedSpeakingFrame):
            # Speech again: a pause before it, even one the VAD reported, was not the end of speech
            # the bot's answer is measured from (``eval.metrics.latencies``).
            self._speech_since_heard = True
            self._speech_starting = False
            self._record.emit("user_speech_started")
        elif isinstance(frame, UserSpeechStartingFrame):
            self._speech_starting = True
        elif isinstance(frame, UserSpeechFalseStartFrame):
            self._speech_starting = False
            if self._held_for_resumption:
                await self._release_hold()
                await self._act_on_closed_turn()
        elif isinstance(frame, VADUserStoppedSpeakingFrame):
            # The caller's speech ended stop_secs before the VAD said so: that instant is where
            # the latency of the bot's answer is measured from.
            self._record.emit("user_speech_ended", offset_s=-self._vad_stop_secs)
        elif isinstance(frame, UserStoppedSpeakingFrame):
            if self._user_turn_open:
                self._user_turn_open = False
                self._record.emit("user_stopped_speaking")
                # If this turn brings no words (noise, a lost transcript), the caller still hears a
                # prompt after the listening time; an answer cancels it when the bot starts speaking.
                self._arm_timer()
                await self._act_on_closed_turn()
        elif isinstance(frame, BotStartedSpeakingFrame) and direction == FrameDirection.UPSTREAM:
            self._bot_speaking = True
            self._cancel_timer()
            self._record.emit("bot_started_speaking")
        elif isinstance(frame, BotStoppedSpeakingFrame) and direction == FrameDirection.UPSTREAM:
            self._bot_speaking = False
            self._record.emit("bot_stopped_speaking")
            self._arm_timer()

        await self.push_frame(frame, direction)

    def _on_transcript(self, frame: TranscriptionFrame) -> None:
        info = frame.result if isinstance(frame.result, dict) else {}
        if info.get("supersedes"):
            # Whisper transcribes the whole turn at each pause: the newest covers all of it.
            self._heard = [f for f in self._heard
                           if not (isinstance(f.result, dict) and f.result.get("turn") == info.get("turn"))]
        if isinstance(frame.result, dict):
            frame.result["heard_at"] = time.time()  # when the transcript arrived (latency breakdown)
        self._heard.append(frame)
        self._speech_since_heard = False

    async def _act_on_closed_turn(self) -> None:
        if self._speech_starting:
            # The turn-taking model ended the turn at a pause the caller is already ending: acting
            # now would start an answer they talk over, and split one sentence into two turns.
            self._held_for_resumption = True
            self._flush_wait = self.create_task(
                self._flush_after(self._resumption_wait_s, "resumption_wait_expired"), name="resumption-wait")
        elif self._speech_since_heard and self._whole_turn_transcript_due():
            # The turn ended (on the turn model's word, or its wait for the recogniser ran out)
            # before the transcript of the caller's last words came: acting on the earlier part
            # now, and on the whole turn again when it comes, would answer the caller twice. Wait
            # for it, a bounded while.
            self._flush_wait = self.create_task(
                self._flush_after(self._late_transcript_wait_s, "late_transcript_wait_expired"),
                name="late-transcript-wait")
        else:
            await self._flush_heard()

    def _whole_turn_transcript_due(self) -> bool:
        """The turn's recogniser transcribes the whole turn at each pause (``supersedes``): speech
        after its newest transcript always brings another one."""
        return bool(self._heard) and isinstance(self._heard[-1].result, dict) and bool(
            self._heard[-1].result.get("supersedes"))

    def _record_heard(self, frame: TranscriptionFrame) -> None:
        info = frame.result if isinstance(frame.result, dict) else {}
        self.session.record_transcript(
            frame.text, info.get("alternatives", []),
            kept={"engine": info.get("engine")},
            asr_ms=info.get("asr_ms"),
            vocabulary=info.get("vocabulary"),
            **({"heard_at": info["heard_at"]} if info.get("heard_at") else {}),
            **({"answer_complete": True} if info.get("answer_complete") else {}),
            **({"window": info["window"]} if info.get("window") else {}),
            **({"guard": info["guard"]} if info.get("guard") else {}),
            **({"scored": len(info["scored"])} if info.get("scored") else {}),
        )

    async def _flush_after(self, seconds: float, expired: str) -> None:
        await asyncio.sleep(seconds)
        self._flush_wait = None  # no longer cancellable: this is the flush
        self._record.emit(expired, after_s=seconds)
        await self._flush_heard()

    async def _release_hold(self) -> None:
        """End the wait of a turn held for resumption; its words stay in ``_heard``."""
        self._held_for_resumption = False
        await self._cancel_flush_wait()

    async def _cancel_flush_wait(self) -> None:
        if self._flush_wait is not None:
            await self.cancel_task(self._flush_wait)
            self._flush_wait = None

    async def _flush_heard(self) -> None:
        await self._cancel_flush_wait()
        self._held_for_resumption = False
        if not self._heard:
            return
        frames, self._heard = self._heard, []
        for frame in frames:
            self._record_heard(frame)
        text = " ".join(f.text.strip() for f in frames if f.text.strip())
        alternatives: list[str] = []
        scored: tuple = ()
        if len(frames) == 1 and isinstance(frames[0].result, dict):
            alternatives = [a for a in frames[0].result.get("alternatives", []) if a != text]
            scored = tuple((str(t), float(v)) for t, v in frames[0].result.get("scored", ()))
        if text:
            await self.session.put(E.Transcript(text=text, alternatives=tuple(alternatives), scored=scored,
                                                final=True))

    # ---- timers -----------------------------------------------------------------------------

    def _arm_timer(self) -> None:
        self._cancel_timer()
        if self._listen_timeout and not self.session.ended:
            self._timer = asyncio.get_running_loop().create_task(self._timeout_after(self._listen_timeout))

    def _cancel_timer(self) -> None:
        if self._timer and not self._timer.done():
            self._timer.cancel()
        self._timer = None

    async def _timeout_after(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
        self._record.emit("silence_timeout", after_s=seconds)
        await self.session.put(E.SilenceTimeout())

    # ---- what the session asks of the line ----------------------------------------------------

    async def _hold_on_after(self, seconds: float) -> None:
        """Silence while a slow back end answers sounds like a dropped line: say we are on it."""
        await asyncio.sleep(seconds)
        self._record.emit("bot_utterance", text=HOLD_ON, sensitive=False)
        await self.push_frame(TTSSpeakFrame(text=HOLD_ON))

    async def _with_hold_prompt(self, call: Awaitable[None]) -> None:
        hold = None
        if self._hold_prompt_s:
            hold = self.create_task(self._hold_on_after(self._hold_prompt_s), name="backend-hold-prompt")
        try:
            await call
        finally:
            if hold is not None:
                await self.cancel_task(hold)

    async def _stop(self) -> None:
        self._cancel_timer()
        await self._cancel_flush_wait()
        # Hung up while the turn waited for its last words: what was heard stays in the record.
        for frame in self._heard:
            self._record_heard(frame)
        self._heard = []
        if self._worker:
            await self.cancel_task(self._worker)
            self._worker = None


class _VoiceLine:
    """The session's ``Channel`` on a phone line: frames out of the dialogue processor."""

    def __init__(self, processor: DialogueProcessor) -> None:
        self.processor = processor

    async def say(self, text: str, *, sensitive: bool) -> None:
        await self.processor.push_frame(TTSSpeakFrame(text=text))

    async def expect_input(self, action: A.Listen | A.CollectKeys) -> None:
        p = self.processor
        p._listen_timeout = action.timeout_s
        if isinstance(action, A.Listen):
            # Upstream: through the turn processor (it waits longer for digits) to the recogniser.
            await p.push_frame(VocabularyFrame(vocabulary=action.vocabulary, expect=action.expect),
                               FrameDirection.UPSTREAM)
        if not p._bot_speaking:
            p._arm_timer()

    async def handed_off(self, action: A.HandOff, outcome: dict) -> dict:
        p = self.processor
        if p._handoff_frames and outcome.get("handoff_id") and not action.callback:
            for frame in await p._handoff_frames(outcome):
                # A caller who talks over "Łączę z konsultantem…" is still handed off: a barge-in
                # drops the announcement's audio, never the frame that moves the call.
                frame.interruptible = False
                await p.push_frame(frame)
            if p._transfer_call is not None:
                outcome = {**outcome, "status": await p._transfer_call(outcome)}
        return outcome

    async def end(self, action: A.EndCall) -> None:
        self.processor._cancel_timer()
        await self.processor.push_frame(EndWorkerFrame())

    async def run_backend(self, call: Awaitable[None]) -> None:
        self.processor.create_task(self.processor._with_hold_prompt(call), name="backend-call")


HOLD_ON = prompts.HOLD_ON
__all__ = ["DialogueProcessor", "FALLBACK_APOLOGY", "HOLD_ON"]
