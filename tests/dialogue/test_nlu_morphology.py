"""The lexical feature sets of the ``ngram-lexical`` model: Morfeusz 2 lemmas and thesaurus synonyms.

The thesaurus here is a small file in the OpenOffice MyThes format (the format of Debian's mythes-pl),
so what is asserted does not hang on one edition of the real one.
"""

from __future__ import annotations

import pytest

from dialogue.nlu import morphology
from dialogue.nlu.ngram import NgramClassifier

SMALL_THESAURUS = """ISO8859-2
dług|1
-|zobowiązanie|należność (pojęcie nadrzędne)
zwrot|1
-|oddanie|zwrot grzecznościowy (pojęcie podrzędne)
pan|1
-|a|b|c|d|e|f|g|h|i|j|k|l|m
"""


@pytest.fixture
def small_thesaurus(tmp_path, monkeypatch):
    path = tmp_path / "th_pl_PL_v2.dat"
    path.write_bytes(SMALL_THESAURUS.encode("iso8859-2"))
    monkeypatch.setattr(morphology, "THESAURUS", path)
    morphology.thesaurus.cache_clear()
    yield path
    morphology.thesaurus.cache_clear()


def test_inflected_forms_share_one_lemma_feature():
    assert "l:nadplata" in morphology.lemma_features("nadpłatę")
    assert "l:nadplata" in morphology.lemma_features("nadpłaty")
    assert "l:odeslac" in morphology.lemma_features("odeślecie")


def test_a_past_tense_ending_and_a_proper_name_reading_are_not_lemmas():
    assert morphology.lemma_features("zapłaciłem") == ["l:zaplacic"]  # not the "-em" of "być"
    assert "l:ja" in morphology.lemma_features("mi")
    assert "l:ksiega_micheasza" not in morphology.lemma_features("mi")  # a proper name read into "mi"


def test_a_word_morfeusz_does_not_know_is_its_own_lemma():
    assert morphology.lemma_features("zajotpeka") == ["l:zajotpeka"]


def test_synonyms_and_broader_terms_join_the_lemma_narrower_terms_do_not(small_thesaurus):
    assert set(morphology.concept_features("długu")) == {"c:dlug", "c:zobowiazanie", "c:naleznosc"}
    assert set(morphology.concept_features("zwrotu")) == {"c:zwrot", "c:oddanie"}
    # a word with more senses than MAX_SYNONYMS gets none of them
    assert morphology.concept_features("pan") == ["c:pan"]


def test_without_a_thesaurus_the_concepts_are_the_lemmas(tmp_path, monkeypatch):
    monkeypatch.setattr(morphology, "THESAURUS", tmp_path / "missing.dat")
    morphology.thesaurus.cache_clear()
    try:
        assert morphology.concept_features("długu") == ["c:dlug"]
    finally:
        morphology.thesaurus.cache_clear()


def test_the_lexical_model_reads_a_word_it_never_saw_through_its_synonym(small_thesaurus):
    rows = ([{"text": "chodzi o dług", "intent": "balance", "topic": "pit"}] * 6
            + [{"text": "chodzi o zwrot", "intent": "refund", "topic": "vat"}] * 6
            + [{"text": "chodzi o przelew", "intent": "payments", "topic": "cit"}] * 6)
    lexical = NgramClassifier.fit(rows, lexical=True)
    assert lexical.parse("chodzi o zobowiązanie").intent == "balance"
    assert lexical.parse("chodzi o oddanie").intent == "refund"
