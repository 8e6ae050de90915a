"""Settlements, representatives and registration (360) contracts: read-only, per acting person."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Header, Query, Request
from sqlalchemy import select

from integrations.models import (
    Address,
    Balance,
    BalancesResponse,
    EnforcementItem,
    EnforcementResponse,
    Payment,
    PaymentsResponse,
    Principal,
    PrincipalsResponse,
    Refund,
    RefundsResponse,
    Registration,
    TaxCode,
    mask_account,
)
from integrations.sandbox import db
from integrations.sandbox.access import (
    Access,
    authorise,
    require_acting_person,
    require_pesel,
    require_taxpayer_id,
    taxes_asked,
)
from integrations.sandbox.auth import bot_caller
from integrations.sandbox.errors import ApiError

router = APIRouter(dependencies=[Depends(bot_caller)])
_ERRORS = {400: {}, 401: {}, 403: {}}


def _access(request: Request, taxpayer_id: str, acting: str | None) -> tuple[Access, object]:
    taxpayer_id = require_taxpayer_id(taxpayer_id)
    acting_pesel = require_acting_person(acting)
    engine = request.app.state.engine
    with engine.connect() as conn:
        return authorise(conn, acting_pesel, taxpayer_id), engine


def _rows(engine, table, access: Access, taxes: list[str], order_by):  # noqa: ANN001
    with engine.connect() as conn:
        return conn.execute(
            select(table).where(table.c.taxpayer_id == access.taxpayer_id, table.c.tax.in_(taxes)).order_by(*order_by)
        ).all()


ActingPerson = Header(default=None, alias="X-Acting-Person", max_length=32)
TaxFilter = Query(default=None)


@router.get("/settlements/v1/taxpayers/{taxpayer_id}/balances", response_model=BalancesResponse,
            tags=["settlements"], responses=_ERRORS)
def balances(taxpayer_id: str, request: Request, tax: TaxCode | None = TaxFilter,
             x_acting_person: str | None = ActingPerson) -> BalancesResponse:
    access, engine = _access(request, taxpayer_id, x_acting_person)
    t = db.tax_accounts
    rows = _rows(engine, t, access, taxes_asked(access, tax), (t.c.tax,))
    with engine.connect() as conn:
        as_of = conn.execute(select(db.sandbox_meta.c.value).where(db.sandbox_meta.c.key == "as_of")).scalar()
    return BalancesResponse(
        taxpayer=access.ref,
        as_of=date.fromisoformat(as_of) if as_of else date.today(),
        balances=[
            Balance(tax=r.tax, balance=r.overpayment - r.arrears, arrears=r.arrears,
                    overpayment=r.overpayment, interest_due=r.interest_due)
            for r in rows
        ],
    )


@router.get("/settlements/v1/taxpayers/{taxpayer_id}/payments", response_model=PaymentsResponse,
            tags=["settlements"], responses=_ERRORS)
def payments(taxpayer_id: str, request: Request, tax: TaxCode | None = TaxFilter,
             x_acting_person: str | None = ActingPerson) -> PaymentsResponse:
    access, engine = _access(request, taxpayer_id, x_acting_person)
    t = db.payments
    rows = _rows(engine, t, access, taxes_asked(access, tax), (t.c.date.desc(), t.c.id))
    return PaymentsResponse(
        taxpayer=access.ref,
        payments=[
            Payment(id=r.id, tax=r.tax, date=r.date, amount=r.amount, booked_to=r.booked_to,
                    interest=r.interest, reminder_costs=r.reminder_costs)
            for r in rows
        ],
    )


@router.get("/settlements/v1/taxpayers/{taxpayer_id}/refunds", response_model=RefundsResponse,
            tags=["settlements"], responses=_ERRORS)
def refunds(taxpayer_id: str, request: Request, tax: TaxCode | None = TaxFilter,
            x_acting_person: str | None = ActingPerson) -> RefundsResponse:
    access, engine = _access(request, taxpayer_id, x_acting_person)
    t = db.refunds
    rows = _rows(engine, t, access, taxes_asked(access, tax), (t.c.requested_on.desc(), t.c.id))
    return RefundsResponse(
        taxpayer=access.ref,
        refunds=[
            Refund(id=r.id, tax=r.tax, kind=r.kind, amount=r.amount, status=r.status, period=r.period,
                   requested_on=r.requested_on, approved_on=r.approved_on, paid_on=r.paid_on,
                   target_account_masked=mask_account(r.target_account) if r.target_account else None)
            for r in rows
        ],
    )


@router.get("/settlements/v1/taxpayers/{taxpayer_id}/enforcement", response_model=EnforcementResponse,
            tags=["settlements"], responses=_ERRORS)
def enforcement(taxpayer_id: str, request: Request, tax: TaxCode | None = TaxFilter,
                x_acting_person: str | None = ActingPerson) -> EnforcementResponse:
    access, engine = _access(request, taxpayer_id, x_acting_person)
    t = db.enforcement
    rows = _rows(engine, t, access, taxes_asked(access, tax), (t.c.issued_on.desc(), t.c.id))
    return EnforcementResponse(
        taxpayer=access.ref,
        items=[
            EnforcementItem(id=r.id, tax=r.tax, kind=r.kind, number=r.number, issued_on=r.issued_on,
                            amount=r.amount, costs=r.costs, status=r.status)
            for r in rows
        ],
    )


@router.get("/registration/v1/taxpayers/{taxpayer_id}", response_model=Registration,
            tags=["registration"], responses=_ERRORS)
def registration(taxpayer_id: str, request: Request,
                 x_acting_person: str | None = ActingPerson) -> Registration:
    access, engine = _access(request, taxpayer_id, x_acting_person)
    with engine.connect() as conn:
        r = conn.execute(select(db.taxpayers).where(db.taxpayers.c.id == access.taxpayer_id)).one()
    return Registration(
        kind=r.kind, name=r.name, pesel=r.pesel, nip=r.nip, regon=r.regon,
        address=Address(street=r.street, postal_code=r.postal_code, city=r.city),
        tax_form=r.tax_form, tax_office=r.tax_office,
        bank_accounts_masked=[mask_account(a) for a in r.bank_accounts],
        micro_account_masked=mask_account(r.micro_account) if r.micro_account else None,
        email=r.email,
    )


@router.get("/representatives/v1/persons/{pesel}/principals", response_model=PrincipalsResponse,
            tags=["representatives"], responses=_ERRORS)
def principals(pesel: str, request: Request, x_acting_person: str | None = ActingPerson) -> PrincipalsResponse:
    pesel = require_pesel(pesel)
    acting = require_acting_person(x_acting_person)
    if acting != pesel:
        raise ApiError(403, "not_acting_person", "principals are listed only for the acting person")
    r, t = db.representations, db.taxpayers
    with request.app.state.engine.connect() as conn:
        rows = conn.execute(
            select(r.c.basis, r.c.scope, t.c.kind, t.c.pesel, t.c.nip, t.c.name)
            .join(t, t.c.id == r.c.principal_id)
            .where(r.c.representative_pesel == pesel)
            .order_by(r.c.id)
        ).all()
    return PrincipalsResponse(
        principals=[
            Principal(kind=row.kind, pesel=row.pesel, nip=row.nip, name=row.name, basis=row.basis,
                      scope=list(row.scope))
            for row in rows
        ]
    )
