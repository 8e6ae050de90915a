"""Cancelling a booked visit by its code ("chcę odwołać wizytę"): the code said with letter names
or typed, read back, cancelled (the slot is free again), or why not.

booking_cancel_code → booking_cancel_confirm → booking_wait (cancel) → anything_else.
"""

from __future__ import annotations

from dataclasses import replace

from dialogue import prompts
from dialogue import prompts_booking as P
from dialogue.booking_types import CancelOutcome, CancelVisit, VisitDraft
from dialogue.events import BackendResult, Transcript
from dialogue.keyword_nlu import yes_no
from dialogue.services import booking as service
from dialogue.state import DialogueState, State
from dialogue.states.common import Handlers, Moves, Step
from polish.visits import code_from_text

MAX_FAILURES = 3


def begin(moves: Moves, state: DialogueState, text: str) -> Step:
    state = replace(state, visit=VisitDraft()).with_repair(misunderstood=0)
    code = code_from_text(text)
    if code is not None:  # "odwołuję wizytę KTR-482"
        return _confirm(moves, state, code)
    return moves.ask(state, State.BOOKING_CANCEL_CODE, _ask_code(state), vocabulary="spelling")


def _ask_code(state: DialogueState) -> str:
    return P.ASK_CANCEL_CODE_TEXT if state.channel == "text" else P.ASK_CANCEL_CODE


def _confirm(moves: Moves, state: DialogueState, code: str) -> Step:
    state = state.with_visit(code=code, failures=0)
    return moves.ask(state, State.BOOKING_CANCEL_CONFIRM,
                     P.CONFIRM_CANCEL.format(code=service.code_text(state.channel, code)), vocabulary="yes_no")


def _on_code(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    code = code_from_text(event.text)
    for alternative in event.alternatives:
        code = code or code_from_text(alternative)
    if code is not None:
        return _confirm(moves, state, code)
    state = state.with_visit(failures=state.visit.failures + 1)
    if state.visit.failures >= MAX_FAILURES:
        return moves.offer_agent(state, "misunderstanding")
    return moves.ask(state, State.BOOKING_CANCEL_CODE, P.CANCEL_CODE_AGAIN, vocabulary="spelling")


def _on_confirm(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    answer = yes_no(event.text)
    if answer is False:
        return moves.ask(state, State.ANYTHING_ELSE, P.CANCEL_KEPT, prompts.ANYTHING_ELSE)
    if answer is None:
        code = code_from_text(event.text)
        if code is not None:
            return _confirm(moves, state, code)
        return moves.ask(state, State.BOOKING_CANCEL_CONFIRM, prompts.YES_OR_NO, vocabulary="yes_no")
    state, request_id = moves.request(state, "booking_cancel")
    return replace(state, name=State.BOOKING_WAIT), [CancelVisit(request_id, state.visit.code)]


def on_result(moves: Moves, state: DialogueState, event: BackendResult) -> Step:
    """The booking system's answer to ``CancelVisit`` (``booking_wait``, kind ``booking_cancel``)."""
    if event.error is not None or event.value is None:
        state = moves.note_failure(state, "booking_cancel", event.error.kind if event.error else "unavailable")
        return moves.offer_agent(state, "backend_unavailable", P.BOOKING_DOWN, prompts.OFFER_AGENT_YES_NO)
    outcome = event.value if isinstance(event.value, CancelOutcome) else CancelOutcome.from_json(event.value)
    code = state.visit.code
    if outcome.status == "not_found":
        state = state.with_visit(failures=state.visit.failures + 1)
        if state.visit.failures >= MAX_FAILURES:
            return moves.offer_agent(state, "misunderstanding")
        return moves.ask(state, State.BOOKING_CANCEL_CODE,
                         P.CANCEL_NOT_FOUND.format(code=service.code_text(state.channel, code)), vocabulary="spelling")
    if outcome.status == "too_late":
        return moves.ask(state, State.ANYTHING_ELSE, P.CANCEL_TOO_LATE, prompts.ANYTHING_ELSE)
    slot = service.slot_text(state.channel, outcome.start) if outcome.start else ""
    state = state.with_matter(answered=state.answered + (f"odwołana wizyta: kod {code}",))
    return moves.ask(state, State.ANYTHING_ELSE, P.CANCELLED.format(office=outcome.office_name or "", slot=slot),
                     prompts.ANYTHING_ELSE)


HANDLERS: dict[State, Handlers] = {
    State.BOOKING_CANCEL_CODE: Handlers(on_transcript=_on_code),
    State.BOOKING_CANCEL_CONFIRM: Handlers(on_transcript=_on_confirm),
}
