"""Console sign-in under attack: failed attempts are limited, and password checks cannot starve speech.

Each check is an Argon2id verification (64 MiB, about 0.1 s of a core). Run on the default thread
pool, 60 concurrent bad logins queued ahead of speech recognition and synthesis and delayed a
caller's greeting from 0.14 s to 5.9 s. Here:

- after ``failures_allowed`` failed attempts within ``window_s`` for a login *or* from a client
  address, further attempts are refused (429) without any hashing, until the window has passed;
- checks run on their own small thread pool, at most ``checks_at_once`` at a time, with a short
  queue behind them; an attempt that finds the queue full is refused at once (429).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict, deque
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

# Attempts allowed to wait behind the running checks, per running check.
QUEUE_PER_CHECK = 2
# Keys remembered (logins and addresses with recent failures); the oldest are forgotten first.
MAX_KEYS = 10_000


class LoginGuard:
    def __init__(self, failures_allowed: int = 5, window_s: float = 900.0, checks_at_once: int = 2) -> None:
        self.failures_allowed = failures_allowed
        self.window_s = window_s
        self.checks_at_once = max(1, checks_at_once)
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()
        self._in_flight = 0
        self._executor = ThreadPoolExecutor(max_workers=self.checks_at_once, thread_name_prefix="login-check")

    def retry_after(self, login: str, address: str | None) -> int | None:
        """Seconds until an attempt is accepted again, or None when it may be tried now."""
        now = time.monotonic()
        waits = []
        with self._lock:
            for key in (f"login:{login}", f"addr:{address}"):
                hits = self._failures.get(key)
                if not hits:
                    continue
                while hits and now - hits[0] >= self.window_s:
                    hits.popleft()
                if len(hits) >= self.failures_allowed:
                    waits.append(int(self.window_s - (now - hits[0])) + 1)
        return max(waits) if waits else None

    def failed(self, login: str, address: str | None) -> None:
        now = time.monotonic()
        with self._lock:
            for key in (f"login:{login}", f"addr:{address}"):
                hits = self._failures.setdefault(key, deque())
                hits.append(now)
                self._failures.move_to_end(key)
            while len(self._failures) > MAX_KEYS:
                self._failures.popitem(last=False)

    def succeeded(self, login: str) -> None:
        with self._lock:
            self._failures.pop(f"login:{login}", None)

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
