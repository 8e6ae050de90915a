"""Faults: Redis stopped and started again mid-handoff, with nothing lost."""

from __future__ import annotations

import asyncio

from integrations.handoff.queue import HandoffQueue
from tests.handoff.conftest import AGENT_ONLY, OPEN_NOW, caller_context


async def test_redis_down_when_a_handoff_is_due_then_back(redis_server, tmp_path):
    queue = HandoffQueue(redis_server.url, outbox_dir=tmp_path / "outbox")
    try:
        before = await queue.publish("pit", "needs_human", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
        assert before.status == "queued"

        redis_server.stop()
        during = [await queue.publish("vat", "needs_human", caller_context(), **AGENT_ONLY, now=OPEN_NOW) for _ in range(3)]
        assert [r.status for r in during] == ["outboxed"] * 3
        assert all(r.handoff_id and r.caller_token for r in during)
        assert "nie przepadnie" in during[0].message_pl  # what the caller hears
        assert len(queue.outbox) == 3

        redis_server.start()  # same port, empty (this server keeps no data on disk)
        upkeep = asyncio.create_task(queue.run_maintenance(interval_s=0.05))
        try:
            for _ in range(200):
                if len(queue.outbox) == 0:
                    break
                await asyncio.sleep(0.05)
        finally:
            upkeep.cancel()
        assert len(queue.outbox) == 0
        waiting = [line["handoff_id"] for line in await queue.waiting(["vat"])]
        assert waiting == [r.handoff_id for r in during]  # all there, in the callers' order
        card = await queue.claim(during[0].handoff_id, "agent1")
        assert card["caller"]["verified"] and card["transcript"]
    finally:
        await queue.aclose()


async def test_outbox_survives_a_restart_of_the_app_while_redis_is_down(redis_server, tmp_path):
    queue = HandoffQueue(redis_server.url, outbox_dir=tmp_path / "outbox")
    redis_server.stop()
    result = await queue.publish("cit", "needs_human", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
    assert result.status == "outboxed"
    await queue.aclose()  # the app goes away with Redis still down

    redis_server.start()
    restarted = HandoffQueue(redis_server.url, outbox_dir=tmp_path / "outbox")
    try:
        later = await restarted.publish("cit", "needs_human", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
        assert later.status == "queued"
        ids = [line["handoff_id"] for line in await restarted.waiting(["cit"])]
        assert ids == [result.handoff_id, later.handoff_id]
    finally:
        await restarted.aclose()


async def test_waiting_and_claimed_handoffs_survive_a_redis_restart_with_aof(redis_server_factory, tmp_path):
    server = redis_server_factory(appendonly=True)
    queue = HandoffQueue(server.url, outbox_dir=tmp_path / "outbox", lease_s=60)
    try:
        waiting = await queue.publish("pit", "a", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
        claimed = await queue.publish("pit", "b", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
        assert await queue.claim(claimed.handoff_id, "agent1")
        server.stop()
        server.start()
        assert [line["handoff_id"] for line in await queue.waiting(["pit"])] == [waiting.handoff_id]
        assert (await queue.info(claimed.handoff_id)).agent == "agent1"
        assert await queue.release(claimed.handoff_id, "agent1")
        assert len(await queue.waiting(["pit"])) == 2
    finally:
        await queue.aclose()
