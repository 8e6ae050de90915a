"""Natural-language understanding for the hotline: intent and routing topic of what the caller said.

``IntentClassifier.load(model_dir).parse(text) -> NluResult(intent, topic, confidence)``; the model
is made by ``train(...)`` from the Polish dataset in ``dataset/`` (built by ``build_dataset.py``).
Importing this package is light: torch and transformers load when a model is trained or loaded.
"""

from __future__ import annotations

from dialogue.nlu.base_models import DEFAULT_BASE_MODEL, NGRAM, NGRAM_E5
from dialogue.nlu.classifier import IntentClassifier
from dialogue.nlu.corpus import DATASET_DIR
from dialogue.nlu.labels import INTENTS, TOPICS
from dialogue.nlu.manifest import is_trained, read_manifest
from dialogue.nlu.result import NluResult
from dialogue.nlu.train import train



def load_parser(model_dir, threads: int | None = None):
    """The trained model in ``model_dir``, whichever kind ``nlu.json`` says it is (an ``IntentParser``).

    ``threads``, when given, is how many threads torch uses in this process from now on — a setting of
    the whole process, so the caller chooses it (the bot: 1, a turn is one sentence); None leaves
    torch's default. The n-gram model does not use torch.
    """
    from pathlib import Path

    manifest = read_manifest(Path(model_dir))
    if manifest is None:
        raise FileNotFoundError(f"no trained NLU model in {model_dir} (run `voicebot nlu train`)")
    base_model = manifest.hyperparameters.get("base_model")
    if base_model == NGRAM:
        from dialogue.nlu.ngram import NgramClassifier

        return NgramClassifier.load(Path(model_dir))
    if threads is not None:
        import torch

        torch.set_num_threads(threads)
    if base_model == NGRAM_E5:
        from dialogue.nlu.ensemble import NgramE5

        return NgramE5.load(Path(model_dir))
    return IntentClassifier.load(model_dir)


__all__ = ["load_parser", "DATASET_DIR", "DEFAULT_BASE_MODEL", "INTENTS", "TOPICS", "IntentClassifier", "NluResult",
           "is_trained", "train"]
