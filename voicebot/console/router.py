"""The agent console's routes: login, queues, the live waiting list, claims, the card, and the bridges.

``router`` is module-level; ``install_console(app, settings, queue=...)`` builds the app's ``Console``
(``voicebot.console.context``) and mounts it under a prefix (``/console`` by default); routes take
what they need through ``Depends``. Every endpoint that shows a handoff needs a signed-in agent
(``AgentDep``); the full card only goes to the agent who claimed it. The caller side (transcript
download, caller bridge) is authorised by the handoff's caller token instead, which never travels in
a URL (URLs end up in access logs and proxies): ``Authorization: Bearer`` for the download, the first
message ``{"type": "hello", "token": …}`` on the caller's bridge socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request, Response, WebSocket, WebSocketDisconnect
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, RedirectResponse
from pydantic import BaseModel, Field

from integrations.handoff.card import TranscriptText
from integrations.handoff.hours import WARSAW, describe_next_opening_pl, is_open
from integrations.handoff.queue import HandoffQueue
from integrations.handoff.topics import QUEUE_LABELS, QUEUES
from voicebot.cluster.redis_client import REDIS_DOWN
from voicebot.console.bridge import Side
from voicebot.console.context import (
    AccountsDep,
    AgentDep,
    Console,
    ConsoleDep,
    QueueDep,
    SettingsDep,
)
from voicebot.console.feed import feed_console, queue_list, read_console
from voicebot.console.sessions import COOKIE_NAME
from voicebot.console.survey_page import router as survey_router
from voicebot.text_input import visible_text

STATIC = Path(__file__).parent / "static"
STATIC_FILES = {"console.js": "text/javascript", "console.css": "text/css"}
ALL_QUEUES = ",".join(QUEUES)
# A caller's bridge socket must say who it is this soon after connecting.
HELLO_TIMEOUT_S = 10.0


class Login(BaseModel):
    login: str = Field(max_length=128)
    password: str = Field(max_length=1024)

    def __repr__(self) -> str:  # never print the password
        return "Login(***)"


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI):
    """Runs with the app that mounted the router: the queue's upkeep (lapsed claims, the outbox)."""
    console: Console = app.state.console
    upkeep = asyncio.create_task(console.queue.run_maintenance(console.settings.upkeep_interval_s))
    try:
        yield
    finally:
        upkeep.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await upkeep
        console.guard.close()
        await console.hub.aclose()
        await console.redis.aclose()
        if console.owns_queue:
            await console.queue.aclose()


router = APIRouter(lifespan=lifespan)
router.include_router(survey_router)  # {prefix}/surveys, {prefix}/surveys.csv


def install_console(app: FastAPI, settings: Any = None, *, queue: HandoffQueue | None = None,
                    users: dict[str, str] | str | None = None, prefix: str = "/console",
                    lease_s: float | None = None, upkeep_interval_s: float = 1.0) -> Console:
    """Build the app's console (see ``Console.from_settings``) and mount ``router`` under ``prefix``."""
    console = Console.from_settings(settings, queue=queue, users=users, prefix=prefix, lease_s=lease_s,
                                    upkeep_interval_s=upkeep_interval_s)
    app.state.console = console
    app.include_router(router, prefix=prefix)
    return console


# -- page -----------------------------------------------------------------------------------------
@router.get("", include_in_schema=False)
async def to_page(settings: SettingsDep) -> RedirectResponse:
    return RedirectResponse(f"{settings.prefix}/")


@router.get("/", include_in_schema=False)
async def page() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html",
                        headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY"})


@router.get("/static/{name}", include_in_schema=False)
async def static(name: str) -> FileResponse:
    if name not in STATIC_FILES:
        raise HTTPException(404)
    return FileResponse(STATIC / name, media_type=STATIC_FILES[name])


