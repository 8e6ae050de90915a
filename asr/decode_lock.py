"""One decode at a time on a shared model, a short answer before the rest of a long one.

Calls share one loaded Whisper (CTranslate2 with a single worker: two decodes at once would only
split the same cores). A spoken PESEL is decoded in stages that together take seconds; another
caller's "Tak." takes a fraction of one. Held for the whole staged decode, the lock made that "Tak."
wait for all of it (1.9 s in the starter suite). Here every stage takes the lock anew, later stages
at ``LATER`` priority, so a waiting ``FIRST`` decode goes ahead of them: the other call waits for one
stage at most. ``FIRST`` decodes are short, so the later stages are never held up for long.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

FIRST = 0  # a whole short utterance, or the first pass of a number
LATER = 1  # the further passes of a staged decode, a long recording


class DecodeLock:
    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._busy = False
        self._waiting = [0, 0]  # per priority

    @contextmanager
    def hold(self, priority: int = FIRST) -> Iterator[None]:
        with self._condition:
            self._waiting[priority] += 1
            try:
                while self._busy or any(self._waiting[p] for p in range(priority)):
                    self._condition.wait()
            finally:
                self._waiting[priority] -= 1
            self._busy = True
        try:
            yield
        finally:
            with self._condition:
                self._busy = False
                self._condition.notify_all()
