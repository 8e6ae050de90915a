"""A SIP dialog seen from the bot, the called party (UAS): its identity, how to address the peer,
the requests we send inside it (BYE, REFER, UPDATE/re-INVITE), session-timer terms (RFC 4028), and
who is calling (``P-Asserted-Identity`` from a trusted proxy, otherwise ``From``).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from sipmessage import URI, Address, Request

from voicebot.telephony.sip_message import USER_AGENT, Parsed, new_branch

CALLER_NUMBER = re.compile(r"^\+?[0-9]{3,20}$")


@dataclass(frozen=True)
class Peer:
    """Where a message goes: ``transport`` "udp" or "tcp", and the address."""

    transport: str
    address: tuple[str, int]


@dataclass(frozen=True)
class SessionTimer:
    interval_s: int
    refresher: str  # "uas" (we refresh) or "uac" (the caller's side does)


class SessionTimerTooSmall(Exception):
    def __init__(self, min_se: int) -> None:
        super().__init__(f"session interval below {min_se} s")
        self.min_se = min_se


def negotiate_session_timer(request: Parsed, wanted_s: int, min_se_s: int) -> SessionTimer | None:
    """RFC 4028 §9 as the UAS: None when the caller's side neither supports nor asks for timers."""
    message = request.message
    supported = "timer" in [t.lower() for t in message.supported + message.require]
    header = message.headers.get("Session-Expires")
    if header is None and not supported:
        return None
    min_se = min_se_s  # RFC 4028 says at least 90 s: the settings' default (lower only in tests)
    requested, refresher = None, None
    if header is not None:
        value, *params = [p.strip() for p in header.split(";")]
        if not value.isdigit():
            raise ValueError("bad Session-Expires")
        requested = int(value)
        for param in params:
            name, _, arg = param.partition("=")
            if name.strip().lower() == "refresher" and arg.strip().lower() in ("uac", "uas"):
                refresher = arg.strip().lower()
        if requested < min_se:
            raise SessionTimerTooSmall(min_se)
    theirs_min = message.headers.get("Min-SE")
    floor = max(min_se, int(theirs_min.split(";")[0]) if theirs_min and theirs_min.split(";")[0].strip().isdigit() else 0)
    interval = max(floor, min(wanted_s, requested) if requested else wanted_s)
    if refresher is None or (refresher == "uac" and not supported):
        refresher = "uas"
    return SessionTimer(interval, refresher)


def caller_number(request: Parsed, *, trusted: bool) -> str | None:
    """The caller's number: the asserted identity when a trusted proxy vouches for it, else From."""
    candidates: list[URI] = []
    if trusted:
        for value in request.message.headers.getlist("P-Asserted-Identity"):
            try:
                candidates += [a.uri for a in Address.parse_many(value)]
            except ValueError:
                continue
        candidates.sort(key=lambda uri: uri.scheme != "tel")  # a tel: URI is the number itself
    candidates.append(request.from_address.uri)
    for uri in candidates:
        user = re.sub(r"[\s().-]", "", uri.user or "")
        if CALLER_NUMBER.match(user):
            return user
    return None


@dataclass
class Dialog:
    """An early or confirmed dialog created by an INVITE we answered (RFC 3261 §12.1.1)."""

    call_id: str
    local_tag: str
    remote_tag: str
    local_party: str  # To of the INVITE, with our tag: our From in requests we send
    remote_party: str  # From of the INVITE: our To
    remote_target: URI
    route_set: list[Address]
    peer: Peer  # where the INVITE came from (responses and, without a route set, our requests)
    contact: str  # our Contact
    via_host: str
    via_port: int
    remote_cseq: int
    local_cseq: int = field(default_factory=lambda: secrets.randbelow(2**20) + 1)
    peer_allows_update: bool = False

    @classmethod
    def from_invite(cls, invite: Parsed, *, local_tag: str, peer: Peer, host: str, port: int) -> "Dialog":
        message = invite.message
        contacts = message.contact
        if not contacts:
            raise ValueError("INVITE without Contact")
        transport = ";transport=tcp" if peer.transport == "tcp" else ""
        allow = ",".join(message.headers.getlist("Allow")).upper()
        return cls(
            call_id=invite.call_id,
            local_tag=local_tag,
            remote_tag=invite.from_tag,
            local_party=f"{message.headers['To']};tag={local_tag}",
            remote_party=message.headers["From"],
            remote_target=contacts[0].uri,
            route_set=[a for value in message.headers.getlist("Record-Route") for a in Address.parse_many(value)],
            peer=peer,
            contact=f"<sip:voicebot@{format_host(host)}:{port}{transport}>",
            via_host=host,
            via_port=port,
            remote_cseq=invite.cseq.sequence,
            peer_allows_update="UPDATE" in allow,
        )

    def matches(self, request: Parsed) -> bool:
        return (request.call_id == self.call_id and request.to_tag == self.local_tag
                and request.from_tag == self.remote_tag)

    def next_hop(self) -> tuple[str, int, str]:
        """(host, port, transport) of the next hop for a request in this dialog (loose routing)."""
        uri = self.route_set[0].uri if self.route_set else self.remote_target
        transport = (uri.parameters.get("transport") or self.peer.transport).lower()
        return uri.host.strip("[]"), uri.port or 5060, "tcp" if transport == "tcp" else "udp"

    def request(self, method: str, *, headers: dict[str, str] | None = None, body: bytes = b"",
                content_type: str | None = None, transport: str = "udp") -> Request:
        self.local_cseq += 1
        message = Request(method=method, uri=self.remote_target, body=body)
        h = message.headers
        h.set("Via", f"SIP/2.0/{transport.upper()} {format_host(self.via_host)}:{self.via_port};branch={new_branch()};rport")
        for route in self.route_set:
            h.add("Route", str(route))
        h.set("Max-Forwards", "70")
        h.set("From", self.local_party)
        h.set("To", self.remote_party)
        h.set("Call-ID", self.call_id)
        h.set("CSeq", f"{self.local_cseq} {method}")
        h.set("Contact", self.contact)
        h.set("User-Agent", USER_AGENT)
        for name, value in (headers or {}).items():
            h.set(name, value)
        if content_type and body:
            h.set("Content-Type", content_type)
        h.set("Content-Length", str(len(body)))
        return message


def format_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
