"""The template folds of eval/nlu_template_cv.py: a fold tests only templates its training never saw."""

import pytest

from dialogue.nlu.corpus import training_rows
from eval.nlu_template_cv import cv_rows, fold_of, template_folds


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
    same = [t for t in ("t1", "t2", "t3", "t4", "t5") if fold_of(t, 2) == fold_of("t1", 2)][1]
    other = next(t for t in ("t2", "t3", "t4", "t5") if fold_of(t, 2) != fold_of("t1", 2))
    rows = [{"template": "t1"}, {"template": same}, {"template": other},
            {"template": f"t1+{same}"}, {"template": f"t1+{other}"}]
    folds = template_folds(rows, 2)
    tested = [i for _, test in folds for i in test]
    trained = [i for train, _ in folds for i in train]
    assert tested.count(3) == 1 and trained.count(3) == 1  # both its templates in one fold
    assert 4 not in tested and 4 not in trained  # its templates straddle the folds


def test_a_heard_row_is_cut_with_the_bank_row_of_its_sentence_or_left_out():
    written = [{"text": "ile mam do zapłaty", "template": "t7", "intent": "balance"}]
    heard = [{"text": "ile mam do zapłaty", "heard": "ile mam do zaplaty", "template": "t3", "intent": "balance"},
             {"text": "kiedy bedzie zwrot", "heard": "kiedy zwrot", "template": "t7", "intent": "refund"}]
    cut = cv_rows(written, heard)  # the first heard row has an older id, the second's sentence is no longer made
    assert [row["text"] for row in cut] == ["ile mam do zapłaty", "ile mam do zaplaty"]
    assert cut[1]["written"] == "ile mam do zapłaty"
    assert {row["template"] for row in cut} == {"t7"}
    for train, test in template_folds(cut, 2):
        assert not (set(train) & {0, 1}) or not (set(test) & {0, 1})  # sentence and its hearing on one side


def test_a_draft_of_training_templates_is_realised_apart_from_the_bank(tmp_path):
    from dialogue.nlu.text import normalise
    from eval.nlu_template_cv import candidate_rows, load_candidates

    draft = tmp_path / "draft.py"
    draft.write_text('from dialogue.nlu.grammar import SLOT, Template as T\n'
                     'DRAFT = [T("balance", SLOT, "(ile|jak dużo) (zalegam|zalegamy) z {tax_gen} (na dziś|)"),\n'
                     '         T("refund", "general", "(kiedy|do kiedy) (oddacie|zwrócicie) mi (nadpłatę|pieniądze)")]\n',
                     encoding="utf-8")
    templates = load_candidates(f"{draft}:DRAFT")
    bank = training_rows()
    rows = candidate_rows(templates, bank, seed=4)
    assert len(templates) == 2 and len(rows) >= 10
    # their own template ids, so no fold ever tests them; no text the bank already has
    assert all(part.startswith("x") for row in rows for part in row["template"].split("+"))
    assert not {normalise(row["text"]) for row in rows} & {normalise(row["text"]) for row in bank}
    assert {row["intent"] for row in rows} == {"balance", "refund"}
    assert rows == candidate_rows(templates, bank, seed=4)  # deterministic


def test_a_draft_named_without_its_list_is_a_clear_error():
    from eval.nlu_template_cv import load_candidates

    with pytest.raises(SystemExit, match="FILE.py:NAME"):
        load_candidates("draft.py")
