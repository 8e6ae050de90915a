"""``/telephony/twilio``: one Twilio Media Streams WebSocket = one call through the pipeline."""

from __future__ import annotations

import asyncio
import uuid

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from loguru import logger
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.transports.websocket.fastapi import FastAPIWebsocketParams, FastAPIWebsocketTransport
from pipecat.workers.runner import WorkerRunner

from integrations.handoff import metrics
from voicebot.call_record import CallRecord
from voicebot.telephony.twilio import (
    KasTwilioSerializer,
    ProtocolError,
    StreamStart,
    mark_frame,
    parse_message,
    parse_start,
)

# A peer that never sends ``start`` is not a call.
START_TIMEOUT_S = 10.0
# Messages tolerated before ``start`` (Twilio sends exactly one, ``connected``).
MAX_PRESTART_MESSAGES = 50

router = APIRouter()


async def read_start(ws: WebSocket) -> tuple[StreamStart, dict[str, int]]:
    """Read up to and including ``start``; media before it is dropped and counted."""
    dropped: dict[str, int] = {}
    for _ in range(MAX_PRESTART_MESSAGES):
        data = await asyncio.wait_for(ws.receive(), timeout=START_TIMEOUT_S)
        if data["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(data.get("code", 1000))
        message = parse_message(data.get("text") or data.get("bytes") or b"")
        event = message.get("event") if message else None
        if event == "start":
            return parse_start(message), dropped
        if event != "connected":
            reason = "malformed JSON" if message is None else f"{event or 'unknown'} before start"
            reason = reason if event in (None, "media", "dtmf", "mark", "stop") else "unknown event before start"
            if reason not in dropped:
                logger.warning(f"twilio: dropped message before start ({reason})")
            dropped[reason] = dropped.get(reason, 0) + 1
            if event == "stop":
                raise WebSocketDisconnect(1000)
    raise ProtocolError("no start event")


@router.websocket("/telephony/twilio")
async def twilio_media_stream(ws: WebSocket) -> None:
    services = ws.app.state.services
    await ws.accept()
    try:
        start, dropped_before = await read_start(ws)
    except (asyncio.TimeoutError, ProtocolError) as exc:
        reason = "no start" if isinstance(exc, asyncio.TimeoutError) else str(exc)
        logger.warning(f"twilio: closing stream before the call started ({reason})")
        await ws.close(code=1008, reason=reason[:120])
        return
    except WebSocketDisconnect:
        return
    await run_call(ws, services, start, dropped_before)


async def run_call(ws: WebSocket, services, start: StreamStart, dropped_before: dict[str, int]) -> None:
    call_id = f"{start.stream_sid[:40]}-{uuid.uuid4().hex[:8]}"
    record = CallRecord(services.settings.calls_dir, call_id)
    channel = start.custom_parameters.get("channel", "telephony")
    record.emit(
        "call_started",
        channel=channel,
        protocol="twilio",
        stream_sid=start.stream_sid,
        caller=mask_number(start.caller_number),
        asr_engine=services.asr_engine,
        tts_engine=services.tts_engine,
    )
    metrics.record_call("voice")
    end_reason = "caller hung up"
    worker: PipelineWorker | None = None

    async def on_stop() -> None:
        nonlocal end_reason
        end_reason = "stream stopped"
        if worker is not None:
            await worker.cancel(reason="stop event")

    async def on_mark(name: str) -> None:
        record.emit("mark_played", name=name)

    serializer = KasTwilioSerializer(start.stream_sid, call_sid=start.call_sid, on_stop=on_stop, on_mark=on_mark)
    transport = FastAPIWebsocketTransport(
        websocket=ws,
        params=FastAPIWebsocketParams(
            audio_in_enabled=True,
            audio_out_enabled=True,
            add_wav_header=False,
            serializer=serializer,
            session_timeout=services.settings.max_call_s,
        ),
    )

    async def handoff_frames(outcome: dict) -> list:
        if not outcome.get("handoff_id"):
            return []
        # Tells the telephony side to bridge this call to the queue (docs/handoff.md). The browser
        # page is its own telephony side: it also gets the caller's token to join the agent.
        name = f"handoff:{outcome['handoff_id']}:{outcome.get('queue', '')}"
        if channel == "browser" and outcome.get("caller_token"):
            name += f":{outcome['caller_token']}"
        return [mark_frame(start.stream_sid, name)]

    dialogue = services.new_dialogue_processor(
        record=record, channel="voice", caller_number=start.caller_number, handoff_frames=handoff_frames
    )
    pipeline = services.build_pipeline(transport=transport, dialogue=dialogue)
    worker = PipelineWorker(
        pipeline,
        params=PipelineParams(audio_in_sample_rate=16000, audio_out_sample_rate=16000),
        idle_timeout_secs=services.settings.idle_timeout_s,
        enable_rtvi=False,
    )

    @transport.event_handler("on_client_disconnected")
    async def _on_disconnected(_transport, _ws):
        await worker.cancel(reason="client disconnected")

    @transport.event_handler("on_session_timeout")
    async def _on_timeout(_transport, _ws):
        nonlocal end_reason
        end_reason = "maximum call length"
        await worker.cancel(reason="session timeout")

    runner = WorkerRunner(handle_sigint=False)
    try:
        await runner.add_workers(worker)
        await runner.run()
        ended_by_bot = record.last.get("end_call", {}).get("reason")
        if ended_by_bot == "handed_off":
            end_reason = "handed off"
        elif ended_by_bot and end_reason == "caller hung up":
            end_reason = "bot ended the call"
    except Exception as exc:
        end_reason = "error"
        logger.error(f"call {call_id}: pipeline failed ({type(exc).__name__})")
    finally:
        dropped = dict(dropped_before)
        for reason, count in serializer.dropped.items():
            dropped[reason] = dropped.get(reason, 0) + count
        record.close(reason=end_reason, dropped=dropped)


def mask_number(number: str | None) -> str | None:
    if not number:
        return None
    return number[:4] + "•" * max(0, len(number) - 6) + number[-2:] if len(number) > 6 else "•••"
