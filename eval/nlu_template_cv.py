"""How the NLU reads templates it never saw, measured on the training bank itself: k-fold cross-validation
with the folds cut by template, so no template is on both sides of a fold.

Why: the development set (the held-out bank, 560 rows) decided everything issue 12's work tried and
now reads 0.98, where a variant moves it by one or two rows; the blind banks are measured, never decided
on. The training bank has ~18,700 rows from 712 templates (written and as heard): cut by template, each
fold is a test of unseen templates some thirty times the size of dev. It is optimistic in one way — the
same writers wrote both sides of a fold — so it ranks variants; it does not replace the blind banks.

    python -m eval.nlu_template_cv                              # the n-gram model, 5 folds (~4 min)
    python -m eval.nlu_template_cv --ngram-c 0.1,0.3            # its SVM's C
    python -m eval.nlu_template_cv --model ngram-e5 --folds 2   # + E5 fine-tuned per fold (~30 min),
                                                                # mixed at each --e5-weights
    python -m eval.nlu_template_cv --rules                      # + each keyword rule's rows mended / broken
    python -m eval.nlu_template_cv --candidates draft.py:WRITER_E  # draft training templates on the training
                                                                # side of every fold: each line with and without
    python -m eval.nlu_template_cv --dump cv.jsonl              # + each tested row, what the model read: the
                                                                # rules' variants replayed on it in seconds
                                                                # (eval.nlu_rule_replay)

Each line: the model alone and the bot's parser (``HybridNlu``: the model under the keyword rules),
intent / topic accuracy over all held-out rows, then as written and as heard apart. A row of two
templates ("t12+t414", two matters in one turn) is tested only in a fold that holds both, and trained
on only where it holds neither.

A draft of new training templates (``--candidates``: a Python file and the name of its list of templates)
is judged on the same test rows: its rows (``build_dataset.realise_candidates``) join the training side of
every fold and are never tested, so the lines "+ candidates" differ from the others only by what the draft
taught: thousands of rows measure it, where dev has 560 (docs/nlu.md, 2026-12-05, says how dev and the
blind banks read the first draft judged so).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import importlib.util
import tempfile
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dialogue.nlu.corpus import as_heard, heard_rows, still_made, train_rows
from dialogue.nlu.ensemble import mix
from dialogue.nlu.hybrid import HybridNlu
from dialogue.nlu.result import parse_with
from eval.nlu_rule_effects import print_rule_effects, rule_effects
from eval.nlu_rule_replay import write_dump


def cv_rows(written: Sequence[dict], heard: Sequence[dict]) -> list[dict]:
    """The rows CV cuts: the written ones, and what was heard of the sentences the bank still makes, each with
    its sentence's template id (``still_made``), so a fold never trains on what was heard of a template it tests.
    ``nlu_speech --refresh`` mends the dataset; this keeps the measure honest until then."""
    return [*written, *as_heard(still_made(heard, written))]


def fold_of(template: str, folds: int) -> int:
    """A template's fold: a stable hash, so a grown bank keeps every old template where it was."""
    return zlib.crc32(template.encode()) % folds


def template_folds(rows: Sequence[dict], folds: int) -> list[tuple[list[int], list[int]]]:
    """(training, test) row indices of each fold: test rows are made only of the fold's templates,
    training rows of none of them."""
    parts = [row["template"].split("+") for row in rows]
    split = []
    for fold in range(folds):
        test = [i for i, ts in enumerate(parts) if all(fold_of(t, folds) == fold for t in ts)]
        train = [i for i, ts in enumerate(parts) if all(fold_of(t, folds) != fold for t in ts)]
        split.append((train, test))
    return split


