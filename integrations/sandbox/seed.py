"""The seed file: its schema (pydantic), validation (python-stdnum checksums) and loading into the DB.

telePINs are in clear only in the seed file: ``load_seed`` stores Argon2id hashes and nothing else.
The schema is documented in docs/integrations.md; ``demo_seed.yaml`` is the shipped example.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from sqlalchemy import Engine, insert
from stdnum import iban as stdnum_iban
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import pesel as stdnum_pesel

from integrations.models import TAX_CODES, TaxCode
from integrations.sandbox import db
from integrations.sandbox.booking_seed import SeedBooking, load_booking
from integrations.sandbox.pins import PinHasher
from integrations.sandbox.slots import OFFICE_ZONE

DEMO_SEED_PATH = Path(__file__).with_name("demo_seed.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _valid_pesel(value: str) -> str:
    if not stdnum_pesel.is_valid(value):
        raise ValueError("not a valid PESEL (checksum)")
    return stdnum_pesel.compact(value)


def _valid_nip(value: str) -> str:
    if not stdnum_nip.is_valid(value):
        raise ValueError("not a valid NIP (checksum)")
    return stdnum_nip.compact(value)


def _valid_iban(value: str) -> str:
    if not stdnum_iban.is_valid(value):
        raise ValueError("not a valid IBAN (checksum)")
    return stdnum_iban.compact(value)


def micro_account(identifier: str) -> str:
    """The taxpayer's mikrorachunek podatkowy: NBP 10101023, id type (1 PESEL, 2 NIP), id left-padded."""
    id_type = "1" if len(identifier) == 11 else "2"
    bban = "10101023" + id_type + identifier.rjust(15, "0")
    check = stdnum_iban.calc_check_digits("PL00" + bban)
    return f"PL{check}{bban}"


class SeedAddress(_Strict):
    street: str
    postal_code: str = Field(pattern=r"^\d{2}-\d{3}$")
    city: str


class SeedTelePin(_Strict):
    state: Literal["active", "blocked", "inactive"]
    # For an inactive telePIN: the PIN it had before it was deleted (optional).
    pin: str | None = Field(default=None, pattern=r"^\d{6}$")
    failures: int = Field(default=0, ge=0, le=3)

    @model_validator(mode="after")
    def _pin_when_set(self) -> "SeedTelePin":
        if self.state != "inactive" and self.pin is None:
            raise ValueError("an active or blocked telePIN needs its pin")
        return self


# Lengths as in the database (integrations/sandbox/db.py): PostgreSQL enforces them, SQLite doesn't,
# so the seed checks them itself.
class SeedPayment(_Strict):
    id: str = Field(max_length=40)
    date: date
    amount: int = Field(gt=0)
    booked_to: str = Field(max_length=200)
    interest: int = Field(default=0, ge=0)
    reminder_costs: int = Field(default=0, ge=0)


class SeedRefund(_Strict):
    id: str = Field(max_length=40)
    kind: Literal["refund", "overpayment"]
    amount: int = Field(gt=0)
    status: Literal["pending", "approved", "paid"]
    period: str = Field(max_length=200)
    requested_on: date
    approved_on: date | None = None
    paid_on: date | None = None
    target_account: str | None = None

    _iban = field_validator("target_account")(lambda v: None if v is None else _valid_iban(v))

    @model_validator(mode="after")
    def _dates_follow_stage(self) -> "SeedRefund":
        if self.status in ("approved", "paid") and self.approved_on is None:
            raise ValueError(f"refund {self.id}: status {self.status} needs approved_on")
        if self.status == "paid" and self.paid_on is None:
            raise ValueError(f"refund {self.id}: status paid needs paid_on")
        return self


class SeedEnforcement(_Strict):
    id: str
    kind: Literal["reminder", "enforcement_title", "rnp_entry"]
    number: str
    issued_on: date
    amount: int = Field(ge=0)
    costs: int = Field(default=0, ge=0)
    status: Literal["open", "settled"] = "open"


