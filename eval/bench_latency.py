"""Latency benchmark: end of the caller's speech → first audio of the bot's answer.

Replays real Polish utterances (Common Voice clips) over the Twilio WebSocket, one call each, against
one bot per ASR engine started side by side, and reads the latency from each call's event record
(the last ``user_speech_ended`` + its offset → the next ``bot_started_speaking``). Engines take turns utterance
by utterance, so a noisy shared machine slows both alike; compare the ratio, not the seconds.

    .venv/bin/python -m eval.bench_latency --utterances 20 --engines whisper,whisper-pipecat

``whisper`` is our faster-whisper service; ``whisper-pipecat`` is pipecat's stock WhisperSTTService
on the same model (``VOICEBOT_ASR_ENGINE=whisper-pipecat``).

``--pause-mid S`` puts S seconds of silence into each utterance at its quietest moment near the
middle: a caller who stops to think in mid-sentence. The turn then ends on its second part, and a
bot that acts on the first part's transcript before the whole turn's arrives splits it
(``split_turns``).
"""

from __future__ import annotations

import argparse
import array
import asyncio
import json
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from eval.metrics import answered_speech_ends, turns_acted_on
from eval.stack import start_stack
from eval.twilio_caller import TwilioCaller
from integrations.sandbox.seed import DEMO_SEED_PATH
from tts.pcm import from_wav
from voicebot.call_record import read_call_record

REPO_ROOT = Path(__file__).resolve().parents[1]
CLIPS = REPO_ROOT.parent / "shared" / "data" / "asr" / "cv_pl"


def answer_latency(events: list[dict]) -> float | None:
    """Seconds from the end of the caller's utterance (its last pause the caller did not speak on
    after) to the bot's next audio, if it answered (``eval.metrics.answered_speech_ends``)."""
    answered = next(answered_speech_ends(events), None)
    if answered is None:
        return None
    _stop, speech_end, answer = answered
    return events[answer]["t"] - speech_end


@dataclass(frozen=True)
class CallResult:
    latency_s: float | None
    # Turns the bot acted on for the caller's one utterance: more than one means the utterance was
    # split (half of it answered first, the rest as a turn of its own; docs/models.md).
    turns: int


async def one_call(ws_url: str, calls_dir: Path, pcm: bytes, rate: int) -> CallResult:
    async with TwilioCaller(ws_url) as caller:
        if not await caller.wait_for_bot_audio(after=0, timeout=60):
            return CallResult(None, 0)
        await caller.silence(0.5)
        sent = await caller.play(pcm, rate)
        await caller.wait_for_bot_audio(after=sent, timeout=20, quiet_s=0.3)
    await asyncio.sleep(0.5)
    record = next(calls_dir.glob(f"{caller.stream_sid[:40]}-*.jsonl"))
    events = read_call_record(record)
    return CallResult(answer_latency(events), turns_acted_on(events))


def with_pause_in_the_middle(pcm: bytes, rate: int, pause_s: float) -> bytes:
    """``pause_s`` of silence at the quietest 20 ms frame of the utterance's middle half."""
    samples = array.array("h", pcm)
    frame = rate // 50
    frames = range(len(samples) // 4 // frame, 3 * len(samples) // 4 // frame)
    if not frames:
        return pcm
    quietest = min(frames, key=lambda i: sum(abs(s) for s in samples[i * frame:(i + 1) * frame]))
    cut = quietest * frame * 2 + frame  # the middle of that frame, in bytes (2 per sample)
    return pcm[:cut] + bytes(2 * int(pause_s * rate)) + pcm[cut:]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def summarise(calls: list[CallResult]) -> dict:
    answered = [call.latency_s for call in calls if call.latency_s is not None]
    split = sum(1 for call in calls if call.turns > 1)
    if not answered:
        return {"utterances": len(calls), "answered": 0, "split_turns": split}
    return {
        "utterances": len(calls),
        "answered": len(answered),
        "split_turns": split,
        "p50_s": round(statistics.median(answered), 3),
        "p95_s": round(percentile(answered, 0.95), 3),
        "max_s": round(max(answered), 3),
        "mean_s": round(statistics.fmean(answered), 3),
    }


async def run(engines: list[str], utterances: int, workdir: Path, pause_mid_s: float = 0.0) -> dict:
    clips = sorted(CLIPS.glob("*.wav"))[:utterances]
    stacks = {engine: start_stack(workdir / engine, DEMO_SEED_PATH, bot_env={"VOICEBOT_ASR_ENGINE": engine,
                                                                             "VOICEBOT_HANDOFF_HOURS": "always"})
              for engine in engines}
    calls: dict[str, list[CallResult]] = {engine: [] for engine in engines}
    try:
        for i, clip in enumerate(clips):
            pcm, rate = from_wav(clip.read_bytes())
            if pause_mid_s:
                pcm = with_pause_in_the_middle(pcm, rate, pause_mid_s)
            for engine in engines if i % 2 == 0 else list(reversed(engines)):
                stack = stacks[engine]
                calls[engine].append(await one_call(stack.ws_url, stack.calls_dir, pcm, rate))
            print(f"{i + 1}/{len(clips)} " + "  ".join(_shown(e, calls[e][-1]) for e in engines), flush=True)
    finally:
        for stack in stacks.values():
            stack.stop()
    result = {engine: summarise(made) for engine, made in calls.items()}
    if len(engines) == 2 and all("p50_s" in result[e] for e in engines):
        a, b = engines
        result["ratio_p50"] = round(result[b]["p50_s"] / result[a]["p50_s"], 2)
        result["ratio_p95"] = round(result[b]["p95_s"] / result[a]["p95_s"], 2)
    return result


def _shown(engine: str, call: CallResult) -> str:
    latency = f"{call.latency_s:.2f}s" if call.latency_s is not None else "no answer"
    return f"{engine}={latency}" + (f" ({call.turns} turns)" if call.turns > 1 else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--utterances", type=int, default=20)
    parser.add_argument("--engines", default="whisper,whisper-pipecat")
    parser.add_argument("--pause-mid", type=float, default=0.0, metavar="S",
                        help="seconds of silence in the middle of each utterance")
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-latency-") as tmp:
        started = time.time()
        result = asyncio.run(run(args.engines.split(","), args.utterances, Path(tmp), args.pause_mid))
        result["wall_s"] = round(time.time() - started, 1)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
