"""The processor between speech and the dialogue engine.

Frames in (transcripts, key presses, turn and bot-speech boundaries) become dialogue events; the
engine's actions become frames (speech, vocabulary switches, the end of the call) and back-end
calls (through the ``ActionExecutor``). Every step is written to the call record.

The engine runs on one worker task fed by a queue, so back-end calls never stall the frame flow
(barge-in keeps working while a verification is under way) and events reach the engine in order.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from loguru import logger
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
    VADUserStoppedSpeakingFrame,
)
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor

from asr.frames import VocabularyFrame
from dialogue import actions as A
from dialogue import events as E
from dialogue import prompts
from voicebot.call_record import (REDACTED_TURN, CallRecord, dialogue_state_fields, is_secret_state,
                                  transcript_fields)


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
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        # What the identity service counts attempts by (the caller's line, E.164 when it is a number).
        self._line_key = line_key or caller_number
        # A back-end answer slower than this: the caller hears "Chwileczkę, sprawdzam." (once).
        self._hold_prompt_s = hold_prompt_s
        self._engine = engine
        self._executor = executor
        self._record = record
        self._channel = channel
        self._caller_number = caller_number
        self._vad_stop_secs = vad_stop_secs
        # What the transport adds after a handoff (the Twilio ``mark`` that names it).
        self._handoff_frames = handoff_frames
        # Telephony that moves the call itself (SIP REFER): awaited after the handoff frames, it
        # returns the status the engine hears ("queued" once the call moved, "transfer_failed").
        self._transfer_call = transfer_call
        self._record_key = record_key

        self._state: Any = None
        self._events: asyncio.Queue = asyncio.Queue()
        self._worker: asyncio.Task | None = None
        self._timer: asyncio.Task | None = None
        self._listen_timeout: float | None = None
        self._heard: list[TranscriptionFrame] = []
        self._user_turn_open = False
        self._bot_speaking = False
        self._keys_pressed = 0
        self._ending = False

    # ---- frames -> events -------------------------------------------------------------------

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)

        if isinstance(frame, StartFrame):
            await self.push_frame(frame, direction)
            self._worker = self.create_task(self._run_engine(), name="dialogue-engine")
            await self._events.put(E.CallStarted(channel=self._channel, caller_number=self._caller_number))
            return
        if isinstance(frame, (EndFrame, CancelFrame)):
            await self._stop()
            await self.push_frame(frame, direction)
            return

        if isinstance(frame, InputDTMFFrame):
            # A key is a secret: count it, hand it to the engine, never pass it on or write it down.
            self._keys_pressed += 1
            self._record.emit("keypress", count=self._keys_pressed)
            self._cancel_timer()
            await self._events.put(E.KeyPress(key=frame.button.value))
            return

        if isinstance(frame, TranscriptionFrame) and not isinstance(frame, InterimTranscriptionFrame):
            self._on_transcript(frame)
            if not self._user_turn_open:  # arrived after the turn closed (slow recogniser)
                await self._flush_heard()
        elif isinstance(frame, UserStartedSpeakingFrame):
            self._user_turn_open = True
            self._cancel_timer()
            self._record.emit("user_started_speaking")
            if self._bot_speaking:
                self._record.emit("barge_in")
                await self._events.put(E.BargeIn())
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
                await self._flush_heard()
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

    def _record_heard(self, frame: TranscriptionFrame) -> None:
        info = frame.result if isinstance(frame.result, dict) else {}
        if is_secret_state(getattr(self._state, "name", None)):
            # A caller who says the PIN aloud must not have it written down.
            # The engine still hears it (it warns the caller and keeps nothing).
            self._record.emit("transcript", text=REDACTED_TURN, redacted=True, engine=info.get("engine"))
            return
        self._record.emit(
            "transcript",
            **transcript_fields(frame.text, info.get("alternatives", [])),
            engine=info.get("engine"),
            asr_ms=info.get("asr_ms"),
            vocabulary=info.get("vocabulary"),
            **({"heard_at": info["heard_at"]} if info.get("heard_at") else {}),
            **({"answer_complete": True} if info.get("answer_complete") else {}),
            **({"window": info["window"]} if info.get("window") else {}),
            **({"guard": info["guard"]} if info.get("guard") else {}),
            **({"scored": len(info["scored"])} if info.get("scored") else {}),
        )

    async def _flush_heard(self) -> None:
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
            await self._events.put(E.Transcript(text=text, alternatives=tuple(alternatives), scored=scored, final=True))

    # ---- timers -----------------------------------------------------------------------------

    def _arm_timer(self) -> None:
        self._cancel_timer()
        if self._listen_timeout and not self._ending:
            self._timer = asyncio.get_running_loop().create_task(self._timeout_after(self._listen_timeout))

    def _cancel_timer(self) -> None:
        if self._timer and not self._timer.done():
            self._timer.cancel()
        self._timer = None

    async def _timeout_after(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
        self._record.emit("silence_timeout", after_s=seconds)
        await self._events.put(E.SilenceTimeout())

    # ---- engine -> actions ------------------------------------------------------------------

    async def _run_engine(self) -> None:
        while True:
            event = await self._events.get()
            try:
                if isinstance(event, E.CallStarted):
                    self._state, actions = self._engine.start(event)
                else:
                    self._state, actions = self._engine.handle(self._state, event)
                self._record.emit("dialogue_state",
                                  **dialogue_state_fields(self._state, type(event).__name__, self._record_key))
                for action in actions:
                    await self._perform(action)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the caller must still hear something sensible
                logger.error(f"dialogue error on {type(event).__name__}: {type(exc).__name__}")
                self._record.emit("error", where="dialogue", kind=type(exc).__name__)
                await self.push_frame(TTSSpeakFrame(text=FALLBACK_APOLOGY))

    async def _perform(self, action: Any) -> None:
        kind = type(action).__name__
        if isinstance(action, A.Say):
            self._record.emit("bot_utterance", text=action.record_text, sensitive=action.sensitive)
            await self.push_frame(TTSSpeakFrame(text=action.text))
        elif isinstance(action, A.Listen):
            self._record.emit("listen", vocabulary=action.vocabulary, timeout_s=action.timeout_s)
            self._listen_timeout = action.timeout_s
            await self._set_vocabulary(action.vocabulary, action.expect)
            if not self._bot_speaking:
                self._arm_timer()
        elif isinstance(action, A.CollectKeys):
            self._record.emit("collect_keys", purpose=action.purpose, max_keys=action.max_keys)
            self._listen_timeout = action.timeout_s
            if not self._bot_speaking:
                self._arm_timer()
        elif isinstance(action, A.HandOff):
            outcome = await self._executor.hand_off(action, call_id=self._record.call_id, channel=self._channel)
            self._record.emit("handoff", queue=action.queue, reason=action.reason, callback=action.callback,
                              handoff_id=outcome.get("handoff_id"), status=outcome.get("status"))
            if self._handoff_frames and outcome.get("handoff_id") and not action.callback:
                for frame in await self._handoff_frames(outcome):
                    await self.push_frame(frame)
                if self._transfer_call is not None:
                    outcome = {**outcome, "status": await self._transfer_call(outcome)}
            # The engine decides what the caller hears next (and ends the call once connected).
            await self._events.put(self._executor.handoff_result(action, outcome))
        elif isinstance(action, A.EndCall):
            self._record.emit("end_call", reason=action.reason)
            self._ending = True
            self._cancel_timer()
            await self.push_frame(EndWorkerFrame())
        else:
            # Back-end look-ups: verify identity, principals, settlements.
            self._record.emit("backend_request", action=kind)
            self.create_task(self._call_backend(action), name=f"backend-{kind}")

    async def _call_backend(self, action: Any) -> None:
        hold = None
        if self._hold_prompt_s:
            hold = self.create_task(self._hold_on_after(self._hold_prompt_s), name="backend-hold-prompt")
        try:
            event = await self._executor.execute(action, caller_number=self._line_key)
        finally:
            if hold is not None:
                await self.cancel_task(hold)
        self._record.emit("backend_result", action=type(action).__name__,
                          ok=getattr(event, "error", None) is None)
        await self._events.put(event)

    async def _hold_on_after(self, seconds: float) -> None:
        """Silence while a slow back end answers sounds like a dropped line: say we are on it."""
        await asyncio.sleep(seconds)
        self._record.emit("bot_utterance", text=HOLD_ON, sensitive=False)
        await self.push_frame(TTSSpeakFrame(text=HOLD_ON))

    async def _set_vocabulary(self, vocabulary: str, expect: Any = None) -> None:
        # Upstream: through the turn processor (it waits longer for digits) to the recogniser.
        await self.push_frame(VocabularyFrame(vocabulary=vocabulary, expect=expect), FrameDirection.UPSTREAM)

    async def _stop(self) -> None:
        self._cancel_timer()
        if self._worker:
            await self.cancel_task(self._worker)
            self._worker = None


FALLBACK_APOLOGY = "Przepraszam, wystąpił błąd. Proszę powtórzyć."
HOLD_ON = prompts.HOLD_ON
