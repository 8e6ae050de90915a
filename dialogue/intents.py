"""The intent registry: every personal service the bot answers, in one table.

Per intent: whether it needs an authenticated caller, the request action it sends, the result type
that comes back and how that result is said. The engine's answer phase (``dialogue/states/answer.py``)
reads only this table, so a new service is one module under ``dialogue/services/`` plus one entry
here (see docs/ARCHITECTURE.md, "Adding a service").

Intents outside the table (``agent``, ``other``) and tier I questions (``keyword_nlu.general_question``)
are not services: they need no back end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dialogue.backend import BalancesResult, PaymentsResult, RefundsResult
from dialogue.nlu_types import NluResult
from dialogue.booking_types import BookingCatalogue, CancelOutcome
from dialogue.services import booking, interest, settlements
from dialogue.state import DialogueState
from dialogue.states import booking as booking_dialogue
from dialogue.states import booking_cancel


def _no_choice(state: DialogueState, result: Any) -> list[str]:
    return []


@dataclass(frozen=True)
class Service:
    intent: str
    needs_auth: bool
    # The action that asks the back end: (state, request_id) -> an action of dialogue.actions.
    request: Callable[[DialogueState, str], Any]
    result_type: type  # what comes back in the BackendResult (a dialogue.backend type)
    answer: Callable[[DialogueState, Any], str]  # the spoken answer (it holds amounts: sensitive)
    # Taxes to choose from before answering (empty: answer at once).
    tax_options: Callable[[DialogueState, Any], list[str]] = _no_choice
    # A keyword rule that recognises the service when the NLU model has no intent for it; it wins
    # over the model's intent (the model was not trained on it).
    recognise: Callable[[str], bool] | None = None
    # A service with a conversation of its own (booking a visit): (moves, state, text) -> the next
    # step; the answer phase hands the call to it instead of sending ``request`` (then unused).
    begin: Callable[..., Any] | None = None

    def parse(self, value: Any) -> Any:
        """The typed result from a typed value or the back end's JSON dict."""
        if isinstance(value, self.result_type):
            return value
        if isinstance(value, dict):
            return self.result_type.from_json(value)
        raise TypeError(f"expected {self.result_type.__name__} or dict for a {self.intent} request")


def _settlements(query: str, result_type: type) -> Service:
    return Service(query, needs_auth=True, request=settlements.lookup(query), result_type=result_type,
                   answer=settlements.answer(query), tax_options=settlements.tax_options(query))


SERVICES: dict[str, Service] = {s.intent: s for s in (
    _settlements("balance", BalancesResult),
    _settlements("payments", PaymentsResult),
    _settlements("refund", RefundsResult),
    Service("interest", needs_auth=True, request=interest.request, result_type=PaymentsResult,
            answer=interest.answer, recognise=interest.recognise),
    Service("booking", needs_auth=False, request=None, result_type=BookingCatalogue, answer=None,
            recognise=booking.recognise, begin=booking_dialogue.begin),
    Service("booking_cancel", needs_auth=False, request=None, result_type=CancelOutcome, answer=None,
            recognise=booking.recognise_cancel, begin=booking_cancel.begin),
)}


def service(intent: str | None) -> Service | None:
    return SERVICES.get(intent or "")


def recognise(text: str, nlu: NluResult, min_confidence: float) -> Service | None:
    """The service the caller asks for: a service's own keyword rule first, then the model's intent."""
    for candidate in SERVICES.values():
        if candidate.recognise is not None and candidate.recognise(text):
            return candidate
    if nlu.confidence >= min_confidence:
        return SERVICES.get(nlu.intent)
    return None
