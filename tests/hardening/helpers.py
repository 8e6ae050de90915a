"""Clients for the attacks of issue 10, over the bot's real HTTP and WebSocket interfaces.

Assertions about secrets use ``tests.handoff.checks`` (not assertion-rewritten), so a failing test
never prints the secret it looked for.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
from websockets.asyncio.client import connect

from voicebot.call_record import read_call_record

TELEPHONY_AUTH = {"Authorization": "Bearer demo-telephony-token"}


def client(bot, *, local_address: str | None = None, **kwargs) -> httpx.Client:
    """An HTTP client of the bot; ``local_address`` (127.0.0.x) makes it another client address."""
    transport = httpx.HTTPTransport(local_address=local_address) if local_address else None
    return httpx.Client(base_url=bot.url, timeout=30, transport=transport, **kwargs)


class Chat:
    """One chat over HTTP; the session token goes in the Authorization header."""

    def __init__(self, bot, *, http: httpx.Client | None = None, headers: dict | None = None,
                 caller_number: str | None = "+48221234567") -> None:
        self.bot = bot
        self.http = http or client(bot)
        self.opened = self.http.post("/chat/sessions", json={"caller_number": caller_number}, headers=headers or {})
        self.ok = self.opened.status_code == 200
        if self.ok:
            self.last = self.opened.json()
            self.session_id = self.last["session_id"]
            self.token = self.last["session_token"]

    @property
    def auth(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"}

    def send(self, **body) -> dict:
        reply = self.http.post(f"/chat/sessions/{self.session_id}/messages", json=body, headers=self.auth)
        reply.raise_for_status()
        self.last = reply.json()
        return self.last

    def text(self) -> str:
        return " ".join(self.last["messages"])

    def record_path(self) -> Path:
        return self.bot.calls_dir / f"chat-{self.session_id}.jsonl"

    def record_text(self) -> str:
        return self.record_path().read_text(encoding="utf-8")

    def record(self) -> list[dict]:
        return read_call_record(self.record_path())


def authenticate(chat: Chat, pesel_text: str, pin: str) -> dict:
    """PESEL given as text (any spelling), read-back confirmed, telePIN typed on the keypad."""
    if chat.last["state"] not in ("pesel", "pesel_confirm"):
        chat.send(text="chcę sprawdzić saldo")
    reply = chat.send(text=pesel_text)
    if reply["state"] == "pesel_confirm":
        reply = chat.send(text="tak")
    if reply["state"] != "telepin":
        raise AssertionError(f"the bot did not take the PESEL (state {reply['state']})")
    return chat.send(dtmf=pin + "#")


def agent_headers(bot, login: str = "agent1", password: str | None = None) -> dict:
    """Sign an agent in; the session cookie as a header (a Secure cookie is not sent over http
    by a cookie jar, so it is carried by hand)."""
    response = httpx.post(f"{bot.url}/console/api/login", json={"login": login, "password": password or f"demo-{login}"},
                          timeout=30)
    response.raise_for_status()
    cookie = response.headers["set-cookie"].split(";", 1)[0]
    return {"Cookie": cookie}


async def caller_bridge(bot, handoff_id: str, token: str):
    ws = await connect(bot.url.replace("http://", "ws://") + f"/console/bridge/{handoff_id}/caller")
    await ws.send(json.dumps({"type": "hello", "token": token}))
    return ws


async def next_message(ws, kind: str, timeout: float = 10.0) -> dict:
    import asyncio

    async def wait():
        while True:
            raw = await ws.recv()
            if isinstance(raw, bytes):
                continue
            message = json.loads(raw)
            if message.get("type") == kind:
                return message
    return await asyncio.wait_for(wait(), timeout)


def wait_for(predicate, timeout_s: float = 15.0, every_s: float = 0.1):
    deadline = time.monotonic() + timeout_s
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(every_s)


def spoken_digits(digits: str) -> str:
    """Digit by digit in words, the way the dialogue's prompts read numbers back."""
    from dialogue.speech import digits_words

    return digits_words(digits)
