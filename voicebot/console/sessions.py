"""Server-side sessions: the cookie holds a random token, the server maps it to the agent.

Revocable (logout ends it at once) and nothing to forge; the cost is that a restart of the app signs
agents out, which the console survives (it shows the login form again).
"""

from __future__ import annotations

import secrets
import threading
import time

COOKIE_NAME = "kas_console_session"


class SessionStore:
    def __init__(self, lifetime_s: float = 8 * 3600) -> None:
        self.lifetime_s = lifetime_s
        self._sessions: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def create(self, login: str) -> str:
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[token] = (login, time.monotonic() + self.lifetime_s)
        return token

    def agent(self, token: str | None) -> str | None:
        if not token:
            return None
        with self._lock:
            found = self._sessions.get(token)
            if found is None:
                return None
            login, expires = found
            if expires < time.monotonic():
                del self._sessions[token]
                return None
            return login

    def end(self, token: str | None) -> None:
        with self._lock:
            self._sessions.pop(token or "", None)
