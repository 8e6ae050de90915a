"""From a run's raw calls to the report (scores, timelines) and its three files."""

from __future__ import annotations

import time
from pathlib import Path

from eval.call_audio import bot_segments, call_wav, shown_heard, transcribe_bot
from eval.metrics import score_call, score_suite
from eval.report_html import write_html
from eval.report_json import write_json
from eval.report_junit import write_junit
from eval.runner import CallRaw
from eval.suite import Suite


def timeline(raw: CallRaw) -> dict:
    """Where the caller spoke or pressed keys, where the bot spoke, and marked events (no content)."""
    marks = [(e["t"] - raw.t0, e["type"] if e["type"] != "handoff" else f"handoff {e.get('queue')}")
             for e in raw.events if e["type"] in ("barge_in", "handoff", "silence_timeout", "end_call", "error")]
    return {
        "duration": round((raw.t_end or raw.t0) - raw.t0, 2),
        "caller": [(round(s.t - raw.t0, 2), round(len(s.pcm8k) / 16000, 2), s.sensitive) for s in raw.caller],
        "keys": [(round(k.t - raw.t0, 2), len(k.digits.reveal())) for k in raw.keys],
        "bot": [(round(t - raw.t0, 2), round(len(pcm) / 16000, 2)) for t, pcm in bot_segments(raw)],
        "marks": [(round(t, 2), label) for t, label in marks],
    }


def build_report(suite: Suite, raws: dict[str, CallRaw], run_info: dict, *, recognizer=None,
                 show_amounts: bool = False, progress=None, record_key: str | None = None
                 ) -> tuple[dict, dict[str, bytes]]:
    """Score every case (those without a call are ``not_run``); returns (report, audio by call id)."""
    calls, audio = [], {}
    for case in suite.cases:
        raw = raws.get(case.id)
        if raw is None:
            calls.append({**score_call(case, CallRaw(case.id, error="not run"), {}), "status": "not_run"})
            continue
        alternatives: list[str] = []
        heard = transcribe_bot(raw, recognizer, alternatives) if recognizer is not None and case.expect.facts else []
        call = score_call(case, raw, suite.secrets_for(case), bot_heard=[text for _, text in heard],
                          bot_heard_alternatives=alternatives, show_amounts=show_amounts, record_key=record_key)
        shown = set(shown_heard(heard, raw.events, show_amounts=show_amounts))
        call["bot_heard"] = [masked for (_, text), masked in zip(heard, call["bot_heard"]) if text in shown]
        call["timeline"] = timeline(raw)
        calls.append(call)
        if raw.bot_audio or raw.caller:
            audio[case.id] = call_wav(raw, show_amounts=show_amounts)
        if progress:
            progress(case.id)
    report = {
        "suite": {"name": suite.name, "description": suite.description, "seed": suite.seed_path.name,
                  "cases": len(suite.cases)},
        "run": {"finished": time.strftime("%Y-%m-%d %H:%M:%S"), "show_amounts": show_amounts, **run_info},
        "summary": score_suite(calls),
        "calls": calls,
    }
    return report, audio


def write_reports(report: dict, audio: dict[str, bytes], out_dir: Path, *, embed_audio: bool = True) -> dict[str, Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    audio_dir = out_dir / "audio"
    audio_dir.mkdir(exist_ok=True)
    for call_id, wav in audio.items():
        (audio_dir / f"{call_id}.wav").write_bytes(wav)
    return {"json": write_json(report, out_dir), "junit": write_junit(report, out_dir),
            "html": write_html(report, out_dir, audio if embed_audio else None)}
