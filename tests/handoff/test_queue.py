"""The Redis queue against a real redis-server: ordering, exactly-one claim, leases, restarts, duplicates."""

from __future__ import annotations

import asyncio
import json

import pytest

from integrations.handoff.outbox import OutboxEntry
from integrations.handoff.queue import HandoffQueue
from dialogue.secrets import mask_pesel
from tests.handoff.checks import assert_absent, assert_present
from tests.handoff.conftest import AGENT_ONLY, OPEN_NOW, PESEL, PIN, caller_context


@pytest.fixture
async def queue(redis_server, tmp_path):
    q = HandoffQueue(redis_server.url, outbox_dir=tmp_path / "outbox")
    yield q
    await q.aclose()


async def test_publish_then_waiting_lists_it_without_full_pesel(queue, context):
    result = await queue.publish("pit", "needs_human", context, **AGENT_ONLY, now=OPEN_NOW)
    assert result.status == "queued" and result.handoff_id and result.caller_token
    [line] = await queue.waiting(["pit"])
    assert line["handoff_id"] == result.handoff_id
    assert_absent(json.dumps(line), PESEL)
    assert line["pesel_masked"] == mask_pesel(PESEL)
    assert await queue.waiting(["vat"]) == []


async def test_card_is_stored_without_the_telepin(queue, context, redis_server):
    result = await queue.publish("pit", "needs_human", context, **AGENT_ONLY, now=OPEN_NOW)
    card = await queue.card(result.handoff_id)
    text = json.dumps(card)
    assert_absent(text, PIN, " ".join(PIN))
    assert_present(card["caller"]["pesel"], PESEL)


