"""Balance, payments and refund: one settlements lookup each, answered by ``dialogue.answers``."""

from __future__ import annotations

from collections.abc import Callable

from dialogue import answers
from dialogue.actions import LookupSettlements
from dialogue.state import DialogueState


def lookup(query: str) -> Callable[[DialogueState, str], LookupSettlements]:
    """The request for ``query`` (balance | payments | refund) about the chosen subject."""

    def request(state: DialogueState, request_id: str) -> LookupSettlements:
        subject = state.subject
        is_person = subject.kind == "person"
        subject_id = (subject.pesel or subject.nip) if is_person else subject.nip
        return LookupSettlements(request_id, subject.kind, subject_id, query, state.tax, state.pesel)

    return request


def tax_options(query: str) -> Callable[[DialogueState, object], list[str]]:
    return lambda state, result: answers.tax_options(query, result, state.tax)


def answer(query: str) -> Callable[[DialogueState, object], str]:
    return lambda state, result: answers.answer_text(query, result, state.tax, state.period)
