"""The Twilio Media Streams endpoint against a real running bot: bad input never breaks the service
and every call leaves a complete event record."""

from __future__ import annotations

import asyncio
import base64
import json

import httpx
import pytest
import websockets

from eval.stack import default_bot_voice
from eval.twilio_caller import TwilioCaller
from tests.voicebot.test_chat import TELEPHONY_AUTH
from voicebot.call_record import read_call_record


def events_of(bot, caller) -> list[dict]:
    return read_call_record(bot.record_path(caller.stream_sid))


async def wait_closed_record(bot, caller, timeout: float = 15.0) -> list[dict]:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        events = events_of(bot, caller)
        if events and events[-1]["type"] == "call_ended":
            return events
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"call record not closed: last event {events[-1]['type'] if events else None}")
        await asyncio.sleep(0.1)


async def test_healthz_reports_engines(bot_stack):
    health = httpx.get(f"{bot_stack.url}/healthz").json()
    assert health.pop("worker")  # its name among several workers (docs/scaling.md)
    assert health == {"status": "ok", "asr_engine": "whisper", "tts_engine": default_bot_voice()}


async def test_greeting_arrives_as_mulaw_media(bot_stack):
    async with TwilioCaller(bot_stack.ws_url) as caller:
        assert await caller.wait_for_bot_audio(after=0, timeout=30)
        pcm = caller.trace.bot_pcm8k()
        assert len(pcm) / 2 / 8000 > 1.0  # a greeting, not a click
    events = await wait_closed_record(bot_stack, caller)
    types = [e["type"] for e in events]
    assert types[0] == "call_started" and types[-1] == "call_ended"
    assert "bot_started_speaking" in types and "bot_utterance" in types


async def test_bad_messages_are_dropped_and_counted_call_goes_on(bot_stack):
    async with TwilioCaller(bot_stack.ws_url) as caller:
        await caller.send_raw("{not json")
        await caller.send_raw(json.dumps(["a", "list"]))
        await caller.send_json({"event": "bogus", "streamSid": caller.stream_sid})
        await caller.send_json({"event": "media", "media": {"payload": "!!!not base64!!!"}})
        await caller.send_json({"event": "media", "media": {"payload": base64.b64encode(b"\xff" * 9000).decode()}})
        await caller.send_json({"event": "dtmf", "dtmf": {"digit": "X"}})
        await caller.send_raw(b"\x00\x01binary garbage")
        # The call still works: the greeting plays and a valid key press is counted.
        assert await caller.wait_for_bot_audio(after=0, timeout=30)
        await caller.press("5")
        await caller.silence(0.5)
    events = await wait_closed_record(bot_stack, caller)
    ended = events[-1]
    assert ended["dropped"]["malformed JSON"] >= 3
    assert ended["dropped"]["unknown event"] == 1
    assert ended["dropped"]["media payload is not base64"] == 1
    assert ended["dropped"]["media payload size out of range"] == 1
    assert ended["dropped"]["invalid dtmf"] == 1
    assert [e["count"] for e in events if e["type"] == "keypress"] == [1]


