"""How far apart the training and the held-out bank are: shared word trigrams and new words.

A bank's *frames* are every realisation of its templates and every phrase said around them, with the
domain's vocabulary (tax names, institutions: lexicon.py) and slots masked out. The held-out bank is
separate from the training bank when

- no word trigram of a held-out frame occurs in a training frame (other templates), and
- every held-out template uses at least one content word that no training phrase uses (other words).

Words are compared folded (lower case, no diacritics): "zapłacić" and "zaplacic" are one word.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dialogue.nlu.grammar import SLOT_NAME, Bank, Template, expansions
from dialogue.nlu.lexicon import TAX_GEN, TAX_NOM, TERMS
from dialogue.text import fold

MASK = "§"
# Function words and the commonest verbs of a request: sharing them says nothing about the wording.
STOPWORDS = frozenset(fold(w) for w in """
a aby ale albo bo by być był była było co czy czego czym da dla do dobrze gdzie i ich ile ja jak jaka jaki
jakie jakiś jakaś jakieś jest jestem już kiedy kto która który które mi mam ma mnie mój moja moje mojego
mojej moim moją mu na nam nas nie nic niż no o od on ona oni po pod przez przy się są ta tak tam te tego
to tu ty tylko u w we wam was z za ze że żeby jej jego sobie swój swoje swoją swojego ten tej tym
""".split())
_WORD = re.compile(r"[^\W\d_]+|\d+|" + MASK)


def _mask_phrases() -> list[str]:
    phrases = {fold(p) for values in (*TAX_NOM.values(), *TAX_GEN.values()) for p in values}
    phrases |= {fold(t) for t in TERMS}
    return sorted(phrases, key=len, reverse=True)


_MASKED = _mask_phrases()


@functools.lru_cache(maxsize=None)
def frame_words(text: str) -> tuple[str, ...]:
    """Folded words of ``text`` with slots and domain vocabulary replaced by ``MASK`` (kept: every check asks
    again for the same phrases, bank against bank)."""
    text = SLOT_NAME.sub(f" {MASK} ", fold(text)).replace("-", " ")
    padded = " " + " ".join(_WORD.findall(text)) + " "
    for phrase in _MASKED:
        key = " " + " ".join(_WORD.findall(phrase.replace("-", " "))) + " "
        while key in padded:
            padded = padded.replace(key, f" {MASK} ")
    return tuple(padded.split())


def trigrams(words: Sequence[str]) -> set[tuple[str, str, str]]:
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2) if MASK not in words[i:i + 3]}


def bank_phrases(bank: Bank) -> list[str]:
    """Every phrase a bank can say: template realisations, openings, closings, stories, joins."""
    phrases = [text for template in bank.templates for text in expansions(template.text)]
    for items in (bank.prefixes, bank.suffixes, bank.tails, bank.connectors, bank.refusals, bank.refusal_joiners,
                  bank.who, *bank.contexts.values()):
        phrases.extend(item for item in items if item)
    return phrases


@dataclass(frozen=True)
class Overlap:
    shared_trigrams: dict[str, list[tuple[str, str, str]]]  # held-out phrase → trigrams also in training
    templates_without_new_words: list[str]
    content_bigram_overlap: float  # share of held-out content bigrams also seen in training (a statistic)


def overlap(train: Bank, heldout: Bank) -> Overlap:
    train_words: set[str] = set()
    train_trigrams: set[tuple[str, str, str]] = set()
    train_bigrams: set[tuple[str, str]] = set()
    for phrase in bank_phrases(train):
        words = frame_words(phrase)
        train_words.update(words)
        train_trigrams |= trigrams(words)
        train_bigrams |= set(zip(words, words[1:]))
    shared: dict[str, list[tuple[str, str, str]]] = {}
    for phrase in bank_phrases(heldout):
        common = trigrams(frame_words(phrase)) & train_trigrams
        if common:
            shared[phrase] = sorted(common)
    without_new = []
    for template in heldout.templates:
        words = {w for text in expansions(template.text) for w in frame_words(text)}
        new = {w for w in words - train_words if w != MASK and w not in STOPWORDS}
        if not new:
            without_new.append(template.text)
    held_bigrams = {bigram for phrase in bank_phrases(heldout) for bigram in
                    zip(frame_words(phrase), frame_words(phrase)[1:])
                    if MASK not in bigram and not set(bigram) <= STOPWORDS}
    ratio = len(held_bigrams & train_bigrams) / max(len(held_bigrams), 1)
    return Overlap(shared, without_new, round(ratio, 3))


def grown_overlaps(bank: Bank, draft: Sequence[Template], protected: Sequence[Bank]) -> dict[str, Overlap]:
    """Each protected bank's overlap with ``bank`` grown by ``draft``: whether a draft of training templates
    would leave the training bank written in other frames and other words than dev and the blind banks."""
    grown = dataclasses.replace(bank, templates=[*bank.templates, *draft])
    return {other.name: overlap(grown, other) for other in protected}


@dataclass(frozen=True)
class DraftConflict:
    """What a draft template would spoil, told in the draft's own words only."""

    bank: str  # the protected bank's name
    template: int  # the draft template's index
    words: tuple[str, ...]  # the word trigrams it shares, or the protected template's only new words it uses
    phrase: str = ""  # the draft's phrase that shares the trigrams ("" when it uses up new words)


def draft_conflicts(bank: Bank, draft: Sequence[Template], protected: Sequence[Bank]) -> list[DraftConflict]:
    """What in ``draft`` (templates to join ``bank``) spoils a protected bank's separation: a draft phrase
    sharing a word trigram with it, or draft templates that together use up every content word a protected
    template had of its own. Named by the draft's words, never by a protected sentence, so that whoever
    writes training templates can read the report without reading dev or a blind bank."""
    bank_words = {word for phrase in bank_phrases(bank) for word in frame_words(phrase)}
    # Each draft phrase's words once: the loops below visit every phrase for every protected template.
    draft_phrases = [(i, text, frame_words(text)) for i, template in enumerate(draft)
                     for text in expansions(template.text)]
    conflicts: list[DraftConflict] = []
    for other, found in zip(protected, grown_overlaps(bank, draft, protected).values()):
        shared = {trigram for found_trigrams in found.shared_trigrams.values() for trigram in found_trigrams}
        for i, text, text_words in draft_phrases:
            hit = sorted(" ".join(trigram) for trigram in trigrams(text_words) & shared)
            if hit:
                conflicts.append(DraftConflict(other.name, i, tuple(hit), text))
        for template in other.templates:
            words = {word for text in expansions(template.text) for word in frame_words(text)}
            own = {word for word in words - bank_words if word != MASK and word not in STOPWORDS}
            used: dict[int, set[str]] = {}
            for i, _, text_words in draft_phrases:
                if common := own.intersection(text_words):
                    used.setdefault(i, set()).update(common)
            if own and set().union(*used.values()) >= own:
                conflicts.extend(DraftConflict(other.name, i, tuple(sorted(words_used)))
                                 for i, words_used in sorted(used.items()))
    return conflicts
