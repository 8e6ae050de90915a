"""How a visit's time and code are said and written."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from polish.visits import code_spoken, slot_spoken, slot_written, time_spoken

WARSAW = ZoneInfo("Europe/Warsaw")


def test_a_slot_is_said_as_a_person_says_it():
    start = datetime(2026, 12, 8, 10, 30, tzinfo=WARSAW)
    assert slot_spoken(start) == "wtorek, ósmego grudnia, o dziesiątej trzydzieści"
    assert slot_written(start) == "wtorek, 8 grudnia 2026 r., godz. 10:30"


def test_a_utc_time_is_told_in_warsaw_time():
    utc = datetime(2026, 7, 1, 7, 0, tzinfo=ZoneInfo("UTC"))  # summer: UTC+2
    assert time_spoken(utc) == "o dziewiątej"
    assert slot_written(utc).endswith("godz. 09:00")


@pytest.mark.parametrize("hour, minute, said", [(8, 0, "o ósmej"), (8, 5, "o ósmej zero pięć"),
                                                (13, 45, "o trzynastej czterdzieści pięć"),
                                                (17, 15, "o siedemnastej piętnaście")])
def test_times(hour, minute, said):
    assert time_spoken(datetime(2026, 12, 7, hour, minute, tzinfo=WARSAW)) == said


def test_a_code_is_spelled_with_polish_letter_names():
    assert code_spoken("KTR-482") == "ka, te, er, cztery osiem dwa"
    assert code_spoken("wsd903") == "wu, es, de, dziewięć zero trzy"


@pytest.mark.parametrize("text, code", [
    ("ktr-482", "KTR-482"), ("mój kod to KTR 482", "KTR-482"), ("ka te er cztery osiem dwa", "KTR-482"),
    ("er, ka, de, trzy jeden pięć", "RKD-315"), ("igrek wu zet 0 0 7", "YWZ-007"),
    ("ka te cztery osiem", None), ("nie pamiętam", None),
])
def test_booking_code_typed_or_said(text, code):
    from polish.visits import code_from_text

    assert code_from_text(text) == code
    if code:
        assert code_from_text(code_spoken(code)) == code  # what the bot reads out is read back in
