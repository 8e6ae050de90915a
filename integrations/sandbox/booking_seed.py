"""The seed's visit-booking part (Umów wizytę): the catalogue of matters, the tax offices with their
addresses, hours and slot length, and visits already booked.

Existing visits are placed relative to the sandbox's day (``day: 1`` = the first day the office is
open after today), so the demo always shows a partly taken calendar, whatever the date.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from sqlalchemy import Connection, insert

from integrations.sandbox import db
from integrations.sandbox.slots import OfficeCalendar, parse_hours

_HOURS = r"^\d{2}:\d{2}-\d{2}:\d{2}$"
_WEEKDAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SeedMatter(_Strict):
    code: str = Field(pattern=r"^[a-z0-9_-]{2,40}$")
    name: str = Field(max_length=200)
    duration_minutes: int = Field(ge=5, le=240)


class SeedOfficeAddress(_Strict):
    street: str = Field(max_length=200)
    postal_code: str = Field(pattern=r"^\d{2}-\d{3}$")
    city: str = Field(max_length=100)


OpeningSpec = dict[Literal["mon", "tue", "wed", "thu", "fri"], str]


def _valid_hours(spec: OpeningSpec) -> OpeningSpec:
    for span in spec.values():
        if not re.match(_HOURS, span):
            raise ValueError("opening hours are written HH:MM-HH:MM")
        opens, closes = parse_hours({1: span})[1]
        if opens >= closes:
            raise ValueError("an office closes after it opens")
    return spec


class SeedOffice(_Strict):
    id: str = Field(pattern=r"^\d{4}$")  # the office's code (kod urzędu)
    name: str = Field(max_length=200)
    city: str = Field(max_length=100)
    address: SeedOfficeAddress
    slot_minutes: int = Field(default=15, ge=5, le=120)
    opening_hours: OpeningSpec | None = None  # default: the booking section's
    matters: list[str] | Literal["all"] = "all"
    closed_days: list[date] = []  # beyond the public holidays
    aliases: list[str] = []

    _hours = field_validator("opening_hours")(lambda v: None if v is None else _valid_hours(v))


class SeedVisit(_Strict):
    """A visit already booked: on the office's ``day``-th open day after the sandbox's today."""

    code: str = Field(pattern=r"^[A-Z]{3}-\d{3}$")
    office: str
    matter: str
    day: int = Field(ge=1, le=30)
    at: time
    visitor_name: str = Field(max_length=120)
    email: str = Field(max_length=254)
    status: Literal["booked", "cancelled"] = "booked"


class SeedBooking(_Strict):
    opening_hours: OpeningSpec
    horizon_days: int = Field(default=30, ge=1, le=90)  # how far ahead visits can be booked
    matters: list[SeedMatter]
    offices: list[SeedOffice]
    visits: list[SeedVisit] = []

    _hours = field_validator("opening_hours")(_valid_hours)

    @model_validator(mode="after")
    def _references_resolve(self) -> "SeedBooking":
        matters = {m.code for m in self.matters}
        offices = {o.id: o for o in self.offices}
        if len(matters) != len(self.matters) or len(offices) != len(self.offices):
            raise ValueError("duplicate matter code or office id")
        for office in self.offices:
            if office.matters != "all" and not set(office.matters) <= matters:
                raise ValueError(f"office {office.id} names a matter not in the catalogue")
        codes = [v.code for v in self.visits]
        if len(set(codes)) != len(codes):
            raise ValueError("duplicate visit code")
        for visit in self.visits:
            office = offices.get(visit.office)
            if office is None or visit.matter not in self.office_matters(office):
                raise ValueError(f"visit {visit.code}: unknown office or a matter it does not book")
        return self

    def office_matters(self, office: SeedOffice) -> list[str]:
        return [m.code for m in self.matters] if office.matters == "all" else list(office.matters)

    def office_hours(self, office: SeedOffice) -> dict[int, str]:
        spec = office.opening_hours or self.opening_hours
        return {_WEEKDAYS[day]: span for day, span in spec.items()}

    def office_named(self, name: str) -> SeedOffice | None:
        return next((o for o in self.offices if o.name == name), None)



def calendar_for(booking: SeedBooking, office: SeedOffice) -> OfficeCalendar:
    return OfficeCalendar(office.slot_minutes, parse_hours(booking.office_hours(office)), frozenset(office.closed_days))


def load_booking(conn: Connection, booking: SeedBooking, today: date) -> None:
    """Insert the catalogue, the offices and the seeded visits (placed relative to ``today``)."""
    conn.execute(insert(db.sandbox_meta), [{"key": "booking_horizon_days", "value": str(booking.horizon_days)}])
    conn.execute(insert(db.matters), [
        {"code": m.code, "name": m.name, "duration_minutes": m.duration_minutes, "position": n}
        for n, m in enumerate(booking.matters)
    ])
    conn.execute(insert(db.offices), [
        {"id": o.id, "name": o.name, "city": o.city, "street": o.address.street, "postal_code": o.address.postal_code,
         "address_city": o.address.city, "slot_minutes": o.slot_minutes,
         "hours": {str(k): v for k, v in booking.office_hours(o).items()}, "matters": booking.office_matters(o),
         "closed_days": [d.isoformat() for d in o.closed_days], "aliases": list(o.aliases)}
        for o in booking.offices
    ])
    offices = {o.id: o for o in booking.offices}
    durations = {m.code: m.duration_minutes for m in booking.matters}
    created = datetime.now(UTC).replace(tzinfo=None)
    for visit in booking.visits:
        office = offices[visit.office]
        calendar = calendar_for(booking, office)
        day: date | None = today
        for _ in range(visit.day):
            day = calendar.first_open_day_after(day) if day else None
        start = datetime.combine(day, visit.at, calendar.zone) if day else None
        if start is None or not calendar.fits(start, durations[visit.matter]):
            raise ValueError(f"visit {visit.code}: not a slot of office {office.id}")
        slots = calendar.occupied(start, durations[visit.matter])
        booking_id = conn.execute(insert(db.bookings).returning(db.bookings.c.id), [{
            "code": visit.code, "office_id": office.id, "matter": visit.matter, "start_utc": slots[0],
            "end_utc": slots[-1] + timedelta(minutes=office.slot_minutes),
            "visitor_name": visit.visitor_name, "email": visit.email, "status": visit.status, "created_utc": created,
        }]).scalar_one()
        if visit.status == "booked":
            conn.execute(insert(db.booking_slots), [
                {"office_id": office.id, "slot_utc": slot, "booking_id": booking_id} for slot in slots
            ])
