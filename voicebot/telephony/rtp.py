"""RTP for one call: aiortp's session (jitter buffer, loss concealment, G.711/G.722, RFC 4733) with
the source check a public media port needs.

aiortp's own latching follows any sender; here a packet counts only when it comes from the host the
SDP (or the signalling peer) named, and the first such packet latches the exact address and port
(symmetric RTP behind NAT or a media relay). Everything else — another host, another port once
latched, a packet that is not RTP, a payload type we did not negotiate — is dropped and counted, so
the call record shows it and the log is not flooded. A re-INVITE that moves the stream resets the
latch.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable

from aiortp import RTPSession, RtpPacket
from aiortp.codecs import get_codec
from aiortp.port_allocator import PortAllocator

from voicebot.telephony.dtmf import key_for_event
from voicebot.telephony.sdp import Negotiated

# aiortp logs at INFO when a source changes; its warnings name no payload we care about, but a call's
# media is nobody's business in the log.
logging.getLogger("aiortp").setLevel(logging.ERROR)

FRAME_MS = 20


class CallMedia(RTPSession):
    """One call's RTP stream. ``on_pcm(pcm16, sample_rate)`` and ``on_key(key)`` deliver what arrives."""

    on_pcm: Callable[[bytes, int], None] | None
    on_key: Callable[[str], None] | None

    @classmethod
    async def open(cls, local_host: str, negotiated: Negotiated, *, signalling_host: str,
                   port_allocator: PortAllocator | None = None) -> "CallMedia":
        session = await cls.create(
            local_addr=(local_host, 0), remote_addr=(negotiated.remote_address, negotiated.remote_port),
            payload_type=negotiated.payload_type, codec=get_codec(negotiated.payload_type),
            dtmf_payload_type=negotiated.dtmf_payload_type if negotiated.dtmf_payload_type is not None else -1,
            jitter_capacity=16, jitter_prefetch=2, plc=True, rtcp_interval=5.0, port_allocator=port_allocator,
        )
        session.setup(negotiated, signalling_host)
        return session

    def setup(self, negotiated: Negotiated, signalling_host: str) -> None:
        self.negotiated = negotiated
        self.dropped: Counter[str] = Counter()
        self.received_packets = 0
        self.sent_packets = 0
        self.on_pcm = None
        self.on_key = None
        self._allowed_hosts = {negotiated.remote_address, signalling_host}
        self._latched: tuple[str, int] | None = None
        self.on_audio = self._audio
        self.on_dtmf = self._dtmf

    @property
    def local_port(self) -> int:
        return self._rtp_transport._transport.get_extra_info("sockname")[1]

    @property
    def local_rtcp_port(self) -> int:
        return self._rtcp_transport._transport.get_extra_info("sockname")[1]

    @property
    def sample_rate(self) -> int:
        return self.negotiated.sample_rate

    def move(self, negotiated: Negotiated, signalling_host: str) -> None:
        """The peer moved the stream (re-INVITE): new address, new latch."""
        self.negotiated = negotiated
        self._allowed_hosts = {negotiated.remote_address, signalling_host}
        self._latched = None
        self.update_remote((negotiated.remote_address, negotiated.remote_port))

    # ---- receive ------------------------------------------------------------------------------

    def _handle_rtp(self, data: bytes, addr: tuple[str, int]) -> None:
        addr = (addr[0], addr[1])
        if self._latched is None:
            if addr[0] not in self._allowed_hosts:
                self.dropped["rtp from an unexpected address"] += 1
                return
        elif addr != self._latched:
            self.dropped["rtp from an unexpected address"] += 1
            return
        try:
            packet = RtpPacket.parse(data)
        except ValueError:
            self.dropped["malformed rtp"] += 1
            return
        if packet.payload_type not in (self.negotiated.payload_type, self.negotiated.dtmf_payload_type):
            self.dropped["rtp with a payload type not negotiated"] += 1
            return
        if packet.payload_type == self.negotiated.dtmf_payload_type and len(packet.payload) < 4:
            self.dropped["malformed telephone-event"] += 1
            return
        if self._latched is None:
            self._latched = addr
            self.update_remote(addr)  # symmetric RTP: answer where the media comes from
        self.received_packets += 1
        super()._handle_rtp(data, addr)

    def _handle_rtcp(self, data: bytes, addr: tuple[str, int]) -> None:
        if addr[0] in self._allowed_hosts:
            super()._handle_rtcp(data, addr)

    def _audio(self, pcm: bytes, _timestamp: int) -> None:
        if self.on_pcm is not None:
            self.on_pcm(pcm, self.sample_rate)

    def _dtmf(self, digit: str, _duration: int) -> None:
        key = key_for_event(digit)
        if key is None:
            self.dropped["telephone-event that is not a keypad key"] += 1
            return
        if self.on_key is not None:
            self.on_key(key)

    # ---- send ---------------------------------------------------------------------------------

    def send_frame(self, pcm: bytes) -> None:
        """One 20 ms frame of 16-bit PCM at ``sample_rate``."""
        self.send_audio_pcm_auto(pcm)
        self.sent_packets += 1
