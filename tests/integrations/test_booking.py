"""The visit-booking contract over real HTTP: the typed client against a sandbox on a fixed day.

The sandbox's day is fixed (``--today``), so weekdays and holidays are the same on any machine;
the seeded visits are placed relative to it (integrations/sandbox/demo_seed.yaml).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
import pytest_asyncio

from integrations.backend import KasBackend
from integrations.booking import SlotTaken
from integrations.http import BackendRejected
from integrations.models import Booking, Office, SlotsResponse

WARSAW = ZoneInfo("Europe/Warsaw")
# A Friday; the next open day is Monday 7 December 2026.
TODAY = date(2026, 12, 4)
PIASECZNO, MOKOTOW, SECOND_WARSAW = "1435", "1449", "1472"


@pytest.fixture(scope="module")
def booking_sandbox(tmp_path_factory):
    from tests.fixtures.sandbox import start_sandbox

    server = start_sandbox(tmp_path_factory.mktemp("booking"), today=TODAY)
    yield server
    server.stop()


@pytest_asyncio.fixture
async def kas(booking_sandbox):
    async with KasBackend(booking_sandbox.url, booking_sandbox.token, timeout_s=10.0) as backend:
        yield backend


def _seeded(sandbox, code):
    return next(v for v in sandbox.seed.booking.visits if v.code == code)


async def test_every_seeded_office_is_listed_with_its_calendar(kas, booking_sandbox):
    offices = await kas.booking.offices()
    assert {o.id for o in offices} == {o.id for o in booking_sandbox.seed.booking.offices}
    piaseczno = await kas.booking.office(PIASECZNO)
    assert isinstance(piaseczno, Office)
    assert piaseczno.address.city == "Piaseczno"
    assert {h.weekday for h in piaseczno.opening_hours} == {1, 2, 3, 4, 5}
    assert piaseczno.slot_minutes == 15
    matters = await kas.booking.matters()
    assert [m.code for m in matters] == [m.code for m in booking_sandbox.seed.booking.matters]
    assert isinstance(await kas.booking.office("9999"), BackendRejected)
    assert isinstance(await kas.booking.office("../x"), BackendRejected)


async def test_free_slots_skip_seeded_visits_and_lie_on_the_grid(kas):
    result = await kas.booking.free_slots(PIASECZNO, "pit", limit=50, days=1)
    assert isinstance(result, SlotsResponse)
    monday = date(2026, 12, 7)
    starts = [s.start.astimezone(WARSAW) for s in result.slots]
    assert starts and all(s.date() == monday for s in starts)
    # The seed takes 08:00–08:45 and 09:00–09:45 that Monday: a 30-minute visit fits from 09:45 on.
    assert starts[0].time() == time(9, 45)
    for slot in result.slots:
        start, end = slot.start.astimezone(WARSAW), slot.end.astimezone(WARSAW)
        assert start.minute % 15 == 0 and end - start == timedelta(minutes=30)
        assert end.time() <= time(18, 0)  # Monday: open until 18:00
        assert start.utcoffset() == timedelta(hours=1)


async def test_public_holidays_and_the_offices_own_closed_days_are_closed(kas):
    closed = {date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 26), date(2026, 12, 27)}
    piaseczno = await kas.booking.free_slots(PIASECZNO, "documents", from_day=date(2026, 12, 21), days=11, limit=50)
    mokotow = await kas.booking.free_slots(MOKOTOW, "documents", from_day=date(2026, 12, 21), days=11, limit=50)
    piaseczno_days = {s.start.astimezone(WARSAW).date() for s in piaseczno.slots}
    assert piaseczno_days  # limit 50 of 15-minute slots: 21 and 22 December at least
    all_days_piaseczno = await kas.booking.free_slots(PIASECZNO, "documents", from_day=date(2026, 12, 28), days=4,
                                                      limit=50)
    all_days_mokotow = await kas.booking.free_slots(MOKOTOW, "documents", from_day=date(2026, 12, 31), days=1,
                                                    limit=50)
    assert not piaseczno_days & closed
    assert not {s.start.astimezone(WARSAW).date() for s in mokotow.slots} & closed
    # Piaseczno closes on 31 December (seed); Mokotów is open.
    assert date(2026, 12, 31) not in {s.start.astimezone(WARSAW).date() for s in all_days_piaseczno.slots}
    assert {s.start.astimezone(WARSAW).date() for s in all_days_mokotow.slots} == {date(2026, 12, 31)}


async def test_a_slot_booked_is_gone_and_returns_when_cancelled(kas):
    slots = await kas.booking.free_slots(MOKOTOW, "certificates", from_day=date(2026, 12, 9), days=1, limit=3)
    chosen = slots.slots[0]
    booking = await kas.booking.book(MOKOTOW, "certificates", chosen.start, "Jan Przykładowy", "jan@example.com")
    assert isinstance(booking, Booking) and booking.status == "booked"
    assert booking.office.name == "Urząd Skarbowy Warszawa-Mokotów"
    assert booking.start == chosen.start and booking.matter.duration_minutes == 15
    after = await kas.booking.free_slots(MOKOTOW, "certificates", from_day=date(2026, 12, 9), days=1, limit=3)
    assert chosen.start not in {s.start for s in after.slots}

    fetched = await kas.booking.get(booking.code.lower().replace("-", ""))
    assert isinstance(fetched, Booking) and fetched.code == booking.code

    cancelled = await kas.booking.cancel(booking.code)
    assert isinstance(cancelled, Booking) and cancelled.status == "cancelled"
    again = await kas.booking.cancel(booking.code)  # idempotent
    assert isinstance(again, Booking) and again.status == "cancelled"
    freed = await kas.booking.free_slots(MOKOTOW, "certificates", from_day=date(2026, 12, 9), days=1, limit=3)
    assert freed.slots[0].start == chosen.start


async def test_the_same_request_twice_makes_one_booking(kas):
    slots = await kas.booking.free_slots(MOKOTOW, "pit", from_day=date(2026, 12, 10), days=1, limit=1)
    start = slots.slots[0].start
    first = await kas.booking.book(MOKOTOW, "pit", start, "Ewa Próbna", "ewa@example.com", request_id="req-same-0001")
    second = await kas.booking.book(MOKOTOW, "pit", start, "Ewa Próbna", "ewa@example.com", request_id="req-same-0001")
    assert isinstance(first, Booking) and isinstance(second, Booking)
    assert first.code == second.code
    other = await kas.booking.book(MOKOTOW, "pit", start + timedelta(hours=2), "Ewa Próbna", "ewa@example.com",
                                   request_id="req-same-0001")
    assert isinstance(other, BackendRejected) and other.reason == "request_id_reused"
    taken = await kas.booking.book(MOKOTOW, "pit", start, "Ktoś Inny", "ktos@example.com")
    assert isinstance(taken, SlotTaken)


async def test_a_seeded_visit_overlaps_a_longer_matter(kas, booking_sandbox):
    visit = _seeded(booking_sandbox, "KTR-482")  # Piaseczno, PIT, first open day 08:00–08:30
    start = datetime.combine(date(2026, 12, 7), visit.at, WARSAW) + timedelta(minutes=15)
    assert isinstance(await kas.booking.book(PIASECZNO, "documents", start, "Jan Test", "jan@example.com"), SlotTaken)
    seeded = await kas.booking.get("KTR-482")
    assert isinstance(seeded, Booking) and seeded.start.astimezone(WARSAW).time() == visit.at


@pytest.mark.parametrize("change, reason", [
    ({"email": "not-an-address"}, "invalid_email"),
    ({"start": "2026-12-09T10:07:00+01:00"}, "not_a_slot"),
    ({"start": "2026-12-09T17:00:00+01:00"}, "not_a_slot"),  # Wednesday closes at 15:00
    ({"start": "2026-12-25T10:00:00+01:00"}, "not_a_slot"),  # Christmas
    ({"start": "2026-12-04T12:00:00+01:00"}, "not_a_slot"),  # today: from the next open day on
    ({"start": "2027-03-01T10:00:00+01:00"}, "not_a_slot"),  # beyond the horizon
    ({"start": "2026-12-09T10:00:00"}, "invalid_start"),
    ({"office_id": SECOND_WARSAW}, "matter_not_offered"),
    ({"matter": "nope"}, "unknown_matter"),
], ids=lambda v: v if isinstance(v, str) else "-".join(v))
def test_a_bad_booking_request_gets_a_clear_reason(booking_sandbox, change, reason):
    body = {"office_id": MOKOTOW, "matter": "pit", "start": "2026-12-09T10:00:00+01:00",
            "visitor_name": "Jan Test", "email": "jan@example.com", **change}
    response = httpx.post(f"{booking_sandbox.url}/booking/v1/bookings", json=body,
                          headers=booking_sandbox.headers(), timeout=10)
    assert response.status_code in (400, 404)
    assert response.json()["reason"] == reason
    assert "jan@example.com" not in response.text


def test_unknown_codes_and_offices_answer_404(booking_sandbox):
    headers = booking_sandbox.headers()
    for method, path, reason in [("GET", "/booking/v1/bookings/ZZZ-000", "unknown_booking"),
                                 ("DELETE", "/booking/v1/bookings/not-a-code", "unknown_booking"),
                                 ("GET", "/booking/v1/offices/0000/slots?matter=pit", "unknown_office")]:
        response = httpx.request(method, booking_sandbox.url + path, headers=headers, timeout=10)
        assert response.status_code == 404 and response.json()["reason"] == reason


def test_booking_needs_the_bots_token(booking_sandbox):
    response = httpx.get(f"{booking_sandbox.url}/booking/v1/offices", timeout=10)
    assert response.status_code == 401
