"""Splitting a reply into sentences: the first is spoken while the rest are being synthesised."""

from __future__ import annotations

from collections.abc import Iterable

from sentencex import segment  # pipecat's own sentence tokenizer; knows Polish abbreviations


def split_sentences(text: str, language: str = "pl") -> list[str]:
    """Non-empty sentences of ``text``, stripped, in order."""
    return [sentence.strip() for sentence in segment(language, text) if sentence.strip()]


def normalize(text: str) -> str:
    """Collapse whitespace: a prompt is the same prompt whatever spaces surround it."""
    return " ".join(text.split())


def sentences_of(texts: Iterable[str], language: str = "pl") -> list[str]:
    """The distinct sentences of ``texts``, normalised and sorted: what a prompt cache holds."""
    return sorted({normalize(sentence) for text in texts for sentence in split_sentences(text, language)})
