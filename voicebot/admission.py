"""Admission control: a worker runs at most ``VOICEBOT_MAX_CALLS`` call pipelines at once.

Fifty calls on a two-core worker meant nobody heard a greeting within 15 seconds. Beyond capacity a
caller is not admitted into a pipeline: they hear a short Polish message (synthesised once) and are
handed to the agents' queue, or asked to call again when no queue can take them. Readiness
(``/readyz``) reports a full worker, so a load balancer sends new calls elsewhere.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from collections.abc import Iterator


class CallSlots:
    def __init__(self, capacity: int) -> None:
        self.capacity = max(0, capacity)
        self._active = 0
        self._lock = threading.Lock()
        self.refused = 0

    @property
    def active(self) -> int:
        return self._active

    @property
    def full(self) -> bool:
        return self._active >= self.capacity

    @contextmanager
    def admit(self) -> Iterator[bool]:
        """``with slots.admit() as admitted:`` — admitted is False when the worker is full."""
        with self._lock:
            admitted = self._active < self.capacity
            if admitted:
                self._active += 1
            else:
                self.refused += 1
        try:
            yield admitted
        finally:
            if admitted:
                with self._lock:
                    self._active -= 1


# What an overflow caller hears: the queue took them, or nobody can right now.
OVERFLOW_QUEUED = ("Dzień dobry, tu infolinia Krajowej Administracji Skarbowej. Wszyscy nasi asystenci "
                   "rozmawiają teraz z innymi osobami. Przekazuję połączenie do kolejki konsultantów, "
                   "proszę pozostać na linii.")
OVERFLOW_CALL_AGAIN = ("Dzień dobry, tu infolinia Krajowej Administracji Skarbowej. Wszyscy nasi asystenci "
                       "i konsultanci są teraz zajęci. Prosimy zadzwonić ponownie za kilka minut. "
                       "Do usłyszenia.")
