"""Business hours per queue (the seed: human chat Monday–Friday 08:00–16:00, Europe/Warsaw).

Times are compared in the queue's own time zone, so a ``now`` in UTC (or any aware datetime) works,
including across the DST changes. A naive ``now`` is taken as Warsaw local time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from integrations.handoff.topics import QUEUES, normalise_queue

WARSAW = ZoneInfo("Europe/Warsaw")


@dataclass(frozen=True)
class Schedule:
    opens: time = time(8, 0)
    closes: time = time(16, 0)
    weekdays: frozenset[int] = frozenset(range(5))  # Monday=0 … Friday=4
    tz: ZoneInfo = WARSAW
    holidays: frozenset[date] = field(default_factory=frozenset)

    def local(self, now: datetime) -> datetime:
        return now.replace(tzinfo=self.tz) if now.tzinfo is None else now.astimezone(self.tz)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self.weekdays and day not in self.holidays

    def is_open(self, now: datetime) -> bool:
        local = self.local(now)
        return self.is_working_day(local.date()) and self.opens <= local.time() < self.closes

    def next_opening(self, now: datetime) -> datetime:
        """The next moment the queue opens (``now`` itself is never returned: if open, the next day's)."""
        local = self.local(now)
        day = local.date()
        for _ in range(366):
            if self.is_working_day(day):
                opening = datetime.combine(day, self.opens, tzinfo=self.tz)
                if opening > local:
                    return opening
            day += timedelta(days=1)
        raise ValueError("schedule never opens")

    def closing_time(self, now: datetime) -> datetime | None:
        local = self.local(now)
        if not self.is_open(local):
            return None
        return datetime.combine(local.date(), self.closes, tzinfo=self.tz)


SEED_SCHEDULE = Schedule()
SCHEDULES: dict[str, Schedule] = {queue: SEED_SCHEDULE for queue in QUEUES}


def schedule_for(queue: str, schedules: dict[str, Schedule] | None = None) -> Schedule:
    return (schedules or SCHEDULES).get(normalise_queue(queue), SEED_SCHEDULE)


def is_open(queue: str, now: datetime, schedules: dict[str, Schedule] | None = None) -> bool:
    return schedule_for(queue, schedules).is_open(now)


def next_opening(queue: str, now: datetime, schedules: dict[str, Schedule] | None = None) -> datetime:
    return schedule_for(queue, schedules).next_opening(now)


_WEEKDAYS_PL = ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")


def describe_next_opening_pl(queue: str, now: datetime, schedules: dict[str, Schedule] | None = None) -> str:
    """E.g. "w poniedziałek o 8:00" / "jutro o 8:00": words the dialogue can say as they are."""
    schedule = schedule_for(queue, schedules)
    opening = schedule.next_opening(now)
    today = schedule.local(now).date()
    when_time = f"{opening.hour}:{opening.minute:02d}"
    if opening.date() == today:
        return f"dziś o {when_time}"
    if opening.date() == today + timedelta(days=1):
        return f"jutro o {when_time}"
    return f"w {_accusative(_WEEKDAYS_PL[opening.weekday()])} o {when_time}"


def _accusative(weekday: str) -> str:
    # "w środę", "w sobotę", "w niedzielę"; the others keep their form.
    return {"środa": "środę", "sobota": "sobotę", "niedziela": "niedzielę"}.get(weekday, weekday)
