"""The dataset files on disk: where they are, how to read them, and a hash that names their content.

``train.jsonl`` / ``heldout.jsonl`` / ``blind.jsonl`` / ``blind2.jsonl`` / ``blind3.jsonl``: the written rows
(build_dataset.py).
``*_heard.jsonl``: the same rows as the recogniser heard them spoken over a phone line (``heard``
beside ``text``; eval/nlu_speech.py writes them). Training reads both of its files; tuning reads the
held-out pair (the development set); the three blind pairs are only measured, never decided on.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

DATASET_DIR = Path(__file__).resolve().parent / "dataset"
TRAIN_FILE = "train.jsonl"
HELDOUT_FILE = "heldout.jsonl"
TRAIN_HEARD_FILE = "train_heard.jsonl"
HELDOUT_HEARD_FILE = "heldout_heard.jsonl"
BLIND_FILE = "blind.jsonl"
BLIND_HEARD_FILE = "blind_heard.jsonl"
BLIND2_FILE = "blind2.jsonl"
BLIND2_HEARD_FILE = "blind2_heard.jsonl"
BLIND3_FILE = "blind3.jsonl"
BLIND3_HEARD_FILE = "blind3_heard.jsonl"
# What a trained model depends on (its fingerprint): the blind pairs are not among them.
FILES = (TRAIN_FILE, HELDOUT_FILE, TRAIN_HEARD_FILE, HELDOUT_HEARD_FILE)
ALL_FILES = FILES + (BLIND_FILE, BLIND_HEARD_FILE, BLIND2_FILE, BLIND2_HEARD_FILE, BLIND3_FILE, BLIND3_HEARD_FILE)
SPLITS = ("train", "heldout", "blind", "blind2", "blind3")
# Measured, never decided on (blind_templates.py, blind2_templates.py, blind3_templates.py).
BLIND_SPLITS = ("blind", "blind2", "blind3")
_WRITTEN = {"train": TRAIN_FILE, "heldout": HELDOUT_FILE, "blind": BLIND_FILE, "blind2": BLIND2_FILE,
            "blind3": BLIND3_FILE}
HEARD_FILES = {"train": TRAIN_HEARD_FILE, "heldout": HELDOUT_HEARD_FILE, "blind": BLIND_HEARD_FILE,
               "blind2": BLIND2_HEARD_FILE, "blind3": BLIND3_HEARD_FILE}


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
    return load_rows(Path(dataset_dir) / _WRITTEN[split])


def heard_rows(dataset_dir: Path = DATASET_DIR, split: str = "train") -> list[dict]:
    """Rows of ``split`` as the recogniser heard them: their labels, ``text`` and ``heard``."""
    return load_rows(Path(dataset_dir) / HEARD_FILES[split])


def training_rows(dataset_dir: Path = DATASET_DIR) -> list[dict]:
    """What every model learns from: the written training rows and what the recogniser heard of some of them."""
    return train_rows(dataset_dir) + as_heard(heard_rows(dataset_dir, "train"))


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
