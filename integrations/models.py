"""The JSON of the back-end contracts as pydantic models, shared by the clients and the sandbox.

One definition for both sides keeps the sandbox's served OpenAPI and the clients' parsing in step;
``integrations/contracts/*.yaml`` is the written contract and a test holds all three together.
Amounts are integers in grosze, dates ISO 8601.
"""

from __future__ import annotations

from datetime import date, datetime
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
    # The contact e-mail given in e-Urząd Skarbowy (a visit confirmation goes there when the caller agrees).
    email: str | None = None


def mask_account(number: str) -> str:
    """``PL61109010140000071219812874`` → ``PL61 **** **** **** **** **** 2874``: recognisable, not usable."""
    compact = "".join(number.split())
    if len(compact) < 8:
        return "****"
    country = compact[:4] if compact[:2].isalpha() else compact[:2]
    hidden_groups = max(1, (len(compact) - len(country) - 4) // 4)
    return " ".join([country, *(["****"] * hidden_groups), compact[-4:]])


# --- visit booking (Umów wizytę) ----------------------------------------------------------------
# Times are ISO 8601 with their offset, in the office's time zone (Europe/Warsaw); a client compares
# them as aware datetimes, never as strings.


class OpeningHours(_Model):
    weekday: int = Field(ge=1, le=7)  # ISO: 1 = Monday
    opens: str = Field(pattern=r"^\d{2}:\d{2}$")
    closes: str = Field(pattern=r"^\d{2}:\d{2}$")


class Office(_Model):
    id: str
    name: str
    city: str
    address: Address
    slot_minutes: int
    opening_hours: list[OpeningHours]
    matters: list[str]  # codes of the matters this office books visits for
    # Other names people use for it ("Urząd Skarbowy Warszawa-Śródmieście I"), for the office search.
    aliases: list[str] = Field(default_factory=list)


class OfficesResponse(_Model):
    offices: list[Office]


class Matter(_Model):
    code: str
    name: str
    duration_minutes: int


class MattersResponse(_Model):
    matters: list[Matter]


class Slot(_Model):
    start: datetime
    end: datetime


class SlotsResponse(_Model):
    office_id: str
    matter: str
    slots: list[Slot]


class BookingRequest(_Model):
    # Chosen by the client before the first attempt: a repeated request (a lost answer, a retry) gets
    # the booking already made instead of a second one.
    request_id: str | None = Field(default=None, min_length=8, max_length=64)
    office_id: str = Field(max_length=16)
    matter: str = Field(max_length=40)
    start: datetime
    visitor_name: str = Field(min_length=2, max_length=120)
    email: str = Field(min_length=3, max_length=254)
    phone: str | None = Field(default=None, max_length=20)

    def __repr__(self) -> str:  # the visitor's data never prints
        return f"BookingRequest(office_id={self.office_id!r}, matter={self.matter!r}, start={self.start.isoformat()})"


class OfficeSummary(_Model):
    id: str
    name: str
    address: Address


class Booking(_Model):
    code: str
    status: Literal["booked", "cancelled"]
    office: OfficeSummary
    matter: Matter
    start: datetime
    end: datetime
    visitor_name: str
    email: str

    def __repr__(self) -> str:
        return f"Booking(code={self.code!r}, status={self.status!r}, office={self.office.id!r}, start={self.start.isoformat()})"
