"""Identity / telePIN contract (integrations/contracts/identity.yaml).

The lockout is enforced by single atomic UPDATE statements, so parallel attempts cannot exceed
three counted failures: the state check and the increment happen in one statement in the database.

No existence oracle: without the right telePIN every answer is ``failed``, for an unknown PESEL, a
wrong PIN, a blocked or an inactive telePIN, and also for the wrong attempt that blocks one.
``blocked`` and ``inactive`` are told only to someone who typed the PIN that telePIN has (or had,
before it was deleted in e-US): its holder, who needs to know why and what to do.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import case, delete, func, select, update

from integrations.models import TelePinStateResponse, TelePinStatistics, VerifyResponse
from integrations.phone import MAX_RAW, caller_key
from integrations.sandbox import db
from integrations.sandbox.access import require_pesel
from integrations.sandbox.auth import admin_caller, bot_caller
from integrations.sandbox.errors import ApiError

MAX_FAILURES = 3

router = APIRouter(prefix="/identity/v1", tags=["identity"])


class VerifyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pesel: str = Field(max_length=32)
    telepin: str = Field(max_length=32)
    # As the telephony side delivered it (E.164, national, tel: or a SIP URI); normalised here.
    caller_number: str | None = Field(default=None, max_length=MAX_RAW)

    def __repr__(self) -> str:  # never print the body
        return "VerifyRequest(***)"


class SetTelePinRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    telepin: str = Field(max_length=32)

    def __repr__(self) -> str:
        return "SetTelePinRequest(***)"


def _require_pin_format(pin: str) -> str:
    if not (len(pin) == 6 and pin.isdigit()):
        raise ApiError(400, "invalid_telepin", "a telePIN is exactly 6 digits")
    return pin


@router.post(
    "/verify",
    response_model=VerifyResponse,
    dependencies=[Depends(bot_caller)],
    responses={400: {}, 401: {}, 429: {}},
)
def verify(body: VerifyRequest, request: Request) -> VerifyResponse:
    pesel = require_pesel(body.pesel)
    pin = _require_pin_format(body.telepin)
    state = request.app.state
    # A withheld number is one line for the limit: leaving the number out buys no fresh budget.
    line = caller_key(body.caller_number) or "withheld"
    for limiter, key in ((state.caller_limiter, line), (state.pesel_limiter, pesel)):
        allowed, retry_after = limiter.allow(key)
        if not allowed:
            raise ApiError(429, "rate_limited", "too many attempts", {"Retry-After": str(retry_after)})
    return VerifyResponse(result=check_pin(state.engine, state.hasher, pesel, pin))


def check_pin(engine, hasher, pesel: str, pin: str) -> str:  # noqa: ANN001
    t = db.telepins
    with engine.connect() as conn:
        row = conn.execute(select(t.c.pin_hash, t.c.state).where(t.c.pesel == pesel)).first()
    if row is None or row.state != "active":
        # Exactly one Argon2 verification on every path (a dummy hash when there is none): no
        # timing class per outcome. A blocked or inactive state is told only to the PIN's holder.
        holder = hasher.verify(row.pin_hash if row is not None else None, pin)
        return row.state if row is not None and holder else "failed"
    matches = hasher.verify(row.pin_hash, pin)
    with engine.begin() as conn:
        if matches:
            # Only if still active with the same hash: a lockout or a PIN change in between wins.
            done = conn.execute(
                update(t)
                .where(t.c.pesel == pesel, t.c.state == "active", t.c.pin_hash == row.pin_hash)
                .values(failures=0)
                .returning(t.c.state)
            ).first()
            if done is not None:
                return "verified"
            current = conn.execute(select(t.c.state).where(t.c.pesel == pesel)).scalar_one_or_none()
            # The right PIN lost a race with a lockout: its holder may hear why.
            return "blocked" if current == "blocked" else "failed"
        conn.execute(
            update(t)
            .where(t.c.pesel == pesel, t.c.state == "active")
            .values(
                failures=t.c.failures + 1,
                state=case((t.c.failures + 1 >= MAX_FAILURES, "blocked"), else_=t.c.state),
            )
        )
    # Also the attempt that blocks it: a wrong PIN never learns more than "failed".
    return "failed"


def _require_person(conn, pesel: str) -> None:  # noqa: ANN001
    exists = conn.execute(select(db.taxpayers.c.id).where(db.taxpayers.c.pesel == pesel)).first()
    if exists is None:
        raise ApiError(404, "unknown_person", "no person with this PESEL")


@router.get(
    "/telepins/{pesel}",
    response_model=TelePinStateResponse,
    dependencies=[Depends(admin_caller)],
    responses={400: {}, 401: {}, 404: {}},
)
def telepin_state(pesel: str, request: Request) -> TelePinStateResponse:
    require_pesel(pesel)
    with request.app.state.engine.connect() as conn:
        _require_person(conn, pesel)
        state = conn.execute(select(db.telepins.c.state).where(db.telepins.c.pesel == pesel)).scalar()
    return TelePinStateResponse(state=state or "inactive")


@router.put(
    "/telepins/{pesel}",
    response_model=TelePinStateResponse,
    dependencies=[Depends(admin_caller)],
    responses={400: {}, 401: {}, 404: {}},
)
def set_telepin(pesel: str, body: SetTelePinRequest, request: Request) -> TelePinStateResponse:
    """Set, change, or (for a blocked one) replace the telePIN: the only way to unblock."""
    require_pesel(pesel)
    pin = _require_pin_format(body.telepin)
    pin_hash = request.app.state.hasher.hash(pin)
    with request.app.state.engine.begin() as conn:
        _require_person(conn, pesel)
        conn.execute(delete(db.telepins).where(db.telepins.c.pesel == pesel))
        conn.execute(db.telepins.insert().values(pesel=pesel, pin_hash=pin_hash, state="active", failures=0))
    return TelePinStateResponse(state="active")


@router.delete(
    "/telepins/{pesel}",
    response_model=TelePinStateResponse,
    dependencies=[Depends(admin_caller)],
    responses={400: {}, 401: {}, 404: {}},
)
def delete_telepin(pesel: str, request: Request) -> TelePinStateResponse:
    require_pesel(pesel)
    with request.app.state.engine.begin() as conn:
        _require_person(conn, pesel)
        # The deleted PIN's hash stays: its holder, typing it, hears "inactive" and what to do;
        # anyone else hears "failed". Setting a new telePIN replaces it.
        old = conn.execute(select(db.telepins.c.pin_hash).where(db.telepins.c.pesel == pesel)).scalar()
        conn.execute(delete(db.telepins).where(db.telepins.c.pesel == pesel))
        conn.execute(db.telepins.insert().values(pesel=pesel, pin_hash=old, state="inactive", failures=0))
    return TelePinStateResponse(state="inactive")


@router.get(
    "/statistics",
    response_model=TelePinStatistics,
    dependencies=[Depends(admin_caller)],
    responses={401: {}},
)
def statistics(request: Request) -> TelePinStatistics:
    t = db.telepins
    with request.app.state.engine.connect() as conn:
        counts = dict(conn.execute(select(t.c.state, func.count()).group_by(t.c.state)).all())
    return TelePinStatistics(
        active=counts.get("active", 0), blocked=counts.get("blocked", 0), inactive=counts.get("inactive", 0)
    )
