"""Two workers, one contact centre (docs/scaling.md): real `voicebot serve` processes on one Redis,
nginx in front. Calls and chats spread over both; an agent signed in on worker B claims and chats
with a caller handed off on worker A; a killed worker's calls end with complete records, its
handoffs wait in the queue, and new calls go to the other worker.

The last test kills worker A: it runs last in this module (pytest keeps the file's order)."""

from __future__ import annotations

import asyncio
import json
import secrets
import time

import httpx
import pytest
from websockets.asyncio.client import connect

from eval.twilio_caller import TwilioCaller
from tests.telephony.sip_peer import SipPeer, header, request, sdp, to_tag
from voicebot.call_record import WORKER_LOST, read_call_record
from voicebot.cluster import keys


def holder_of_call(cluster, stream_sid: str) -> str | None:
    """Which worker announces the call (its record id starts with the stream id)."""
    client = cluster.redis_client()
    try:
        for worker in ("worker-a", "worker-b"):
            if any(c.startswith(stream_sid[:40]) for c in client.smembers(keys.worker_calls(worker))):
                return worker
    finally:
        client.close()
    return None


async def wait_for_holder(cluster, stream_sid: str, timeout_s: float = 15.0) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        worker = holder_of_call(cluster, stream_sid)
        if worker:
            return worker
        await asyncio.sleep(0.2)
    raise AssertionError("no worker announced the call")


def holder_of_chat(cluster, session_id: str) -> str | None:
    client = cluster.redis_client()
    try:
        return client.hget(keys.chat_session(session_id), "worker")
    finally:
        client.close()


async def open_chat(client: httpx.AsyncClient) -> tuple[str, dict]:
    reply = await client.post("/chat/sessions", json={})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    return body["session_id"], {"Authorization": f"Bearer {body['session_token']}"}


async def signed_in(base_url: str, login: str = "agent1") -> httpx.AsyncClient:
    client = httpx.AsyncClient(base_url=base_url + "/console/", timeout=30)
    response = await client.post("api/login", json={"login": login, "password": f"demo-{login}"})
    assert response.status_code == 200, response.text
    return client


def cookie_header(client: httpx.AsyncClient) -> dict:
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items())}


async def handed_off_chat(base_url: str) -> tuple[str, dict]:
    """A chat on the worker at ``base_url`` that asks for an agent; returns (session id, its handoff)."""
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        session_id, auth = await open_chat(client)
        reply = (await client.post(f"/chat/sessions/{session_id}/messages", headers=auth,
                                   json={"text": "Chcę rozmawiać z konsultantem."})).json()
        if reply["handoff"] is None and reply["state"] == "offer_agent":
            reply = (await client.post(f"/chat/sessions/{session_id}/messages", headers=auth,
                                       json={"text": "tak"})).json()
    assert reply["handoff"] and reply["handoff"]["status"] == "queued", reply
    return session_id, reply["handoff"]


async def next_message(ws, kind: str, timeout: float = 15.0) -> dict:
    async def wait():
        while True:
            message = await ws.recv()
            if isinstance(message, bytes):
                continue
            message = json.loads(message)
            if message["type"] == kind:
                return message
    return await asyncio.wait_for(wait(), timeout)


async def next_audio(ws, timeout: float = 15.0) -> bytes:
    async def wait():
        while True:
            message = await ws.recv()
            if isinstance(message, bytes):
                return message
    return await asyncio.wait_for(wait(), timeout)


async def test_calls_and_chats_through_nginx_spread_over_both_workers(two_workers):
    callers = [TwilioCaller(two_workers.ws_url) for _ in range(4)]
    try:
        for caller in callers:
            await caller.connect()
        holders = [await wait_for_holder(two_workers, caller.stream_sid) for caller in callers]
        assert set(holders) == {"worker-a", "worker-b"}, holders
        for caller in callers:
            assert await caller.wait_for_bot_audio(after=0, timeout=60, quiet_s=0.3)
    finally:
        for caller in callers:
            await caller.hang_up()

    async with httpx.AsyncClient(base_url=two_workers.url, timeout=60) as client:
        chats = [await open_chat(client) for _ in range(4)]
        assert {holder_of_chat(two_workers, session_id) for session_id, _ in chats} == {"worker-a", "worker-b"}
        # Each chat answers through nginx whichever worker takes the request (the other relays it).
        for session_id, auth in chats:
            for _ in range(2):
                reply = await client.post(f"/chat/sessions/{session_id}/messages", headers=auth,
                                          json={"text": "W jakich godzinach pracują konsultanci?"})
                assert reply.status_code == 200, reply.text
                assert reply.json()["messages"]
            history = await client.get(f"/chat/sessions/{session_id}/history", headers=auth)
            assert history.status_code == 200 and len(history.json()["turns"]) >= 4
            # A wrong token looks like an unknown chat on either worker.
            wrong = await client.post(f"/chat/sessions/{session_id}/messages", json={"text": "halo"},
                                      headers={"Authorization": "Bearer not-the-token"})
            assert wrong.status_code == 404


