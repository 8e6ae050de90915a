"""Requests for a chat held by another worker, relayed to it over Redis pub/sub.

A chat's conversation (the dialogue state, with the PESEL in hand and keys typed so far) stays in
the memory of the worker that opened it, exactly as on one worker: nothing of it is written to
Redis. Redis knows which worker holds it (``voicebot.chat_directory``); a request that reaches
another worker is published on the holder's channel (``keys.worker_channel``) and answered on a
channel of its own (``keys.chat_reply_channel``). Pub/sub stores nothing: a message text or a key
typed crosses Redis once and is not kept. When no worker listens on the holder's channel (it died),
the request is told so at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from loguru import logger

from voicebot.cluster import keys
from voicebot.cluster.redis_client import REDIS_DOWN, connect


@dataclass(frozen=True)
class RelayedRequest:
    op: str  # "message" | "history"
    session_id: str
    token: str | None = field(repr=False)
    body: dict[str, Any] | None = field(default=None, repr=False)  # may hold keys typed: never printed


@dataclass(frozen=True)
class RelayedAnswer:
    status: int
    body: Any = field(repr=False)
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[RelayedRequest], Awaitable[RelayedAnswer]]


class ChatRelay:
    def __init__(self, redis_url: str, worker_id: str, handler: Handler, *, timeout_s: float = 30.0) -> None:
        self.worker_id = worker_id
        self.handler = handler
        self.timeout_s = timeout_s
        self.redis = connect(redis_url)
        self._listening = connect(redis_url, listening=True)
        self._task: asyncio.Task | None = None
        self._answering: set[asyncio.Task] = set()

    async def ask(self, worker: str, request: RelayedRequest) -> RelayedAnswer | None:
        """The holder's answer; None when the holder does not listen (gone) or does not answer."""
        request_id = secrets.token_hex(16)
        pubsub = self._listening.pubsub()
        try:
            await pubsub.subscribe(keys.chat_reply_channel(request_id))
            payload = json.dumps({"id": request_id, "op": request.op, "session_id": request.session_id,
                                  "token": request.token, "body": request.body}, ensure_ascii=False)
            if not await self.redis.publish(keys.worker_channel(worker), payload):
                return None
            deadline = time.monotonic() + self.timeout_s
            while time.monotonic() < deadline:
                message = await pubsub.get_message(ignore_subscribe_messages=True,
                                                   timeout=max(0.01, deadline - time.monotonic()))
                if message is not None:
                    answer = json.loads(message["data"])
                    return RelayedAnswer(answer["status"], answer["body"], answer.get("headers") or {})
            return None
        finally:
            with contextlib.suppress(Exception):
                await pubsub.unsubscribe()
                await pubsub.aclose()

    async def _serve(self) -> None:
        while True:
            try:
                pubsub = self._listening.pubsub()
                await pubsub.subscribe(keys.worker_channel(self.worker_id))
                while True:
                    message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=5.0)
                    if message is not None:
                        task = asyncio.create_task(self._answer(json.loads(message["data"])))
                        self._answering.add(task)
                        task.add_done_callback(self._answering.discard)
            except asyncio.CancelledError:
                raise
            except REDIS_DOWN:
                await asyncio.sleep(0.5)  # subscribe again when Redis is back
            except Exception:  # noqa: BLE001 - the relay must outlive one bad message
                logger.exception("chat relay failed")
                await asyncio.sleep(0.5)

    async def _answer(self, raw: dict) -> None:
        request = RelayedRequest(str(raw.get("op")), str(raw.get("session_id")), raw.get("token"), raw.get("body"))
        try:
            answer = await self.handler(request)
        except Exception:  # noqa: BLE001
            logger.exception("relayed chat request failed")
            answer = RelayedAnswer(500, {"detail": "Wystąpił błąd. Spróbuj ponownie."})
        with contextlib.suppress(*REDIS_DOWN):
            await self.redis.publish(keys.chat_reply_channel(str(raw.get("id"))), json.dumps(
                {"status": answer.status, "body": answer.body, "headers": answer.headers}, ensure_ascii=False))

    def start(self) -> None:
        self._task = asyncio.create_task(self._serve())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        for task in list(self._answering):
            task.cancel()
        await self.redis.aclose()
        await self._listening.aclose()
