"""A synthetic caller (an RHVoice voice, 8 kHz µ-law over the Twilio protocol) authenticates with a
sandbox identity — spoken PESEL, keypad telePIN — and hears its balance; the event record shows it
and nothing secret reaches the logs."""

from __future__ import annotations

import asyncio
import time

from eval.twilio_caller import TwilioCaller
from tests.voice_audio import natural_polish
from voicebot.call_record import read_call_record

MAX_TURNS = 14


async def say(caller: TwilioCaller, text: str) -> float:
    # A natural voice: with espeak-ng the recogniser heard "Tak, proszę." as "Rokiem." and the bot,
    # not understanding the caller's yes, rightly offered a consultant (two CI failures).
    pcm, rate = natural_polish(text)
    end = await caller.play(pcm, rate)
    await caller.silence(0.3)
    return end


def last_request(events: list[dict]) -> dict | None:
    """What the bot is waiting for now: its latest ``listen`` or ``collect_keys``."""
    for event in reversed(events):
        if event["type"] in ("listen", "collect_keys"):
            return event
    return None


async def drive_to_answer(bot, caller: TwilioCaller, pesel: str, pin: str, opening: str) -> list[dict]:
    """Answer whatever the bot asks, as a cooperative caller would, until it answers or hands off."""
    assert await caller.wait_for_bot_audio(after=0, timeout=40)
    sent = await say(caller, opening)
    path = bot.record_path(caller.stream_sid)
    for _ in range(MAX_TURNS):
        assert await caller.wait_for_bot_audio(after=sent, timeout=60), "the bot did not answer"
        events = read_call_record(path)
        if any(e["type"] == "backend_result" and e["action"] == "LookupSettlements" for e in events) or any(
                e["type"] in ("handoff", "end_call") for e in events):
            return events
        request = last_request(events)
        sent = time.time()
        if request and request["type"] == "collect_keys":
            await caller.press(pesel + "#" if request["purpose"] == "pesel" else pin + "#")
        elif request and request["vocabulary"] == "digits":
            await say(caller, " ".join(pesel))
        elif request and request["vocabulary"] == "yes_no":
            await say(caller, "Tak, proszę.")
        else:
            await say(caller, opening)
    raise AssertionError("no answer within the turn budget")


async def test_caller_authenticates_and_hears_balance(bot_stack):
    person = bot_stack.sandbox.seed.person("pit_refund")
    pesel, pin = person.pesel, person.telepin.pin
    async with TwilioCaller(bot_stack.ws_url) as caller:
        events = await drive_to_answer(bot_stack, caller, pesel, pin, "Saldo. Ile mam do zapłaty?")
        # Let the answer play to the caller.
        await caller.wait_for_bot_audio(after=time.time(), timeout=30)
    await asyncio.sleep(1.0)
    events = read_call_record(bot_stack.record_path(caller.stream_sid))

    results = {e["action"]: e["ok"] for e in events if e["type"] == "backend_result"}
    assert results.get("VerifyIdentity") is True
    assert results.get("LookupSettlements") is True
    assert not any(e["type"] == "handoff" for e in events)
    lookup_t = next(e["t"] for e in events if e["type"] == "backend_result" and e["action"] == "LookupSettlements")
    answer = [e for e in events if e["type"] == "bot_utterance" and e["t"] >= lookup_t]
    assert answer and answer[0]["sensitive"] is True  # amounts are not written into the record
    assert any(e["type"] == "bot_started_speaking" and e["t"] >= lookup_t for e in events)

    # Keys are counted, never written; the telePIN and the PESEL are in no log line.
    assert all(set(e) <= {"t", "type", "count"} for e in events if e["type"] == "keypress")
    record_text = bot_stack.record_path(caller.stream_sid).read_text(encoding="utf-8")
    assert pin not in record_text
    for log in (bot_stack.log_text(), bot_stack.sandbox.log_text()):
        assert pin not in log
        assert pesel not in log
