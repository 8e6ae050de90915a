"""Business hours: Monday–Friday 08:00–16:00 in Warsaw, whatever zone ``now`` comes in."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from integrations.handoff.hours import WARSAW, Schedule, describe_next_opening_pl, is_open, next_opening


@pytest.mark.parametrize("moment, expected", [
    (datetime(2026, 11, 18, 7, 59, tzinfo=WARSAW), False),
    (datetime(2026, 11, 18, 8, 0, tzinfo=WARSAW), True),
    (datetime(2026, 11, 18, 15, 59, tzinfo=WARSAW), True),
    (datetime(2026, 11, 18, 16, 0, tzinfo=WARSAW), False),
    (datetime(2026, 11, 21, 10, 0, tzinfo=WARSAW), False),  # Saturday
    (datetime(2026, 7, 15, 6, 30, tzinfo=timezone.utc), True),  # 08:30 CEST
    (datetime(2026, 1, 14, 6, 30, tzinfo=timezone.utc), False),  # 07:30 CET
    (datetime(2026, 11, 18, 9, 0), True),  # naive = Warsaw
], ids=["before", "opening", "last-minute", "closing", "saturday", "utc-summer", "utc-winter", "naive"])
def test_is_open(moment, expected):
    assert is_open("pit", moment) is expected


def test_next_opening_after_friday_close_is_monday_eight():
    friday_evening = datetime(2026, 11, 20, 17, 0, tzinfo=WARSAW)
    assert next_opening("vat", friday_evening) == datetime(2026, 11, 23, 8, 0, tzinfo=WARSAW)
    assert describe_next_opening_pl("vat", friday_evening) == "w poniedziałek o 8:00"


def test_next_opening_early_morning_is_today_and_evening_is_tomorrow():
    assert describe_next_opening_pl("pit", datetime(2026, 11, 18, 6, 0, tzinfo=WARSAW)) == "dziś o 8:00"
    assert describe_next_opening_pl("pit", datetime(2026, 11, 18, 18, 0, tzinfo=WARSAW)) == "jutro o 8:00"


def test_holidays_and_per_queue_schedules():
    schedules = {"pit": Schedule(holidays=frozenset({date(2026, 11, 11)}))}
    independence_day = datetime(2026, 11, 11, 10, 0, tzinfo=WARSAW)
    assert not is_open("pit", independence_day, schedules)
    assert next_opening("pit", independence_day, schedules) == datetime(2026, 11, 12, 8, 0, tzinfo=WARSAW)
