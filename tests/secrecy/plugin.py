"""The secrecy scan, run when the test session ends: any secret where it may not be fails the run.

It knows every PESEL, NIP, telePIN and amount of the seeds in use (``known.py``), every spelling of
them (``matcher.py``), and looks in everything the tests produced (``collect.py``): the logs, call
records, reports and other files under the session's temporary folder and ``test-artifacts/``, the
outboxes, every Redis key and value, every HTTP response body and WebSocket message a test
received, and every test's output. The
summary (counts, and for a hit: which secret by label, in which form, where — never its value) is
printed and written to ``test-artifacts/secrecy-scan.txt``; a hit sets the exit status to failed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.secrecy.collect import AGENT, COLLECTED, NOTHING, Artefact, install_http_capture, install_ws_capture
from tests.secrecy.known import REPO, known_secrets
from tests.secrecy.matcher import Matcher

ARTIFACTS = REPO / "test-artifacts"
TEXT_SUFFIXES = {".log", ".jsonl", ".json", ".txt", ".html", ".xml", ".yaml", ".yml", ".csv", ".md", ".aof"}
MAX_FILE_BYTES = 50_000_000


def pytest_configure(config: pytest.Config) -> None:
    install_http_capture()
    install_ws_capture()
    _snapshot_eval_redis()


def _snapshot_eval_redis() -> None:
    """The evaluation's own stack (eval/stack.py) starts Redis too: read it before it stops."""
    import eval.stack as stack

    from tests.secrecy.collect import snapshot_redis

    started: dict[int, str] = {}
    start_redis, stop_process = stack.start_redis, stack.stop_process

    def start_redis_seen(workdir):
        process, url = start_redis(workdir)
        started[process.pid] = url
        return process, url

    def stop_process_read_first(process, *args, **kwargs):
        if process is not None and process.pid in started and process.poll() is None:
            snapshot_redis(started.pop(process.pid), "eval redis")
        return stop_process(process, *args, **kwargs)

    stack.start_redis = start_redis_seen
    stack.stop_process = stop_process_read_first


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    parts = [text for _name, text in report.sections]
    if report.failed and report.longrepr is not None:
        parts.append(str(report.longreprtext))
    if parts:
        COLLECTED.add(Artefact("test-output", f"{report.nodeid} ({report.when})", "\n".join(parts)))


def _file_kind(path: Path) -> tuple[str, frozenset[str]]:
    parts = path.parts
    if path.suffix == ".log":
        return "log", NOTHING
    if "calls" in parts and path.suffix == ".jsonl":
        return "record", NOTHING
    if path.name.startswith("report") or path.name == "junit.xml":
        return "report", NOTHING
    if path.suffix == ".aof" or "appendonlydir" in parts:
        # Redis's append-only file holds what Redis holds: the agents' cards (0600, docs/security.md).
        return "redis-aof", AGENT
    return "file", NOTHING


def _outbox_rows(path: Path) -> list[Artefact]:
    """The handoff outbox (SQLite): cards waiting for Redis, the agent's like the ones in Redis."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            rows = conn.execute("SELECT handoff_id, card FROM outbox").fetchall()
    except sqlite3.Error:
        return []
    return [Artefact("outbox", f"{path.name} {hid}", card, AGENT) for hid, card in rows]


def collect_files(roots: list[Path]) -> list[Artefact]:
    found = []
    for root in roots:
        if not root.exists():
            continue
        for path in root.rglob("*"):
            if path.is_symlink() or not path.is_file():
                continue
            if path.name == "handoffs.db":
                found += _outbox_rows(path)
                continue
            if path.suffix not in TEXT_SUFFIXES and "appendonlydir" not in path.parts:
                continue
            try:
                if path.stat().st_size > MAX_FILE_BYTES:
                    continue
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if "\npersons:" in text or '"persons":' in text:
                continue  # a seed a test wrote as its input (YAML or JSON): the secrets' source
            if (path.parent / "model.bin").exists() or (path.parent / "model.safetensors").exists():
                # A speech or NLU model's own files: its vocabulary holds number tokens, and a tokenizer's
                # numbered entries ('"36": 1527,') can spell any short PIN. Its texts are the dataset's.
                continue
            kind, allowed = _file_kind(path)
            found.append(Artefact(kind, str(path), text, allowed))
    return found


def scan(artefacts: list[Artefact], matcher: Matcher) -> list[str]:
    problems = []
    for artefact in artefacts:
        if not artefact.text:
            continue
        # A report is figures: its timings (time="12.34") are not amounts unless written as money.
        for hit in matcher.scan(artefact.text, figures=artefact.kind == "report"):
            if hit.kind in artefact.allowed:
                continue
            problems.append(f"{hit.label} ({hit.form}) in {artefact.kind} {artefact.name} at offset {hit.offset}")
    return problems


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if session.config.getoption("collectonly", False):
        return
    roots = [ARTIFACTS]
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is not None:
        roots.append(factory.getbasetemp())
    artefacts = COLLECTED.artefacts + collect_files(roots)
    matcher = Matcher(known_secrets())
    problems = sorted(set(scan(artefacts, matcher)))
    counts: dict[str, int] = {}
    for artefact in artefacts:
        counts[artefact.kind] = counts.get(artefact.kind, 0) + 1
    kinds: dict[str, int] = {}
    for secret in matcher.secrets:
        kinds[secret.kind] = kinds.get(secret.kind, 0) + 1
    summary = [
        f"secrecy scan: {len(artefacts)} artefacts ("
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        + f"; {COLLECTED.redis_keys} Redis keys, {COLLECTED.http_bodies} HTTP bodies, "
        f"{COLLECTED.ws_messages} WebSocket messages)",
        f"  secrets: {len(matcher.secrets)} (" + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
        + f") × {matcher.spelling_count} spellings",
        f"  hits: {len(problems)}",
        *[f"  HIT {p}" for p in problems[:200]],
    ]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "secrecy-scan.txt").write_text("\n".join(summary) + "\n", encoding="utf-8")
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line("")
        for line in summary:
            reporter.write_line(line, red=bool(problems) and line.startswith("  HIT"))
    if problems and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
