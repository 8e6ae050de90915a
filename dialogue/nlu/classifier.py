"""``IntentClassifier``: text → ``NluResult(intent, topic, confidence)`` with the model ``train`` made.

``confidence`` is the intent head's probability for the intent it chose: the engine uses it to ask
again rather than act on a guess. The topic is the topic head's choice (a routing hint).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dialogue.nlu.manifest import read_manifest
from dialogue.nlu.result import NOTHING_HEARD, NluResult
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
        import torch

        cleaned = [normalise(text) for text in texts]
        results: list[NluResult | None] = [None if text else NOTHING_HEARD for text in cleaned]
        todo = [i for i, text in enumerate(cleaned) if text]
        for start in range(0, len(todo), batch_size):
            batch = todo[start:start + batch_size]
            encoded = self._tokenizer([cleaned[i] for i in batch], padding=True, truncation=True,
                                      max_length=self._max_length, return_tensors="pt")
            with torch.inference_mode():
                logits = self._model(**encoded).logits
            intent_probs = logits[:, :len(self.intents)].softmax(-1)
            topic_ids = logits[:, len(self.intents):].argmax(-1)
            confidence, intent_ids = intent_probs.max(-1)
            for row, i in enumerate(batch):
                results[i] = NluResult(intent=self.intents[int(intent_ids[row])],
                                       topic=self.topics[int(topic_ids[row])],
                                       confidence=round(float(confidence[row]), 4))
        return results  # type: ignore[return-value]
