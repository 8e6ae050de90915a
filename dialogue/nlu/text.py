"""One normal form for text entering the classifier, the same at training and at parse time.

ASR engines disagree on case and punctuation (Whisper writes "PIT-a?", Vosk writes "pita"), so the
classifier sees lowercase words separated by single spaces; diacritics are kept (a Polish base model
uses them, an English one strips them in its own tokenizer).
"""

from __future__ import annotations

import re

_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


def normalise(text: str) -> str:
    return _NOT_WORD.sub(" ", text.lower()).strip()
