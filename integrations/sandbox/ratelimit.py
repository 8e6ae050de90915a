"""Sliding-window rate limits for verify attempts, per caller number and per PESEL.

Kept in the sandbox process (one uvicorn worker): enough to show the behaviour the real identity
service must have. The key is a hash, so the limiter's memory holds no PESEL.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import defaultdict, deque


class SlidingWindowLimiter:
    def __init__(self, limit: int, window_s: float) -> None:
        self.limit = limit
        self.window_s = window_s
        self._hits: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, key: str) -> tuple[bool, int]:
        """Count one attempt for ``key``; (allowed, seconds until the next attempt would be allowed)."""
        digest = hashlib.sha256(key.encode()).hexdigest()
        now = time.monotonic()
        with self._lock:
            hits = self._hits[digest]
            while hits and now - hits[0] >= self.window_s:
                hits.popleft()
            if len(hits) >= self.limit:
                return False, max(1, int(self.window_s - (now - hits[0])) + 1)
            hits.append(now)
            return True, 0
