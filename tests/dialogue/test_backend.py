from datetime import date

import pytest

from dialogue.backend import (BackendError, BalancesResult, PaymentsResult, PrincipalsResult, RefundsResult,
                              VerifyResult, parse_result)
from dialogue.secrets import Pesel
from tests.dialogue.spoken import make_pesel
import random


def test_verify_and_errors():
    assert VerifyResult.from_json({"result": "blocked", "extra": 1}).result == "blocked"
    assert VerifyResult.from_json({"result": "???"}).result == "failed"
    assert BackendError.from_json({"kind": "timeout"}).kind == "timeout"
    assert BackendError.from_json({"kind": "weird"}).kind == "unavailable"


def test_principals_wrap_pesel():
    pesel = make_pesel(random.Random(1))
    result = PrincipalsResult.from_json({"principals": [
        {"kind": "person", "pesel": pesel, "nip": None, "name": "Jan Kowalski", "basis": "PPO-1",
         "scope": ["PIT"], "new_field": True},
        {"kind": "organisation", "pesel": None, "nip": "5260250274", "name": "Alfa sp. z o.o.", "basis": "UKO",
         "scope": []},
    ]})
    person, org = result.principals
    assert isinstance(person.pesel, Pesel) and person.pesel.reveal() == pesel
    assert pesel not in repr(result)
    assert org.nip == "5260250274" and org.basis == "UKO"


def test_settlements_in_the_dialogues_own_spelling_only():
    brief = BalancesResult.from_json({"balances": [{"tax": "PIT", "balance_grosze": -100, "arrears_grosze": 100,
                                                    "overpayment_grosze": 0, "as_of": "2026-03-15"}]})
    assert brief.balances[0].balance_grosze == -100 and brief.balances[0].as_of == date(2026, 3, 15)
    # The back ends' spelling is mapped in one place (voicebot/backend_results.py), never read here:
    # a missing amount is an error, not a silent zero.
    with pytest.raises(KeyError):
        BalancesResult.from_json({"as_of": "2026-03-15", "taxpayer": {}, "balances": [
            {"tax": "PIT", "balance": -100, "arrears": 100, "overpayment": 0, "interest_due": 0}]})
    payments = PaymentsResult.from_json({"payments": [{"date": "2026-03-15", "amount_grosze": 5000, "tax": "VAT",
                                                       "booked_to": "liability", "interest_grosze": 12}]})
    assert payments.payments[0].amount_grosze == 5000 and payments.payments[0].interest_grosze == 12
    refunds = RefundsResult.from_json({"refunds": [{"tax": "PIT", "period": "2025", "amount_grosze": 100,
                                                    "status": "paid", "requested_on": "2026-02-01",
                                                    "decided_on": "2026-02-10", "paid_on": "2026-02-20",
                                                    "account_masked": "****1234"}]})
    r = refunds.refunds[0]
    assert r.decided_on == date(2026, 2, 10) and r.account_masked == "****1234"


def test_parse_result_accepts_typed_or_dict():
    typed = VerifyResult("verified")
    assert parse_result("verify", typed) is typed
    assert parse_result("verify", {"result": "verified"}) == typed
    with pytest.raises(TypeError):
        parse_result("verify", 42)
