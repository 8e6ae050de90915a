"""One normal form for text entering the classifier, the same at training and at parse time.

ASR engines disagree on case and punctuation (Whisper writes "PIT-a?", Vosk writes "pita"), so the
classifier sees lowercase words separated by single spaces; diacritics are kept (a Polish base model
uses them, an English one strips them in its own tokenizer).
"""

from __future__ import annotations

import re

_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)
# A caller's hesitation as the recogniser writes it ("E, no, tego.", "Yyy…", "Mmm"): a word of one
# repeated sound. Not the "e" of "e-Urząd" / "e-PIT" (a hyphen follows), which names a queue.
_HESITATION = re.compile(r"(?<![\w-])(?:e+|y+|m+|h+m+|e+m+|y+m+)(?![\w-])[,.…!?]*", re.IGNORECASE | re.UNICODE)


def normalise(text: str) -> str:
    return _NOT_WORD.sub(" ", text.lower()).strip()


def without_hesitations(text: str) -> str:
    """``text`` without the caller's "eee", "yyy", "mmm": they carry no matter, and a lone "e" reads
    like the first letter of "e-Urząd" to a model of letters (measured: "E, no, tego." → the e-US queue)."""
    return " ".join(_HESITATION.sub(" ", text).split())
