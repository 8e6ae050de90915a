"""The seed's four worked examples ("Jak załatwisz sprawę swojej organizacji?"), by text through the engine:
the same callers as the starter suite's ``seed_*`` scenarios (eval/suites/starter/scenarios.yaml)."""

import random
from pathlib import Path

import yaml

from dialogue.actions import HandOff, LookupSettlements
from tests.dialogue.harness import Call
from tests.dialogue.spoken import make_pesel

PESEL = make_pesel(random.Random(121))
FOUNDATION = {"kind": "organisation", "pesel": None, "nip": "1132760458", "name": "Fundacja Pomocy Sąsiedzkiej Razem",
              "basis": "UKO", "scope": ["PIT", "VAT", "CIT", "PCC", "SD", "AKC"]}
COMPANY = {"kind": "organisation", "pesel": None, "nip": "9512014636",
           "name": "Mazowiecka Hurtownia Budowlana sp. z o.o.", "basis": "PPO-1", "scope": ["CIT", "VAT"]}
STARTER = Path(__file__).resolve().parents[2] / "eval" / "suites" / "starter" / "scenarios.yaml"


def _first_words(scenario_id: str) -> str:
    scenarios = yaml.safe_load(STARTER.read_text(encoding="utf-8"))["scenarios"]
    (scenario,) = [s for s in scenarios if s["id"] == scenario_id]
    assert "seed_example" in scenario["tags"]
    return scenario["turns"][0]["say"]


def _as_representative(opening: str, principal: dict, choice: str) -> Call:
    call = Call()
    call.verified(PESEL, principals=[principal], matter=opening)
    assert call.state.name == "principal_choice"
    call.say(choice)
    return call


def test_organisation_payments_and_overpayments():
    call = _as_representative(_first_words("seed_organisation_payments_overpayments"), FOUNDATION, "Fundacja Razem")
    (lookup,) = call.of(LookupSettlements)
    assert lookup.query == "payments" and lookup.subject_kind == "organisation"
    call.reply({"payments": [{"date": "2026-10-20", "amount_grosze": 368400, "tax": "PIT", "period": "2026-09",
                              "booked_to": "liability"}]})
    assert "trzy tysiące sześćset osiemdziesiąt cztery złote" in call.said()
    call.say("A nadpłaty?")
    (lookup,) = call.of(LookupSettlements)
    assert lookup.query == "balance" and lookup.subject_kind == "organisation"
    call.reply({"as_of": "2026-11-30", "balances": [
        {"tax": "CIT", "balance_grosze": 124000, "arrears_grosze": 0, "overpayment_grosze": 124000}]})
    assert "nadpłata" in call.said()


def test_correction_without_the_overpayment_request_then_the_cit_queue():
    call = _as_representative(_first_words("seed_correction_without_overpayment_request"), COMPANY,
                              "W sprawie Mazowiecka Hurtownia Budowlana")
    (lookup,) = call.of(LookupSettlements)
    assert lookup.query == "balance" and lookup.tax == "CIT"
    call.reply({"as_of": "2026-11-30", "balances": [
        {"tax": "CIT", "balance_grosze": 2315000, "arrears_grosze": 0, "overpayment_grosze": 2315000}]})
    assert "nadpłata: dwadzieścia trzy tysiące sto pięćdziesiąt złotych" in call.said()
    call.say("Chcę porozmawiać z konsultantem.")
    (handoff,) = call.of(HandOff)
    assert handoff.queue == "cit" and handoff.context.intent == "balance" and handoff.context.identity.verified


def test_urgent_certificate_for_a_tender_needs_no_pesel():
    call = Call()
    call.say(_first_words("seed_certificate_for_tender"))
    assert call.state.name == "anything_else"
    assert "Zaświadczenie o niezaleganiu" in call.said() and "bezpłatnie" in call.said()
    assert "PESEL" not in call.said()


def test_partner_checks_the_companys_arrears():
    call = _as_representative(_first_words("seed_partner_checks_arrears"), COMPANY,
                              "W sprawie Mazowiecka Hurtownia Budowlana")
    (lookup,) = call.of(LookupSettlements)
    assert lookup.query == "balance" and lookup.subject_kind == "organisation"
    call.reply({"as_of": "2026-11-30", "balances": [
        {"tax": "VAT", "balance_grosze": -4712000, "arrears_grosze": 4712000, "overpayment_grosze": 0},
        {"tax": "CIT", "balance_grosze": 2315000, "arrears_grosze": 0, "overpayment_grosze": 2315000}]})
    said = call.said()
    assert "zaległość: czterdzieści siedem tysięcy sto dwadzieścia złotych" in said