async def test_longest_waiting_comes_first_across_queues(queue):
    first = await queue.publish("vat", "a", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
    second = await queue.publish("pit", "b", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
    third = await queue.publish("vat", "c", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
    ids = [line["handoff_id"] for line in await queue.waiting(["pit", "vat"])]
    assert ids == [first.handoff_id, second.handoff_id, third.handoff_id]
    card = await queue.claim_next(["pit", "vat"], "agent1")
    assert card["handoff_id"] == first.handoff_id


async def test_exactly_one_of_many_agents_claims(queue, context, redis_server, tmp_path):
    result = await queue.publish("pit", "needs_human", context, **AGENT_ONLY, now=OPEN_NOW)
    agents = [HandoffQueue(redis_server.url) for _ in range(8)]
    try:
        cards = await asyncio.gather(*(q.claim(result.handoff_id, f"agent{i}") for i, q in enumerate(agents)))
    finally:
        for q in agents:
            await q.aclose()
    winners = [c for c in cards if c is not None]
    assert len(winners) == 1
    assert await queue.waiting(["pit"]) == []
    info = await queue.info(result.handoff_id)
    assert info.status == "claimed" and info.agent == winners[0]["claimed_by"]


async def test_unknown_topic_goes_to_general(queue, context):
    result = await queue.publish("astrology", "needs_human", context, **AGENT_ONLY, now=OPEN_NOW)
    assert result.queue == "general"
    assert [line["handoff_id"] for line in await queue.waiting(["general"])] == [result.handoff_id]


async def test_closed_hours_are_reported_not_queued(queue, context):
    saturday = OPEN_NOW.replace(day=21)
    result = await queue.publish("pit", "needs_human", context, **AGENT_ONLY, now=saturday)
    assert result.status == "closed_hours" and result.handoff_id is None
    assert result.next_opening.weekday() == 0 and result.next_opening.hour == 8
    assert "poniedziałek" in result.message_pl
    assert await queue.waiting() == []


async def test_callback_request_queues_even_when_closed(queue, context):
    result = await queue.publish("pit", "callback", context, **AGENT_ONLY, now=OPEN_NOW.replace(hour=20), respect_hours=False)
    assert result.status == "queued"


async def test_unclaimed_handoffs_survive_an_app_restart(redis_server, tmp_path, context):
    before = HandoffQueue(redis_server.url, outbox_dir=tmp_path / "outbox")
    result = await before.publish("vat", "needs_human", context, **AGENT_ONLY, now=OPEN_NOW)
    await before.aclose()
    after = HandoffQueue(redis_server.url, outbox_dir=tmp_path / "outbox")
    try:
        assert [line["handoff_id"] for line in await after.waiting(["vat"])] == [result.handoff_id]
        assert (await after.claim(result.handoff_id, "agent1"))["handoff_id"] == result.handoff_id
    finally:
        await after.aclose()


async def test_a_lapsed_claim_goes_back_to_the_queue_at_its_place(redis_server, tmp_path):
    queue = HandoffQueue(redis_server.url, lease_s=1.0)
    try:
        old = await queue.publish("pit", "a", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
        new = await queue.publish("pit", "b", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
        assert await queue.claim(old.handoff_id, "agent1")
        assert await queue.requeue_expired() == []  # lease still running
        await asyncio.sleep(1.3)
        assert await queue.requeue_expired() == [old.handoff_id]
        ids = [line["handoff_id"] for line in await queue.waiting(["pit"])]
        assert ids == [old.handoff_id, new.handoff_id]
        assert (await queue.info(old.handoff_id)).status == "waiting"
    finally:
        await queue.aclose()


async def test_a_renewed_claim_is_kept(redis_server):
    queue = HandoffQueue(redis_server.url, lease_s=1.5)
    try:
        result = await queue.publish("pit", "a", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
        assert await queue.claim(result.handoff_id, "agent1")
        for _ in range(4):
            await asyncio.sleep(0.5)  # 2 s in all, longer than the lease
            assert await queue.renew(result.handoff_id, "agent1")
            assert await queue.requeue_expired() == []
        assert not await queue.renew(result.handoff_id, "agent2")
        assert (await queue.info(result.handoff_id)).agent == "agent1"
    finally:
        await queue.aclose()


async def test_release_and_complete(queue, context):
    result = await queue.publish("pit", "a", context, **AGENT_ONLY, now=OPEN_NOW)
    assert await queue.claim(result.handoff_id, "agent1")
    assert not await queue.release(result.handoff_id, "agent2")
    assert await queue.release(result.handoff_id, "agent1")
    assert [line["handoff_id"] for line in await queue.waiting(["pit"])] == [result.handoff_id]
    assert await queue.claim(result.handoff_id, "agent2")
    assert await queue.complete(result.handoff_id, "agent2")
    assert (await queue.info(result.handoff_id)).status == "completed"
    assert await queue.claim(result.handoff_id, "agent1") is None


async def test_duplicate_delivery_never_shows_a_handoff_twice(queue, context):
    result = await queue.publish("pit", "a", context, **AGENT_ONLY, now=OPEN_NOW)
    card = await queue.card(result.handoff_id)
    duplicate = OutboxEntry(result.handoff_id, "pit", card, card["created_at"], "other-token")
    # delivered again while waiting, and again after it was completed: neither shows it twice
    queue.outbox.add(duplicate)
    assert await queue.flush_outbox() == 1
    assert len(await queue.waiting(["pit"])) == 1
    assert await queue.claim(result.handoff_id, "agent1")
    assert await queue.complete(result.handoff_id, "agent1")
    queue.outbox.add(duplicate)
    await queue.flush_outbox()
    assert await queue.waiting(["pit"]) == []
    assert (await queue.info(result.handoff_id)).status == "completed"


async def test_event_feed_reports_waiting_and_claimed(queue, context):
    start = await queue.last_event_id()
    result = await queue.publish("pit", "a", context, **AGENT_ONLY, now=OPEN_NOW)
    await queue.claim(result.handoff_id, "agent1")
    _, events = await queue.read_events(start, block_ms=100)
    assert [(e["type"], e["id"]) for e in events] == [("waiting", result.handoff_id), ("claimed", result.handoff_id)]


async def test_public_transcript_includes_chat_and_hides_secrets(queue, context):
    result = await queue.publish("pit", "a", context, **AGENT_ONLY, now=OPEN_NOW)
    await queue.append_chat(result.handoff_id, "agent", "Dzień dobry, tu konsultant.")
    await queue.append_chat(result.handoff_id, "caller", "mój PIN to " + PIN)
    turns = await queue.public_transcript(result.handoff_id)
    text = json.dumps(turns, ensure_ascii=False)
    assert_absent(text, PIN, " ".join(PIN), PESEL, " ".join(PESEL))
    assert "konsultant" in turns[-2]["text"] and "1 234,56 zł" in text
    assert await queue.caller_token_ok(result.handoff_id, result.caller_token)
    assert not await queue.caller_token_ok(result.handoff_id, "guess")


async def test_publish_takes_the_pesel_beside_the_context(queue):
    from contracts.handoff import CallerIdentity, HandoffContext, TranscriptLine
    from contracts.secrets import Pesel

    context = HandoffContext(identity=CallerIdentity(verified=True, method="pesel+telepin"), intent="refund",
                             topic="pit", transcript=(TranscriptLine("caller", "zwrot"),))
    result = await queue.publish("pit", "caller_asked", context, pesel=Pesel(PESEL), now=OPEN_NOW)
    card = await queue.claim(result.handoff_id, "agent1")
    assert card["caller"]["verified"] is True
    assert_present(card["caller"]["pesel"], PESEL)


async def test_a_withdrawn_handoff_leaves_the_queue_and_no_agent_can_claim_it(queue, context):
    """A failed SIP transfer returns the caller to the bot: their first card must not wait on."""
    position = await queue.last_event_id()
    result = await queue.publish("pit", "needs_human", context, **AGENT_ONLY, now=OPEN_NOW)
    assert await queue.withdraw(result.handoff_id) is True
    assert await queue.waiting(["pit"]) == []
    assert (await queue.info(result.handoff_id)).status == "withdrawn"
    assert await queue.claim(result.handoff_id, "agent1") is None
    _, events = await queue.read_events(position, block_ms=100)
    assert [e["type"] for e in events if e["id"] == result.handoff_id] == ["waiting", "withdrawn"]
    assert await queue.withdraw(result.handoff_id) is False  # once


async def test_a_claimed_handoff_is_not_withdrawn(queue, context):
    result = await queue.publish("pit", "needs_human", context, **AGENT_ONLY, now=OPEN_NOW)
    assert await queue.claim(result.handoff_id, "agent1") is not None
    assert await queue.withdraw(result.handoff_id) is False
    assert (await queue.info(result.handoff_id)).status == "claimed"
