"""Text normalisation shared by the keyword matchers: one lower-case, diacritic-free form.

The recogniser drops or swaps Polish diacritics at random ("piec" for "pięć", "zolte" for "żółte"),
so every matcher compares folded forms and the keyword lists are written folded too.
"""

from __future__ import annotations

import re

_FOLD = str.maketrans("ąćęłńóśźż", "acelnoszz")
_TOKEN = re.compile(r"[a-ząćęłńóśźż]+|\d+|[,.;:?!]")


def fold(text: str) -> str:
    return text.lower().translate(_FOLD)


def tokens(text: str) -> list[str]:
    """Folded words, digit runs and punctuation marks (kept: a comma separates spoken groups)."""
    return _TOKEN.findall(fold(text))


def words(text: str) -> list[str]:
    return [t for t in tokens(text) if t[0].isalpha()]


def has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    """True when one of the folded ``phrases`` occurs as whole words (a phrase may end in ``*``: a stem)."""
    padded = " " + " ".join(words(text)) + " "
    for phrase in phrases:
        if phrase.endswith("*"):
            if " " + phrase[:-1] in padded:
                return True
        elif " " + phrase + " " in padded:
            return True
    return False
