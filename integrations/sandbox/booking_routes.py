"""Visit booking contract (integrations/contracts/booking.yaml): offices, matters, free slots, bookings.

Atomicity: a booking inserts one ``booking_slots`` row per grid slot it takes, in the same transaction
as the booking itself; the table's primary key (office, slot) lets only one of two racing
transactions commit. The transaction's first statement is a write, so on SQLite it waits for the
other writer (busy timeout) instead of failing on a stale read snapshot.
"""

from __future__ import annotations

import re
import secrets
from datetime import UTC, date, datetime, timedelta

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, Row, select, update
from sqlalchemy.exc import IntegrityError

from integrations.models import (
    Address,
    Booking,
    BookingRequest,
    Matter,
    MattersResponse,
    Office,
    OfficesResponse,
    OfficeSummary,
    OpeningHours,
    Slot,
    SlotsResponse,
)
from integrations.sandbox import db
from integrations.sandbox.auth import bot_caller
from integrations.sandbox.errors import ApiError
from integrations.sandbox.slots import OFFICE_ZONE, OfficeCalendar, free_slots, parse_hours

router = APIRouter(prefix="/booking/v1", tags=["booking"], dependencies=[Depends(bot_caller)])

# Letters whose Polish names are told apart on a phone line (no I/J, O/0, Q, V, X, Y).
CODE_LETTERS = "ABCDEFGHKLMNPRSTUWZ"
_CODE = re.compile(r"^([A-Z]{3})-?(\d{3})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def booking_today(request: Request) -> date:
    """The sandbox's day (a fixed one for tests and recorded evaluations), else today in Warsaw."""
    return request.app.state.config.today or datetime.now(OFFICE_ZONE).date()


def normalise_code(code: str) -> str:
    match = _CODE.match(code.strip().upper())
    if match is None:
        raise ApiError(404, "unknown_booking", "no booking with this code")
    return f"{match[1]}-{match[2]}"


def new_code() -> str:
    letters = "".join(secrets.choice(CODE_LETTERS) for _ in range(3))
    return f"{letters}-{secrets.randbelow(1000):03d}"


# --- reading the catalogue ----------------------------------------------------------------------


def _calendar(row: Row) -> OfficeCalendar:
    return OfficeCalendar(
        row.slot_minutes,
        parse_hours({int(k): v for k, v in row.hours.items()}),
        frozenset(date.fromisoformat(d) for d in row.closed_days),
    )


def _office(row: Row) -> Office:
    return Office(
        id=row.id, name=row.name, city=row.city,
        address=Address(street=row.street, postal_code=row.postal_code, city=row.address_city),
        slot_minutes=row.slot_minutes,
        opening_hours=[OpeningHours(weekday=int(k), opens=v.split("-")[0], closes=v.split("-")[1])
                       for k, v in sorted(row.hours.items(), key=lambda kv: int(kv[0]))],
        matters=list(row.matters), aliases=list(row.aliases),
    )


def _office_row(engine: Engine, office_id: str) -> Row:
    with engine.connect() as conn:
        row = conn.execute(select(db.offices).where(db.offices.c.id == office_id)).first()
    if row is None:
        raise ApiError(404, "unknown_office", "no office with this id")
    return row


def _matter(engine: Engine, office: Row, code: str) -> Matter:
    with engine.connect() as conn:
        row = conn.execute(select(db.matters).where(db.matters.c.code == code)).first()
    if row is None:
        raise ApiError(400, "unknown_matter", "no matter with this code")
    if code not in office.matters:
        raise ApiError(400, "matter_not_offered", "this office does not book visits for this matter")
    return Matter(code=row.code, name=row.name, duration_minutes=row.duration_minutes)


def _window(request: Request, calendar: OfficeCalendar) -> tuple[date, date]:
    """First and last day a visit can be booked: from the next open day, within the seed's horizon."""
    today = booking_today(request)
    with request.app.state.engine.connect() as conn:
        horizon = conn.execute(
            select(db.sandbox_meta.c.value).where(db.sandbox_meta.c.key == "booking_horizon_days")
        ).scalar()
    last = today + timedelta(days=int(horizon or 30))
    first = calendar.first_open_day_after(today, int(horizon or 30))
    return (first or last + timedelta(days=1)), last


@router.get("/offices", response_model=OfficesResponse, responses={401: {}})
def list_offices(request: Request) -> OfficesResponse:
    with request.app.state.engine.connect() as conn:
        rows = conn.execute(select(db.offices).order_by(db.offices.c.city, db.offices.c.name)).all()
    return OfficesResponse(offices=[_office(r) for r in rows])


@router.get("/offices/{office_id}", response_model=Office, responses={401: {}, 404: {}})
def get_office(office_id: str, request: Request) -> Office:
    return _office(_office_row(request.app.state.engine, office_id))


@router.get("/matters", response_model=MattersResponse, responses={401: {}})
def list_matters(request: Request) -> MattersResponse:
    with request.app.state.engine.connect() as conn:
        rows = conn.execute(select(db.matters).order_by(db.matters.c.position)).all()
    return MattersResponse(matters=[Matter(code=r.code, name=r.name, duration_minutes=r.duration_minutes) for r in rows])


@router.get("/offices/{office_id}/slots", response_model=SlotsResponse, responses={400: {}, 401: {}, 404: {}})
def list_slots(
    office_id: str, request: Request, matter: str = Query(max_length=40),
    from_: date | None = Query(default=None, alias="from"), days: int = Query(default=14, ge=1, le=60),
    limit: int = Query(default=10, ge=1, le=50),
) -> SlotsResponse:
    """Free starts for ``matter``, earliest first, from ``from`` (never before the next open day)."""
    engine = request.app.state.engine
    office = _office_row(engine, office_id)
    wanted = _matter(engine, office, matter)
    calendar = _calendar(office)
    first, last = _window(request, calendar)
    start = max(first, from_ or first)
    end = min(last, start + timedelta(days=days - 1))
    with engine.connect() as conn:
        taken = conn.execute(
            select(db.booking_slots.c.slot_utc).where(
                db.booking_slots.c.office_id == office_id,
                db.booking_slots.c.slot_utc >= datetime.combine(start, datetime.min.time(), OFFICE_ZONE)
                .astimezone(UTC).replace(tzinfo=None),
            )
        ).scalars().all()
    found = free_slots(calendar, wanted.duration_minutes, taken, start, end, limit)
    return SlotsResponse(office_id=office_id, matter=matter,
                         slots=[Slot(start=s.start, end=s.end) for s in found])


# --- bookings -----------------------------------------------------------------------------------


def _booking(engine: Engine, where) -> Booking | None:  # noqa: ANN001 - a SQLAlchemy clause
    b, o, m = db.bookings, db.offices, db.matters
    with engine.connect() as conn:
        row = conn.execute(
            select(b, o.c.name.label("office_name"), o.c.street, o.c.postal_code, o.c.address_city,
                   m.c.name.label("matter_name"), m.c.duration_minutes)
            .join(o, o.c.id == b.c.office_id).join(m, m.c.code == b.c.matter).where(where)
        ).first()
    if row is None:
        return None
    return Booking(
        code=row.code, status=row.status,
        office=OfficeSummary(id=row.office_id, name=row.office_name,
                             address=Address(street=row.street, postal_code=row.postal_code, city=row.address_city)),
        matter=Matter(code=row.matter, name=row.matter_name, duration_minutes=row.duration_minutes),
        start=row.start_utc.replace(tzinfo=UTC).astimezone(OFFICE_ZONE),
        end=row.end_utc.replace(tzinfo=UTC).astimezone(OFFICE_ZONE),
        visitor_name=row.visitor_name, email=row.email,
    )


def _json(booking: Booking, status: int) -> JSONResponse:
    return JSONResponse(booking.model_dump(mode="json"), status_code=status)


@router.post("/bookings", response_model=Booking, status_code=201,
             responses={200: {"model": Booking}, 400: {}, 401: {}, 404: {}, 409: {}})
def create_booking(body: BookingRequest, request: Request) -> JSONResponse:
    engine = request.app.state.engine
    if body.request_id and (done := _booking(engine, db.bookings.c.request_id == body.request_id)):
        return _repeat(done, body)
    office = _office_row(engine, body.office_id)
    matter = _matter(engine, office, body.matter)
    if not _EMAIL.match(body.email):
        raise ApiError(400, "invalid_email", "the e-mail address is not valid")
    if body.start.tzinfo is None:
        raise ApiError(400, "invalid_start", "start needs its UTC offset")
    calendar = _calendar(office)
    first, last = _window(request, calendar)
    local_day = body.start.astimezone(OFFICE_ZONE).date()
    if not (first <= local_day <= last and calendar.fits(body.start, matter.duration_minutes)):
        raise ApiError(400, "not_a_slot", "start is not a bookable slot of this office for this matter")
    slots = calendar.occupied(body.start, matter.duration_minutes)
    end = slots[-1] + timedelta(minutes=calendar.slot_minutes)
    for _attempt in range(5):
        code = new_code()
        try:
            with engine.begin() as conn:
                # The first statement writes (see the module docstring).
                booking_id = conn.execute(db.bookings.insert().returning(db.bookings.c.id), [{
                    "code": code, "request_id": body.request_id, "office_id": office.id, "matter": matter.code,
                    "start_utc": slots[0], "end_utc": end, "visitor_name": body.visitor_name.strip(),
                    "email": body.email.strip(), "phone": body.phone, "status": "booked",
                    "created_utc": datetime.now(UTC).replace(tzinfo=None),
                }]).scalar_one()
                conn.execute(db.booking_slots.insert(),
                             [{"office_id": office.id, "slot_utc": s, "booking_id": booking_id} for s in slots])
        except IntegrityError:
            # Which unique key refused it: the request's own earlier booking, a taken slot, or (rarely) the code.
            if body.request_id and (done := _booking(engine, db.bookings.c.request_id == body.request_id)):
                return _repeat(done, body)
            if _any_taken(engine, office.id, slots):
                raise ApiError(409, "slot_taken", "this slot has just been booked by someone else") from None
            continue
        return _json(_booking(engine, db.bookings.c.id == booking_id), 201)
    raise ApiError(503, "busy", "try again")


def _repeat(done: Booking, body: BookingRequest) -> JSONResponse:
    if (done.office.id, done.matter.code, done.start) != (body.office_id, body.matter, body.start):
        raise ApiError(409, "request_id_reused", "this request id was used for another booking")
    return _json(done, 200)


def _any_taken(engine: Engine, office_id: str, slots: list[datetime]) -> bool:
    t = db.booking_slots
    with engine.connect() as conn:
        return conn.execute(select(t.c.slot_utc).where(t.c.office_id == office_id, t.c.slot_utc.in_(slots))).first() is not None


@router.get("/bookings/{code}", response_model=Booking, responses={401: {}, 404: {}})
def get_booking(code: str, request: Request) -> Booking:
    booking = _booking(request.app.state.engine, db.bookings.c.code == normalise_code(code))
    if booking is None:
        raise ApiError(404, "unknown_booking", "no booking with this code")
    return booking


@router.delete("/bookings/{code}", response_model=Booking, responses={401: {}, 404: {}, 409: {}})
def cancel_booking(code: str, request: Request) -> Booking:
    """Cancel and free the slots; cancelling a cancelled booking answers it again (idempotent)."""
    engine, code = request.app.state.engine, normalise_code(code)
    existing = _booking(engine, db.bookings.c.code == code)
    if existing is None:
        raise ApiError(404, "unknown_booking", "no booking with this code")
    if existing.status == "booked" and existing.start.date() <= booking_today(request):
        raise ApiError(409, "too_late_to_cancel", "a visit can be cancelled until the day before")
    b = db.bookings
    with engine.begin() as conn:
        booking_id = conn.execute(
            update(b).where(b.c.code == code, b.c.status == "booked").values(status="cancelled").returning(b.c.id)
        ).scalar()
        if booking_id is not None:
            conn.execute(db.booking_slots.delete().where(db.booking_slots.c.booking_id == booking_id))
    return _booking(engine, b.c.code == code)
