"""The FastAPI application: health, metrics, the telephony WebSocket, the browser call page, the
chat channel and the agent console, over one set of shared call services."""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, HTTPException, Response
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from loguru import logger
from prometheus_client import Gauge

from integrations.handoff import metrics
from integrations.web_limits import BodyLimit
from voicebot.access_log import AccessLog
from voicebot.admission import CallSlots
from voicebot.call_record import sweep_records
from voicebot.chat import SESSION_IDLE_S, ChatService
from voicebot.chat import router as chat_router
from voicebot.cluster.chat_directory import ChatDirectory
from voicebot.cluster.chat_relay import ChatRelay
from voicebot.cluster.workers import WorkerPresence
from voicebot.console import install_console
from voicebot.console.telephony import create_telephony_router
from voicebot.errors import install_error_handlers
from voicebot.settings import Settings, get_settings
from voicebot.telephony.stream_auth import StreamAuth
from voicebot.telephony.twilio_route import router as twilio_router

WEB_DIR = Path(str(resources.files("voicebot") / "web"))
CONTAINMENT = Gauge("containment_rate", "Share of calls and chats resolved without a human agent")
# Not ready when this share of the process's file handles is in use: the next call could not open
# its sockets and files.
HANDLES_READY_SHARE = 0.9
RETENTION_SWEEP_S = 3600.0


def open_handles() -> tuple[int | None, int]:
    """(handles open now, the soft limit); None when /proc is not there to count them."""
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    try:
        return len(os.listdir("/proc/self/fd")), limit
    except OSError:
        return None, limit


def create_app(settings: Settings | None = None, services=None) -> FastAPI:
    """``services`` (``CallServices``) may be given ready; otherwise they load at start-up."""
    from voicebot.wiring import build_executor, build_services

    settings = settings or get_settings()
    executor = services.executor if services is not None else build_executor(settings)

    async def sweep_old_records() -> None:
        max_age = settings.record_retention_days * 86400
        while max_age > 0:
            removed = await asyncio.to_thread(sweep_records, settings.calls_dir, max_age)
            if removed:
                logger.info(f"retention: {removed} call records older than {settings.record_retention_days} days deleted")
            await asyncio.sleep(RETENTION_SWEEP_S)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.services is None:
            app.state.services = await build_services(settings, executor)
        sweeper = asyncio.create_task(sweep_old_records())
        # Several workers, one contact centre (docs/scaling.md): the heartbeat, and the chats this
        # worker holds reachable through any other.
        presence = WorkerPresence(settings.redis_url, settings.calls_dir, settings.worker_id or None)
        presence.start()
        app.state.worker_id = presence.worker_id
        chat = ChatService(app.state.services, ChatDirectory(presence.redis, presence.worker_id, SESSION_IDLE_S))
        chat.relay = ChatRelay(settings.redis_url, presence.worker_id, chat.answer_relayed)
        chat.relay.start()
        app.state.chat = chat
        mail = getattr(executor, "mail", None)
        if mail is not None:
            mail.start()  # visit confirmations: the outbox's delivery
        app.state.sip = None
        if settings.sip_enabled:  # the SIP endpoint (docs/telephony.md) runs beside HTTP
            from voicebot.telephony.sip_pipeline import start_sip_server

            app.state.sip = await start_sip_server(settings, app.state.services, app.state.call_slots)
        try:
            yield
        finally:
            if app.state.sip is not None:
                await app.state.sip.stop()
            if mail is not None:
                await mail.stop()
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper
            await chat.relay.stop()
            await presence.stop()
            await app.state.services.aclose()

    docs = {} if settings.api_docs else {"docs_url": None, "redoc_url": None, "openapi_url": None}
    app = FastAPI(title="KAS voicebot", lifespan=lifespan, **docs)
    app.state.settings = settings
    app.state.services = services
    app.state.call_slots = CallSlots(settings.max_calls)
    app.state.surveys = getattr(executor, "surveys", None)  # the console's survey page reads it
    app.state.stream_auth = StreamAuth.from_settings(settings)
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(AccessLog)

    @app.get("/healthz")
    async def healthz() -> dict:
        """Liveness: the process answers. Whether it should take calls is /readyz."""
        s = app.state.services
        return {
            "status": "ok" if s is not None else "starting",
            "worker": getattr(app.state, "worker_id", None),
            "asr_engine": getattr(s, "asr_engine", None),
            "tts_engine": getattr(s, "tts_engine", None),
        }

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        """Readiness: models loaded, Redis answering, file handles to spare, a call slot free."""
        slots: CallSlots = app.state.call_slots
        used, limit = open_handles()
        queue = executor.handoff_queue
        try:
            redis_up = await asyncio.wait_for(queue.ping(), 2.0) if queue is not None else True
        except asyncio.TimeoutError:
            redis_up = False
        checks = {
            "services": app.state.services is not None,
            "redis": bool(redis_up),
            "file_handles": used is None or used < limit * HANDLES_READY_SHARE,
            "call_capacity": not slots.full,
        }
        ready = all(checks.values())
        return JSONResponse({"status": "ready" if ready else "not_ready", "checks": checks,
                             "calls": slots.active, "max_calls": slots.capacity},
                            status_code=200 if ready else 503)

    @app.get("/metrics")
    async def prometheus_metrics() -> Response:
        rate = metrics.containment_rate()
        if rate is not None:
            CONTAINMENT.set(rate)
        body, content_type = metrics.render_latest()
        return Response(body, media_type=content_type)

    @app.get("/", response_class=HTMLResponse)
    async def call_page() -> str:
        return (WEB_DIR / "call.html").read_text(encoding="utf-8")

    @app.post("/call/ticket")
    async def call_ticket() -> dict:
        """A browser call page's short-lived permission to open a media stream (docs/security.md)."""
        if not settings.browser_calls:
            raise HTTPException(404, "Połączenia z przeglądarki są wyłączone.")
        return {"ticket": app.state.stream_auth.issue_ticket()}

    @app.get("/chat", response_class=HTMLResponse)
    async def chat_page() -> str:
        return (WEB_DIR / "chat.html").read_text(encoding="utf-8")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    app.include_router(twilio_router)
    app.include_router(chat_router)
    # The console shares the dialogue's handoff queue: what a call publishes, an agent sees.
    install_console(app, settings, queue=executor.handoff_queue)
    app.include_router(create_telephony_router(executor.handoff_queue, token=settings.telephony_token))
    return app
