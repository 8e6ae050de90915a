"""``NgramE5``: the n-gram model and the fine-tuned E5 encoder, their probabilities mixed.

The two read differently: the n-gram model knows the letters of the training bank, the recogniser's
misspellings included; E5 knows what words mean, including words the bank never used. Each is about
as good alone on the development set; mixed, they fix each other's misses (docs/nlu.md: the weight
was chosen on the development set among 0.2–1, then the blind set read once).

On disk: the n-gram model's files and ``e5.pt`` side by side in one model folder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from dialogue.nlu.e5 import E5Model
from dialogue.nlu.ngram import NgramClassifier
from dialogue.nlu.result import NluResult, parse_with

E5_WEIGHT = 0.3  # the E5 share of each probability; the n-grams have the rest


def mix(ngram, e5, e5_weight: float = E5_WEIGHT):
    """One head's probabilities: ``e5_weight`` of them E5's, the rest the n-grams'."""
    return (1 - e5_weight) * ngram + e5_weight * e5


class NgramE5:
    def __init__(self, ngram: NgramClassifier, e5: E5Model) -> None:
        self.ngram = ngram
        self.e5 = e5

    @classmethod
    def fit(cls, rows: Sequence[dict], *, seed: int, epochs: int, learning_rate: float, batch_size: int,
            log: Callable[[str], None] | None = None) -> NgramE5:
        ngram = NgramClassifier.fit(rows, seed=seed)
        e5 = E5Model().fit(rows, epochs=epochs, learning_rate=learning_rate, batch_size=batch_size, seed=seed, log=log)
        return cls(ngram, e5)

    def parse(self, text: str) -> NluResult:
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[NluResult]:
        return parse_with(self.probabilities, texts)

    def probabilities(self, texts: Sequence[str]):
        """The two models' (intent, topic) probabilities, mixed ``E5_WEIGHT`` to E5."""
        ngram_intents, ngram_topics = self.ngram.probabilities(texts)
        e5_intents, e5_topics = self.e5.probabilities(texts)
        return mix(ngram_intents, e5_intents), mix(ngram_topics, e5_topics)

    def save(self, model_dir: Path) -> None:
        self.ngram.save(model_dir)
        self.e5.save(model_dir)

    @classmethod
    def load(cls, model_dir: Path) -> NgramE5:
        return cls(NgramClassifier.load(model_dir), E5Model.load(model_dir))
