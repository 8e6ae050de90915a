"""The agent console: login, queues, the live waiting list, claims, the card, and the bridges.

All paths are relative to the router's prefix (``/console`` by default). Every endpoint that shows a
handoff needs a signed-in agent; the full card only goes to the agent who claimed it. The caller side
(transcript download, caller bridge) is authorised by the handoff's caller token instead, which never
travels in a URL (URLs end up in access logs and proxies): ``Authorization: Bearer`` for the
download, the first message ``{"type": "hello", "token": …}`` on the caller's bridge socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request, Response, WebSocket, WebSocketDisconnect
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, RedirectResponse
from pydantic import BaseModel, Field

from integrations.handoff.card import TranscriptText, known_pesels
from integrations.handoff.hours import WARSAW, describe_next_opening_pl, is_open
from integrations.handoff.queue import REDIS_DOWN, HandoffQueue
from integrations.handoff.redaction import redact_caller_text
from integrations.handoff.topics import QUEUE_LABELS, QUEUES
from voicebot.console.accounts import AgentAccounts
from voicebot.console.bridge import BridgeHub, Side
from voicebot.console.login_guard import LoginGuard
from voicebot.console.sessions import COOKIE_NAME, SessionStore
from voicebot.text_input import visible_text

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
STATIC_FILES = {"console.js": "text/javascript", "console.css": "text/css"}


class Login(BaseModel):
    login: str = Field(max_length=128)
    password: str = Field(max_length=1024)

    def __repr__(self) -> str:  # never print the password
        return "Login(***)"


# A caller's bridge socket must say who it is this soon after connecting.
HELLO_TIMEOUT_S = 10.0


def _setting(settings: Any, name: str, default: Any) -> Any:
    return getattr(settings, name, default) if settings is not None else default


def create_console_router(
    settings: Any = None,
    *,
    queue: HandoffQueue | None = None,
    users: dict[str, str] | str | None = None,
    prefix: str = "/console",
    lease_s: float | None = None,
    upkeep_interval_s: float = 1.0,
) -> APIRouter:
    """The console as a router to ``app.include_router(...)`` (its lifespan runs the queue upkeep).

    ``settings`` needs ``redis_url`` and ``data_dir`` (``voicebot.settings.Settings`` fits); optional
    ``console_users`` (JSON ``{login: argon2 hash}``, else ``VOICEBOT_CONSOLE_USERS``, else demo accounts)
    and ``console_lease_s``. Pass ``queue`` to share one ``HandoffQueue`` with the dialogue side.
    """
    owns_queue = queue is None
    if queue is None:
        queue = HandoffQueue(
            _setting(settings, "redis_url", "redis://127.0.0.1:6379/0"),
            outbox_dir=Path(_setting(settings, "data_dir", Path("var"))) / "outbox",
            lease_s=lease_s or float(_setting(settings, "console_lease_s", 30.0)),
        )
    elif lease_s is not None:
        queue.lease_s = lease_s
    accounts = AgentAccounts.from_config(users if users is not None else _setting(settings, "console_users", None))
    sessions = SessionStore()
    hub = BridgeHub()
    guard = LoginGuard(int(_setting(settings, "login_failures_allowed", 5)),
                       float(_setting(settings, "login_window_s", 900.0)),
                       int(_setting(settings, "login_checks_at_once", 2)))
    cookie_secure = str(_setting(settings, "cookie_secure", "auto"))

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        upkeep = asyncio.create_task(queue.run_maintenance(upkeep_interval_s))
        try:
            yield
        finally:
            upkeep.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await upkeep
            guard.close()
            if owns_queue:
                await queue.aclose()

    router = APIRouter(prefix=prefix, lifespan=lifespan)
    router.handoff_queue = queue  # type: ignore[attr-defined]  # for the app and the telephony router

    def agent_of(request: Request) -> str:
        agent = sessions.agent(request.cookies.get(COOKIE_NAME))
        if agent is None:
            raise HTTPException(401, "Zaloguj się.")
        return agent

    # -- page -------------------------------------------------------------------------------------
    @router.get("", include_in_schema=False)
    async def to_page() -> RedirectResponse:
        return RedirectResponse(f"{prefix}/")

    @router.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html",
                            headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY"})

    @router.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> FileResponse:
        if name not in STATIC_FILES:
            raise HTTPException(404)
        return FileResponse(STATIC / name, media_type=STATIC_FILES[name])

    # -- sign-in ----------------------------------------------------------------------------------
    @router.post("/api/login")
    async def login(body: Login, request: Request, response: Response) -> dict:
        address = request.client.host if request.client else None
        wait = guard.retry_after(body.login, address)
        if wait is not None:
            raise HTTPException(429, "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za kilka minut.",
                                headers={"Retry-After": str(wait)})
        ok = await guard.check(accounts.verify, body.login, body.password)
        if ok is None:
            raise HTTPException(429, "Logowanie jest teraz przeciążone. Spróbuj ponownie za chwilę.",
                                headers={"Retry-After": "5"})
        if not ok:
            guard.failed(body.login, address)
            raise HTTPException(401, "Nieprawidłowy login lub hasło.")
        guard.succeeded(body.login)
        secure = cookie_secure == "always" or (cookie_secure == "auto" and request.url.scheme == "https")
        response.set_cookie(COOKIE_NAME, sessions.create(body.login), httponly=True, samesite="strict",
                            secure=secure, path=prefix or "/", max_age=int(sessions.lifetime_s))
        return {"agent": body.login}

    @router.post("/api/logout")
    async def logout(request: Request, response: Response) -> dict:
        sessions.end(request.cookies.get(COOKIE_NAME))
        response.delete_cookie(COOKIE_NAME, path=prefix or "/")
        return {"ok": True}

    @router.get("/api/me")
    async def me(request: Request) -> dict:
        return {"agent": agent_of(request)}

    # -- queues and handoffs ----------------------------------------------------------------------
    @router.get("/api/queues")
    async def queues(request: Request) -> list[dict]:
        agent_of(request)
        now = datetime.now(WARSAW)
        return [{"queue": q, "label": QUEUE_LABELS[q], "open": is_open(q, now, queue.schedules),
                 "next_opening": None if is_open(q, now, queue.schedules)
                 else describe_next_opening_pl(q, now, queue.schedules)} for q in QUEUES]

    @router.get("/api/waiting")
    async def waiting(request: Request, queues: str = Query(",".join(QUEUES))) -> list[dict]:
        agent_of(request)
        return await queue.waiting(_queue_list(queues))

    @router.post("/api/handoffs/{handoff_id}/claim")
    async def claim(handoff_id: str, request: Request) -> dict:
        card = await queue.claim(handoff_id, agent_of(request))
        if card is None:
            raise HTTPException(409, "To zgłoszenie przyjął już inny konsultant.")
        return card

    @router.get("/api/handoffs/{handoff_id}/card")
    async def card(handoff_id: str, request: Request) -> dict:
        agent = agent_of(request)
        info = await queue.info(handoff_id)
        if info is None or info.status != "claimed" or info.agent != agent:
            raise HTTPException(403, "Karta jest dostępna tylko dla konsultanta, który przyjął zgłoszenie.")
        found = await queue.card(handoff_id)
        found.update(claimed_by=agent, claimed_at=info.claimed_at, waited_s=info.claimed_at - info.created_at)
        found["chat"] = await queue.chat(handoff_id)
        return found

    @router.post("/api/handoffs/{handoff_id}/release")
    async def release(handoff_id: str, request: Request) -> dict:
        if not await queue.release(handoff_id, agent_of(request)):
            raise HTTPException(409, "To zgłoszenie nie jest przyjęte przez Ciebie.")
        return {"ok": True}

    @router.post("/api/handoffs/{handoff_id}/complete")
    async def complete(handoff_id: str, request: Request) -> dict:
        if not await queue.complete(handoff_id, agent_of(request)):
            raise HTTPException(409, "To zgłoszenie nie jest przyjęte przez Ciebie.")
        await hub.end(handoff_id)  # the caller's token opens no bridge any more
        return {"ok": True}

    # -- the caller's download --------------------------------------------------------------------
    @router.get("/handoffs/{handoff_id}/transcript")
    async def transcript(handoff_id: str, request: Request, format: str = Query("json")) -> Response:
        if not await queue.caller_token_ok(handoff_id, _bearer(request)):
            raise HTTPException(404, "Nie ma takiej rozmowy.")
        turns = await queue.public_transcript(handoff_id) or []
        if format == "text":
            body = TranscriptText(turns).render("Historia rozmowy z infolinią KAS")
            return PlainTextResponse(body, headers={
                "Content-Disposition": f'attachment; filename="rozmowa-{handoff_id[:8]}.txt"'})
        return JSONResponse({"handoff_id": handoff_id, "transcript": turns},
                            headers={"Content-Disposition": f'attachment; filename="rozmowa-{handoff_id[:8]}.json"'})

    # -- live feed --------------------------------------------------------------------------------
    @router.websocket("/ws")
    async def feed(ws: WebSocket, queues: str = Query(",".join(QUEUES))) -> None:
        agent = sessions.agent(ws.cookies.get(COOKIE_NAME))
        if agent is None:
            await ws.close(code=4401)
            return
        await ws.accept()
        watch = {"queues": set(_queue_list(queues)), "held": set(), "resync": True}
        reader = asyncio.create_task(_read_console(ws, watch))
        try:
            await _feed_console(ws, queue, agent, watch, reader)
        except (WebSocketDisconnect, RuntimeError):  # RuntimeError: sending on a socket already closed
            pass
        finally:
            reader.cancel()
            # the claims this console held are no longer renewed: they lapse and return to the queue

    # -- bridges ----------------------------------------------------------------------------------
    @router.websocket("/bridge/{handoff_id}/caller")
    async def caller_bridge(ws: WebSocket, handoff_id: str) -> None:
        await ws.accept()
        try:
            hello = json.loads(await asyncio.wait_for(ws.receive_text(), HELLO_TIMEOUT_S))
        except (asyncio.TimeoutError, ValueError, KeyError, WebSocketDisconnect, RuntimeError):
            hello = None
        token = hello.get("token") if isinstance(hello, dict) and hello.get("type") == "hello" else None
        if not isinstance(token, str) or not await queue.caller_token_ok(handoff_id, token, bridge=True):
            with contextlib.suppress(Exception):
                await ws.close(code=4403)
            return
        await _bridge(ws, handoff_id, "caller")

    @router.websocket("/bridge/{handoff_id}/agent")
    async def agent_bridge(ws: WebSocket, handoff_id: str) -> None:
        agent = sessions.agent(ws.cookies.get(COOKIE_NAME))
        info = await queue.info(handoff_id) if agent else None
        if info is None or info.status != "claimed" or info.agent != agent:
            await ws.close(code=4403)
            return
        await _bridge(ws, handoff_id, "agent")

    async def _bridge(ws: WebSocket, handoff_id: str, side: Side) -> None:
        if side == "agent":
            await ws.accept()
        pesels = known_pesels(await queue.card(handoff_id) or {"caller": {}})
        if await hub.join(handoff_id, side, ws) is None:
            return
        try:
            while True:
                message = await ws.receive()
                if message["type"] == "websocket.disconnect":
                    break
                if message.get("bytes") is not None:
                    await hub.relay_audio(handoff_id, side, message["bytes"])
                elif message.get("text") is not None:
                    chat = _chat_text(message["text"])
                    if chat is None:
                        continue
                    if side == "caller":  # a PIN typed into the chat never reaches the agent or the record
                        chat = redact_caller_text(chat, pesels, "agent")
                    await queue.append_chat(handoff_id, side, chat)
                    await hub.relay_text(handoff_id, side, json.dumps(
                        {"type": "chat", "from": side, "text": chat, "t": time.time()}, ensure_ascii=False))
        except WebSocketDisconnect:
            pass
        finally:
            await hub.leave(handoff_id, side, ws)

    return router


def _queue_list(queues: str | list[str]) -> list[str]:
    items = queues.split(",") if isinstance(queues, str) else queues
    return [q for q in (i.strip().lower() for i in items) if q in QUEUES]


def _chat_text(raw: str) -> str | None:
    try:
        message = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(message, dict) or message.get("type") != "chat":
        return None
    text = visible_text(str(message.get("text") or "")).strip()
    return text[:2000] or None


def _bearer(request: Request) -> str | None:
    authorization = request.headers.get("authorization", "")
    return authorization.removeprefix("Bearer ").strip() if authorization.startswith("Bearer ") else None


async def _read_console(ws: WebSocket, watch: dict) -> None:
    """Messages from the console: ``{"type": "queues", "queues": [...]}``, ``{"type": "hold"|"drop", "handoff_id"}``."""
    while True:
        try:
            message = json.loads(await ws.receive_text())
        except ValueError:
            continue
        if not isinstance(message, dict):
            continue
        kind = message.get("type")
        if kind == "queues":
            watch["queues"] = set(_queue_list(message.get("queues") or []))
            watch["resync"] = True
        elif kind == "hold" and message.get("handoff_id"):
            watch["held"].add(str(message["handoff_id"]))
        elif kind == "drop":
            watch["held"].discard(str(message.get("handoff_id")))


async def _feed_console(ws: WebSocket, queue: HandoffQueue, agent: str, watch: dict, reader: asyncio.Task) -> None:
    """Snapshot, then every change in the watched queues, as it happens (``XREAD BLOCK``)."""
    position = "0-0"
    redis_up = True
    renewed_at = 0.0
    while not reader.done():
        try:
            if watch["resync"]:
                watch["resync"] = False
                position = await queue.last_event_id()
                items = await queue.waiting(watch["queues"])
                await ws.send_json({"type": "snapshot", "items": items, "redis": "up"})
            if time.monotonic() - renewed_at > queue.lease_s / 3:
                renewed_at = time.monotonic()
                for handoff_id in list(watch["held"]):
                    if not await queue.renew(handoff_id, agent):
                        watch["held"].discard(handoff_id)
                        await ws.send_json({"type": "lost", "handoff_id": handoff_id})
            position, events = await queue.read_events(position, block_ms=min(1000, int(queue.lease_s * 250)))
            if not redis_up:
                redis_up = True
                watch["resync"] = True
                continue
            for event in events:
                if event.get("queue") not in watch["queues"]:
                    continue
                if event["type"] == "waiting":
                    line = await queue.waiting_line(event["id"])
                    info = await queue.info(event["id"])
                    if line is not None and info is not None and info.status == "waiting":
                        await ws.send_json({"type": "waiting", "item": line})
                else:
                    await ws.send_json({"type": "gone", "handoff_id": event["id"], "why": event["type"]})
        except REDIS_DOWN:
            if redis_up:
                redis_up = False
                await ws.send_json({"type": "status", "redis": "down"})
            await asyncio.sleep(0.5)
    reader.result()  # re-raise the disconnect
