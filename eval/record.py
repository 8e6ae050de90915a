"""Reading a call's event record (docs/call-record.md) while the call runs and after it ended."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

SPEAKING = ("bot_started_speaking", "bot_stopped_speaking")
WAITS_FOR_CALLER = ("listen", "collect_keys")


def find_record(calls_dir: Path, stream_sid: str) -> Path | None:
    found = sorted(Path(calls_dir).glob(f"{stream_sid[:40]}-*.jsonl"))
    return found[0] if found else None


def read_events(path: Path | None) -> list[dict]:
    """The record's events; a half-written last line (the bot is writing) is skipped."""
    if path is None or not path.exists():
        return []
    events = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                events.append(json.loads(line))
            except ValueError:
                continue
    return events


class LiveRecord:
    """The record of one running call, found by its stream id."""

    def __init__(self, calls_dir: Path | None, stream_sid: str) -> None:
        self.calls_dir = calls_dir
        self.stream_sid = stream_sid
        self.path: Path | None = None

    def events(self) -> list[dict]:
        if self.calls_dir is None:
            return []
        if self.path is None:
            self.path = find_record(self.calls_dir, self.stream_sid)
        return read_events(self.path)

    def state(self) -> str | None:
        """The dialogue state now, as the last ``dialogue_state`` event says."""
        states = [e.get("state") for e in self.events() if e["type"] == "dialogue_state"]
        return states[-1] if states else None

    def pesel_digest(self) -> str | None:
        """The keyed digest of the PESEL the dialogue holds now (a candidate being read back, or the
        accepted one), as the last ``dialogue_state`` event says; None when it holds none."""
        states = [e for e in self.events() if e["type"] == "dialogue_state"]
        return states[-1].get("pesel_digest") if states else None

    def bot_waits_for_caller(self) -> bool:
        """The bot has said its piece and waits: not speaking, no back-end call open, and a
        listen / collect_keys (or the end) after its last utterance."""
        events = self.events()
        if not events:
            return False
        if any(e["type"] in ("end_call", "call_ended", "handoff") for e in events):
            return True
        speaking = [e["type"] for e in events if e["type"] in SPEAKING]
        if speaking and speaking[-1] == "bot_started_speaking":
            return False
        requests = sum(1 for e in events if e["type"] == "backend_request")
        results = sum(1 for e in events if e["type"] == "backend_result")
        if requests > results:
            return False
        last_utterance = max((i for i, e in enumerate(events) if e["type"] == "bot_utterance"), default=-1)
        return any(e["type"] in WAITS_FOR_CALLER for e in events[last_utterance + 1:])

    async def wait_closed(self, timeout_s: float = 15.0) -> list[dict]:
        deadline = time.monotonic() + timeout_s
        events = self.events()
        while time.monotonic() < deadline:
            events = self.events()
            if events and events[-1]["type"] == "call_ended":
                break
            await asyncio.sleep(0.1)
        return events
