"""Every failure answers ``{"reason", "detail"}`` with a clean status: no stack trace, no input echoed.

FastAPI's default 422 body repeats the offending input (a PESEL, a telePIN): replaced here by a
400 that names only the field and the kind of problem.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("integrations.sandbox")


class ApiError(Exception):
    def __init__(self, status: int, reason: str, detail: str = "", headers: dict[str, str] | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.detail = detail
        self.headers = headers


def problem(status: int, reason: str, detail: str = "", headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"reason": reason, "detail": detail}, status_code=status, headers=headers)


_STATUS_REASONS = {401: "unauthorised", 404: "not_found", 405: "method_not_allowed"}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return problem(exc.status, exc.reason, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(err.get("type") == "json_invalid" for err in errors):
            return problem(400, "malformed_json", "the request body is not valid JSON")
        fields = sorted({".".join(str(part) for part in err.get("loc", ())) for err in errors})
        return problem(400, "invalid_request", "invalid or missing: " + ", ".join(fields))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        reason = _STATUS_REASONS.get(exc.status_code, "http_error")
        return problem(exc.status_code, reason, "", getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # The type only: a message or traceback could carry request data.
        log.error("unhandled error: %s", type(exc).__name__)
        return problem(500, "internal_error", "")
