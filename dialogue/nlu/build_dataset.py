"""Generate the Polish NLU dataset (``dialogue/nlu/dataset/*.jsonl``) from templates.py, deterministically.

    python -m dialogue.nlu.build_dataset [--seed 4] [--out DIR]

Rows: ``{"text", "intent", "topic", "template"}``; held-out rows also carry ``asr_text`` (the same
sentence through asr_noise). About one template in five of every (intent, topic) group is held out
whole, so held-out accuracy measures paraphrases the model never saw, not memorised sentences.
Half of the training rows are ASR-noised.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from dialogue.nlu.asr_noise import asr_noise
from dialogue.nlu.corpus import DATASET_DIR, HELDOUT_FILE, TRAIN_FILE
from dialogue.nlu.templates import PREFIXES, SLOT, SUFFIXES, TAX_GEN, TAX_NOM, TEMPLATES

DEFAULT_SEED = 4

_CHOICE = re.compile(r"\(([^()]*)\)")
_SLOT_TOPICS = tuple(TAX_NOM)  # the five taxes plus "general"


def is_heldout(index_in_group: int) -> bool:
    return index_in_group % 5 == 3


def split_templates() -> tuple[list[tuple[int, str, str, str]], list[tuple[int, str, str, str]]]:
    """(train, heldout) lists of (template_id, intent, topic, template)."""
    seen: dict[tuple[str, str], int] = {}
    train, heldout = [], []
    for template_id, (intent, topic, template) in enumerate(TEMPLATES):
        index = seen.get((intent, topic), 0)
        seen[(intent, topic)] = index + 1
        (heldout if is_heldout(index) else train).append((template_id, intent, topic, template))
    return train, heldout


def realise(template: str, topic: str, rng: random.Random) -> str:
    text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    if "{tax}" in text:
        text = text.replace("{tax}", rng.choice(TAX_NOM[topic]))
    if "{tax_gen}" in text:
        text = text.replace("{tax_gen}", rng.choice(TAX_GEN[topic]))
    if rng.random() < 0.4:
        text = f"{rng.choice(PREFIXES)} {text}"
    if rng.random() < 0.3:
        text = f"{text} {rng.choice(SUFFIXES)}"
    return " ".join(text.split())


def rows_for(template_row: tuple[int, str, str, str], count: int, rng: random.Random) -> list[dict]:
    template_id, intent, fixed_topic, template = template_row
    rows: dict[str, dict] = {}
    for attempt in range(count * 4):
        if len(rows) >= count:
            break
        topic = _SLOT_TOPICS[attempt % len(_SLOT_TOPICS)] if fixed_topic == SLOT else fixed_topic
        text = realise(template, topic, rng)
        rows.setdefault(text, {"text": text, "intent": intent, "topic": topic, "template": template_id})
    return list(rows.values())


def build(seed: int = DEFAULT_SEED, out_dir: Path = DATASET_DIR, per_template: int = 26,
          per_heldout_template: int = 16) -> dict[str, int]:
    rng = random.Random(seed)
    train_templates, heldout_templates = split_templates()
    train_rows: list[dict] = []
    for template_row in train_templates:
        for row in rows_for(template_row, per_template, rng):
            if rng.random() < 0.5:
                row = {**row, "text": asr_noise(row["text"], rng)}
            train_rows.append(row)
    train_texts = {row["text"] for row in train_rows}
    heldout_rows = []
    for template_row in heldout_templates:
        for row in rows_for(template_row, per_heldout_template, rng):
            if row["text"] not in train_texts:
                heldout_rows.append({**row, "asr_text": asr_noise(row["text"], rng)})
    rng.shuffle(train_rows)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, rows in ((TRAIN_FILE, train_rows), (HELDOUT_FILE, heldout_rows)):
        with open(out_dir / name, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"train": len(train_rows), "heldout": len(heldout_rows),
            "train_templates": len(train_templates), "heldout_templates": len(heldout_templates)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=DATASET_DIR)
    args = parser.parse_args()
    print(json.dumps(build(args.seed, args.out)))


if __name__ == "__main__":
    main()
