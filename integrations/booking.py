"""Visit booking client (Umów wizytę; contract: integrations/contracts/booking.yaml).

A booking carries a ``request_id`` fixed before the first attempt, so it is retried like a read: a
repeat after a lost answer gets the booking already made. A slot someone else took first comes back
as ``SlotTaken`` (not a failure: the dialogue offers the next free slot).
"""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from integrations.http import BackendHttp, BackendRejected, Failure
from integrations.models import (
    Booking,
    BookingRequest,
    Matter,
    MattersResponse,
    Office,
    OfficesResponse,
    SlotsResponse,
)

_CODE = re.compile(r"^[A-Za-z]{3}-?\d{3}$")
# Ids become path segments: anything but letters and digits is refused here, as the server would.
_UNKNOWN_OFFICE = BackendRejected(status=404, reason="unknown_office")


class SlotTaken(BaseModel):
    """Someone booked an overlapping slot first."""

    model_config = ConfigDict(frozen=True)
    kind: Literal["slot_taken"] = "slot_taken"


def new_request_id() -> str:
    return str(uuid.uuid4())


class BookingClient:
    def __init__(self, http: BackendHttp) -> None:
        self.http = http

    async def offices(self) -> list[Office] | Failure:
        result = await self.http.get("booking.offices", "/booking/v1/offices", OfficesResponse)
        return result.offices if isinstance(result, OfficesResponse) else result

    async def office(self, office_id: str) -> Office | Failure:
        if not office_id.isalnum():
            return _UNKNOWN_OFFICE
        return await self.http.get("booking.office", f"/booking/v1/offices/{office_id}", Office)

    async def matters(self) -> list[Matter] | Failure:
        result = await self.http.get("booking.matters", "/booking/v1/matters", MattersResponse)
        return result.matters if isinstance(result, MattersResponse) else result

    async def free_slots(
        self, office_id: str, matter: str, *, from_day: date | None = None, days: int = 14, limit: int = 10
    ) -> SlotsResponse | Failure:
        if not office_id.isalnum():
            return _UNKNOWN_OFFICE
        params = {"matter": matter, "days": str(days), "limit": str(limit)}
        if from_day is not None:
            params["from"] = from_day.isoformat()
        return await self.http.get("booking.slots", f"/booking/v1/offices/{office_id}/slots",
                                   SlotsResponse, params=params)

    async def book(
        self, office_id: str, matter: str, start: datetime, visitor_name: str, email: str, *,
        phone: str | None = None, request_id: str | None = None,
    ) -> Booking | SlotTaken | Failure:
        request = BookingRequest(
            request_id=request_id or new_request_id(), office_id=office_id, matter=matter, start=start,
            visitor_name=visitor_name, email=email, phone=phone,
        )
        result = await self.http.post("booking.create", "/booking/v1/bookings", Booking,
                                      json=request.model_dump(mode="json"), retry=True)
        if isinstance(result, BackendRejected) and result.reason == "slot_taken":
            return SlotTaken()
        return result

    async def get(self, code: str) -> Booking | Failure:
        if not _CODE.match(code.strip()):
            return BackendRejected(status=404, reason="unknown_booking")
        return await self.http.get("booking.get", f"/booking/v1/bookings/{code.strip().upper()}", Booking)

    async def cancel(self, code: str) -> Booking | Failure:
        if not _CODE.match(code.strip()):
            return BackendRejected(status=404, reason="unknown_booking")
        return await self.http.delete("booking.cancel", f"/booking/v1/bookings/{code.strip().upper()}", Booking)

