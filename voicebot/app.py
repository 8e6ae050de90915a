"""The FastAPI application: health, metrics, the telephony WebSocket, the browser call page, the
chat channel and the agent console, over one set of shared call services."""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Response
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from prometheus_client import Gauge

from integrations.handoff import metrics
from voicebot.chat import router as chat_router
from voicebot.console import create_console_router
from voicebot.console.telephony import create_telephony_router
from voicebot.settings import Settings, get_settings
from voicebot.telephony.twilio_route import router as twilio_router

WEB_DIR = Path(str(resources.files("voicebot") / "web"))
CONTAINMENT = Gauge("containment_rate", "Share of calls and chats resolved without a human agent")


def create_app(settings: Settings | None = None, services=None) -> FastAPI:
    """``services`` (``CallServices``) may be given ready; otherwise they load at start-up."""
    from voicebot.wiring import build_executor, build_services

    settings = settings or get_settings()
    executor = services.executor if services is not None else build_executor(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.services is None:
            app.state.services = await build_services(settings, executor)
        app.state.sip = None
        if settings.sip_enabled:  # the SIP endpoint (docs/telephony.md) runs beside HTTP
            from voicebot.telephony.sip_pipeline import start_sip_server

            app.state.sip = await start_sip_server(settings, app.state.services)
        try:
            yield
        finally:
            if app.state.sip is not None:
                await app.state.sip.stop()
            await app.state.services.aclose()

    app = FastAPI(title="KAS voicebot", lifespan=lifespan)
    app.state.settings = settings
    app.state.services = services

    @app.get("/healthz")
    async def healthz() -> dict:
        s = app.state.services
        return {
            "status": "ok" if s is not None else "starting",
            "asr_engine": getattr(s, "asr_engine", None),
            "tts_engine": getattr(s, "tts_engine", None),
        }

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

    @app.get("/chat", response_class=HTMLResponse)
    async def chat_page() -> str:
        return (WEB_DIR / "chat.html").read_text(encoding="utf-8")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    app.include_router(twilio_router)
    app.include_router(chat_router)
    # The console shares the dialogue's handoff queue: what a call publishes, an agent sees.
    console = create_console_router(settings, queue=executor.handoff_queue)
    app.include_router(console)
    app.include_router(create_telephony_router(executor.handoff_queue, token=settings.telephony_token))
    return app
