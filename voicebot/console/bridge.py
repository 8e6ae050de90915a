"""The bridge between a caller and the agent who took their handoff, relayed through Redis.

Binary frames are audio: 16-bit little-endian mono PCM at 16 kHz, relayed as they come, dropped while
the other side is not connected (late audio is useless). Text frames are JSON chat messages
``{"type": "chat", "text": "…"}``: kept with the handoff (for the caller's download), and buffered
until the other side connects. The server tells each side when the other joins or leaves
(``{"type": "peer", "side": "agent"|"caller", "connected": bool}``).

Several workers: the caller's socket may be on one worker and the agent's on another (the caller
stays where their call is, the agent's console reaches any worker). Each side's socket subscribes
to its own channel (``keys.bridge_channel``) on its own Redis connection, and whatever is for that
side is published there, also when both sockets happen to be on one worker: one path. So a side is
connected exactly while its channel has a subscriber (``PUBSUB NUMSUB``), and a killed worker's
sides disconnect with its Redis connections. Chat lines for a side that is not connected wait in a
short expiring list (``keys.bridge_pending``), as stored by the handoff queue: redacted as the
agent may read them.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass
from typing import Literal

import redis.asyncio as aioredis
from fastapi import WebSocket
from loguru import logger

from voicebot.cluster import keys
from voicebot.cluster.redis_client import REDIS_DOWN, connect

Side = Literal["caller", "agent"]
OTHER: dict[str, Side] = {"caller": "agent", "agent": "caller"}

# What travels on a side's channel: one kind byte, then the payload.
AUDIO, TEXT, ENDED, REPLACED = b"A", b"T", b"E", b"R"
PENDING_MAX = 100
PENDING_TTL_S = 3600


@dataclass
class LocalSide:
    """A side whose socket is on this worker, and its subscription."""

    ws: WebSocket
    pubsub: aioredis.client.PubSub
    listener: asyncio.Task | None = None


class BridgeHub:
    def __init__(self, redis_url: str) -> None:
        self.redis_url = redis_url
        self._redis = connect(redis_url, binary=True)
        self._listening = connect(redis_url, binary=True, listening=True)
        self._local: dict[tuple[str, str], LocalSide] = {}
        self._lock = asyncio.Lock()

    async def _subscribers(self, handoff_id: str, side: str) -> int:
        channel = keys.bridge_channel(handoff_id, side)
        answer = await self._redis.pubsub_numsub(channel)
        return int(answer[0][1]) if answer else 0

    async def connected(self, handoff_id: str) -> set[str]:
        return {side for side in ("caller", "agent") if await self._subscribers(handoff_id, side)}

    async def _publish(self, handoff_id: str, side: str, kind: bytes, payload: bytes = b"") -> int:
        try:
            return int(await self._redis.publish(keys.bridge_channel(handoff_id, side), kind + payload))
        except REDIS_DOWN:
            return 0

    async def join(self, handoff_id: str, side: Side, ws: WebSocket) -> LocalSide | None:
        """Connect ``ws`` as ``side``; None when the caller's side is taken already.

        The caller's side is authorised by a bearer token only: a second socket with the same token
        must not take over a verified caller's conversation (issue 10, finding 2). It is refused
        (4409) while the caller is connected, on any worker, and the agent is told. The agent's side
        is bound to a signed-in agent holding the claim, so their reconnect replaces their old
        socket, wherever it is.
        """
        async with self._lock:
            here = self._local.get((handoff_id, side))
            if side == "caller" and ((here is not None and here.ws is not ws)
                                     or (here is None and await self._subscribers(handoff_id, "caller"))):
                refused = True
            else:
                refused = False
                if here is not None and here.ws is not ws:
                    await self._drop(handoff_id, side, here)
                    await _close_quietly(here.ws)
                elif side == "agent":
                    await self._publish(handoff_id, side, REPLACED)  # an old socket on another worker
                pubsub = self._listening.pubsub()
                await pubsub.subscribe(keys.bridge_channel(handoff_id, side))
                local = LocalSide(ws, pubsub)
                self._local[(handoff_id, side)] = local
        if refused:
            await _close_quietly(ws, reason="caller already connected")
            await self._publish(handoff_id, "agent", TEXT, json.dumps(
                {"type": "alert", "text": "Odrzucono drugie połączenie po stronie rozmówcy."},
                ensure_ascii=False).encode())
            return None
        pending = keys.bridge_pending(handoff_id, side)
        while (line := await self._redis.lpop(pending)) is not None:
            await ws.send_text(line.decode())
        peer = await self._subscribers(handoff_id, OTHER[side]) > 0
        await ws.send_text(json.dumps({"type": "peer", "side": OTHER[side], "connected": peer}))
        if peer:
            await self._publish(handoff_id, OTHER[side], TEXT,
                                json.dumps({"type": "peer", "side": side, "connected": True}).encode())
        local.listener = asyncio.create_task(self._listen(handoff_id, side, local))
        return local

    async def _listen(self, handoff_id: str, side: str, local: LocalSide) -> None:
        """Deliver what is published for this side to its socket."""
        try:
            while True:
                message = await local.pubsub.get_message(ignore_subscribe_messages=True, timeout=5.0)
                if message is None:
                    continue
                data: bytes = message["data"]
                kind, payload = data[:1], data[1:]
                if kind == AUDIO:
                    with contextlib.suppress(Exception):  # the socket's own loop notices and leaves
                        await local.ws.send_bytes(payload)
                elif kind == TEXT:
                    await _send_text_quietly(local.ws, payload.decode())
                elif kind in (ENDED, REPLACED):
                    # Gone from the hub first: its leave() then tells the peer nothing.
                    if self._local.get((handoff_id, side)) is local:
                        del self._local[(handoff_id, side)]
                    with contextlib.suppress(Exception):
                        await local.pubsub.unsubscribe()
                        await local.pubsub.aclose()
                    if kind == ENDED:
                        await _send_text_quietly(local.ws, json.dumps({"type": "ended"}))
                        with contextlib.suppress(Exception):
                            await local.ws.close(code=1000, reason="completed")
                    else:
                        await _close_quietly(local.ws)
                    return
        except asyncio.CancelledError:
            raise
        except REDIS_DOWN:
            logger.warning("bridge: Redis connection lost; the side is closed")
            await _close_quietly(local.ws, reason="relay lost")

    async def _drop(self, handoff_id: str, side: str, local: LocalSide) -> None:
        self._local.pop((handoff_id, side), None)
        if local.listener is not None and local.listener is not asyncio.current_task():
            local.listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await local.listener
        with contextlib.suppress(Exception):
            await local.pubsub.unsubscribe()
            await local.pubsub.aclose()

    async def leave(self, handoff_id: str, side: Side, ws: WebSocket) -> None:
        async with self._lock:
            local = self._local.get((handoff_id, side))
            if local is None or local.ws is not ws:
                return
            await self._drop(handoff_id, side, local)
        await self._publish(handoff_id, OTHER[side], TEXT,
                            json.dumps({"type": "peer", "side": side, "connected": False}).encode())

    async def end(self, handoff_id: str) -> None:
        """The agent completed the handoff: both sides are told and closed, on whichever worker."""
        for side in ("caller", "agent"):
            await self._publish(handoff_id, side, ENDED)
            with contextlib.suppress(*REDIS_DOWN):
                await self._redis.delete(keys.bridge_pending(handoff_id, side))

    async def relay_audio(self, handoff_id: str, side: Side, frame: bytes) -> None:
        await self._publish(handoff_id, OTHER[side], AUDIO, frame)

    async def relay_text(self, handoff_id: str, side: Side, message: str) -> None:
        peer = OTHER[side]
        if await self._publish(handoff_id, peer, TEXT, message.encode()):
            return
        pending = keys.bridge_pending(handoff_id, peer)
        with contextlib.suppress(*REDIS_DOWN):
            async with self._redis.pipeline(transaction=False) as pipe:
                pipe.rpush(pending, message.encode())
                pipe.ltrim(pending, -PENDING_MAX, -1)
                pipe.expire(pending, PENDING_TTL_S)
                await pipe.execute()

    async def aclose(self) -> None:
        for (handoff_id, side), local in list(self._local.items()):
            await self._drop(handoff_id, side, local)
        await self._redis.aclose()
        await self._listening.aclose()


async def _send_text_quietly(ws: WebSocket, text: str) -> bool:
    try:
        await ws.send_text(text)
        return True
    except Exception:  # noqa: BLE001
        return False


async def _close_quietly(ws: WebSocket, reason: str = "replaced") -> None:
    try:
        await ws.close(code=4409, reason=reason)
    except Exception:  # noqa: BLE001
        pass
