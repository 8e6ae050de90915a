"""The template folds of eval/nlu_template_cv.py: a fold tests only templates its training never saw."""

from dialogue.nlu.corpus import training_rows
from eval.nlu_template_cv import template_folds


def _templates(rows, indices):
    return {t for i in indices for t in rows[i]["template"].split("+")}


def test_no_template_is_on_both_sides_of_a_fold_and_each_row_is_tested_at_most_once():
    rows = training_rows()
    tested: list[int] = []
    for train, test in template_folds(rows, 5):
        assert train and test
        assert not _templates(rows, train) & _templates(rows, test)
        tested += test
    assert len(tested) == len(set(tested))
    # only rows of two templates from different folds go untested
    single = [i for i, row in enumerate(rows) if "+" not in row["template"]]
    assert set(single) <= set(tested)


def test_a_two_matter_row_is_tested_only_where_both_its_templates_are():
    rows = [{"template": "t1"}, {"template": "t2"}, {"template": "t1+t2"}, {"template": "t3"}]
    for train, test in template_folds(rows, 2):
        for i in test:
            assert not _templates(rows, [i]) & _templates(rows, train)
        if 2 in test:
            assert {0, 1} <= set(test)
