"""Accuracy of a classifier on labelled rows, on clean text and on its ASR-noised form."""

from __future__ import annotations

from collections import Counter

from dialogue.nlu.result import parse_all


def accuracy(classifier, texts: list[str], intents: list[str], topics: list[str]) -> dict:
    results = parse_all(classifier, texts)
    n = len(results) or 1
    intent_hits = [r.intent == want for r, want in zip(results, intents)]
    misses = Counter(f"{want}->{r.intent}" for r, want in zip(results, intents) if r.intent != want)
    return {
        "n": len(results),
        "intent_accuracy": round(sum(intent_hits) / n, 4),
        "topic_accuracy": round(sum(r.topic == want for r, want in zip(results, topics)) / n, 4),
        "intent_confusions": dict(misses.most_common(5)),
    }


def evaluate(classifier, rows: list[dict], heard: list[dict] | None = None) -> dict:
    """``{"text": {...}, "heard": {...}}``: held-out rows as written, and (``heard``: rows with a ``heard``
    field, see eval/nlu_speech.py) as the recogniser heard them spoken over a phone line."""
    intents = [row["intent"] for row in rows]
    topics = [row["topic"] for row in rows]
    report = {"text": accuracy(classifier, [row["text"] for row in rows], intents, topics)}
    if heard:
        report["heard"] = accuracy(classifier, [row["heard"] for row in heard], [row["intent"] for row in heard],
                                   [row["topic"] for row in heard])
    return report
