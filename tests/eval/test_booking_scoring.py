"""Booking expectations: loaded from a case, scored against what the booking system and the mail
server hold (``eval.booking_check``), without servers."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from eval.booking_check import BookingEvidence, EmailEvidence, booking_of
from eval.metrics import booking_checks
from eval.suite import BookingExpect, SuiteError, load_suite

START = datetime(2026, 12, 7, 8, 0, tzinfo=ZoneInfo("Europe/Warsaw"))
EXPECT = BookingExpect(office="1435", matter="certificates", slot_rank=1, email_to="jan@example.com")
MAIL = EmailEvidence("jan@example.com", has_code=True, has_office=True, has_date_and_time=True,
                     calendar_start_matches=True)


def failed(checks) -> list[str]:
    return [c.name for c in checks if not c.passed]


def test_the_expected_visit_passes_every_check():
    evidence = BookingEvidence("KTR-482", "1435", "certificates", START, "booked", 1, MAIL)
    checks = booking_checks(EXPECT, evidence)
    assert {c.name for c in checks} == {"booking", "booking_office", "booking_matter", "booking_slot_rank",
                                        "booking_email", "booking_email_content"}
    assert failed(checks) == []


@pytest.mark.parametrize("change, check", [
    ({"status": "cancelled"}, "booking"),
    ({"status": None}, "booking"),  # the code is unknown to the booking system
    ({"office_id": "1449"}, "booking_office"),
    ({"slot_rank": 0}, "booking_slot_rank"),
    ({"email": None}, "booking_email"),
    ({"email": EmailEvidence("jan@example.com", True, True, True, calendar_start_matches=False)},
     "booking_email_content"),
])
def test_each_difference_fails_its_own_check(change, check):
    fields = {"code": "KTR-482", "office_id": "1435", "matter": "certificates", "start": START, "status": "booked",
              "slot_rank": 1, "email": MAIL, **change}
    assert check in failed(booking_checks(EXPECT, BookingEvidence(**fields)))


def test_no_booking_in_the_call_fails():
    assert failed(booking_checks(EXPECT, None)) == ["booking"]
    assert booking_of([{"type": "transcript"}]) is None
    assert booking_of([{"type": "booking", "code": "A"}, {"type": "booking", "code": "B"}])["code"] == "B"


def test_booking_expectation_is_loaded_and_checked(tmp_path):
    (tmp_path / "suite.yaml").write_text("name: x\nseed: demo\n")
    case = tmp_path / "cases" / "c1"
    case.mkdir(parents=True)
    (case / "case.yaml").write_text(
        "turns:\n  - silence_s: 1\nexpect: {booking: {office: '1435', matter: pit, slot_rank: 0}}\n")
    assert load_suite(tmp_path).cases[0].expect.booking == BookingExpect("1435", "pit", 0, None)
    (case / "case.yaml").write_text("turns:\n  - silence_s: 1\nexpect: {booking: {room: 7}}\n")
    with pytest.raises(SuiteError, match="room"):
        load_suite(tmp_path)
