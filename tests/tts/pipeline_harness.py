"""A real, small pipecat pipeline: [TTS service, recorder], run by the real worker and runner."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

from pipecat.frames.frames import EndFrame, Frame, StartFrame, TTSAudioRawFrame
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor
from pipecat.workers.runner import WorkerRunner


class Recorder(FrameProcessor):
    """Keeps every downstream frame; notes the first audio frame in a shared event log."""

    def __init__(self, events: list[str] | None = None):
        super().__init__()
        self.frames: list[Frame] = []
        self.events = events if events is not None else []
        self.first_audio = threading.Event()  # threading: synthesis threads wait on it
        self.audio_count = 0
        self._changed = asyncio.Event()

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        await super().process_frame(frame, direction)
        if direction == FrameDirection.DOWNSTREAM and not isinstance(frame, StartFrame):
            self.frames.append(frame)
            if isinstance(frame, TTSAudioRawFrame):
                self.audio_count += 1
                if not self.first_audio.is_set():
                    self.events.append("first-audio-at-sink")
                    self.first_audio.set()
            self._changed.set()
        await self.push_frame(frame, direction)

    async def wait_for(self, condition: Callable[[], bool], timeout: float = 20.0) -> None:
        """Liveness only: fail if the condition never comes, never assert how fast it came."""
        async def loop():
            while not condition():
                self._changed.clear()
                await self._changed.wait()
        await asyncio.wait_for(loop(), timeout)


class RunningPipeline:
    def __init__(self, tts: FrameProcessor, sample_rate: int = 16000, events: list | None = None):
        self.recorder = Recorder(events)
        self.worker = PipelineWorker(
            Pipeline([tts, self.recorder]),
            params=PipelineParams(audio_out_sample_rate=sample_rate),
            cancel_on_idle_timeout=False,
        )
        self._started = asyncio.Event()
        self._task: asyncio.Task | None = None
        self.errors: list = []  # ErrorFrames that reached the pipeline's upstream end

        @self.worker.event_handler("on_pipeline_error")
        async def _error(worker, frame):
            self.errors.append(frame)

        @self.worker.event_handler("on_pipeline_started")
        async def _started(worker, frame):
            self._started.set()

    async def __aenter__(self) -> "RunningPipeline":
        runner = WorkerRunner(handle_sigint=False)
        await runner.add_workers(self.worker)
        self._task = asyncio.create_task(runner.run())
        await asyncio.wait_for(self._started.wait(), 10)
        return self

    async def send(self, frame: Frame) -> None:
        await self.worker.queue_frame(frame)

    async def __aexit__(self, *exc) -> None:
        await self.worker.queue_frame(EndFrame())
        await asyncio.wait_for(self._task, 30)
