"""Load benchmark: N concurrent synthetic callers for T minutes against one bot, for several N.

Each caller loops: call, wait for the greeting, say a few short lines (waiting for each answer),
hang up, call again, until the time is up. Reported per N: latency end of caller speech → first
bot audio (p50/p95/max, from the call records and the line), the bot process's CPU and memory,
late bot audio frames (arriving > 100 ms behind real-time playout) and dropped messages. The
largest N whose p95 stays within the target (default 1.2 s) is named, per ASR engine.

    python -m eval.load --calls 1 2 3 4 --minutes 1 --out var/load
    voicebot eval load --calls 1 2 --minutes 0.5 --out var/load
    voicebot eval load --workers 2 --calls 2 4 6 --minutes 1 --out var/load-2w

``--workers 2`` starts two bot processes on one Redis (docs/scaling.md); callers take them in turn,
call by call (round robin, as nginx and kamailio's dispatcher do). CPU is the workers' sum.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import time
from pathlib import Path

from eval.metrics import latencies, spread
from eval.record import LiveRecord
from eval.runner import CallRaw
from eval.stack import MODELS_DIR, start_stack
from eval.synth import caller_audio
from eval.twilio_caller import TwilioCaller
from integrations.sandbox.seed import DEMO_SEED_PATH
from tts.pcm import from_wav

LINES = ("Zwrot podatku.", "Jakie mam saldo?", "Proszę powtórzyć.", "W jakich godzinach pracują konsultanci?",
         "Tak.", "Nie wiem.")
LATE_S = 0.10
CLK_TCK = os.sysconf("SC_CLK_TCK")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--calls", type=int, nargs="+", default=[1, 2, 3, 4], help="concurrent calls to try (N)")
    parser.add_argument("--minutes", type=float, default=1.0, help="duration of each level (T)")
    parser.add_argument("--engines", nargs="+", default=None, help="ASR engines (default: every installed one)")
    parser.add_argument("--target-p95", type=float, default=1.2)
    parser.add_argument("--turns-per-call", type=int, default=4)
    parser.add_argument("--out", type=Path, default=Path("var/load"))
    parser.add_argument("--workers", type=int, nargs="+", default=[1],
                        help="bot processes sharing the load (round robin); several values: one run each, "
                             "in this order, written to OUT/workers-W/")
    parser.add_argument("--per-worker", action="store_true",
                        help="--calls counts calls per worker (N = calls × workers)")


class ProcessSampler:
    """CPU (share of one core) and peak resident memory of a process, from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.start_ticks = self._ticks()
        self.start = time.monotonic()
        self.peak_rss_mb = 0.0

    def _ticks(self) -> int:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime

    def sample(self) -> None:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                self.peak_rss_mb = max(self.peak_rss_mb, int(line.split()[1]) / 1024)

    def cpu_percent(self) -> float:
        return 100 * (self._ticks() - self.start_ticks) / CLK_TCK / max(1e-6, time.monotonic() - self.start)


def late_frames(bot_audio: list[tuple[float, bytes]]) -> tuple[int, int]:
    """(late 20 ms frames, all frames): a frame is late when it arrives after its real-time playout
    slot (the playout clock starts at an utterance's first chunk) by more than LATE_S."""
    late = total = 0
    clock = None
    for t, ulaw in bot_audio:
        frames = len(ulaw) / 160
        if clock is None or t > clock + 0.35:  # a new utterance
            clock = t
        if t > clock + LATE_S:
            late += round(frames)
        total += round(frames)
        clock = max(clock, t) + len(ulaw) / 8000
    return late, total


async def caller_loop(ws_urls, calls_dir: Path, lines: list[tuple[bytes, int]], deadline: float, turns: int,
                      out: list[CallRaw], rng: random.Random) -> None:
    """``ws_urls``: an iterator of worker endpoints shared by all callers (each call takes the next)."""
    while time.monotonic() < deadline:
        caller = TwilioCaller(next(ws_urls))
        raw = CallRaw("load", stream_sid=caller.stream_sid, t0=time.time())
        try:
            await caller.connect()
            await caller.wait_for_bot_audio(after=0, timeout=30, quiet_s=0.6)
            for _ in range(turns):
                if time.monotonic() >= deadline or caller.trace.closed_at:
                    break
                pcm, rate = rng.choice(lines)
                sent = await caller.play(pcm, rate)
                await caller.wait_for_bot_audio(after=sent, timeout=20, quiet_s=0.6)
        except Exception as exc:
            raw.error = type(exc).__name__
        finally:
            await caller.hang_up()
        raw.t_end = time.time()
        raw.bot_audio = [(a.t, a.ulaw) for a in caller.trace.bot_audio]
        raw.events = await LiveRecord(calls_dir, caller.stream_sid).wait_closed(10)
        out.append(raw)


