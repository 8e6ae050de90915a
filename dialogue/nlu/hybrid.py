"""The trained model and the keyword rules together: the parser the engine uses by default.

The model reads paraphrases the rules never listed; the rules know a few things for certain that a
model trained on a few thousand sentences gets wrong now and then:

- a tier I question ("w jakich godzinach…", "zaświadczenie o niezaleganiu", "jak ustawić telePIN")
  is not a request for the caller's own data, whatever the model thinks of "zaległości" in it;
- a request for a human (``keyword_nlu.wants_agent``) is one, and a question about the agents'
  hours is not; a short turn that names one service and no human ("W połaty.", the recogniser's
  "Wpłaty.") is that service, not a request for a human;
- a tax or queue named in so many words ("akcyza", "CIT-8") decides the topic (measured: it wins
  over the model's topic on text and on recognised speech alike, docs/nlu.md), unless the model is
  sure of another tax's queue (``MODEL_SURE_OF_TOPIC``): "czy spółka może skorzystać z ulgi B+R" says
  "ulga", a PIT word, and the model rightly reads a company's CIT;
- two matters in one turn ("…a poza tym…", ``keyword_nlu.first_matter``) are read from the first:
  it is served first, and the second would otherwise pull the topic or intent its way;
- a correction ("nie o zwrot, lecz ile jestem winien", ``keyword_nlu.corrected_matter``) is read from
  what the caller did mean;
- a question about the certificate of no arrears is a tier I question, though it says "zaległości";
- a question about the law ("jaka jest stawka odsetek", "czy można się odwołać",
  ``keyword_nlu.asks_about_the_law``) is no request for the caller's own balance, payments or refund,
  though it names money; a balance asked in an idiom ("jak stoję z podatkami", "ile wiszę fiskusowi") is one;
- a hesitation ("eee", "yyy", "mmm") is no word of the matter (``text.without_hesitations``).

The engine applies the same rules (``dialogue/states/answer.py``); measuring the hybrid measures
what the engine will do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dialogue.keyword_nlu import (asks_about_the_law, asks_after_a_balance_in_an_idiom, corrected_matter, detect_topic,
                                  first_matter, general_question, names_a_service, service_named, wants_agent)
from dialogue.nlu.result import parse_all
from dialogue.nlu.text import without_hesitations
from dialogue.nlu_types import INDIVIDUAL_INTENTS, IntentParser, NluResult
from polish.text import words

RULE_CONFIDENCE = 0.9
# The model's topic confidence at which a tax named in the turn no longer overrules it. Measured: above it,
# the named tax broke 24 rows of template cross-validation and mended none, and broke one of dev (docs/nlu.md).
MODEL_SURE_OF_TOPIC = 0.9
# "W połaty.", "Saldo VAT." — an opening of a few words is the matter's name; in a longer turn the
# model may rightly hear a request for a human that no keyword names ("…porozmawiać z kimś o zwrocie").
SHORT_TURN_WORDS = 3


@dataclass(frozen=True)
class Overrule:
    """A keyword rule that sets the intent over the model's: its name (for measurements), the intent, and
    whether it is sure enough to raise the confidence to ``RULE_CONFIDENCE``."""

    rule: str
    intent: str
    certain: bool = False


def read_matter(text: str) -> str:
    """The words the turn's matter is read from: without hesitations, the corrected or the first matter."""
    text = without_hesitations(text)
    return corrected_matter(text) or first_matter(text) or text


def overrule(text: str, model_intent: str) -> Overrule | None:
    """The rule that overrules the model's intent on ``text`` (as ``read_matter`` gives it), or None."""
    asked = general_question(text)
    if wants_agent(text):
        return Overrule("a request for a person", "agent", certain=True)
    if asked and (asked == "certificate" or not names_a_service(text)):
        return Overrule(f"tier I question: {asked}", "other", certain=True)
    if model_intent in INDIVIDUAL_INTENTS and asks_about_the_law(text):
        return Overrule("a question about the law", "other")
    if (model_intent == "other" and not asked and asks_after_a_balance_in_an_idiom(text)
            and not asks_about_the_law(text)):
        return Overrule("a balance asked in an idiom", "balance")
    if model_intent == "agent" and asked:
        return Overrule("a question about the agents", "other")
    if model_intent == "agent" and len(words(text)) <= SHORT_TURN_WORDS and (service := service_named(text)):
        return Overrule("a short turn naming a service", service)
    return None


class HybridNlu:
    def __init__(self, model: IntentParser) -> None:
        self.model = model

    def parse(self, text: str) -> NluResult:
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[NluResult]:
        return [self.combine(matter, result) for matter, result in self.read_with_model(texts)]

    def read_with_model(self, texts: Sequence[str]) -> list[tuple[str, NluResult]]:
        """Each turn's matter (``read_matter``) and the model's result on it, before any rule: what ``combine``
        makes the hybrid's result of."""
        read = [read_matter(text) for text in texts]
        return list(zip(read, parse_all(self.model, read)))

    @staticmethod
    def combine(text: str, result: NluResult) -> NluResult:
        intent, topic, confidence = result.intent, result.topic, result.confidence
        topic_confidence = result.topic_confidence
        named = detect_topic(text)
        # "general" is no queue of its own to be sure of against a named tax ("mam pytanie o akcyzę").
        if named != "general" and (topic in (named, "general") or (topic_confidence or 0.0) < MODEL_SURE_OF_TOPIC):
            topic, topic_confidence = named, max(topic_confidence or 0.0, RULE_CONFIDENCE)
        if rule := overrule(text, intent):
            intent = rule.intent
            confidence = max(confidence, RULE_CONFIDENCE) if rule.certain else confidence
        return NluResult(intent, topic, confidence, topic_confidence=topic_confidence)
