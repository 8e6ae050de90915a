"""The console over real HTTP and WebSockets: sign-in, live feed, claims, bridge, download, telephony hook."""

from __future__ import annotations

import asyncio
import contextlib
import json

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from integrations.handoff.queue import HandoffQueue
from tests.handoff.checks import assert_absent, assert_present
from tests.handoff.conftest import AGENT_ONLY, OPEN_NOW, PESEL, PIN, caller_context
from tests.handoff.console_server import TELEPHONY_TOKEN, start_console


@pytest.fixture
def console(redis_server, tmp_path):
    server = start_console(redis_server.url, tmp_path / "console", lease_s=1.5)
    yield server
    server.stop()


@pytest.fixture
async def publisher(redis_server, tmp_path):
    queue = HandoffQueue(redis_server.url, outbox_dir=tmp_path / "dialogue-outbox")
    yield queue
    await queue.aclose()


@contextlib.asynccontextmanager
async def caller_bridge(console, result):
    """The caller's side of the bridge: the token goes in the first message, not in the URL."""
    async with connect(console.ws_url + f"bridge/{result.handoff_id}/caller") as caller:
        await caller.send(json.dumps({"type": "hello", "token": result.caller_token}))
        yield caller


async def signed_in(console, login: str) -> httpx.AsyncClient:
    client = httpx.AsyncClient(base_url=console.base_url, timeout=10)
    response = await client.post("api/login", json={"login": login, "password": f"demo-{login}"})
    assert response.status_code == 200
    return client


def cookie_header(client: httpx.AsyncClient) -> dict:
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items())}


async def next_message(ws, kind: str, timeout: float = 10.0) -> dict:
    async def wait():
        while True:
            message = json.loads(await ws.recv())
            if message["type"] == kind:
                return message
    return await asyncio.wait_for(wait(), timeout)


async def next_binary(ws, timeout: float = 5.0) -> bytes:
    async def wait():
        while isinstance(received := await ws.recv(), str):
            pass  # chat and presence messages
        return received
    return await asyncio.wait_for(wait(), timeout)


