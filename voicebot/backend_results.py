"""The back ends' answers (``integrations.models``) as the dialogue's result types (``dialogue.backend``).

The one place where the two meet, field by field: ``integrations/`` speaks the KAS HTTP contracts
and must not import the dialogue, the dialogue speaks its own domain and must not know the wire
format, so the glue between them (``voicebot/``) owns the translation. A field renamed in
``integrations/models.py`` breaks here, loudly, instead of being read under a second spelling.
"""

from __future__ import annotations

from dialogue import backend as B
from integrations import models as M
from integrations.identity import VerifyResult as IdentityOutcome


def verify_result(outcome: IdentityOutcome) -> B.VerifyResult:
    # "rate_limited" is spoken like a failed attempt: it must not tell an attacker more.
    return B.VerifyResult("failed" if outcome.outcome == "rate_limited" else outcome.outcome)


def principal(p: M.Principal) -> B.Principal:
    return B.Principal(kind=p.kind, name=p.name, basis=p.basis, pesel=B.as_pesel(p.pesel), nip=p.nip,
                       scope=tuple(p.scope))


def principals_result(response: M.PrincipalsResponse) -> B.PrincipalsResult:
    return B.PrincipalsResult(tuple(principal(p) for p in response.principals))


def balances_result(response: M.BalancesResponse) -> B.BalancesResult:
    return B.BalancesResult(tuple(
        B.Balance(tax=b.tax, balance_grosze=b.balance, arrears_grosze=b.arrears, overpayment_grosze=b.overpayment,
                  as_of=response.as_of)
        for b in response.balances))


def payments_result(response: M.PaymentsResponse) -> B.PaymentsResult:
    return B.PaymentsResult(tuple(
        B.Payment(date=p.date, amount_grosze=p.amount, tax=p.tax, booked_to=p.booked_to,
                  interest_grosze=p.interest, reminder_costs_grosze=p.reminder_costs)
        for p in response.payments))


def refunds_result(response: M.RefundsResponse) -> B.RefundsResult:
    return B.RefundsResult(tuple(
        B.Refund(tax=r.tax, period=r.period, amount_grosze=r.amount, status=r.status, requested_on=r.requested_on,
                 decided_on=r.approved_on, paid_on=r.paid_on, account_masked=r.target_account_masked)
        for r in response.refunds))


# The settlements query a ``LookupSettlements`` action names → its mapping.
SETTLEMENTS = {"balance": balances_result, "payments": payments_result, "refund": refunds_result}
