"""Console sign-in under attack: failed attempts are limited, and password checks cannot starve speech.

Each check is an Argon2id verification (64 MiB, about 0.1 s of a core). Run on the default thread
pool, 60 concurrent bad logins queued ahead of speech recognition and synthesis and delayed a
caller's greeting from 0.14 s to 5.9 s. Here:

- after ``failures_allowed`` failed attempts within ``window_s`` for a login *or* from a client
  address, further attempts are refused (429) without any hashing, until the window has passed;
  the failures are counted in Redis, so every worker refuses once the limit is reached through any
  of them (keys name the login and the address by their digest);
- checks run on their own small thread pool, at most ``checks_at_once`` at a time, with a short
  queue behind them; an attempt that finds the queue full is refused at once (429).
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

import redis.asyncio as aioredis

from voicebot.cluster import keys
from voicebot.cluster.redis_client import REDIS_DOWN

# Attempts allowed to wait behind the running checks, per running check.
QUEUE_PER_CHECK = 2


class LoginGuard:
    def __init__(self, redis: aioredis.Redis, failures_allowed: int = 5, window_s: float = 900.0,
                 checks_at_once: int = 2) -> None:
        self.redis = redis
        self.failures_allowed = failures_allowed
        self.window_s = window_s
        self.checks_at_once = max(1, checks_at_once)
        self._lock = threading.Lock()
        self._in_flight = 0
        self._executor = ThreadPoolExecutor(max_workers=self.checks_at_once, thread_name_prefix="login-check")

    @staticmethod
    def _keys(login: str, address: str | None) -> tuple[str, str]:
        return keys.login_failures("login", login), keys.login_failures("addr", address or "unknown")

    async def retry_after(self, login: str, address: str | None) -> int | None:
        """Seconds until an attempt is accepted again, or None when it may be tried now.
        With Redis down nobody can sign in anyway (sessions live there): no limit is applied."""
        now = time.time()
        waits = []
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                for key in self._keys(login, address):
                    pipe.zremrangebyscore(key, "-inf", now - self.window_s)
                    pipe.zrange(key, 0, 0, withscores=True)
                    pipe.zcard(key)
                answers = await pipe.execute()
        except REDIS_DOWN:
            return None
        for oldest, count in ((answers[1], answers[2]), (answers[4], answers[5])):
            if count >= self.failures_allowed and oldest:
                waits.append(int(self.window_s - (now - oldest[0][1])) + 1)
        return max(waits) if waits else None

    async def failed(self, login: str, address: str | None) -> None:
        now = time.time()
        async with self.redis.pipeline(transaction=False) as pipe:
            for key in self._keys(login, address):
                pipe.zadd(key, {f"{now}:{uuid.uuid4().hex[:8]}": now})
                pipe.expire(key, int(self.window_s) + 1)
            try:
                await pipe.execute()
            except REDIS_DOWN:
                pass

    async def succeeded(self, login: str) -> None:
        try:
            await self.redis.delete(keys.login_failures("login", login))
        except REDIS_DOWN:
            pass

    async def check(self, verify: Callable[..., bool], *args) -> bool | None:
        """``verify(*args)`` on the guard's own threads; None when too many checks are waiting."""
        with self._lock:
            if self._in_flight >= self.checks_at_once * (1 + QUEUE_PER_CHECK):
                return None
            self._in_flight += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, verify, *args)
        finally:
            with self._lock:
                self._in_flight -= 1

    def close(self) -> None:
        self._executor.shutdown(wait=False)
