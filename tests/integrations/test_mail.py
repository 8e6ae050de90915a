"""Visit confirmations through a real SMTP server (aiosmtpd on loopback): the durable outbox, delivery,
retries while the relay is down, one message per booking, and what the message holds."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from integrations.mail.confirmation import confirmation_key, confirmation_message
from integrations.mail.local_server import LocalMailServer, free_port
from integrations.mail.outbox import Backoff, MailOutbox
from integrations.mail.sender import MailService
from integrations.mail.smtp import SmtpConfig, SmtpSender
from integrations.models import Address, Booking, Matter, OfficeSummary
from integrations.sqldb import make_engine

WARSAW = ZoneInfo("Europe/Warsaw")
SENDER = "Krajowa Administracja Skarbowa <umow-wizyte@kas.localhost>"


def booking(code: str = "KTR-482") -> Booking:
    return Booking(
        code=code, status="booked",
        office=OfficeSummary(id="1435", name="Urząd Skarbowy w Piasecznie",
                             address=Address(street="ul. Czajewicza 2/4", postal_code="05-500", city="Piaseczno")),
        matter=Matter(code="certificates", name="Zaświadczenia (np. o niezaleganiu w podatkach)", duration_minutes=15),
        start=datetime(2026, 12, 8, 10, 30, tzinfo=WARSAW), end=datetime(2026, 12, 8, 10, 45, tzinfo=WARSAW),
        visitor_name="Jan Kowalski", email="jan.kowalski@example.com",
    )


def service(tmp_path, port: int, first_retry_s: float = 0.0) -> MailService:
    outbox = MailOutbox(make_engine(f"sqlite:///{tmp_path / 'mail.db'}"), Backoff(first_s=first_retry_s))
    return MailService(outbox, SmtpSender(SmtpConfig("127.0.0.1", port, security="none", timeout_s=5)), SENDER)


def calendar_event(message) -> icalendar.Event:
    part = next(p for p in message.iter_attachments() if p.get_content_type() == "text/calendar")
    assert part.get_filename() == "wizyta.ics"
    return icalendar.Calendar.from_ical(part.get_content()).walk("VEVENT")[0]


async def test_confirmation_arrives_with_the_visit_and_a_calendar_entry(tmp_path):
    with LocalMailServer() as server:
        mail = service(tmp_path, server.port)
        visit = booking()
        assert await mail.enqueue(confirmation_key(visit), "booking_confirmation",
                                  confirmation_message(visit, SENDER))
        assert await mail.deliver_due() == 1
        [message] = server.wait_for(1)
    assert message["To"] == "jan.kowalski@example.com"
    assert "08.12.2026" in message["Subject"] and "KTR-482" in message["Subject"]
    body = message.get_body(("plain",)).get_content()
    for text in ("Urząd Skarbowy w Piasecznie", "ul. Czajewicza 2/4", "wtorek, 8 grudnia 2026 r., godz. 10:30",
                 "KTR-482", "Zaświadczenia", "Jan Kowalski"):
        assert text in body
    event = calendar_event(message)
    assert event.decoded("dtstart") == visit.start
    assert event.decoded("dtend") == visit.end
    assert "Czajewicza" in str(event["location"])
    assert "KTR-482" in str(event["summary"])
    assert mail.outbox.status(confirmation_key(visit))["status"] == "sent"


async def test_mail_waits_in_the_outbox_while_the_relay_is_down_and_survives_a_restart(tmp_path):
    port = free_port()
    mail = service(tmp_path, port)
    visit = booking("KTR-100")
    await mail.enqueue(confirmation_key(visit), "booking_confirmation", confirmation_message(visit, SENDER))
    assert await mail.deliver_due() == 0  # nobody listens on the port
    status = mail.outbox.status(confirmation_key(visit))
    assert (status["status"], status["attempts"]) == ("pending", 1)
    # The bot restarts (a new outbox on the same database) and the relay comes back.
    restarted = service(tmp_path, port)
    with LocalMailServer(port=port) as server:
        assert await restarted.deliver_due() == 1
        [message] = server.wait_for(1)
    assert "KTR-100" in message["Subject"]
    assert restarted.outbox.status(confirmation_key(visit))["status"] == "sent"


async def test_one_booking_is_mailed_once_however_often_it_is_enqueued(tmp_path):
    with LocalMailServer() as server:
        mail = service(tmp_path, server.port)
        visit = booking("KTR-200")
        key = confirmation_key(visit)
        assert await mail.enqueue(key, "booking_confirmation", confirmation_message(visit, SENDER))
        assert not await mail.enqueue(key, "booking_confirmation", confirmation_message(visit, SENDER))
        await mail.deliver_due()
        assert not await mail.enqueue(key, "booking_confirmation", confirmation_message(visit, SENDER))
        assert await mail.deliver_due() == 0
        assert len(server.wait_for(1, timeout=1)) == 1


async def test_a_retry_waits_for_its_backoff(tmp_path):
    port = free_port()
    mail = service(tmp_path, port, first_retry_s=3600)
    visit = booking("KTR-300")
    await mail.enqueue(confirmation_key(visit), "booking_confirmation", confirmation_message(visit, SENDER))
    await mail.deliver_due()
    with LocalMailServer(port=port) as server:
        assert await mail.deliver_due() == 0  # not due for an hour
        assert server.messages == []
        mail.outbox.retry_failed(0)  # nothing failed for good: nothing changes
        assert await mail.deliver_due() == 0


def test_the_message_holds_no_pesel_and_the_sent_message_is_erased(tmp_path):
    visit = booking()
    raw = confirmation_message(visit, SENDER).as_string()
    assert "PESEL" not in raw.upper()
    outbox = MailOutbox(make_engine(f"sqlite:///{tmp_path / 'mail.db'}"))
    outbox.enqueue("k", "booking_confirmation", confirmation_message(visit, SENDER), 0.0)
    outbox.mark_sent("k", 1.0)
    from sqlalchemy import select

    from integrations.mail.outbox import mail_outbox
    with outbox.engine.connect() as conn:
        assert conn.execute(select(mail_outbox.c.message)).scalar_one() is None


@pytest.mark.parametrize("code, permanent", [(550, True), (451, False)])
async def test_relay_refusals_are_sorted_into_permanent_and_temporary(tmp_path, code, permanent):
    class Refuse:
        async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
            return f"{code} refused"

    from aiosmtpd.controller import Controller

    port = free_port()
    controller = Controller(Refuse(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        mail = service(tmp_path, port)
        visit = booking("KTR-400")
        await mail.enqueue(confirmation_key(visit), "booking_confirmation", confirmation_message(visit, SENDER))
        await mail.deliver_due()
    finally:
        controller.stop()
    status = mail.outbox.status(confirmation_key(visit))
    assert status["status"] == ("failed" if permanent else "pending")
    assert "@" not in (status["last_error"] or "")


def _two_senders_claim_disjoint(url: str) -> None:
    """Two bot instances on one outbox database claim due messages at once: none is taken twice."""
    import threading
    from email.message import EmailMessage

    first, second = MailOutbox(make_engine(url)), MailOutbox(make_engine(url))
    for n in range(30):
        message = EmailMessage()
        message["Subject"] = f"wiadomość {n}"
        message.set_content("treść")
        assert first.enqueue(f"key-{n}", "booking_confirmation", message, 0.0)
    claimed: dict[str, list[str]] = {"first": [], "second": []}
    start = threading.Barrier(2)

    def claim(name: str, outbox: MailOutbox) -> None:
        start.wait()
        for _ in range(10):
            claimed[name] += [mail.key for mail in outbox.claim_due(1.0, limit=5)]

    threads = [threading.Thread(target=claim, args=item) for item in (("first", first), ("second", second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not set(claimed["first"]) & set(claimed["second"])
    assert sorted(claimed["first"] + claimed["second"]) == sorted(f"key-{n}" for n in range(30))
    first.engine.dispose()
    second.engine.dispose()


def test_two_senders_never_claim_one_message_on_sqlite(tmp_path):
    _two_senders_claim_disjoint(f"sqlite:///{tmp_path / 'mail.db'}")


def test_two_senders_never_claim_one_message_on_postgres(postgres_url):
    _two_senders_claim_disjoint(postgres_url)
