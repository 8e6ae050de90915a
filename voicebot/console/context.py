"""What the console's routes share within one app, and the FastAPI dependencies that hand it to them.

``install_console(app, settings, queue=...)`` builds one ``Console`` (the handoff queue, the agent
accounts, the sign-ins, the login guard, the bridges), keeps it on ``app.state.console`` and mounts
the module-level ``router``. Routes ask for what they need with ``Depends``: ``ConsoleDep``,
``QueueDep``, ``AccountsDep``, ``SettingsDep``, and ``AgentDep`` for a signed-in agent.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException
from starlette.requests import HTTPConnection

import redis.asyncio as aioredis

from integrations.handoff.queue import HandoffQueue
from voicebot.cluster.redis_client import connect
from voicebot.console.accounts import AgentAccounts
from voicebot.console.bridge import BridgeHub
from voicebot.console.login_guard import LoginGuard
from voicebot.console.sessions import COOKIE_NAME, SessionStore


@dataclass(frozen=True)
class ConsoleSettings:
    prefix: str = "/console"
    # "always" (behind TLS), "never", or "auto": Secure when the request came over https.
    cookie_secure: str = "auto"
    upkeep_interval_s: float = 1.0


@dataclass
class Console:
    settings: ConsoleSettings
    queue: HandoffQueue
    # False when the app shares its dialogue's queue: then the app closes it, not the console.
    owns_queue: bool
    accounts: AgentAccounts
    sessions: SessionStore
    guard: LoginGuard
    hub: BridgeHub
    # The workers' shared state beside the queue: sign-ins, failed sign-ins (the console closes it).
    redis: aioredis.Redis

    @classmethod
    def from_settings(cls, settings: Any = None, *, queue: HandoffQueue | None = None,
                      users: dict[str, str] | str | None = None, prefix: str = "/console",
                      lease_s: float | None = None, upkeep_interval_s: float = 1.0) -> Console:
        """``settings`` needs ``redis_url`` and ``data_dir`` (``voicebot.settings.Settings`` fits); optional
        ``console_users`` (JSON ``{login: argon2 hash}``, else ``VOICEBOT_CONSOLE_USERS``, else demo
        accounts), ``console_lease_s``, the ``login_*`` limits and ``cookie_secure``. Pass ``queue`` to
        share one ``HandoffQueue`` with the dialogue side."""
        owns_queue = queue is None
        if queue is None:
            queue = HandoffQueue(
                _setting(settings, "redis_url", "redis://127.0.0.1:6379/0"),
                outbox_dir=Path(_setting(settings, "data_dir", Path("var"))) / "outbox",
                lease_s=lease_s or float(_setting(settings, "console_lease_s", 30.0)),
            )
        elif lease_s is not None:
            queue.lease_s = lease_s
        redis = connect(queue.redis_url)
        return cls(
            redis=redis,
            settings=ConsoleSettings(prefix=prefix, cookie_secure=str(_setting(settings, "cookie_secure", "auto")),
                                     upkeep_interval_s=upkeep_interval_s),
            queue=queue,
            owns_queue=owns_queue,
            accounts=AgentAccounts.from_config(users if users is not None else _setting(settings, "console_users", None)),
            sessions=SessionStore(redis),
            guard=LoginGuard(redis, int(_setting(settings, "login_failures_allowed", 5)),
                             float(_setting(settings, "login_window_s", 900.0)),
                             int(_setting(settings, "login_checks_at_once", 2))),
            hub=BridgeHub(queue.redis_url),
        )


def _setting(settings: Any, name: str, default: Any) -> Any:
    return getattr(settings, name, default) if settings is not None else default


# -- dependencies ---------------------------------------------------------------------------------


def get_console(connection: HTTPConnection) -> Console:
    """The app's console (HTTPConnection: the same for HTTP routes and WebSockets)."""
    return connection.app.state.console


ConsoleDep = Annotated[Console, Depends(get_console)]


def get_queue(console: ConsoleDep) -> HandoffQueue:
    return console.queue


def get_accounts(console: ConsoleDep) -> AgentAccounts:
    return console.accounts


def get_settings(console: ConsoleDep) -> ConsoleSettings:
    return console.settings


QueueDep = Annotated[HandoffQueue, Depends(get_queue)]
AccountsDep = Annotated[AgentAccounts, Depends(get_accounts)]
SettingsDep = Annotated[ConsoleSettings, Depends(get_settings)]


async def signed_in_agent(connection: HTTPConnection, console: ConsoleDep) -> str:
    """The agent whose session cookie came with the request; 401 otherwise."""
    agent = await console.sessions.agent(connection.cookies.get(COOKIE_NAME))
    if agent is None:
        raise HTTPException(401, "Zaloguj się.")
    return agent


AgentDep = Annotated[str, Depends(signed_in_agent)]
