"""A real SMTP server on this machine (aiosmtpd) for the demo, the evaluation and the tests: it
accepts every message and keeps it in a Maildir (and in memory), where a test or a person reads
what the bot sent. Never a production relay: it delivers nothing further.

    python -m integrations.mail.local_server --port 8025 --maildir var/mail
"""

from __future__ import annotations

import argparse
import mailbox
import socket
import threading
import time
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller


class _Keep:
    def __init__(self, maildir: Path | None) -> None:
        self.messages: list[EmailMessage] = []
        self.maildir = mailbox.Maildir(maildir, create=True) if maildir else None
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, N802 - aiosmtpd's hook
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append(message)
            if self.maildir is not None:
                self.maildir.add(envelope.original_content or envelope.content)
        return "250 Message accepted"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class LocalMailServer:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, maildir: Path | None = None) -> None:
        self.host = host
        self.port = port or free_port(host)
        self._keep = _Keep(maildir)
        self._controller = Controller(self._keep, hostname=host, port=self.port)

    def start(self) -> LocalMailServer:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def __enter__(self) -> LocalMailServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def messages(self) -> list[EmailMessage]:
        with self._keep.lock:
            return list(self._keep.messages)

    def wait_for(self, count: int = 1, timeout: float = 20.0) -> list[EmailMessage]:
        """The messages once ``count`` have arrived (or what arrived by ``timeout``)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(self.messages) < count:
            time.sleep(0.05)
        return self.messages


def read_maildir(path: Path) -> list[EmailMessage]:
    """What a ``--maildir`` server received, oldest first."""
    box = mailbox.Maildir(path, create=False)
    raw = sorted((m.get_date(), bytes(m)) for m in box)
    return [message_from_bytes(data, policy=policy.default) for _, data in raw]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="A local SMTP server that keeps every message in a Maildir.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument("--maildir", type=Path, default=Path("var/mail"))
    args = parser.parse_args(argv)
    server = LocalMailServer(args.host, args.port, args.maildir).start()
    print(f"local SMTP server on {args.host}:{server.port}, mail kept in {args.maildir}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
