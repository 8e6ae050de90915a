"""The e-mail confirming a booked visit: Polish text (office, address, matter, date, time, code, how
to cancel) and the visit as an iCalendar (.ics) attachment a mail client adds to the calendar.

It holds what the visitor gave (name, e-mail) and the booking, nothing else: no PESEL, no tax data.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from icalendar import Calendar, Event, vCalAddress, vText

from integrations.models import Booking
from polish.visits import OFFICE_ZONE, slot_written

SUBJECT = "Potwierdzenie wizyty w urzędzie skarbowym: {date}, kod {code}"
BODY = """Dzień dobry {name},

potwierdzamy umówioną wizytę w urzędzie skarbowym.

Urząd: {office}
Adres: {street}, {postal_code} {city}
Sprawa: {matter}
Termin: {when}
Kod rezerwacji: {code}

Zabierz ze sobą dokument tożsamości i podaj kod rezerwacji w punkcie obsługi.
Jeśli nie możesz przyjść, odwołaj wizytę na infolinii Krajowej Administracji Skarbowej, podając kod rezerwacji.

Wiadomość wysłana automatycznie, prosimy na nią nie odpowiadać.
Krajowa Administracja Skarbowa
"""


def confirmation_key(booking: Booking) -> str:
    """The outbox key: one confirmation per booking, however often it is enqueued."""
    return f"booking:{booking.code}:confirmation"


def confirmation_message(booking: Booking, sender: str, *, domain: str = "kas.localhost") -> EmailMessage:
    start = booking.start.astimezone(OFFICE_ZONE)
    when = slot_written(start)
    address = booking.office.address
    message = EmailMessage()
    message["Subject"] = SUBJECT.format(date=f"{start:%d.%m.%Y}", code=booking.code)
    message["From"] = sender
    message["To"] = booking.email
    message["Date"] = format_datetime(datetime.now(UTC))
    # Stable: a message sent twice (at-least-once delivery) is one message to a mail client.
    message["Message-ID"] = f"<booking-{booking.code.lower()}@{domain}>" if booking.code else make_msgid()
    message.set_content(BODY.format(
        name=booking.visitor_name, office=booking.office.name, street=address.street,
        postal_code=address.postal_code, city=address.city, matter=booking.matter.name, when=when,
        code=booking.code))
    message.add_attachment(visit_calendar(booking, sender, domain), maintype="text", subtype="calendar",
                           filename="wizyta.ics", params={"method": "PUBLISH"})
    return message


def visit_calendar(booking: Booking, organiser: str, domain: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Krajowa Administracja Skarbowa//Umów wizytę//PL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{booking.code}@{domain}")
    event.add("dtstamp", datetime.now(UTC))
    event.add("dtstart", booking.start.astimezone(UTC))
    event.add("dtend", booking.end.astimezone(UTC))
    event.add("summary", f"Wizyta: {booking.office.name} (kod {booking.code})")
    address = booking.office.address
    event["location"] = vText(f"{booking.office.name}, {address.street}, {address.postal_code} {address.city}")
    event.add("description", f"Sprawa: {booking.matter.name}. Kod rezerwacji: {booking.code}.")
    organiser_address = organiser.rsplit("<", 1)[-1].rstrip(">")
    event["organizer"] = vCalAddress(f"mailto:{organiser_address}")
    calendar.add_component(event)
    return calendar.to_ical()
