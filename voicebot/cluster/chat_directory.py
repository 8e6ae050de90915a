"""Which worker holds which chat, and how many chats each client address has open, in Redis.

Only ids and digests: the worker's id, the client address's digest, whether the chat has ended.
The conversation itself stays with its worker (``voicebot.cluster.chat_relay``). The open-chats
limit per client address is counted here, so a client cannot open twenty chats on each worker.
"""

from __future__ import annotations

import redis.asyncio as aioredis

from voicebot.cluster import keys


class ChatDirectory:
    def __init__(self, redis: aioredis.Redis, worker_id: str, idle_s: float) -> None:
        self.redis = redis
        self.worker_id = worker_id
        # An entry outlives the chat's idle limit a while, so a late message hears "ended".
        self.ttl_s = int(idle_s) + 600

    async def open_chats(self, client: str) -> int:
        """Open chats of ``client`` on every live worker (ended, expired and orphaned ones forgotten)."""
        members = await self.redis.smembers(keys.chat_client(client))
        count = 0
        for session_id in members:
            worker, ended = await self.redis.hmget(keys.chat_session(session_id), "worker", "ended")
            if worker and not ended and await self.redis.exists(keys.worker_alive(worker)):
                count += 1
            else:
                await self.redis.srem(keys.chat_client(client), session_id)
        return count

    async def opened(self, session_id: str, client: str, token: str) -> None:
        """``token``: the chat's credential, kept as its digest (a chat whose worker died tells only its
        own caller so; anyone else hears "no such chat")."""
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(keys.chat_session(session_id), mapping={"worker": self.worker_id, "client": keys.digest(client),
                                                              "token": keys.digest(token)})
            pipe.expire(keys.chat_session(session_id), self.ttl_s)
            pipe.sadd(keys.chat_client(client), session_id)
            pipe.expire(keys.chat_client(client), self.ttl_s)
            await pipe.execute()

    async def touched(self, session_id: str) -> None:
        await self.redis.expire(keys.chat_session(session_id), self.ttl_s)

    async def ended(self, session_id: str, client: str) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(keys.chat_session(session_id), "ended", "1")
            pipe.srem(keys.chat_client(client), session_id)
            await pipe.execute()

    async def forgotten(self, session_id: str) -> None:
        await self.redis.delete(keys.chat_session(session_id))

    async def holder(self, session_id: str) -> tuple[str | None, bool, str | None]:
        """(the worker holding the chat or None when unknown, whether that worker is alive, the
        digest of the chat's token)."""
        worker, token = await self.redis.hmget(keys.chat_session(session_id), "worker", "token")
        if worker is None:
            return None, False, None
        return worker, bool(await self.redis.exists(keys.worker_alive(worker))), token
