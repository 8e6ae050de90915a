"""The STT services inside a real pipecat pipeline, fed audio and VAD frames like a call's."""

from __future__ import annotations

import asyncio

import pytest
from pipecat.frames.frames import (
    EndFrame,
    Frame,
    InputAudioRawFrame,
    InterimTranscriptionFrame,
    StartFrame,
    TranscriptionFrame,
    VADUserStartedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor
from pipecat.transcriptions.language import Language
from pipecat.workers.runner import WorkerRunner

from asr.audio import phone_line, read_audio_file, resample_pcm16
from asr.factory import create_stt_service
from asr.frames import VocabularyFrame
from asr.vocabulary import fits_vocabulary


class Collector(FrameProcessor):
    def __init__(self):
        super().__init__()
        self.frames: list[Frame] = []
        self._changed = asyncio.Event()

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        await super().process_frame(frame, direction)
        if direction == FrameDirection.DOWNSTREAM and not isinstance(frame, StartFrame):
            self.frames.append(frame)
            self._changed.set()
        await self.push_frame(frame, direction)

    def of(self, kind):
        return [frame for frame in self.frames if type(frame) is kind]

    async def wait_for(self, condition, timeout: float = 60.0):
        """Liveness only: fail if it never comes; how fast is not asserted."""

        async def loop():
            while not condition():
                self._changed.clear()
                await self._changed.wait()

        await asyncio.wait_for(loop(), timeout)


class Call:
    """[STT service, collector] run by pipecat's worker and runner at a given input rate."""

    def __init__(self, stt, sample_rate: int):
        self.rate = sample_rate
        self.collector = Collector()
        self.worker = PipelineWorker(
            Pipeline([stt, self.collector]),
            params=PipelineParams(audio_in_sample_rate=sample_rate),
            cancel_on_idle_timeout=False,
        )
        self._started = asyncio.Event()

        @self.worker.event_handler("on_pipeline_started")
        async def _started(worker, frame):
            self._started.set()

    async def __aenter__(self):
        runner = WorkerRunner(handle_sigint=False)
        await runner.add_workers(self.worker)
        self._task = asyncio.create_task(runner.run())
        await asyncio.wait_for(self._started.wait(), 20)
        return self

    async def __aexit__(self, *exc):
        await self.worker.queue_frame(EndFrame())
        await asyncio.wait_for(self._task, 60)

    async def audio(self, pcm: bytes, chunk_s: float = 0.02):
        step = int(self.rate * chunk_s) * 2
        for start in range(0, len(pcm), step):
            chunk = pcm[start : start + step]
            await self.worker.queue_frame(InputAudioRawFrame(chunk, self.rate, 1))
        await asyncio.sleep(0)

    async def utterance(self, pcm: bytes):
        """Silence, VAD start, speech, silence, VAD stop: what the VAD processor would send."""
        silence = bytes(int(self.rate * 0.3) * 2)
        await self.audio(silence)
        await self.worker.queue_frame(VADUserStartedSpeakingFrame(start_secs=0.2))
        await self.audio(pcm + silence)
        await self.worker.queue_frame(VADUserStoppedSpeakingFrame(stop_secs=0.3))


async def test_whisper_service_in_a_pipeline_at_8khz(whisper, models_dir, cv_clips, polish_digits):
    stt = create_stt_service("whisper", models_dir, recognizer=whisper)
    clip = cv_clips[2]
    speech, rate = phone_line(*read_audio_file(clip.path))
    digits = resample_pcm16(polish_digits[0], polish_digits[1], 8000)
    async with Call(stt, 8000) as call:
        await call.utterance(speech)
        await call.worker.queue_frame(VocabularyFrame(vocabulary="digits"))
        await call.utterance(digits)
        await call.collector.wait_for(lambda: len(call.collector.of(TranscriptionFrame)) >= 2)
    first, second = call.collector.of(TranscriptionFrame)
    assert "powietrzu" in first.text.lower()  # 8 kHz input was resampled, not read as 16 kHz
    assert first.language == Language.PL
    assert first.result["engine"] == "whisper"
    assert first.result["vocabulary"] == "free"
    assert first.result["asr_ms"] > 0
    assert isinstance(first.result["alternatives"], list)
    assert second.result["vocabulary"] == "digits"
    assert first.finalized and second.finalized
    # The vocabulary frame travels on past the service for anyone else who cares.
    assert call.collector.of(VocabularyFrame)


async def test_vosk_service_streams_partials_and_a_final(vosk_ko, models_dir, korean_speech, korean_numbers):
    stt = create_stt_service("vosk", models_dir, recognizer=vosk_ko)
    speech = resample_pcm16(*korean_speech, 8000)
    numbers = resample_pcm16(*korean_numbers, 8000)
    async with Call(stt, 8000) as call:
        await call.utterance(speech)
        await call.collector.wait_for(lambda: len(call.collector.of(TranscriptionFrame)) >= 1)
        await call.worker.queue_frame(VocabularyFrame(vocabulary="digits"))
        await call.utterance(numbers)
        await call.collector.wait_for(lambda: len(call.collector.of(TranscriptionFrame)) >= 2)
    frames = call.collector.frames
    finals = call.collector.of(TranscriptionFrame)
    partials = call.collector.of(InterimTranscriptionFrame)
    assert len(partials) >= 2
    # Partials come while the caller speaks, before the final of that utterance.
    assert frames.index(partials[0]) < frames.index(finals[0])
    first, second = finals
    assert first.result["engine"] == "vosk" and first.result["vocabulary"] == "free"
    assert first.finalized
    assert second.result["vocabulary"] == "digits"
    assert set(second.text.split()) <= {"하나", "둘", "셋", "넷"}


async def test_vosk_service_without_vad_uses_its_own_endpointing(vosk_ko, models_dir, korean_speech):
    stt = create_stt_service("vosk", models_dir, recognizer=vosk_ko)
    speech = resample_pcm16(*korean_speech, 16000)
    async with Call(stt, 16000) as call:
        await call.audio(speech + bytes(16000 * 2 * 2))  # two seconds of silence after it
        await call.collector.wait_for(lambda: call.collector.of(TranscriptionFrame))
    assert call.collector.of(TranscriptionFrame)[0].text


def test_vocabulary_frame_survives_interruptions_and_checks_its_value():
    assert VocabularyFrame(vocabulary="yes_no").interruptible is False
    with pytest.raises(ValueError):
        VocabularyFrame(vocabulary="everything")


def test_auto_engine_is_whisper_without_a_polish_vosk_model(models_dir):
    from asr.factory import resolve_engine

    assert resolve_engine("auto", models_dir) == "whisper"
    assert resolve_engine("auto", models_dir, vosk_model="vosk-ko-test") == "whisper"  # not Polish
    assert resolve_engine("vosk", models_dir) == "vosk"


def test_auto_engine_is_vosk_with_a_polish_vosk_model(tmp_path):
    from asr.factory import resolve_engine

    model = tmp_path / "vosk-small-pl"
    (model / "am").mkdir(parents=True)
    (model / "am" / "final.mdl").write_bytes(b"stand-in")
    assert resolve_engine("auto", tmp_path) == "vosk"
    assert fits_vocabulary("jeden dwa", "digits")
