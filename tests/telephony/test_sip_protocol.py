"""The SIP endpoint on the wire, without the speech pipeline: calls are answered (UDP and TCP), keys
arrive by RFC 4733 and SIP INFO, and bad input — malformed messages, no common codec, RTP from an
unexpected address, a flood of INVITEs, a CANCEL, a dead session — gets a clear answer while the
endpoint keeps serving."""

from __future__ import annotations

import asyncio
import secrets
import struct

import pytest
from aiortp import RtpPacket

from tests.telephony.sip_peer import SipPeer, answer_rtp_port, header, request, sdp, to_tag
from voicebot.telephony.sip_server import SipConfig, SipServer


class Answering:
    """``on_call`` for the tests: keeps the calls, the keys they got, and holds each call until it ends."""

    def __init__(self) -> None:
        self.calls = []
        self.keys: list[str] = []
        self.audio_chunks = 0
        self.started = asyncio.Event()

    async def __call__(self, call) -> None:
        call.media.on_key = self.keys.append
        call.media.on_pcm = self._pcm
        self.calls.append(call)
        self.started.set()
        await call.ended.wait()

    def _pcm(self, pcm: bytes, rate: int) -> None:
        self.audio_chunks += 1


async def start(**config) -> tuple[SipServer, Answering]:
    calls = Answering()
    server = SipServer(SipConfig(port=0, **{"max_calls": 4, **config}), calls)
    await server.start()
    return server, calls


