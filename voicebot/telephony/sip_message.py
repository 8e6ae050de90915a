"""SIP messages: parse what a peer sends (strictly, with limits), build what we answer.

``sipmessage`` (a pure-Python RFC 3261 grammar) parses the start line and the typed headers; this
module adds what a public endpoint needs on top: a size and header-count limit, the mandatory
headers checked before anything trusts the message, the body cut to ``Content-Length``, stream
framing for SIP over TCP, and responses built from their request (RFC 3261 §8.2.6).

Nothing here logs a message: a body may carry key presses (SIP INFO) and headers carry numbers.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sipmessage import Address, CSeq, Message, Request, Response, Via

MAX_MESSAGE_BYTES = 16_384  # a SIP message with an SDP body is ~1-2 kB; UDP datagrams stay < 64 kB anyway
MAX_HEADER_LINES = 100
MANDATORY = ("Via", "From", "To", "Call-ID", "CSeq")
MAX_CALL_ID = 256
# RFC 3261 timers: retransmissions start at T1 and double up to T2; a transaction lasts 64·T1.
T1 = 0.5
T2 = 4.0

REASONS = {
    100: "Trying", 180: "Ringing", 200: "OK", 202: "Accepted", 400: "Bad Request", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 415: "Unsupported Media Type", 420: "Bad Extension",
    422: "Session Interval Too Small", 481: "Call/Transaction Does Not Exist", 482: "Loop Detected", 486: "Busy Here",
    487: "Request Terminated", 488: "Not Acceptable Here", 489: "Bad Event", 491: "Request Pending",
    500: "Server Internal Error", 501: "Not Implemented", 503: "Service Unavailable",
    513: "Message Too Large",
}
ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, NOTIFY, UPDATE, REFER"
USER_AGENT = "KAS-voicebot"


class SipParseError(ValueError):
    """Not a SIP message we can act on. Its text names the problem, never the content."""


@dataclass(frozen=True)
class Parsed:
    """A checked message and the typed headers every layer needs."""

    message: Request | Response
    call_id: str
    cseq: CSeq
    via: list[Via]
    from_address: Address
    to_address: Address

    @property
    def is_request(self) -> bool:
        return isinstance(self.message, Request)

    @property
    def branch(self) -> str:
        return self.via[0].parameters.get("branch") or ""

    @property
    def from_tag(self) -> str:
        return self.from_address.parameters.get("tag") or ""

    @property
    def to_tag(self) -> str:
        return self.to_address.parameters.get("tag") or ""


def parse(data: bytes) -> Parsed:
    """One SIP message, checked; ``SipParseError`` for anything we cannot act on safely."""
    if len(data) > MAX_MESSAGE_BYTES:
        raise SipParseError("message too large")
    head, sep, rest = data.partition(b"\r\n\r\n")
    if not sep:
        raise SipParseError("no end of headers")
    if head.count(b"\r\n") >= MAX_HEADER_LINES:
        raise SipParseError("too many header lines")
    if b"\r\n " in head or b"\r\n\t" in head:
        # Folded header lines are legal but obsolete; sipmessage does not unfold them.
        head = head.replace(b"\r\n ", b" ").replace(b"\r\n\t", b" ")
        data = head + b"\r\n\r\n" + rest
    try:
        message = Message.parse(data)
        for name in MANDATORY:
            if message.headers.get(name) is None:
                raise SipParseError(f"missing {name}")
        cseq = message.cseq
        via = message.via
        from_address, to_address = message.from_address, message.to_address
        length = message.content_length
    except SipParseError:
        raise
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise SipParseError(f"unparsable ({type(exc).__name__})") from None
    call_id = message.headers.get("Call-ID") or ""
    if not call_id or len(call_id) > MAX_CALL_ID:
        raise SipParseError("bad Call-ID")
    if not via:
        raise SipParseError("missing Via")
    if isinstance(message, Request):
        if not message.method.isalpha() or not message.method.isupper():
            raise SipParseError("bad method")
        if cseq.method != message.method:
            raise SipParseError("CSeq method does not match")
        if not (0 <= cseq.sequence < 2**31):
            raise SipParseError("CSeq out of range")
    elif not 100 <= message.code <= 699:
        raise SipParseError("bad status code")
    if length is not None:
        if length < 0 or length > len(message.body):
            raise SipParseError("body shorter than Content-Length")
        message.body = message.body[:length]
    return Parsed(message, call_id, cseq, via, from_address, to_address)


class StreamFramer:
    """Splits a SIP-over-TCP byte stream into messages (RFC 3261 §18.3: Content-Length frames)."""

    def __init__(self, limit: int = MAX_MESSAGE_BYTES) -> None:
        self._buffer = bytearray()
        self._limit = limit

    def feed(self, data: bytes) -> list[bytes]:
        """Complete messages in ``data``; ``SipParseError`` when the stream cannot be framed."""
        self._buffer += data
        out: list[bytes] = []
        while True:
            # Keep-alive CRLFs (RFC 5626) between messages.
            while self._buffer[:2] == b"\r\n":
                del self._buffer[:2]
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self._buffer) > self._limit:
                    raise SipParseError("headers too long")
                return out
            length = content_length(bytes(self._buffer[:end]))
            if length is None:
                raise SipParseError("stream message without Content-Length")
            total = end + 4 + length
            if total > self._limit:
                raise SipParseError("message too large")
            if len(self._buffer) < total:
                return out
            out.append(bytes(self._buffer[:total]))
            del self._buffer[:total]


def content_length(head: bytes) -> int | None:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() in (b"content-length", b"l"):
            try:
                return int(value.strip())
            except ValueError:
                raise SipParseError("bad Content-Length") from None
    return None


def new_tag() -> str:
    return secrets.token_hex(6)


def new_branch() -> str:
    return "z9hG4bK" + secrets.token_hex(8)


def response(request: Parsed, code: int, *, to_tag: str | None = None, headers: dict[str, str] | None = None,
             body: bytes = b"", content_type: str | None = None, record_route: bool = False) -> Response:
    """A response to ``request``: Via, From, To (+ our tag), Call-ID, CSeq copied (RFC 3261 §8.2.6.2)."""
    message = Response(code=code, phrase=REASONS.get(code, "Unknown"))
    req = request.message
    message.headers.setlist("Via", list(req.headers.getlist("Via")))
    message.headers.set("From", req.headers["From"])
    to = req.headers["To"]
    if to_tag and not request.to_tag and code != 100:
        to = f"{to};tag={to_tag}"
    message.headers.set("To", to)
    message.headers.set("Call-ID", request.call_id)
    message.headers.set("CSeq", req.headers["CSeq"])
    if record_route:
        for value in req.headers.getlist("Record-Route"):
            message.headers.add("Record-Route", value)
    for name, value in (headers or {}).items():
        message.headers.set(name, value)
    message.headers.set("Server", USER_AGENT)
    if content_type and body:
        message.headers.set("Content-Type", content_type)
    message.headers.set("Content-Length", str(len(body)))
    message.body = body
    return message


def encode(message: Request | Response) -> bytes:
    return bytes(message)
