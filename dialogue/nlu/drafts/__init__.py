"""Drafts of training templates: measured, kept in git for the next decision, not in the training bank.

``DRAFTS`` is the one list of them. A new measuring bank is checked against the training bank grown by each
(``eval.nlu_bank_check``), and the tests check that every draft, and all of them together, could join the
bank without spoiling a measuring bank.
"""

from __future__ import annotations

from dialogue.nlu.drafts.writer_e import WRITER_E
from dialogue.nlu.drafts.writer_m import WRITER_M
from dialogue.nlu.grammar import Template

# Writers F to L joined the bank (templates_writer_f.py … templates_writer_l.py).
DRAFTS: dict[str, list[Template]] = {"writer_e": WRITER_E, "writer_m": WRITER_M}
