"""Generate the Polish NLU dataset (``dialogue/nlu/dataset/*.jsonl``) from the template banks, deterministically.

    python -m dialogue.nlu.build_dataset [--seed 4] [--out DIR]

``train.jsonl`` is realised from the training bank (templates.py) only, ``heldout.jsonl`` from the
held-out bank (heldout_templates.py) only, each blind split from its own blind bank only (``BLIND_BANKS``:
``blind.jsonl`` from blind_templates.py, and so on), ``dev2.jsonl`` from the second development bank
(dev2_templates.py): the development rows (``DEV_BANKS``: read while tuning) and the blind rows (never read
for a decision) measure callers whose phrasing the model never saw (separation.py says how that is
checked). Rows: ``{"text", "intent", "topic", "template", "kind"}`` plus ``question`` / ``act`` when set and
``also`` ({"intent", "topic"}) when the turn names a second matter. Kinds:

- ``plain``: one request, sometimes with an opening and a closing ("dzień dobry … dziękuję");
- ``story``: a sentence of the caller's story first, the matter after it (the story may name the tax:
  "sprowadziłem auto z Niemiec i mam pytanie ile mam do zapłaty" is about excise);
- ``multi``: two matters in one turn; the labels are the first, ``also`` the second;
- ``refusal``: a refusal to give a PESEL, then the matter.

What the recogniser heard of these rows (RHVoice + phone line + Whisper) is kept beside them in
``*_heard.jsonl``, written by ``python -m eval.nlu_speech`` (build it again after changing the banks).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
from collections.abc import Collection, Sequence
from pathlib import Path

from dialogue.nlu.asr_noise import asr_noise
from dialogue.nlu.blind2_templates import BLIND2_BANK
from dialogue.nlu.blind3_templates import BLIND3_BANK
from dialogue.nlu.blind_templates import BLIND_BANK
from dialogue.nlu.corpus import DATASET_DIR, written_file
from dialogue.nlu.dev2_templates import DEV2_BANK
from dialogue.nlu.grammar import SLOT, Bank, Template, choose, fill
from dialogue.nlu.heldout_templates import HELDOUT_BANK
from dialogue.nlu.lexicon import TAX_GEN, TAX_NOM, TAX_TOPICS
from dialogue.nlu.templates import TRAIN_BANK
from dialogue.nlu.text import normalise

DEFAULT_SEED = 4
# Rows per split: (plain rows per template, story rows, multi-matter rows, refusal rows).
TRAIN_SIZES = (14, 900, 500, 250)
HELDOUT_SIZES = (4, 45, 35, 12)
BLIND_SIZES = (4, 45, 40, 15)  # each blind bank
# Each by another hand, in the order they were written; their names are corpus.BLIND_SPLITS.
BLIND_BANKS = (BLIND_BANK, BLIND2_BANK, BLIND3_BANK)
# Read while tuning (the development set), in the order they were written; their names are corpus.DEV_SPLITS.
DEV_BANKS = (HELDOUT_BANK, DEV2_BANK)
_STORY_JOINERS = ["", "i", "więc", "no i", "a"]
_ANY_NOM = [name for names in TAX_NOM.values() for name in names]
_ANY_GEN = [name for names in TAX_GEN.values() for name in names]


def realise(template: Template, topic: str, bank: Bank, rng: random.Random) -> str:
    """One sentence of ``template`` with its taxes named for ``topic``."""
    # A queue that is not a tax (enforcement, e-US) takes any tax: "upomnienie w sprawie VAT-u".
    any_tax = topic not in TAX_NOM
    values = {"tax": _ANY_NOM if any_tax else TAX_NOM[topic], "tax_gen": _ANY_GEN if any_tax else TAX_GEN[topic],
              "who": bank.who}
    return " ".join(fill(choose(template.text, rng), values, rng).split())


def _label(template: Template, topic: str, template_id: str, kind: str) -> dict:
    row = {"intent": template.intent, "topic": topic, "template": template_id, "kind": kind}
    if template.question:
        row["question"] = template.question
    if template.act:
        row["act"] = template.act
    return row


def _topic_for(template: Template, attempt: int) -> str:
    return TAX_TOPICS[attempt % len(TAX_TOPICS)] if template.topic == SLOT else template.topic


def _frame(text: str, bank: Bank, rng: random.Random) -> str:
    """An opening and a closing, sometimes."""
    if rng.random() < 0.4:
        text = f"{rng.choice(bank.prefixes)} {text}"
    if rng.random() < 0.3:
        text = f"{text} {rng.choice(bank.suffixes)}"
    return " ".join(text.split())


class _Rows:
    """Rows of one split, unique by normalised text (and kept apart from ``exclude``)."""

    def __init__(self, exclude: set[str] = frozenset()) -> None:
        self.rows: list[dict] = []
        self.seen = set(exclude)

    def add(self, text: str, labels: dict) -> bool:
        key = normalise(text)
        if not key or key in self.seen:
            return False
        self.seen.add(key)
        self.rows.append({"text": text, **labels})
        return True


def _ids(bank: Bank) -> list[tuple[str, Template]]:
    return [(f"{bank.row_prefix}{i}", template) for i, template in enumerate(bank.templates)]


def template_numbers(template_id: str) -> list[int]:
    """The numbers in a row's template id (``_ids``; a two-matter row joins two, ``_multi``):
    "t12" → [12], "t12+t700" → [12, 700]."""
    return [int(part[1:]) for part in str(template_id).split("+")]


def _plain(bank: Bank, out: _Rows, per_template: int, rng: random.Random) -> None:
    for template_id, template in _ids(bank):
        made = 0
        for attempt in range(per_template * 6):
            if made >= per_template:
                break
            topic = _topic_for(template, attempt)
            text = _frame(realise(template, topic, bank, rng), bank, rng)
            made += out.add(text, _label(template, topic, template_id, "plain"))


def _is_matter(template: Template) -> bool:
    """A complete matter that can sit inside a story or beside another matter."""
    if template.act or template.intent == "other" and template.topic == "general" and not template.question:
        return False
    return "{who}" not in template.text


def _stories(bank: Bank, out: _Rows, count: int, rng: random.Random) -> None:
    matters = [(i, t) for i, t in _ids(bank) if _is_matter(t) and not t.question]
    topics = sorted(bank.contexts)
    for _ in range(count * 6):
        if count <= 0:
            return
        told = rng.choice(topics) if rng.random() < 0.6 else ""
        template_id, template = rng.choice(matters)
        if told:
            # The story names the tax: the matter must be open to it (a slot, or a request about no tax).
            if template.topic == SLOT:
                topic = told
                filler_topic = told if rng.random() < 0.5 else "general"
            elif template.topic == "general" and template.intent in ("balance", "payments", "agent"):
                topic, filler_topic = told, "general"
            else:
                continue
        else:
            topic = filler_topic = _topic_for(template, rng.randrange(len(TAX_TOPICS)))
        matter = realise(template, filler_topic, bank, rng)
        text = " ".join([rng.choice(bank.contexts[told]), rng.choice(_STORY_JOINERS), matter,
                         rng.choice(bank.tails) if rng.random() < 0.4 else ""])
        text = _frame(text, bank, rng)
        count -= out.add(text, _label(template, topic, template_id, "story"))


def _multi(bank: Bank, out: _Rows, count: int, rng: random.Random) -> None:
    matters = [(i, t) for i, t in _ids(bank) if _is_matter(t) and t.intent != "agent"]
    for _ in range(count * 6):
        if count <= 0:
            return
        (first_id, first), (second_id, second) = rng.sample(matters, 2)
        first_topic = _topic_for(first, rng.randrange(len(TAX_TOPICS)))
        second_topic = _topic_for(second, rng.randrange(len(TAX_TOPICS)))
        if (first.intent, first_topic) == (second.intent, second_topic):
            continue
        text = " ".join([realise(first, first_topic, bank, rng), rng.choice(bank.connectors),
                         realise(second, second_topic, bank, rng)])
        labels = {**_label(first, first_topic, f"{first_id}+{second_id}", "multi"),
                  "also": {"intent": second.intent, "topic": second_topic}}
        count -= out.add(_frame(text, bank, rng), labels)


def _refusals(bank: Bank, out: _Rows, count: int, rng: random.Random) -> None:
    matters = [(i, t) for i, t in _ids(bank) if _is_matter(t) and t.intent in ("balance", "payments", "refund", "agent")]
    for _ in range(count * 6):
        if count <= 0:
            return
        template_id, template = rng.choice(matters)
        topic = _topic_for(template, rng.randrange(len(TAX_TOPICS)))
        text = " ".join([rng.choice(bank.refusals), rng.choice(bank.refusal_joiners),
                         realise(template, topic, bank, rng)])
        count -= out.add(text, {**_label(template, topic, template_id, "refusal"), "act": "refuse"})


def realise_bank(bank: Bank, sizes: tuple[int, int, int, int], rng: random.Random,
                 exclude: set[str] = frozenset()) -> list[dict]:
    per_template, stories, multi, refusals = sizes
    out = _Rows(exclude)
    _plain(bank, out, per_template, rng)
    _stories(bank, out, stories, rng)
    _multi(bank, out, multi, rng)
    _refusals(bank, out, refusals, rng)
    return out.rows


def _asr_noised(rows: list[dict], rng: random.Random, share: float = 0.35) -> list[dict]:
    """A copy of some rows as a recogniser might write them (asr_noise.py), ``kind`` "noised": cheap
    cover for what the real recogniser's transcripts (``train_heard.jsonl``) have too few of."""
    seen = {normalise(row["text"]) for row in rows}
    out = []
    for row in rows:
        if rng.random() >= share:
            continue
        text = asr_noise(row["text"], rng)
        if normalise(text) not in seen:
            seen.add(normalise(text))
            out.append({**row, "text": text, "kind": "noised"})
    return out


