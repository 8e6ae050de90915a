"""``/telephony/twilio``: one Twilio Media Streams WebSocket = one call through the pipeline.

Before a pipeline exists the stream must be authenticated (``stream_auth.py``) and admitted
(``admission.py``): an unauthenticated stream is closed with no record; a caller beyond the
worker's capacity hears a short message and is handed to the agents' queue (or asked to call again).
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
import uuid

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from loguru import logger
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.transports.websocket.fastapi import FastAPIWebsocketParams, FastAPIWebsocketTransport
from pipecat.workers.runner import WorkerRunner

from contracts.handoff import HandoffContext, HandoffReason
from contracts.queues import Queue
from dialogue.actions import HandOff
from integrations.handoff import metrics
from integrations.phone import caller_key, e164
from voicebot.admission import OVERFLOW_CALL_AGAIN, OVERFLOW_QUEUED, CallSlots
from voicebot.call_record import CallRecord
from voicebot.session import HANDED_OFF
from voicebot.memory import give_back_memory
from voicebot.telephony.stream_auth import StreamAuth, request_url
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
    auth: StreamAuth = ws.app.state.stream_auth
    headers = {key.lower(): value for key, value in ws.headers.items()}
    proven = auth.handshake_ok(headers, request_url(ws.scope))
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
    if not (proven or auth.start_ok(start.custom_parameters)):
        # No pipeline, no record: nothing happened but a refused connection.
        logger.warning("twilio: stream refused, the telephony side did not authenticate")
        await ws.close(code=1008, reason="not authenticated")
        return
    if services is None:
        await ws.close(code=1013, reason="starting")
        return
    slots: CallSlots = ws.app.state.call_slots
    with slots.admit() as admitted:
        if admitted:
            await run_call(ws, services, start, dropped_before)
        else:
            await overflow_call(ws, services, start, slots)


def call_channel(start: StreamStart) -> str:
    return "browser" if start.custom_parameters.get("channel") == "browser" else "telephony"


def start_record(services, start: StreamStart) -> CallRecord:
    call_id = f"{start.stream_sid[:40]}-{uuid.uuid4().hex[:8]}"
    record = CallRecord(services.settings.calls_dir, call_id)
    record.emit(
        "call_started",
        channel=call_channel(start),
        protocol="twilio",
        stream_sid=start.stream_sid,
        caller=mask_number(e164(start.caller_number) or start.caller_number),
        asr_engine=services.asr_engine,
        tts_engine=services.tts_engine,
    )
    metrics.record_call("voice")
    return record


def handoff_mark_name(outcome: dict, channel: str) -> tuple[str, str]:
    """(the mark's name on the line, what the record may say of it). The telephony side bridges
    the call to the queue; the browser page is its own telephony side and also gets the caller's
    token, which is a credential: the record never holds it."""
    label = f"handoff:{outcome['handoff_id']}:{outcome.get('queue', '')}"
    if channel == "browser" and outcome.get("caller_token"):
        return f"{label}:{outcome['caller_token']}", label
    return label, label


async def run_call(ws: WebSocket, services, start: StreamStart, dropped_before: dict[str, int]) -> None:
    record = start_record(services, start)
    call_id = record.call_id
    channel = call_channel(start)
    # One spelling of the caller's line (E.164) for the dialogue, the card and the identity
    # service's per-line limit; a line without a number is still one line for the limit.
    caller = e164(start.caller_number)
    line = caller or caller_key(start.caller_number)
    # Marks we sent, by name → what the record may say of them. A peer's mark is never written as
    # it came (it could carry anything); one of ours is written without any token in it.
    sent_marks: dict[str, str] = {}
    end_reason = "caller hung up"
    worker: PipelineWorker | None = None

    async def on_stop() -> None:
        nonlocal end_reason
        end_reason = "stream stopped"
        if worker is not None:
            await worker.cancel(reason="stop event")

    async def on_mark(name: str) -> None:
        record.emit("mark_played", name=sent_marks.get(name, "unknown"))

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
        # Tells the telephony side to bridge this call to the queue (docs/handoff.md).
        name, label = handoff_mark_name(outcome, channel)
        sent_marks[name] = label
        return [mark_frame(start.stream_sid, name)]

    dialogue = services.new_dialogue_processor(
        record=record, channel="voice", caller_number=caller, line_key=line, handoff_frames=handoff_frames
    )
    if start.custom_parameters.get("survey_for"):
        await survey_after_handoff(services, dialogue.session, start.custom_parameters["survey_for"], record)
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
        # The dialogue's reason wins over a hang-up that followed it; a handoff wins over all.
        ended_by_dialogue = dialogue.session.end_reason
        if ended_by_dialogue == HANDED_OFF or (ended_by_dialogue and end_reason == "caller hung up"):
            end_reason = ended_by_dialogue
    except Exception as exc:
        end_reason = "error"
        logger.error(f"call {call_id}: pipeline failed ({type(exc).__name__})")
    finally:
        dropped = dict(dropped_before)
        for reason, count in serializer.dropped.items():
            dropped[reason] = dropped.get(reason, 0) + count
        record.close(reason=end_reason, dropped=dropped)
        give_back_memory()  # a few ms at most; on this thread, so no pool grows for it


async def survey_after_handoff(services, session, handoff_id: str, record: CallRecord) -> None:
    """The telephony side brings the caller back after the agent finished (TwiML ``<Parameter
    name="survey_for" value="{handoff id}"/>``): the conversation is the survey, rating the call that
    was handed off. Only a completed handoff qualifies; otherwise the caller gets the usual greeting."""
    queue = getattr(services.executor, "handoff_queue", None)
    try:
        info = await queue.info(handoff_id[:64]) if queue is not None else None
        card = await queue.card(handoff_id[:64]) if info is not None and info.status == "completed" else None
    except Exception as exc:  # noqa: BLE001 - Redis away: the caller still gets the bot
        logger.warning(f"survey after handoff: handoff not readable ({type(exc).__name__})")
        card = None
    if not card or not card.get("call_id"):
        record.emit("survey_refused", reason="handoff not completed or unknown")
        return
    session.survey_for, session.survey_queue = str(card["call_id"]), info.queue or ""
    record.emit("survey_for", call_id=session.survey_for, queue=info.queue)


async def overflow_call(ws: WebSocket, services, start: StreamStart, slots: CallSlots) -> None:
    """The worker is full: a short message, a place in the agents' queue (or a request to call
    again), and the stream ends. No pipeline, no models: this costs almost nothing."""
    record = start_record(services, start)
    channel = call_channel(start)
    record.emit("overflow", calls=slots.active, capacity=slots.capacity)
    caller = e164(start.caller_number)
    outcome: dict = {}
    try:
        action = HandOff(Queue.GENERAL, HandoffReason.OVERFLOW,
                         HandoffContext(HandoffReason.OVERFLOW, channel="voice", caller_number=caller),
                         None, request_id="overflow")
        outcome = await services.executor.hand_off(action, call_id=record.call_id, channel="voice")
    except Exception as exc:  # noqa: BLE001 - the caller still hears something sensible
        logger.error(f"call {record.call_id}: overflow handoff failed ({type(exc).__name__})")
    queued = outcome.get("handoff_id") and outcome.get("status") in ("queued", "outboxed")
    if outcome.get("handoff_id"):
        record.emit("handoff", queue=outcome.get("queue"), reason="overflow", callback=False,
                    handoff_id=outcome["handoff_id"], status=outcome.get("status"))
    text = OVERFLOW_QUEUED if queued else OVERFLOW_CALL_AGAIN
    record.emit("bot_utterance", text=text, sensitive=False)
    reason = "overflow: handed off" if queued else "overflow: asked to call again"
    try:
        audio = await services.overflow_audio(text)
        for i in range(0, len(audio), 160):  # 20 ms messages, as Twilio sends them
            await ws.send_text(json.dumps({"event": "media", "streamSid": start.stream_sid,
                                           "media": {"payload": base64.b64encode(audio[i:i + 160]).decode()}}))
        name, label = (handoff_mark_name(outcome, channel) if queued else ("overflow", "overflow"))
        await ws.send_text(json.dumps({"event": "mark", "streamSid": start.stream_sid, "mark": {"name": name}}))
        # Close once the line has played it all (the mark comes back), or its length plus a margin.
        if await _mark_echoed(ws, name, timeout_s=len(audio) / 8000 + 5.0):
            record.emit("mark_played", name=label)
        await ws.close(code=1000)
    except (WebSocketDisconnect, RuntimeError):
        reason = "caller hung up"
    finally:
        record.close(reason=reason, dropped={})


async def _mark_echoed(ws: WebSocket, name: str, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while (left := deadline - time.monotonic()) > 0:
        try:
            data = await asyncio.wait_for(ws.receive(), left)
        except asyncio.TimeoutError:
            return False
        if data["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(data.get("code", 1000))
        message = parse_message(data.get("text") or data.get("bytes") or b"")
        if not message:
            continue
        if message.get("event") == "stop":
            raise WebSocketDisconnect(1000)
        mark = message.get("mark")
        if message.get("event") == "mark" and isinstance(mark, dict) and mark.get("name") == name:
            return True
    return False


def mask_number(number: str | None) -> str | None:
    if not number:
        return None
    return number[:4] + "•" * max(0, len(number) - 6) + number[-2:] if len(number) > 6 else "•••"
