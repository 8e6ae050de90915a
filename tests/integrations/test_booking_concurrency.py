"""Two callers cannot take one slot: concurrent bookings over real HTTP against the sandbox on SQLite
and on PostgreSQL, and the database key that makes it so, with two transactions interleaved by hand.

Outcomes only (who won, what is stored), never how long anything took.
"""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from integrations.backend import KasBackend
from integrations.booking import SlotTaken
from integrations.models import Booking
from integrations.sandbox import db
from integrations.sandbox.db import make_engine, reset_schema
from tests.fixtures.sandbox import start_sandbox

TODAY = date(2026, 12, 4)
OFFICE = "1449"  # Mokotów: no seeded visits
CALLERS = 12


async def _race_for_one_slot(sandbox, day: date) -> tuple[list, object]:
    """``CALLERS`` bots book the same free slot at once; then a loser asks for the free slots."""
    async with KasBackend(sandbox.url, sandbox.token, timeout_s=30.0) as kas:
        free = await kas.booking.free_slots(OFFICE, "pit", from_day=day, days=1, limit=1)
        start = free.slots[0].start
        outcomes = await asyncio.gather(*(
            kas.booking.book(OFFICE, "pit", start, f"Dzwoniący {n}", f"caller{n}@example.com") for n in range(CALLERS)
        ))
        after = await kas.booking.free_slots(OFFICE, "pit", from_day=day, days=1, limit=1)
    return outcomes, (start, after.slots[0].start)


async def _race_overlapping(sandbox, day: date) -> list:
    """A 45-minute visit and two 30-minute ones that overlap it, all at once."""
    async with KasBackend(sandbox.url, sandbox.token, timeout_s=30.0) as kas:
        free = await kas.booking.free_slots(OFFICE, "relief", from_day=day, days=1, limit=1)
        start = free.slots[0].start
        return await asyncio.gather(
            kas.booking.book(OFFICE, "relief", start, "Ulga Raty", "raty@example.com"),
            kas.booking.book(OFFICE, "pit", start + timedelta(minutes=15), "Pit Jeden", "pit1@example.com"),
            kas.booking.book(OFFICE, "pit", start + timedelta(minutes=30), "Pit Dwa", "pit2@example.com"),
        )


def _stored_bookings(db_url: str, start: datetime) -> int:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(db.bookings).where(
                db.bookings.c.office_id == OFFICE,
                db.bookings.c.start_utc == start.astimezone(UTC).replace(tzinfo=None),
            )).scalar_one()
    finally:
        engine.dispose()


async def _check_races(sandbox, db_url: str) -> None:
    for round_, day in enumerate([date(2026, 12, 8), date(2026, 12, 9), date(2026, 12, 10)]):
        outcomes, (taken, next_free) = await _race_for_one_slot(sandbox, day)
        winners = [o for o in outcomes if isinstance(o, Booking)]
        losers = [o for o in outcomes if isinstance(o, SlotTaken)]
        assert len(winners) == 1, f"round {round_}: {outcomes}"
        assert len(losers) == CALLERS - 1, f"round {round_}: {outcomes}"
        # The other callers hear the next free slot: the taken one is no longer offered.
        assert next_free > taken
        assert _stored_bookings(db_url, taken) == 1
    for day in (date(2026, 12, 14), date(2026, 12, 15)):
        outcomes = await _race_overlapping(sandbox, day)
        # The 45-minute visit overlaps both others, and the two 30-minute ones overlap each other:
        # whoever commits first, exactly one of the three holds the time.
        assert all(isinstance(o, (Booking, SlotTaken)) for o in outcomes), outcomes
        assert len([o for o in outcomes if isinstance(o, Booking)]) == 1, outcomes


async def test_concurrent_bookings_of_one_slot_on_sqlite(tmp_path):
    sandbox = start_sandbox(tmp_path / "sqlite", today=TODAY)
    try:
        await _check_races(sandbox, sandbox.db_url)
    finally:
        sandbox.stop()


async def test_concurrent_bookings_of_one_slot_on_postgres(postgres_url, tmp_path):
    sandbox = start_sandbox(tmp_path / "pg", db_url=postgres_url, today=TODAY)
    try:
        await _check_races(sandbox, postgres_url)
    finally:
        sandbox.stop()


def _interleaved_second_holder(db_url: str) -> None:
    """Transaction A holds a slot, uncommitted; B tries the same slot from another thread; A commits.
    B must fail on the key, whichever database, whenever B's statement ran."""
    engine = make_engine(db_url)
    reset_schema(engine)
    slot = datetime(2026, 12, 8, 9, 0)
    with engine.begin() as conn:
        conn.execute(insert(db.matters), [{"code": "pit", "name": "PIT", "duration_minutes": 15, "position": 0}])
        conn.execute(insert(db.offices), [{
            "id": OFFICE, "name": "Urząd", "city": "Warszawa", "street": "ul. Próbna 1", "postal_code": "00-001",
            "address_city": "Warszawa", "slot_minutes": 15, "hours": {"1": "08:00-15:00"}, "matters": ["pit"],
            "closed_days": [], "aliases": []}])

    def book(conn, code: str) -> None:  # noqa: ANN001
        booking_id = conn.execute(insert(db.bookings).returning(db.bookings.c.id), [{
            "code": code, "office_id": OFFICE, "matter": "pit", "start_utc": slot,
            "end_utc": slot + timedelta(minutes=15), "visitor_name": code, "email": "x@example.com",
            "status": "booked", "created_utc": slot}]).scalar_one()
        conn.execute(insert(db.booking_slots), [{"office_id": OFFICE, "slot_utc": slot, "booking_id": booking_id}])

    second_outcome: list[BaseException | None] = []

    def second() -> None:
        try:
            with engine.begin() as conn:
                book(conn, "BBB-222")
            second_outcome.append(None)
        except IntegrityError as exc:
            second_outcome.append(exc)

    try:
        conn_a = engine.connect()
        transaction_a = conn_a.begin()
        book(conn_a, "AAA-111")
        thread = threading.Thread(target=second)
        thread.start()
        transaction_a.commit()
        conn_a.close()
        thread.join(timeout=60)
        assert not thread.is_alive()
        assert len(second_outcome) == 1 and isinstance(second_outcome[0], IntegrityError)
        with engine.connect() as conn:
            holders = conn.execute(select(db.booking_slots.c.booking_id)).scalars().all()
            codes = conn.execute(select(db.bookings.c.code)).scalars().all()
        assert len(holders) == 1 and codes == ["AAA-111"]
    finally:
        engine.dispose()


def test_the_slot_key_refuses_a_second_holder_on_sqlite(tmp_path):
    _interleaved_second_holder(f"sqlite:///{tmp_path / 'slots.db'}")


def test_the_slot_key_refuses_a_second_holder_on_postgres(postgres_url):
    _interleaved_second_holder(postgres_url)


def test_seeded_visits_hold_their_slots(tmp_path):
    """A seeded (booked) visit holds its slots; a cancelled one holds none."""
    sandbox = start_sandbox(tmp_path / "seeded", today=TODAY)
    try:
        engine = make_engine(sandbox.db_url)
        with engine.connect() as conn:
            rows = dict(conn.execute(
                select(db.bookings.c.code, func.count(db.booking_slots.c.slot_utc))
                .outerjoin(db.booking_slots, db.booking_slots.c.booking_id == db.bookings.c.id)
                .group_by(db.bookings.c.code)).all())
        engine.dispose()
        assert rows["KTR-482"] == 2 and rows["PLN-117"] == 1 and rows["WSD-903"] == 3 and rows["BRM-250"] == 0
    finally:
        sandbox.stop()
