"""Twilio Media Streams, hardened for a line we do not control.

pipecat's ``TwilioFrameSerializer`` does the codec work (µ-law 8 kHz ↔ PCM at the pipeline rate,
``dtmf`` → ``InputDTMFFrame``, interruption → ``clear``). This subclass adds what a public endpoint
needs: it checks every message before trusting it, never logs message content (a frame may carry
key digits), counts what it dropped so the call record shows it, and turns ``stop`` into the end
of the call. The handshake (``connected`` → ``start``) is read by ``read_start`` before the
pipeline exists, because the serializer needs the ``streamSid`` from ``start``.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from loguru import logger
from pipecat.frames.frames import Frame, OutputTransportMessageFrame
from pipecat.serializers.twilio import TwilioFrameSerializer

KEYPAD = set("0123456789*#")
# Twilio's are "MZ" + 32 hex digits; anything that could climb out of a folder is refused.
_STREAM_SID = re.compile(r"[A-Za-z0-9_-]{1,64}")
# Twilio sends 20 ms (160 bytes) per media message; accept any size up to one second.
MAX_MEDIA_BYTES = 8000
MAX_MESSAGE_CHARS = 64_000


class ProtocolError(Exception):
    """The peer broke the protocol badly enough that the call cannot go on."""


@dataclass
class StreamStart:
    stream_sid: str
    call_sid: str | None
    caller_number: str | None
    custom_parameters: dict[str, str] = field(default_factory=dict)


def parse_message(data: str | bytes) -> dict | None:
    """One Twilio message as a dict, or None when it is not a JSON object we can read."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if len(data) > MAX_MESSAGE_CHARS:
        return None
    try:
        message = json.loads(data)
    except json.JSONDecodeError:
        return None
    return message if isinstance(message, dict) else None


def parse_start(message: dict) -> StreamStart:
    """Validate a ``start`` message: we accept only 8 kHz mono µ-law, as Twilio sends."""
    start = message.get("start")
    if not isinstance(start, dict):
        raise ProtocolError("start event without a start object")
    stream_sid = message.get("streamSid") or start.get("streamSid")
    if not isinstance(stream_sid, str) or not stream_sid:
        raise ProtocolError("start event without a streamSid")
    if not _STREAM_SID.fullmatch(stream_sid):  # it names the call record's file
        raise ProtocolError("invalid streamSid")
    media_format = start.get("mediaFormat") or {}
    encoding = str(media_format.get("encoding", "audio/x-mulaw")).lower()
    rate = media_format.get("sampleRate", 8000)
    channels = media_format.get("channels", 1)
    if encoding != "audio/x-mulaw" or rate != 8000 or channels != 1:
        raise ProtocolError("unsupported media format (need audio/x-mulaw, 8000 Hz, mono)")
    params = start.get("customParameters") or {}
    if not isinstance(params, dict):
        params = {}
    params = {str(k)[:64]: str(v)[:256] for k, v in params.items()}
    return StreamStart(
        stream_sid=stream_sid,
        call_sid=start.get("callSid") if isinstance(start.get("callSid"), str) else None,
        caller_number=params.get("caller") or params.get("From"),
        custom_parameters=params,
    )


class KasTwilioSerializer(TwilioFrameSerializer):
    """Validating Twilio serializer; ``on_stop`` is awaited when the peer sends ``stop``."""

    def __init__(
        self,
        stream_sid: str,
        *,
        call_sid: str | None = None,
        on_stop: Callable[[], Awaitable[None]] | None = None,
        on_mark: Callable[[str], Awaitable[None]] | None = None,
    ) -> None:
        # auto_hang_up needs Twilio's REST credentials; on-prem the telephony side hangs up.
        super().__init__(
            stream_sid, call_sid=call_sid, params=TwilioFrameSerializer.InputParams(auto_hang_up=False)
        )
        self.dropped: Counter[str] = Counter()
        self._on_stop = on_stop
        self._on_mark = on_mark
        self._stopped = False

    def _drop(self, reason: str) -> None:
        # Warn on the first of each kind, then only count: a broken peer must not flood the log.
        if self.dropped[reason] == 0:
            logger.warning(f"twilio stream {self._stream_sid}: dropped message ({reason})")
        self.dropped[reason] += 1

    async def deserialize(self, data: str | bytes) -> Frame | None:
        message = parse_message(data)
        if message is None:
            self._drop("malformed JSON")
            return None
        event = message.get("event")
        if event == "media":
            media = message.get("media")
            payload = media.get("payload") if isinstance(media, dict) else None
            if not isinstance(payload, str) or not payload:
                self._drop("media without payload")
                return None
            try:
                audio = base64.b64decode(payload, validate=True)
            except (binascii.Error, ValueError):
                self._drop("media payload is not base64")
                return None
            if not 0 < len(audio) <= MAX_MEDIA_BYTES:
                self._drop("media payload size out of range")
                return None
            return await super().deserialize(data)
        if event == "dtmf":
            dtmf = message.get("dtmf")
            digit = dtmf.get("digit") if isinstance(dtmf, dict) else None
            if not isinstance(digit, str) or digit not in KEYPAD:
                self._drop("invalid dtmf")  # the value itself is never logged
                return None
            return await super().deserialize(data)
        if event == "mark":
            mark = message.get("mark")
            name = mark.get("name") if isinstance(mark, dict) else None
            if isinstance(name, str) and self._on_mark:
                await self._on_mark(name[:128])
            return None
        if event == "stop":
            if not self._stopped and self._on_stop:
                self._stopped = True
                await self._on_stop()
            return None
        if event in ("connected", "start"):
            self._drop("repeated handshake")
            return None
        self._drop("unknown event")
        return None


def mark_frame(stream_sid: str, name: str) -> OutputTransportMessageFrame:
    """A Twilio ``mark``: the telephony side echoes it once the audio before it has played.

    Not an urgent frame: it must leave after the audio queued before it, in order.
    """
    return OutputTransportMessageFrame(
        message={"event": "mark", "streamSid": stream_sid, "mark": {"name": name}}
    )
