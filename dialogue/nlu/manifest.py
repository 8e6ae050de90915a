"""``nlu.json``: what a trained model's folder says about itself — labels, fingerprint, metrics.

The trainer writes it last (a folder without it is an unfinished training); the classifier reads
the label order from it. Both import this module, and neither imports the other.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

MANIFEST = "nlu.json"


@dataclass(frozen=True)
class NluManifest:
    # The order of the classifier's outputs: the intent head first, then the topic head.
    intents: tuple[str, ...]
    topics: tuple[str, ...]
    max_length: int
    # ``train.fingerprint``: dataset, base model and hyperparameters; a match skips training.
    fingerprint: str
    hyperparameters: dict
    metrics: dict

    def write(self, model_dir: Path) -> None:
        data = {**asdict(self), "intents": list(self.intents), "topics": list(self.topics)}
        (Path(model_dir) / MANIFEST).write_text(json.dumps(data, indent=2), encoding="utf-8")


def read_manifest(model_dir: Path) -> NluManifest | None:
    """The manifest of a trained model in ``model_dir``; None when there is none (not trained)."""
    path = Path(model_dir) / MANIFEST
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return NluManifest(intents=tuple(data["intents"]), topics=tuple(data["topics"]),
                       max_length=data["max_length"], fingerprint=data["fingerprint"],
                       hyperparameters=data["hyperparameters"], metrics=data["metrics"])


def is_trained(model_dir: Path) -> bool:
    return read_manifest(model_dir) is not None