# -- sign-in --------------------------------------------------------------------------------------
@router.post("/api/login")
async def login(body: Login, request: Request, response: Response, console: ConsoleDep,
                accounts: AccountsDep, settings: SettingsDep) -> dict:
    guard = console.guard
    address = request.client.host if request.client else None
    wait = await guard.retry_after(body.login, address)
    if wait is not None:
        raise HTTPException(429, "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za kilka minut.",
                            headers={"Retry-After": str(wait)})
    ok = await guard.check(accounts.verify, body.login, body.password)
    if ok is None:
        raise HTTPException(429, "Logowanie jest teraz przeciążone. Spróbuj ponownie za chwilę.",
                            headers={"Retry-After": "5"})
    if not ok:
        await guard.failed(body.login, address)
        raise HTTPException(401, "Nieprawidłowy login lub hasło.")
    await guard.succeeded(body.login)
    secure = settings.cookie_secure == "always" or (settings.cookie_secure == "auto" and request.url.scheme == "https")
    try:
        token = await console.sessions.create(body.login)
    except REDIS_DOWN:  # sign-ins live in Redis, shared by the workers
        raise HTTPException(503, "Logowanie jest chwilowo niedostępne. Spróbuj ponownie za chwilę.",
                            headers={"Retry-After": "5"}) from None
    response.set_cookie(COOKIE_NAME, token, httponly=True, samesite="strict",
                        secure=secure, path=settings.prefix or "/", max_age=int(console.sessions.lifetime_s))
    return {"agent": body.login}


@router.post("/api/logout")
async def logout(request: Request, response: Response, console: ConsoleDep, settings: SettingsDep) -> dict:
    with contextlib.suppress(*REDIS_DOWN):
        await console.sessions.end(request.cookies.get(COOKIE_NAME))
    response.delete_cookie(COOKIE_NAME, path=settings.prefix or "/")
    return {"ok": True}


@router.get("/api/me")
async def me(agent: AgentDep) -> dict:
    return {"agent": agent}


# -- queues and handoffs --------------------------------------------------------------------------
@router.get("/api/queues")
async def queues(agent: AgentDep, queue: QueueDep) -> list[dict]:
    now = datetime.now(WARSAW)
    return [{"queue": q, "label": QUEUE_LABELS[q], "open": is_open(q, now, queue.schedules),
             "next_opening": None if is_open(q, now, queue.schedules)
             else describe_next_opening_pl(q, now, queue.schedules)} for q in QUEUES]


@router.get("/api/waiting")
async def waiting(agent: AgentDep, queue: QueueDep, queues: str = Query(ALL_QUEUES)) -> list[dict]:
    return await queue.waiting(queue_list(queues))


@router.post("/api/handoffs/{handoff_id}/claim")
async def claim(handoff_id: str, agent: AgentDep, queue: QueueDep) -> dict:
    card = await queue.claim(handoff_id, agent)
    if card is None:
        raise HTTPException(409, "To zgłoszenie przyjął już inny konsultant.")
    return card


@router.get("/api/handoffs/{handoff_id}/card")
async def card(handoff_id: str, agent: AgentDep, queue: QueueDep) -> dict:
    info = await queue.info(handoff_id)
    if info is None or info.status != "claimed" or info.agent != agent:
        raise HTTPException(403, "Karta jest dostępna tylko dla konsultanta, który przyjął zgłoszenie.")
    found = await queue.card(handoff_id)
    found.update(claimed_by=agent, claimed_at=info.claimed_at, waited_s=info.claimed_at - info.created_at)
    found["chat"] = await queue.chat(handoff_id)
    return found


@router.post("/api/handoffs/{handoff_id}/release")
async def release(handoff_id: str, agent: AgentDep, queue: QueueDep) -> dict:
    if not await queue.release(handoff_id, agent):
        raise HTTPException(409, "To zgłoszenie nie jest przyjęte przez Ciebie.")
    return {"ok": True}


