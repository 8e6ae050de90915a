"""The console's live feed: a snapshot of the watched queues, then every change as it happens."""

from __future__ import annotations

import asyncio
import json
import time

from fastapi import WebSocket

from integrations.handoff.queue import REDIS_DOWN, HandoffQueue
from integrations.handoff.topics import QUEUES


def queue_list(queues: str | list[str]) -> list[str]:
    """The known queues among ``queues`` (comma-separated or a list), in the given order."""
    items = queues.split(",") if isinstance(queues, str) else queues
    return [q for q in (i.strip().lower() for i in items) if q in QUEUES]


async def read_console(ws: WebSocket, watch: dict) -> None:
    """Messages from the console: ``{"type": "queues", "queues": [...]}``, ``{"type": "hold"|"drop", "handoff_id"}``."""
    while True:
        try:
            message = json.loads(await ws.receive_text())
        except ValueError:
            continue
        if not isinstance(message, dict):
            continue
        kind = message.get("type")
        if kind == "queues":
            watch["queues"] = set(queue_list(message.get("queues") or []))
            watch["resync"] = True
        elif kind == "hold" and message.get("handoff_id"):
            watch["held"].add(str(message["handoff_id"]))
        elif kind == "drop":
            watch["held"].discard(str(message.get("handoff_id")))


async def feed_console(ws: WebSocket, queue: HandoffQueue, agent: str, watch: dict, reader: asyncio.Task) -> None:
    """Snapshot, then every change in the watched queues, as it happens (``XREAD BLOCK``)."""
    position = "0-0"
    redis_up = True
    renewed_at = 0.0
    while not reader.done():
        try:
            if watch["resync"]:
                watch["resync"] = False
                position = await queue.last_event_id()
                items = await queue.waiting(watch["queues"])
                await ws.send_json({"type": "snapshot", "items": items, "redis": "up"})
            if time.monotonic() - renewed_at > queue.lease_s / 3:
                renewed_at = time.monotonic()
                for handoff_id in list(watch["held"]):
                    if not await queue.renew(handoff_id, agent):
                        watch["held"].discard(handoff_id)
                        await ws.send_json({"type": "lost", "handoff_id": handoff_id})
            position, events = await queue.read_events(position, block_ms=min(1000, int(queue.lease_s * 250)))
            if not redis_up:
                redis_up = True
                watch["resync"] = True
                continue
            for event in events:
                if event.get("queue") not in watch["queues"]:
                    continue
                if event["type"] == "waiting":
                    line = await queue.waiting_line(event["id"])
                    info = await queue.info(event["id"])
                    if line is not None and info is not None and info.status == "waiting":
                        await ws.send_json({"type": "waiting", "item": line})
                else:
                    await ws.send_json({"type": "gone", "handoff_id": event["id"], "why": event["type"]})
        except REDIS_DOWN:
            if redis_up:
                redis_up = False
                await ws.send_json({"type": "status", "redis": "down"})
            await asyncio.sleep(0.5)
    reader.result()  # re-raise the disconnect
