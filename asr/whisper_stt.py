"""A VAD-segmented pipecat STT service for faster-whisper, with the knobs the stock one hides.

Compared with ``pipecat.services.whisper.stt.WhisperSTTService`` this one: resamples the
segment to 16 kHz (the stock service assumes the pipeline runs at 16 kHz), takes a shared
``WhisperRecognizer`` (threads, beam size, compute type chosen by us, loaded once per process),
applies Whisper's own no-speech rule instead of a bare 0.4 threshold, restricts decoding per
utterance (``VocabularyFrame``) and reports the beam's other hypotheses.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncGenerator

from loguru import logger
from pipecat.frames.frames import Frame, VADUserStoppedSpeakingFrame
from pipecat.processors.frame_processor import FrameDirection
from pipecat.services.settings import STTSettings
from pipecat.services.stt_service import SegmentedSTTService
from pipecat.transcriptions.language import Language

from asr.engine import check_vocabulary
from asr.frames import VocabularyFrame, final_transcription
from asr.whisper_engine import WhisperRecognizer


class FasterWhisperSTTService(SegmentedSTTService):
    """Transcribes each VAD segment with a local faster-whisper model."""

    def __init__(
        self,
        *,
        recognizer: WhisperRecognizer,
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
        # Segments are transcribed in a background queue; each remembers the vocabulary that
        # was in force when the caller stopped speaking, not when its decode finally runs.
        self._segment_vocabularies: deque[str] = deque()

    @property
    def wants_wav_segments(self) -> bool:
        return False  # raw 16-bit PCM, which the recogniser reads directly

    @property
    def vocabulary(self) -> str:
        return self._vocabulary

    def can_generate_metrics(self) -> bool:
        return True

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        if isinstance(frame, VocabularyFrame):
            self._vocabulary = frame.vocabulary
        await super().process_frame(frame, direction)

    async def _handle_user_stopped_speaking(self, frame: VADUserStoppedSpeakingFrame):
        self._segment_vocabularies.append(self._vocabulary)
        await super()._handle_user_stopped_speaking(frame)

    async def run_stt(self, audio: bytes) -> AsyncGenerator[Frame, None]:
        vocabulary = (
            self._segment_vocabularies.popleft() if self._segment_vocabularies else self._vocabulary
        )
        await self.start_processing_metrics()
        transcript = await asyncio.to_thread(
            self._recognizer.transcribe, audio, self.sample_rate, vocabulary
        )
        await self.stop_processing_metrics()
        if not transcript.text:
            logger.debug(f"{self}: no speech in segment")
            return
        logger.debug(f"{self}: transcript ({len(transcript.text)} chars, {vocabulary})")
        yield final_transcription(
            transcript, user_id=self._user_id, language=self._language, engine="whisper", vocabulary=vocabulary
        )
