"""A streaming pipecat STT service for Vosk, in the style of pipecat's own services.

pipecat has no Vosk service. This one feeds every audio frame to a Kaldi recogniser, pushes an
``InterimTranscriptionFrame`` whenever the partial text changes, and a ``TranscriptionFrame``
when the VAD says the caller stopped speaking. Without a VAD in the pipeline, Vosk's own
endpointing ends the utterance instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator

from loguru import logger
from pipecat.frames.frames import (
    Frame,
    InterimTranscriptionFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.processors.frame_processor import FrameDirection
from pipecat.services.settings import STTSettings
from pipecat.services.stt_service import STTService
from pipecat.transcriptions.language import Language
from pipecat.utils.time import time_now_iso8601

from asr.engine import Transcript, check_vocabulary
from asr.frames import VocabularyFrame, final_transcription
from asr.vosk_engine import VoskRecognizer, VoskStream


class VoskSTTService(STTService):
    """Streaming Vosk recognition with partials, finals and per-turn vocabularies."""

    def __init__(
        self,
        *,
        recognizer: VoskRecognizer,
        vocabulary: str = "free",
        language: Language = Language.PL,
        **kwargs,
    ):
        super().__init__(
            settings=STTSettings(model=str(recognizer.model_dir), language=language), **kwargs
        )
        self._recognizer = recognizer
        self._language = language
        self._vocabulary = check_vocabulary(vocabulary)
        self._stream: VoskStream | None = None

    @property
    def vocabulary(self) -> str:
        return self._vocabulary

    def can_generate_metrics(self) -> bool:
        return True

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        await super().process_frame(frame, direction)
        if isinstance(frame, VADUserStoppedSpeakingFrame):
            await self._finish_utterance()
        elif isinstance(frame, VocabularyFrame):
            self._vocabulary = frame.vocabulary
            # A fresh stream takes the new vocabulary; one that already heard speech keeps
            # its mode until the utterance ends (the mode is for the *next* utterance).
            if self._stream is not None and not self._stream.heard_anything:
                self._stream = None

    async def run_stt(self, audio: bytes) -> AsyncGenerator[Frame | None, None]:
        if self._stream is None:
            self._stream = self._recognizer.stream(self.sample_rate, self._vocabulary)
        stream = self._stream
        # Kaldi decodes as it is fed; a thread keeps the event loop free meanwhile.
        partial = await asyncio.to_thread(stream.accept, audio)
        if partial:
            yield InterimTranscriptionFrame(
                partial,
                self._user_id,
                time_now_iso8601(),
                self._language,
                result={"engine": "vosk", "vocabulary": stream.vocabulary},
            )
        if not self._user_speaking and stream.take_segment() is not None:
            # No VAD turn in progress: Vosk's endpoint is the end of the utterance.
            await self._finish_utterance()

    async def _finish_utterance(self):
        stream, self._stream = self._stream, None
        if stream is None:
            return
        transcript: Transcript = await asyncio.to_thread(stream.finish)
        if not transcript.text:
            return
        logger.debug(f"{self}: final transcript ({len(transcript.text)} chars)")
        # The recogniser is done with this utterance: the next transcript is the final one.
        self.request_finalize()
        self.confirm_finalize()
        await self.push_frame(final_transcription(
            transcript, user_id=self._user_id, language=self._language, engine="vosk",
            vocabulary=stream.vocabulary,
        ))