async def test_sip_calls_through_kamailio_spread_over_both_workers(two_workers):
    if two_workers.kamailio is None:
        pytest.skip("baresip and kamailio are not installed (scripts/test.sh installs them)")
    proxy = two_workers.kamailio.port
    peer = await SipPeer.open()
    media, _ = await asyncio.get_running_loop().create_datagram_endpoint(asyncio.DatagramProtocol,
                                                                         local_addr=("127.0.0.1", 0))
    answered_by = []
    try:
        for _ in range(4):
            call_id = secrets.token_hex(8)
            peer.send(request("INVITE", proxy, peer.host, peer.port, call_id=call_id,
                              body=sdp(media.get_extra_info("sockname")[1])), proxy)
            ok = await peer.expect(lambda m: call_id.encode() in m and m.startswith(b"SIP/2.0")
                                   and b" INVITE\r\n" in m and not m.startswith(b"SIP/2.0 1"), timeout=30)
            assert ok.startswith(b"SIP/2.0 200"), ok[:200]
            worker_port = int(header(ok, "Contact").split(">")[0].rsplit(":", 1)[1].split(";")[0])
            answered_by.append(worker_port)
            # In the dialog, straight to the worker that answered (it holds the call's media).
            tag = to_tag(ok)
            peer.send(request("ACK", worker_port, peer.host, peer.port, call_id=call_id, to_tag=tag), worker_port)
            await asyncio.sleep(0.5)
            peer.send(request("BYE", worker_port, peer.host, peer.port, call_id=call_id, to_tag=tag, cseq=2),
                      worker_port)
            assert await peer.status(call_id, "BYE") == 200
    finally:
        media.close()
        peer.close()
    assert set(answered_by) == set(two_workers.sip_ports.values()), answered_by


async def test_an_agent_on_worker_b_claims_and_chats_with_a_caller_handed_off_on_worker_a(two_workers):
    a, b = two_workers.a.url, two_workers.b.url
    _session_id, handoff = await handed_off_chat(a)
    handoff_id = handoff["handoff_id"]
    agent = await signed_in(b)
    try:
        # One sign-in serves on every worker.
        assert (await agent.get(a + "/console/api/me", headers=cookie_header(agent))).json() == {"agent": "agent1"}
        waiting = (await agent.get("api/waiting")).json()
        assert handoff_id in {item["handoff_id"] for item in waiting}
        assert (await agent.post(f"api/handoffs/{handoff_id}/claim")).status_code == 200

        ws_b = b.replace("http://", "ws://") + "/console/"
        ws_a = a.replace("http://", "ws://") + "/console/"
        async with connect(ws_a + f"bridge/{handoff_id}/caller") as caller:
            await caller.send(json.dumps({"type": "hello", "token": handoff["caller_token"]}))
            assert (await next_message(caller, "peer"))["connected"] is False
            # A chat line sent before the agent connects waits for them (on the other worker).
            await caller.send(json.dumps({"type": "chat", "text": "Czy ktoś tam jest?"}))
            async with connect(ws_b + f"bridge/{handoff_id}/agent",
                               additional_headers=cookie_header(agent)) as agent_ws:
                assert (await next_message(agent_ws, "chat"))["text"] == "Czy ktoś tam jest?"
                assert (await next_message(caller, "peer"))["connected"] is True
                await agent_ws.send(json.dumps({"type": "chat", "text": "Dzień dobry, w czym mogę pomóc?"}))
                line = await next_message(caller, "chat")
                assert line["from"] == "agent" and line["text"] == "Dzień dobry, w czym mogę pomóc?"
                await caller.send(json.dumps({"type": "chat", "text": "Chodzi o zwrot podatku."}))
                assert (await next_message(agent_ws, "chat"))["text"] == "Chodzi o zwrot podatku."
                # Audio both ways, across the workers.
                await caller.send(b"\x01\x02" * 320)
                assert await next_audio(agent_ws) == b"\x01\x02" * 320
                await agent_ws.send(b"\x03\x04" * 320)
                assert await next_audio(caller) == b"\x03\x04" * 320
                # A second caller socket with the same token, on the other worker, is refused.
                async with connect(ws_b + f"bridge/{handoff_id}/caller") as intruder:
                    await intruder.send(json.dumps({"type": "hello", "token": handoff["caller_token"]}))
                    await asyncio.wait_for(intruder.wait_closed(), 15)
                    assert intruder.close_code == 4409
                assert "Odrzucono" in (await next_message(agent_ws, "alert"))["text"]
                # The agent completes on worker B: the caller's socket on worker A hears it.
                assert (await agent.post(f"api/handoffs/{handoff_id}/complete")).status_code == 200
                await next_message(caller, "ended")
        card = (await agent.get(f"{a}/console/api/handoffs/{handoff_id}/card", headers=cookie_header(agent)))
        assert card.status_code == 403  # completed: the card is no longer open
    finally:
        await agent.aclose()


