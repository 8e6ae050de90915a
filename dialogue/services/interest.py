"""Interest paid: "ile odsetek zapłaciłem?" — answered from the payments the settlements API lists.

The worked example of docs/ARCHITECTURE.md ("Adding a service"): this module, its entry in
``dialogue/intents.py`` and its words in ``dialogue/prompts.py``. It needs no new back-end call:
each payment already carries the late-payment interest and reminder costs booked with it.
"""

from __future__ import annotations

from dialogue import prompts
from dialogue.actions import LookupSettlements
from dialogue.backend import PaymentsResult
from dialogue.services import settlements
from dialogue.speech import amount_words, date_words, period_phrase, tax_nominative
from dialogue.state import DialogueState
from dialogue.text import has_phrase

MAX_ITEMS = 3

# Interest already paid — not "odsetki do zapłacenia" or "odsetki od zaległości", which the
# balance answers.
INTEREST = ("odset*",)
PAID = ("zaplacil*", "zaplacon*", "wplat*", "wplacil*", "pobral*", "pobran*", "doliczon*", "doliczyl*",
        "potracon*", "potracil*")


def recognise(text: str) -> bool:
    return has_phrase(text, INTEREST) and has_phrase(text, PAID)


def request(state: DialogueState, request_id: str) -> LookupSettlements:
    return settlements.lookup("payments")(state, request_id)


def answer(state: DialogueState, result: PaymentsResult) -> str:
    """The payments that carried interest or reminder costs, newest first."""
    items = [p for p in result.payments if (state.tax is None or p.tax == state.tax)
             and (p.interest_grosze or p.reminder_costs_grosze)]
    if not items:
        return prompts.INTEREST_NONE.format(tax=f" na {tax_nominative(state.tax)}" if state.tax else "")
    items.sort(key=lambda p: p.date, reverse=True)
    parts = []
    for p in items[:MAX_ITEMS]:
        costs = []
        if p.interest_grosze:
            costs.append(prompts.INTEREST_AMOUNT.format(amount=amount_words(p.interest_grosze)))
        if p.reminder_costs_grosze:
            costs.append(prompts.REMINDER_COSTS_AMOUNT.format(amount=amount_words(p.reminder_costs_grosze)))
        parts.append(prompts.INTEREST_ONE.format(date=date_words(p.date), tax=tax_nominative(p.tax),
                                                 period=period_phrase(p.period), costs=" i ".join(costs)))
    return " ".join(parts)
