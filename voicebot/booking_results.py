"""The booking system's answers (``integrations.models``) as the booking dialogue's types
(``dialogue.booking_types``), field by field (as ``voicebot/backend_results.py`` for the others)."""

from __future__ import annotations

from dialogue import booking_types as D
from integrations import models as M


def office(o: M.Office) -> D.OfficeInfo:
    return D.OfficeInfo(id=o.id, name=o.name, city=o.city, street=o.address.street,
                        postal_code=o.address.postal_code, matters=tuple(o.matters), aliases=tuple(o.aliases))


def catalogue(offices: list[M.Office], matters: list[M.Matter],
              registration: M.Registration | None = None) -> D.BookingCatalogue:
    person = registration is not None and registration.kind == "person"
    return D.BookingCatalogue(
        offices=tuple(office(o) for o in offices),
        matters=tuple(D.MatterInfo(code=m.code, name=m.name) for m in matters),
        own_office=registration.tax_office if registration is not None else None,
        visitor_name=registration.name if person else None,
        email=registration.email if person else None,
    )


def free_slots(response: M.SlotsResponse) -> D.FreeSlots:
    return D.FreeSlots(tuple(s.start for s in response.slots))
