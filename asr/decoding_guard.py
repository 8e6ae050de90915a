"""Signs that a Whisper decode on a window sized to the utterance went astray.

Short encoder inputs save most of a turn's compute but make the decoder loop more often
("czterdziesiąt czterdziesiąt czterdziesiąt…"). These checks find such results so the recogniser
can decode the turn again on the full 30 s window (``asr.whisper_engine``).
"""

from __future__ import annotations

import re
import zlib

_WORD = re.compile(r"\w+")
# A word said this many times in a row is a loop ("zero zero zero zero" still passes).
MAX_SAME_WORD = 5
# A phrase of 2–4 words said this many times in a row is a loop.
MAX_SAME_PHRASE = 3


def compression_ratio(text: str) -> float:
    """Whisper's own measure: how well the text compresses; a loop compresses very well."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


def has_loop(text: str) -> bool:
    """True when a word repeats ``MAX_SAME_WORD`` times in a row, or a phrase of 2–4 words
    ``MAX_SAME_PHRASE`` times, at any offset."""
    words = _WORD.findall(text.lower())
    for n, limit in ((1, MAX_SAME_WORD), (2, MAX_SAME_PHRASE), (3, MAX_SAME_PHRASE), (4, MAX_SAME_PHRASE)):
        for start in range(n):
            run = 1
            for i in range(start + n, len(words) - n + 1, n):
                run = run + 1 if words[i:i + n] == words[i - n:i] else 1
                if run >= limit:
                    return True
    return False


def suspicious(text: str, capped: bool, compression_threshold: float = 2.4) -> str | None:
    """Why a decode should be repeated on the full window, or None."""
    if capped:
        return "token cap"
    if has_loop(text):
        return "loop"
    if len(text) >= 40 and compression_ratio(text) > compression_threshold:
        return "compression"
    return None
