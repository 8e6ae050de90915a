"""Who may open a media stream: the telephony side proves itself before a call pipeline exists.

Transport-neutral, so every telephony front end (the Twilio WebSocket, a SIP gateway) asks the same
questions of the same settings (docs/security.md):

- a shared secret (``VOICEBOT_TELEPHONY_STREAM_TOKEN``): ``Authorization: Bearer <secret>`` on the
  handshake (on-prem front ends), or the stream's custom parameter ``token`` (Twilio sends no
  custom headers: ``<Parameter name="token" value="…"/>`` in TwiML travels in the ``start``
  message, never in a URL);
- Twilio's own signature (``VOICEBOT_TWILIO_AUTH_TOKEN``): ``X-Twilio-Signature`` on the handshake
  is base64(HMAC-SHA1(auth token, URL + sorted POST parameters)); a WebSocket has none;
- a browser ticket (``POST /call/ticket``) for the demo's browser call page, valid 60 seconds.

With none of the secrets configured every stream is let in (the demo on loopback). The signature is
computed here: Twilio's SDK would bring requests and aiohttp for five lines of HMAC.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

TICKET_TTL_S = 60.0


def twilio_signature(auth_token: str, url: str, params: Mapping[str, str] | None = None) -> str:
    payload = url + "".join(f"{key}{params[key]}" for key in sorted(params or {}))
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def _same(given: str | None, expected: str) -> bool:
    return bool(given) and bool(expected) and secrets.compare_digest(given.encode(), expected.encode())


@dataclass
class StreamAuth:
    stream_token: str = ""
    twilio_auth_token: str = ""
    # The URL Twilio signed, when a proxy rewrote it on the way; else the URL the request has.
    public_url: str = ""
    browser_tickets: bool = True
    _ticket_key: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    @classmethod
    def from_settings(cls, settings) -> "StreamAuth":
        auth = cls(stream_token=settings.telephony_stream_token, twilio_auth_token=settings.twilio_auth_token,
                   public_url=settings.twilio_stream_url, browser_tickets=settings.browser_calls)
        # Several workers (docs/scaling.md): a ticket issued by one opens a stream on any other, so
        # the key comes from the secret they share (tickets are only asked for when one is set).
        secret = auth.stream_token or auth.twilio_auth_token
        if secret:
            auth._ticket_key = hmac.new(secret.encode(), b"kas browser call ticket", hashlib.sha256).digest()
        return auth

    @property
    def required(self) -> bool:
        return bool(self.stream_token or self.twilio_auth_token)

    def handshake_ok(self, headers: Mapping[str, str], url: str) -> bool:
        """The handshake alone proves the caller side (bearer secret or Twilio signature)."""
        if not self.required:
            return True
        authorization = headers.get("authorization", "")
        if self.stream_token and authorization.startswith("Bearer ") and _same(
                authorization.removeprefix("Bearer ").strip(), self.stream_token):
            return True
        signature = headers.get("x-twilio-signature")
        if self.twilio_auth_token and signature:
            signed_url = self.public_url or url
            candidates = {signed_url, signed_url.replace("ws://", "http://", 1).replace("wss://", "https://", 1)}
            return any(_same(signature, twilio_signature(self.twilio_auth_token, u)) for u in candidates)
        return False

    def start_ok(self, custom_parameters: Mapping[str, str]) -> bool:
        """Or the ``start`` message carries the shared secret or a fresh browser ticket."""
        if not self.required:
            return True
        if self.stream_token and _same(custom_parameters.get("token"), self.stream_token):
            return True
        return self.browser_tickets and self.ticket_ok(custom_parameters.get("ticket"))

    # -- browser tickets ------------------------------------------------------------------------
    def issue_ticket(self, now: float | None = None) -> str:
        expires = str(int((now or time.time()) + TICKET_TTL_S))
        mac = hmac.new(self._ticket_key, expires.encode(), hashlib.sha256).hexdigest()[:32]
        return f"{expires}.{mac}"

    def ticket_ok(self, ticket: str | None, now: float | None = None) -> bool:
        if not ticket or "." not in ticket:
            return False
        expires, mac = ticket.split(".", 1)
        if not expires.isdigit() or int(expires) < (now or time.time()):
            return False
        expected = hmac.new(self._ticket_key, expires.encode(), hashlib.sha256).hexdigest()[:32]
        return _same(mac, expected)


def request_url(scope: Mapping) -> str:
    """The URL a WebSocket handshake arrived on (scheme, host header, path, query)."""
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
    scheme = scope.get("scheme", "ws")
    host = headers.get("host", "")
    query = scope.get("query_string", b"").decode("latin-1")
    return f"{scheme}://{host}{scope.get('path', '')}" + (f"?{query}" if query else "")