class Rtp(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.received: list[bytes] = []

    @classmethod
    async def open(cls, host: str = "127.0.0.1") -> tuple["Rtp", asyncio.DatagramTransport, int]:
        rtp = cls()
        transport, _ = await asyncio.get_running_loop().create_datagram_endpoint(lambda: rtp, local_addr=(host, 0))
        return rtp, transport, transport.get_extra_info("sockname")[1]

    def datagram_received(self, data, addr) -> None:
        self.received.append(data)


def key_packets(key: str, seq: int, timestamp: int, ssrc: int) -> list[bytes]:
    """RFC 4733 packets of one key press: three in progress, three end packets."""
    event = "0123456789*#".index(key)
    packets = []
    for i, end in enumerate([False] * 3 + [True] * 3):
        payload = struct.pack("!BBH", event, (0x80 if end else 0) | 10, 160 * (min(i, 3) + 1))
        packets.append(RtpPacket(payload_type=101, marker=int(i == 0), sequence_number=seq + i, timestamp=timestamp,
                                 ssrc=ssrc, payload=payload).serialize())
    return packets


async def until(predicate, timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError("condition not reached")
        await asyncio.sleep(0.05)


async def invite(peer: SipPeer, server: SipServer, rtp_port: int, *, call_id: str | None = None,
                 extra: str = "", body: bytes | None = None) -> tuple[str, bytes]:
    call_id = call_id or secrets.token_hex(8)
    peer.send(request("INVITE", server.port, peer.host, peer.port, call_id=call_id, extra=extra,
                      body=sdp(rtp_port, host=peer.host) if body is None else body), server.port)
    return call_id, await peer.expect(lambda m: call_id.encode() in m and m.startswith(b"SIP/2.0")
                                      and not m.startswith(b"SIP/2.0 1"))


def ack(peer: SipPeer, server: SipServer, call_id: str, tag: str) -> None:
    peer.send(request("ACK", server.port, peer.host, peer.port, call_id=call_id, to_tag=tag), server.port)


async def test_a_call_is_answered_and_keys_arrive_by_rfc4733_and_by_info():
    server, calls = await start()
    peer = await SipPeer.open()
    rtp, rtp_transport, rtp_port = await Rtp.open()
    try:
        call_id, ok = await invite(peer, server, rtp_port)
        assert ok.startswith(b"SIP/2.0 200")
        assert b"a=rtpmap:8 PCMA/8000" in ok and b"telephone-event/8000" in ok  # our preference, and keys
        tag = to_tag(ok)
        ack(peer, server, call_id, tag)
        await asyncio.wait_for(calls.started.wait(), 10)
        call = calls.calls[0]
        assert call.caller_number == "+48601234567" and call.transport == "udp"

        bot_port = answer_rtp_port(ok)
        for packet in key_packets("7", 100, 8000, 1234):
            rtp_transport.sendto(packet, ("127.0.0.1", bot_port))
        await until(lambda: calls.keys == ["7"])
        peer.send(request("INFO", server.port, peer.host, peer.port, call_id=call_id, to_tag=tag, cseq=2,
                          body=b"Signal=#\r\nDuration=160\r\n", content_type="application/dtmf-relay"), server.port)
        assert await peer.status(call_id, "INFO") == 200
        await until(lambda: calls.keys == ["7", "#"])

        # The bot's audio goes to where the caller's media comes from.
        call.media.send_frame(b"\0" * 320)
        await until(lambda: rtp.received)

        peer.send(request("BYE", server.port, peer.host, peer.port, call_id=call_id, to_tag=tag, cseq=3), server.port)
        assert await peer.status(call_id, "BYE") == 200
        await until(lambda: call_id not in server.calls)
        assert call.end_reason == "caller hung up"
    finally:
        rtp_transport.close()
        peer.close()
        await server.stop()


async def test_a_call_over_tcp_is_answered_on_its_connection():
    server, calls = await start()
    rtp, rtp_transport, rtp_port = await Rtp.open()
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    local_port = writer.get_extra_info("sockname")[1]
    call_id = secrets.token_hex(8)
    try:
        writer.write(request("INVITE", server.port, "127.0.0.1", local_port, call_id=call_id, transport="TCP",
                             body=sdp(rtp_port)))
        ok = b""
        while not ok.startswith(b"SIP/2.0 200"):
            ok = await asyncio.wait_for(read_sip(reader), 20)
        writer.write(request("ACK", server.port, "127.0.0.1", local_port, call_id=call_id, to_tag=to_tag(ok),
                             transport="TCP"))
        await asyncio.wait_for(calls.started.wait(), 10)
        assert calls.calls[0].transport == "tcp"
        writer.write(request("BYE", server.port, "127.0.0.1", local_port, call_id=call_id, to_tag=to_tag(ok),
                             cseq=2, transport="TCP"))
        bye_ok = await asyncio.wait_for(read_sip(reader), 20)
        assert bye_ok.startswith(b"SIP/2.0 200") and b"BYE" in bye_ok
    finally:
        writer.close()
        rtp_transport.close()
        await server.stop()


async def read_sip(reader: asyncio.StreamReader) -> bytes:
    head = await reader.readuntil(b"\r\n\r\n")
    length = int(header(head, "Content-Length") or 0)
    return head + (await reader.readexactly(length) if length else b"")


MALFORMED = [
    b"\x00\xff" * 200,
    b"INVITE sip:x SIP/2.0\r\n\r\n",  # no Via, From, To, Call-ID, CSeq
    b"HELLO\r\n\r\n",
    b"INVITE sip:a@b SIP/2.0\r\nVia: nonsense\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:b@c>\r\nCall-ID: x\r\n"
    b"CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
    b"INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\n"
    b"To: <sip:b@c>\r\nCall-ID: x\r\nCSeq: one INVITE\r\nContent-Length: 0\r\n\r\n",
    b"BYE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5;branch=z9hG4bK2\r\nFrom: <sip:a@b>;tag=1\r\n"
    b"To: <sip:b@c>\r\nCall-ID: y\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",  # CSeq method differs
    b"OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5;branch=z9hG4bK3\r\nFrom: <sip:a@b>;tag=1\r\n"
    b"To: <sip:b@c>\r\nCall-ID: z\r\nCSeq: 1 OPTIONS\r\nContent-Length: 900\r\n\r\nshort",
    b"OPTIONS sip:a@b SIP/2.0\r\n" + b"X-Filler: " + b"a" * 20000 + b"\r\n\r\n",
    b"OPTIONS sip:a@b SIP/2.0\r\nbroken header line\r\n\r\n",
]


async def test_malformed_messages_are_dropped_and_the_endpoint_keeps_serving():
    server, calls = await start()
    peer = await SipPeer.open()
    rtp, rtp_transport, rtp_port = await Rtp.open()
    try:
        for garbage in MALFORMED:
            peer.send(garbage, server.port)
        # Over TCP: a stream that cannot be framed closes that connection only.
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"INVITE sip:x SIP/2.0\r\nVia: x\r\n\r\n" + b"\xff" * 100)
        assert await asyncio.wait_for(reader.read(), 20) == b""  # closed by the endpoint
        writer.close()

        call_id = secrets.token_hex(8)
        peer.send(request("OPTIONS", server.port, peer.host, peer.port, call_id=call_id), server.port)
        assert await peer.status(call_id, "OPTIONS") == 200
        assert sum(n for reason, n in server.stats.items() if reason.startswith("malformed")) >= len(MALFORMED) - 1
        assert server.stats["tcp stream unframable"] == 1
        # And a real call still works.
        call_id, ok = await invite(peer, server, rtp_port)
        assert ok.startswith(b"SIP/2.0 200")
    finally:
        rtp_transport.close()
        peer.close()
        await server.stop()


@pytest.mark.parametrize("body, code", [
    (sdp(4000, formats="111", rtpmap=("111 opus/48000/2",)), 488),  # no common codec
    (sdp(4000).replace(b"RTP/AVP", b"RTP/SAVP"), 488),  # SRTP only
    (b"", 488),  # no offer
    (b"v=0\r\nthis is not sdp\r\n", 400),
], ids=["opus only", "srtp only", "no offer", "broken sdp"])
async def test_an_invite_the_bot_cannot_answer_gets_a_clear_error_and_no_call(body, code):
    server, calls = await start()
    peer = await SipPeer.open()
    try:
        call_id, final = await invite(peer, server, 4000, body=body)
        assert int(final.split(b" ")[1]) == code
        if code == 488:
            assert header(final, "Warning")
        ack(peer, server, call_id, to_tag(final) if b"tag=" in final.split(b"\r\nTo:")[1].split(b"\r\n")[0] else "x")
        assert not server.calls and not calls.calls
    finally:
        peer.close()
        await server.stop()


async def test_rtp_from_an_unexpected_address_is_ignored_and_the_first_good_source_latched():
    server, calls = await start()
    peer = await SipPeer.open()
    good, good_transport, good_port = await Rtp.open("127.0.0.1")
    stranger, stranger_transport, _ = await Rtp.open("127.0.0.2")  # another host (loopback range)
    other, other_transport, _ = await Rtp.open("127.0.0.1")  # the right host, another port
    try:
        call_id, ok = await invite(peer, server, good_port)
        ack(peer, server, call_id, to_tag(ok))
        await asyncio.wait_for(calls.started.wait(), 10)
        bot = ("127.0.0.1", answer_rtp_port(ok))
        for packet in key_packets("9", 10, 100, 77):
            stranger_transport.sendto(packet, bot)
        for packet in key_packets("1", 200, 16000, 88):
            good_transport.sendto(packet, bot)
        await until(lambda: calls.keys == ["1"])
        for packet in key_packets("2", 300, 24000, 99):
            other_transport.sendto(packet, bot)  # not the latched source
        good_transport.sendto(b"\x01\x02", bot)  # not RTP
        call = calls.calls[0]
        await until(lambda: call.media.dropped["rtp from an unexpected address"] >= 12
                    and call.media.dropped["malformed rtp"] == 1)
        assert calls.keys == ["1"]
        call.media.send_frame(b"\0" * 320)
        await until(lambda: good.received)
        assert not stranger.received and not other.received
    finally:
        for transport in (good_transport, stranger_transport, other_transport):
            transport.close()
        peer.close()
        await server.stop()


async def test_a_flood_of_invites_is_bounded_by_admission_and_the_endpoint_stays_healthy():
    server, calls = await start(max_calls=2)
    peer = await SipPeer.open()
    rtp, rtp_transport, rtp_port = await Rtp.open()
    flood = 40
    try:
        call_ids = [secrets.token_hex(8) for _ in range(flood)]
        for call_id in call_ids:
            peer.send(request("INVITE", server.port, peer.host, peer.port, call_id=call_id, body=sdp(rtp_port)),
                      server.port)
        finals: dict[str, bytes] = {}
        while len(finals) < flood:
            message = await peer.expect(lambda m: m.startswith(b"SIP/2.0") and not m.startswith(b"SIP/2.0 1"), 30)
            finals[header(message, "Call-ID")] = message
        codes = [int(m.split(b" ")[1]) for m in finals.values()]
        assert codes.count(200) == 2 and codes.count(503) == flood - 2
        assert all(header(m, "Retry-After") for m in finals.values() if m.startswith(b"SIP/2.0 503"))
        assert len(server.calls) == 2

        # One call ends; the next INVITE gets in again.
        answered = next(cid for cid, m in finals.items() if m.startswith(b"SIP/2.0 200"))
        tag = to_tag(finals[answered])
        ack(peer, server, answered, tag)
        peer.send(request("BYE", server.port, peer.host, peer.port, call_id=answered, to_tag=tag, cseq=2),
                  server.port)
        assert await peer.status(answered, "BYE") == 200
        await until(lambda: len(server.calls) == 1)
        _, ok = await invite(peer, server, rtp_port)
        assert ok.startswith(b"SIP/2.0 200")
    finally:
        rtp_transport.close()
        peer.close()
        await server.stop()


async def test_cancel_while_ringing_ends_the_invite_with_487():
    server, calls = await start(answer_delay_s=60)
    peer = await SipPeer.open()
    rtp, rtp_transport, rtp_port = await Rtp.open()
    try:
        call_id, branch = secrets.token_hex(8), "z9hG4bK" + secrets.token_hex(6)
        peer.send(request("INVITE", server.port, peer.host, peer.port, call_id=call_id, branch=branch,
                          body=sdp(rtp_port)), server.port)
        await peer.expect(lambda m: m.startswith(b"SIP/2.0 180") and call_id.encode() in m)
        peer.send(request("CANCEL", server.port, peer.host, peer.port, call_id=call_id, branch=branch), server.port)
        assert await peer.status(call_id, "CANCEL") == 200
        assert await peer.status(call_id, "INVITE") == 487
        await until(lambda: not server.calls)
        assert not calls.calls
    finally:
        rtp_transport.close()
        peer.close()
        await server.stop()


async def test_session_timer_a_session_the_caller_does_not_refresh_is_ended_with_bye():
    server, calls = await start(session_expires_s=2, min_se_s=1)
    peer = await SipPeer.open()
    rtp, rtp_transport, rtp_port = await Rtp.open()
    try:
        call_id, ok = await invite(peer, server, rtp_port,
                                   extra="Supported: timer\r\nSession-Expires: 2;refresher=uac\r\nMin-SE: 1\r\n")
        assert header(ok, "Session-Expires") == "2;refresher=uac" and header(ok, "Require") == "timer"
        ack(peer, server, call_id, to_tag(ok))
        bye = await peer.expect(lambda m: m.startswith(b"BYE ") and call_id.encode() in m, timeout=30)
        assert bye
        await until(lambda: not server.calls)
        assert calls.calls[0].end_reason == "session expired"
    finally:
        rtp_transport.close()
        peer.close()
        await server.stop()


async def test_session_timer_too_small_an_interval_gets_422_with_our_minimum():
    server, _ = await start(min_se_s=90)
    peer = await SipPeer.open()
    try:
        _, final = await invite(peer, server, 4000, extra="Supported: timer\r\nSession-Expires: 30\r\n")
        assert final.startswith(b"SIP/2.0 422") and header(final, "Min-SE") == "90"
    finally:
        peer.close()
        await server.stop()


async def test_session_timer_the_bot_refreshes_when_it_is_the_refresher():
    server, calls = await start(session_expires_s=2, min_se_s=1)
    peer = await SipPeer.open()
    rtp, rtp_transport, rtp_port = await Rtp.open()
    try:
        call_id, ok = await invite(peer, server, rtp_port,
                                   extra="Supported: timer\r\nAllow: INVITE, ACK, BYE, UPDATE\r\n")
        assert header(ok, "Session-Expires") == "2;refresher=uas"
        ack(peer, server, call_id, to_tag(ok))
        update = await peer.expect(lambda m: m.startswith(b"UPDATE ") and call_id.encode() in m, timeout=30)
        assert header(update, "Session-Expires").startswith("2")
        assert call_id in server.calls
    finally:
        rtp_transport.close()
        peer.close()
        await server.stop()
