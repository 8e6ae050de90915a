"""The bridge between a caller and the agent who took their handoff, relayed through this server.

Binary frames are audio: 16-bit little-endian mono PCM at 16 kHz, relayed as they come, dropped while
the other side is not connected (late audio is useless). Text frames are JSON chat messages
``{"type": "chat", "text": "…"}``: kept with the handoff (for the caller's download), and buffered
until the other side connects. The server tells each side when the other joins or leaves
(``{"type": "peer", "side": "agent"|"caller", "connected": bool}``).

One process holds both sockets of a bridge; with several app workers, route by handoff id.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from dataclasses import dataclass, field
from typing import Literal

from fastapi import WebSocket

Side = Literal["caller", "agent"]
OTHER: dict[str, Side] = {"caller": "agent", "agent": "caller"}


@dataclass
class Bridge:
    sockets: dict[str, WebSocket] = field(default_factory=dict)
    pending: dict[str, deque] = field(default_factory=lambda: {"caller": deque(maxlen=100), "agent": deque(maxlen=100)})


class BridgeHub:
    def __init__(self) -> None:
        self._bridges: dict[str, Bridge] = {}
        self._lock = asyncio.Lock()

    def connected(self, handoff_id: str) -> set[str]:
        bridge = self._bridges.get(handoff_id)
        return set(bridge.sockets) if bridge else set()

    async def join(self, handoff_id: str, side: Side, ws: WebSocket) -> Bridge | None:
        """Connect ``ws`` as ``side``; None when the caller's side is taken already.

        The caller's side is authorised by a bearer token only: a second socket with the same token
        must not take over a verified caller's conversation (issue 10, finding 2). It is refused
        (4409) while the caller is connected, and the agent is told. The agent's side is bound to a
        signed-in agent holding the claim, so their reconnect replaces their old socket.
        """
        async with self._lock:
            bridge = self._bridges.setdefault(handoff_id, Bridge())
            old = bridge.sockets.get(side)
            if side == "caller" and old is not None and old is not ws:
                agent = bridge.sockets.get("agent")
                refused = True
            else:
                bridge.sockets[side] = ws
                refused = False
        if refused:
            await _close_quietly(ws, reason="caller already connected")
            if agent is not None:
                await _send_text_quietly(agent, json.dumps(
                    {"type": "alert", "text": "Odrzucono drugie połączenie po stronie rozmówcy."}, ensure_ascii=False))
            return None
        if old is not None and old is not ws:  # the agent reconnected: their old socket goes
            await _close_quietly(old)
        while bridge.pending[side]:
            await ws.send_text(bridge.pending[side].popleft())
        peer = bridge.sockets.get(OTHER[side])
        await ws.send_text(json.dumps({"type": "peer", "side": OTHER[side], "connected": peer is not None}))
        if peer is not None:
            await _send_text_quietly(peer, json.dumps({"type": "peer", "side": side, "connected": True}))
        return bridge

    async def leave(self, handoff_id: str, side: Side, ws: WebSocket) -> None:
        async with self._lock:
            bridge = self._bridges.get(handoff_id)
            if bridge is None or bridge.sockets.get(side) is not ws:
                return
            del bridge.sockets[side]
            peer = bridge.sockets.get(OTHER[side])
            if not bridge.sockets and not any(bridge.pending.values()):
                del self._bridges[handoff_id]
        if peer is not None:
            await _send_text_quietly(peer, json.dumps({"type": "peer", "side": side, "connected": False}))

    async def end(self, handoff_id: str) -> None:
        """The agent completed the handoff: both sides are told and closed."""
        async with self._lock:
            bridge = self._bridges.pop(handoff_id, None)
        for ws in (bridge.sockets.values() if bridge else ()):
            await _send_text_quietly(ws, json.dumps({"type": "ended"}))
            try:
                await ws.close(code=1000, reason="completed")
            except Exception:  # noqa: BLE001
                pass

    async def relay_audio(self, handoff_id: str, side: Side, frame: bytes) -> None:
        bridge = self._bridges.get(handoff_id)
        peer = bridge.sockets.get(OTHER[side]) if bridge else None
        if peer is not None:
            try:
                await peer.send_bytes(frame)
            except Exception:  # noqa: BLE001 - the peer's own loop notices and leaves
                pass

    async def relay_text(self, handoff_id: str, side: Side, message: str) -> None:
        bridge = self._bridges.get(handoff_id)
        if bridge is None:
            return
        peer = bridge.sockets.get(OTHER[side])
        if peer is None or not await _send_text_quietly(peer, message):
            bridge.pending[OTHER[side]].append(message)


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
