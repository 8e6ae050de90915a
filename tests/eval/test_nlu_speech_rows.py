"""Which dataset rows ``python -m eval.nlu_speech`` speaks: growing a bank means speaking its new rows only."""

from __future__ import annotations

from dialogue.nlu.build_dataset import template_numbers
from dialogue.nlu.templates import TEMPLATES
from eval.nlu_speech import _rows


def test_a_two_matter_row_belongs_to_both_its_templates():
    assert template_numbers("t12") == [12]
    assert template_numbers("t12+t600") == [12, 600]


def test_rows_from_a_template_number_are_every_row_that_uses_a_later_template():
    last = len(TEMPLATES) - 5
    everything = _rows("train", None, 4)
    chosen = _rows("train", None, 4, templates_from=last)
    later = [row for row in everything if any(number >= last for number in template_numbers(row["template"]))]
    assert chosen == later and 0 < len(chosen) < len(everything)
    sample = _rows("train", 10, 4, templates_from=last)
    assert len(sample) == 10 and all(row in chosen for row in sample)
    assert sample == _rows("train", 10, 4, templates_from=last)  # seeded: the same rows again


def test_a_refresh_keeps_the_heard_rows_the_bank_still_makes_and_speaks_as_many_new_ones():
    from eval.nlu_speech import refreshed

    written = [{"text": f"zdanie {i}", "template": f"t{i}", "intent": "balance", "topic": "pit"} for i in range(10)]
    heard = [{"text": "zdanie 1", "template": "t99", "intent": "other", "topic": "general", "heard": "zdanie jeden",
              "voice": "rhvoice:magda"},
             {"text": "zdanie, którego bank już nie układa", "template": "t3", "intent": "refund", "topic": "vat",
              "heard": "zdanie", "voice": "rhvoice:natan"}]
    kept, to_speak = refreshed(heard, written, seed=4)
    # the bank's labels and id, the recogniser's words kept
    assert kept == [{**written[1], "heard": "zdanie jeden", "voice": "rhvoice:magda"}]
    assert len(to_speak) == 1 and to_speak[0] in written and to_speak[0]["text"] != "zdanie 1"
    assert refreshed(heard, written, seed=4) == (kept, to_speak)  # seeded
    assert refreshed(kept, written, seed=4) == (kept, [])  # a refreshed file is left as it is
