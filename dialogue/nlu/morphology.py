"""Words the n-gram model has not seen, read through what it has: lemmas and a thesaurus.

Letters and stems cannot tell the model that "odeślecie" is "odesłać" or that a "referent" is an
"urzędnik". Two offline sources can:

- Morfeusz 2 (the PyPI wheel ``morfeusz2`` ships the SGJP dictionary): every inflected form to its
  lemma(s), so "nadpłatę", "nadpłaty" and "nadpłacie" are one feature;
- the OpenOffice Polish thesaurus (Debian's ``mythes-pl``, ``/usr/share/mythes/th_pl_PL_v2.dat``):
  a lemma to its synonyms and broader terms, so a word the training bank never used still votes
  with the training words that share a meaning with it.

``lemma_features`` gives ``"l:<lemma>"`` per word, ``concept_features`` ``"c:<lemma>"`` plus
``"c:<synonym>"`` per word: a training word and an unseen synonym meet in the second set. Both are
folded (no diacritics) after the analysis, which needs them. Without the thesaurus file (a machine
where ``scripts/setup.sh`` did not run) the concepts are the lemmas alone.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from dialogue.text import fold

THESAURUS = Path(os.environ.get("VOICEBOT_THESAURUS", "/usr/share/mythes/th_pl_PL_v2.dat"))
# A synonym list longer than this is a word with many senses ("pan", "rzecz"): its synonyms say
# little about any one of them.
MAX_SYNONYMS = 12
_QUALIFIER = re.compile(r"\s*\([^)]*\)")


@lru_cache(maxsize=1)
def _morfeusz():
    import morfeusz2

    return morfeusz2.Morfeusz()


@lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """The folded lemmas Morfeusz gives a word form (the form itself when it does not know it)."""
    found: list[str] = []
    for _start, _end, (form, lemma, tag, _names, _labels) in _morfeusz().analyse(word):
        if tag.startswith("aglt") or tag == "interp":  # the "-em" of "zapłaciłem", punctuation
            continue
        if lemma[:1].isupper() and not form[:1].isupper():  # "mi" is not "Księga Micheasza"
            continue
        lemma = fold(lemma.split(":")[0].lower())
        if lemma and lemma not in found:
            found.append(lemma)
    return tuple(found) or (fold(word),)


@lru_cache(maxsize=1)
def thesaurus() -> dict[str, tuple[str, ...]]:
    """Folded lemma → folded one-word synonyms and broader terms (narrower terms left out: a word's
    examples are not its meaning)."""
    if not THESAURUS.exists():
        return {}
    lines = THESAURUS.read_bytes().decode("iso8859-2").splitlines()
    table: dict[str, set[str]] = {}
    head = ""
    for line in lines[1:]:
        if not line.startswith("-|"):
            head = fold(line.split("|")[0].lower())
            continue
        if " " in head:
            continue
        for entry in line.split("|")[1:]:
            if "podrzędne" in entry:
                continue
            word = fold(_QUALIFIER.sub("", entry).strip().lower())
            if word and " " not in word and word != head:
                table.setdefault(head, set()).add(word)
    return {head: tuple(sorted(words)) for head, words in table.items() if len(words) <= MAX_SYNONYMS}


def lemma_features(text: str) -> list[str]:
    return [f"l:{lemma}" for word in text.split() for lemma in lemmas(word)]


def concept_features(text: str) -> list[str]:
    table = thesaurus()
    features: list[str] = []
    for word in text.split():
        for lemma in lemmas(word):
            features.append(f"c:{lemma}")
            features.extend(f"c:{synonym}" for synonym in table.get(lemma, ()))
    return features
