"""A SIP call through the bot: the same pipeline, dialogue, call record and secrecy rules as a Twilio
stream (``twilio_route.run_call``), with the SIP transport, and a handoff that moves the call by
REFER to the queue's SIP URI (``VOICEBOT_SIP_TRANSFER_URIS`` / ``VOICEBOT_SIP_TRANSFER_URI``).

``start_sip_server(settings, services, slots)`` starts the endpoint; ``voicebot serve`` calls it in its
lifespan when ``VOICEBOT_SIP_ENABLED`` is set. SIP and Twilio calls share the worker's call slots
(``voicebot.admission``): a full worker answers an INVITE with 503 + Retry-After, so the proxy tries
another worker.
"""

from __future__ import annotations

import asyncio
import uuid

from loguru import logger
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.workers.runner import WorkerRunner

from integrations.handoff import metrics
from integrations.phone import caller_key, e164
from voicebot.admission import CallSlots
from voicebot.call_record import CallRecord
from voicebot.session import HANDED_OFF
from voicebot.memory import give_back_memory
from voicebot.settings import Settings
from voicebot.telephony.sip_call import SipCall
from voicebot.telephony.sip_server import SipConfig, SipServer
from voicebot.telephony.sip_transport import SipTransferFrame, SipTransport
from voicebot.telephony.twilio_route import mask_number

TRANSFERABLE = ("queued", "outboxed")


def sip_config(settings: Settings) -> SipConfig:
    def items(value: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in value.split(",") if item.strip())

    return SipConfig(
        host=settings.sip_host, port=settings.sip_port, advertised_host=settings.sip_advertised_host,
        max_calls=settings.sip_max_calls, codecs=tuple(c.upper() for c in items(settings.sip_codecs)),
        session_expires_s=settings.sip_session_expires_s, min_se_s=settings.sip_min_se_s,
        answer_delay_s=settings.sip_answer_delay_s, trusted_proxies=items(settings.sip_trusted_proxies),
        rtp_port_min=settings.sip_rtp_port_min, rtp_port_max=settings.sip_rtp_port_max,
    )


def transfer_target(settings: Settings, queue: str) -> str | None:
    """The SIP URI agents of ``queue`` answer at, or None when none is configured."""
    if queue in settings.sip_transfer_uris:
        return settings.sip_transfer_uris[queue]
    if settings.sip_transfer_uri:
        return settings.sip_transfer_uri.replace("{queue}", queue)
    return None


async def start_sip_server(settings: Settings, services, slots: CallSlots | None = None) -> SipServer:
    if not settings.sip_transfer_uri and not settings.sip_transfer_uris:
        logger.warning("sip: no transfer URI configured (VOICEBOT_SIP_TRANSFER_URI): handoffs will offer a callback")
    slots = slots or CallSlots(settings.max_calls)

    async def on_call(call: SipCall) -> None:
        with slots.admit() as admitted:
            if admitted:
                await run_sip_call(services, call)
            else:  # a Twilio stream took the last slot while this INVITE was being answered
                await call.hangup("worker full")

    server = SipServer(sip_config(settings), on_call, worker_full=lambda: slots.full)
    await server.start()
    return server


