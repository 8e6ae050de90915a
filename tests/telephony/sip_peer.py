"""A hand-written SIP peer for the protocol tests: it sends exactly the bytes a test needs (well-formed
or not) over UDP or TCP from a chosen loopback address, and reads what the endpoint answers."""

from __future__ import annotations

import asyncio
import secrets

from tests.telephony.sip_tools import free_port


def sdp(port: int, *, host: str = "127.0.0.1", formats: str = "0 8 101",
        rtpmap: tuple[str, ...] = ("0 PCMU/8000", "8 PCMA/8000", "101 telephone-event/8000")) -> bytes:
    lines = ["v=0", f"o=- 1 1 IN IP4 {host}", "s=-", f"c=IN IP4 {host}", "t=0 0", f"m=audio {port} RTP/AVP {formats}",
             *[f"a=rtpmap:{m}" for m in rtpmap], "a=sendrecv"]
    return ("\r\n".join(lines) + "\r\n").encode()


class SipPeer(asyncio.DatagramProtocol):
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = 0
        self.received: asyncio.Queue[bytes] = asyncio.Queue()
        self.transport: asyncio.DatagramTransport | None = None

    @classmethod
    async def open(cls, host: str = "127.0.0.1") -> "SipPeer":
        peer = cls(host)
        await asyncio.get_running_loop().create_datagram_endpoint(lambda: peer, local_addr=(host, 0))
        peer.port = peer.transport.get_extra_info("sockname")[1]
        return peer

    def connection_made(self, transport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr) -> None:
        self.received.put_nowait(data)

    def send(self, data: bytes, port: int) -> None:
        self.transport.sendto(data, ("127.0.0.1", port))

    async def expect(self, predicate=lambda m: True, timeout: float = 20.0) -> bytes:
        """The next message (skipping others) for which ``predicate`` holds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError("no such SIP message")
            message = await asyncio.wait_for(self.received.get(), timeout=remaining)
            if predicate(message):
                return message

    async def status(self, call_id: str, method: str = "INVITE", final: bool = True, timeout: float = 20.0) -> int:
        message = await self.expect(lambda m: m.startswith(b"SIP/2.0") and call_id.encode() in m
                                    and f" {method}\r\n".encode() in m and (not final or not m.startswith(b"SIP/2.0 1")),
                                    timeout)
        return int(message.split(b" ", 2)[1])

    def close(self) -> None:
        self.transport.close()


def request(method: str, port: int, peer_host: str, peer_port: int, *, call_id: str, cseq: int = 1,
            branch: str | None = None, to_tag: str | None = None, from_tag: str = "caller1", body: bytes = b"",
            content_type: str = "application/sdp", extra: str = "", transport: str = "UDP",
            user: str = "+48601234567") -> bytes:
    branch = branch or "z9hG4bK" + secrets.token_hex(6)
    to = f"<sip:hotline@127.0.0.1:{port}>" + (f";tag={to_tag}" if to_tag else "")
    head = (f"{method} sip:hotline@127.0.0.1:{port} SIP/2.0\r\n"
            f"Via: SIP/2.0/{transport} {peer_host}:{peer_port};branch={branch};rport\r\n"
            f"Max-Forwards: 70\r\nFrom: <sip:{user}@{peer_host}>;tag={from_tag}\r\nTo: {to}\r\n"
            f"Call-ID: {call_id}\r\nCSeq: {cseq} {method}\r\nContact: <sip:{user}@{peer_host}:{peer_port}>\r\n"
            f"{extra}")
    if body:
        head += f"Content-Type: {content_type}\r\n"
    return (head + f"Content-Length: {len(body)}\r\n\r\n").encode() + body


def header(message: bytes, name: str) -> str | None:
    for line in message.split(b"\r\n\r\n", 1)[0].split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name.lower().encode():
            return value.strip().decode()
    return None


def to_tag(message: bytes) -> str:
    return header(message, "To").split("tag=")[1].split(";")[0]


def answer_rtp_port(message: bytes) -> int:
    body = message.split(b"\r\n\r\n", 1)[1].decode()
    return int(next(line for line in body.splitlines() if line.startswith("m=audio")).split()[1])


__all__ = ["SipPeer", "request", "sdp", "header", "to_tag", "answer_rtp_port", "free_port"]
