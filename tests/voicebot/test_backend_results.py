"""The back ends' answers mapped to the dialogue's types, field by field, in one place."""

from __future__ import annotations

import random
from datetime import date

from contracts.secrets import Pesel
from dialogue import backend as B
from integrations import models as M
from integrations.identity import VerifyResult as IdentityOutcome
from tests.dialogue.spoken import make_pesel
from voicebot import backend_results as results

TAXPAYER = M.TaxpayerRef(kind="person", name="Jan Kowalski")


def test_balances_take_the_as_of_of_the_response():
    response = M.BalancesResponse(taxpayer=TAXPAYER, as_of=date(2026, 3, 15), balances=[
        M.Balance(tax="PIT", balance=-100, arrears=100, overpayment=0, interest_due=7)])
    assert results.balances_result(response) == B.BalancesResult((
        B.Balance(tax="PIT", balance_grosze=-100, arrears_grosze=100, overpayment_grosze=0,
                  as_of=date(2026, 3, 15)),))
    # the same answer in the dialogue's own spelling reads the same
    assert results.balances_result(response) == B.BalancesResult.from_json({"balances": [
        {"tax": "PIT", "balance_grosze": -100, "arrears_grosze": 100, "overpayment_grosze": 0,
         "as_of": "2026-03-15"}]})


def test_payments_and_refunds_rename_their_fields():
    payments = results.payments_result(M.PaymentsResponse(taxpayer=TAXPAYER, payments=[
        M.Payment(id="x", tax="VAT", date=date(2026, 3, 15), amount=5000, booked_to="liability", interest=12)]))
    assert payments.payments[0].amount_grosze == 5000 and payments.payments[0].interest_grosze == 12
    refunds = results.refunds_result(M.RefundsResponse(taxpayer=TAXPAYER, refunds=[
        M.Refund(id="r", tax="PIT", kind="refund", amount=100, status="paid", period="2025",
                 requested_on=date(2026, 2, 1), approved_on=date(2026, 2, 10), paid_on=date(2026, 2, 20),
                 target_account_masked="****1234")]))
    r = refunds.refunds[0]
    assert r.amount_grosze == 100 and r.decided_on == date(2026, 2, 10) and r.account_masked == "****1234"


def test_principals_wrap_the_pesel_and_rate_limits_read_as_failures():
    pesel = make_pesel(random.Random(3))
    result = results.principals_result(M.PrincipalsResponse(principals=[
        M.Principal(kind="person", pesel=pesel, name="Jan Kowalski", basis="PPO-1", scope=["PIT"]),
        M.Principal(kind="organisation", nip="5260250274", name="Alfa", basis="UKO", scope=[])]))
    person, org = result.principals
    assert isinstance(person.pesel, Pesel) and person.pesel.reveal() == pesel and pesel not in repr(result)
    assert org.nip == "5260250274" and org.scope == ()
    assert results.verify_result(IdentityOutcome(outcome="rate_limited", retry_after_s=30)) == B.VerifyResult("failed")
    assert results.verify_result(IdentityOutcome(outcome="blocked")) == B.VerifyResult("blocked")


def test_every_settlements_query_the_dialogue_makes_has_a_mapping():
    assert set(results.SETTLEMENTS) == {"balance", "payments", "refund"}
