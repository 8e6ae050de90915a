"""Balance, payments and refund answers, follow-ups and backend failures."""

import random

from contracts.handoff import CallerIdentity
from dialogue.actions import EndCall, HandOff, LookupSettlements
from dialogue.backend import BackendError
from tests.dialogue.harness import Call
from tests.dialogue.spoken import make_pesel

PESEL = make_pesel(random.Random(43))

BALANCES = {"as_of": "2026-03-15", "balances": [
    {"tax": "PIT", "balance_grosze": -123456, "arrears_grosze": 123456, "overpayment_grosze": 0},
    {"tax": "VAT", "balance_grosze": 5000, "arrears_grosze": 0, "overpayment_grosze": 5000},
]}
PAYMENTS = {"payments": [
    {"date": "2026-03-15", "amount_grosze": 150000, "tax": "PIT", "period": "2025", "booked_to": "liability",
     "interest_grosze": 1234, "reminder_costs_grosze": 0},
    {"date": "2026-02-10", "amount_grosze": 20000, "tax": "VAT", "period": "2026-01", "booked_to": "liability"},
]}
REFUNDS = {"refunds": [
    {"tax": "PIT", "period": "2025", "amount_grosze": 45000, "status": "paid", "requested_on": "2026-02-01",
     "decided_on": "2026-02-20", "paid_on": "2026-03-02", "account_masked": "PL** **** **** 9876"},
]}


def test_balance_happy_path():
    call = Call()
    call.verified(PESEL, matter="jakie mam saldo")
    lookup = call.of(LookupSettlements)[0]
    assert lookup.query == "balance" and lookup.tax is None and lookup.subject_kind == "person"
    call.reply(BALANCES)
    said = call.said()
    assert "Stan na dzień: piętnastego marca dwa tysiące dwudziestego szóstego roku" in said
    assert "W podatku dochodowym od osób fizycznych jest zaległość: tysiąc dwieście trzydzieści cztery złote" \
           " pięćdziesiąt sześć groszy." in said
    assert "W podatku od towarów i usług jest nadpłata: pięćdziesiąt złotych." in said
    assert said.endswith("Czy mogę pomóc w czymś jeszcze?")
    assert call.state.name == "anything_else"


def test_payments_ask_which_tax_then_answer_then_follow_up():
    call = Call()
    call.verified(PESEL, matter="czy doszła moja wpłata")
    assert call.of(LookupSettlements)[0].query == "payments"
    call.reply(PAYMENTS)
    assert call.state.name == "tax_choice" and "pit" in call.said() and "wat" in call.said()
    call.say("pit")
    said = call.said()
    assert "Wpłata z piętnastego marca dwa tysiące dwudziestego szóstego roku: tysiąc pięćset złotych" in said
    assert "za dwa tysiące dwudziesty piąty rok" in said and "odsetki dwanaście złotych trzydzieści cztery grosze" in said
    call.say("a VAT?")
    lookup = call.of(LookupSettlements)[0]
    assert lookup.query == "payments" and lookup.tax == "VAT"
    call.reply({"payments": PAYMENTS["payments"][1:]})
    assert "dwieście złotych" in call.said() and "styczeń" in call.said()


def test_refund_with_tax_named_up_front():
    call = Call()
    call.verified(PESEL, matter="kiedy dostanę zwrot podatku PIT za 2025")
    lookup = call.of(LookupSettlements)[0]
    assert lookup.query == "refund" and lookup.tax == "PIT" and call.state.period == "2025"
    call.reply(REFUNDS)
    said = call.said()
    assert "Zwrot podatku dochodowego od osób fizycznych za dwa tysiące dwudziesty piąty rok" in said
    assert "czterysta pięćdziesiąt złotych" in said
    assert "wypłacony drugiego marca dwa tysiące dwudziestego szóstego roku" in said
    assert "dziewięć osiem siedem sześć" in said


