"""Fault injection for the contract routes (sandbox-only, e-US/admin token): make the back end slow
or failing on demand, so the clients' timeouts, retries and circuit breaker are tested for real.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Literal

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from integrations.sandbox.auth import admin_caller

_CONTRACT_PREFIXES = ("/identity/", "/settlements/", "/representatives/", "/registration/", "/booking/")


class FaultSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mode: Literal["none", "error", "slow"] = "none"
    delay_s: float = Field(default=0.0, ge=0, le=30)


class RequestCounter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.value = 0

    def increment(self) -> None:
        with self._lock:
            self.value += 1


router = APIRouter(prefix="/sandbox", include_in_schema=False, dependencies=[Depends(admin_caller)])


@router.put("/faults")
def set_faults(settings: FaultSettings, request: Request) -> FaultSettings:
    request.app.state.faults = settings
    return settings


def install_faults(app: FastAPI) -> None:
    app.state.faults = FaultSettings()
    app.state.contract_requests = RequestCounter()
    app.include_router(router)

    @app.middleware("http")
    async def _inject(request: Request, call_next):  # noqa: ANN001, ANN202
        if not request.url.path.startswith(_CONTRACT_PREFIXES):
            return await call_next(request)
        app.state.contract_requests.increment()
        faults: FaultSettings = app.state.faults
        if faults.mode == "slow":
            await asyncio.sleep(faults.delay_s)
        elif faults.mode == "error":
            return JSONResponse({"reason": "injected_fault", "detail": ""}, status_code=500)
        return await call_next(request)