async def test_a_killed_worker_s_calls_end_with_complete_records_and_new_calls_go_to_the_other(two_workers):
    # A voice call on worker A (through nginx: callers until one lands there), a chat on A, and a
    # handoff from A waiting in the queue.
    on_a = None
    others = []
    for _ in range(4):
        caller = TwilioCaller(two_workers.ws_url)
        await caller.connect()
        if await wait_for_holder(two_workers, caller.stream_sid) == "worker-a":
            on_a = caller
            break
        others.append(caller)
    assert on_a is not None, "nginx sent no call to worker A"
    assert await on_a.wait_for_bot_audio(after=0, timeout=60, quiet_s=0.3)
    async with httpx.AsyncClient(base_url=two_workers.a.url, timeout=60) as client:
        chat_id, chat_auth = await open_chat(client)
    _handed_off, handoff = await handed_off_chat(two_workers.a.url)
    await asyncio.sleep(1.5)  # a heartbeat announces them all

    two_workers.a.process.kill()
    two_workers.a.process.wait()

    # Worker B closes worker A's records: complete, with why they ended.
    records = [p for p in two_workers.calls_dir.glob(f"{on_a.stream_sid[:40]}-*.jsonl")]
    records.append(two_workers.calls_dir / f"chat-{chat_id}.jsonl")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ends = [[e for e in read_call_record(p) if e["type"] == "call_ended"] for p in records]
        if all(ends):
            break
        await asyncio.sleep(0.5)
    for path in records:
        events = read_call_record(path)
        assert events[0]["type"] == "call_started"
        assert events[-1]["type"] == "call_ended" and events[-1]["reason"] == WORKER_LOST, path.name
        assert sum(1 for e in events if e["type"] == "call_ended") == 1

    # The handoff made on A waits for an agent, seen through the one address.
    agent = await signed_in(two_workers.url)
    try:
        waiting = (await agent.get("api/waiting")).json()
        assert handoff["handoff_id"] in {item["handoff_id"] for item in waiting}
    finally:
        await agent.aclose()

    async with httpx.AsyncClient(base_url=two_workers.url, timeout=60) as client:
        # The chat that lived on A is over, and says so.
        lost = await client.post(f"/chat/sessions/{chat_id}/messages", headers=chat_auth, json={"text": "halo"})
        assert lost.status_code == 409
        # ... to its caller only: without its token it is an unknown chat.
        wrong = await client.post(f"/chat/sessions/{chat_id}/messages", json={"text": "halo"},
                                  headers={"Authorization": "Bearer not-the-token"})
        assert wrong.status_code == 404
        # New calls and chats go to worker B.
        for _ in range(3):
            caller = TwilioCaller(two_workers.ws_url)
            await caller.connect()
            assert await wait_for_holder(two_workers, caller.stream_sid) == "worker-b"
            assert await caller.wait_for_bot_audio(after=0, timeout=60, quiet_s=0.3)
            await caller.hang_up()
            session_id, _auth = await open_chat(client)
            assert holder_of_chat(two_workers, session_id) == "worker-b"
    for caller in others:
        await caller.hang_up()
    # The calls B held were not disturbed: B's own records end normally.
    for caller in others:
        for path in two_workers.calls_dir.glob(f"{caller.stream_sid[:40]}-*.jsonl"):
            assert read_call_record(path)[-1].get("reason") != WORKER_LOST