def realise_candidates(templates: Sequence[Template], seed: int = DEFAULT_SEED,
                       exclude: Collection[str] = frozenset()) -> list[dict]:
    """Draft training templates realised as the training bank is (its frames, as many rows a template, stories,
    two matters and refusals in proportion, a share with recogniser noise), template ids "x…": a draft judged
    before it joins the bank (``eval.nlu_template_cv --candidates``). ``exclude``: normalised texts to leave out."""
    bank = dataclasses.replace(TRAIN_BANK, templates=list(templates), id_prefix="x")
    per_template, *others = TRAIN_SIZES
    share = len(bank.templates) / len(TRAIN_BANK.templates)
    sizes = (per_template, *(round(count * share) for count in others))
    rows = realise_bank(bank, sizes, random.Random(f"candidates-{seed}"), set(exclude))
    return rows + _asr_noised(rows, random.Random(f"candidates-noise-{seed}"))


def build(seed: int = DEFAULT_SEED, out_dir: Path = DATASET_DIR) -> dict[str, int]:
    rng = random.Random(seed)
    train = realise_bank(TRAIN_BANK, TRAIN_SIZES, rng)
    train += _asr_noised(train, random.Random(f"noise-{seed}"))
    # Its own generator: a change to the training bank leaves the held-out rows (and what the
    # recogniser heard of them) as they are.
    heldout = realise_bank(HELDOUT_BANK, HELDOUT_SIZES, random.Random(f"heldout-{seed}"),
                           exclude={normalise(r["text"]) for r in train})
    splits = {"train": train, "heldout": heldout}
    # Each bank written after the first two in the order it was written (corpus.SPLITS), with a generator of
    # its own, kept apart from every row realised before it: a new bank leaves the rows before it as they were.
    for bank, sizes in [*((bank, BLIND_SIZES) for bank in BLIND_BANKS), (DEV2_BANK, HELDOUT_SIZES)]:
        splits[bank.name] = realise_bank(bank, sizes, random.Random(f"{bank.name}-{seed}"),
                                         exclude={normalise(r["text"]) for rows in splits.values() for r in rows})
    rng.shuffle(train)
    out_dir.mkdir(parents=True, exist_ok=True)
    for split, rows in splits.items():
        with open(out_dir / written_file(split), "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    banks = (TRAIN_BANK, HELDOUT_BANK, *BLIND_BANKS, DEV2_BANK)
    return {**{split: len(rows) for split, rows in splits.items()},
            **{f"{bank.name}_templates": len(bank.templates) for bank in banks}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=DATASET_DIR)
    args = parser.parse_args()
    print(json.dumps(build(args.seed, args.out)))


if __name__ == "__main__":
    main()
