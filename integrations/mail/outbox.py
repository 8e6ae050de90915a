"""A durable outbox for e-mail: a message is committed to the bot's database before anyone tries to
send it, so a crash, a restart or a relay outage loses nothing.

- **Idempotent per key** (``booking:KTR-482:confirmation``): the key is the primary key, so a second
  enqueue of the same confirmation is refused by the database, also from another bot instance.
- **Claimed with a lease**: a sender takes a due message by one conditional UPDATE (only if still
  pending, due, and not leased), so two bot instances on one database do not send it both; a sender
  that died mid-send lets its lease lapse and the message is taken again.
- **Retried with backoff**: exponential with jitter, until ``max_attempts``; a permanent refusal
  (5xx) stops at once. Delivery is at least once: a crash between the relay's acceptance and the
  "sent" mark repeats the message with the same Message-ID, which mail clients fold into one.
- **Nothing kept after sending**: the message (name, e-mail address) is erased once sent; the row
  stays as the key's record, so a late duplicate enqueue is still refused.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Literal

from sqlalchemy import Column, Engine, Float, Integer, LargeBinary, MetaData, String, Table, func, select, update
from sqlalchemy.exc import IntegrityError

metadata = MetaData()

mail_outbox = Table(
    "mail_outbox",
    metadata,
    Column("key", String(120), primary_key=True),
    Column("kind", String(40), nullable=False),  # confirmation | cancellation: a bounded metrics label
    Column("message", LargeBinary),  # RFC 5322 bytes; erased once sent
    Column("status", String(16), nullable=False, index=True),  # pending | sent | failed
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", Float, nullable=False),  # epoch seconds
    Column("lease_until", Float, nullable=False),
    Column("last_error", String(60)),  # a reason slug, never an address or content
    Column("created_at", Float, nullable=False),
    Column("sent_at", Float),
)

MailStatus = Literal["pending", "sent", "failed"]


@dataclass(frozen=True)
class OutboxMail:
    key: str
    kind: str
    message: EmailMessage
    attempts: int


@dataclass(frozen=True)
class Backoff:
    first_s: float = 30.0
    cap_s: float = 3600.0
    max_attempts: int = 10  # about five hours of trying with the defaults

    def delay(self, attempts: int) -> float:
        """Seconds before attempt ``attempts + 1``: doubling from ``first_s``, capped, ±20 % jitter
        so many messages failed together do not all come back at once."""
        return min(self.cap_s, self.first_s * 2 ** max(0, attempts - 1)) * random.uniform(0.8, 1.2)


class MailOutbox:
    def __init__(self, engine: Engine, backoff: Backoff = Backoff(), lease_s: float = 120.0) -> None:
        self.engine = engine
        self.backoff = backoff
        self.lease_s = lease_s
        metadata.create_all(engine)

    def enqueue(self, key: str, kind: str, message: EmailMessage, now: float) -> bool:
        """Store ``message`` under ``key``; False when that key was enqueued before (nothing changes)."""
        try:
            with self.engine.begin() as conn:
                conn.execute(mail_outbox.insert(), [{
                    "key": key, "kind": kind, "message": message.as_bytes(policy=policy.SMTP), "status": "pending",
                    "attempts": 0, "next_attempt_at": now, "lease_until": 0.0, "created_at": now,
                }])
        except IntegrityError:
            return False
        return True

    def claim_due(self, now: float, limit: int = 20) -> list[OutboxMail]:
        """Take up to ``limit`` due messages for ``lease_s``, oldest first."""
        t = mail_outbox
        due = (t.c.status == "pending") & (t.c.next_attempt_at <= now) & (t.c.lease_until <= now)
        with self.engine.connect() as conn:
            keys = conn.execute(select(t.c.key).where(due).order_by(t.c.created_at).limit(limit)).scalars().all()
        claimed = []
        for key in keys:
            with self.engine.begin() as conn:
                row = conn.execute(
                    update(t).where(t.c.key == key, due).values(lease_until=now + self.lease_s)
                    .returning(t.c.kind, t.c.message, t.c.attempts)
                ).first()
            if row is not None:
                claimed.append(OutboxMail(key, row.kind, _parse(row.message), row.attempts))
        return claimed

    def mark_sent(self, key: str, now: float) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(mail_outbox).where(mail_outbox.c.key == key).values(
                status="sent", sent_at=now, message=None, attempts=mail_outbox.c.attempts + 1, last_error=None))

    def mark_failed(self, key: str, now: float, reason: str, permanent: bool) -> MailStatus:
        """Count a failed attempt; the message is retried later or, when hopeless, given up."""
        t = mail_outbox
        with self.engine.begin() as conn:
            attempts = conn.execute(select(t.c.attempts).where(t.c.key == key)).scalar_one() + 1
            status: MailStatus = "failed" if permanent or attempts >= self.backoff.max_attempts else "pending"
            conn.execute(update(t).where(t.c.key == key).values(
                attempts=attempts, status=status, last_error=reason[:60], lease_until=0.0,
                next_attempt_at=now + self.backoff.delay(attempts)))
        return status

    def retry_failed(self, now: float) -> int:
        """An operator's second chance after fixing the relay: failed messages become due again."""
        with self.engine.begin() as conn:
            result = conn.execute(update(mail_outbox).where(mail_outbox.c.status == "failed").values(
                status="pending", attempts=0, next_attempt_at=now, lease_until=0.0))
        return result.rowcount

    def status(self, key: str) -> dict | None:
        """The key's record without the message: status, attempts, last error, next attempt."""
        t = mail_outbox
        with self.engine.connect() as conn:
            row = conn.execute(select(t.c.status, t.c.attempts, t.c.last_error, t.c.next_attempt_at, t.c.sent_at)
                               .where(t.c.key == key)).first()
        return dict(row._mapping) if row else None

    def counts(self) -> dict[str, int]:
        t = mail_outbox
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.c.status, func.count()).group_by(t.c.status)).all()
        return {"pending": 0, "sent": 0, "failed": 0, **{status: n for status, n in rows}}


def _parse(raw: bytes) -> EmailMessage:
    return message_from_bytes(raw, policy=policy.default)
