"""Identity / telePIN contract (integrations/contracts/identity.yaml).

The lockout is enforced by single atomic UPDATE statements, so parallel attempts cannot exceed
three counted failures: the state check and the increment happen in one statement in the database.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import case, delete, func, select, update

from integrations.models import TelePinStateResponse, TelePinStatistics, VerifyResponse
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
    caller_number: str | None = Field(default=None, max_length=32)

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
    for limiter, key in ((state.caller_limiter, body.caller_number), (state.pesel_limiter, pesel)):
        if key:
            allowed, retry_after = limiter.allow(key)
            if not allowed:
                raise ApiError(429, "rate_limited", "too many attempts", {"Retry-After": str(retry_after)})
    return VerifyResponse(result=check_pin(state.engine, state.hasher, pesel, pin))


def check_pin(engine, hasher, pesel: str, pin: str) -> str:  # noqa: ANN001
    t = db.telepins
    with engine.connect() as conn:
        row = conn.execute(select(t.c.pin_hash, t.c.state).where(t.c.pesel == pesel)).first()
    if row is None or row.state != "active":
        hasher.verify(None, pin)  # same Argon2 work as a real check: no timing class per outcome
        # Unknown PESEL answers exactly like a wrong PIN.
        return "failed" if row is None else row.state
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
        else:
            done = conn.execute(
                update(t)
                .where(t.c.pesel == pesel, t.c.state == "active")
                .values(
                    failures=t.c.failures + 1,
                    state=case((t.c.failures + 1 >= MAX_FAILURES, "blocked"), else_=t.c.state),
                )
                .returning(t.c.state)
            ).first()
            if done is not None:
                return "blocked" if done.state == "blocked" else "failed"
        current = conn.execute(select(t.c.state).where(t.c.pesel == pesel)).scalar_one_or_none()
    return "blocked" if current == "blocked" else "failed"


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
        conn.execute(delete(db.telepins).where(db.telepins.c.pesel == pesel))
        conn.execute(db.telepins.insert().values(pesel=pesel, pin_hash=None, state="inactive", failures=0))
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
