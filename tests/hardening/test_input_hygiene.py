"""Issue 10, finding 11 and the low findings about input: 422 bodies echoed the input (a PIN, a
PESEL, a password); a 10 MB body got a 10 MB reply; JSON with "\\ud800" gave a 500 with a traceback
in the log; bidi overrides and NUL characters went into transcripts; a Twilio ``mark`` name was
written into the record as it came."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from eval.twilio_caller import TwilioCaller
from tests.handoff.checks import assert_absent
from tests.hardening.helpers import TELEPHONY_AUTH, Chat


@pytest.mark.parametrize("case", ["chat-both-fields", "chat-bad-keys", "chat-start", "login-types"])
def test_validation_errors_never_echo_the_input(bot_stack, case):
    person = bot_stack.sandbox.seed.person("pit_refund")
    pin, pesel = person.telepin.pin, person.pesel
    chat = Chat(bot_stack)
    path, body = {
        "chat-both-fields": (f"/chat/sessions/{chat.session_id}/messages", {"text": pin, "dtmf": "1"}),
        "chat-bad-keys": (f"/chat/sessions/{chat.session_id}/messages", {"dtmf": pin + "X"}),
        "chat-start": ("/chat/sessions", {"caller_number": pesel * 30}),
        "login-types": ("/console/api/login", {"login": "agent1", "password": [pin, pesel]}),
    }[case]
    reply = chat.http.post(path, json=body, headers=chat.auth)
    assert reply.status_code == 422
    assert reply.json()["detail"].startswith("Nieprawidłowe")
    assert_absent(reply.text, pin, pesel)


def test_a_huge_body_is_refused_before_it_is_read(bot_stack):
    big = json.dumps({"text": "a" * 10_000_000}).encode()
    for path in ("/chat/sessions", "/console/api/login"):
        reply = httpx.post(f"{bot_stack.url}{path}", content=big, headers={"Content-Type": "application/json"},
                           timeout=60)
        assert reply.status_code == 413 and len(reply.content) < 1000
    sandbox = bot_stack.sandbox
    reply = httpx.post(f"{sandbox.url}/identity/v1/verify", content=big, timeout=60,
                       headers={**sandbox.headers(), "Content-Type": "application/json"})
    assert reply.status_code == 413 and len(reply.content) < 1000


async def test_lone_surrogates_nul_and_bidi_overrides_never_reach_a_transcript(bot_stack):
    chat = Chat(bot_stack)
    messages = f"/chat/sessions/{chat.session_id}/messages"
    headers = {**chat.auth, "Content-Type": "application/json"}
    surrogate = chat.http.post(messages, content=b'{"text": "halo \\ud800"}', headers=headers)
    assert surrogate.status_code in (200, 422)  # taken without it, or refused clearly; never a 500
    login = chat.http.post("/console/api/login", content=b'{"login": "agent1", "password": "\\ud800"}',
                           headers={"Content-Type": "application/json"})
    assert login.status_code in (401, 422)
    raw = '{"text": "chc\\u0119 sprawdzi\\u0107 \\u0000saldo \\u202e1234\\u202c"}'
    reply = chat.http.post(messages, content=raw.encode(), headers=headers)
    assert reply.status_code == 200
    await asyncio.sleep(0.3)
    said = [e["text"] for e in chat.record() if e["type"] == "transcript"]
    assert said and all(ch not in said[-1] for ch in ("\x00", "\u202e", "\u202c"))
    assert "sprawdzić" in said[-1] and "saldo" in said[-1]
    log = bot_stack.log_text()
    assert "Traceback" not in log and "UnicodeEncodeError" not in log


async def test_a_peers_mark_name_is_not_written_into_the_record(bot_stack):
    pin = bot_stack.sandbox.seed.person("pit_refund").telepin.pin
    async with TwilioCaller(bot_stack.ws_url) as caller:
        assert await caller.wait_for_bot_audio(after=0, timeout=40, quiet_s=0.3)
        await caller.send_json({"event": "mark", "streamSid": caller.stream_sid, "mark": {"name": f"pin-{pin}"}})
        await caller.silence(0.5)
    record = bot_stack.record_path(caller.stream_sid)
    for _ in range(100):
        if '"call_ended"' in record.read_text(encoding="utf-8"):
            break
        await asyncio.sleep(0.1)
    text = record.read_text(encoding="utf-8")
    assert_absent(text, pin)
    assert '"mark_played", "name": "unknown"' in text


def test_api_docs_and_handoff_status_are_not_public(bot_stack):
    """Low findings: /docs and /openapi.json were public on the bot (the sandbox keeps them), and
    GET /handoffs/{id} answered without a token."""
    for path in ("/docs", "/openapi.json", "/redoc"):
        assert httpx.get(f"{bot_stack.url}{path}", timeout=10).status_code == 404
    assert httpx.get(f"{bot_stack.sandbox.url}/openapi.json", timeout=10).status_code == 200
    chat = Chat(bot_stack)
    handoff = chat.send(text="poproszę z konsultantem")["handoff"]
    status = f"{bot_stack.url}/handoffs/{handoff['handoff_id']}"
    assert httpx.get(status, timeout=10).status_code == 401
    assert httpx.get(status, headers={"Authorization": "Bearer guess"}, timeout=10).status_code == 401
    assert httpx.get(status, headers=TELEPHONY_AUTH, timeout=10).json()["status"] == "waiting"


async def test_a_stream_id_cannot_name_a_file_outside_the_records(bot_stack):
    """Beyond the list: the stream's id names its call record's file; "../" in it would have
    written outside data_dir/calls. Such a stream is refused before anything is written."""
    import websockets

    sid = "../../escaped-record"
    async with websockets.connect(bot_stack.ws_url) as ws:
        await ws.send(json.dumps({"event": "start", "streamSid": sid, "start": {
            "streamSid": sid, "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}}}))
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 10)
    assert closed.value.rcvd.code == 1008 and "streamSid" in closed.value.rcvd.reason
    assert not list(bot_stack.data_dir.parent.rglob("escaped-record*"))
