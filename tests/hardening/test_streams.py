"""Issue 10, findings 8 (the Twilio WebSocket had no authentication) and 10 (no admission control),
against a bot configured as production should be (``guarded_bot``)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import time

import httpx

from eval.twilio_caller import TwilioCaller
from tests.fixtures.bot_server import GUARDED
from tests.hardening.helpers import TELEPHONY_AUTH, Chat, authenticate, client
from voicebot.call_record import read_call_record


def twilio_signature(auth_token: str, url: str) -> str:
    """X-Twilio-Signature as Twilio computes it (its docs): base64 HMAC-SHA1 of the URL (no POST
    parameters on a WebSocket handshake), written here independently of the bot's check."""
    return base64.b64encode(hmac.new(auth_token.encode(), url.encode(), hashlib.sha1).digest()).decode()


def records_of(bot, caller: TwilioCaller) -> list:
    return sorted(bot.calls_dir.glob(f"{caller.stream_sid[:40]}-*.jsonl"))


async def closed_record(bot, caller: TwilioCaller, timeout_s: float = 20.0) -> list[dict]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = records_of(bot, caller)
        if found:
            events = read_call_record(found[0])
            if events and events[-1]["type"] == "call_ended":
                return events
        await asyncio.sleep(0.1)
    raise AssertionError("the call record was not closed")


async def refused(bot, **caller_options) -> TwilioCaller:
    caller = TwilioCaller(bot.ws_url, **caller_options)
    await caller.connect()
    deadline = time.monotonic() + 15
    while caller.trace.closed_at is None and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert caller.trace.closed_at is not None, "the bot kept an unauthenticated stream open"
    assert caller.trace.close_code == 1008 and not caller.trace.bot_audio
    await caller.hang_up()
    return caller


async def greeted(bot, **caller_options) -> None:
    async with TwilioCaller(bot.ws_url, **caller_options) as caller:
        assert await caller.wait_for_bot_audio(after=0, timeout=40, quiet_s=0.3), "no greeting"
    await closed_record(bot, caller)


async def test_media_streams_must_authenticate(guarded_bot):
    """Finding 8: anyone who reached the port could open a call. Now a stream is let in only with
    the shared secret (custom parameter or bearer header), a valid Twilio signature, or a fresh
    browser ticket; anything else is closed before a pipeline or a record exists."""
    url = guarded_bot.ws_url
    for options in ({}, {"custom_parameters": {"token": "guess"}},
                    {"headers": {"Authorization": "Bearer guess"}},
                    {"headers": {"X-Twilio-Signature": twilio_signature("not-the-account-token", url)}},
                    {"custom_parameters": {"ticket": f"{int(time.time()) + 60}.{'0' * 32}"}}):
        caller = await refused(guarded_bot, **options)
        assert records_of(guarded_bot, caller) == []

    await greeted(guarded_bot, custom_parameters={"token": GUARDED["stream_token"]})
    await greeted(guarded_bot, headers={"Authorization": f"Bearer {GUARDED['stream_token']}"})
    await greeted(guarded_bot, headers={"X-Twilio-Signature": twilio_signature(GUARDED["twilio_auth_token"], url)})
    ticket = httpx.post(f"{guarded_bot.url}/call/ticket", timeout=10).json()["ticket"]
    await greeted(guarded_bot, custom_parameters={"channel": "browser", "ticket": ticket})


async def test_calls_beyond_capacity_hear_a_message_and_go_to_the_queue(guarded_bot):
    """Finding 10: with no admission control 50 concurrent calls meant nobody heard a greeting in
    15 s and /healthz took 4.9 s. Now a worker runs VOICEBOT_MAX_CALLS pipelines; the next caller
    hears a short Polish message, is handed to the agents' queue, and readiness says "full"."""
    auth = {"custom_parameters": {"token": GUARDED["stream_token"]}}
    inside = [TwilioCaller(guarded_bot.ws_url, **auth) for _ in range(GUARDED["max_calls"])]
    try:
        for caller in inside:
            await caller.connect()
            assert await caller.wait_for_bot_audio(after=0, timeout=40, quiet_s=0.3)
        ready = httpx.get(f"{guarded_bot.url}/readyz", timeout=10)
        assert ready.status_code == 503 and ready.json()["checks"]["call_capacity"] is False
        assert httpx.get(f"{guarded_bot.url}/healthz", timeout=10).status_code == 200  # alive, just full

        overflow = TwilioCaller(guarded_bot.ws_url, **auth)
        await overflow.connect()
        deadline = time.monotonic() + 40
        while overflow.trace.closed_at is None and time.monotonic() < deadline:
            await overflow.silence(0.2)
        assert overflow.trace.closed_at is not None, "the overflow caller was left hanging"
        assert len(overflow.trace.bot_pcm8k()) / 2 / 8000 > 2.0, "the caller heard a message, not silence"
        marks = [m for m in overflow.trace.marks if m.startswith("handoff:")]
        assert len(marks) == 1
        events = await closed_record(guarded_bot, overflow)
        assert [e for e in events if e["type"] == "overflow"]
        assert events[-1]["reason"] == "overflow: handed off"
        said = next(e["text"] for e in events if e["type"] == "bot_utterance")
        assert "kolejki konsultantów" in said
        handoff_id = marks[0].split(":")[1]
        info = httpx.get(f"{guarded_bot.url}/handoffs/{handoff_id}", headers=TELEPHONY_AUTH, timeout=10).json()
        assert info["queue"] == "general" and info["status"] == "waiting"
    finally:
        for caller in inside:
            await caller.hang_up()
    deadline = time.monotonic() + 30
    while httpx.get(f"{guarded_bot.url}/readyz", timeout=10).status_code != 200:
        assert time.monotonic() < deadline, "the worker did not become ready again"
        await asyncio.sleep(0.2)


def test_forwarded_for_buys_no_fresh_budget(guarded_bot):
    """Finding 8: uvicorn believed X-Forwarded-For from 127.0.0.1, so rotating it gave fresh
    per-client budgets. Now proxy headers are believed only from configured proxies (none here):
    the open-chat limit per client and the identity service's per-line limit both hold."""
    http = client(guarded_bot, local_address="127.0.0.5")
    opened = [Chat(guarded_bot, http=http, headers={"X-Forwarded-For": f"10.9.0.{i}"}).opened.status_code
              for i in range(GUARDED["chats_per_client"] + 1)]
    assert opened[:-1] == [200] * GUARDED["chats_per_client"]
    assert opened[-1] == 429

    # Four wrong telePINs, through two chats with different forwarded-for addresses: the line's
    # budget (three a minute) lets three reach the identity service's Argon2 check, not four.
    sandbox = guarded_bot.sandbox
    unknown = ["44051401458", "02070803628"]  # valid checksums, in no seed
    assert not set(unknown) & {p.pesel for p in sandbox.seed.persons}

    def argon2_checks() -> int:
        return httpx.get(f"{sandbox.url}/sandbox/stats", headers=sandbox.headers(admin=True),
                         timeout=10).json()["argon2_verifications"]

    other = client(guarded_bot, local_address="127.0.0.6")
    before = argon2_checks()
    for forwarded_for, pesel in (("10.8.0.1", unknown[0]), ("10.8.0.2", unknown[1])):
        chat = Chat(guarded_bot, http=other, headers={"X-Forwarded-For": forwarded_for})
        assert authenticate(chat, pesel, "000000")["state"] == "telepin"
        chat.send(dtmf="000000#")
    assert argon2_checks() - before == GUARDED["per_caller_verifies"]
