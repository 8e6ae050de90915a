"""Agent accounts: ``{login: argon2 hash}`` from ``VOICEBOT_CONSOLE_USERS`` (JSON), or demo accounts.

The demo accounts (agent1 / demo-agent1, agent2 / demo-agent2) exist only when nothing is configured;
docs/handoff.md says so. Hash a password for the configuration with::

    python -c "from argon2 import PasswordHasher; print(PasswordHasher().hash('…'))"
"""

from __future__ import annotations

import json
import os

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

DEMO_USERS = {
    "agent1": "$argon2id$v=19$m=65536,t=3,p=4$XtrD7x0L5TG9m+W440mA8Q$SicKucbSqRrfxzA5psIw9W6kfkL9QcaeBMqwdQLiKHg",
    "agent2": "$argon2id$v=19$m=65536,t=3,p=4$hZeUCJMOF9Womf5ZoxySqQ$nOrTVAFeywiF1xTVaNPLmJWYS6VHaEdDJY1nmpRfWwU",
}

# Verifying against this when the login is unknown takes as long as a real check: no login probing by timing.
_DUMMY_HASH = DEMO_USERS["agent1"]


class AgentAccounts:
    def __init__(self, users: dict[str, str]) -> None:
        self._users = dict(users)
        self._hasher = PasswordHasher()

    @classmethod
    def from_config(cls, configured: str | dict | None = None) -> "AgentAccounts":
        configured = configured if configured is not None else os.environ.get("VOICEBOT_CONSOLE_USERS")
        if isinstance(configured, str) and configured.strip():
            configured = json.loads(configured)
        return cls(configured or DEMO_USERS)

    def verify(self, login: str, password: str) -> bool:
        stored = self._users.get(login)
        try:
            return self._hasher.verify(stored or _DUMMY_HASH, password) and stored is not None
        except (VerificationError, InvalidHashError, UnicodeError):  # e.g. a lone surrogate sent as JSON
            return False

    @property
    def logins(self) -> list[str]:
        return sorted(self._users)
