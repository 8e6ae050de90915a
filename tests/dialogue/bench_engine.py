"""Time per engine step over a whole scripted call (keyword NLU, no I/O).

    .venv/bin/python tests/dialogue/bench_engine.py [REPO]

REPO (default: this checkout) is put first on the path, so the same script times another checkout
of the engine (e.g. a ``git archive`` of main) for a ratio within one run.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2])))

from dialogue.engine import DialogueEngine, EngineConfig  # noqa: E402
from dialogue.events import BackendResult, CallStarted, KeyPress, SilenceTimeout, Transcript  # noqa: E402
from dialogue.keyword_nlu import KeywordNlu  # noqa: E402

# A valid PESEL made up for the benchmark (checksum right, birth date 1980-03-18).
PESEL_SPOKEN = "osiem zero zero trzy jeden osiem osiem siedem sześć jeden dwa"
PAYMENTS = {"payments": [
    {"date": "2026-03-15", "amount_grosze": 150000, "tax": "PIT", "period": "2025", "interest_grosze": 1234},
    {"date": "2026-02-10", "amount_grosze": 20000, "tax": "VAT", "period": "2026-01"},
]}


def one_call(engine: DialogueEngine) -> int:
    state, _ = engine.start(CallStarted("voice", "+48500100200"))
    steps = 0

    def send(event):
        nonlocal state, steps
        state, _ = engine.handle(state, event)
        steps += 1

    def reply(value):
        send(BackendResult(state.pending.request_id, value))

    for text in ("czy doszła moja wpłata", "powtórz", PESEL_SPOKEN, "tak"):
        send(Transcript(text))
    for key in "123456#":
        send(KeyPress(key))
    reply({"result": "verified"})
    reply({"principals": []})
    reply(PAYMENTS)
    send(Transcript("pit"))
    send(SilenceTimeout())
    send(Transcript("a VAT?"))
    reply(PAYMENTS)
    send(Transcript("nie, dziękuję"))
    assert state.name == "ended", state.name
    return steps


def main() -> None:
    engine = DialogueEngine(KeywordNlu(), EngineConfig(today=date(2026, 6, 1)))
    one_call(engine)  # warm-up
    per_step = []
    for _ in range(7):
        t = time.perf_counter()
        steps = sum(one_call(engine) for _ in range(50))
        per_step.append((time.perf_counter() - t) / steps * 1e6)
    print(f"engine step: median {statistics.median(per_step):.0f} µs (min {min(per_step):.0f}, "
          f"max {max(per_step):.0f}) over 7×50 calls of {steps // 50} steps")


if __name__ == "__main__":
    main()
