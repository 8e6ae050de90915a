"""Each keyword rule's mends and breaks against a model: counted only where the hybrid's intent is not the model's."""

from __future__ import annotations

import collections

from dialogue.nlu.hybrid import HybridNlu
from dialogue.nlu_types import NluResult
from eval.nlu_rule_effects import REWRITING, main, rule_effects


class Says:
    """A model that reads every turn as one intent: what the rules overrule is then plain to see."""

    def __init__(self, intent: str) -> None:
        self.intent = intent

    def parse_many(self, texts):
        return [NluResult(self.intent, "general", 0.5) for _ in texts]


def _effects(model, rows) -> collections.Counter:
    texts = [row["text"] for row in rows]
    effects: collections.Counter = collections.Counter()
    read = HybridNlu(model).read_with_model(texts)
    hybrid = [HybridNlu.combine(words, result) for words, result in read]
    rule_effects(rows, model.parse_many(texts), read, hybrid, effects)
    return effects


def test_each_rule_is_credited_with_the_rows_it_mended_and_broke():
    rows = [{"text": "Chcę rozmawiać z konsultantem", "intent": "agent"},  # the rule mends the model
            {"text": "Jak ustawić telePIN?", "intent": "balance"},  # the rule breaks it
            {"text": "ile wynosi akcyza na auto z Niemiec", "intent": "agent"},  # labelled a person: wrong for wrong
            {"text": "Ile mam do zapłaty?", "intent": "balance"}]  # no rule: not counted
    assert _effects(Says("balance"), rows) == {("a request for a person", "mended"): 1,
                                               ("tier I question: telepin", "broken"): 1,
                                               ("a question about the law", "still wrong"): 1}


def test_a_rule_that_agrees_with_the_model_is_not_counted():
    assert _effects(Says("balance"), [{"text": "ile wiszę fiskusowi", "intent": "balance"}]) == {}


class SaysAgentOnHearingOne:
    """A model that reads a person wherever the turn names a consultant, a refund elsewhere."""

    def parse_many(self, texts):
        return [NluResult("agent" if "konsultant" in text else "refund", "general", 0.5) for text in texts]


def test_a_change_made_by_reading_only_the_first_of_two_matters_is_put_down_to_rewriting():
    # the whole turn names a consultant; the hybrid reads the first matter alone, which no rule overrules
    rows = [{"text": "mam pytanie o zwrot, i jeszcze jedno, chcę rozmawiać z konsultantem", "intent": "refund"}]
    assert _effects(SaysAgentOnHearingOne(), rows) == {(REWRITING, "mended"): 1}


def test_the_command_reads_a_development_set_with_a_trained_model(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("dialogue.nlu.load_parser", lambda *args, **kwargs: Says("balance"))
    assert main([str(tmp_path), "--split", "dev2"]) == 0
    out = capsys.readouterr().out
    assert "dev2 written" in out and "dev2 heard" in out
    assert "tier I question" in out and "mended" in out
