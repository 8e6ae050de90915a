"""What the suite produced, gathered for the secrecy scan, each with what it may hold.

Artefacts kept in memory only (nothing with a secret is written anywhere by the scan):
- Redis: every key and value of every Redis server the tests ran, read just before it stops;
- HTTP: every response body a test received through httpx (tests and the eval runner);
- WebSocket: every text message a test client received (not the audio of a phone line);
- test output: every test's captured stdout, stderr and log, and its failure report;
Files (logs, call records, reports, outboxes) are read from disk at the end of the session.

What may hold what (docs/security.md): a telePIN nowhere, ever. PESELs, NIPs and amounts only
where the person entitled to them reads them: the agent's card and the chat with the agent (Redis,
the outbox, the console's claim/card answers), the caller's own chat answers, the caller's
download (amounts and NIPs, the PESEL masked), and the back end's answers to its clients.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

NOTHING: frozenset[str] = frozenset()
AGENT: frozenset[str] = frozenset({"pesel", "nip", "amount"})
CALLER_DOWNLOAD: frozenset[str] = frozenset({"nip", "amount"})


@dataclass
class Artefact:
    kind: str  # log | record | report | file | redis | http | test-output
    name: str
    text: str = field(repr=False)
    allowed: frozenset[str] = NOTHING


@dataclass
class Collected:
    artefacts: list[Artefact] = field(default_factory=list)
    http_bodies: int = 0
    redis_keys: int = 0
    ws_messages: int = 0

    def add(self, artefact: Artefact) -> None:
        self.artefacts.append(artefact)


COLLECTED = Collected()

# --- Redis -------------------------------------------------------------------------------------

_HANDOFF_HASH = re.compile(r":h:[0-9a-f]+$")
_HANDOFF_CHAT = re.compile(r":chat:[0-9a-f]+$")


def snapshot_redis(url: str, label: str) -> None:
    """Read every key and value (called by the fixtures just before a Redis server stops)."""
    import redis

    try:
        client = redis.Redis.from_url(url, decode_responses=True, socket_timeout=2, socket_connect_timeout=1)
        for key in client.scan_iter(count=500):
            COLLECTED.redis_keys += 1
            kind = client.type(key)
            if kind == "hash":
                for name, value in client.hgetall(key).items():
                    agent_card = name == "card" and _HANDOFF_HASH.search(key)
                    COLLECTED.add(Artefact("redis", f"{label} {key} [{name}]", f"{name}={value}",
                                           AGENT if agent_card else NOTHING))
                continue
            if kind == "string":
                value = client.get(key)
            elif kind == "list":
                value = "\n".join(client.lrange(key, 0, -1))
            elif kind == "set":
                value = "\n".join(sorted(client.smembers(key)))
            elif kind == "zset":
                value = "\n".join(f"{m} {s}" for m, s in client.zrange(key, 0, -1, withscores=True))
            elif kind == "stream":
                value = "\n".join(json.dumps(fields) for _id, fields in client.xrange(key))
            else:
                value = ""
            allowed = AGENT if _HANDOFF_CHAT.search(key) else NOTHING  # the chat with the agent
            COLLECTED.add(Artefact("redis", f"{label} {key}", f"{key}\n{value}", allowed))
        client.close()
    except Exception as exc:  # noqa: BLE001 - a Redis already gone has nothing left to read
        COLLECTED.add(Artefact("redis", f"{label} (unreadable: {type(exc).__name__})", ""))


# --- HTTP --------------------------------------------------------------------------------------

_SANDBOX = ("/identity/", "/settlements/", "/representatives/", "/registration/", "/contracts/", "/sandbox/")
_CALLER_OWN = re.compile(r"^/chat/sessions(/[^/]+/(messages|history))?$")
_AGENT_CARD = re.compile(r"^/console/api/handoffs/[^/]+/(claim|card)$")
_DOWNLOAD = re.compile(r"^/console/handoffs/[^/]+/transcript$")


def http_allowed(path: str, status: int) -> frozenset[str] | None:
    """What a response body may hold; None = not scanned (the back end's own data, served to
    its authorised client)."""
    if status >= 400:
        return NOTHING
    if path.startswith(_SANDBOX):
        return None
    if _CALLER_OWN.match(path) or _AGENT_CARD.match(path):
        return AGENT
    if _DOWNLOAD.match(path):
        return CALLER_DOWNLOAD
    return NOTHING


def record_http(method: str, url, status: int, body: bytes) -> None:
    path = url.path if hasattr(url, "path") else str(url)
    allowed = http_allowed(path, status)
    if allowed is None:
        return
    COLLECTED.http_bodies += 1
    text = body[:2_000_000].decode("utf-8", "replace")
    COLLECTED.add(Artefact("http", f"{method} {path} {status}", text, allowed))


def install_http_capture() -> None:
    import httpx

    sync_send, async_send = httpx.Client.send, httpx.AsyncClient.send

    def send(self, request, *args, **kwargs):
        response = sync_send(self, request, *args, **kwargs)
        if not kwargs.get("stream"):
            record_http(request.method, request.url, response.status_code, response.content)
        return response

    async def asend(self, request, *args, **kwargs):
        response = await async_send(self, request, *args, **kwargs)
        if not kwargs.get("stream"):
            record_http(request.method, request.url, response.status_code, response.content)
        return response

    httpx.Client.send = send
    httpx.AsyncClient.send = asend


# --- WebSocket ---------------------------------------------------------------------------------

_BRIDGE = re.compile(r"^/console/bridge/[^/]+/(caller|agent)$")


def record_ws(path: str, message: str) -> None:
    if '"media"' in message[:60] and '"event"' in message[:60]:
        return  # a phone line's audio
    allowed = AGENT if _BRIDGE.match(path) else NOTHING  # the conversation with the agent
    COLLECTED.ws_messages += 1
    COLLECTED.add(Artefact("websocket", f"WS {path}", message[:2_000_000], allowed))


def install_ws_capture() -> None:
    from websockets.asyncio.connection import Connection

    original = Connection.recv

    async def recv(self, *args, **kwargs):
        message = await original(self, *args, **kwargs)
        if isinstance(message, str):
            request = getattr(self, "request", None)
            record_ws(getattr(request, "path", "?").split("?", 1)[0], message)
        return message

    Connection.recv = recv