async def run_sip_call(services, call: SipCall) -> None:
    settings: Settings = services.settings
    call_id = f"sip-{uuid.uuid4().hex[:16]}"
    # One spelling of the caller's line (E.164) for the dialogue, the card and the per-line limit;
    # a SIP user without a number is still one line for the limit.
    caller = e164(call.caller_number)
    line = caller or caller_key(call.caller_number)
    record = CallRecord(settings.calls_dir, call_id)
    record.emit(
        "call_started", channel="telephony", protocol="sip", transport=call.transport, codec=call.codec,
        caller=mask_number(caller or call.caller_number), asr_engine=services.asr_engine, tts_engine=services.tts_engine,
    )
    metrics.record_call("voice")
    transport = SipTransport(call)
    pending: list[SipTransferFrame] = []

    async def handoff_frames(outcome: dict) -> list:
        if outcome.get("status") not in TRANSFERABLE:
            return []
        frame = SipTransferFrame(handoff_id=outcome["handoff_id"], target=transfer_target(settings, outcome.get("queue", "")) or "",
                                 timeout_s=settings.sip_transfer_timeout_s,
                                 result=asyncio.get_running_loop().create_future())
        if not frame.target:
            return []
        pending.append(frame)
        return [frame]

    async def transfer_call(outcome: dict) -> str:
        status = outcome.get("status", "unavailable")
        if status not in TRANSFERABLE:
            return status
        if not pending:
            record.emit("sip_transfer", queue=outcome.get("queue"), transferred=False, reason="no transfer URI")
            await withdraw(outcome.get("handoff_id"))
            return "transfer_failed"
        frame = pending.pop()
        try:
            # The REFER leaves once the goodbye has been sent; then the transferee has timeout_s.
            result = await asyncio.wait_for(asyncio.shield(frame.result), timeout=frame.timeout_s + 120)
        except asyncio.TimeoutError:
            record.emit("sip_transfer", queue=outcome.get("queue"), transferred=False, reason="not started")
            await withdraw(outcome.get("handoff_id"))
            return "transfer_failed"
        record.emit("sip_transfer", queue=outcome.get("queue"), handoff_id=frame.handoff_id,
                    transferred=result.transferred, sip_code=result.sip_code, reason=result.reason)
        if result.transferred:
            return "queued"
        await withdraw(outcome.get("handoff_id"))
        return "transfer_failed"

    async def withdraw(handoff_id: str | None) -> None:
        """The caller stays with the bot: their card leaves the agents' queue (a "yes" to the
        callback offer then publishes the one card that counts)."""
        queue = services.executor.handoff_queue
        if handoff_id and queue is not None:
            try:
                await queue.withdraw(handoff_id)
            except Exception as exc:  # noqa: BLE001 - the caller hears the apology whatever Redis does
                logger.warning(f"call {record.call_id}: the failed transfer's card stays queued ({type(exc).__name__})")

    dialogue = services.new_dialogue_processor(record=record, channel="voice", caller_number=caller, line_key=line,
                                               handoff_frames=handoff_frames, transfer_call=transfer_call)
    pipeline = services.build_pipeline(transport=transport, dialogue=dialogue)
    worker = PipelineWorker(
        pipeline,
        params=PipelineParams(audio_in_sample_rate=16000, audio_out_sample_rate=16000),
        idle_timeout_secs=settings.idle_timeout_s,
        enable_rtvi=False,
    )
    end_reason = "caller hung up"

    @transport.event_handler("on_client_disconnected")
    async def _on_disconnected(_transport, _call):
        await worker.cancel(reason="caller hung up")

    async def limit_length() -> None:
        nonlocal end_reason
        await asyncio.sleep(settings.max_call_s)
        end_reason = "maximum call length"
        await worker.cancel(reason="maximum call length")

    limiter = asyncio.get_running_loop().create_task(limit_length())
    runner = WorkerRunner(handle_sigint=False)
    try:
        await runner.add_workers(worker)
        await runner.run()
        ended_by_dialogue = dialogue.session.end_reason
        if ended_by_dialogue == HANDED_OFF or (ended_by_dialogue and not call.ended.is_set()):
            end_reason = ended_by_dialogue
        elif call.end_reason and call.end_reason != "caller hung up":
            end_reason = call.end_reason
    except Exception as exc:
        end_reason = "error"
        logger.error(f"sip call {call_id}: pipeline failed ({type(exc).__name__})")
    finally:
        limiter.cancel()
        await call.hangup(end_reason)
        record.close(reason=end_reason, dropped=call.dropped_counts(),
                     media={"received_packets": call.media.received_packets, "sent_packets": call.media.sent_packets})
        give_back_memory()
