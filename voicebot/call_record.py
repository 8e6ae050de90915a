"""The per-call event record: one JSONL file per call, read by tests and by ``eval/``.

Format (docs/call-record.md): one JSON object per line, ``{"t": <unix seconds>, "type": ..., ...}``.
The record is a protected call record (files 0600 in a 0700 folder), like a recording: it holds the
caller's transcripts and the bot's words, but never key digits (only counts) and never a telePIN.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, get_args


# The call ids of the records this process has open: the worker's heartbeat tells Redis, so that
# another worker can close them if this one dies (voicebot.cluster.workers).
OPEN_RECORDS: set[str] = set()
WORKER_LOST = "worker lost"


class CallRecord:
    """One call's record. The file is opened for each line and closed again (``O_APPEND``): an open
    conversation holds no file handle, so a thousand idle chats cannot exhaust the process's
    handles and starve the next phone call (issue 10, finding 4)."""

    def __init__(self, calls_dir: Path, call_id: str) -> None:
        calls_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(calls_dir, 0o700)
        self.call_id = call_id
        self.path = calls_dir / f"{call_id}.jsonl"
        os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        self._lock = threading.Lock()
        self.closed = False
        # The latest fields written per event type (e.g. why the dialogue ended the call).
        self.last: dict[str, dict[str, Any]] = {}
        OPEN_RECORDS.add(call_id)

    def emit(self, event_type: str, **fields: Any) -> None:
        if self.closed:
            return
        self.last[event_type] = fields
        # A lone surrogate or the like cannot be written as UTF-8: replaced, never a failed call.
        line = json.dumps({"t": time.time(), "type": event_type, **fields}, ensure_ascii=False)
        data = (line + "\n").encode("utf-8", "replace")
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)

    def close(self, **fields: Any) -> None:
        """Write ``call_ended`` exactly once, whatever ended the call."""
        if self.closed:
            return
        self.emit("call_ended", **fields)
        self.closed = True
        OPEN_RECORDS.discard(self.call_id)


def close_orphaned_record(calls_dir: Path, call_id: str, reason: str = WORKER_LOST) -> bool:
    """Write ``call_ended`` into the record of a call whose worker died (no other writer is left);
    False when the record is missing or was closed already."""
    path = calls_dir / f"{call_id}.jsonl"
    try:
        lines = path.read_bytes().splitlines()
    except OSError:
        return False
    for line in reversed(lines):
        try:
            if json.loads(line).get("type") == "call_ended":
                return False
            break
        except ValueError:
            continue  # a line cut short by the kill
    prefix = b"" if not lines or path.read_bytes().endswith(b"\n") else b"\n"
    line = json.dumps({"t": time.time(), "type": "call_ended", "reason": reason, "dropped": {}}, ensure_ascii=False)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    try:
        os.write(fd, prefix + line.encode() + b"\n")
    finally:
        os.close(fd)
    return True


# What a record holds of input given while the engine asked for a secret (``Listen.secret``,
# ``CollectKeys.secret``): a telePIN said aloud must not be written down (``voicebot.session``).
REDACTED_TURN = "[ukryto: wypowiedź podczas wpisywania telePIN]"


AuthOutcome = Literal["verified", "failed", "blocked", "inactive", "error", "identification_failed"]


@dataclass(frozen=True)
class AuthResult:
    """An ``auth_result`` event: how identification and authentication went, never with what.
    ``error``: the identity service did not answer; ``identification_failed``: the dialogue gave up
    on getting a PESEL. ``method``: how the PESEL was given (voice | keypad). ``attempts``:
    verifications asked so far in the call."""

    outcome: AuthOutcome
    method: Literal["voice", "keypad"]
    attempts: int

    def emit(self, record: CallRecord) -> None:
        record.emit("auth_result", **asdict(self))


AUTH_OUTCOMES: tuple[str, ...] = get_args(AuthOutcome)


def transcript_fields(text: str, alternatives: tuple[str, ...] | list[str] = (), *,
                      number_answer: bool = False) -> dict[str, Any]:
    """What a record keeps of a caller's words: a PESEL (or any run of five or more digits, said
    or written) is hidden, as in the agent card's public transcript — QA reads records too.
    ``number_answer``: the bot asked for a number (a PESEL); any text that says a number is hidden whole."""
    from polish.redaction import redact_caller_text, redact_number_answer

    def redact(said: str) -> str:
        return redact_number_answer(said) if number_answer else redact_caller_text(said, (), "public")

    shown = redact(text)
    fields: dict[str, Any] = {"text": shown, "alternatives": [redact(a) for a in alternatives][:5]}
    if shown != text:
        fields["digits_hidden"] = True
    return fields


def pesel_digest(digits: str, key: bytes) -> str:
    """A keyed digest of a PESEL: the evaluation, which holds the key, can tell whether the bot
    captured the right number; anyone else reading the record cannot recover it (a plain hash of
    an 11-digit number with a checksum is brute-forced in minutes)."""
    return hmac.new(key, digits.encode(), hashlib.sha256).hexdigest()[:24]


def dialogue_state_fields(state: Any, event_name: str, key: bytes) -> dict[str, Any]:
    """A ``dialogue_state`` event: the state, what the caller wants, and the PESEL in hand (masked
    plus keyed digest)."""
    fields: dict[str, Any] = {"state": getattr(state, "name", None), "event": event_name,
                              "intent": getattr(state, "intent", None), "topic": getattr(state, "topic", None)}
    pesel = getattr(state, "pesel", None) or getattr(state, "pesel_candidate", None)
    if pesel is not None:
        fields["pesel"] = pesel.masked
        fields["pesel_digest"] = pesel_digest(pesel.reveal(), key)
    return fields


def sweep_records(calls_dir: Path, max_age_s: float, now: float | None = None) -> int:
    """Delete call records last written more than ``max_age_s`` ago; returns how many."""
    if max_age_s <= 0 or not calls_dir.is_dir():
        return 0
    cutoff = (now or time.time()) - max_age_s
    removed = 0
    for path in calls_dir.glob("*.jsonl"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue
    return removed


def read_call_record(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