class SeedAccount(_Strict):
    tax: TaxCode
    arrears: int = Field(default=0, ge=0)
    overpayment: int = Field(default=0, ge=0)
    interest_due: int = Field(default=0, ge=0)
    payments: list[SeedPayment] = []
    refunds: list[SeedRefund] = []
    enforcement: list[SeedEnforcement] = []


class _SeedTaxpayer(_Strict):
    role: str | None = None  # the scenario this record exists for (tests and docs find it by role)
    address: SeedAddress
    tax_form: str
    tax_office: str
    email: str | None = Field(default=None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    bank_accounts: list[str] = []
    accounts: list[SeedAccount] = []

    _ibans = field_validator("bank_accounts")(lambda v: [_valid_iban(x) for x in v])


class SeedPerson(_SeedTaxpayer):
    pesel: str
    first_name: str
    last_name: str
    nip: str | None = None  # a sole trader's NIP
    telepin: SeedTelePin = SeedTelePin(state="inactive")

    _pesel = field_validator("pesel")(_valid_pesel)
    _nip = field_validator("nip")(lambda v: None if v is None else _valid_nip(v))

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def __repr__(self) -> str:  # a seed person never prints PESEL or PIN
        return f"SeedPerson(role={self.role!r})"

    __str__ = __repr__


class SeedOrganisation(_SeedTaxpayer):
    nip: str
    name: str
    regon: str | None = None

    _nip = field_validator("nip")(_valid_nip)


class SeedPrincipalRef(_Strict):
    pesel: str | None = None
    nip: str | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> "SeedPrincipalRef":
        if (self.pesel is None) == (self.nip is None):
            raise ValueError("a principal is named by exactly one of pesel or nip")
        return self


class SeedRepresentation(_Strict):
    representative: str  # PESEL of the attorney / UKO user
    principal: SeedPrincipalRef
    basis: Literal["PPO-1", "UKO"]
    scope: list[TaxCode] | Literal["all"] = "all"

    _rep = field_validator("representative")(_valid_pesel)

    @property
    def taxes(self) -> list[str]:
        return list(TAX_CODES) if self.scope == "all" else list(self.scope)


class Seed(_Strict):
    version: Literal[1] = 1
    as_of: date
    persons: list[SeedPerson]
    organisations: list[SeedOrganisation] = []
    representatives: list[SeedRepresentation] = []
    booking: SeedBooking | None = None

    @model_validator(mode="after")
    def _references_resolve(self) -> "Seed":
        pesels = {p.pesel for p in self.persons}
        nips = {p.nip for p in self.persons if p.nip} | {o.nip for o in self.organisations}
        if len(pesels) != len(self.persons):
            raise ValueError("duplicate PESEL among persons")
        for rep in self.representatives:
            if rep.representative not in pesels:
                raise ValueError("a representative must be one of the persons")
            ref = rep.principal
            if (ref.pesel and ref.pesel not in pesels) or (ref.nip and ref.nip not in nips):
                raise ValueError("a representation names a principal not in the seed")
        if self.booking is not None:
            # "My office" is found by the registration's tax_office: each must be a bookable office.
            for taxpayer in [*self.persons, *self.organisations]:
                if self.booking.office_named(taxpayer.tax_office) is None:
                    raise ValueError(f"{taxpayer.role or 'a taxpayer'}: tax_office is not among booking.offices")
        return self

    def person(self, role: str) -> SeedPerson:
        """The seed person playing ``role`` (e.g. ``"pit_refund"``), so tests never hard-code a PESEL."""
        for person in self.persons:
            if person.role == role:
                return person
        raise KeyError(role)

    def organisation(self, role: str) -> SeedOrganisation:
        for organisation in self.organisations:
            if organisation.role == role:
                return organisation
        raise KeyError(role)


class SeedError(ValueError):
    """A seed file that does not follow the schema; the message names fields, never their values."""


def read_seed(path: Path | str) -> Seed:
    """Parse and validate a YAML (or JSON, a YAML subset) seed file."""
    try:
        with open(path, encoding="utf-8") as handle:
            raw = yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        raise SeedError(f"seed file is not valid YAML/JSON: {type(exc).__name__}") from None
    try:
        return Seed.model_validate(raw)
    except ValidationError as exc:
        # pydantic's own message repeats the input (a PESEL, a PIN): keep location and message only.
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}" for err in exc.errors()
        )
        raise SeedError(f"invalid seed file: {problems}") from None


