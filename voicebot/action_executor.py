"""Carries out the dialogue's back-end actions with the integrations clients.

The engine asks (``VerifyIdentity``, ``ListPrincipals``, ``LookupSettlements``, ``HandOff``); this
adapter calls the KAS back ends or the handoff queue and answers with a ``BackendResult`` event made
of ``dialogue.backend`` types. A failure never raises: it becomes a ``BackendError`` the dialogue
turns into an apology and an offer of a human.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from loguru import logger

from contracts.survey import SurveyResult
from dialogue import actions as A
from dialogue import backend as B
from dialogue.events import BackendResult
from integrations.handoff import metrics
from integrations.http import BackendRejected, BackendUnavailable
from dialogue.booking_types import BOOKING_ACTIONS
from voicebot import backend_results as results
from voicebot import survey_metrics
from voicebot.booking_actions import BookingActions

_REJECTION_KINDS = {403: "forbidden", 404: "not_found"}


def backend_error(failure: BackendUnavailable | BackendRejected) -> B.BackendError:
    if isinstance(failure, BackendUnavailable):
        return B.BackendError(kind="timeout" if failure.reason == "timeout" else "unavailable")
    return B.BackendError(kind=_REJECTION_KINDS.get(failure.status, "unavailable"))


class ActionExecutor:
    def __init__(self, backend: Any, handoff_queue: Any = None, surveys: Any = None, mail: Any = None) -> None:
        self.backend = backend  # integrations.backend.KasBackend
        self.handoff_queue = handoff_queue  # integrations.handoff.queue.HandoffQueue
        self.surveys = surveys  # voicebot.survey_store.SurveyStore (None: surveys are not kept)
        self.mail = mail  # integrations.mail.sender.MailService (visit confirmations)
        self.booking = BookingActions(backend, mail)

    async def record_survey(self, result: SurveyResult) -> None:
        """Store a survey (a database write, off the event loop) and count it."""
        if self.surveys is None:
            return
        saved = await asyncio.to_thread(self.surveys.save, result)
        survey_metrics.record_saved(result, saved)

    async def execute(self, action: Any, *, caller_number: str | None = None) -> BackendResult:
        """``caller_number``: the line the call comes from (the identity service rate-limits by it)."""
        try:
            outcome, parse = await self._call(action, caller_number)
        except Exception as exc:  # a bug or an unforeseen failure must not leave the caller in silence
            logger.error(f"back-end action {type(action).__name__} failed: {type(exc).__name__}")
            return BackendResult(request_id=action.request_id, error=B.BackendError(kind="unavailable"))
        if isinstance(outcome, (BackendUnavailable, BackendRejected)):
            return BackendResult(request_id=action.request_id, error=backend_error(outcome))
        return BackendResult(request_id=action.request_id, value=parse(outcome))

    async def _call(self, action: Any, caller_number: str | None):
        """The client's outcome and its mapping to a dialogue type (``voicebot/backend_results.py``)."""
        if isinstance(action, A.VerifyIdentity):
            outcome = await self.backend.identity.verify(action.pesel, action.pin, caller_number)
            return outcome, results.verify_result
        if isinstance(action, A.ListPrincipals):
            outcome = await self.backend.representatives.principals(action.pesel.reveal())
            return outcome, results.principals_result
        if isinstance(action, A.LookupSettlements):
            subject = action.subject_id.reveal() if hasattr(action.subject_id, "reveal") else action.subject_id
            outcome = await self.backend.settlements.lookup(
                action.query, subject, action.acting_pesel.reveal(), action.tax)
            return outcome, results.SETTLEMENTS[action.query]
        if isinstance(action, BOOKING_ACTIONS):
            return await self.booking.call(action)
        raise TypeError(f"not a back-end action: {type(action).__name__}")

    async def hand_off(self, action: A.HandOff, *, call_id: str, channel: str) -> dict:
        """Queue the caller for an agent; returns what the call side needs (id, status, what to say)."""
        context = replace(action.context, call_id=call_id, channel=channel)
        if self.handoff_queue is None:
            return {"handoff_id": None, "status": "unavailable", "queue": action.queue, "callback": action.callback}
        # The full PESEL travels beside the context: only the agent's card shows it.
        # A callback request is queued even when the agents are off: they call back when they start.
        result = await self.handoff_queue.publish(action.queue, action.reason, context, pesel=action.pesel,
                                                  said=action.said, respect_hours=not action.callback)
        if result.status != "closed_hours":
            metrics.record_call_handed_off(channel)
        return {
            "handoff_id": result.handoff_id,
            "status": result.status,
            "queue": result.queue,
            "caller_token": result.caller_token,
            "callback": action.callback,
            "next_opening_pl": result.next_opening_pl,
        }

    @staticmethod
    def handoff_result(action: A.HandOff, outcome: dict) -> BackendResult:
        """How the handoff went, for the engine (it decides what the caller hears next)."""
        return BackendResult(request_id=action.request_id, value={
            "status": outcome.get("status", "unavailable"), "next_opening_pl": outcome.get("next_opening_pl")})
