"""Drafts of training templates: measured, kept in git for the next decision, not in the training bank.

``DRAFTS`` is the one list of them. A new measuring bank is checked against the training bank grown by each
(``eval.nlu_bank_check``), so that it can still judge a draft that joins later.
"""

from __future__ import annotations

from dialogue.nlu.drafts.writer_e import WRITER_E
from dialogue.nlu.grammar import Template

DRAFTS: dict[str, list[Template]] = {"writer_e": WRITER_E}
