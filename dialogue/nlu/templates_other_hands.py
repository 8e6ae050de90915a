"""Training templates written by other hands: writers who never saw the held-out or blind banks.

Placeholder until they are appended (see templates.py)."""

from __future__ import annotations

from dialogue.nlu.grammar import Template

OTHER_HANDS: list[Template] = []
