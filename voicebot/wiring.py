"""Builds the running system from settings: NLU, dialogue engine, back-end clients, handoff queue,
and the shared speech engines."""

from __future__ import annotations

import asyncio

from loguru import logger

from voicebot.settings import Settings


def load_nlu(settings: Settings):
    """The trained intent classifier when one is cached, else the keyword NLU (with a warning)."""
    from dialogue.keyword_nlu import KeywordNlu

    if settings.nlu_engine in ("auto", "transformer"):
        model_dir = settings.data_dir / "nlu"
        try:
            from dialogue.nlu.classifier import IntentClassifier

            return IntentClassifier.load(model_dir)
        except Exception as exc:
            if settings.nlu_engine == "transformer":
                raise
            logger.warning(f"no trained intent classifier in {model_dir} ({type(exc).__name__}); "
                           "using the keyword NLU — run `voicebot nlu train`")
    return KeywordNlu()


def build_engine(settings: Settings):
    from dialogue.engine import DialogueEngine

    return DialogueEngine(load_nlu(settings))


def build_executor(settings: Settings):
    from integrations.backend import KasBackend
    from integrations.handoff.queue import HandoffQueue
    from voicebot.action_executor import ActionExecutor

    backend = KasBackend(settings.backend_url, settings.backend_token, settings.backend_timeout_s)
    queue = HandoffQueue(settings.redis_url, outbox_dir=settings.data_dir / "outbox")
    return ActionExecutor(backend, queue)


async def build_services(settings: Settings):
    from voicebot.call_services import CallServices

    engine = build_engine(settings)
    executor = build_executor(settings)
    # Model loading takes seconds: off the event loop.
    return await asyncio.to_thread(CallServices, settings, engine=engine, executor=executor)
