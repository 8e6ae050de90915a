"""The n-gram model's sentence-meaning features (dialogue/nlu/meaning.py): a multilingual encoder that
ships with its weights, read beside the letters so that words the training bank never used still count."""

from __future__ import annotations

import numpy as np
import pytest

from dialogue.nlu.meaning import DIMENSIONS, WEIGHT, SentenceMeaning, encoder


def _similarity(a: str, b: str) -> float:
    vectors = encoder().encode([a, b])
    return float(vectors[0] @ vectors[1])


@pytest.mark.parametrize("said,same_matter,other_matter", [
    # Words of the blind bank's kind: none of "oddacie", "debet", "człowiek" decides the match by letters.
    ("Kiedy oddacie mi nadpłatę?", "Kiedy dostanę zwrot podatku?", "Chcę rozmawiać z konsultantem."),
    ("Mam debet na koncie podatkowym.", "Jakie mam zaległości podatkowe?", "Kiedy dostanę zwrot podatku?"),
    ("Proszę mnie przełączyć do człowieka.", "Chcę rozmawiać z konsultantem.", "Ile jestem winien urzędowi?"),
])
def test_a_sentence_is_nearer_one_of_the_same_matter_than_one_of_another(said, same_matter, other_matter):
    assert _similarity(said, same_matter) > _similarity(said, other_matter) + 0.1


def test_each_text_becomes_one_weighted_vector_and_none_for_no_text():
    meaning = SentenceMeaning().fit(["uczy się niczego"])
    matrix = meaning.transform(["Ile mam do zapłaty?", "zwrot"])
    assert matrix.shape == (2, DIMENSIONS)
    assert np.allclose(np.linalg.norm(matrix.toarray(), axis=1), WEIGHT, atol=1e-3)
    assert meaning.transform([]).shape == (0, DIMENSIONS)


def test_a_saved_model_does_not_carry_the_encoders_weights(tmp_path):
    from dialogue.nlu.ngram import MODEL_FILE, NgramClassifier

    rows = [{"text": text, "intent": intent, "topic": topic} for text, intent, topic in [
        ("ile jestem winien", "balance", "pit"), ("jaki mam dług", "balance", "pit"),
        ("kiedy zwrot", "refund", "vat"), ("oddajcie nadpłatę", "refund", "vat"),
        ("chcę z konsultantem", "agent", "general"), ("połącz z człowiekiem", "agent", "general")]]
    model = NgramClassifier.fit(rows)
    model.save(tmp_path)
    assert (tmp_path / MODEL_FILE).stat().st_size < 2_000_000  # the encoder alone is ~65 MB in memory
    again = NgramClassifier.load(tmp_path)
    assert [r.intent for r in again.parse_many(["ile jestem winien", "kiedy zwrot"])] == ["balance", "refund"]
