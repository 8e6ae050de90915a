"""The template writer's check: a draft that copies a dev template is NOT CLEAN, exit status 1."""

from __future__ import annotations

from eval.nlu_draft_check import main


def test_a_draft_copying_a_dev_template_is_not_clean(tmp_path, capsys):
    draft = tmp_path / "draft.py"
    draft.write_text("from dialogue.nlu.heldout_templates import HELDOUT_BANK\n"
                     "DRAFT = [HELDOUT_BANK.templates[3]]\n", encoding="utf-8")
    assert main([f"{draft}:DRAFT"]) == 1
    out = capsys.readouterr().out
    assert out.rstrip().endswith("NOT CLEAN")
    assert "[heldout] draft template 0" in out
