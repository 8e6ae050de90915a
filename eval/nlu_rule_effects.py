"""What each keyword rule does to the model's intents: rows it mends, rows it breaks, rows still wrong.

    python -m eval.nlu_rule_effects var/nlu --split dev2        # a trained model's directory, a split
    python -m eval.nlu_rule_effects var/nlu --split dev2 --dump dev2.jsonl   # + rows to replay the rules on

The hybrid (``dialogue.nlu.hybrid``) reads the turn (the first of two matters, the meant half of a correction),
asks the model, then lets a rule overrule the model's intent. Wherever the hybrid's intent is not the model's
on the whole turn, the change is put down to the rule that made it (or to rewriting the turn) and counted as a
mend, a break, or one wrong intent for another. ``eval.nlu_template_cv --rules`` counts the same on the
training bank's unseen templates; this reads a development set (never a blind one: that would be deciding
on it).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path

from dialogue.nlu.corpus import DEV_SPLITS, as_heard, heard_rows, written_rows
from dialogue.nlu.hybrid import HybridNlu, overrule
from dialogue.nlu.result import parse_all
from dialogue.nlu_types import NluResult
from eval.nlu_rule_replay import write_dump

REWRITING = "rewriting the turn (two matters, a correction)"


def rule_effects(rows: Sequence[dict], model: Sequence[NluResult], read: Sequence[tuple[str, NluResult]],
                 hybrid: Sequence[NluResult], effects: collections.Counter) -> None:
    """Counts, for each row where the hybrid's intent is not the model's, the rule that made it so and
    whether it mended the row, broke it, or changed one wrong intent for another. ``model``: the model's
    results on the whole turns; ``read``: what ``HybridNlu.read_with_model`` gives for the same turns (the
    hybrid's result, ``hybrid``, is made of it by the caller, so the model reads each turn twice, not three
    times)."""
    for row, alone, (words, result), together in zip(rows, model, read, hybrid, strict=True):
        if alone.intent == together.intent:
            continue
        rule = overrule(words, result.intent)
        effect = ("mended" if together.intent == row["intent"] else
                  "broken" if alone.intent == row["intent"] else "still wrong")
        effects[(rule.rule if rule else REWRITING, effect)] += 1


def print_rule_effects(effects: collections.Counter, indent: int = 18) -> None:
    for rule in sorted({rule for rule, _ in effects}):
        print(f"{'':>{indent}}{rule}: mended {effects[(rule, 'mended')]}, broken {effects[(rule, 'broken')]}, "
              f"still wrong {effects[(rule, 'still wrong')]}")


def main(argv: list[str] | None = None) -> int:
    from dialogue.nlu import load_parser

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path, help="a trained model's directory (the one holding nlu.json)")
    parser.add_argument("--split", choices=DEV_SPLITS, default="heldout")
    parser.add_argument("--dump", metavar="FILE", type=Path, default=None,
                        help="each row and what the model read of it, for eval.nlu_rule_replay")
    args = parser.parse_args(argv)
    model = load_parser(args.model_dir, threads=1)
    hybrid = HybridNlu(model)
    with args.dump.open("w", encoding="utf-8") if args.dump else contextlib.nullcontext() as dump:
        for kind, rows in (("written", written_rows(args.split)), ("heard", as_heard(heard_rows(split=args.split)))):
            texts = [row["text"] for row in rows]
            model_results, read = parse_all(model, texts), hybrid.read_with_model(texts)
            together = [HybridNlu.combine(words, result) for words, result in read]
            effects: collections.Counter = collections.Counter()
            rule_effects(rows, model_results, read, together, effects)
            print(f"{args.split} {kind} ({len(rows)} rows)")
            print_rule_effects(effects, indent=2)
            if dump:
                write_dump(dump, {"split": args.split}, rows, model_results, read, together)
    return 0


if __name__ == "__main__":
    sys.exit(main())
