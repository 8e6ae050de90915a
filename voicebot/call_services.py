"""What every call shares, built once at start-up: models, the dialogue engine, back-end clients.

Loading a recogniser or a voice takes seconds; a call must not wait for it. Each call gets its own
pipecat services (they hold per-call state) wrapped around the shared, thread-safe engines.
"""

from __future__ import annotations

from typing import Any

from voicebot.call_record import CallRecord
from voicebot.dialogue_processor import DialogueProcessor
from voicebot.pipeline import VAD_STOP_SECS, build_call_pipeline
from voicebot.settings import Settings


class CallServices:
    def __init__(self, settings: Settings, *, engine: Any, executor: Any, metrics: Any = None) -> None:
        from asr.factory import create_recognizer, resolve_engine
        from tts.factory import create_synthesizer

        self.settings = settings
        self.engine = engine
        self.executor = executor
        self.metrics = metrics
        self.asr_engine = resolve_engine(settings.asr_engine, settings.models_dir)
        self.recognizer = create_recognizer(self.asr_engine, settings.models_dir, threads=settings.asr_threads)
        self.synthesizer = create_synthesizer(settings.tts_engine, None, settings.models_dir)
        self.tts_engine = getattr(self.synthesizer, "engine", type(self.synthesizer).__name__)

    def new_stt(self):
        from asr.factory import create_stt_service

        return create_stt_service(self.asr_engine, recognizer=self.recognizer)

    def new_tts(self):
        from tts.factory import create_tts_service

        return create_tts_service(synthesizer=self.synthesizer, cached_prompts=getattr(self.engine, "fixed_prompts", ()))

    def new_dialogue_processor(self, *, record: CallRecord, channel: str, caller_number: str | None,
                               extra_action_frames=None) -> DialogueProcessor:
        return DialogueProcessor(
            engine=self.engine,
            executor=self.executor,
            record=record,
            channel=channel,
            caller_number=caller_number,
            vad_stop_secs=VAD_STOP_SECS,
            extra_action_frames=extra_action_frames,
        )

    def build_pipeline(self, *, transport, dialogue):
        return build_call_pipeline(transport=transport, stt=self.new_stt(), dialogue=dialogue, tts=self.new_tts())

    def call_finished(self, record: CallRecord) -> None:
        if self.metrics is not None:
            self.metrics.call_finished(handed_off="handoff" in record.seen)
