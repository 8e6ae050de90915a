"""Server-side sessions: the cookie holds a random token, Redis maps its digest to the agent.

Revocable (logout ends it at once) and nothing to forge. Kept in Redis so that every worker knows
every signed-in agent: an agent signed in through one worker is served by any other, and a restart
of a worker signs nobody out. The key is the token's digest (``voicebot.cluster.keys``): reading
Redis does not give anyone a session.
"""

from __future__ import annotations

import secrets

import redis.asyncio as aioredis

from voicebot.cluster import keys
from voicebot.cluster.redis_client import REDIS_DOWN

COOKIE_NAME = "kas_console_session"


class SessionStore:
    def __init__(self, redis: aioredis.Redis, lifetime_s: float = 8 * 3600) -> None:
        self.redis = redis
        self.lifetime_s = lifetime_s

    async def create(self, login: str) -> str:
        token = secrets.token_urlsafe(32)
        await self.redis.set(keys.console_session(token), login, ex=int(self.lifetime_s))
        return token

    async def agent(self, token: str | None) -> str | None:
        """The signed-in agent, or None (also while Redis is down: the console asks to sign in)."""
        if not token:
            return None
        try:
            return await self.redis.get(keys.console_session(token))
        except REDIS_DOWN:
            return None

    async def end(self, token: str | None) -> None:
        if token:
            await self.redis.delete(keys.console_session(token))
