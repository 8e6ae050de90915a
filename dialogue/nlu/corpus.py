"""The dataset files on disk: where they are, how to read them, and a hash that names their content."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

DATASET_DIR = Path(__file__).resolve().parent / "dataset"
TRAIN_FILE = "train.jsonl"
HELDOUT_FILE = "heldout.jsonl"


def load_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def train_rows(dataset_dir: Path = DATASET_DIR) -> list[dict]:
    return load_rows(Path(dataset_dir) / TRAIN_FILE)


def heldout_rows(dataset_dir: Path = DATASET_DIR) -> list[dict]:
    return load_rows(Path(dataset_dir) / HELDOUT_FILE)


def dataset_hash(dataset_dir: Path = DATASET_DIR) -> str:
    digest = hashlib.sha256()
    for name in (TRAIN_FILE, HELDOUT_FILE):
        digest.update(name.encode())
        digest.update((Path(dataset_dir) / name).read_bytes())
    return digest.hexdigest()