async def test_nothing_is_shown_without_signing_in(console, publisher):
    result = await publisher.publish("pit", "needs_human", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
    async with httpx.AsyncClient(base_url=console.base_url) as anonymous:
        assert (await anonymous.get("")).status_code == 200  # the page (login form) itself
        for path in ("api/waiting", "api/me", "api/queues", f"api/handoffs/{result.handoff_id}/card"):
            assert (await anonymous.get(path)).status_code == 401
        assert (await anonymous.post(f"api/handoffs/{result.handoff_id}/claim")).status_code == 401
        wrong = await anonymous.post("api/login", json={"login": "agent1", "password": "nope"})
        assert wrong.status_code == 401
        unknown = await anonymous.post("api/login", json={"login": "intruder", "password": "demo-agent1"})
        assert unknown.status_code == 401
    for path in ("ws", f"bridge/{result.handoff_id}/agent", f"bridge/{result.handoff_id}/caller"):
        with pytest.raises((ConnectionClosed, InvalidStatus)):  # refused at the handshake or the hello
            async with connect(console.ws_url + path) as ws:
                await ws.send(json.dumps({"type": "hello", "token": "guess"}))
                await ws.recv()


async def test_live_feed_claim_by_one_agent_gone_for_the_other(console, publisher):
    agent1, agent2 = await signed_in(console, "agent1"), await signed_in(console, "agent2")
    async with connect(console.ws_url + "ws?queues=pit,vat", additional_headers=cookie_header(agent2)) as feed2:
        assert (await next_message(feed2, "snapshot"))["items"] == []
        result = await publisher.publish("pit", "needs_human", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
        item = (await next_message(feed2, "waiting"))["item"]
        assert item["handoff_id"] == result.handoff_id
        assert_absent(json.dumps(item), PESEL)

        claimed = await agent1.post(f"api/handoffs/{result.handoff_id}/claim")
        assert claimed.status_code == 200
        card = claimed.json()
        assert_present(card["caller"]["pesel"], PESEL)
        assert card["claimed_by"] == "agent1"
        assert_absent(claimed.text, PIN)
        # the card the agent reads: Polish labels and values, the bot's words in full, newest first
        facts = {f["label"]: f["value"] for f in card["facts"]}
        assert facts["Sprawa"] == "zwrot podatku" and facts["Czyja sprawa"] == "sprawa własna"
        assert facts["Podatek"] == "PIT (podatek dochodowy od osób fizycznych)"
        assert card["bot_said"][0] == "Zwrot 1 234,56 zł został zlecony 3 marca."

        gone = await next_message(feed2, "gone")
        assert gone["handoff_id"] == result.handoff_id
        assert (await agent2.post(f"api/handoffs/{result.handoff_id}/claim")).status_code == 409
        assert (await agent2.get(f"api/handoffs/{result.handoff_id}/card")).status_code == 403
        assert (await agent1.get(f"api/handoffs/{result.handoff_id}/card")).status_code == 200
        assert (await agent2.get("api/waiting", params={"queues": "pit"})).json() == []
    await agent1.aclose(), await agent2.aclose()


async def test_a_console_that_disconnects_loses_its_claim(console, publisher):
    agent1, agent2 = await signed_in(console, "agent1"), await signed_in(console, "agent2")
    result = await publisher.publish("vat", "needs_human", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
    async with connect(console.ws_url + "ws?queues=vat", additional_headers=cookie_header(agent1)) as feed1:
        await next_message(feed1, "snapshot")
        assert (await agent1.post(f"api/handoffs/{result.handoff_id}/claim")).status_code == 200
        await feed1.send(json.dumps({"type": "hold", "handoff_id": result.handoff_id}))
        await asyncio.sleep(2.5)  # longer than the lease: the connected console keeps renewing it
        assert (await publisher.info(result.handoff_id)).agent == "agent1"
    # the console is gone: the lease lapses and the handoff is offered again, to everyone
    async with connect(console.ws_url + "ws?queues=vat", additional_headers=cookie_header(agent2)) as feed2:
        snapshot = await next_message(feed2, "snapshot")
        if not snapshot["items"]:
            await next_message(feed2, "waiting")
        assert (await agent2.post(f"api/handoffs/{result.handoff_id}/claim")).status_code == 200
    await agent1.aclose(), await agent2.aclose()


async def test_bridge_relays_audio_and_chat_and_the_caller_downloads_the_history(console, publisher):
    agent1 = await signed_in(console, "agent1")
    result = await publisher.publish("pit", "needs_human", caller_context(channel="text"), **AGENT_ONLY, now=OPEN_NOW)
    assert (await agent1.post(f"api/handoffs/{result.handoff_id}/claim")).status_code == 200
    async with caller_bridge(console, result) as caller:
        await next_message(caller, "peer")
        await caller.send(json.dumps({"type": "chat", "text": "Czy jest ktoś? mój PIN to " + PIN}))
        async with connect(console.ws_url + f"bridge/{result.handoff_id}/agent",
                           additional_headers=cookie_header(agent1)) as agent:
            chat = await next_message(agent, "chat")  # buffered until the agent joined
            assert chat["from"] == "caller" and "Czy jest ktoś?" in chat["text"]
            assert_absent(chat["text"], PIN)
            await agent.send(json.dumps({"type": "chat", "text": "Dzień dobry, tu konsultant KAS."}))
            assert (await next_message(caller, "chat"))["text"] == "Dzień dobry, tu konsultant KAS."
            frame = bytes(range(256)) * 2  # 256 samples of 16-bit PCM
            await caller.send(frame)
            assert await next_binary(agent) == frame
            await agent.send(frame[::-1])
            assert await next_binary(caller) == frame[::-1]

    async with httpx.AsyncClient(base_url=console.base_url) as caller_http:
        mine = {"Authorization": f"Bearer {result.caller_token}"}
        download = await caller_http.get(f"handoffs/{result.handoff_id}/transcript", params={"format": "text"},
                                         headers=mine)
        as_json = await caller_http.get(f"handoffs/{result.handoff_id}/transcript", headers=mine)
        stranger = await caller_http.get(f"handoffs/{result.handoff_id}/transcript",
                                         headers={"Authorization": "Bearer guess"})
    assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    body = download.text
    assert "Konsultant: Dzień dobry, tu konsultant KAS." in body and "1 234,56 zł" in body
    assert_absent(body, PIN, " ".join(PIN), PESEL, " ".join(PESEL))
    assert as_json.json()["transcript"][-1]["role"] == "agent"
    assert stranger.status_code == 404
    await agent1.aclose()


async def test_telephony_hook_reports_status_without_personal_data(console, publisher):
    result = await publisher.publish("pit", "needs_human", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
    root = console.base_url.removesuffix("console/")
    async with httpx.AsyncClient(base_url=root) as client:
        assert (await client.get(f"handoffs/{result.handoff_id}")).status_code == 401
        auth = {"Authorization": f"Bearer {TELEPHONY_TOKEN}"}
        info = (await client.get(f"handoffs/{result.handoff_id}", headers=auth)).json()
        assert info["status"] == "waiting" and info["queue"] == "pit"
        assert_absent(json.dumps(info), PESEL)
        assert (await client.get("handoffs/unknown", headers=auth)).status_code == 404


async def test_redis_restart_mid_handoff_reaches_the_console_with_nothing_lost(redis_server_factory, tmp_path):
    # Redis as docker-compose runs it (append-only file): the agents' sign-ins live there too.
    redis_server = redis_server_factory(appendonly=True)
    data_dir = tmp_path / "app"
    console = start_console(redis_server.url, data_dir, lease_s=1.5)
    # the dialogue side of the same app: same data_dir, so the app's upkeep flushes its outbox
    dialogue = HandoffQueue(redis_server.url, outbox_dir=data_dir / "outbox")
    agent1 = await signed_in(console, "agent1")
    try:
        async with connect(console.ws_url + "ws?queues=pit", additional_headers=cookie_header(agent1)) as feed:
            await next_message(feed, "snapshot")
            redis_server.stop()
            assert (await next_message(feed, "status"))["redis"] == "down"
            result = await dialogue.publish("pit", "needs_human", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
            assert result.status == "outboxed"
            redis_server.start()
            seen = set()
            while result.handoff_id not in seen:  # the app flushes its outbox, the feed resyncs
                message = json.loads(await asyncio.wait_for(feed.recv(), 15))
                items = message.get("items", []) + ([message["item"]] if "item" in message else [])
                seen |= {item["handoff_id"] for item in items}
        assert (await agent1.post(f"api/handoffs/{result.handoff_id}/claim")).status_code == 200
    finally:
        await agent1.aclose()
        await dialogue.aclose()
        console.stop()


async def test_sign_in_with_redis_down_is_refused_clearly_and_works_when_it_is_back(redis_server, tmp_path):
    """Sign-ins live in Redis (every worker knows every agent): without it, a clear 503, not a 500."""
    console = start_console(redis_server.url, tmp_path / "console")
    try:
        async with httpx.AsyncClient(base_url=console.base_url, timeout=10) as client:
            redis_server.stop()
            refused = await client.post("api/login", json={"login": "agent1", "password": "demo-agent1"})
            assert refused.status_code == 503 and "chwilowo niedostępne" in refused.json()["detail"]
            assert (await client.get("api/me")).status_code == 401
            redis_server.start()
            assert (await client.post("api/login", json={"login": "agent1", "password": "demo-agent1"})).status_code == 200
            assert (await client.get("api/me")).json() == {"agent": "agent1"}
    finally:
        console.stop()
