"""``voicebot eval run``: one command from a suite to its reports.

Starts its own redis + sandbox (loaded with the suite's seed) + bot unless ``bot_url`` is given,
plays every case with a rich progress bar, scores the calls and writes report.json, junit.xml and
report.html into ``out``. Ctrl-C stops the calls under way and still writes a partial report.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from eval.record import LiveRecord
from eval.report import build_report, write_reports
from eval.runner import CallRaw, RunOptions, run_cases
from eval.stack import MODELS_DIR, start_stack
from eval.suite import Suite, load_suite


@dataclass
class EvalRun:
    report: dict
    paths: dict[str, Path]
    partial: bool


def _default_calls_dir() -> Path:
    return Path(os.environ.get("VOICEBOT_DATA_DIR", "var")) / "calls"


def bot_recognizer(models_dir: Path):
    """Whisper for the bot's own audio (answer facts); None when the model is not installed."""
    try:
        from asr.factory import create_recognizer

        return create_recognizer("whisper", None, 2, models_dir=models_dir)
    except Exception:
        return None


def run_eval(suite: Suite | Path, out: Path, *, bot_url: str | None = None, calls_dir: Path | None = None,
             concurrency: int = 1, realtime: bool = True, show_amounts: bool = False, transcribe_bot: bool = True,
             embed_audio: bool = True, bot_env: dict[str, str] | None = None, models_dir: Path = MODELS_DIR,
             nlu_dir: Path | None = None, console=None, show_progress: bool = True) -> EvalRun:
    """``nlu_dir``: the trained intent classifier the started bot understands callers with
    (``eval.stack.start_bot``); None: the keyword rules alone."""
    if not isinstance(suite, Suite):
        suite = load_suite(Path(suite))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    stack = None
    raws: dict[str, CallRaw] = {}
    partial = False
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    try:
        if bot_url is None:
            stack = start_stack(out / "stack", suite.seed_path, bot_env=bot_env, models_dir=models_dir, nlu_dir=nlu_dir)
            ws_url, calls_dir = stack.ws_url, stack.calls_dir
        else:
            ws_url = bot_url if "/telephony/" in bot_url else bot_url.rstrip("/") + "/telephony/twilio"
            calls_dir = calls_dir or _default_calls_dir()
            if not calls_dir.is_dir():
                calls_dir = None  # no record to read: latency and outcomes from the line only
        # With the key of the bot's PESEL digests the caller knows a read-back of their own number
        # from another, and the report a right PESEL from a wrong one.
        record_key = stack.record_key if stack is not None else os.environ.get("VOICEBOT_RECORD_KEY")
        options = RunOptions(ws_url, calls_dir, concurrency=concurrency, realtime=realtime, record_key=record_key)
        try:
            _play(suite, options, raws, console, show_progress)
        except KeyboardInterrupt:
            partial = True
            for raw in raws.values():
                if not raw.events and options.calls_dir is not None:
                    raw.events = LiveRecord(options.calls_dir, raw.stream_sid).events()
                raw.error = raw.error or "interrupted"
                raw.t_end = raw.t_end or time.time()
        if stack is not None:
            _collect_bookings(raws, stack)
    finally:
        if stack is not None:
            stack.stop()
    recognizer = bot_recognizer(models_dir) if transcribe_bot and not partial else None
    understood_by = ("trained model + keyword rules" if nlu_dir is not None and nlu_dir.is_dir()
                     else "keyword rules") if bot_url is None else None
    info = {"started": started, "bot": bot_url or "started by the runner", "nlu": understood_by, "concurrency": concurrency,
            "realtime": realtime, "partial": partial}
    report, audio = build_report(suite, raws, info, recognizer=recognizer, show_amounts=show_amounts,
                                 record_key=record_key)
    paths = write_reports(report, audio, out, embed_audio=embed_audio)
    return EvalRun(report, paths, partial)


def _collect_bookings(raws: dict[str, CallRaw], stack) -> None:
    """The visits the calls booked, as the booking system and the mail server have them (before they stop)."""
    from eval.booking_check import collect

    for raw in raws.values():
        try:
            raw.booking = collect(raw.events, stack.backend_url, stack.backend_token, stack.maildir)
        except Exception as exc:  # a check that cannot be made fails its case, not the run
            raw.booking = None
            raw.error = raw.error or f"booking check: {type(exc).__name__}"


def _play(suite: Suite, options: RunOptions, raws: dict[str, CallRaw], console, show_progress: bool) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, disable=not show_progress, transient=False) as progress:
        task = progress.add_task(f"calls of {suite.name}", total=len(suite.cases))

        def done(raw: CallRaw) -> None:
            progress.advance(task)
            mark = "[red]error[/red]" if raw.error else "done"
            progress.console.print(f"  {raw.case_id}: {mark} ({raw.t_end - raw.t0:.0f} s)")

        async def main() -> bool:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()

            def interrupted() -> None:
                stop.set()
                loop.remove_signal_handler(signal.SIGINT)  # a second Ctrl-C stops at once
                progress.console.print("[yellow]interrupted: hanging up, writing a partial report[/yellow]")

            loop.add_signal_handler(signal.SIGINT, interrupted)
            await run_cases(suite, options, raws, on_done=done, stop=stop)
            return stop.is_set()

        if asyncio.run(main()):
            raise KeyboardInterrupt
