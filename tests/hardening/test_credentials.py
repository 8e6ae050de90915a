"""Issue 10, findings 1 and 2: session credentials must not be readable from the access log, and a
caller token must not let a second socket take over a verified caller's side of the agent bridge."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.handoff.checks import assert_absent
from tests.hardening.helpers import Chat, agent_headers, caller_bridge, next_message


async def test_access_log_holds_no_session_or_caller_credentials(bot_stack):
    """Finding 1: chat session ids appeared whole in the access log's request lines, and the
    bridges' caller token travelled in URLs (bridge, transcript download): whoever read the log
    could continue a verified caller's chat. Now credentials travel in headers and the first
    WebSocket message, and the access log names routes by their templates."""
    chat = Chat(bot_stack)
    chat.send(text="chciałbym sprawdzić saldo")
    assert chat.http.get(f"/chat/sessions/{chat.session_id}/history", headers=chat.auth).status_code == 200
    reply = chat.send(text="poproszę z konsultantem")
    handoff = reply["handoff"]
    assert handoff and handoff["caller_token"]
    token = handoff["caller_token"]

    caller = await caller_bridge(bot_stack, handoff["handoff_id"], token)
    await next_message(caller, "peer")
    await caller.close()
    mine = {"Authorization": f"Bearer {token}"}
    download = chat.http.get(f"/console/handoffs/{handoff['handoff_id']}/transcript", headers=mine)
    assert download.status_code == 200
    # The old way (the token in the URL) opens nothing any more.
    in_url = chat.http.get(f"/console/handoffs/{handoff['handoff_id']}/transcript", params={"token": token})
    assert in_url.status_code == 404
    # Without the session's token, its id alone continues nothing.
    stolen = chat.http.post(f"/chat/sessions/{chat.session_id}/messages", json={"text": "saldo"})
    assert stolen.status_code == 404

    await asyncio.sleep(0.5)  # the log lines of the last requests
    log = bot_stack.log_text()
    assert "POST /chat/sessions/{session_id}/messages 200" in log  # the access log is there…
    assert "WS /console/bridge/{handoff_id}/caller" in log
    assert_absent(log, chat.session_id, chat.token, token)  # …and names no credential


async def test_second_caller_socket_cannot_take_over_the_bridge(guarded_bot):
    """Finding 2: a second caller socket with the same token took over the caller's side of the
    agent bridge (the real caller was closed with 4409, the newcomer read the agent's chat). Now
    the newcomer is refused while the caller is connected, the agent is told, the caller talks on;
    once the agent completes the handoff the token opens neither the bridge nor the download."""
    chat = Chat(guarded_bot)
    reply = chat.send(text="chcę rozmawiać z konsultantem w sprawie PIT")
    handoff = reply["handoff"]
    assert handoff and handoff["status"] == "queued"
    handoff_id, token = handoff["handoff_id"], handoff["caller_token"]
    agent = agent_headers(guarded_bot, "agent1")
    claim = httpx.post(f"{guarded_bot.url}/console/api/handoffs/{handoff_id}/claim", headers=agent, timeout=10)
    assert claim.status_code == 200

    caller = await caller_bridge(guarded_bot, handoff_id, token)
    await next_message(caller, "peer")
    ws_url = guarded_bot.url.replace("http://", "ws://")
    async with connect(ws_url + f"/console/bridge/{handoff_id}/agent", additional_headers=agent) as agent_ws:
        await next_message(agent_ws, "peer")
        intruder = await caller_bridge(guarded_bot, handoff_id, token)
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                await asyncio.wait_for(intruder.recv(), 10)
        assert closed.value.rcvd.code == 4409
        alert = await next_message(agent_ws, "alert")
        assert "drugie połączenie" in alert["text"]

        # The real caller is still there, both ways.
        await caller.send(json.dumps({"type": "chat", "text": "Czy jest ktoś?"}))
        assert (await next_message(agent_ws, "chat"))["text"] == "Czy jest ktoś?"
        await agent_ws.send(json.dumps({"type": "chat", "text": "Dzień dobry, tu konsultant KAS."}))
        assert (await next_message(caller, "chat"))["text"] == "Dzień dobry, tu konsultant KAS."

        done = httpx.post(f"{guarded_bot.url}/console/api/handoffs/{handoff_id}/complete", headers=agent, timeout=10)
        assert done.status_code == 200
        await next_message(caller, "ended")
    await caller.close()

    # Completed: the token opens nothing (this bot keeps no download window after completion).
    late = await caller_bridge(guarded_bot, handoff_id, token)
    with pytest.raises(ConnectionClosed) as closed:
        await asyncio.wait_for(late.recv(), 10)
    assert closed.value.rcvd.code == 4403
    download = httpx.get(f"{guarded_bot.url}/console/handoffs/{handoff_id}/transcript",
                         headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert download.status_code == 404
