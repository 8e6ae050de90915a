"""Visit booking (Umów wizytę) as the dialogue sees it: the requests it sends and the answers it gets.

The booking system's JSON (``integrations.models``) becomes these types in one place,
``voicebot/booking_results.py``. ``from_json`` reads these types' own field names (tests, the chat
fixtures). The caller's name and e-mail never print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from contracts.secrets import Pesel
from dialogue.offices import OfficeRef


@dataclass(frozen=True)
class OfficeInfo:
    id: str
    name: str
    city: str
    street: str
    postal_code: str
    matters: tuple[str, ...] = ()  # codes of the matters it books visits for
    aliases: tuple[str, ...] = ()

    @property
    def ref(self) -> OfficeRef:
        return OfficeRef(self.id, self.name, self.city, self.aliases)

    @classmethod
    def from_json(cls, data: dict) -> OfficeInfo:
        return cls(str(data["id"]), data["name"], data["city"], data["street"], data["postal_code"],
                   tuple(data.get("matters") or ()), tuple(data.get("aliases") or ()))


@dataclass(frozen=True)
class MatterInfo:
    code: str
    name: str

    @classmethod
    def from_json(cls, data: dict) -> MatterInfo:
        return cls(data["code"], data["name"])


@dataclass(frozen=True)
class BookingCatalogue:
    """Offices and matters; for a verified caller also what the registration (360) knows."""

    offices: tuple[OfficeInfo, ...]
    matters: tuple[MatterInfo, ...]
    own_office: str | None = None  # the registration's tax office, by name
    visitor_name: str | None = field(default=None, repr=False)
    email: str | None = field(default=None, repr=False)

    @classmethod
    def from_json(cls, data: dict) -> BookingCatalogue:
        return cls(tuple(OfficeInfo.from_json(o) for o in data.get("offices") or ()),
                   tuple(MatterInfo.from_json(m) for m in data.get("matters") or ()),
                   data.get("own_office"), data.get("visitor_name"), data.get("email"))

    def office(self, office_id: str | None) -> OfficeInfo | None:
        return next((o for o in self.offices if o.id == office_id), None)

    def matter(self, code: str | None) -> MatterInfo | None:
        return next((m for m in self.matters if m.code == code), None)


@dataclass(frozen=True)
class FreeSlots:
    starts: tuple[datetime, ...]  # aware, earliest first

    @classmethod
    def from_json(cls, data: dict) -> FreeSlots:
        return cls(tuple(datetime.fromisoformat(s) for s in data["starts"]))


@dataclass(frozen=True)
class BookingOutcome:
    status: Literal["booked", "slot_taken"]
    code: str | None = None
    start: datetime | None = None
    # When the slot was taken: the free slots now, earliest first.
    next_free: tuple[datetime, ...] = ()
    email_queued: bool = False

    @classmethod
    def from_json(cls, data: dict) -> BookingOutcome:
        start = data.get("start")
        return cls(data["status"], data.get("code"), datetime.fromisoformat(start) if start else None,
                   tuple(datetime.fromisoformat(s) for s in data.get("next_free") or ()),
                   bool(data.get("email_queued")))


# --- the requests (actions) ------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadBookingCatalogue:
    """Offices and matters; with ``pesel`` (a verified caller) the registration's office, name, e-mail."""

    request_id: str
    pesel: Pesel | None = None


@dataclass(frozen=True)
class FindFreeSlots:
    request_id: str
    office_id: str
    matter: str
    after: datetime | None = None  # only slots starting later than this


@dataclass(frozen=True)
class BookVisit:
    """Book the slot and, once booked, send the confirmation e-mail (the adapter's outbox)."""

    request_id: str
    office_id: str
    matter: str
    start: datetime
    visitor_name: str = field(repr=False)
    email: str = field(repr=False)




# --- what the call knows of the booking (DialogueState.visit) ---------------------------------------


@dataclass(frozen=True)
class VisitDraft:
    """The visit being arranged: chosen step by step, then booked."""

    opening: str = field(default="", repr=False)  # the caller's first words ("… w Piasecznie")
    catalogue: BookingCatalogue | None = field(default=None, repr=False)
    candidates: tuple[str, ...] = ()  # office ids of an ambiguous answer ("w Gdańsku")
    office_id: str | None = None
    matter: str | None = None
    slots: tuple[datetime, ...] = ()  # free slots in hand, earliest first
    slot_index: int = 0  # the one offered
    start: datetime | None = None  # the one accepted
    visitor_name: str | None = field(default=None, repr=False)
    email: str | None = field(default=None, repr=False)
    email_candidate: str | None = field(default=None, repr=False)  # read back, waiting for a yes
    failures: int = 0  # answers not understood in the current step
    code: str | None = None  # once booked; or the code of a visit to cancel


# --- cancelling a visit by its code ------------------------------------------------------------------


@dataclass(frozen=True)
class CancelVisit:
    request_id: str
    code: str


@dataclass(frozen=True)
class CancelOutcome:
    status: Literal["cancelled", "not_found", "too_late"]
    office_name: str | None = None
    start: datetime | None = None

    @classmethod
    def from_json(cls, data: dict) -> CancelOutcome:
        start = data.get("start")
        return cls(data["status"], data.get("office_name"), datetime.fromisoformat(start) if start else None)


BOOKING_ACTIONS = (LoadBookingCatalogue, FindFreeSlots, BookVisit, CancelVisit)
