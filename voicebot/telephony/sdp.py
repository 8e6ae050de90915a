"""SDP offer/answer (RFC 3264) for one audio stream: PCMU/PCMA 8 kHz, G.722, RFC 4733 events.

Only what a telephone call needs: the first audio ``m=`` line of the offer, its connection address,
the codecs it lists (static payload types 0/8/9 or ``a=rtpmap`` names) and the telephone-event
payload type. The answer picks one codec by our preference and echoes the offer's telephone-event.
"""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass, field

# name -> (static payload type, RTP clock rate, sample rate of the audio)
CODECS: dict[str, tuple[int, int, int]] = {"PCMU": (0, 8000, 8000), "PCMA": (8, 8000, 8000), "G722": (9, 8000, 16000)}
STATIC_NAMES = {pt: name for name, (pt, _, _) in CODECS.items()}
MAX_SDP_BYTES = 8192


class SdpError(ValueError):
    """The offer cannot be answered; ``code`` is the SIP response to send (400 or 488)."""

    def __init__(self, reason: str, code: int = 488) -> None:
        super().__init__(reason)
        self.code = code


@dataclass(frozen=True)
class AudioOffer:
    address: str
    port: int
    payload_types: tuple[int, ...]
    rtpmap: dict[int, str] = field(default_factory=dict)  # pt -> "name/rate"
    direction: str = "sendrecv"

    def codec_name(self, pt: int) -> str | None:
        if pt in self.rtpmap:
            name, _, rate = self.rtpmap[pt].partition("/")
            name = name.upper()
            if name in CODECS and rate.split("/")[0] == str(CODECS[name][1]):
                return name
            return None
        return STATIC_NAMES.get(pt)

    def telephone_event(self) -> int | None:
        for pt in self.payload_types:
            name, _, rate = self.rtpmap.get(pt, "").partition("/")
            if name.lower() == "telephone-event" and rate.split("/")[0] == "8000":
                return pt
        return None


@dataclass(frozen=True)
class Negotiated:
    codec: str
    payload_type: int
    dtmf_payload_type: int | None
    remote_address: str
    remote_port: int

    @property
    def sample_rate(self) -> int:
        return CODECS[self.codec][2]


def parse_offer(body: bytes) -> AudioOffer:
    """The first audio stream of an SDP offer; ``SdpError`` when there is none we can use."""
    if len(body) > MAX_SDP_BYTES:
        raise SdpError("SDP too large", 400)
    try:
        text = body.decode("ascii")
    except UnicodeDecodeError:
        # SDP may hold UTF-8 in s= or i= lines; the lines we read are ASCII.
        text = body.decode("utf-8", errors="replace")
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    if not lines or lines[0] != "v=0":
        raise SdpError("not SDP (no v=0)", 400)
    session_address: str | None = None
    media: list[dict] = []
    for line in lines:
        if len(line) < 2 or line[1] != "=":
            raise SdpError("malformed SDP line", 400)
        kind, value = line[0], line[2:]
        current = media[-1] if media else None
        if kind == "m":
            parts = value.split()
            if len(parts) < 4:
                raise SdpError("malformed m= line", 400)
            media.append({"type": parts[0], "port": parts[1], "proto": parts[2], "fmts": parts[3:],
                          "address": None, "rtpmap": {}, "direction": None})
        elif kind == "c":
            address = connection_address(value)
            if current is None:
                session_address = address
            else:
                current["address"] = address
        elif kind == "a" and current is not None:
            name, _, arg = value.partition(":")
            if name == "rtpmap":
                pt, _, encoding = arg.partition(" ")
                if pt.isdigit() and encoding:
                    current["rtpmap"][int(pt)] = encoding.strip()
            elif name in ("sendrecv", "sendonly", "recvonly", "inactive"):
                current["direction"] = name
    for m in media:
        if m["type"] != "audio":
            continue
        if m["proto"] != "RTP/AVP":
            continue  # SRTP (RTP/SAVP), DTLS: not offered by this endpoint
        try:
            port = int(m["port"].split("/")[0])
            pts = tuple(int(f) for f in m["fmts"])
        except ValueError:
            raise SdpError("malformed m= line", 400) from None
        if port == 0:
            continue
        if not 0 < port < 65536 or any(not 0 <= pt < 128 for pt in pts):
            raise SdpError("port or payload type out of range", 400)
        address = m["address"] or session_address
        if address is None:
            raise SdpError("no connection address", 400)
        return AudioOffer(address, port, pts, m["rtpmap"], m["direction"] or "sendrecv")
    raise SdpError("no RTP/AVP audio stream offered")


def connection_address(value: str) -> str:
    parts = value.split()
    if len(parts) != 3 or parts[0] != "IN" or parts[1] not in ("IP4", "IP6"):
        raise SdpError("malformed c= line", 400)
    address = parts[2].split("/")[0]
    try:
        ipaddress.ip_address(address)
    except ValueError:
        raise SdpError("c= is not an IP address", 400) from None
    return address


def negotiate(offer: AudioOffer, preference: tuple[str, ...]) -> Negotiated:
    """The first codec of ``preference`` the offer lists; ``SdpError`` (488) when none is common."""
    offered = {offer.codec_name(pt): pt for pt in reversed(offer.payload_types)}
    for name in preference:
        if name in offered:
            return Negotiated(name, offered[name], offer.telephone_event(), offer.address, offer.port)
    raise SdpError("no common codec")


@dataclass
class SdpSession:
    """Our side of the session description; the version goes up with every changed answer."""

    address: str
    session_id: int = field(default_factory=lambda: secrets.randbelow(2**31))
    version: int = 1

    def answer(self, negotiated: Negotiated, port: int, direction: str = "sendrecv") -> bytes:
        pt = negotiated.payload_type
        rate = CODECS[negotiated.codec][1]
        fmts = [str(pt)]
        attributes = [f"a=rtpmap:{pt} {negotiated.codec}/{rate}"]
        if negotiated.dtmf_payload_type is not None:
            dtmf = negotiated.dtmf_payload_type
            fmts.append(str(dtmf))
            attributes += [f"a=rtpmap:{dtmf} telephone-event/8000", f"a=fmtp:{dtmf} 0-15"]
        family = "IP6" if ":" in self.address else "IP4"
        lines = [
            "v=0",
            f"o=kas-voicebot {self.session_id} {self.version} IN {family} {self.address}",
            "s=KAS voicebot",
            f"c=IN {family} {self.address}",
            "t=0 0",
            f"m=audio {port} RTP/AVP {' '.join(fmts)}",
            *attributes,
            "a=ptime:20",
            f"a={direction}",
        ]
        return ("\r\n".join(lines) + "\r\n").encode("ascii")


def answer_direction(offered: str) -> str:
    return {"sendonly": "recvonly", "recvonly": "sendonly", "inactive": "inactive"}.get(offered, "sendrecv")
