"""Issue 10 over a real phone line (Twilio protocol, a natural RHVoice caller, 8 kHz µ-law): finding 9 (a
caller number longer than 32 characters, e.g. a SIP URI, could never authenticate) and the slow
back end (6 s of silence before the apology)."""

from __future__ import annotations

import asyncio

import httpx

from eval.twilio_caller import TwilioCaller
from tests.voicebot.test_voice_e2e import drive_to_answer
from voicebot.call_record import read_call_record

HOLD_ON = "Chwileczkę, sprawdzam."

SIP_CALLER = "sip:+48225550101@pbx.example;user=phone"


async def test_a_sip_uri_caller_authenticates(bot_stack):
    """Finding 9: the back end answered 400 to a 33+ character caller number and the caller heard
    "system chwilowo niedostępny". Numbers are normalised to E.164 before they travel (and the
    identity service accepts any spelling), so this caller is verified and answered."""
    assert len(SIP_CALLER) > 32
    person = bot_stack.sandbox.seed.person("pit_refund")
    async with TwilioCaller(bot_stack.ws_url, caller_number=SIP_CALLER) as caller:
        await drive_to_answer(bot_stack, caller, person.pesel, person.telepin.pin, "Saldo. Ile mam do zapłaty?")
    await asyncio.sleep(1.0)
    events = read_call_record(bot_stack.record_path(caller.stream_sid))
    results = {e["action"]: e["ok"] for e in events if e["type"] == "backend_result"}
    assert results.get("VerifyIdentity") is True
    started = events[0]
    assert started["caller"].startswith("+482") and "pbx" not in started["caller"]  # E.164, masked


async def test_a_slow_back_end_is_bridged_with_a_word(bot_stack):
    """Low finding: a slow back end left 6 s of silence before the apology. When an answer takes
    longer than VOICEBOT_BACKEND_HOLD_PROMPT_S the caller hears "Chwileczkę, sprawdzam." while it
    is still coming (and the client gives up by a deadline, not after a count of retries)."""
    sandbox = bot_stack.sandbox
    faults = f"{sandbox.url}/sandbox/faults"
    person = sandbox.seed.person("vat_arrears_sole_trader")
    httpx.put(faults, json={"mode": "slow", "delay_s": 2.5}, headers=sandbox.headers(admin=True), timeout=10)
    try:
        async with TwilioCaller(bot_stack.ws_url) as caller:
            await drive_to_answer(bot_stack, caller, person.pesel, person.telepin.pin, "Saldo. Ile mam do zapłaty?")
    finally:
        httpx.put(faults, json={"mode": "none"}, headers=sandbox.headers(admin=True), timeout=10)
    await asyncio.sleep(1.0)
    events = read_call_record(bot_stack.record_path(caller.stream_sid))
    asked = next(i for i, e in enumerate(events) if e["type"] == "backend_request" and e["action"] == "VerifyIdentity")
    answered = next(i for i, e in enumerate(events) if e["type"] == "backend_result" and e["action"] == "VerifyIdentity")
    between = events[asked:answered]
    assert any(e["type"] == "bot_utterance" and e["text"] == HOLD_ON for e in between)
    assert any(e["type"] == "bot_started_speaking" for e in between), "the caller heard it while waiting"
