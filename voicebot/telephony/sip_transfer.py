"""Blind transfer by REFER (RFC 3515) and its progress in NOTIFY ``message/sipfrag`` (RFC 3420).

The bot asks the caller's side to call the agents' queue (``Refer-To``) with the handoff id in the
new INVITE (``X-KAS-Handoff`` and ``User-to-User`` embedded as URI headers, and the URI parameter
``x-kas-handoff``), so the PBX's agent desktop can pop the context card; then follows the implicit subscription: 1xx = trying, 2xx = the caller
reached the queue, anything else (or silence until the deadline) = the transfer failed and the
caller stays with the bot.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from urllib.parse import quote

HANDOFF_HEADER = "X-KAS-Handoff"
HANDOFF_PARAM = "x-kas-handoff"
SIPFRAG_STATUS = re.compile(r"^SIP/2\.0 ([1-6]\d\d)(?: |$)")
HANDOFF_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


@dataclass(frozen=True)
class TransferOutcome:
    transferred: bool
    sip_code: int | None  # the final status the transferee reported (or the REFER's rejection)
    reason: str  # "transferred", "refer rejected", "target failed", "no progress", "call ended"


def user_to_user(handoff_id: str) -> str:
    """RFC 7433 User-to-User value carrying the handoff id (hex, as ISDN UUI gateways expect)."""
    return f"{('kas-handoff=' + handoff_id).encode('ascii').hex()};encoding=hex"


def refer_to(target_uri: str, handoff_id: str) -> str:
    """``Refer-To`` value: the queue's URI with the handoff headers the new INVITE must carry."""
    if not HANDOFF_ID.match(handoff_id):
        raise ValueError("handoff id has characters a SIP header cannot carry")
    headers = f"{HANDOFF_HEADER}={quote(handoff_id, safe='')}&User-to-User={quote(user_to_user(handoff_id), safe='')}"
    uri, _, existing = target_uri.partition("?")
    # Also a URI parameter: it stays in the new INVITE's Request-URI even where the transferee drops
    # the embedded headers (baresip 1.0 does), so the PBX can still read it.
    uri += f";{HANDOFF_PARAM}={handoff_id}"
    return f"<{uri}?{existing + '&' if existing else ''}{headers}>"


def sipfrag_status(body: bytes) -> int | None:
    """The status code of a ``message/sipfrag`` body ("SIP/2.0 200 OK"), or None."""
    try:
        first = body.decode("utf-8", errors="replace").split("\r\n", 1)[0].split("\n", 1)[0].strip()
    except Exception:
        return None
    match = SIPFRAG_STATUS.match(first)
    return int(match.group(1)) if match else None


class TransferProgress:
    """Collects what the REFER's response and the NOTIFYs say into one outcome."""

    def __init__(self) -> None:
        self.outcome: asyncio.Future[TransferOutcome] = asyncio.get_running_loop().create_future()
        self.accepted = False
        self.last_code: int | None = None

    def _finish(self, outcome: TransferOutcome) -> None:
        if not self.outcome.done():
            self.outcome.set_result(outcome)

    def refer_answered(self, code: int | None) -> None:
        if code is None:
            self._finish(TransferOutcome(False, None, "refer rejected"))
        elif 200 <= code < 300:
            self.accepted = True
        elif code >= 300:
            self._finish(TransferOutcome(False, code, "refer rejected"))

    def notify(self, body: bytes, subscription_state: str | None) -> None:
        code = sipfrag_status(body)
        if code is not None:
            self.last_code = code
            if 200 <= code < 300:
                self._finish(TransferOutcome(True, code, "transferred"))
            elif code >= 300:
                self._finish(TransferOutcome(False, code, "target failed"))
        if (subscription_state or "").split(";")[0].strip().lower() == "terminated":
            self._finish(TransferOutcome(False, self.last_code, "no final answer"))

    def give_up(self, reason: str) -> None:
        self._finish(TransferOutcome(False, self.last_code, reason))
