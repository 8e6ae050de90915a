"""A synthetic phone line: calls the bot over the Twilio Media Streams protocol, like Twilio would.

It streams caller audio as 8 kHz µ-law in 20 ms ``media`` messages paced in real time (or faster),
sends ``dtmf`` key presses, records every ``media`` message the bot sends with its arrival time,
honours ``clear`` (barge-in) and echoes ``mark`` messages as a telephony front end does. Used by
the end-to-end tests, the latency benchmark and the evaluation runner.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
import uuid
from dataclasses import dataclass, field

import websockets

from asr.audio import mulaw_decode, mulaw_encode, resample_pcm16

FRAME_MS = 20
FRAME_BYTES = 160  # 20 ms of 8 kHz µ-law


@dataclass
class BotAudio:
    t: float  # arrival, time.time()
    ulaw: bytes


@dataclass
class CallTrace:
    stream_sid: str
    bot_audio: list[BotAudio] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    clears: int = 0
    closed_at: float | None = None
    close_code: int | None = None

    def bot_audio_after(self, t: float) -> list[BotAudio]:
        return [a for a in self.bot_audio if a.t >= t]

    def first_bot_audio_after(self, t: float) -> float | None:
        later = self.bot_audio_after(t)
        return later[0].t if later else None

    def bot_pcm8k(self) -> bytes:
        return mulaw_decode(b"".join(a.ulaw for a in self.bot_audio))


class TwilioCaller:
    def __init__(self, url: str, *, caller_number: str | None = "+48221234567", realtime: bool = True,
                 custom_parameters: dict | None = None, headers: dict | None = None) -> None:
        self.url = url
        # Handshake headers, e.g. the telephony side's credentials (Authorization, X-Twilio-Signature).
        self.headers = headers or {}
        self.realtime = realtime
        self.stream_sid = "MZ" + uuid.uuid4().hex
        self.call_sid = "CA" + uuid.uuid4().hex
        self.trace = CallTrace(self.stream_sid)
        self._params = {**({"caller": caller_number} if caller_number else {}), **(custom_parameters or {})}
        self._ws = None
        self._reader: asyncio.Task | None = None
        self._seq = 0

    async def __aenter__(self) -> "TwilioCaller":
        await self.connect()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.hang_up()

    async def connect(self) -> None:
        self._ws = await websockets.connect(self.url, max_size=2**22, additional_headers=self.headers or None)
        await self.send_json({"event": "connected", "protocol": "Call", "version": "1.0.0"})
        await self.send_json({
            "event": "start", "sequenceNumber": self._next_seq(), "streamSid": self.stream_sid,
            "start": {
                "streamSid": self.stream_sid, "accountSid": "AC" + "0" * 32, "callSid": self.call_sid,
                "tracks": ["inbound"], "customParameters": self._params,
                "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
            },
        })
        self._reader = asyncio.create_task(self._read())

    def _next_seq(self) -> str:
        self._seq += 1
        return str(self._seq)

    async def send_json(self, message: dict) -> None:
        await self.send_raw(json.dumps(message))

    async def send_raw(self, data: str | bytes) -> None:
        # Once the bot has hung up, the line is dead: what the caller still sends goes nowhere.
        if self._ws is None or self.trace.closed_at is not None:
            return
        try:
            await self._ws.send(data)
        except websockets.ConnectionClosed:
            pass

    async def _read(self) -> None:
        try:
            async for raw in self._ws:
                try:
                    msg = json.loads(raw)
                except (TypeError, ValueError):
                    continue
                event = msg.get("event")
                if event == "media":
                    self.trace.bot_audio.append(BotAudio(time.time(), base64.b64decode(msg["media"]["payload"])))
                elif event == "clear":
                    self.trace.clears += 1
                elif event == "mark":
                    name = msg.get("mark", {}).get("name", "")
                    self.trace.marks.append(name)
                    await self.send_json({"event": "mark", "streamSid": self.stream_sid, "mark": {"name": name}})
        except websockets.ConnectionClosed as exc:
            self.trace.close_code = exc.rcvd.code if exc.rcvd is not None else None
        finally:
            self.trace.closed_at = time.time()

    async def play(self, pcm16: bytes, sample_rate: int) -> float:
        """Send audio as the caller's voice; returns time.time() when its last frame left."""
        ulaw = mulaw_encode(resample_pcm16(pcm16, sample_rate, 8000) if sample_rate != 8000 else pcm16)
        start = time.monotonic()
        for i in range(0, len(ulaw), FRAME_BYTES):
            if self.trace.closed_at is not None:
                break
            await self.send_media(ulaw[i:i + FRAME_BYTES])
            if self.realtime:
                due = start + (i // FRAME_BYTES + 1) * FRAME_MS / 1000
                await asyncio.sleep(max(0.0, due - time.monotonic()))
        return time.time()

    async def send_media(self, ulaw: bytes) -> None:
        await self.send_json({"event": "media", "sequenceNumber": self._next_seq(), "streamSid": self.stream_sid,
                              "media": {"track": "inbound", "payload": base64.b64encode(ulaw).decode()}})

    async def silence(self, seconds: float) -> None:
        """A phone line keeps sending (silent) audio while nobody speaks."""
        await self.play(b"\x00\x00" * int(8000 * seconds), 8000)

    async def press(self, keys: str, gap_s: float = 0.15) -> None:
        for key in keys:
            await self.send_json({"event": "dtmf", "streamSid": self.stream_sid, "sequenceNumber": self._next_seq(),
                                  "dtmf": {"track": "inbound_track", "digit": key}})
            await self.silence(gap_s)

    async def wait_for_bot_audio(self, after: float, timeout: float, quiet_s: float = 0.8) -> bool:
        """Wait (while sending silence) until the bot spoke after ``after`` and then went quiet."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            later = self.trace.bot_audio_after(after)
            if later and time.time() - later[-1].t >= quiet_s:
                return True
            if self.trace.closed_at:
                return bool(later)
            await self.silence(0.1)
        return bool(self.trace.bot_audio_after(after))

    async def drop_line(self) -> None:
        """The line drops: the socket closes with no ``stop`` (a caller vanishing mid-sentence)."""
        await self._ws.close(code=1001)
        if self._reader:
            await asyncio.wait_for(self._reader, 5)
        self._ws = None

    async def hang_up(self) -> None:
        if self._ws is None:
            return
        try:
            await self.send_json({"event": "stop", "streamSid": self.stream_sid, "sequenceNumber": self._next_seq(),
                                  "stop": {"accountSid": "AC" + "0" * 32, "callSid": self.call_sid}})
            await self._ws.close()
        except websockets.ConnectionClosed:
            pass
        if self._reader:
            try:
                await asyncio.wait_for(self._reader, 5)
            except asyncio.TimeoutError:
                self._reader.cancel()
        self._ws = None
