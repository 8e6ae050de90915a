"""Benchmark: time from a handoff being published (as the dialogue does) to it being visible in a
signed-in agent console in headless Chromium, and from the agent's click on "Przyjmij" to the card.

    .venv/bin/python -m eval.bench_handoff --runs 100

Starts its own redis-server (no persistence, temp dir) and the console (uvicorn, free port). Both
clocks are this machine's wall clock (``time.time()`` here, ``Date.now()`` in the page).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import uvicorn
from fastapi import FastAPI

from contracts.handoff import CallerIdentity, HandoffContext, TranscriptLine
from eval.stack import start_redis
from integrations.handoff.queue import HandoffQueue

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# A synthetic, valid-looking caller (not a real person): the bench prints only timings.
CONTEXT = HandoffContext("caller_request", channel="voice", identity=CallerIdentity(verified=True, method="pesel+telepin"),
                         intent="refund", topic="pit",
                         transcript=(TranscriptLine("caller", "Chcę rozmawiać z konsultantem"),))
PESEL = "82010112340"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_console(redis_url: str, data_dir: Path) -> tuple[uvicorn.Server, str]:
    from voicebot.console import install_console

    app = FastAPI()
    install_console(app, SimpleNamespace(redis_url=redis_url, data_dir=data_dir))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           timeout_graceful_shutdown=3))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return server, f"http://127.0.0.1:{port}/console/"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


async def bench(runs: int, url: str, redis_url: str, outbox: Path) -> dict:
    from playwright.async_api import async_playwright

    publisher = HandoffQueue(redis_url, outbox_dir=outbox, schedules={q: _ALWAYS for q in _queues()})
    visible_ms, card_ms = [], []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = await (await browser.new_context()).new_page()
        await page.goto(url)
        await page.fill("#login", "agent1")
        await page.fill("#password", "demo-agent1")
        await page.click("#login-form button[type=submit]")
        await page.wait_for_function("document.getElementById('connection').textContent.startsWith('Połączono')")
        for _ in range(runs):
            started = time.time() * 1000
            result = await publisher.publish("pit", "bench", CONTEXT, pesel=PESEL)
            seen = await (await page.wait_for_function(
                f"window.kasConsole.seen['{result.handoff_id}']", polling="raf")).json_value()
            visible_ms.append(seen - started)
            clicked = await page.evaluate("Date.now()")
            await page.click(f'button[data-claim="{result.handoff_id}"]')
            shown = await (await page.wait_for_function(
                f"window.kasConsole.cardShown['{result.handoff_id}']", polling="raf")).json_value()
            card_ms.append(shown - clicked)
            await page.click("#complete")
            await page.wait_for_selector("#card", state="hidden")
        await browser.close()
    await publisher.aclose()
    summary = lambda xs: {"p50_ms": round(percentile(xs, 50), 1), "p95_ms": round(percentile(xs, 95), 1),  # noqa: E731
                          "mean_ms": round(statistics.fmean(xs), 1), "max_ms": round(max(xs), 1)}
    return {"runs": runs, "publish_to_visible": summary(visible_ms), "claim_click_to_card": summary(card_ms)}


def _queues():
    from integrations.handoff.topics import QUEUES
    return QUEUES


class _AlwaysOpen:
    """The bench must not depend on the hour it runs at."""

    def is_open(self, now):
        return True


_ALWAYS = _AlwaysOpen()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--out", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        redis_process, redis_url = start_redis(Path(tmp))
        server, url = start_console(redis_url, Path(tmp) / "console")
        try:
            figures = asyncio.run(bench(args.runs, url, redis_url, Path(tmp) / "outbox"))
        finally:
            server.should_exit = True
            redis_process.terminate()
            redis_process.wait()
    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
