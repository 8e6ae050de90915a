"""The JSON of the back-end contracts as pydantic models, shared by the clients and the sandbox.

One definition for both sides keeps the sandbox's served OpenAPI and the clients' parsing in step;
``integrations/contracts/*.yaml`` is the written contract and a test holds all three together.
Amounts are integers in grosze, dates ISO 8601.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

TaxCode = Literal["PIT", "CIT", "VAT", "PCC", "SD", "AKC"]
TAX_CODES: tuple[str, ...] = ("PIT", "CIT", "VAT", "PCC", "SD", "AKC")


class _Model(BaseModel):
    # Unknown fields from a newer back end are ignored, never fatal.
    model_config = ConfigDict(extra="ignore", frozen=True)


class Problem(_Model):
    """Every 4xx/5xx body: a machine-readable ``reason`` and a human ``detail`` with no personal data."""

    reason: str
    detail: str = ""


# --- identity -----------------------------------------------------------------------------------

VerifyAnswer = Literal["verified", "failed", "blocked", "inactive"]


class VerifyResponse(_Model):
    result: VerifyAnswer


TelePinState = Literal["active", "blocked", "inactive"]


class TelePinStateResponse(_Model):
    state: TelePinState


class TelePinStatistics(_Model):
    active: int
    blocked: int
    inactive: int


# --- representatives ----------------------------------------------------------------------------


class Principal(_Model):
    kind: Literal["person", "organisation"]
    pesel: str | None = None
    nip: str | None = None
    name: str
    basis: Literal["PPO-1", "UKO"]
    # Taxes this representation covers; a general power of attorney (PPO-1) lists every tax.
    scope: list[TaxCode]


class PrincipalsResponse(_Model):
    principals: list[Principal]


# --- settlements --------------------------------------------------------------------------------


class TaxpayerRef(_Model):
    kind: Literal["person", "organisation"]
    pesel: str | None = None
    nip: str | None = None
    name: str


class Balance(_Model):
    tax: TaxCode
    # balance = overpayment - arrears: negative means the taxpayer owes.
    balance: int
    arrears: int
    overpayment: int
    interest_due: int


class BalancesResponse(_Model):
    taxpayer: TaxpayerRef
    as_of: date
    balances: list[Balance]


class Payment(_Model):
    id: str
    tax: TaxCode
    date: date
    amount: int
    booked_to: str
    interest: int = 0
    reminder_costs: int = 0


class PaymentsResponse(_Model):
    taxpayer: TaxpayerRef
    payments: list[Payment]


class Refund(_Model):
    id: str
    tax: TaxCode
    kind: Literal["refund", "overpayment"]
    amount: int
    status: Literal["pending", "approved", "paid"]
    period: str
    requested_on: date
    approved_on: date | None = None
    paid_on: date | None = None
    target_account_masked: str | None = None


class RefundsResponse(_Model):
    taxpayer: TaxpayerRef
    refunds: list[Refund]


class EnforcementItem(_Model):
    id: str
    tax: TaxCode
    kind: Literal["reminder", "enforcement_title", "rnp_entry"]
    number: str
    issued_on: date
    amount: int
    costs: int = 0
    status: Literal["open", "settled"]


class EnforcementResponse(_Model):
    taxpayer: TaxpayerRef
    items: list[EnforcementItem]


# --- registration (360) -------------------------------------------------------------------------


class Address(_Model):
    street: str
    postal_code: str
    city: str


class Registration(_Model):
    kind: Literal["person", "organisation"]
    name: str
    pesel: str | None = None
    nip: str | None = None
    regon: str | None = None
    address: Address
    tax_form: str
    tax_office: str
    bank_accounts_masked: list[str] = Field(default_factory=list)
    micro_account_masked: str | None = None


def mask_account(number: str) -> str:
    """``PL61109010140000071219812874`` → ``PL61 **** **** **** **** **** 2874``: recognisable, not usable."""
    compact = "".join(number.split())
    if len(compact) < 8:
        return "****"
    country = compact[:4] if compact[:2].isalpha() else compact[:2]
    hidden_groups = max(1, (len(compact) - len(country) - 4) // 4)
    return " ".join([country, *(["****"] * hidden_groups), compact[-4:]])
