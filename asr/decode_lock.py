"""As many decodes at once as a shared model has workers, a short answer before the rest of a long one.

Calls share one loaded Whisper (CTranslate2 with ``workers`` replicas, each decode on its own
threads). A spoken PESEL is decoded in stages that together take seconds; another caller's "Tak."
takes a fraction of one. With one worker held for the whole staged decode, that "Tak." waited for
all of it (1.9 s in the starter suite). Here every stage takes a slot anew, later stages at
``LATER`` priority, so a waiting ``FIRST`` decode goes ahead of them when a slot frees; with two
workers (the default, ``voicebot.settings``) it usually finds one free at once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

FIRST = 0  # a whole short utterance, or the first pass of a number
LATER = 1  # the further passes of a staged decode, a long recording


class DecodeLock:
    def __init__(self, slots: int = 1) -> None:
        if slots < 1:
            raise ValueError("a decode lock needs at least one slot")
        self._condition = threading.Condition()
        self._slots = slots
        self._busy = 0
        self._waiting = [0, 0]  # per priority

    def take_if_free(self, priority: int = LATER) -> bool:
        """Take a slot only if one is free now and no more urgent decode waits; ``release`` gives it
        back. For work worth starting early, not worth waiting for (a number's words decode, started
        beside its free decode)."""
        with self._condition:
            if self._busy >= self._slots or any(self._waiting[p] for p in range(priority + 1)):
                return False
            self._busy += 1
            return True

    def release(self) -> None:
        with self._condition:
            self._busy -= 1
            self._condition.notify_all()

    @contextmanager
    def hold(self, priority: int = FIRST) -> Iterator[None]:
        with self._condition:
            self._waiting[priority] += 1
            try:
                while self._busy >= self._slots or any(self._waiting[p] for p in range(priority)):
                    self._condition.wait()
            finally:
                self._waiting[priority] -= 1
            self._busy += 1
        try:
            yield
        finally:
            self.release()
