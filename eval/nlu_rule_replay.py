"""The keyword rules' variants measured in seconds: what the model read is dumped once, the rules replayed on it.

    python -m eval.nlu_template_cv --dump cv.jsonl                       # the bank's unseen templates (~5 min)
    python -m eval.nlu_rule_effects var/nlu --split dev2 --dump dev2.jsonl   # a development set, a trained model
    python -m eval.nlu_rule_replay cv.jsonl dev2.jsonl                   # after a change to the rules

The hybrid (``dialogue.nlu.hybrid``) is the model under the rules: the model reads the turn's matter, then
``HybridNlu.combine`` lets the rules change its intent and topic. A dump keeps, for each row, the matter and the
model's result on it, so a change to the rules' words or to ``combine`` is replayed without the model: each file
gives the hybrid's accuracy as dumped and under the rules as they are now, and the rows the change mended or
broke. A change to ``read_matter`` (what the matter is) needs a new dump.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from dialogue.nlu.hybrid import HybridNlu
from dialogue.nlu_types import NluResult


def write_dump(out: TextIO, line: dict, rows: Sequence[dict], model: Sequence[NluResult],
               read: Sequence[tuple[str, NluResult]], hybrid: Sequence[NluResult]) -> None:
    """One JSON line per row: ``line`` (which measurement), the row's labels, whether it was heard, the model's
    result on the whole turn, the matter read and the model's result on it, the hybrid's result."""
    for row, alone, (matter, on_matter), together in zip(rows, model, read, hybrid, strict=True):
        out.write(json.dumps({
            "line": line, "template": row["template"], "text": row["text"], "heard": "written" in row,
            "intent": row["intent"], "topic": row["topic"], "model": dataclasses.asdict(alone), "matter": matter,
            "model_on_matter": dataclasses.asdict(on_matter), "hybrid": dataclasses.asdict(together)},
            ensure_ascii=False) + "\n")


def _result(fields: dict) -> NluResult:
    return NluResult(**{**fields, "alternatives": tuple(fields.get("alternatives", ()))})


@dataclasses.dataclass
class Replayed:
    """Correct intents and topics, as dumped and now, by kind of row ("all", "written", "heard")."""

    rows: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    correct: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    mended: list = dataclasses.field(default_factory=list)
    broken: list = dataclasses.field(default_factory=list)

    def accuracy(self, kind: str, when: str, label: str) -> float:
        return self.correct[(kind, when, label)] / self.rows[kind] if self.rows[kind] else 0.0


def replay(lines: Iterable[dict]) -> Replayed:
    got = Replayed()
    for line in lines:
        now = HybridNlu.combine(line["matter"], _result(line["model_on_matter"]))
        before = line["hybrid"]
        for kind in ("all", "heard" if line["heard"] else "written"):
            got.rows[kind] += 1
            for when, intent, topic in (("dumped", before["intent"], before["topic"]), ("now", now.intent, now.topic)):
                got.correct[(kind, when, "intent")] += intent == line["intent"]
                got.correct[(kind, when, "topic")] += topic == line["topic"]
        was_right, is_right = before["intent"] == line["intent"], now.intent == line["intent"]
        if is_right and not was_right:
            got.mended.append(line)
        elif was_right and not is_right:
            got.broken.append(line)
    return got


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dumps", nargs="+", type=Path)
    parser.add_argument("--rows", action="store_true", help="list the rows the change mended and broke")
    args = parser.parse_args(argv)
    for path in args.dumps:
        with path.open(encoding="utf-8") as lines:
            by_line: dict[str, list] = collections.defaultdict(list)
            for text in lines:
                line = json.loads(text)
                by_line[json.dumps(line["line"], sort_keys=True)].append(line)
        for name, lines_of in by_line.items():
            got = replay(lines_of)
            print(f"{path} {name}: intent / topic, as dumped → now")
            for kind in ("all", "written", "heard"):
                if got.rows[kind]:
                    print(f"  {kind:>7} ({got.rows[kind]} rows): "
                          f"{got.accuracy(kind, 'dumped', 'intent'):.4f} / {got.accuracy(kind, 'dumped', 'topic'):.4f}"
                          f" → {got.accuracy(kind, 'now', 'intent'):.4f} / {got.accuracy(kind, 'now', 'topic'):.4f}")
            print(f"  intent mended {len(got.mended)}, broken {len(got.broken)}")
            if args.rows:
                for mark, changed in (("mended", got.mended), ("broken", got.broken)):
                    for line in changed:
                        print(f"    {mark} {line['template']} {line['intent']}: {line['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
