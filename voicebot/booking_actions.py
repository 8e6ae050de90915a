"""Carries out the booking dialogue's requests (``dialogue.booking_types``) with the booking client,
and sends the confirmation e-mail once a visit is booked.

The mail goes into the durable outbox (``integrations.mail``) before the caller hears the code, so a
crash or a relay outage after that loses nothing; the outbox key is the booking code, so a repeated
booking request (the client retries by ``request_id``) never mails twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from loguru import logger

from dialogue import booking_types as D
from integrations.booking import SlotTaken
from integrations.http import BackendRejected, BackendUnavailable
from integrations.mail.confirmation import confirmation_key, confirmation_message
from voicebot import booking_results as results

SLOTS_OFFERED = 10
# Asked for more than offered: slots before ``after`` on its day are dropped here.
SLOTS_ASKED = 50
SEARCH_DAYS = 30


def _failed(outcome: Any) -> bool:
    return isinstance(outcome, (BackendUnavailable, BackendRejected))


class BookingActions:
    def __init__(self, backend: Any, mail: Any = None) -> None:
        self.backend = backend  # integrations.backend.KasBackend
        self.mail = mail  # integrations.mail.sender.MailService; None: no confirmation is sent

    async def call(self, action: Any):
        """(the client's outcome, its mapping to a dialogue type) — as ``ActionExecutor._call``."""
        if isinstance(action, D.LoadBookingCatalogue):
            return await self._catalogue(action), lambda value: value
        if isinstance(action, D.FindFreeSlots):
            return await self._free_slots(action.office_id, action.matter, action.after), results.free_slots
        if isinstance(action, D.BookVisit):
            return await self._book(action), lambda value: value
        if isinstance(action, D.CancelVisit):
            return await self._cancel(action.code), lambda value: value
        raise TypeError(f"not a booking action: {type(action).__name__}")

    async def _catalogue(self, action: D.LoadBookingCatalogue):
        booking = self.backend.booking
        offices = await booking.offices()
        if _failed(offices):
            return offices
        matters = await booking.matters()
        if _failed(matters):
            return matters
        registration = None
        if action.pesel is not None:
            pesel = action.pesel.reveal()
            found = await self.backend.registration.get(pesel, pesel)
            registration = None if _failed(found) else found  # without it: asked like anyone else
        return results.catalogue(offices, matters, registration)

    async def _free_slots(self, office_id: str, matter: str, after: datetime | None):
        found = await self.backend.booking.free_slots(
            office_id, matter, from_day=after.date() if after else None, days=SEARCH_DAYS, limit=SLOTS_ASKED)
        if _failed(found):
            return found
        if after is not None:
            found = found.model_copy(update={"slots": [s for s in found.slots if s.start > after]})
        return found.model_copy(update={"slots": found.slots[:SLOTS_OFFERED]})

    async def _book(self, action: D.BookVisit):
        outcome = await self.backend.booking.book(action.office_id, action.matter, action.start,
                                                  action.visitor_name, action.email)
        if isinstance(outcome, SlotTaken):
            free = await self._free_slots(action.office_id, action.matter, None)
            starts = () if _failed(free) else results.free_slots(free).starts
            return D.BookingOutcome("slot_taken", next_free=starts)
        if _failed(outcome):
            return outcome
        queued = False
        if self.mail is not None:
            try:
                message = confirmation_message(outcome, self.mail.sender_address)
                await self.mail.enqueue(confirmation_key(outcome), "booking_confirmation", message)
                queued = True
            except Exception as exc:  # the visit is booked: the caller still hears the code
                logger.error(f"booking {outcome.code}: confirmation not queued ({type(exc).__name__})")
        return D.BookingOutcome("booked", outcome.code, outcome.start, email_queued=queued)

    async def _cancel(self, code: str):
        outcome = await self.backend.booking.cancel(code)
        if isinstance(outcome, BackendRejected) and outcome.status == 404:
            return D.CancelOutcome("not_found")
        if isinstance(outcome, BackendRejected) and outcome.status == 409:
            return D.CancelOutcome("too_late")
        if _failed(outcome):
            return outcome
        return D.CancelOutcome("cancelled", outcome.office.name, outcome.start)
