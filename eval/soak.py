"""Soak benchmark: many short calls and chats against one bot worker; does it give back what it took?

    .venv/bin/python -m eval.soak --calls 200 --chats 1000

Starts Redis, the sandbox and one ``voicebot serve`` (Whisper + espeak-ng, keyword NLU), warms it
up, then runs ``--calls`` sequential short phone calls over the Twilio protocol (greeting heard, a
key pressed, hang-up) and ``--chats`` sequential chats (open, one question, goodbye). It samples the
bot process's resident memory (VmRSS), open file handles and threads at the start, every
``--every`` calls or chats, and at the end, and prints the table plus the change from start to end.
Each phase ends only when the bot has written ``call_ended`` for every call, so what is measured is
what a finished call leaves behind. ``--json FILE`` keeps the samples.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from eval.stack import start_stack
from eval.twilio_caller import TwilioCaller
from integrations.sandbox.seed import DEMO_SEED_PATH


@dataclass
class Sample:
    phase: str
    done: int
    rss_mib: float
    open_handles: int
    threads: int
    t: float


def process_sample(pid: int, phase: str, done: int) -> Sample:
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    rss_kib = int(fields["VmRSS"].split()[0])
    return Sample(phase, done, round(rss_kib / 1024, 1), len(os.listdir(f"/proc/{pid}/fd")),
                  int(fields["Threads"]), time.time())


def records_closed(calls_dir: Path, pattern: str) -> int:
    closed = 0
    for path in calls_dir.glob(pattern):
        with open(path, "rb") as f:
            f.seek(max(0, path.stat().st_size - 400))
            if b'"call_ended"' in f.read():
                closed += 1
    return closed


async def wait_records(calls_dir: Path, pattern: str, expected: int, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while records_closed(calls_dir, pattern) < expected:
        if time.monotonic() > deadline:
            raise RuntimeError(f"only {records_closed(calls_dir, pattern)} of {expected} records closed")
        await asyncio.sleep(0.2)


async def short_call(ws_url: str, caller_kwargs: dict) -> bool:
    async with TwilioCaller(ws_url, **caller_kwargs) as caller:
        heard = await caller.wait_for_bot_audio(after=0, timeout=30, quiet_s=0.3)
        await caller.press("1")
        await caller.silence(0.2)
    return heard


def short_chat(http: httpx.Client, headers: dict) -> bool:
    opened = http.post("/chat/sessions", json={}, headers=headers)
    if opened.status_code != 200:
        return False
    reply = opened.json()
    chat_headers = {**headers, **({"Authorization": f"Bearer {reply['session_token']}"}
                                  if reply.get("session_token") else {})}
    path = f"/chat/sessions/{reply['session_id']}/messages"
    http.post(path, json={"text": "Chciałbym sprawdzić saldo."}, headers=chat_headers)
    ended = http.post(path, json={"text": "Dziękuję, to wszystko, do widzenia."}, headers=chat_headers)
    return ended.status_code == 200 and ended.json().get("ended") is True


async def soak(calls: int, chats: int, every: int, workdir: Path, bot_env: dict[str, str],
               caller_kwargs: dict) -> list[Sample]:
    samples: list[Sample] = []
    with start_stack(workdir, DEMO_SEED_PATH, bot_env={"VOICEBOT_HANDOFF_HOURS": "always", **bot_env}) as stack:
        pid = stack.pid("bot")
        http = httpx.Client(base_url=stack.http_url, timeout=30)
        # Warm-up: first calls load lazily built things (prompt cache, ONNX arenas, imports).
        for _ in range(3):
            await short_call(stack.ws_url, caller_kwargs)
        for _ in range(10):
            short_chat(http, {})
        await wait_records(stack.calls_dir, "MZ*.jsonl", 3)
        await asyncio.sleep(2.0)
        samples.append(process_sample(pid, "start", 0))
        print(_row(samples[-1]), flush=True)

        heard = 0
        for i in range(1, calls + 1):
            heard += await short_call(stack.ws_url, caller_kwargs)
            if i % every == 0 or i == calls:
                await wait_records(stack.calls_dir, "MZ*.jsonl", 3 + i)
                await asyncio.sleep(1.0)
                samples.append(process_sample(pid, "calls", i))
                print(_row(samples[-1]), flush=True)
        print(f"# calls with a greeting heard: {heard}/{calls}", flush=True)

        ended = 0
        for i in range(1, chats + 1):
            ended += short_chat(http, {"X-Forwarded-For": f"10.0.{i // 250}.{i % 250}"})
            if i % (every * 5) == 0 or i == chats:
                await asyncio.sleep(1.0)
                samples.append(process_sample(pid, "chats", i))
                print(_row(samples[-1]), flush=True)
        print(f"# chats ended cleanly: {ended}/{chats}", flush=True)
        await asyncio.sleep(3.0)
        samples.append(process_sample(pid, "end", calls + chats))
        print(_row(samples[-1]), flush=True)
        http.close()
    return samples


def _row(s: Sample) -> str:
    return f"{s.phase:6} {s.done:5d}  rss {s.rss_mib:7.1f} MiB  handles {s.open_handles:4d}  threads {s.threads:3d}"


def summary(samples: list[Sample]) -> str:
    first, last = samples[0], samples[-1]
    after_calls = [s for s in samples if s.phase == "calls"]
    lines = []
    for name, attr in (("RSS MiB", "rss_mib"), ("open handles", "open_handles"), ("threads", "threads")):
        a, b = getattr(first, attr), getattr(last, attr)
        change = (b - a) / a * 100 if a else 0.0
        lines.append(f"{name:13} start {a:8.1f}  end {b:8.1f}  change {change:+6.1f} %")
    if len(after_calls) >= 2:
        per_call = (after_calls[-1].rss_mib - first.rss_mib) / max(1, after_calls[-1].done)
        lines.append(f"RSS per call (start → last call sample): {per_call * 1024:+.0f} KiB")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument("--every", type=int, default=20, help="sample every N calls (chats: every 5N)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--stream-token", default=None,
                        help="the bot's VOICEBOT_TELEPHONY_STREAM_TOKEN (set for the bot and sent by the caller)")
    args = parser.parse_args()
    bot_env: dict[str, str] = {}
    caller_kwargs: dict = {}
    if args.stream_token:
        bot_env["VOICEBOT_TELEPHONY_STREAM_TOKEN"] = args.stream_token
        caller_kwargs["custom_parameters"] = {"token": args.stream_token}
    with tempfile.TemporaryDirectory(prefix="kas-soak-") as tmp:
        samples = asyncio.run(soak(args.calls, args.chats, args.every, Path(tmp), bot_env, caller_kwargs))
    print(summary(samples))
    if args.json:
        args.json.write_text(json.dumps([asdict(s) for s in samples], indent=1))


if __name__ == "__main__":
    main()
