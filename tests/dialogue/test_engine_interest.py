"""The worked example of docs/ARCHITECTURE.md: interest paid, a service added as one module + one registry entry."""

import random

from dialogue.actions import LookupSettlements, Say
from dialogue.engine import DialogueEngine, EngineConfig
from dialogue.intents import SERVICES
from dialogue.nlu_types import NluResult
from dialogue.services import interest
from tests.dialogue.harness import TODAY, Call
from tests.dialogue.spoken import make_pesel

PESEL = make_pesel(random.Random(48))

PAYMENTS = {"payments": [
    {"date": "2026-02-10", "amount_grosze": 20000, "tax": "VAT", "period": "2026-01", "booked_to": "liability"},
    {"date": "2026-03-15", "amount_grosze": 150000, "tax": "PIT", "period": "2025", "booked_to": "liability",
     "interest_grosze": 1234, "reminder_costs_grosze": 1160},
    {"date": "2025-11-20", "amount_grosze": 50000, "tax": "VAT", "period": "2025-10", "booked_to": "liability",
     "interest_grosze": 700},
]}


def test_interest_paid_needs_authentication_and_is_answered_from_the_payments_lookup():
    call = Call()
    call.say("ile odsetek zapłaciłem")
    assert call.state.name == "pesel"  # a personal service: identification first
    call = Call()
    call.verified(PESEL, matter="ile odsetek zapłaciłem")
    lookup = call.of(LookupSettlements)[0]
    assert lookup.query == "payments" and lookup.tax is None and call.state.pending.kind == "interest"
    call.reply(PAYMENTS)
    said = call.said()
    # Newest first, every tax (no "which tax?" for this service), interest and reminder costs named.
    assert said.index("piętnastego marca") < said.index("dwudziestego listopada")
    assert "odsetki za zwłokę dwanaście złotych trzydzieści cztery grosze" in said
    assert "koszty upomnienia jedenaście złotych sześćdziesiąt groszy" in said
    assert "odsetki za zwłokę siedem złotych" in said
    assert "dwieście złotych" not in said  # the payment without interest is left out
    assert all(s.sensitive for s in call.of(Say) if "odsetki" in s.text)
    assert call.state.name == "anything_else" and call.state.answered[-1] == "interest: wszystkie podatki"


def test_no_interest_paid_is_said_plainly():
    call = Call()
    call.verified(PESEL, matter="czy z moich wpłat pobrano odsetki")
    call.reply({"payments": PAYMENTS["payments"][:1]})
    assert "W zaksięgowanych wpłatach nie ma odsetek za zwłokę ani kosztów upomnienia." in call.said()


def test_follow_up_for_another_tax_asks_the_same_service():
    call = Call()
    call.verified(PESEL, matter="ile odsetek zapłaciłem za PIT")
    assert call.of(LookupSettlements)[0].tax == "PIT"
    call.reply(PAYMENTS)
    assert "siedem złotych" not in call.said()  # the VAT payment's interest is not PIT's
    call.say("a VAT?")
    lookup = call.of(LookupSettlements)[0]
    assert lookup.query == "payments" and lookup.tax == "VAT" and call.state.pending.kind == "interest"
    call.reply(PAYMENTS)
    assert "na podatek od towarów i usług" in call.said() and "siedem złotych" in call.said()


def test_interest_after_another_answer_needs_no_second_authentication():
    call = Call()
    call.verified(PESEL, matter="jakie mam saldo")
    call.reply({"balances": []})
    call.say("a ile odsetek zapłaciłem?")
    assert call.state.name == "lookup_wait" and call.state.pending.kind == "interest"
    assert call.of(LookupSettlements)[0].query == "payments"


class _BalanceModel:
    """An intent model that hears a balance question (as the trained one does for these phrasings)."""

    def parse(self, text):
        return NluResult("balance", "pit", 0.9)


def test_interest_still_owed_stays_a_balance_question():
    for owed in ("czy mam jakieś odsetki do zapłacenia z PIT", "ile wynoszą odsetki od zaległości w PIT"):
        assert not interest.recognise(owed)
        call = Call(engine=DialogueEngine(_BalanceModel(), EngineConfig(today=TODAY)))
        call.verified(PESEL, matter=owed)
        assert call.state.pending.kind == "balance" and call.of(LookupSettlements)[0].query == "balance"


def test_every_registered_service_reads_its_result_from_the_back_end_json():
    for service in SERVICES.values():
        if service.begin is not None:  # a conversation of its own: its states read its results
            continue
        empty = {"balances": [], "payments": [], "refunds": []}
        assert isinstance(service.parse(empty), service.result_type)