async def test_media_before_start_is_dropped(bot_stack):
    caller = TwilioCaller(bot_stack.ws_url)
    ws = await websockets.connect(bot_stack.ws_url)
    await ws.send(json.dumps({"event": "connected", "protocol": "Call"}))
    await ws.send(json.dumps({"event": "media", "media": {"payload": base64.b64encode(b"\xff" * 160).decode()}}))
    await ws.send(json.dumps({"event": "start", "streamSid": caller.stream_sid, "start": {
        "streamSid": caller.stream_sid, "callSid": "CA1",
        "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}}}))
    await asyncio.sleep(1.0)
    await ws.send(json.dumps({"event": "stop", "streamSid": caller.stream_sid}))
    await ws.close()
    events = await wait_closed_record(bot_stack, caller)
    assert events[-1]["dropped"] == {"media before start": 1}


@pytest.mark.parametrize("media_format", [
    {"encoding": "audio/l16", "sampleRate": 8000, "channels": 1},
    {"encoding": "audio/x-mulaw", "sampleRate": 16000, "channels": 1},
], ids=["linear-pcm", "16khz"])
async def test_non_mulaw_stream_is_refused(bot_stack, media_format):
    async with websockets.connect(bot_stack.ws_url) as ws:
        await ws.send(json.dumps({"event": "start", "streamSid": "MZbad", "start": {
            "streamSid": "MZbad", "mediaFormat": media_format}}))
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 10)
    assert closed.value.rcvd.code == 1008
    assert "unsupported media format" in closed.value.rcvd.reason


async def test_caller_vanishing_mid_utterance_leaves_complete_record_and_server_serves_on(bot_stack, tmp_path):
    from tests.voice_audio import natural_polish

    pcm, rate = natural_polish("Dzień dobry, chciałbym zapytać o mój zwrot podatku za zeszły rok")
    caller = TwilioCaller(bot_stack.ws_url)
    await caller.connect()
    await caller.wait_for_bot_audio(after=0, timeout=30)
    half = len(pcm) // 4 * 2  # whole 16-bit samples
    await caller.play(pcm[:half], rate)  # half a sentence, then the line drops
    await caller.drop_line()
    events = await wait_closed_record(bot_stack, caller)
    assert events[-1]["reason"] in ("caller hung up", "stream stopped")
    # Another caller is served normally.
    async with TwilioCaller(bot_stack.ws_url) as second:
        assert await second.wait_for_bot_audio(after=0, timeout=30)


async def test_speech_then_keys_reach_the_bot(bot_stack):
    """Polish speech (a natural voice, µ-law 8 kHz, real-time pacing) is transcribed; keys are counted."""
    from rapidfuzz import fuzz

    from tests.voice_audio import natural_polish

    spoken = "Czy dostałem już zwrot podatku?"
    pcm, rate = natural_polish(spoken)
    async with TwilioCaller(bot_stack.ws_url) as caller:
        assert await caller.wait_for_bot_audio(after=0, timeout=30)
        sent = await caller.play(pcm, rate)
        assert await caller.wait_for_bot_audio(after=sent, timeout=30)
        await caller.press("123")
        await caller.silence(0.5)
    events = await wait_closed_record(bot_stack, caller)
    heard = " ".join(e["text"] for e in events if e["type"] == "transcript").lower()
    assert fuzz.partial_ratio("zwrot podatku", heard) >= 70, "the spoken words are in the transcript"
    assert [e["count"] for e in events if e["type"] == "keypress"] == [1, 2, 3]
    assert "tone: 1" not in bot_stack.log_text() and "tone: 2" not in bot_stack.log_text()


async def test_handoff_ends_the_stream_with_a_mark_naming_the_handoff(bot_stack):
    """Twilio-protocol warm transfer: the bot says what happens, sends ``mark`` handoff:<id>:<queue>
    after its last words, and closes the stream so the telephony side can bridge the call."""
    from tests.voice_audio import natural_polish

    # A natural voice: espeak-ng's "konsultantem" is heard as "strątu tantem" (and this test once
    # passed only because a race gave the bot a second, better transcript of the same turn).
    pcm, rate = natural_polish("Chcę rozmawiać z konsultantem.")
    async with TwilioCaller(bot_stack.ws_url) as caller:
        assert await caller.wait_for_bot_audio(after=0, timeout=30)
        sent = await caller.play(pcm, rate)
        deadline = asyncio.get_running_loop().time() + 60
        while caller.trace.closed_at is None and asyncio.get_running_loop().time() < deadline:
            await caller.silence(0.2)
    marks = [m for m in caller.trace.marks if m.startswith("handoff:")]
    assert len(marks) == 1, caller.trace.marks
    _, handoff_id, queue = marks[0].split(":")
    assert caller.trace.closed_at is not None
    assert caller.trace.bot_audio_after(sent), "the bot told the caller what happens"
    info = httpx.get(f"{bot_stack.url}/handoffs/{handoff_id}", headers=TELEPHONY_AUTH).json()
    assert info["queue"] == queue and info["status"] in ("waiting", "claimed")
    events = await wait_closed_record(bot_stack, caller)
    assert events[-1]["reason"] == "handed off"


async def test_a_caller_talking_over_the_handoff_announcement_is_still_handed_off(bot_stack):
    """A barge-in over "Łączę z konsultantem…" cuts the announcement, never the mark that moves the
    call (a browser caller was once left with an ended call and a handoff nobody bridged)."""
    from tests.voice_audio import natural_polish

    ask, rate = natural_polish("Chcę rozmawiać z konsultantem.")
    over, _ = natural_polish("Halo, halo, czy ktoś mnie słyszy?")
    async with TwilioCaller(bot_stack.ws_url) as caller:
        assert await caller.wait_for_bot_audio(after=0, timeout=30)
        sent = await caller.play(ask, rate)
        deadline = asyncio.get_running_loop().time() + 60
        while not caller.trace.bot_audio_after(sent) and asyncio.get_running_loop().time() < deadline:
            await caller.silence(0.02)
        await caller.play(over, rate)  # from the announcement's first words
        while caller.trace.closed_at is None and asyncio.get_running_loop().time() < deadline:
            await caller.silence(0.2)
    events = await wait_closed_record(bot_stack, caller)
    assert any(e["type"] == "barge_in" for e in events), "the caller did talk over the announcement"
    marks = [m for m in caller.trace.marks if m.startswith("handoff:")]
    assert len(marks) == 1, caller.trace.marks
    _, handoff_id, _ = marks[0].split(":")
    info = httpx.get(f"{bot_stack.url}/handoffs/{handoff_id}", headers=TELEPHONY_AUTH).json()
    assert info["status"] in ("waiting", "claimed")
    assert events[-1]["reason"] == "handed off"


async def test_caller_speech_interrupts_the_bot(bot_stack):
    """Barge-in: the caller talks over the greeting; the bot clears the line and listens."""
    from tests.voice_audio import natural_polish

    pcm, rate = natural_polish("Halo, halo, chcę sprawdzić saldo.")
    async with TwilioCaller(bot_stack.ws_url) as caller:
        while not caller.trace.bot_audio:
            await caller.silence(0.1)
        await caller.silence(0.5)  # the greeting is under way
        sent = await caller.play(pcm, rate)
        assert await caller.wait_for_bot_audio(after=sent, timeout=30)
    events = await wait_closed_record(bot_stack, caller)
    assert caller.trace.clears >= 1, "the bot told the line to drop its queued audio"
    types = [e["type"] for e in events]
    assert "barge_in" in types
    greeting_stop = next(e["t"] for e in events if e["type"] == "bot_stopped_speaking")
    barge = next(e["t"] for e in events if e["type"] == "barge_in")
    assert greeting_stop - barge < 1.0, "the greeting stopped when the caller spoke, not at its end"
