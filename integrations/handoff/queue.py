"""Handoff queues on Redis: publish, claim by exactly one agent, leases, requeue, and a live event feed.

Why sorted sets and not a consumer group: an agent *chooses* a call from the list (or takes the
longest-waiting one), while a consumer group hands out the next entry blindly. The same guarantees
come from Lua scripts (``scripts.py``): a claim is an atomic ``ZREM`` from the waiting set, so exactly
one agent wins; a claim is a lease that the console renews while it is connected, and a lease that
runs out puts the handoff back with its original handoff time, so it keeps its place at the front.
Nothing lives in the process: handoffs survive restarts of the app (and of Redis, when Redis runs
with an append-only file, as docker-compose configures it). When Redis is down, the handoff goes to
the local ``Outbox`` and is delivered when Redis returns; delivery is idempotent on the handoff id.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterable, Literal

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from contracts.handoff import HandoffContext
from contracts.secrets import Pesel
from integrations.handoff import metrics, scripts
from integrations.handoff.card import (Enricher, build_card, enrich_card, known_pesels, public_transcript,
                                      waiting_line)
from integrations.handoff.hours import WARSAW, Schedule, describe_next_opening_pl, is_open, next_opening
from integrations.handoff.outbox import Outbox, OutboxEntry
from polish.redaction import redact_caller_text, redact_turn
from integrations.handoff.topics import QUEUES, normalise_queue

log = logging.getLogger(__name__)

Status = Literal["queued", "outboxed", "closed_hours"]
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)


@dataclass(frozen=True)
class PublishResult:
    handoff_id: str | None
    status: Status
    queue: str
    caller_token: str | None = None  # lets the caller's side download the transcript / join the bridge
    next_opening: datetime | None = None  # when closed_hours
    next_opening_pl: str | None = None  # the same in words, e.g. "w poniedziałek o 8:00"

    @property
    def message_pl(self) -> str:
        """A sentence the dialogue can say as it is."""
        if self.status == "queued":
            return ("Łączę z konsultantem. Przekazałem mu, o co chodzi, więc nie trzeba będzie niczego powtarzać. "
                    "Proszę pozostać na linii.")
        if self.status == "outboxed":
            return ("Przekazuję sprawę konsultantowi. Z powodu chwilowych trudności technicznych może to potrwać "
                    "nieco dłużej, ale zgłoszenie jest zapisane i nie przepadnie. Proszę pozostać na linii.")
        opening = f" Najbliżej będą dostępni {self.next_opening_pl}." if self.next_opening_pl else ""
        return ("Konsultanci pracują od poniedziałku do piątku w godzinach od 8 do 16." + opening +
                " Mogę przyjąć prośbę o oddzwonienie albo zapraszam do e-Urzędu Skarbowego na podatki.gov.pl.")


@dataclass(frozen=True)
class HandoffInfo:
    """What the telephony side may know about a handoff: no personal data."""

    handoff_id: str
    queue: str
    status: str  # waiting | claimed | completed
    agent: str | None
    created_at: float
    claimed_at: float | None


class HandoffQueue:
    def __init__(
        self,
        redis_url: str,
        *,
        outbox_dir: Path | str | None = None,
        enrich: Enricher | None = None,
        schedules: dict[str, Schedule] | None = None,
        lease_s: float = 30.0,
        prefix: str = "kas:handoff",
        retention_s: int = 7 * 24 * 3600,
        events_maxlen: int = 10_000,
        redis_timeout_s: float = 1.0,
        completed_transcript_s: float = 600.0,
    ) -> None:
        self.redis_url = redis_url
        # How long the caller's token still opens the download after the agent completed the
        # handoff (the bridge closes at completion).
        self.completed_transcript_s = completed_transcript_s
        self.enrich = enrich
        self.schedules = schedules
        self.lease_s = lease_s
        self.prefix = prefix
        self.retention_s = retention_s
        self.events_maxlen = events_maxlen
        self.outbox = Outbox(Path(outbox_dir)) if outbox_dir is not None else None
        self._redis = aioredis.from_url(
            redis_url, decode_responses=True, socket_timeout=redis_timeout_s + 4.0,
            socket_connect_timeout=redis_timeout_s, retry=Retry(ExponentialBackoff(cap=0.2, base=0.02), 1),
            health_check_interval=15,
        )
        self._scripts = {name: self._redis.register_script(getattr(scripts, name))
                         for name in ("PUBLISH", "CLAIM", "RENEW", "RELEASE", "COMPLETE", "WITHDRAW", "EXPIRED")}

    # -- keys -------------------------------------------------------------------------------------
    def _h(self, handoff_id: str) -> str:
        return f"{self.prefix}:h:{handoff_id}"

    def _w(self, queue: str) -> str:
        return f"{self.prefix}:w:{queue}"

    @property
    def events_key(self) -> str:
        return f"{self.prefix}:events"

    # -- publishing -------------------------------------------------------------------------------
    async def publish(self, queue: str, reason: str, context: HandoffContext, *, pesel: Pesel | str | None = None,
                      said: tuple[str, ...] = (), now: datetime | None = None,
                      respect_hours: bool = True) -> PublishResult:
        """Put a caller in a topical queue; never raises because Redis is down (the outbox takes it).

        Call it with a dialogue action as ``publish(a.queue, a.reason, a.context, pesel=a.pesel, said=a.said)``.
        ``respect_hours=False`` queues even when closed (e.g. a callback request the caller asked for).
        """
        queue = normalise_queue(queue)
        now_dt = now or datetime.now(WARSAW)
        if respect_hours and not is_open(queue, now_dt, self.schedules):
            metrics.record_handoff(queue, reason, "closed_hours")
            return PublishResult(None, "closed_hours", queue, next_opening=next_opening(queue, now_dt, self.schedules),
                                 next_opening_pl=describe_next_opening_pl(queue, now_dt, self.schedules))
        handoff_id = uuid.uuid4().hex
        caller_token = secrets.token_urlsafe(24)
        created_at = time.time()
        card = build_card(context, handoff_id=handoff_id, queue=queue, reason=reason, created_at=created_at,
                          pesel=pesel, said=said)
        card = await enrich_card(card, self.enrich)
        entry = OutboxEntry(handoff_id, queue, card, created_at, caller_token)
        try:
            await self.flush_outbox()  # older handoffs first, so callers keep their order
            await self._deliver(entry)
            status: Status = "queued"
        except REDIS_DOWN as exc:
            if self.outbox is None:
                raise
            log.warning("Redis unavailable (%s): handoff kept in the local outbox", type(exc).__name__)
            self.outbox.add(entry)
            status = "outboxed"
        metrics.record_handoff(queue, reason, status)
        return PublishResult(handoff_id, status, queue, caller_token=caller_token)

    async def _deliver(self, entry: OutboxEntry) -> bool:
        created = await self._scripts["PUBLISH"](args=[
            self.prefix, entry.handoff_id, entry.queue, json.dumps(entry.card, ensure_ascii=False),
            repr(entry.created_at), entry.caller_token, self.events_maxlen])
        return bool(created)

    async def flush_outbox(self) -> int:
        """Deliver what waited in the outbox; returns how many were delivered. Raises if Redis is down."""
        if self.outbox is None:
            return 0
        delivered = 0
        for entry in self.outbox.pending():
            await self._deliver(entry)  # idempotent: a duplicate is ignored by the script
            self.outbox.remove(entry.handoff_id)
            metrics.OUTBOX_FLUSHED.inc()
            delivered += 1
        return delivered

    # -- agents -----------------------------------------------------------------------------------
    async def waiting(self, queues: Iterable[str] = QUEUES) -> list[dict]:
        """Waiting handoffs in the given queues, longest-waiting first (no full PESEL, no transcript)."""
        ids: list[tuple[float, str]] = []
        for queue in {normalise_queue(q) for q in queues}:
            for handoff_id, score in await self._redis.zrange(self._w(queue), 0, -1, withscores=True):
                ids.append((score, handoff_id))
        ids.sort()
        if not ids:
            return []
        pipe = self._redis.pipeline(transaction=False)
        for _, handoff_id in ids:
            pipe.hget(self._h(handoff_id), "card")
        cards = await pipe.execute()
        now = time.time()
        return [waiting_line(json.loads(card), now) for card in cards if card]

    async def waiting_line(self, handoff_id: str) -> dict | None:
        card = await self._redis.hget(self._h(handoff_id), "card")
        return waiting_line(json.loads(card)) if card else None

    async def claim(self, handoff_id: str, agent: str) -> dict | None:
        """The full card if this agent got it; ``None`` if someone else did (or it is gone)."""
        result = await self._scripts["CLAIM"](args=[self.prefix, handoff_id, agent, self.lease_s, self.events_maxlen])
        if result[0] != "ok":
            return None
        card = json.loads(result[1])
        created_at, claimed_at = float(result[2]), float(result[3])
        card["claimed_by"] = agent
        card["claimed_at"] = claimed_at
        card["waited_s"] = max(0.0, claimed_at - created_at)
        metrics.record_wait(card["queue"], card["waited_s"])
        return card

    async def claim_next(self, queues: Iterable[str], agent: str) -> dict | None:
        """The longest-waiting handoff in the agent's queues, if any."""
        for line in await self.waiting(queues):
            card = await self.claim(line["handoff_id"], agent)
            if card is not None:
                return card
        return None

    async def renew(self, handoff_id: str, agent: str) -> bool:
        """Keep the claim alive (the console calls this while connected)."""
        return bool(await self._scripts["RENEW"](args=[self.prefix, handoff_id, agent, self.lease_s]))

    async def release(self, handoff_id: str, agent: str) -> bool:
        """Put a claimed handoff back in its queue, at its original place."""
        queue = await self._scripts["RELEASE"](args=[self.prefix, handoff_id, agent, "released", self.events_maxlen])
        if queue:
            metrics.record_requeue(queue, "released")
        return bool(queue)

    async def complete(self, handoff_id: str, agent: str) -> bool:
        return bool(await self._scripts["COMPLETE"](
            args=[self.prefix, handoff_id, agent, self.retention_s, self.events_maxlen]))

    async def withdraw(self, handoff_id: str) -> bool:
        """Take a waiting handoff out of its queue: the caller stayed with the bot (a transfer that
        failed), so no agent should pick the card up. The consoles drop it (event ``withdrawn``).
        False when it is not waiting (an agent claimed it already: it stays theirs)."""
        try:
            return bool(await self._scripts["WITHDRAW"](
                args=[self.prefix, handoff_id, self.retention_s, self.events_maxlen]))
        except REDIS_DOWN:
            if self.outbox is not None and self.outbox.remove(handoff_id):
                return True
            raise

    async def requeue_expired(self) -> list[str]:
        """Claims whose console stopped renewing go back to the queue; returns their ids."""
        requeued = []
        for handoff_id in await self._scripts["EXPIRED"](keys=[f"{self.prefix}:leases"]):
            queue = await self._scripts["RELEASE"](args=[self.prefix, handoff_id, "", "timeout", self.events_maxlen])
            if queue:
                metrics.record_requeue(queue, "timeout")
                requeued.append(handoff_id)
        return requeued

    # -- reading ----------------------------------------------------------------------------------
    async def info(self, handoff_id: str) -> HandoffInfo | None:
        fields = await self._redis.hmget(self._h(handoff_id), "queue", "status", "agent", "created_at", "claimed_at")
        if fields[0] is None:
            return None
        return HandoffInfo(handoff_id, fields[0], fields[1], fields[2], float(fields[3]),
                           float(fields[4]) if fields[4] else None)

    async def card(self, handoff_id: str) -> dict | None:
        card = await self._redis.hget(self._h(handoff_id), "card")
        return json.loads(card) if card else None

    async def caller_token_ok(self, handoff_id: str, token: str | None, *, bridge: bool = False) -> bool:
        """The caller's token opens their bridge until the agent completes the handoff, and their
        download for ``completed_transcript_s`` more; after that it opens nothing."""
        expected, status, completed_at = await self._redis.hmget(
            self._h(handoff_id), "caller_token", "status", "completed_at")
        if not expected or not secrets.compare_digest(expected.encode(), (token or "").encode()):
            return False
        if status != "completed":
            return True
        if bridge or not completed_at:
            return False
        return time.time() - float(completed_at) <= self.completed_transcript_s

    async def append_chat(self, handoff_id: str, role: str, text: str) -> str:
        """The chat after the handoff, kept with the handoff so the caller can download all of it.
        What the caller typed is stored (and returned, to relay) as the agent may read it: a telePIN
        or any long number other than the caller's own PESEL is hidden here, whoever calls this."""
        if role == "caller":
            text = redact_caller_text(text, known_pesels(await self.card(handoff_id) or {"caller": {}}), "agent")
        await self._redis.rpush(f"{self.prefix}:chat:{handoff_id}",
                                json.dumps({"role": role, "text": text, "t": time.time()}, ensure_ascii=False))
        return text

    async def chat(self, handoff_id: str) -> list[dict]:
        return [json.loads(m) for m in await self._redis.lrange(f"{self.prefix}:chat:{handoff_id}", 0, -1)]

    async def public_transcript(self, handoff_id: str) -> list[dict] | None:
        """The whole conversation (bot, then agent chat) as the caller may have it: no secrets."""
        card = await self.card(handoff_id)
        if card is None:
            return None
        turns = public_transcript(card)
        turns += [redact_turn(m, known_pesels(card), "public") for m in await self.chat(handoff_id)]
        return turns

    # -- live feed --------------------------------------------------------------------------------
    async def last_event_id(self) -> str:
        last = await self._redis.xrevrange(self.events_key, count=1)
        return last[0][0] if last else "0-0"

    async def read_events(self, after_id: str, block_ms: int = 1000) -> tuple[str, list[dict]]:
        """Events after ``after_id`` (waits up to ``block_ms``); returns the new position and the events."""
        answer = await self._redis.xread({self.events_key: after_id}, block=block_ms, count=100)
        events = []
        for _stream, entries in answer or []:
            for entry_id, fields in entries:
                after_id = entry_id
                events.append({"event_id": entry_id, **fields})
        return after_id, events

    # -- upkeep -----------------------------------------------------------------------------------
    async def maintain_once(self) -> None:
        await self.flush_outbox()
        await self.requeue_expired()

    async def run_maintenance(self, interval_s: float = 1.0) -> None:
        """Background task for the app: flush the outbox when Redis is back, requeue lapsed claims."""
        while True:
            try:
                await self.maintain_once()
            except REDIS_DOWN:
                pass  # the outbox keeps everything; try again next round
            except Exception:  # noqa: BLE001 - upkeep must not die on one bad round
                log.exception("handoff upkeep failed")
            await asyncio.sleep(interval_s)

    async def ping(self) -> bool:
        try:
            return bool(await self._redis.ping())
        except REDIS_DOWN:
            return False

    async def aclose(self) -> None:
        await self._redis.aclose()
        if self.outbox is not None:
            self.outbox.close()
