"""Sending one message through an SMTP relay (aiosmtplib), with failures sorted into "try again
later" and "will never go": a 5xx refusal of the recipient or the message is permanent, anything else
(no connection, a timeout, a 4xx, a refused login that an operator can fix) is temporary.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Literal

import aiosmtplib
from pydantic import SecretStr


class MailNotSent(Exception):
    """``reason`` is a short slug for logs and metrics; no address or content is ever in it."""

    def __init__(self, reason: str, permanent: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    security: Literal["starttls", "tls", "none"] = "starttls"
    user: str = ""
    password: SecretStr = field(default=SecretStr(""), repr=False)
    timeout_s: float = 15.0
    ca_file: str = ""

    @classmethod
    def from_settings(cls, settings) -> "SmtpConfig":  # noqa: ANN001 - voicebot.settings.Settings
        return cls(settings.smtp_host, settings.smtp_port, settings.smtp_security, settings.smtp_user,
                   settings.smtp_password, settings.smtp_timeout_s, settings.smtp_ca_file)


class SmtpSender:
    def __init__(self, config: SmtpConfig) -> None:
        self.config = config

    def _tls_context(self) -> ssl.SSLContext | None:
        if self.config.security == "none":
            return None
        return ssl.create_default_context(cafile=self.config.ca_file or None)

    async def send(self, message: EmailMessage) -> None:
        """Deliver ``message`` to the relay or raise ``MailNotSent``."""
        c = self.config
        try:
            await aiosmtplib.send(
                message, hostname=c.host, port=c.port, timeout=c.timeout_s,
                use_tls=c.security == "tls", start_tls=c.security == "starttls",
                tls_context=self._tls_context(),
                username=c.user or None, password=c.password.get_secret_value() or None,
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            permanent = all(500 <= err.code < 600 for err in exc.recipients)
            raise MailNotSent("recipient_refused", permanent) from None
        except aiosmtplib.SMTPAuthenticationError:
            raise MailNotSent("login_refused", permanent=False) from None
        except aiosmtplib.SMTPResponseException as exc:
            raise MailNotSent(f"smtp_{exc.code}", permanent=500 <= exc.code < 600) from None
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise MailNotSent(_slug(type(exc).__name__), permanent=False) from None


def _slug(name: str) -> str:
    return "".join("_" + ch.lower() if ch.isupper() else ch for ch in name).strip("_")[:40]
