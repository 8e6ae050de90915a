"""The agent console: a module-level FastAPI router with a Polish web page (see docs/handoff.md).

``install_console(app, settings, queue=...)`` mounts it; ``create_telephony_router`` is the REST hook
the telephony side reads.
"""

from voicebot.console.router import install_console, router
from voicebot.console.telephony import create_telephony_router

__all__ = ["create_telephony_router", "install_console", "router"]
