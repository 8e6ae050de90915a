"""The SIP endpoint: UDP and TCP listeners, transactions (RFC 3261 §17, the parts a UAS needs), and
the admission of new calls.

- Every datagram or TCP frame is parsed strictly (``sip_message.parse``); what cannot be parsed is
  dropped and counted; a request we can parse but not accept gets its error response.
- Retransmitted requests get the cached response (server transactions, 32 s); our own requests
  (BYE, REFER, UPDATE, re-INVITE) are retransmitted over UDP until a final response (T1 doubling to
  T2, given up after 64·T1).
- A new INVITE is admitted while fewer than ``max_calls`` calls are up or being set up; beyond that
  it gets 503 with Retry-After, so a proxy such as kamailio's dispatcher tries another worker. The
  transaction table is bounded too: a flood is answered with 503 or dropped, never queued.
- Nothing logs a message's content (INFO bodies are key presses; headers carry numbers).
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections import Counter, OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from loguru import logger
from sipmessage import Request, Response

from voicebot.telephony import sip_message as M
from voicebot.telephony.sdp import SdpError, SdpSession, negotiate, parse_offer
from voicebot.telephony.sip_call import SipCall
from voicebot.telephony.sip_dialog import Dialog, Peer, SessionTimerTooSmall, caller_number, negotiate_session_timer

TRANSACTION_S = 64 * M.T1
MAX_TRANSACTIONS = 4096
MAX_TCP_CONNECTIONS = 256
OUT_OF_DIALOG_405 = {"REGISTER", "SUBSCRIBE", "PUBLISH", "MESSAGE", "REFER", "NOTIFY", "INFO", "UPDATE", "PRACK"}


@dataclass
class SipConfig:
    host: str = "127.0.0.1"
    port: int = 5060  # 0 = any free port (tests); UDP and TCP share it
    advertised_host: str | None = None  # the address in Contact/Via/SDP when behind NAT
    max_calls: int = 8
    codecs: tuple[str, ...] = ("PCMA", "PCMU", "G722")
    session_expires_s: int = 1800
    min_se_s: int = 90
    answer_delay_s: float = 0.0  # ringing before the bot answers (a CANCEL may arrive meanwhile)
    trusted_proxies: tuple[str, ...] = ("127.0.0.1", "::1")
    rtp_port_min: int = 0
    rtp_port_max: int = 0

    @property
    def public_host(self) -> str:
        return self.advertised_host or self.host


class _Udp(asyncio.DatagramProtocol):
    def __init__(self, server: "SipServer") -> None:
        self.server = server
        self.transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr) -> None:
        self.server.receive(data, Peer("udp", (addr[0], addr[1])))

    def error_received(self, exc: Exception) -> None:  # ICMP unreachable from a peer that went away
        self.server.stats["udp send errors"] += 1


class _TcpConnection(asyncio.Protocol):
    def __init__(self, server: "SipServer") -> None:
        self.server = server
        self.framer = M.StreamFramer()
        self.transport: asyncio.Transport | None = None
        self.address: tuple[str, int] | None = None

    def connection_made(self, transport) -> None:
        self.transport = transport
        peer = transport.get_extra_info("peername")
        self.address = (peer[0], peer[1])
        if len(self.server.tcp_connections) >= MAX_TCP_CONNECTIONS:
            self.server.stats["tcp connections refused"] += 1
            transport.close()
            return
        self.server.tcp_connections[self.address] = self

    def data_received(self, data: bytes) -> None:
        try:
            frames = self.framer.feed(data)
        except M.SipParseError:
            self.server.stats["tcp stream unframable"] += 1
            self.transport.close()
            return
        for frame in frames:
            self.server.receive(frame, Peer("tcp", self.address))

    def connection_lost(self, exc) -> None:
        if self.address and self.server.tcp_connections.get(self.address) is self:
            del self.server.tcp_connections[self.address]


class SipServer:
    """``on_call(call)`` runs an answered call (the bot's pipeline) and returns when it is over."""

    def __init__(self, config: SipConfig, on_call: Callable[[SipCall], Awaitable[None]],
                 worker_full: Callable[[], bool] = lambda: False) -> None:
        self.config = config
        self.on_call = on_call
        # The worker's own capacity (voicebot.admission, shared with Twilio streams): full → 503.
        self.worker_full = worker_full
        self.stats: Counter[str] = Counter()
        self.calls: dict[str, SipCall] = {}  # by Call-ID
        self.setting_up = 0
        self.tcp_connections: dict[tuple[str, int], _TcpConnection] = {}
        self._udp: _Udp | None = None
        self._tcp_server: asyncio.AbstractServer | None = None
        self._responses: OrderedDict[tuple, tuple[float, bytes, Peer]] = OrderedDict()
        self._clients: dict[str, asyncio.Future] = {}
        self._invites: dict[str, SipCall] = {}  # by the INVITE's branch, until it is answered
        self._tasks: set[asyncio.Task] = set()
        self._port_allocator = None
        self.port = 0

    # ---- lifecycle ----------------------------------------------------------------------------

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        if self.config.rtp_port_min and self.config.rtp_port_max:
            from aiortp.port_allocator import PortAllocator

            self._port_allocator = PortAllocator((self.config.rtp_port_min, self.config.rtp_port_max))
        for _ in range(20):  # port 0: find a number free for both UDP and TCP
            udp_transport, self._udp = await loop.create_datagram_endpoint(
                lambda: _Udp(self), local_addr=(self.config.host, self.config.port))
            self.port = udp_transport.get_extra_info("sockname")[1]
            try:
                self._tcp_server = await loop.create_server(lambda: _TcpConnection(self), self.config.host, self.port)
                break
            except OSError:
                udp_transport.close()
                if self.config.port:
                    raise
        else:
            raise OSError("no free port for SIP over UDP and TCP")
        logger.info(f"sip: listening on {self.config.host}:{self.port} (udp, tcp)")

    async def stop(self) -> None:
        for call in list(self.calls.values()):
            await call.hangup("server stopping")
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._tcp_server:
            self._tcp_server.close()
        for connection in list(self.tcp_connections.values()):
            connection.transport.close()
        if self._udp and self._udp.transport:
            self._udp.transport.close()

    def spawn(self, coro) -> asyncio.Task:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self.stats["internal errors"] += 1
            logger.error(f"sip: task failed ({type(task.exception()).__name__})")

    # ---- sending ------------------------------------------------------------------------------

    async def send(self, message: Request | Response, peer: Peer) -> bool:
        data = M.encode(message)
        if peer.transport == "udp":
            if self._udp and self._udp.transport:
                self._udp.transport.sendto(data, peer.address)
                return True
            return False
        connection = self.tcp_connections.get(peer.address)
        if connection is None or connection.transport.is_closing():
            try:
                _, connection = await asyncio.wait_for(asyncio.get_running_loop().create_connection(
                    lambda: _TcpConnection(self), peer.address[0], peer.address[1]), timeout=5)
            except (OSError, asyncio.TimeoutError):
                self.stats["tcp connect failed"] += 1
                return False
        connection.transport.write(data)
        return True

    async def respond(self, request: M.Parsed, peer: Peer, code: int, **kwargs) -> Response:
        message = M.response(request, code, **kwargs)
        if code >= 200 or request.message.method == "INVITE":
            self._remember(self._transaction_key(request), M.encode(message), peer)
        await self.send(message, peer)
        return message

    async def request(self, message: Request, peer: Peer, *, timeout_s: float = TRANSACTION_S) -> Response | None:
        """Send a request and wait for its final response (None: no answer in time or unreachable)."""
        via = message.headers["Via"]
        branch = via.split("branch=")[1].split(";")[0]
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self._clients[branch] = future
        try:
            if not await self.send(message, peer):
                return None
            deadline = time.monotonic() + timeout_s
            interval = M.T1
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                wait = min(interval, remaining) if peer.transport == "udp" else remaining
                try:
                    return await asyncio.wait_for(asyncio.shield(future), timeout=wait)
                except asyncio.TimeoutError:
                    if peer.transport == "udp" and time.monotonic() < deadline:
                        await self.send(message, peer)
                        interval = min(interval * 2, M.T2)
        finally:
            self._clients.pop(branch, None)

    # ---- transactions -------------------------------------------------------------------------

    @staticmethod
    def _transaction_key(request: M.Parsed) -> tuple:
        method = request.message.method
        method = "INVITE" if method == "ACK" else method  # ACK of a non-2xx belongs to the INVITE
        via = request.via[0]
        return (request.branch, via.host, via.port, method)

    def _remember(self, key: tuple, data: bytes, peer: Peer) -> None:
        now = time.monotonic()
        self._responses[key] = (now + TRANSACTION_S, data, peer)
        self._responses.move_to_end(key)
        while self._responses:
            oldest_key, (expires, _, _) = next(iter(self._responses.items()))
            if expires > now and len(self._responses) <= MAX_TRANSACTIONS:
                break
            del self._responses[oldest_key]

    def _cached(self, key: tuple) -> tuple[bytes, Peer] | None:
        entry = self._responses.get(key)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1], entry[2]

    # ---- receiving ----------------------------------------------------------------------------

    def receive(self, data: bytes, peer: Peer) -> None:
        if data.strip(b"\r\n") == b"":
            return  # keep-alive
        try:
            parsed = M.parse(data)
        except M.SipParseError as exc:
            self._malformed(data, peer, str(exc))
            return
        if isinstance(parsed.message, Response):
            future = self._clients.get(parsed.branch)
            if future is not None and not future.done() and parsed.message.code >= 200:
                future.set_result(parsed.message)
            return
        self.spawn(self._on_request(parsed, peer))

    def _malformed(self, data: bytes, peer: Peer, reason: str) -> None:
        # The first of each kind is logged (the reason only, never the content); the rest counted.
        key = f"malformed: {reason}"
        if self.stats[key] == 0:
            logger.warning(f"sip: dropped a malformed message from {peer.transport} ({reason})")
        self.stats[key] += 1

    async def _on_request(self, request: M.Parsed, peer: Peer) -> None:
        method = request.message.method
        key = self._transaction_key(request)
        if method == "ACK":
            call = self._call_for(request)
            if call is not None and call.dialog.matches(request):
                call.acked(request)
            return  # the ACK of an error response ends its transaction; nothing to send
        cached = self._cached(key)
        if cached is not None:  # a retransmission: the same answer again
            self.stats["retransmissions"] += 1
            data, to = cached
            if to.transport == "udp" and self._udp and self._udp.transport:
                self._udp.transport.sendto(data, to.address)
            elif to.transport == "tcp" and peer.address in self.tcp_connections:
                self.tcp_connections[peer.address].transport.write(data)
            return
        if method == "CANCEL":
            await self._on_cancel(request, peer)
            return
        if request.to_tag:
            call = self._call_for(request)
            if call is None or not call.dialog.matches(request):
                await self.respond(request, peer, 481)
                return
            await call.on_request(request, peer)
            return
        if method == "INVITE":
            await self._on_invite(request, peer)
        elif method == "OPTIONS":
            await self.respond(request, peer, 200, headers={"Allow": M.ALLOW, "Accept": "application/sdp"})
        elif method == "BYE":
            await self.respond(request, peer, 481)
        elif method in OUT_OF_DIALOG_405:
            await self.respond(request, peer, 405, headers={"Allow": M.ALLOW})
        else:
            await self.respond(request, peer, 501, headers={"Allow": M.ALLOW})

    def _call_for(self, request: M.Parsed) -> SipCall | None:
        return self.calls.get(request.call_id)

    async def _on_cancel(self, request: M.Parsed, peer: Peer) -> None:
        call = self._invites.get(request.branch)
        if call is None:
            await self.respond(request, peer, 481)
            return
        await self.respond(request, peer, 200)
        call.cancel()

    async def _on_invite(self, request: M.Parsed, peer: Peer) -> None:
        config = self.config
        if request.call_id in self.calls:  # a second INVITE for a call that exists, other branch
            await self.respond(request, peer, 482)
            return
        if len(self.calls) + self.setting_up >= config.max_calls or self.worker_full():
            self.stats["calls refused (busy)"] += 1
            await self.respond(request, peer, 503, headers={"Retry-After": "5"})
            return
        unsupported = [t for t in request.message.require if t.lower() != "timer"]
        if unsupported:
            await self.respond(request, peer, 420, headers={"Unsupported": ", ".join(unsupported)[:200]})
            return
        body_type = request.message.headers.get("Content-Type")
        if not request.message.body or (body_type or "").split(";")[0].strip().lower() != "application/sdp":
            # A late offer (INVITE without SDP) is not supported: the bot needs the caller's media first.
            self.stats["calls refused (no offer)"] += 1
            await self.respond(request, peer, 488, headers={"Warning": '399 voicebot "SDP offer required"'})
            return
        try:
            offer = parse_offer(request.message.body)
            negotiated = negotiate(offer, config.codecs)
            timer = negotiate_session_timer(request, config.session_expires_s, config.min_se_s)
        except SdpError as exc:
            self.stats["calls refused (media)"] += 1
            warning = '305 voicebot "Incompatible media format"' if exc.code == 488 else '399 voicebot "Bad SDP"'
            await self.respond(request, peer, exc.code, headers={"Warning": warning})
            return
        except SessionTimerTooSmall as exc:
            await self.respond(request, peer, 422, headers={"Min-SE": str(exc.min_se)})
            return
        except ValueError:
            await self.respond(request, peer, 400)
            return
        self.setting_up += 1
        try:
            await self._answer(request, peer, negotiated, timer)
        finally:
            self.setting_up -= 1

    async def _answer(self, request: M.Parsed, peer: Peer, negotiated, timer) -> None:
        from voicebot.telephony.rtp import CallMedia

        config = self.config
        await self.respond(request, peer, 100)
        local_tag = M.new_tag()
        try:
            dialog = Dialog.from_invite(request, local_tag=local_tag, peer=peer, host=config.public_host,
                                        port=self.port)
        except ValueError:
            await self.respond(request, peer, 400)
            return
        media = await CallMedia.open(config.host, negotiated, signalling_host=peer.address[0],
                                     port_allocator=self._port_allocator)
        trusted = is_trusted(peer.address[0], config.trusted_proxies)
        call = SipCall(self, request, dialog, media, negotiated, timer, caller_number(request, trusted=trusted),
                       SdpSession(config.public_host))
        self._invites[request.branch] = call
        self.calls[request.call_id] = call
        try:
            if config.answer_delay_s > 0:
                await self.respond(request, peer, 180, to_tag=local_tag, record_route=True,
                                   headers={"Contact": dialog.contact})
                try:
                    await asyncio.wait_for(call.cancelled.wait(), timeout=config.answer_delay_s)
                except asyncio.TimeoutError:
                    pass
            if call.cancelled.is_set():
                await self.respond(request, peer, 487, to_tag=local_tag)
                await call.close("cancelled")
                return
            await call.answer()
        finally:
            self._invites.pop(request.branch, None)
        self.spawn(self._run(call))

    async def _run(self, call: SipCall) -> None:
        try:
            await self.on_call(call)
        finally:
            await call.hangup("call over")
            await call.close(call.end_reason or "call over")

    def forget(self, call: SipCall) -> None:
        if self.calls.get(call.dialog.call_id) is call:
            del self.calls[call.dialog.call_id]


def is_trusted(host: str, trusted: tuple[str, ...]) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    for item in trusted:
        try:
            if address in ipaddress.ip_network(item, strict=False):
                return True
        except ValueError:
            continue
    return False

