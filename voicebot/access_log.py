"""The bot's access log: method, route template, status, duration — never the URL.

uvicorn's own access log prints the request line, and URLs carried credentials (chat session ids,
the caller's token of a handoff): whoever read the log could continue a verified caller's chat
(issue 10, finding 1). Credentials now travel in headers, and this log names routes by their
template (``POST /chat/sessions/{session_id}/messages 200 12ms``), so neither an id nor a query
string reaches it. uvicorn's per-request lines (HTTP and WebSocket) are switched off (``serve``).
"""

from __future__ import annotations

import logging
import time

log = logging.getLogger("voicebot.access")


class _NoRequestLines(logging.Filter):
    """Drops uvicorn's WebSocket request lines ('"WebSocket /path?query" [accepted]')."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and '"WebSocket %s"' in record.msg)


def silence_uvicorn_request_lines() -> None:
    logging.getLogger("uvicorn.error").addFilter(_NoRequestLines())


class AccessLog:
    """ASGI middleware: one line per HTTP request and per WebSocket, by route template."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        outcome = {"status": None}

        async def watch(message) -> None:
            kind = message["type"]
            if kind == "http.response.start":
                outcome["status"] = message["status"]
            elif kind == "websocket.accept":
                outcome["status"] = "accepted"
            elif kind == "websocket.close" and outcome["status"] in (None, "accepted"):
                outcome["status"] = f"closed {message.get('code', 1000)}"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "(no route)"
            method = scope.get("method", "WS") if scope["type"] == "http" else "WS"
            # "in": a status and a duration side by side ("200 123ms") read as one six-digit number
            # to the log's redaction, which hid them.
            log.info("%s %s %s in %.0f ms", method, path, outcome["status"] or "-",
                     (time.perf_counter() - started) * 1000)
