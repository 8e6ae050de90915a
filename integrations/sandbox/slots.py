"""An office's visit calendar: which days it is open, where its slots start, which are free.

Pure functions over local wall-clock time in the office's zone (Europe/Warsaw): slots are laid on a
grid from the opening hour in steps of ``slot_minutes``, a matter takes as many consecutive slots as
its duration needs, and it must end by closing time. Public holidays (the ``holidays`` package's
Polish calendar) and the office's own closed days are closed. Taken slots are identified by their
start in UTC, as the database stores them, so a DST change cannot make two local times collide.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

OFFICE_ZONE = ZoneInfo("Europe/Warsaw")


@lru_cache(maxsize=32)
def public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.Poland(years=year))


@dataclass(frozen=True)
class OfficeCalendar:
    slot_minutes: int
    hours: dict[int, tuple[time, time]]  # ISO weekday → (opens, closes)
    closed_days: frozenset[date] = frozenset()
    zone: ZoneInfo = OFFICE_ZONE

    def is_open(self, day: date) -> bool:
        return (day.isoweekday() in self.hours and day not in self.closed_days
                and day not in public_holidays(day.year))

    def slots_needed(self, duration_minutes: int) -> int:
        return max(1, math.ceil(duration_minutes / self.slot_minutes))

    def grid(self, day: date) -> list[datetime]:
        """The slot starts of ``day`` (aware, local), empty when the office is closed."""
        if not self.is_open(day):
            return []
        opens, closes = self.hours[day.isoweekday()]
        start = datetime.combine(day, opens, self.zone)
        end = datetime.combine(day, closes, self.zone)
        step = timedelta(minutes=self.slot_minutes)
        starts = []
        while start + step <= end:
            starts.append(start)
            start += step
        return starts

    def occupied(self, start: datetime, duration_minutes: int) -> list[datetime]:
        """The grid slots (UTC) a visit starting at ``start`` takes."""
        step = timedelta(minutes=self.slot_minutes)
        first = start.astimezone(UTC)
        return [(first + i * step).replace(tzinfo=None) for i in range(self.slots_needed(duration_minutes))]

    def fits(self, start: datetime, duration_minutes: int) -> bool:
        """Does a visit of ``duration_minutes`` start on this office's grid at ``start`` and end by closing?"""
        local = start.astimezone(self.zone)
        grid = self.grid(local.date())
        if local not in grid:
            return False
        needed = self.slots_needed(duration_minutes)
        return grid.index(local) + needed <= len(grid)

    def open_days(self, first: date, last: date) -> Iterator[date]:
        day = first
        while day <= last:
            if self.is_open(day):
                yield day
            day += timedelta(days=1)

    def first_open_day_after(self, day: date, horizon_days: int = 60) -> date | None:
        return next(self.open_days(day + timedelta(days=1), day + timedelta(days=horizon_days)), None)


@dataclass(frozen=True)
class FreeSlot:
    start: datetime  # aware, office time
    end: datetime


def free_slots(
    calendar: OfficeCalendar, duration_minutes: int, taken_utc: Iterable[datetime], first: date, last: date,
    limit: int,
) -> list[FreeSlot]:
    """The first ``limit`` starts between ``first`` and ``last`` (inclusive) where all the slots the
    matter needs are free, earliest first."""
    taken = set(taken_utc)
    needed = calendar.slots_needed(duration_minutes)
    length = timedelta(minutes=calendar.slot_minutes * needed)
    found: list[FreeSlot] = []
    for day in calendar.open_days(first, last):
        grid = calendar.grid(day)
        for i in range(len(grid) - needed + 1):
            if any(slot.astimezone(UTC).replace(tzinfo=None) in taken for slot in grid[i:i + needed]):
                continue
            found.append(FreeSlot(grid[i], grid[i] + length))
            if len(found) >= limit:
                return found
    return found


def parse_hours(spec: dict[int, str]) -> dict[int, tuple[time, time]]:
    """``{1: "08:00-18:00"}`` → ``{1: (time(8), time(18))}``."""
    hours = {}
    for weekday, span in spec.items():
        opens, _, closes = span.partition("-")
        hours[int(weekday)] = (time.fromisoformat(opens.strip()), time.fromisoformat(closes.strip()))
    return hours
