"""The measuring-bank writer's check: a bank that says what another bank says is NOT CLEAN, told in its own words."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from dialogue.nlu.blind3_templates import BLIND3_BANK
from dialogue.nlu.drafts import DRAFTS
from dialogue.nlu.grammar import expansions
from eval.nlu_bank_check import main, other_banks


def test_every_bank_is_checked_against_all_the_others_and_the_training_bank_grown_by_each_draft():
    names = [bank.name for bank in other_banks(dataclasses.replace(BLIND3_BANK, name="new"))]
    assert names == ["train", *(f"train+{draft}" for draft in DRAFTS), "heldout", "dev2", "blind", "blind2", "blind3"]
    assert "blind3" not in [bank.name for bank in other_banks(BLIND3_BANK)]


def test_a_bank_copying_a_blind_template_is_not_clean_and_names_only_its_own_phrases(tmp_path, capsys):
    copied = BLIND3_BANK.templates[0]
    bank = tmp_path / "bank.py"
    bank.write_text("import dataclasses\n"
                    "from dialogue.nlu.blind3_templates import BLIND3_BANK\n"
                    "NEW = dataclasses.replace(BLIND3_BANK, templates=BLIND3_BANK.templates[:1], name='new', "
                    "prefixes=[''], suffixes=[''], contexts={}, tails=[], connectors=[], refusals=[], "
                    "refusal_joiners=[], who=[])\n", encoding="utf-8")
    assert main([f"{bank}:NEW"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "NOT CLEAN"
    conflicts = [line for line in lines if line.startswith("[")]
    assert any(line.startswith("[blind3] ") for line in conflicts)
    # Every conflict quotes the new bank's template, never another bank's sentence.
    own = {copied.text, *expansions(copied.text)}
    assert all(line.split(": ", 1)[1] in own for line in conflicts)  # the first ": " ends what the check says


def test_the_second_development_bank_is_clean(capsys):
    assert main([f"{Path(__file__).parents[2] / 'dialogue/nlu/dev2_templates.py'}:DEV2_BANK"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("\nCLEAN")