def load_seed(engine: Engine, seed: Seed, hasher: PinHasher, today: date | None = None) -> None:
    """Replace the database's content with ``seed``; clear telePINs become Argon2id hashes here.
    Seeded visits are placed relative to ``today`` (default: today in Warsaw)."""
    db.reset_schema(engine)
    with engine.begin() as conn:
        if seed.booking is not None:
            load_booking(conn, seed.booking, today or datetime.now(OFFICE_ZONE).date())
        conn.execute(insert(db.sandbox_meta), [{"key": "as_of", "value": seed.as_of.isoformat()}])
        ids: dict[str, int] = {}
        for taxpayer in [*seed.persons, *seed.organisations]:
            is_person = isinstance(taxpayer, SeedPerson)
            identifier = taxpayer.pesel if is_person else taxpayer.nip
            row = {
                "kind": "person" if is_person else "organisation",
                "pesel": taxpayer.pesel if is_person else None,
                "nip": taxpayer.nip,
                "regon": None if is_person else taxpayer.regon,
                "name": taxpayer.name,
                "street": taxpayer.address.street,
                "postal_code": taxpayer.address.postal_code,
                "city": taxpayer.address.city,
                "tax_form": taxpayer.tax_form,
                "tax_office": taxpayer.tax_office,
                "email": taxpayer.email,
                "bank_accounts": list(taxpayer.bank_accounts),
                "micro_account": micro_account(identifier),
                "role": taxpayer.role,
            }
            taxpayer_id = conn.execute(insert(db.taxpayers).returning(db.taxpayers.c.id), [row]).scalar_one()
            for key in (taxpayer.pesel if is_person else None, taxpayer.nip):
                if key:
                    ids[key] = taxpayer_id
            _insert_accounts(conn, taxpayer_id, taxpayer.accounts)
            if is_person:
                pin = taxpayer.telepin
                conn.execute(
                    insert(db.telepins),
                    [{
                        "pesel": taxpayer.pesel,
                        "pin_hash": hasher.hash(pin.pin) if pin.pin else None,
                        "state": pin.state,
                        "failures": 3 if pin.state == "blocked" else pin.failures,
                    }],
                )
        for rep in seed.representatives:
            conn.execute(
                insert(db.representations),
                [{
                    "representative_pesel": rep.representative,
                    "principal_id": ids[rep.principal.pesel or rep.principal.nip],
                    "basis": rep.basis,
                    "scope": rep.taxes,
                }],
            )


def _insert_accounts(conn, taxpayer_id: int, accounts: list[SeedAccount]) -> None:  # noqa: ANN001
    for account in accounts:
        base = {"taxpayer_id": taxpayer_id, "tax": account.tax}
        conn.execute(
            insert(db.tax_accounts),
            [{**base, "arrears": account.arrears, "overpayment": account.overpayment,
              "interest_due": account.interest_due}],
        )
        if account.payments:
            conn.execute(insert(db.payments), [{**base, **p.model_dump()} for p in account.payments])
        if account.refunds:
            conn.execute(insert(db.refunds), [{**base, **r.model_dump()} for r in account.refunds])
        if account.enforcement:
            conn.execute(insert(db.enforcement), [{**base, **e.model_dump()} for e in account.enforcement])
