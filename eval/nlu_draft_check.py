"""Check a draft of training templates against the banks it must stay apart from, without showing them.

    python -m eval.nlu_draft_check dialogue/nlu/drafts/writer_e.py:WRITER_E

For whoever writes training templates and must never read the development or blind banks: it prints the
draft's label mix, the draft phrases the training bank already says, and each conflict with a protected
bank (dev, dev2, blind, blind2, blind3) in the draft's own words — a draft phrase that shares a word trigram with
it, or the draft templates that together use up a protected template's only new words — then CLEAN or
NOT CLEAN (exit status 1). Whether the draft helps is a separate question: ``eval.nlu_template_cv
--candidates`` measures that.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence

from dialogue.nlu.build_dataset import BLIND_BANKS, DEV_BANKS
from dialogue.nlu.grammar import Template, expansions
from dialogue.nlu.separation import bank_phrases, draft_conflicts, frame_words
from dialogue.nlu.templates import TRAIN_BANK
from eval.nlu_template_cv import load_candidates


def print_label_mix(templates: Sequence[Template]) -> None:
    """How many templates and realisations, and of which labels: what a writer checks their draft's balance by."""
    print(f"{len(templates)} templates, {sum(len(expansions(t.text)) for t in templates)} realisations")
    print(f"intents {dict(Counter(t.intent for t in templates))}")
    print(f"topics {dict(Counter(t.topic for t in templates))}")
    print(f"acts {dict(Counter(t.act for t in templates if t.act))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", help="FILE.py:NAME, a list of dialogue.nlu.grammar.Template")
    args = parser.parse_args(argv)
    draft = load_candidates(args.draft)
    print_label_mix(draft)
    said = {" ".join(frame_words(phrase)) for phrase in bank_phrases(TRAIN_BANK)}
    for i, template in enumerate(draft):
        for text in expansions(template.text):
            if " ".join(frame_words(text)) in said:
                print(f"[train] draft template {i} says what the training bank says already: {text}")
    conflicts = draft_conflicts(TRAIN_BANK, draft, (*DEV_BANKS, *BLIND_BANKS))
    for conflict in conflicts:
        if conflict.phrase:
            print(f"[{conflict.bank}] draft template {conflict.template} shares {list(conflict.words)} "
                  f"in: {conflict.phrase}")
        else:
            print(f"[{conflict.bank}] draft template {conflict.template} uses up a protected template's "
                  f"own words: {list(conflict.words)}")
    print("NOT CLEAN" if conflicts else "CLEAN")
    return 1 if conflicts else 0


if __name__ == "__main__":
    sys.exit(main())
