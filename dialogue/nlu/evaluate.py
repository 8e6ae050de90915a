"""Accuracy of a classifier on labelled rows, on clean text and on its ASR-noised form."""

from __future__ import annotations

from collections import Counter


def accuracy(classifier, texts: list[str], intents: list[str], topics: list[str]) -> dict:
    results = classifier.parse_many(texts)
    n = len(results) or 1
    intent_hits = [r.intent == want for r, want in zip(results, intents)]
    misses = Counter(f"{want}->{r.intent}" for r, want in zip(results, intents) if r.intent != want)
    return {
        "n": len(results),
        "intent_accuracy": round(sum(intent_hits) / n, 4),
        "topic_accuracy": round(sum(r.topic == want for r, want in zip(results, topics)) / n, 4),
        "intent_confusions": dict(misses.most_common(5)),
    }


def evaluate(classifier, rows: list[dict]) -> dict:
    """``{"text": {...}, "asr_text": {...}}`` for held-out rows (``asr_text`` when the rows carry it)."""
    intents = [row["intent"] for row in rows]
    topics = [row["topic"] for row in rows]
    report = {"text": accuracy(classifier, [row["text"] for row in rows], intents, topics)}
    if rows and "asr_text" in rows[0]:
        report["asr_text"] = accuracy(classifier, [row["asr_text"] for row in rows], intents, topics)
    return report
