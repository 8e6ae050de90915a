"""A local durable outbox: handoffs that could not reach Redis wait here, on disk, until it returns.

SQLite in ``data_dir/outbox/handoffs.db`` (WAL, ``synchronous=FULL``: an entry acknowledged to the
dialogue survives a crash of this process). The entries hold the agent's card, so the folder is 0700
and the file 0600, like call records. Flushing is idempotent on the Redis side (the handoff id is fixed
before the first attempt), so an entry flushed twice still shows up once.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OutboxEntry:
    handoff_id: str
    queue: str
    card: dict
    created_at: float
    caller_token: str


class Outbox:
    def __init__(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        os.chmod(directory, 0o700)
        self.path = directory / "handoffs.db"
        if not self.path.exists():
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS outbox (handoff_id TEXT PRIMARY KEY, queue TEXT NOT NULL,"
            " card TEXT NOT NULL, created_at REAL NOT NULL, caller_token TEXT NOT NULL)"
        )

    def add(self, entry: OutboxEntry) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO outbox VALUES (?, ?, ?, ?, ?)",
                (entry.handoff_id, entry.queue, json.dumps(entry.card, ensure_ascii=False), entry.created_at,
                 entry.caller_token),
            )

    def pending(self, limit: int = 100) -> list[OutboxEntry]:
        """Oldest first, so a flush keeps the callers' order."""
        with self._lock:
            rows = self._db.execute(
                "SELECT handoff_id, queue, card, created_at, caller_token FROM outbox ORDER BY created_at LIMIT ?", (limit,)
            ).fetchall()
        return [OutboxEntry(r[0], r[1], json.loads(r[2]), r[3], r[4]) for r in rows]

    def remove(self, handoff_id: str) -> bool:
        """False when it was not there."""
        with self._lock:
            return self._db.execute("DELETE FROM outbox WHERE handoff_id = ?", (handoff_id,)).rowcount > 0

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()
