"""Benchmark: does one kind of load starve a caller? Time to the first greeting audio of a call
(WebSocket open → first bot media) alone, during a flood of bad console logins, and when 50 calls
arrive at once; and how long /healthz takes meanwhile.

    .venv/bin/python -m eval.bench_contention [--calls 10] [--logins 60] [--storm 50]

Starts Redis, the sandbox and one ``voicebot serve`` (Whisper + espeak-ng) with the default
settings. In the storm each caller waits up to 15 s: it hears the greeting, or (with admission
control) a short overflow message; the rest heard nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from eval.stack import start_stack
from eval.twilio_caller import TwilioCaller
from integrations.sandbox.seed import DEMO_SEED_PATH

HEAR_WITHIN_S = 15.0


async def first_audio(ws_url: str, wait_s: float = 30.0, hold_s: float = 0.0) -> tuple[float | None, bool]:
    """(seconds to the first bot audio or None, whether the bot closed the stream itself)."""
    caller = TwilioCaller(ws_url)
    started = time.time()
    await caller.connect()
    try:
        while time.time() - started < wait_s and not caller.trace.bot_audio and caller.trace.closed_at is None:
            await asyncio.sleep(0.02)
        heard = caller.trace.bot_audio[0].t - started if caller.trace.bot_audio else None
        if hold_s:
            await asyncio.sleep(hold_s)
        return heard, caller.trace.closed_at is not None
    finally:
        await caller.hang_up()


def summary(name: str, values: list[float | None]) -> str:
    heard = sorted(v for v in values if v is not None)
    if not heard:
        return f"{name:34} heard 0/{len(values)}"
    p95 = heard[min(len(heard) - 1, int(0.95 * len(heard)))]
    return (f"{name:34} heard {len(heard)}/{len(values)}  p50 {statistics.median(heard):5.2f} s  "
            f"p95 {p95:5.2f} s  max {heard[-1]:5.2f} s")


async def bench(calls: int, logins: int, storm: int) -> None:
    with tempfile.TemporaryDirectory(prefix="kas-contention-") as tmp, \
            start_stack(Path(tmp), DEMO_SEED_PATH, bot_env={"VOICEBOT_HANDOFF_HOURS": "always"}) as stack:
        for _ in range(2):  # warm-up
            await first_audio(stack.ws_url)
        alone = [(await first_audio(stack.ws_url))[0] for _ in range(calls)]
        print(summary("greeting, alone", alone), flush=True)

        async with httpx.AsyncClient(base_url=stack.http_url, timeout=120) as http:
            during = []
            statuses: dict[int, int] = {}

            async def bad_login() -> None:
                r = await http.post("/console/api/login", json={"login": "agent2", "password": "wrong"})
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1

            for _ in range(calls):
                flood = [asyncio.create_task(bad_login()) for _ in range(logins)]
                await asyncio.sleep(0.05)
                during.append((await first_audio(stack.ws_url))[0])
                await asyncio.gather(*flood)
            print(summary(f"greeting, {logins} bad logins at once", during)
                  + f"   login answers {dict(sorted(statuses.items()))}", flush=True)

            health: list[float] = []

            async def probe_health(stop: asyncio.Event) -> None:
                while not stop.is_set():
                    t0 = time.time()
                    await http.get("/healthz")
                    health.append(time.time() - t0)
                    await asyncio.sleep(0.2)

            stop = asyncio.Event()
            prober = asyncio.create_task(probe_health(stop))
            results = await asyncio.gather(*[first_audio(stack.ws_url, HEAR_WITHIN_S, hold_s=5.0)
                                             for _ in range(storm)])
            stop.set()
            await prober
            heard = [t for t, _closed in results]
            refused = sum(1 for t, closed in results if closed and t is not None)
            print(summary(f"{storm} calls at once (first audio)", heard)
                  + f"   closed by the bot after a message: {refused}", flush=True)
            print(f"{'/healthz during the storm':34} max {max(health):5.2f} s  "
                  f"p50 {statistics.median(health):5.2f} s  ({len(health)} probes)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10)
    parser.add_argument("--logins", type=int, default=60)
    parser.add_argument("--storm", type=int, default=50)
    args = parser.parse_args()
    asyncio.run(bench(args.calls, args.logins, args.storm))


if __name__ == "__main__":
    main()
