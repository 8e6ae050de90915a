"""Settlements, representatives and registration through the clients, over real HTTP."""

from __future__ import annotations

import httpx
import pytest

from integrations.http import BackendRejected
from integrations.models import (
    BalancesResponse,
    EnforcementResponse,
    PaymentsResponse,
    PrincipalsResponse,
    RefundsResponse,
    Registration,
)


async def test_individual_sees_pit_refund_in_progress(backend, sandbox_server):
    person = sandbox_server.seed.person("pit_refund")
    refunds = await backend.settlements.refunds(person.pesel, person.pesel, tax="PIT")
    assert isinstance(refunds, RefundsResponse)
    stages = [r.status for r in refunds.refunds]
    assert stages[0] == "pending" and "paid" in stages  # newest first
    pending = refunds.refunds[0]
    assert pending.amount > 0 and pending.approved_on is None
    assert pending.target_account_masked and "****" in pending.target_account_masked
    assert person.bank_accounts[0] not in refunds.model_dump_json()


async def test_sole_trader_vat_arrears_reminder_and_payments(backend, sandbox_server):
    person = sandbox_server.seed.person("vat_arrears_sole_trader")
    balances = await backend.settlements.balances(person.pesel, person.pesel, tax="VAT")
    assert isinstance(balances, BalancesResponse)
    (vat,) = balances.balances
    assert vat.arrears > 0 and vat.balance == -vat.arrears and vat.interest_due > 0
    # The same accounts are reached by the sole trader's NIP.
    by_nip = await backend.settlements.balances(person.nip, person.pesel, tax="VAT")
    assert by_nip.balances == balances.balances
    items = await backend.settlements.enforcement(person.pesel, person.pesel)
    assert isinstance(items, EnforcementResponse)
    assert [i.kind for i in items.items] == ["reminder"] and items.items[0].costs > 0
    payments = await backend.settlements.payments(person.pesel, person.pesel, tax="VAT")
    assert isinstance(payments, PaymentsResponse)
    assert any(p.interest > 0 and p.reminder_costs > 0 for p in payments.payments)


async def test_attorney_lists_two_principals_and_reads_them(backend, sandbox_server):
    attorney = sandbox_server.seed.person("ppo1_attorney")
    company = sandbox_server.seed.organisation("company_overpayment_enforcement")
    principals = await backend.representatives.principals(attorney.pesel)
    assert isinstance(principals, PrincipalsResponse)
    assert [(p.kind, p.basis) for p in principals.principals] == [("person", "PPO-1"), ("organisation", "PPO-1")]
    items = await backend.settlements.enforcement(company.nip, attorney.pesel)
    assert {"enforcement_title", "rnp_entry", "reminder"} == {i.kind for i in items.items}
    refunds = await backend.settlements.refunds(company.nip, attorney.pesel, tax="CIT")
    assert refunds.refunds[0].kind == "overpayment" and refunds.refunds[0].status == "approved"


async def test_uko_user_reads_the_foundation(backend, sandbox_server):
    uko = sandbox_server.seed.person("uko_foundation")
    foundation = sandbox_server.seed.organisation("foundation")
    principals = await backend.representatives.principals(uko.pesel)
    assert [(p.nip, p.basis) for p in principals.principals] == [(foundation.nip, "UKO")]
    payments = await backend.settlements.payments(foundation.nip, uko.pesel)
    assert len(payments.payments) == 2


async def test_representative_cannot_read_a_non_principal(backend, sandbox_server):
    attorney = sandbox_server.seed.person("ppo1_attorney")
    stranger = sandbox_server.seed.person("pit_refund")
    foundation = sandbox_server.seed.organisation("foundation")
    for taxpayer_id in (stranger.pesel, foundation.nip):
        for query in ("balance", "payments", "refund", "enforcement"):
            result = await backend.settlements.lookup(query, taxpayer_id, attorney.pesel)
            assert result == BackendRejected(status=403, reason="not_a_principal")
        assert await backend.registration.get(taxpayer_id, attorney.pesel) == BackendRejected(
            status=403, reason="not_a_principal")