class _Memo:
    """One fold's models, each text's probabilities computed once (the hybrid asks for texts the rules
    rewrote, and every mixing weight asks again)."""

    def __init__(self, models: dict) -> None:
        self.models = models
        self.seen: dict[str, dict] = {}

    def of(self, texts: Sequence[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        new = [t for t in dict.fromkeys(texts) if t not in self.seen]
        if new:
            for name, model in self.models.items():
                intents, topics = model.probabilities(new)
                for text, i, t in zip(new, np.asarray(intents), np.asarray(topics)):
                    self.seen.setdefault(text, {})[name] = (i, t)
        return {name: (np.array([self.seen[t][name][0] for t in texts]),
                       np.array([self.seen[t][name][1] for t in texts]))
                for name in self.models}


@dataclass
class _Mixed:
    """A parser over a fold's memo: the n-gram probabilities, ``e5_weight`` of them E5's."""

    memo: _Memo
    ngram: str
    e5_weight: float

    def probabilities(self, texts: Sequence[str]):
        got = self.memo.of(texts)
        (ni, nt) = got[self.ngram]
        if not self.e5_weight:
            return ni, nt
        ei, et = got["e5"]
        return mix(ni, ei, self.e5_weight), mix(nt, et, self.e5_weight)

    def parse_many(self, texts: Sequence[str]):
        return parse_with(self.probabilities, texts)

    def parse(self, text: str):
        return self.parse_many([text])[0]


def _fit_fold(rows: list[dict], model: str, cs: Sequence[float], seed: int) -> _Memo:
    from dialogue.nlu.ngram import NgramClassifier

    models = {f"ngram C={c:g}": NgramClassifier.fit(rows, seed=seed, c=c) for c in cs}
    if model == "ngram-e5":
        from dialogue.nlu.e5 import E5Model
        from dialogue.nlu.train import DEFAULT_BATCH_SIZE

        hp = _e5_hyperparameters()
        with tempfile.TemporaryDirectory() as folder:  # saved and loaded: int8, as the bot runs it
            E5Model().fit(rows, epochs=hp["epochs"], learning_rate=hp["learning_rate"],
                          batch_size=DEFAULT_BATCH_SIZE, seed=seed).save(Path(folder))
            models["e5"] = E5Model.load(Path(folder))
    return _Memo(models)


def _e5_hyperparameters() -> dict:
    from dialogue.nlu import base_models

    return base_models.training_defaults(base_models.NGRAM_E5)


def _accuracy(results, rows: Sequence[dict], keep) -> tuple[float, float, int]:
    picked = [(r, row) for r, row, k in zip(results, rows, keep) if k]
    if not picked:
        return 0.0, 0.0, 0
    return (sum(r.intent == row["intent"] for r, row in picked) / len(picked),
            sum(r.topic == row["topic"] for r, row in picked) / len(picked), len(picked))


def load_named(spec: str):
    """``path/to/file.py:NAME`` → what the file names so (a draft's list of templates, a bank)."""
    path, _, name = spec.rpartition(":")
    if not path or not name:
        raise SystemExit(f"expected FILE.py:NAME, got {spec!r}")
    module_spec = importlib.util.spec_from_file_location(Path(path).stem, path)
    if module_spec is None or module_spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    if not hasattr(module, name):
        raise SystemExit(f"{path} has no {name}")
    return getattr(module, name)


def load_candidates(spec: str) -> list:
    """``path/to/draft.py:NAME`` → the list of templates the file names so."""
    return list(load_named(spec))


def candidate_rows(templates: Sequence, rows: Sequence[dict], seed: int) -> list[dict]:
    """The draft's rows, none with the text of a row of the bank."""
    from dialogue.nlu.build_dataset import realise_candidates
    from dialogue.nlu.text import normalise

    return realise_candidates(templates, seed, exclude={normalise(row["text"]) for row in rows})


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=("ngram", "ngram-e5"), default="ngram")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--ngram-c", default=None, help="comma-separated SVM C values (default: the model's)")
    parser.add_argument("--e5-weights", default="0,0.2,0.3,0.4,0.5,1", help="with --model ngram-e5")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--rules", action="store_true",
                        help="for each keyword rule, the rows where it changed the model's intent")
    parser.add_argument("--candidates", metavar="FILE:NAME", default=None,
                        help="draft training templates (a list NAME in the Python file FILE), trained on in every "
                             "fold, never tested: each line is given without and with them")
    parser.add_argument("--dump", metavar="FILE", type=Path, default=None,
                        help="a JSON line for each tested row and line: its labels, the model's result on the whole "
                             "turn, the matter the hybrid read and the model's result on it, the hybrid's result")
    args = parser.parse_args(argv)

    import torch

    from dialogue.nlu import ngram

    torch.set_num_threads(2)
    cs = [float(c) for c in args.ngram_c.split(",")] if args.ngram_c else [ngram.C]
    weights = [float(w) for w in args.e5_weights.split(",")] if args.model == "ngram-e5" else [0.0]
    written, heard = train_rows(), heard_rows()
    rows = cv_rows(written, heard)
    left_out = len(written) + len(heard) - len(rows)
    if left_out:
        print(f"{left_out} heard rows of sentences the bank no longer makes left out", flush=True)
    drafts = {"": []}
    if args.candidates:
        drafts["+ candidates"] = candidate_rows(load_candidates(args.candidates), rows, args.seed)
        print(f"{len(drafts['+ candidates'])} rows of draft templates on the training side of every fold", flush=True)
    tested: list[dict] = []
    results: dict[tuple, dict[str, list]] = {}
    effects: dict[tuple, collections.Counter] = collections.defaultdict(collections.Counter)
    with args.dump.open("w", encoding="utf-8") if args.dump else contextlib.nullcontext() as dump:
        for fold, (train, test) in enumerate(template_folds(rows, args.folds)):
            started = time.monotonic()
            test_rows = [rows[i] for i in test]
            texts = [row["text"] for row in test_rows]
            for draft, extra in drafts.items():
                memo = _fit_fold([rows[i] for i in train] + extra, args.model, cs, args.seed)
                for c in cs:
                    for w in weights:
                        mixed = _Mixed(memo, f"ngram C={c:g}", w)
                        got = results.setdefault((draft, c, w), {"model": [], "hybrid": []})
                        model, read = mixed.parse_many(texts), HybridNlu(mixed).read_with_model(texts)
                        hybrid = [HybridNlu.combine(words, result) for words, result in read]
                        got["model"] += model
                        got["hybrid"] += hybrid
                        if args.rules:
                            rule_effects(test_rows, model, read, hybrid, effects[(draft, c, w)])
                        if dump:
                            write_dump(dump, {"draft": draft, "c": c, "e5_weight": w}, test_rows, model, read, hybrid)
            tested += test_rows
            print(f"fold {fold + 1}/{args.folds}: trained on {len(train)} rows, tested on {len(test)} "
                  f"({time.monotonic() - started:.0f} s)", flush=True)

    heard = [("written" in row) for row in tested]
    print(f"\n{len(tested)} rows tested, {sum(heard)} of them as heard; intent / topic accuracy")
    for (draft, c, w), got in results.items():
        label = f"C={c:g}" + (f", E5 × {w:g}" if args.model == "ngram-e5" else "") + (f" {draft}" if draft else "")
        for name in ("model", "hybrid"):
            every = _accuracy(got[name], tested, [True] * len(tested))
            written = _accuracy(got[name], tested, [not h for h in heard])
            as_heard = _accuracy(got[name], tested, heard)
            print(f"{label:>16} {name:>6}: all {every[0]:.4f} / {every[1]:.4f}   written {written[0]:.4f} / "
                  f"{written[1]:.4f}   heard {as_heard[0]:.4f} / {as_heard[1]:.4f}")
        if args.rules:
            print_rule_effects(effects[(draft, c, w)])


if __name__ == "__main__":
    main()
