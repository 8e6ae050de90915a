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