@router.post("/api/handoffs/{handoff_id}/complete")
async def complete(handoff_id: str, agent: AgentDep, console: ConsoleDep) -> dict:
    if not await console.queue.complete(handoff_id, agent):
        raise HTTPException(409, "To zgłoszenie nie jest przyjęte przez Ciebie.")
    await console.hub.end(handoff_id)  # the caller's token opens no bridge any more
    return {"ok": True}


# -- the caller's download ------------------------------------------------------------------------
@router.get("/handoffs/{handoff_id}/transcript")
async def transcript(handoff_id: str, request: Request, queue: QueueDep, format: str = Query("json")) -> Response:
    if not await queue.caller_token_ok(handoff_id, _bearer(request)):
        raise HTTPException(404, "Nie ma takiej rozmowy.")
    turns = await queue.public_transcript(handoff_id) or []
    if format == "text":
        body = TranscriptText(turns).render("Historia rozmowy z infolinią KAS")
        return PlainTextResponse(body, headers={
            "Content-Disposition": f'attachment; filename="rozmowa-{handoff_id[:8]}.txt"'})
    return JSONResponse({"handoff_id": handoff_id, "transcript": turns},
                        headers={"Content-Disposition": f'attachment; filename="rozmowa-{handoff_id[:8]}.json"'})


# -- live feed ------------------------------------------------------------------------------------
@router.websocket("/ws")
async def feed(ws: WebSocket, console: ConsoleDep, queues: str = Query(ALL_QUEUES)) -> None:
    agent = await console.sessions.agent(ws.cookies.get(COOKIE_NAME))
    if agent is None:
        await ws.close(code=4401)
        return
    await ws.accept()
    watch = {"queues": set(queue_list(queues)), "held": set(), "resync": True}
    reader = asyncio.create_task(read_console(ws, watch))
    try:
        await feed_console(ws, console.queue, agent, watch, reader)
    except (WebSocketDisconnect, RuntimeError):  # RuntimeError: sending on a socket already closed
        pass
    finally:
        reader.cancel()
        # the claims this console held are no longer renewed: they lapse and return to the queue


# -- bridges --------------------------------------------------------------------------------------
@router.websocket("/bridge/{handoff_id}/caller")
async def caller_bridge(ws: WebSocket, handoff_id: str, console: ConsoleDep) -> None:
    await ws.accept()
    try:
        hello = json.loads(await asyncio.wait_for(ws.receive_text(), HELLO_TIMEOUT_S))
    except (asyncio.TimeoutError, ValueError, KeyError, WebSocketDisconnect, RuntimeError):
        hello = None
    token = hello.get("token") if isinstance(hello, dict) and hello.get("type") == "hello" else None
    if not isinstance(token, str) or not await console.queue.caller_token_ok(handoff_id, token, bridge=True):
        with contextlib.suppress(Exception):
            await ws.close(code=4403)
        return
    await _bridge(console, ws, handoff_id, "caller")


@router.websocket("/bridge/{handoff_id}/agent")
async def agent_bridge(ws: WebSocket, handoff_id: str, console: ConsoleDep) -> None:
    agent = await console.sessions.agent(ws.cookies.get(COOKIE_NAME))
    info = await console.queue.info(handoff_id) if agent else None
    if info is None or info.status != "claimed" or info.agent != agent:
        await ws.close(code=4403)
        return
    await _bridge(console, ws, handoff_id, "agent")


async def _bridge(console: Console, ws: WebSocket, handoff_id: str, side: Side) -> None:
    queue, hub = console.queue, console.hub
    if side == "agent":
        await ws.accept()
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
                # Stored as the agent may read it (a PIN typed by the caller is hidden by the queue).
                chat = await queue.append_chat(handoff_id, side, chat)
                await hub.relay_text(handoff_id, side, json.dumps(
                    {"type": "chat", "from": side, "text": chat, "t": time.time()}, ensure_ascii=False))
    except WebSocketDisconnect:
        pass
    finally:
        await hub.leave(handoff_id, side, ws)


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
