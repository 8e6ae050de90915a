"""A worker's presence: its heartbeat, the calls it holds, and closing a dead worker's records.

A call stays on the worker that holds its media; when that worker dies (killed, out of memory)
nobody writes the end of its calls' records. Each worker therefore keeps in Redis a heartbeat key
that expires (``keys.worker_alive``) and the ids of its open call records (``keys.worker_calls``).
Every worker looks, at each beat, for announced workers whose heartbeat has lapsed; the one whose
``SREM`` from ``keys.WORKERS`` succeeds (exactly one) writes ``call_ended`` (reason
``worker lost``) into each of the dead worker's open records. That needs the call records on a
folder every worker shares (docker-compose: one volume). Handoffs need nothing: they are in Redis,
and a claim held by an agent whose console went with the worker lapses and returns to the queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import socket
from pathlib import Path

from loguru import logger

from voicebot.call_record import OPEN_RECORDS, close_orphaned_record
from voicebot.cluster import keys
from voicebot.cluster.redis_client import REDIS_DOWN, connect

WORKER_STOPPED = "worker stopped"


def new_worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"


class WorkerPresence:
    def __init__(self, redis_url: str, calls_dir: Path, worker_id: str | None = None, *,
                 beat_s: float = 1.0, lapse_s: float = 6.0) -> None:
        self.worker_id = worker_id or new_worker_id()
        self.calls_dir = calls_dir
        self.beat_s = beat_s
        self.lapse_s = lapse_s
        self.redis = connect(redis_url)
        self._announced: set[str] | None = None
        self._task: asyncio.Task | None = None

    async def beat(self) -> None:
        """Refresh the heartbeat and the list of open calls; close the records of lapsed workers."""
        calls = set(OPEN_RECORDS)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.sadd(keys.WORKERS, self.worker_id)
            pipe.set(keys.worker_alive(self.worker_id), "1", px=int(self.lapse_s * 1000))
            if calls != self._announced:
                pipe.delete(keys.worker_calls(self.worker_id))
                if calls:
                    pipe.sadd(keys.worker_calls(self.worker_id), *calls)
            await pipe.execute()
        self._announced = calls
        await self.reap()

    async def reap(self) -> list[str]:
        """Close the open records of every worker whose heartbeat lapsed; returns their call ids."""
        closed: list[str] = []
        for worker in await self.redis.smembers(keys.WORKERS):
            if worker == self.worker_id or await self.redis.exists(keys.worker_alive(worker)):
                continue
            if not await self.redis.srem(keys.WORKERS, worker):
                continue  # another worker took it
            calls = await self.redis.smembers(keys.worker_calls(worker))
            for call_id in calls:
                if await asyncio.to_thread(close_orphaned_record, self.calls_dir, call_id):
                    closed.append(call_id)
            await self.redis.delete(keys.worker_calls(worker))
            logger.warning(f"worker {worker} lost: {len(calls)} open calls, {len(closed)} records closed here")
        return closed

    async def run(self) -> None:
        while True:
            try:
                await self.beat()
            except REDIS_DOWN:
                pass  # the heartbeat resumes with Redis; nobody reaps meanwhile either
            except Exception:  # noqa: BLE001 - the heartbeat must not die on one bad round
                logger.exception("worker heartbeat failed")
            await asyncio.sleep(self.beat_s)

    def start(self) -> None:
        self._task = asyncio.create_task(self.run())

    async def stop(self) -> None:
        """A clean stop: the calls' own pipelines have closed their records by now; one that has
        not (a chat left open) is closed here, as nobody else will."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        for call_id in list(OPEN_RECORDS):
            await asyncio.to_thread(close_orphaned_record, self.calls_dir, call_id, WORKER_STOPPED)
        with contextlib.suppress(*REDIS_DOWN):
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.srem(keys.WORKERS, self.worker_id)
                pipe.delete(keys.worker_alive(self.worker_id), keys.worker_calls(self.worker_id))
                await pipe.execute()
        await self.redis.aclose()
