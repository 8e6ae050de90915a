"""Delivers the outbox: takes due messages, hands them to the SMTP relay, marks them sent or failed
(retried later with backoff). Runs beside the bot; woken at once when a message is enqueued.

Logs carry the outbox key and a reason slug only, never an address or the content.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from email.message import EmailMessage

from loguru import logger
from prometheus_client import Counter

from integrations.mail.outbox import MailOutbox
from integrations.mail.smtp import MailNotSent, SmtpSender

MAIL_SENT = Counter("voicebot_mail_sent_total", "E-mails accepted by the SMTP relay", ["kind"])
MAIL_FAILED = Counter("voicebot_mail_failed_attempts_total", "E-mail attempts that failed", ["kind", "permanent"])


class MailService:
    """The outbox and its delivery: ``enqueue`` from the bot, ``run`` as a background task."""

    def __init__(self, outbox: MailOutbox, smtp: SmtpSender | None, sender_address: str,
                 poll_s: float = 5.0) -> None:
        self.outbox = outbox
        self.smtp = smtp  # None: messages wait in the outbox (no relay configured)
        self.sender_address = sender_address
        self.poll_s = poll_s
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None

    async def enqueue(self, key: str, kind: str, message: EmailMessage) -> bool:
        """Store the message durably (the database commits before this returns) and wake the sender."""
        stored = await asyncio.to_thread(self.outbox.enqueue, key, kind, message, time.time())
        self._wake.set()
        return stored

    async def deliver_due(self) -> int:
        """One pass: send what is due; returns how many were sent."""
        if self.smtp is None:
            return 0
        sent = 0
        for mail in await asyncio.to_thread(self.outbox.claim_due, time.time()):
            try:
                await self.smtp.send(mail.message)
            except MailNotSent as exc:
                status = await asyncio.to_thread(self.outbox.mark_failed, mail.key, time.time(), exc.reason,
                                                 exc.permanent)
                MAIL_FAILED.labels(mail.kind, str(exc.permanent).lower()).inc()
                logger.warning(f"mail {mail.key}: not sent ({exc.reason}), {status}")
                continue
            await asyncio.to_thread(self.outbox.mark_sent, mail.key, time.time())
            MAIL_SENT.labels(mail.kind).inc()
            logger.info(f"mail {mail.key}: sent")
            sent += 1
        return sent

    async def run(self) -> None:
        while True:
            try:
                await self.deliver_due()
            except Exception as exc:  # a database hiccup must not stop delivery for good
                logger.error(f"mail delivery pass failed: {type(exc).__name__}")
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.poll_s)

    def start(self) -> None:
        if self._task is None and self.smtp is not None:
            self._task = asyncio.create_task(self.run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await asyncio.to_thread(self.outbox.engine.dispose)
