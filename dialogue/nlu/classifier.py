"""``IntentClassifier``: text → ``NluResult(intent, topic, confidence)`` with the model ``train`` made.

``confidence`` is the intent head's probability for the intent it chose: the engine uses it to ask
again rather than act on a guess; ``topic_confidence``, the topic head's for its queue, to ask which
queue rather than guess one (``dialogue.nlu.result.parse_with``, as for every trained model).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dialogue.nlu.manifest import read_manifest
from dialogue.nlu.result import NluResult, parse_with
from dialogue.nlu.text import normalise


class IntentClassifier:
    def __init__(self, tokenizer, model, intents: Sequence[str], topics: Sequence[str], max_length: int) -> None:
        self._tokenizer = tokenizer
        self._model = model
        self.intents = tuple(intents)
        self.topics = tuple(topics)
        self._max_length = max_length

    @classmethod
    def load(cls, model_dir: str | Path) -> IntentClassifier:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        model_dir = Path(model_dir)
        manifest = read_manifest(model_dir)
        if manifest is None:
            raise FileNotFoundError(f"no trained NLU model in {model_dir} (run `voicebot nlu train`)")
        tokenizer = AutoTokenizer.from_pretrained(model_dir)
        model = AutoModelForSequenceClassification.from_pretrained(model_dir)
        model.eval()
        return cls(tokenizer, model, manifest.intents, manifest.topics, manifest.max_length)

    def parse(self, text: str) -> NluResult:
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str], batch_size: int = 64) -> list[NluResult]:
        return parse_with(lambda todo: self.probabilities(todo, batch_size), texts, self.intents, self.topics)

    def probabilities(self, texts: Sequence[str], batch_size: int = 64):
        """(intent, topic) probabilities of each text, in ``intents`` / ``topics`` order."""
        import torch

        intents, topics = [], []
        for start in range(0, len(texts), batch_size):
            encoded = self._tokenizer([normalise(text) for text in texts[start:start + batch_size]],
                                      padding=True, truncation=True, max_length=self._max_length,
                                      return_tensors="pt")
            with torch.inference_mode():
                logits = self._model(**encoded).logits
            intents.append(logits[:, :len(self.intents)].softmax(-1))
            topics.append(logits[:, len(self.intents):].softmax(-1))
        return torch.cat(intents).numpy(), torch.cat(topics).numpy()
