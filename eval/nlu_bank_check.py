"""Check a new measuring bank against every other bank, without showing them.

    python -m eval.nlu_bank_check dialogue/nlu/dev2_templates.py:DEV2_BANK

For whoever writes a bank that will measure the model (a development or blind bank) and must never read
the others: a bank measures unseen callers only when it shares no word trigram with any other bank (the
training bank, also as grown by the kept drafts, dev and each blind bank) and each of its templates brings
a content word no other bank uses (separation.py). It prints the bank's label mix and each conflict in the
new bank's own words — its phrase and the trigram it shares, or its template without a word of its own —
then CLEAN or NOT CLEAN (exit status 1).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

from dialogue.nlu.build_dataset import BLIND_BANKS, DEV_BANKS
from dialogue.nlu.drafts import DRAFTS
from dialogue.nlu.grammar import Bank
from dialogue.nlu.separation import overlap
from dialogue.nlu.templates import TRAIN_BANK
from eval.nlu_draft_check import print_label_mix
from eval.nlu_template_cv import load_named


def other_banks(bank: Bank) -> list[Bank]:
    """Every bank ``bank`` must stay apart from: training (as it is and grown by each draft, so that the
    draft can be judged on it), the development banks and the blind banks, except itself."""
    grown = [dataclasses.replace(TRAIN_BANK, templates=[*TRAIN_BANK.templates, *draft], name=f"train+{name}")
             for name, draft in DRAFTS.items()]
    return [other for other in (TRAIN_BANK, *grown, *DEV_BANKS, *BLIND_BANKS) if other.name != bank.name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bank", help="FILE.py:NAME, a dialogue.nlu.grammar.Bank")
    args = parser.parse_args(argv)
    bank = load_named(args.bank)
    print_label_mix(bank.templates)
    told: set[str] = set()  # a conflict with the training bank is told once, not again for its grown copy
    for other in other_banks(bank):
        found = overlap(other, bank)
        conflicts = [f"shares {[' '.join(trigram) for trigram in shared]} in: {phrase}"
                     for phrase, shared in found.shared_trigrams.items()]
        conflicts += [f"no content word of its own: {text}" for text in found.templates_without_new_words]
        for conflict in conflicts:
            if conflict not in told:
                print(f"[{other.name}] {conflict}")
        told.update(conflicts)
    print("NOT CLEAN" if told else "CLEAN")
    return 1 if told else 0


if __name__ == "__main__":
    sys.exit(main())
