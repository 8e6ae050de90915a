"""Each keyword rule's mends and breaks against a model: counted only where the rule changes the model's intent."""

from __future__ import annotations

from dialogue.nlu_types import NluResult
from eval.nlu_rule_effects import rule_effects


class SaysBalance:
    """A model that reads every turn as a balance question: what the rules overrule is then plain to see."""

    def parse(self, text: str) -> NluResult:
        return NluResult("balance", "general", 0.6)


def test_a_rule_that_sets_the_right_intent_mends_and_one_that_sets_a_wrong_one_breaks():
    texts = ["w jakich godzinach pracuje infolinia",  # tier I: other — the rule is right
             "jaka jest stawka odsetek za zwłokę",  # the law: other — right again
             "przysługuje mi zwrot akcyzy, co z nim",  # the law's word in a refund: the rule is wrong
             "ile mam do zapłaty za VAT"]  # no rule: not counted
    intents = ["other", "other", "balance", "balance"]
    mended, broken = rule_effects(SaysBalance(), texts, intents)
    assert mended == {"tier I question": 1, "a question about the law": 1}
    assert broken == {"a question about the law": 1}


def test_a_rule_that_agrees_with_the_model_is_not_counted():
    mended, broken = rule_effects(SaysBalance(), ["ile wiszę fiskusowi"], ["balance"])
    assert (mended, broken) == ({}, {})
