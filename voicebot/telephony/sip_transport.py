"""The pipecat transport of a SIP call: RTP audio in and out, key presses in, the transfer out.

Input: decoded RTP audio (8 kHz for G.711, 16 kHz for G.722) is resampled to the pipeline's rate and
pushed as ``InputAudioRawFrame``; a key (RFC 4733 or SIP INFO) becomes ``InputDTMFFrame``. Output:
the bot's audio is resampled to the codec's rate and sent as 20 ms RTP packets, paced by a clock as
a sound card would play it. ``SipTransferFrame`` travels behind the bot's last words ("Łączę z
konsultantem…") and starts the REFER only once they have been sent.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from pipecat.audio.dtmf.types import KeypadEntry
from pipecat.audio.utils import create_stream_resampler
from pipecat.frames.frames import (CancelFrame, ControlFrame, EndFrame, Frame, InputAudioRawFrame, InputDTMFFrame,
                                   InterruptionFrame, OutputAudioRawFrame, StartFrame)
from pipecat.processors.frame_processor import FrameDirection
from pipecat.transports.base_input import BaseInputTransport
from pipecat.transports.base_output import BaseOutputTransport
from pipecat.transports.base_transport import BaseTransport, TransportParams

from voicebot.telephony.rtp import FRAME_MS
from voicebot.telephony.sip_call import SipCall
from voicebot.telephony.sip_transfer import TransferOutcome

MAX_PENDING_INPUT = 500  # 10 s of 20 ms packets; beyond that the pipeline is stuck and audio is dropped
PLAYOUT_TAIL_S = 0.3  # the peer's jitter buffer still holds this much when we stop sending
IDLE_BEFORE_SILENCE_S = 0.04  # no bot audio for two frames: silence frames keep the stream going


@dataclass
class SipTransferFrame(ControlFrame):
    """Transfer the call to ``target`` (a SIP URI) once the audio before this frame has been sent."""

    handoff_id: str = ""
    target: str = ""
    timeout_s: float = 30.0
    result: asyncio.Future | None = None
    interruptible: bool = field(default=False, init=False)  # a barge-in must not drop the transfer


class SipInputTransport(BaseInputTransport):
    def __init__(self, transport: "SipTransport", call: SipCall, params: TransportParams, **kwargs) -> None:
        super().__init__(params, **kwargs)
        self._transport = transport
        self._call = call
        self._queue: asyncio.Queue = asyncio.Queue(maxsize=MAX_PENDING_INPUT)
        self._resampler = create_stream_resampler()
        self._pump_task: asyncio.Task | None = None
        self._end_task: asyncio.Task | None = None

    async def start(self, frame: StartFrame) -> None:
        await super().start(frame)
        self._call.media.on_pcm = self._on_pcm
        self._call.media.on_key = self._on_key
        if self._pump_task is None:
            self._pump_task = self.create_task(self._pump())
            self._end_task = self.create_task(self._watch_end())
        await self.set_transport_ready(frame)

    def _on_pcm(self, pcm: bytes, rate: int) -> None:
        try:
            self._queue.put_nowait((pcm, rate))
        except asyncio.QueueFull:
            self._call.dropped["audio while the pipeline was stuck"] += 1

    def _on_key(self, key: str) -> None:
        try:
            self._queue.put_nowait((key, None))
        except asyncio.QueueFull:
            self._call.dropped["key while the pipeline was stuck"] += 1

    async def _pump(self) -> None:
        while True:
            data, rate = await self._queue.get()
            if rate is None:
                await self.push_frame(InputDTMFFrame(button=KeypadEntry(data)))
                continue
            audio = await self._resampler.resample(data, rate, self.sample_rate)
            if audio:
                await self.push_audio_frame(InputAudioRawFrame(audio=audio, sample_rate=self.sample_rate,
                                                               num_channels=1))

    async def _watch_end(self) -> None:
        await self._call.ended.wait()
        await self._transport.call_ended()

    async def _teardown(self) -> None:
        self._call.media.on_pcm = None
        self._call.media.on_key = None
        for task in (self._pump_task, self._end_task):
            if task is not None:
                await self.cancel_task(task)
        self._pump_task = self._end_task = None

    async def stop(self, frame: EndFrame) -> None:
        await super().stop(frame)
        await self._teardown()

    async def cancel(self, frame: CancelFrame) -> None:
        await super().cancel(frame)
        await self._teardown()

    async def cleanup(self) -> None:
        await super().cleanup()
        await self._teardown()


class SipOutputTransport(BaseOutputTransport):
    def __init__(self, transport: "SipTransport", call: SipCall, params: TransportParams, **kwargs) -> None:
        super().__init__(params, **kwargs)
        self._call = call
        self._resampler = create_stream_resampler()
        self._buffer = bytearray()
        self._next_send = 0.0
        self._keepalive: asyncio.Task | None = None
        self._transfers: set[asyncio.Task] = set()

    @property
    def _frame_bytes(self) -> int:
        return self._call.media.sample_rate * FRAME_MS // 1000 * 2

    async def start(self, frame: StartFrame) -> None:
        await super().start(frame)
        if self._keepalive is None:
            self._keepalive = self.create_task(self._send_silence_while_idle())
        await self.set_transport_ready(frame)

    async def _send_silence_while_idle(self) -> None:
        """Continuous media, as a phone sends: a PBX or SBC hangs up a call whose RTP stops."""
        silence = b"\0" * self._frame_bytes
        while True:
            await asyncio.sleep(FRAME_MS / 1000)
            # Behind the send clock by two frames: the bot is not speaking, a silence frame fills the slot.
            if time.monotonic() - self._next_send >= IDLE_BEFORE_SILENCE_S and not self._call.ended.is_set():
                await self._send(silence)

    async def _stop_keepalive(self) -> None:
        if self._keepalive is not None:
            await self.cancel_task(self._keepalive)
            self._keepalive = None

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)
        if isinstance(frame, InterruptionFrame):
            self._buffer.clear()  # the caller talked over the bot: what is not sent yet is dropped
            self._next_send = 0.0

    async def write_audio_frame(self, frame: OutputAudioRawFrame) -> bool:
        if self._call.ended.is_set():
            return False
        audio = await self._resampler.resample(frame.audio, frame.sample_rate, self._call.media.sample_rate)
        self._buffer += audio
        size = self._frame_bytes
        while len(self._buffer) >= size:
            chunk = bytes(self._buffer[:size])
            del self._buffer[:size]
            await self._send(chunk)
        return True

    async def _send(self, chunk: bytes) -> None:
        # Real time, like a sound card: the peer's jitter buffer is small.
        now = time.monotonic()
        if self._next_send == 0.0 or now - self._next_send > 0.2:
            self._next_send = now
        elif self._next_send > now:
            await asyncio.sleep(self._next_send - now)
        self._next_send += FRAME_MS / 1000
        self._call.media.send_frame(chunk)

    async def _flush(self) -> None:
        if self._buffer:
            size = self._frame_bytes
            await self._send(bytes(self._buffer).ljust(size, b"\0"))
            self._buffer.clear()

    async def write_transport_frame(self, frame: Frame) -> None:
        if isinstance(frame, SipTransferFrame):
            await self._flush()
            await asyncio.sleep(PLAYOUT_TAIL_S)
            task = asyncio.get_running_loop().create_task(self._transfer(frame))
            self._transfers.add(task)
            task.add_done_callback(self._transfers.discard)

    async def _transfer(self, frame: SipTransferFrame) -> None:
        try:
            outcome = await self._call.transfer(frame.target, frame.handoff_id, timeout_s=frame.timeout_s)
        except Exception as exc:  # the caller must not be left hanging by a bug in the transfer
            outcome = TransferOutcome(False, None, f"error ({type(exc).__name__})")
        if frame.result is not None and not frame.result.done():
            frame.result.set_result(outcome)

    async def stop(self, frame: EndFrame) -> None:
        await super().stop(frame)
        await self._flush()
        await asyncio.sleep(PLAYOUT_TAIL_S)
        await self._stop_keepalive()

    async def cancel(self, frame: CancelFrame) -> None:
        await super().cancel(frame)
        await self._stop_keepalive()

    async def cleanup(self) -> None:
        await super().cleanup()
        await self._stop_keepalive()


class SipTransport(BaseTransport):
    """Event ``on_client_disconnected(transport, call)``: the caller's side ended the call."""

    def __init__(self, call: SipCall, params: TransportParams | None = None) -> None:
        super().__init__()
        params = params or TransportParams(audio_in_enabled=True, audio_out_enabled=True)
        self._call = call
        self._input = SipInputTransport(self, call, params, name="SipInput")
        self._output = SipOutputTransport(self, call, params, name="SipOutput")
        self._register_event_handler("on_client_disconnected")

    def input(self) -> SipInputTransport:
        return self._input

    def output(self) -> SipOutputTransport:
        return self._output

    async def call_ended(self) -> None:
        await self._call_event_handler("on_client_disconnected", self._call)
