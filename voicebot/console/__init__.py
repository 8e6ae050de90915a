"""The agent console: a FastAPI router with a Polish web page (see docs/handoff.md)."""

from voicebot.console.router import create_console_router
from voicebot.console.telephony import create_telephony_router

__all__ = ["create_console_router", "create_telephony_router"]
