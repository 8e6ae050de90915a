"""What every call shares, built once at start-up: models, the dialogue engine, back-end clients.

Loading a recogniser or a voice takes seconds; a call must not wait for it. Each call gets its own
pipecat services (they hold per-call state) wrapped around the shared, thread-safe engines.
"""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

from loguru import logger

from voicebot.call_record import CallRecord
from voicebot.dialogue_processor import DialogueProcessor
from voicebot.pipeline import VAD_STOP_SECS, build_call_pipeline
from voicebot.settings import Settings


class CallServices:
    def __init__(self, settings: Settings, *, engine: Any, executor: Any) -> None:
        from asr.factory import create_recognizer, resolve_engine
        from dialogue.fixed_texts import fixed_texts
        from tts.factory import engine_name, shared_prompt_cache, shared_synthesizer
        from tts.sentences import pieces_of

        self.settings = settings
        self.record_key = settings.record_key.encode() or secrets.token_bytes(32)
        self.engine = engine
        self.executor = executor
        if settings.asr_engine == "whisper-pipecat":
            # pipecat's stock WhisperSTTService, for benchmarks against our own service only.
            self.asr_engine, self.recognizer = "whisper-pipecat", None
        else:
            self.asr_engine = resolve_engine(settings.asr_engine, settings.models_dir, settings.vosk_model)
            self.recognizer = create_recognizer(
                self.asr_engine, None, settings.asr_threads, models_dir=settings.models_dir,
                model=settings.vosk_model if self.asr_engine == "vosk" else settings.whisper_model,
                **({"initial_prompt": settings.whisper_domain_prompt, "device": settings.asr_device,
                    "compute_type": settings.asr_compute_type, "workers": settings.asr_workers}
                   if self.asr_engine == "whisper" else {}),
            )
        # The VAD and turn models: loaded once, shared by every call (voicebot/shared_models.py).
        from voicebot.shared_models import preload

        preload()
        self.synthesizer = shared_synthesizer(settings.tts_engine, None, settings.models_dir)
        self.tts_engine = engine_name(self.synthesizer)
        # What the bot says without caller data is synthesised once, piece by piece (tts.sentences), and kept
        # on disk; now, before the first call, so no caller waits for it and no call's recogniser
        # shares the CPU with it (RHVoice: ~17 s for ~150 sentences, once per voice and data folder).
        self.fixed_prompts = fixed_texts()
        self.prompt_cache_dir = settings.data_dir / "prompt-cache"
        try:
            shared_prompt_cache(self.synthesizer, self.prompt_cache_dir).warm(pieces_of(self.fixed_prompts))
        except Exception as exc:  # a call synthesises (or fails on) a missing sentence itself
            logger.warning(f"warming the prompt cache failed: {type(exc).__name__}")
        self._overflow_audio: dict[str, bytes] = {}

    def new_stt(self):
        from asr.factory import create_stt_service

        if self.asr_engine == "whisper-pipecat":
            return stock_whisper_service(self.settings)
        from dialogue.answer_hints import AnswerHints

        return create_stt_service(self.asr_engine, self.settings.models_dir, recognizer=self.recognizer,
                                  hints=AnswerHints())

    def new_tts(self):
        from tts.factory import create_tts_service

        return create_tts_service(
            self.settings.tts_engine, None, self.settings.models_dir,
            cached_prompts=self.fixed_prompts, cache_dir=self.prompt_cache_dir,
        )

    def new_dialogue_processor(self, *, record: CallRecord, channel: str, caller_number: str | None,
                               line_key: str | None = None, handoff_frames=None,
                               transfer_call=None) -> DialogueProcessor:
        return DialogueProcessor(
            engine=self.engine,
            executor=self.executor,
            record=record,
            channel=channel,
            caller_number=caller_number,
            line_key=line_key,
            vad_stop_secs=VAD_STOP_SECS,
            handoff_frames=handoff_frames,
            transfer_call=transfer_call,
            record_key=self.record_key,
            hold_prompt_s=self.settings.backend_hold_prompt_s,
        )

    async def overflow_audio(self, text: str) -> bytes:
        """``text`` as 8 kHz µ-law for a caller the worker cannot take: synthesised once."""
        audio = self._overflow_audio.get(text)
        if audio is None:
            from asr.audio import mulaw_encode, resample_pcm16
            from tts.factory import shared_prompt_cache

            def synthesise() -> bytes:
                cache = shared_prompt_cache(self.synthesizer, self.settings.data_dir / "prompt-cache")
                return mulaw_encode(resample_pcm16(cache.get(text), self.synthesizer.sample_rate, 8000))

            audio = self._overflow_audio[text] = await asyncio.to_thread(synthesise)
        return audio

    def build_pipeline(self, *, transport, dialogue):
        return build_call_pipeline(transport=transport, stt=self.new_stt(), dialogue=dialogue, tts=self.new_tts())

    async def aclose(self) -> None:
        backend = getattr(self.executor, "backend", None)
        if backend is not None:
            await backend.aclose()
        queue = getattr(self.executor, "handoff_queue", None)
        if queue is not None:
            await queue.aclose()
        surveys = getattr(self.executor, "surveys", None)
        if surveys is not None:
            surveys.close()


def stock_whisper_service(settings: Settings):
    """pipecat's own ``WhisperSTTService`` on our Whisper model, with its defaults."""
    from pipecat.services.whisper.stt import WhisperSTTService
    from pipecat.transcriptions.language import Language

    from models.lookup import model_path

    return WhisperSTTService(
        device="cpu", compute_type="int8",
        settings=WhisperSTTService.Settings(
            model=str(model_path(settings.whisper_model, settings.models_dir)), language=Language.PL),
    )
