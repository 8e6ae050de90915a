"""One answered SIP call: the dialog's life after the INVITE — ACK, BYE, key presses by INFO,
re-INVITE/UPDATE (media moves, session refreshes), the session timer (RFC 4028), the transfer by
REFER, and hanging up. The media (``CallMedia``) and the pipeline hang off it.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from collections import Counter
from typing import TYPE_CHECKING

from loguru import logger
from sipmessage import Response

from voicebot.telephony import sip_message as M
from voicebot.telephony.dtmf import INFO_TYPES, key_from_info
from voicebot.telephony.sdp import Negotiated, SdpError, SdpSession, parse_offer
from voicebot.telephony.sip_dialog import Dialog, Peer, SessionTimer, SessionTimerTooSmall, negotiate_session_timer
from voicebot.telephony.sip_transfer import TransferOutcome, TransferProgress, refer_to

if TYPE_CHECKING:
    from voicebot.telephony.rtp import CallMedia
    from voicebot.telephony.sip_server import SipServer

HANGUP_WAIT_S = 4.0  # a BYE to a peer that is gone must not hold the worker


class SipCall:
    def __init__(self, server: "SipServer", invite: M.Parsed, dialog: Dialog, media: "CallMedia",
                 negotiated: Negotiated, timer: SessionTimer | None, caller_number: str | None,
                 sdp: SdpSession) -> None:
        self.server = server
        self.invite = invite
        self.dialog = dialog
        self.media = media
        self.negotiated = negotiated
        self.timer = timer
        self.caller_number = caller_number
        self.sdp = sdp
        self.started_at = time.time()
        self.cancelled = asyncio.Event()
        self.ended = asyncio.Event()
        self.end_reason: str | None = None
        self.dropped: Counter[str] = Counter()
        self._acked = asyncio.Event()
        self._closed = False
        self._transfer: TransferProgress | None = None
        self._timer_task: asyncio.Task | None = None
        self._refreshed = asyncio.Event()

    @property
    def transport(self) -> str:
        return self.dialog.peer.transport

    @property
    def codec(self) -> str:
        return self.negotiated.codec

    @property
    def confirmed(self) -> bool:
        return self._acked.is_set()

    def dropped_counts(self) -> dict[str, int]:
        counts = Counter(self.dropped)
        counts.update(self.media.dropped)
        return dict(counts)

    # ---- answering ----------------------------------------------------------------------------

    def cancel(self) -> None:
        self.cancelled.set()

    async def answer(self) -> None:
        """200 OK with our SDP; over UDP it is repeated until the ACK comes (RFC 3261 §13.3.1.4)."""
        response = await self.server.respond(self.invite, self.dialog.peer, 200, **self._ok_fields(self.invite))
        self.server.spawn(self._until_acked(response, self.dialog.peer))
        self._arm_session_timer()

    def _ok_fields(self, request: M.Parsed, *, with_sdp: bool = True) -> dict:
        headers = {"Contact": self.dialog.contact, "Allow": M.ALLOW, "Supported": "timer"}
        if self.timer is not None:
            headers["Session-Expires"] = f"{self.timer.interval_s};refresher={self.timer.refresher}"
            if "timer" in [t.lower() for t in request.message.supported + request.message.require]:
                headers["Require"] = "timer"
        fields: dict = {"to_tag": self.dialog.local_tag, "record_route": True, "headers": headers}
        if with_sdp:
            fields["body"] = self.sdp.answer(self.negotiated, self.media.local_port)
            fields["content_type"] = "application/sdp"
        return fields

    async def _until_acked(self, response: Response, peer: Peer) -> None:
        interval, deadline = M.T1, time.monotonic() + 64 * M.T1
        while not self._acked.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                logger.warning(f"sip call {self.short_id}: no ACK for our 200 OK, hanging up")
                await self.hangup("no ACK")
                return
            try:
                await asyncio.wait_for(self._acked.wait(), timeout=min(interval, remaining))
            except asyncio.TimeoutError:
                if peer.transport == "udp":
                    await self.server.send(response, peer)
                    interval = min(interval * 2, M.T2)

    def acked(self, _request: M.Parsed) -> None:
        self._acked.set()

    @property
    def short_id(self) -> str:
        return self.dialog.local_tag

    # ---- requests inside the dialog -----------------------------------------------------------

    async def on_request(self, request: M.Parsed, peer: Peer) -> None:
        method = request.message.method
        if request.cseq.sequence <= self.dialog.remote_cseq and method != "INVITE":
            await self.server.respond(request, peer, 500, headers={"Retry-After": "1"})
            return
        if request.cseq.sequence > self.dialog.remote_cseq:
            self.dialog.remote_cseq = request.cseq.sequence
        if method == "BYE":
            await self.server.respond(request, peer, 200)
            self._end("caller hung up")
        elif method == "INFO":
            await self._on_info(request, peer)
        elif method in ("INVITE", "UPDATE"):
            await self._on_refresh(request, peer)
        elif method == "NOTIFY":
            await self._on_notify(request, peer)
        elif method == "OPTIONS":
            await self.server.respond(request, peer, 200, headers={"Allow": M.ALLOW})
        elif method == "REFER":
            await self.server.respond(request, peer, 403)  # nobody transfers the bot elsewhere
        else:
            await self.server.respond(request, peer, 501, headers={"Allow": M.ALLOW})

    async def _on_info(self, request: M.Parsed, peer: Peer) -> None:
        content_type = request.message.headers.get("Content-Type")
        key = key_from_info(content_type, request.message.body)
        if key is None:
            self.dropped["INFO without a keypad key"] += 1
            await self.server.respond(request, peer, 415, headers={"Accept": ", ".join(INFO_TYPES)})
            return
        await self.server.respond(request, peer, 200)
        if self.media.on_key is not None:
            self.media.on_key(key)  # to the pipeline only: a key is never logged or recorded

    async def _on_refresh(self, request: M.Parsed, peer: Peer) -> None:
        """re-INVITE or UPDATE: a session refresh, perhaps with a new offer (the stream moved)."""
        message = request.message
        has_offer = bool(message.body) and (message.headers.get("Content-Type") or "").startswith("application/sdp")
        if message.method == "INVITE" and not has_offer:
            await self.server.respond(request, peer, 488, headers={"Warning": '399 voicebot "SDP offer required"'})
            return
        try:
            timer = negotiate_session_timer(request, self.server.config.session_expires_s, self.server.config.min_se_s)
            if has_offer:
                offer = parse_offer(message.body)
                pt = next((p for p in offer.payload_types if offer.codec_name(p) == self.negotiated.codec), None)
                if pt is None:
                    raise SdpError("the call's codec is no longer offered")
                moved = Negotiated(self.negotiated.codec, self.negotiated.payload_type, self.negotiated.dtmf_payload_type,
                                   offer.address, offer.port)
                if (moved.remote_address, moved.remote_port) != (self.negotiated.remote_address,
                                                                 self.negotiated.remote_port):
                    self.negotiated = moved
                    self.media.move(moved, peer.address[0])
        except SdpError as exc:
            await self.server.respond(request, peer, exc.code, headers={"Warning": '305 voicebot "Incompatible media format"'})
            return
        except SessionTimerTooSmall as exc:
            await self.server.respond(request, peer, 422, headers={"Min-SE": str(exc.min_se)})
            return
        except ValueError:
            await self.server.respond(request, peer, 400)
            return
        self.timer = timer
        response = await self.server.respond(request, peer, 200, **self._ok_fields(request, with_sdp=has_offer))
        if message.method == "INVITE":
            self._acked.clear()
            self.server.spawn(self._until_acked(response, peer))
        self._refreshed.set()
        self._arm_session_timer()

    async def _on_notify(self, request: M.Parsed, peer: Peer) -> None:
        event = (request.message.headers.get("Event") or "").split(";")[0].strip().lower()
        if event != "refer" or self._transfer is None:
            await self.server.respond(request, peer, 481 if event == "refer" else 489)
            return
        await self.server.respond(request, peer, 200)
        self._transfer.notify(request.message.body, request.message.headers.get("Subscription-State"))

    # ---- session timer ------------------------------------------------------------------------

    def _arm_session_timer(self) -> None:
        if self._timer_task is not None:
            self._timer_task.cancel()
            self._timer_task = None
        if self.timer is not None and not self.ended.is_set():
            self._timer_task = self.server.spawn(self._session_timer(self.timer))

    async def _session_timer(self, timer: SessionTimer) -> None:
        if timer.refresher == "uac":
            # The caller's side refreshes; without a refresh before the interval ends the session is dead.
            await asyncio.sleep(timer.interval_s - min(32, timer.interval_s / 3))
            logger.info(f"sip call {self.short_id}: session expired without a refresh")
            await self.hangup("session expired")
            return
        await asyncio.sleep(timer.interval_s / 2)
        code = await self._refresh_session(timer)
        if code is None or code in (408, 481):
            await self.hangup("session refresh failed")
        elif not self.ended.is_set():
            self._arm_session_timer()

    async def _refresh_session(self, timer: SessionTimer) -> int | None:
        headers = {"Session-Expires": f"{timer.interval_s};refresher=uas", "Supported": "timer"}
        if self.dialog.peer_allows_update:
            response = await self._send_in_dialog("UPDATE", headers=headers)
        else:
            body = self.sdp.answer(self.negotiated, self.media.local_port)
            response = await self._send_in_dialog("INVITE", headers=headers, body=body,
                                                  content_type="application/sdp")
        return response.code if response is not None else None

    # ---- our requests -------------------------------------------------------------------------

    async def _next_hop(self) -> Peer:
        host, port, transport = self.dialog.next_hop()
        try:
            ipaddress.ip_address(host)
        except ValueError:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_DGRAM)
            host = infos[0][4][0]
        if (host, port) == self.dialog.peer.address:
            transport = self.dialog.peer.transport
        return Peer(transport, (host, port))

    async def _send_in_dialog(self, method: str, *, timeout_s: float = 32.0, **kwargs) -> Response | None:
        try:
            peer = await self._next_hop()
        except OSError:
            return None
        request = self.dialog.request(method, transport=peer.transport, **kwargs)
        response = await self.server.request(request, peer, timeout_s=timeout_s)
        if method == "INVITE" and response is not None and 200 <= response.code < 300:
            ack = self.dialog.request("ACK", transport=peer.transport)
            ack.headers.set("CSeq", f"{self.dialog.local_cseq - 1} ACK")
            self.dialog.local_cseq -= 1
            await self.server.send(ack, peer)
        return response

    async def transfer(self, target_uri: str, handoff_id: str, *, timeout_s: float) -> TransferOutcome:
        """REFER the caller to ``target_uri`` and wait for the outcome (the call stays up either way)."""
        if self.ended.is_set():
            return TransferOutcome(False, None, "call ended")
        progress = self._transfer = TransferProgress()
        headers = {
            "Refer-To": refer_to(target_uri, handoff_id),
            "Referred-By": f"<sip:voicebot@{self.dialog.via_host}>",
            "X-KAS-Handoff": handoff_id,
        }
        refer = self.server.spawn(self._send_in_dialog("REFER", headers=headers))
        refer.add_done_callback(lambda task: progress.refer_answered(
            None if task.cancelled() or task.exception() or task.result() is None else task.result().code))
        ended = asyncio.ensure_future(self.ended.wait())
        try:
            done, _ = await asyncio.wait({progress.outcome, ended}, timeout=timeout_s,
                                         return_when=asyncio.FIRST_COMPLETED)
            if not progress.outcome.done():
                progress.give_up("call ended" if ended in done else "no progress")
            return progress.outcome.result()
        finally:
            ended.cancel()
            self._transfer = None

    # ---- ending -------------------------------------------------------------------------------

    def _end(self, reason: str) -> None:
        if not self.ended.is_set():
            self.end_reason = reason
            self.ended.set()
        if self._timer_task is not None:
            self._timer_task.cancel()

    async def hangup(self, reason: str) -> None:
        """BYE (when the dialog is up and nobody hung up yet), then the call is over."""
        if self.ended.is_set():
            return
        self._end(reason)
        try:
            await asyncio.wait_for(self._send_in_dialog("BYE"), timeout=HANGUP_WAIT_S)
        except asyncio.TimeoutError:
            pass

    async def close(self, reason: str) -> None:
        self._end(reason)
        if self._closed:
            return
        self._closed = True
        self.server.forget(self)
        await self.media.close()

