"""The sandbox FastAPI app: all five contracts on a real database, loaded from a seed file."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import PlainTextResponse
from sqlalchemy import Engine

from integrations.sandbox import booking_routes, data_routes, identity_routes
from integrations.sandbox.db import make_engine
from integrations.sandbox.auth import admin_caller
from integrations.sandbox.errors import ApiError, install_error_handlers
from integrations.sandbox.faults import install_faults
from integrations.sandbox.pins import PinHasher
from integrations.sandbox.ratelimit import SlidingWindowLimiter
from integrations.sandbox.seed import load_seed, read_seed
from integrations.web_limits import BodyLimit

CONTRACTS_DIR = Path(__file__).resolve().parent.parent / "contracts"
DEFAULT_TOKEN = "demo-token"
DEFAULT_ADMIN_TOKEN = "demo-admin-token"

log = logging.getLogger("integrations.sandbox")


@dataclass(frozen=True)
class SandboxConfig:
    token: str = DEFAULT_TOKEN
    admin_token: str = DEFAULT_ADMIN_TOKEN
    # Verify attempts allowed per window, per caller number and per PESEL.
    rate_limit_per_caller: int = 20
    rate_limit_per_pesel: int = 10
    rate_limit_window_s: float = 60.0
    max_body_bytes: int = 64 * 1024
    # The booking calendar's "today" (tests, recorded evaluations); None = today in Warsaw.
    today: date | None = None

    def __repr__(self) -> str:  # tokens never printed
        return "SandboxConfig(***)"


def create_app(engine: Engine, hasher: PinHasher, config: SandboxConfig = SandboxConfig()) -> FastAPI:
    app = FastAPI(
        title="KAS back-end sandbox",
        version="1.0.0",
        description="Settlements, identity/telePIN, representatives, registration and visit booking, as in "
        "integrations/contracts/*.yaml. Demo data only.",
    )
    app.state.engine = engine
    app.state.hasher = hasher
    app.state.config = config
    app.state.caller_limiter = SlidingWindowLimiter(config.rate_limit_per_caller, config.rate_limit_window_s)
    app.state.pesel_limiter = SlidingWindowLimiter(config.rate_limit_per_pesel, config.rate_limit_window_s)
    install_error_handlers(app)
    app.include_router(identity_routes.router)
    app.include_router(data_routes.router)
    app.include_router(booking_routes.router)
    install_faults(app)
    app.add_middleware(BodyLimit, max_bytes=config.max_body_bytes)

    @app.middleware("http")
    async def _access_log(request: Request, call_next):  # noqa: ANN001, ANN202
        # Our own access log: the route *template*, never the URL (which carries PESELs and NIPs).
        started = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        log.info("%s %s %d %.0fms", request.method, getattr(route, "path", "?"), response.status_code,
                 (time.perf_counter() - started) * 1000)
        return response

    @app.get("/health", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/sandbox/stats", include_in_schema=False, dependencies=[Depends(admin_caller)])
    def stats() -> dict[str, int]:
        """Sandbox-only introspection: Argon2 verifications run (the timing class) and contract requests
        received (retries, circuit breaker)."""
        return {"argon2_verifications": hasher.verifications, "contract_requests": app.state.contract_requests.value}

    @app.get("/contracts/{name}.yaml", include_in_schema=False)
    def contract(name: str) -> PlainTextResponse:
        path = CONTRACTS_DIR / f"{name}.yaml"
        if name not in {p.stem for p in CONTRACTS_DIR.glob("*.yaml")}:
            raise ApiError(404, "not_found", "no such contract")
        return PlainTextResponse(path.read_text(encoding="utf-8"), media_type="application/yaml")

    return app


def build_app(seed_path: Path | str, db_url: str, config: SandboxConfig = SandboxConfig()) -> FastAPI:
    """Load ``seed_path`` into ``db_url`` (replacing its content) and return the app over it."""
    engine = make_engine(db_url)
    hasher = PinHasher()
    load_seed(engine, read_seed(seed_path), hasher, today=config.today)
    return create_app(engine, hasher, config)
