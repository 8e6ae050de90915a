"""Builds the running system from settings: NLU, dialogue engine, back-end clients, handoff queue,
and the shared speech engines."""

from __future__ import annotations

import asyncio

from loguru import logger

from voicebot.settings import Settings


def load_nlu(settings: Settings):
    """The trained intent classifier (with the keyword rules: ``HybridNlu``) when one is cached, else the
    keyword NLU (with a warning)."""
    from dialogue.keyword_nlu import KeywordNlu

    if settings.nlu_engine in ("auto", "transformer"):
        model_dir = settings.data_dir / "nlu"
        try:
            from dialogue.nlu import load_parser
            from dialogue.nlu.hybrid import HybridNlu

            # One thread: a turn is one sentence (13 ms on one core with E5, docs/nlu.md), and the other
            # core is the recogniser's, for the next caller's speech.
            return HybridNlu(load_parser(model_dir, threads=1))
        except Exception as exc:
            if settings.nlu_engine == "transformer":
                raise
            logger.warning(f"no trained intent classifier in {model_dir} ({type(exc).__name__}); "
                           "using the keyword NLU — run `voicebot nlu train`")
    return KeywordNlu()


def build_engine(settings: Settings):
    from dialogue.engine import DialogueEngine, EngineConfig

    return DialogueEngine(load_nlu(settings), EngineConfig(survey=settings.survey_enabled))


def registration_enricher(backend):
    """The agent card's 360 view: registration data of the verified caller (or their principal)."""
    from integrations.http import BackendRejected, BackendUnavailable

    async def enrich(card: dict) -> dict | None:
        acting = (card.get("caller") or {}).get("pesel")
        if not acting:
            return None
        principal = card.get("principal") or {}
        subject = principal.get("nip") or principal.get("pesel") or acting
        result = await backend.registration.get(subject, acting)
        if isinstance(result, (BackendUnavailable, BackendRejected)):
            return None
        return result.model_dump(mode="json")

    return enrich


def handoff_schedules(settings: Settings):
    """Business hours per queue; None = the seed's office hours."""
    if settings.handoff_hours == "office":
        return None
    from datetime import time

    from integrations.handoff.hours import Schedule
    from integrations.handoff.topics import QUEUES

    always = Schedule(opens=time(0, 0), closes=time(23, 59, 59, 999999), weekdays=frozenset(range(7)))
    return {queue: always for queue in QUEUES}


def build_executor(settings: Settings):
    """Back-end clients and the handoff queue; nothing connects until first used."""
    from integrations.backend import KasBackend
    from integrations.handoff.queue import HandoffQueue
    from voicebot.action_executor import ActionExecutor

    backend = KasBackend(settings.backend_url, settings.backend_token, settings.backend_timeout_s,
                         deadline_s=settings.backend_deadline_s)
    queue = HandoffQueue(
        settings.redis_url,
        outbox_dir=settings.data_dir / "outbox",
        enrich=registration_enricher(backend),
        schedules=handoff_schedules(settings),
        lease_s=settings.console_lease_s,
        completed_transcript_s=settings.transcript_after_completion_s,
    )
    return ActionExecutor(backend, queue, build_survey_store(settings), mail=build_mail(settings))


def build_survey_store(settings: Settings):
    from voicebot.survey_store import SurveyStore, default_url

    return SurveyStore(settings.survey_db_url or default_url(settings.data_dir))


def build_mail(settings: Settings):
    """The visit-confirmation outbox and its SMTP delivery (no relay configured: mail waits)."""
    from integrations.mail.outbox import Backoff, MailOutbox
    from integrations.mail.sender import MailService
    from integrations.mail.smtp import SmtpConfig, SmtpSender
    from integrations.sqldb import make_engine

    if settings.mail_db.startswith("sqlite:///"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    outbox = MailOutbox(make_engine(settings.mail_db),
                        Backoff(first_s=settings.mail_retry_first_s, max_attempts=settings.mail_max_attempts))
    smtp = SmtpSender(SmtpConfig.from_settings(settings)) if settings.smtp_host else None
    if smtp is None:
        logger.warning("no SMTP relay configured (VOICEBOT_SMTP_HOST): visit confirmations wait in the outbox")
    return MailService(outbox, smtp, settings.smtp_from)


async def build_services(settings: Settings, executor=None):
    from voicebot.call_services import CallServices

    engine = build_engine(settings)
    executor = executor or build_executor(settings)
    # Model loading takes seconds: off the event loop.
    return await asyncio.to_thread(CallServices, settings, engine=engine, executor=executor)
