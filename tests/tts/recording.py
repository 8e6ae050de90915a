"""Real synthesizers wrapped to record what they were asked, and optionally to wait for a signal.

Not mocks: every call goes to the real engine; the wrapper only counts, logs order, and can hold
a call back until the test says so (to prove what the service did *before* that call).
"""

from __future__ import annotations

import threading

from tts.engine import cache_key_of


class RecordingSynthesizer:
    def __init__(self, inner, events: list[str] | None = None, hold_from_call: int | None = None):
        self.inner = inner
        self.sample_rate = inner.sample_rate
        self.cache_key = cache_key_of(inner)
        self.calls: list[str] = []
        self.events = events if events is not None else []
        # Calls numbered >= hold_from_call wait for `release` before synthesising.
        self.hold_from_call = hold_from_call
        self.release = threading.Event()
        self.held = threading.Event()  # set when a call starts waiting
        self._lock = threading.Lock()

    def synthesize(self, text: str) -> bytes:
        with self._lock:
            index = len(self.calls)
            self.calls.append(text)
        if self.hold_from_call is not None and index >= self.hold_from_call:
            self.held.set()
            if not self.release.wait(timeout=20):
                self.events.append(f"timeout {index}")
                raise TimeoutError("the test never released this synthesis")
        self.events.append(f"synth-start {index}")
        audio = self.inner.synthesize(text)
        self.events.append(f"synth-end {index}")
        return audio
