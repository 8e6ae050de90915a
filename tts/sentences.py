"""Splitting a reply into the pieces it is synthesised in: the first is spoken while the rest are
being synthesised, and a piece that is a fixed text comes from the prompt cache.

A piece is a sentence, or the part of one up to a colon that introduces what follows ("Zapisany
numer PESEL to:", "Najbliższy wolny termin:"): the head of such a template is fixed, so the reply
starts at once from the cache while the caller's number or the slot is synthesised; a colon is
where a speaker pauses anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sentencex import segment  # pipecat's own sentence tokenizer; knows Polish abbreviations

# A colon followed by a space: "to: 8 2", not a time ("8:00") or a reference ("art. 293:1").
_AFTER_COLON = re.compile(r"(?<=:)\s+")


def split_sentences(text: str, language: str = "pl") -> list[str]:
    """Non-empty sentences of ``text``, stripped, in order."""
    return [sentence.strip() for sentence in segment(language, text) if sentence.strip()]


def speech_pieces(text: str, language: str = "pl") -> list[str]:
    """The sentences of ``text``, each cut after every colon that a space follows."""
    return [piece.strip() for sentence in split_sentences(text, language)
            for piece in _AFTER_COLON.split(sentence) if piece.strip()]


def normalize(text: str) -> str:
    """Collapse whitespace: a prompt is the same prompt whatever spaces surround it."""
    return " ".join(text.split())


def pieces_of(texts: Iterable[str], language: str = "pl") -> list[str]:
    """The distinct pieces of ``texts``, normalised and sorted: what a prompt cache holds."""
    return sorted({normalize(piece) for text in texts for piece in speech_pieces(text, language)})
