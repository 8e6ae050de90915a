"""The dataset files on disk: where they are, how to read them, and a hash that names their content.

``<split>.jsonl`` (``train``, ``heldout``, ``blind``, ``blind2``, ``blind3``, ``dev2``): the written rows
(build_dataset.py).
``*_heard.jsonl``: the same rows as the recogniser heard them spoken over a phone line (``heard``
beside ``text``; eval/nlu_speech.py writes them). Training reads both of its files; tuning reads the
development pairs (``heldout`` and ``dev2``, each by its own hand); the three blind pairs are only measured,
never decided on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

DATASET_DIR = Path(__file__).resolve().parent / "dataset"
# In the order build_dataset realises them: a bank written later comes last, so the rows before stay as they were.
SPLITS = ("train", "heldout", "blind", "blind2", "blind3", "dev2")
# Read while tuning, the development set: the held-out bank and a second one by another hand
# (build_dataset.DEV_BANKS).
DEV_SPLITS = ("heldout", "dev2")
# Measured, never decided on: the blind banks (build_dataset.BLIND_BANKS), in the order they were written.
BLIND_SPLITS = ("blind", "blind2", "blind3")


def written_file(split: str) -> str:
    return f"{split}.jsonl"


def heard_file(split: str) -> str:
    return f"{split}_heard.jsonl"


TRAIN_FILE = written_file("train")
HELDOUT_FILE = written_file("heldout")
TRAIN_HEARD_FILE = heard_file("train")
HELDOUT_HEARD_FILE = heard_file("heldout")
# What a trained model depends on (its fingerprint): the blind pairs are not among them.
FILES = (TRAIN_FILE, HELDOUT_FILE, TRAIN_HEARD_FILE, HELDOUT_HEARD_FILE)
ALL_FILES = tuple(name for split in SPLITS for name in (written_file(split), heard_file(split)))

def load_rows(path: Path) -> list[dict]:
    if not Path(path).exists():
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def train_rows(dataset_dir: Path = DATASET_DIR) -> list[dict]:
    """The written training rows."""
    return load_rows(Path(dataset_dir) / TRAIN_FILE)


def heldout_rows(dataset_dir: Path = DATASET_DIR) -> list[dict]:
    return load_rows(Path(dataset_dir) / HELDOUT_FILE)


def written_rows(split: str, dataset_dir: Path = DATASET_DIR) -> list[dict]:
    return load_rows(Path(dataset_dir) / written_file(split))


def heard_rows(dataset_dir: Path = DATASET_DIR, split: str = "train") -> list[dict]:
    """Rows of ``split`` as the recogniser heard them: their labels, ``text`` and ``heard``."""
    return load_rows(Path(dataset_dir) / heard_file(split))


def training_rows(dataset_dir: Path = DATASET_DIR) -> list[dict]:
    """What every model learns from: the written training rows and what the recogniser heard of some of them."""
    return train_rows(dataset_dir) + as_heard(heard_rows(dataset_dir, "train"))


def still_made(heard: Sequence[dict], written: Sequence[dict]) -> list[dict]:
    """The heard rows whose sentence the bank still makes, each with the bank row's labels and template id.

    Why: a grown bank realises and numbers its templates anew, so a heard row spoken earlier can be of a sentence
    no longer made, or carry the id of another template (template CV cuts its folds by id)."""
    bank = {row["text"]: row for row in written}
    return [{**row, **bank[row["text"]]} for row in heard if row["text"] in bank]


def as_heard(rows: list[dict]) -> list[dict]:
    """Rows whose ``text`` is what was heard (the written sentence kept as ``written``)."""
    return [{**row, "text": row["heard"], "written": row["text"]} for row in rows]


def dataset_hash(dataset_dir: Path = DATASET_DIR) -> str:
    digest = hashlib.sha256()
    for name in FILES:
        path = Path(dataset_dir) / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()
