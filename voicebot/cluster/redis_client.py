"""Connections to the shared Redis, configured once (timeouts, one quick retry)."""

from __future__ import annotations

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)


def connect(url: str, *, binary: bool = False, timeout_s: float = 2.0, listening: bool = False) -> aioredis.Redis:
    """``binary``: values stay bytes (the bridge's audio frames). ``listening``: for pub/sub
    subscribers, whose reads wait as long as the channel is quiet (no read timeout)."""
    return aioredis.from_url(url, decode_responses=not binary, socket_connect_timeout=timeout_s,
                             socket_timeout=None if listening else timeout_s + 4.0, health_check_interval=15,
                             retry=Retry(ExponentialBackoff(cap=0.2, base=0.02), 1))