async def run_level(ws_urls: list[str], calls_dir: Path, pids: list[int], n: int, minutes: float, turns: int,
                    lines: list[tuple[bytes, int]]) -> dict:
    deadline = time.monotonic() + minutes * 60
    raws: list[CallRaw] = []
    samplers = [ProcessSampler(pid) for pid in pids]
    endpoints = itertools.cycle(ws_urls)

    async def sample() -> None:
        while time.monotonic() < deadline:
            for sampler in samplers:
                sampler.sample()
            await asyncio.sleep(1.0)

    await asyncio.gather(sample(), *(caller_loop(endpoints, calls_dir, lines, deadline, turns, raws, random.Random(i))
                                     for i in range(n)))
    lat = [s for raw in raws for _, s in latencies(raw.events, raw)]
    late = [late_frames(raw.bot_audio) for raw in raws]
    dropped = sum(sum((e.get("dropped") or {}).values()) for raw in raws for e in raw.events
                  if e["type"] == "call_ended")
    return {"n": n, "minutes": minutes, "calls": len(raws), "errors": sum(1 for r in raws if r.error),
            "workers": len(pids), "latency_s": spread(lat),
            "cpu_percent": round(sum(s.cpu_percent() for s in samplers), 1),
            "peak_rss_mb": round(max(s.peak_rss_mb for s in samplers), 1), "late_frames": sum(a for a, _ in late),
            "frames": sum(b for _, b in late), "dropped_messages": dropped}


async def warm_up(ws_urls: list[str], lines: list[tuple[bytes, int]]) -> None:
    """One unmeasured call per worker: the first call loads what later ones find ready (the
    recogniser's first decode, the synthesiser's prompt cache), and would count against level one."""
    for url in ws_urls:
        caller = TwilioCaller(url)
        try:
            await caller.connect()
            await caller.wait_for_bot_audio(after=0, timeout=60, quiet_s=0.6)
            pcm, rate = lines[0]
            sent = await caller.play(pcm, rate)
            await caller.wait_for_bot_audio(after=sent, timeout=30, quiet_s=0.6)
        finally:
            await caller.hang_up()


def installed_engines(models_dir: Path = MODELS_DIR) -> list[str]:
    from asr.factory import resolve_engine

    engines = ["whisper"] if (models_dir / "whisper-base").exists() else []
    if resolve_engine("auto", models_dir) == "vosk":
        engines.insert(0, "vosk")
    return engines


def benchmark(levels: list[int], minutes: float, engines: list[str], out: Path, *, target_p95: float = 1.2,
              turns: int = 4, workers: int = 1, log=print) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    lines = [from_wav(caller_audio(text, voice=v, speed=135, pitch=50, snr_db=30, rng=rng))
             for text in LINES for v in ("pl", "pl+f2")]
    results = {"target_p95_s": target_p95, "cores": os.cpu_count(), "workers": workers,
               "load_average_before": os.getloadavg(), "engines": {}}
    for engine in engines:
        rows = []
        with start_stack(out / f"stack-{engine}", DEMO_SEED_PATH, bot_env={"VOICEBOT_ASR_ENGINE": engine},
                         workers=workers) as stack:
            asyncio.run(warm_up(stack.ws_urls, lines))
            for n in levels:
                row = asyncio.run(run_level(stack.ws_urls, stack.calls_dir, stack.bot_pids, n, minutes, turns, lines))
                row["load_average"] = os.getloadavg()
                rows.append(row)
                lat = row["latency_s"]
                log(f"{engine} workers={workers} N={n}: calls {row['calls']}, latency p50 {lat['p50'] or 0:.2f} s p95 "
                    f"{lat['p95'] or 0:.2f} s max {lat['max'] or 0:.2f} s (n={lat['n']}), CPU {row['cpu_percent']}%, "
                    f"RSS {row['peak_rss_mb']} MB, late frames {row['late_frames']}/{row['frames']}, "
                    f"dropped {row['dropped_messages']}")
        ok = [r["n"] for r in rows if r["latency_s"]["p95"] is not None and r["latency_s"]["p95"] <= target_p95]
        results["engines"][engine] = {"levels": rows, "max_n_within_target": max(ok) if ok else 0}
    (out / "load.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


def main_from_args(args: argparse.Namespace) -> int:
    engines = args.engines or installed_engines()
    if not engines:
        print("no ASR engine installed (voicebot models pull whisper-base)")
        return 2
    for workers in args.workers:
        out = args.out if len(args.workers) == 1 else args.out / f"workers-{workers}"
        levels = [n * workers for n in args.calls] if args.per_worker else args.calls
        results = benchmark(levels, args.minutes, engines, out, target_p95=args.target_p95,
                            turns=args.turns_per_call, workers=workers)
        for engine, res in results["engines"].items():
            print(f"{engine}, {workers} worker(s): largest N with p95 ≤ {args.target_p95} s: "
                  f"{res['max_n_within_target']}")
        print(f"written {out / 'load.json'}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    raise SystemExit(main_from_args(parser.parse_args()))