def test_refund_pending_and_none():
    call = Call()
    call.verified(PESEL, matter="zwrot PIT")
    call.reply({"refunds": [{"tax": "PIT", "period": "2025", "amount_grosze": 100, "status": "pending",
                             "requested_on": "2026-04-30"}]})
    assert "jeden złoty" in call.said() and "w trakcie rozpatrywania" in call.said()
    call.say("a zwrot wat?")
    call.reply({"refunds": []})
    assert "Nie widzę żadnego zwrotu podatku od towarów i usług" in call.said()


def test_repeat_after_answer_and_goodbye():
    call = Call()
    call.verified(PESEL, matter="saldo")
    call.reply(BALANCES)
    first = call.said()
    call.say("możesz powtórzyć?")
    assert call.said() == first
    call.say("nie, dziękuję")
    assert call.of(EndCall)[0].reason == "caller_done" and "Do widzenia" in call.said()


def test_next_question_reuses_authentication():
    call = Call()
    call.verified(PESEL, matter="saldo")
    call.reply(BALANCES)
    call.say("tak")
    assert call.state.name == "intent"
    call.say("a kiedy dostanę zwrot?")
    assert call.of(LookupSettlements)[0].query == "refund"


def test_settlements_down_apology_and_handoff_with_context():
    call = Call()
    call.verified(PESEL, matter="saldo w VAT")
    call.reply(error=BackendError("timeout"))
    assert "Przepraszam" in call.said() and call.state.name == "offer_agent"
    call.say("tak, poproszę")
    (handoff,) = call.of(HandOff)
    assert handoff.queue == "vat" and handoff.reason == "backend_unavailable"
    ctx = handoff.context
    assert ctx.identity == CallerIdentity(verified=True, method="pesel+telepin", pesel_entry="voice",
                                          pesel_masked=f"{PESEL[:3]}***{PESEL[-2:]}")
    assert ctx.intent == "balance" and ctx.topic == "vat" and ctx.tax == "VAT"
    assert handoff.pesel.reveal() == PESEL


def test_forbidden_and_not_found():
    call = Call()
    call.verified(PESEL, matter="saldo")
    call.reply(error=BackendError("forbidden"))
    assert "Nie mogę podać" in call.said() and call.state.name == "anything_else"
    call.say("a wpłaty?")
    call.reply(error=BackendError("not_found"))
    assert "Nie ma danych" in call.said()


def test_handoff_context_lists_what_was_answered():
    call = Call()
    call.verified(PESEL, matter="saldo")
    call.reply(BALANCES)
    call.say("chcę porozmawiać z konsultantem")
    ctx = call.of(HandOff)[0].context
    assert ctx.reason == "caller_request"
    assert ctx.answered == ("balance: wszystkie podatki",)
    assert any(line.who == "caller" and "konsultantem" in line.text for line in ctx.transcript)


def test_refund_for_a_year_finds_the_back_ends_descriptive_periods():
    from dialogue.answers import refund_text
    from dialogue.backend import RefundsResult

    result = RefundsResult.from_json({"refunds": [
        {"tax": "PIT", "period": "PIT-37 za 2025 (korekta)", "amount_grosze": 184700, "status": "pending",
         "requested_on": "2026-10-06"},
        {"tax": "PIT", "period": "PIT-37 za 2024", "amount_grosze": 96200, "status": "paid",
         "requested_on": "2025-02-20", "decided_on": "2025-03-01", "paid_on": "2025-03-13"},
    ]})
    said = refund_text(result, "PIT", "2025")
    assert "tysiąc osiemset czterdzieści siedem złotych" in said
    assert "dziewięćset sześćdziesiąt dwa" not in said
    assert "(" not in said


def test_handoff_carries_the_bots_words_in_full_beside_the_context():
    """The verified agent reads what the bot said, amounts included (``HandOff.said``, newest first);
    the context itself keeps the redacted record."""
    call = Call()
    call.verified(PESEL, matter="saldo")
    call.reply(BALANCES)
    call.say("chcę porozmawiać z konsultantem")
    (handoff,) = call.of(HandOff)
    answer = next(line for line in handoff.said if "zł" in line or "złot" in line)
    assert handoff.said.index(answer) > 0  # the handoff announcement came after it
    assert all(line.text != answer for line in handoff.context.transcript)
    assert "said" not in repr(handoff) and answer not in repr(handoff)
