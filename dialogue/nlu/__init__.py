"""Natural-language understanding for the hotline: intent and routing topic of what the caller said.

``IntentClassifier.load(model_dir).parse(text) -> NluResult(intent, topic, confidence)``; the model
is made by ``train(...)`` from the Polish dataset in ``dataset/`` (built by ``build_dataset.py``).
Importing this package is light: torch and transformers load when a model is trained or loaded.
"""

from __future__ import annotations

from dialogue.nlu.base_models import DEFAULT_BASE_MODEL
from dialogue.nlu.classifier import IntentClassifier
from dialogue.nlu.corpus import DATASET_DIR
from dialogue.nlu.labels import INTENTS, TOPICS
from dialogue.nlu.manifest import is_trained
from dialogue.nlu.result import NluResult
from dialogue.nlu.train import train

__all__ = ["DATASET_DIR", "DEFAULT_BASE_MODEL", "INTENTS", "TOPICS", "IntentClassifier", "NluResult",
           "is_trained", "train"]
