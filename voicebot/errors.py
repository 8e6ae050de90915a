"""Error answers of the bot's HTTP API: they name what was wrong, never repeat what was sent.

FastAPI's default 422 body echoes the offending input — a PIN typed into a chat message, a PESEL,
a console password (issue 10, finding 11). Here a validation error says which fields and what kind
of problem, in Polish; an unexpected error is logged by type only (a message or a traceback could
carry request data) and answered 500 with no detail.
"""

from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

log = logging.getLogger("voicebot.errors")


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(err.get("type") == "json_invalid" for err in errors):
            return JSONResponse({"detail": "Treść żądania nie jest poprawnym JSON-em.", "fields": []}, 422)
        fields = sorted({".".join(str(part) for part in err.get("loc", ()) if part != "body") or "body"
                         for err in errors})
        return JSONResponse({"detail": "Nieprawidłowe lub brakujące pola: " + ", ".join(fields) + ".",
                             "fields": fields}, 422)

    app.add_middleware(CatchAll)


_INTERNAL = json.dumps({"detail": "Wystąpił błąd. Spróbuj ponownie."}, ensure_ascii=False).encode()


class CatchAll:
    """ASGI middleware: an exception below it becomes a clean 500 and one log line with its type.

    (Starlette's own handler for ``Exception`` answers and then re-raises, so the server prints the
    traceback; here nothing is re-raised.)"""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message) -> None:
            nonlocal started
            if message["type"] in ("http.response.start", "websocket.accept", "websocket.close"):
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            log.error("unhandled error in %s: %s", getattr(scope.get("route"), "path", "?"), type(exc).__name__)
            if started:
                return
            if scope["type"] == "http":
                await send({"type": "http.response.start", "status": 500,
                            "headers": [(b"content-type", b"application/json")]})
                await send({"type": "http.response.body", "body": _INTERNAL})
            else:
                await send({"type": "websocket.close", "code": 1011})