async def test_unknown_taxpayer_answers_like_a_non_principal(backend, sandbox_server):
    attorney = sandbox_server.seed.person("ppo1_attorney")
    unknown_nip = "5260250274"  # valid checksum, not in the seed
    assert await backend.settlements.balances(unknown_nip, attorney.pesel) == BackendRejected(
        status=403, reason="not_a_principal")


async def test_scope_limits_what_a_representative_hears(backend, sandbox_server):
    attorney = sandbox_server.seed.person("ppo1_attorney")
    company = sandbox_server.seed.organisation("company_overpayment_enforcement")
    assert await backend.settlements.balances(company.nip, attorney.pesel, tax="PIT") == BackendRejected(
        status=403, reason="outside_scope")
    balances = await backend.settlements.balances(company.nip, attorney.pesel)
    assert {b.tax for b in balances.balances} == {"CIT", "VAT"}


async def test_principals_only_for_the_acting_person(sandbox_server):
    attorney = sandbox_server.seed.person("ppo1_attorney")
    other = sandbox_server.seed.person("pit_refund")
    response = httpx.get(f"{sandbox_server.url}/representatives/v1/persons/{attorney.pesel}/principals",
                         headers=sandbox_server.headers(other.pesel), timeout=5)
    assert response.status_code == 403 and response.json()["reason"] == "not_acting_person"


async def test_registration_card_masks_accounts(backend, sandbox_server):
    person = sandbox_server.seed.person("vat_arrears_sole_trader")
    card = await backend.registration.get(person.nip, person.pesel)
    assert isinstance(card, Registration)
    assert (card.pesel, card.nip, card.name) == (person.pesel, person.nip, person.name)
    assert card.tax_form.startswith("PIT-36L") and card.address.city == person.address.city
    assert card.micro_account_masked.startswith("PL") and "****" in card.micro_account_masked
    assert all(a[-4:] == m[-4:] for a, m in zip(person.bank_accounts, card.bank_accounts_masked))
    assert person.bank_accounts[0] not in card.model_dump_json()


@pytest.mark.parametrize("case", ["bad-pesel", "bad-nip", "letters", "missing-acting", "bad-acting", "bad-tax",
                                  "bad-token"])
def test_bad_requests_are_clean_4xx(sandbox_server, case):
    person = sandbox_server.seed.person("pit_refund")
    pesel, nip = person.pesel, sandbox_server.seed.organisation("foundation").nip
    bump = lambda s: s[:-1] + str((int(s[-1]) + 1) % 10)  # noqa: E731 - breaks the check digit
    taxpayer, headers, params = pesel, sandbox_server.headers(pesel), {}
    expected = {
        "bad-pesel": (400, "invalid_taxpayer_id"), "bad-nip": (400, "invalid_taxpayer_id"),
        "letters": (400, "invalid_taxpayer_id"), "missing-acting": (400, "missing_acting_person"),
        "bad-acting": (400, "invalid_acting_person"), "bad-tax": (400, "invalid_request"),
        "bad-token": (401, "unauthorised"),
    }[case]
    if case == "bad-pesel":
        taxpayer = bump(pesel)
    elif case == "bad-nip":
        taxpayer = bump(nip)
    elif case == "letters":
        taxpayer = "abcdefghij"
    elif case == "missing-acting":
        headers = sandbox_server.headers()
    elif case == "bad-acting":
        headers = sandbox_server.headers(bump(pesel))
    elif case == "bad-tax":
        params = {"tax": "XYZ"}
    elif case == "bad-token":
        headers = {"Authorization": "Bearer nope", "X-Acting-Person": pesel}
    response = httpx.get(f"{sandbox_server.url}/settlements/v1/taxpayers/{taxpayer}/balances", headers=headers,
                         params=params, timeout=5)
    assert (response.status_code, response.json()["reason"]) == expected
    assert "Traceback" not in response.text and pesel not in response.text


async def test_client_refuses_an_identifier_that_is_not_digits(backend, sandbox_server):
    person = sandbox_server.seed.person("pit_refund")
    assert await backend.settlements.balances("../../identity", person.pesel) == BackendRejected(
        status=400, reason="invalid_taxpayer_id")
