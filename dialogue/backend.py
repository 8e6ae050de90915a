"""The back-end answers the engine understands (amounts in grosze), in the dialogue's own words.

The back ends' JSON (``integrations/models.py``) is mapped to these types field by field in one
place, ``voicebot/backend_results.py``. ``from_json`` reads these types' own field names only (for
tests and the chat fixtures), and a missing amount is an error, never a silent zero: a second
spelling would hide drift. A PESEL from the back end becomes a ``Pesel`` at once, so it never prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from contracts.secrets import Pesel

VERIFY_RESULTS = ("verified", "failed", "blocked", "inactive")
ERROR_KINDS = ("unavailable", "timeout", "forbidden", "not_found")


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_pesel(value: Any) -> Pesel | None:
    """A back-end PESEL as a ``Pesel``; an invalid one as none at all."""
    if value is None or isinstance(value, Pesel):
        return value
    try:
        return Pesel(str(value))
    except ValueError:
        return None


@dataclass(frozen=True)
class BackendError:
    kind: str  # unavailable | timeout | forbidden | not_found

    @classmethod
    def from_json(cls, data: dict) -> BackendError:
        kind = str(data.get("kind", "unavailable"))
        return cls(kind if kind in ERROR_KINDS else "unavailable")


@dataclass(frozen=True)
class VerifyResult:
    result: str  # verified | failed | blocked | inactive

    @classmethod
    def from_json(cls, data: dict) -> VerifyResult:
        result = str(data.get("result", "failed"))
        return cls(result if result in VERIFY_RESULTS else "failed")


@dataclass(frozen=True)
class Principal:
    kind: str  # person | organisation
    name: str
    basis: str  # PPO-1 | UKO
    pesel: Pesel | None = None
    nip: str | None = None
    scope: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: dict) -> Principal:
        return cls(
            kind=str(data.get("kind", "person")),
            name=str(data.get("name", "")),
            basis=str(data.get("basis", "PPO-1")),
            pesel=as_pesel(data.get("pesel")),
            nip=data.get("nip"),
            scope=tuple(data.get("scope") or ()),
        )


@dataclass(frozen=True)
class PrincipalsResult:
    principals: tuple[Principal, ...]

    @classmethod
    def from_json(cls, data: dict) -> PrincipalsResult:
        return cls(tuple(Principal.from_json(p) for p in data.get("principals") or ()))


@dataclass(frozen=True)
class Balance:
    tax: str
    balance_grosze: int
    arrears_grosze: int
    overpayment_grosze: int
    as_of: date | None = None

    @classmethod
    def from_json(cls, data: dict, as_of: Any = None) -> Balance:
        return cls(
            tax=str(data.get("tax", "")),
            balance_grosze=int(data["balance_grosze"]),
            arrears_grosze=int(data["arrears_grosze"]),
            overpayment_grosze=int(data["overpayment_grosze"]),
            as_of=_date(data.get("as_of", as_of)),
        )


@dataclass(frozen=True)
class BalancesResult:
    balances: tuple[Balance, ...]

    @classmethod
    def from_json(cls, data: dict) -> BalancesResult:
        return cls(tuple(Balance.from_json(b, data.get("as_of")) for b in data.get("balances") or ()))


@dataclass(frozen=True)
class Payment:
    date: date
    amount_grosze: int
    tax: str
    period: str | None = None
    booked_to: str | None = None
    interest_grosze: int = 0
    reminder_costs_grosze: int = 0

    @classmethod
    def from_json(cls, data: dict) -> Payment:
        return cls(
            date=_date(data["date"]),
            amount_grosze=int(data["amount_grosze"]),
            tax=str(data.get("tax", "")),
            period=data.get("period"),
            booked_to=data.get("booked_to"),
            interest_grosze=int(data.get("interest_grosze", 0)),
            reminder_costs_grosze=int(data.get("reminder_costs_grosze", 0)),
        )


@dataclass(frozen=True)
class PaymentsResult:
    payments: tuple[Payment, ...]

    @classmethod
    def from_json(cls, data: dict) -> PaymentsResult:
        return cls(tuple(Payment.from_json(p) for p in data.get("payments") or ()))


@dataclass(frozen=True)
class Refund:
    tax: str
    period: str | None
    amount_grosze: int
    status: str  # pending | approved | paid
    requested_on: date | None = None
    decided_on: date | None = None
    paid_on: date | None = None
    account_masked: str | None = field(default=None, repr=False)

    @classmethod
    def from_json(cls, data: dict) -> Refund:
        return cls(
            tax=str(data.get("tax", "")),
            period=data.get("period"),
            amount_grosze=int(data["amount_grosze"]),
            status=str(data.get("status", "pending")),
            requested_on=_date(data.get("requested_on")),
            decided_on=_date(data.get("decided_on")),
            paid_on=_date(data.get("paid_on")),
            account_masked=data.get("account_masked"),
        )


@dataclass(frozen=True)
class RefundsResult:
    refunds: tuple[Refund, ...]

    @classmethod
    def from_json(cls, data: dict) -> RefundsResult:
        return cls(tuple(Refund.from_json(r) for r in data.get("refunds") or ()))


# The result type expected for each kind of request the engine makes.
RESULT_TYPES = {
    "verify": VerifyResult,
    "principals": PrincipalsResult,
    "balance": BalancesResult,
    "payments": PaymentsResult,
    "refund": RefundsResult,
}


def parse_result(kind: str, value: Any) -> Any:
    """A typed result from either a typed value or the contract's JSON dict."""
    expected = RESULT_TYPES[kind]
    if isinstance(value, expected):
        return value
    if isinstance(value, dict):
        return expected.from_json(value)
    raise TypeError(f"expected {expected.__name__} or dict for a {kind} request")
