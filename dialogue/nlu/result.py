"""``NluResult`` is the dialogue engine's type: one definition, in ``dialogue.nlu_types``. Here: how
every trained model turns its probabilities into results, and what it answers for nothing heard."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dialogue.nlu.text import normalise
from dialogue.nlu_types import INTENTS, TOPICS, NluResult

# What every parser answers for a turn with nothing to read (silence, only punctuation).
NOTHING_HEARD = NluResult(intent="other", topic="general", confidence=0.0)


def result_of(intent_probabilities, topic_probabilities, intents: Sequence[str] = INTENTS,
              topics: Sequence[str] = TOPICS) -> NluResult:
    """The most probable intent and topic, each with its probability as the confidence."""
    best, best_topic = int(intent_probabilities.argmax()), int(topic_probabilities.argmax())
    return NluResult(intent=intents[best], topic=topics[best_topic],
                     confidence=round(float(intent_probabilities[best]), 4),
                     topic_confidence=round(float(topic_probabilities[best_topic]), 4))


def parse_with(probabilities: Callable[[list[str]], tuple], texts: Sequence[str],
               intents: Sequence[str] = INTENTS, topics: Sequence[str] = TOPICS) -> list[NluResult]:
    """Each text's ``NluResult`` from a model's ``probabilities`` (intent, topic arrays in ``intents`` /
    ``topics`` order); a text with nothing to read (silence, only punctuation) is ``NOTHING_HEARD``
    without asking the model."""
    results: list[NluResult] = [NOTHING_HEARD] * len(texts)
    todo = [i for i, text in enumerate(texts) if normalise(text)]
    if not todo:
        return results
    intent_rows, topic_rows = probabilities([texts[i] for i in todo])
    for row, i in enumerate(todo):
        results[i] = result_of(intent_rows[row], topic_rows[row], intents, topics)
    return results


def parse_all(parser, texts: Sequence[str]) -> list[NluResult]:
    """Each text's result from any parser: all at once where it reads many (``parse_many``), else one by one."""
    many = getattr(parser, "parse_many", None)
    return many(texts) if many else [parser.parse(text) for text in texts]


__all__ = ["NOTHING_HEARD", "NluResult", "parse_all", "parse_with", "result_of"]
