"""Who may read what: the acting (verified) person reads about themselves and their principals only.

An unknown taxpayer answers exactly like a known non-principal (403), so the API cannot be used to
probe which PESELs or NIPs exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, or_, select
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import pesel as stdnum_pesel

from integrations.models import TAX_CODES, TaxpayerRef
from integrations.sandbox import db
from integrations.sandbox.errors import ApiError


def require_pesel(value: str, reason: str = "invalid_pesel") -> str:
    if not (len(value) == 11 and value.isdigit() and stdnum_pesel.is_valid(value)):
        raise ApiError(400, reason, "a PESEL is 11 digits with a valid check digit")
    return value


def require_taxpayer_id(value: str) -> str:
    """A PESEL (11 digits) or a NIP (10 digits), checksums verified."""
    if value.isdigit() and len(value) == 11 and stdnum_pesel.is_valid(value):
        return value
    if value.isdigit() and len(value) == 10 and stdnum_nip.is_valid(value):
        return value
    raise ApiError(400, "invalid_taxpayer_id", "expected a valid PESEL (11 digits) or NIP (10 digits)")


def require_acting_person(value: str | None) -> str:
    if not value:
        raise ApiError(400, "missing_acting_person", "X-Acting-Person header (PESEL) is required")
    return require_pesel(value, "invalid_acting_person")


@dataclass(frozen=True)
class Access:
    taxpayer_id: int
    ref: TaxpayerRef
    taxes: frozenset[str]  # the taxes the acting person may hear about


def authorise(conn: Connection, acting_pesel: str, taxpayer_id: str) -> Access:
    forbidden = ApiError(403, "not_a_principal", "the acting person may not read this taxpayer")
    t = db.taxpayers
    row = conn.execute(select(t).where(or_(t.c.pesel == taxpayer_id, t.c.nip == taxpayer_id))).first()
    if row is None:
        raise forbidden
    ref = TaxpayerRef(kind=row.kind, pesel=row.pesel, nip=row.nip, name=row.name)
    if row.pesel is not None and row.pesel == acting_pesel:
        return Access(row.id, ref, frozenset(TAX_CODES))
    r = db.representations
    scopes = conn.execute(
        select(r.c.scope).where(r.c.representative_pesel == acting_pesel, r.c.principal_id == row.id)
    ).scalars().all()
    if not scopes:
        raise forbidden
    return Access(row.id, ref, frozenset(tax for scope in scopes for tax in scope))


def taxes_asked(access: Access, tax: str | None) -> list[str]:
    """The taxes a query may return: the one asked for (if in scope) or the whole scope."""
    if tax is None:
        return sorted(access.taxes)
    if tax not in access.taxes:
        raise ApiError(403, "outside_scope", "the representation does not cover this tax")
    return [tax]
