"""The FastAPI application: health, the telephony WebSocket, the browser call page, the chat channel
and the agent console, over one set of shared call services."""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from voicebot.settings import Settings, get_settings
from voicebot.telephony.twilio_route import router as twilio_router

WEB_DIR = Path(str(resources.files("voicebot") / "web"))


def create_app(settings: Settings | None = None, services=None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.services is None:
            from voicebot.wiring import build_services

            app.state.services = await build_services(settings)
        try:
            yield
        finally:
            closer = getattr(app.state.services, "aclose", None)
            if closer is not None:
                await closer()

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

    @app.get("/", response_class=HTMLResponse)
    async def call_page() -> str:
        return (WEB_DIR / "call.html").read_text(encoding="utf-8")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    app.include_router(twilio_router)
    return app
