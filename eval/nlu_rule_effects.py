"""What each keyword rule does to a development set's intents: rows it mends and rows it breaks, against the model.

    python -m eval.nlu_rule_effects var/nlu --split dev2        # a trained model's directory, a split

The hybrid (``dialogue.nlu.hybrid``) reads the turn (the first of two matters, the meant half of a correction),
asks the model, then lets a rule overrule the model's intent. For every row where a rule changes the intent, it
counts a mend when the rule is right and the model was wrong, a break when the model was right and the rule is
wrong; as written and as heard. ``eval.nlu_template_cv --rules`` does the same on the training bank's unseen
templates; this reads a development set (never a blind one: that would be deciding on it).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from dialogue.nlu.corpus import DEV_SPLITS, heard_rows, written_rows
from dialogue.nlu.hybrid import overrule, read_matter


def rule_effects(model, texts: list[str], intents: list[str]) -> tuple[Counter, Counter]:
    """Rows mended and rows broken, by rule name (its kind: "tier I question", not which question)."""
    read = [read_matter(text) for text in texts]
    results = model.parse_many(read) if hasattr(model, "parse_many") else [model.parse(text) for text in read]
    mended: Counter = Counter()
    broken: Counter = Counter()
    for text, result, intent in zip(read, results, intents):
        rule = overrule(text, result.intent)
        if rule is None or rule.intent == result.intent:
            continue
        name = rule.rule.split(":")[0]
        if rule.intent == intent:
            mended[name] += 1
        elif result.intent == intent:
            broken[name] += 1
    return mended, broken


def main(argv: list[str] | None = None) -> int:
    from dialogue.nlu import load_parser

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path, help="a trained model's directory (the one holding nlu.json)")
    parser.add_argument("--split", choices=DEV_SPLITS, default="heldout")
    args = parser.parse_args(argv)
    model = load_parser(args.model_dir, threads=1)
    for kind, rows, key in (("written", written_rows(args.split), "text"),
                            ("heard", heard_rows(split=args.split), "heard")):
        mended, broken = rule_effects(model, [row[key] for row in rows], [row["intent"] for row in rows])
        print(f"{args.split} {kind} ({len(rows)} rows)")
        for name in sorted(set(mended) | set(broken)):
            print(f"  {name}: mends {mended[name]}, breaks {broken[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
