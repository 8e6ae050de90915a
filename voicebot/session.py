"""One conversation, whatever the channel: the dialogue state, the engine's steps, the actions
carried out, and the call record.

Voice (``voicebot.dialogue_processor``, a pipecat processor) and chat (``voicebot.chat``, HTTP) are
adapters around a ``Session``: they turn what arrives on their line into dialogue events and put
them in, and they give the session a ``Channel`` that does what only the line can do (speak or
show a text, wait for input, bridge a handoff, hang up). Everything else lives here, once:

- the engine's steps, in order (one event at a time, from the session's inbox);
- the back-end look-ups and the handoff, through the ``ActionExecutor``, their answers fed back;
- the call-record events of the dialogue (docs/call-record.md), with what is recorded redacted:
  a caller's words lose their long numbers, input given while the engine asked for a secret
  (``Listen.secret`` / ``CollectKeys.secret``) is replaced by a placeholder, keys are counted only;
- ``auth_result``: how identification and authentication went (never the PESEL or the PIN);
- why the dialogue ended the conversation (``end_reason``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import replace
from typing import Any, Protocol

from loguru import logger

from dialogue import actions as A
from dialogue import events as E
from dialogue.booking_types import BookVisit
from voicebot.call_record import (AUTH_OUTCOMES, REDACTED_TURN, AuthResult, CallRecord, dialogue_state_fields,
                                  transcript_fields)

FALLBACK_APOLOGY = "Przepraszam, wystąpił błąd. Proszę powtórzyć."
# ``call_ended`` reasons when the dialogue, not the line, ended the conversation.
HANDED_OFF = "handed off"
BOT_ENDED = "bot ended the call"


class Channel(Protocol):
    """What a line does for its session (voice: frames; chat: the HTTP reply)."""

    async def say(self, text: str, *, sensitive: bool) -> None:
        """Speak or show ``text`` (already recorded by the session)."""

    async def expect_input(self, action: A.Listen | A.CollectKeys) -> None:
        """The engine waits for speech or keys (voice: vocabulary and silence timer)."""

    async def handed_off(self, action: A.HandOff, outcome: dict) -> dict:
        """The handoff is queued: tell the line (a mark, a transfer); returns the outcome the
        engine hears (a transfer may change its status)."""

    async def end(self, action: A.EndCall) -> None:
        """The dialogue ends the conversation."""

    async def run_backend(self, call: Awaitable[None]) -> None:
        """Run a back-end look-up: voice starts it beside the frame flow (barge-in keeps working,
        a slow answer brings a hold prompt), chat awaits it before replying."""


class Session:
    def __init__(self, *, engine: Any, executor: Any, record: CallRecord, channel: Channel,
                 channel_name: str, caller_number: str | None = None, line_key: str | None = None,
                 record_key: bytes = b"") -> None:
        self.engine = engine
        self.executor = executor
        self.record = record
        self.channel = channel
        self.channel_name = channel_name
        self.caller_number = caller_number
        # What the identity service counts attempts by: the caller's line, or a chat's client.
        self.line_key = line_key or caller_number
        self.record_key = record_key
        self.state: Any = None
        self.inbox: asyncio.Queue = asyncio.Queue()
        # Set by the latest Listen/CollectKeys: whether the caller's next input may be a secret.
        self.secret_input = False
        self._input_by = "voice"  # how the latest input was asked for: voice | keypad
        self._number_asked = False  # the latest input asked for is a number said aloud (a PESEL)
        self.keys_pressed = 0
        self.verify_attempts = 0
        self.ended = False
        self.end_reason: str | None = None  # HANDED_OFF | BOT_ENDED once the dialogue ended the call
        # When this conversation is the survey after a handoff: the id of the call that was handed
        # off, and the handoff's queue ("" when unknown).
        self.survey_for: str | None = None
        self.survey_queue: str | None = None

    # ---- what the line heard --------------------------------------------------------------------

    def call_started(self) -> E.CallStarted | E.SurveyStarted:
        """The conversation's first event: a call, or the survey after a handoff (``survey_for``)."""
        if self.survey_queue is not None:
            return E.SurveyStarted(channel=self.channel_name, queue=self.survey_queue or None)
        return E.CallStarted(channel=self.channel_name, caller_number=self.caller_number)

    def record_transcript(self, text: str, alternatives: tuple[str, ...] | list[str] = (), *,
                          kept: dict | None = None, **details: Any) -> str:
        """Write what the caller said; returns the text as recorded. While the engine asked for a
        secret only a placeholder is written (and ``kept``: fields that say nothing of the words,
        e.g. which recogniser); the engine still hears the words (it warns and keeps nothing)."""
        if self.secret_input:
            self.record.emit("transcript", text=REDACTED_TURN, redacted=True, **(kept or {}))
            return REDACTED_TURN
        fields = transcript_fields(text, alternatives, number_answer=self._number_asked)
        self.record.emit("transcript", **fields, **(kept or {}), **details)
        return fields["text"]

    def record_keys(self, count: int) -> None:
        """Keys pressed: counted, never written (a key may be a telePIN digit)."""
        self.keys_pressed += count
        self.record.emit("keypress", count=self.keys_pressed)

    # ---- the engine -----------------------------------------------------------------------------

    async def put(self, event: Any) -> None:
        await self.inbox.put(event)

    async def run(self) -> None:
        """Handle events as they come, for ever (voice: on its own task)."""
        while True:
            await self.handle(await self.inbox.get())

    async def settle(self) -> None:
        """Handle every event waiting, and what they bring, until the session waits for the
        caller (chat: one reply)."""
        while not self.inbox.empty():
            await self.handle(self.inbox.get_nowait())

    async def handle(self, event: Any) -> None:
        try:
            previous = self.state
            if isinstance(event, (E.CallStarted, E.SurveyStarted)):
                self.state, actions = self.engine.start(event)
            else:
                self.state, actions = self.engine.handle(self.state, event)
            self.record.emit("dialogue_state",
                             **dialogue_state_fields(self.state, type(event).__name__, self.record_key))
            self._note_identification(previous)
            for action in actions:
                await self._perform(action)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the caller must still hear something sensible
            logger.error(f"dialogue error on {type(event).__name__}: {type(exc).__name__}")
            self.record.emit("error", where="dialogue", kind=type(exc).__name__)
            await self.channel.say(FALLBACK_APOLOGY, sensitive=False)

    async def _perform(self, action: Any) -> None:
        if isinstance(action, A.Say):
            self.record.emit("bot_utterance", text=action.record_text, sensitive=action.sensitive)
            await self.channel.say(action.text, sensitive=action.sensitive)
        elif isinstance(action, A.Listen):
            self.record.emit("listen", vocabulary=action.vocabulary, timeout_s=action.timeout_s)
            self._expect(action, "voice")
            await self.channel.expect_input(action)
        elif isinstance(action, A.CollectKeys):
            self.record.emit("collect_keys", purpose=action.purpose, max_keys=action.max_keys)
            self._expect(action, "keypad")
            await self.channel.expect_input(action)
        elif isinstance(action, A.HandOff):
            outcome = await self.executor.hand_off(action, call_id=self.record.call_id, channel=self.channel_name)
            self.record.emit("handoff", queue=action.queue, reason=action.reason, callback=action.callback,
                             handoff_id=outcome.get("handoff_id"), status=outcome.get("status"))
            outcome = await self.channel.handed_off(action, outcome)
            # The engine decides what the caller hears next (and ends the call once connected).
            await self.put(self.executor.handoff_result(action, outcome))
        elif isinstance(action, A.RecordSurvey):
            await self._record_survey(action)
        elif isinstance(action, A.EndCall):
            self.record.emit("end_call", reason=action.reason)
            self.ended = True
            self.end_reason = HANDED_OFF if action.reason == "handed_off" else BOT_ENDED
            await self.channel.end(action)
        else:
            # Back-end look-ups: verify identity, principals, settlements.
            self.record.emit("backend_request", action=type(action).__name__)
            await self.channel.run_backend(self._call_backend(action))

    async def _record_survey(self, action: A.RecordSurvey) -> None:
        """Store the survey under the call it rates (``survey_for``: the call that was handed off,
        when this conversation is the survey after it). A failure to store is logged, never heard."""
        result = replace(action.result, call_id=self.survey_for or self.record.call_id)
        # Ratings are no personal data: the record keeps them for the evaluation (the comment is
        # in the transcript already; here only whether there is one).
        self.record.emit("survey", source=str(result.source), answers=len(result.answers),
                         ratings=[a.rating for a in result.answers], by=[a.by for a in result.answers],
                         comment=result.comment is not None, complete=result.complete)
        try:
            await self.executor.record_survey(result)
        except Exception as exc:  # noqa: BLE001 - the caller still hears the thanks
            logger.error(f"survey not stored: {type(exc).__name__}")
            self.record.emit("error", where="survey", kind=type(exc).__name__)

    async def _call_backend(self, action: Any) -> None:
        event = await self.executor.execute(action, caller_number=self.line_key)
        self.record.emit("backend_result", action=type(action).__name__, ok=getattr(event, "error", None) is None)
        if isinstance(action, A.VerifyIdentity):
            self._note_verification(event)
        if isinstance(action, BookVisit) and event.error is None:
            self._note_booking(action, event.value)
        await self.put(event)

    def _note_booking(self, action: BookVisit, outcome: Any) -> None:
        """``booking``: the visit booked (office, matter, start, code; never the visitor's data)."""
        if getattr(outcome, "status", None) == "booked":
            self.record.emit("booking", code=outcome.code, office_id=action.office_id, matter=action.matter,
                             start=(outcome.start or action.start).isoformat(), email_queued=outcome.email_queued)
        else:
            self.record.emit("booking_slot_taken", office_id=action.office_id, start=action.start.isoformat())

    # ---- secrets and authentication -------------------------------------------------------------

    def _expect(self, action: A.Listen | A.CollectKeys, by: str) -> None:
        self.secret_input = action.secret  # the engine marks its telePIN requests
        self._input_by = by
        self._number_asked = isinstance(action, A.Listen) and action.vocabulary == "digits"

    def _note_verification(self, event: Any) -> None:
        """``auth_result`` for the answer of the identity service: the outcome only."""
        self.verify_attempts += 1
        outcome = "error" if event.error is not None else getattr(event.value, "result", None)
        AuthResult(outcome if outcome in AUTH_OUTCOMES else "failed", self._pesel_entry(),
                   self.verify_attempts).emit(self.record)

    def _note_identification(self, previous: Any) -> None:
        """``auth_result`` when the dialogue gave up on getting a PESEL (it offers an agent)."""
        reason = _offer_reason(self.state)
        if reason == "identification_failed" and _offer_reason(previous) != reason:
            AuthResult("identification_failed", self._input_by, self.verify_attempts).emit(self.record)

    def _pesel_entry(self) -> str:
        return getattr(self.state, "pesel_entry", None) or self._input_by


def _offer_reason(state: Any) -> str | None:
    """Why the dialogue offers a human (kept in the state's ``repair`` sub-record)."""
    return getattr(getattr(state, "repair", None), "offer_reason", None)
