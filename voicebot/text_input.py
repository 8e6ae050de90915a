"""What a person may put into a transcript: visible text only.

Typed text reaches call records, the agent's card, the bridge chat and the caller's download. A NUL,
other control characters or a bidirectional override (U+202E makes "4321" display as "1234")
would let a caller write something an agent or a QA reader sees differently from what is stored;
a lone surrogate (valid in JSON as ``"\\ud800"``, invalid in UTF-8) crashed the record writer.
They are removed; line breaks and tabs stay.
"""

from __future__ import annotations

import re
import unicodedata

# Explicit bidi embeddings, overrides and isolates, and the marks that steer them.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = re.compile(f"[{_BIDI}]")


def visible_text(text: str) -> str:
    text = _INVISIBLE.sub("", text)
    return "".join(ch for ch in text
                   if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs"))
