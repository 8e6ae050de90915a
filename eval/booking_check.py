"""What a call that booked a visit really left behind, read from the systems themselves: the booking
in the booking system (by the code in the call record), the free slots before it now, and the
confirmation e-mail in the local SMTP server's Maildir.

``slot_rank``: how many free slots of that office and matter lie before the booked one now — 0 when
the caller took the first free slot, 1 after one "a coś później?". Slots other calls booked are not
free, so the rank holds however many calls ran before.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import httpx

MAIL_WAIT_S = 15.0


@dataclass(frozen=True)
class EmailEvidence:
    to: str
    has_code: bool
    has_office: bool
    has_date_and_time: bool
    calendar_start_matches: bool


@dataclass(frozen=True)
class BookingEvidence:
    code: str
    office_id: str
    matter: str
    start: datetime
    status: str | None = None  # in the booking system: booked | cancelled | None (not found / not asked)
    slot_rank: int | None = None
    email: EmailEvidence | None = field(default=None, repr=False)

    def as_dict(self) -> dict:
        return {"code": self.code, "office_id": self.office_id, "matter": self.matter,
                "start": self.start.isoformat(), "status": self.status, "slot_rank": self.slot_rank,
                "email": None if self.email is None else {
                    "to_given": bool(self.email.to), "has_code": self.email.has_code,
                    "has_office": self.email.has_office, "has_date_and_time": self.email.has_date_and_time,
                    "calendar_start_matches": self.email.calendar_start_matches}}


def booking_of(events: list[dict]) -> dict | None:
    """The call's last ``booking`` event (docs/call-record.md)."""
    found = [e for e in events if e.get("type") == "booking"]
    return found[-1] if found else None


def collect(events: list[dict], backend_url: str | None, token: str | None,
            maildir: Path | None) -> BookingEvidence | None:
    event = booking_of(events)
    if event is None:
        return None
    start = datetime.fromisoformat(event["start"])
    status = rank = office_name = None
    if backend_url and token:
        with httpx.Client(base_url=backend_url, headers={"Authorization": f"Bearer {token}"}, timeout=10) as http:
            reply = http.get(f"/booking/v1/bookings/{event['code']}")
            if reply.status_code == 200:
                booked = reply.json()
                status, office_name = booked["status"], booked["office"]["name"]
            slots = http.get(f"/booking/v1/offices/{event['office_id']}/slots",
                             params={"matter": event["matter"], "limit": "50", "days": "60"})
            if slots.status_code == 200:
                rank = sum(1 for s in slots.json()["slots"] if datetime.fromisoformat(s["start"]) < start)
    email = _email(maildir, event["code"], office_name, start) if maildir is not None else None
    return BookingEvidence(event["code"], event["office_id"], event["matter"], start, status, rank, email)


def _email(maildir: Path, code: str, office_name: str | None, start: datetime) -> EmailEvidence | None:
    import icalendar

    from integrations.mail.local_server import read_maildir
    from polish.visits import OFFICE_ZONE, slot_written

    deadline = time.monotonic() + MAIL_WAIT_S  # the bot's outbox sends as the call ends
    messages = []
    while not messages and time.monotonic() < deadline:
        if maildir.is_dir():
            messages = [m for m in read_maildir(maildir) if code in (m["Subject"] or "")]
        if not messages:
            time.sleep(0.2)
    if not messages:
        return None
    message = messages[-1]
    body = message.get_body(("plain",)).get_content()
    local = start.astimezone(OFFICE_ZONE)
    calendar_ok = False
    for part in message.iter_attachments():
        if part.get_content_type() == "text/calendar":
            event = icalendar.Calendar.from_ical(part.get_content()).walk("VEVENT")[0]
            calendar_ok = event.decoded("dtstart") == start
    return EmailEvidence(to=str(message["To"] or ""), has_code=code in body,
                         has_office=bool(office_name) and office_name in body,
                         has_date_and_time=slot_written(local) in body, calendar_start_matches=calendar_ok)
