"""Polish text normalisation for scoring: what WER, CER and answer-fact matching compare.

Recognisers write numbers as digits ("1847 zł") while references and the bot's prompts spell them
("tysiąc osiemset czterdzieści siedem złotych"), so both sides are brought to spelled-out words.
"""

from __future__ import annotations

import re
import unicodedata

from num2words import num2words

from polish.spoken import digits_words

# "1 847" / "1 847" (thin or no-break space): one number written in thousands groups.
_GROUPED = re.compile(r"\b\d{1,3}(?:[ \u00a0\u202f]\d{3})+\b")
_AMOUNT = re.compile(r"\b(\d+),(\d{2})\s*(?:zł|pln)\b")
_NUMBER = re.compile(r"\d+")
_ABBREVIATIONS = {"zł": "złotych", "gr": "groszy", "pln": "złotych", "nr": "numer", "ul": "ulica"}
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)


def _spell_number(digits: str) -> str:
    # A leading zero ("03") is read digit by digit, as PESEL groups and dates are.
    if len(digits) > 1 and digits.startswith("0") or len(digits) > 9:
        return digits_words(digits)
    return num2words(int(digits), lang="pl")


def normalise(text: str) -> str:
    """Lower case, numbers spelled out in Polish, abbreviations expanded, punctuation dropped."""
    text = unicodedata.normalize("NFC", text or "").lower()
    text = _GROUPED.sub(lambda m: re.sub(r"\D", "", m.group(0)), text)
    text = _AMOUNT.sub(lambda m: f"{m.group(1)} złotych {int(m.group(2))} groszy" if m.group(2) != "00"
                       else f"{m.group(1)} złotych", text)
    text = _NUMBER.sub(lambda m: f" {_spell_number(m.group(0))} ", text)
    text = _PUNCT.sub(" ", text)
    words = [_ABBREVIATIONS.get(w, w) for w in text.split()]
    return " ".join(words)


def fold(text: str) -> str:
    """``normalise`` without diacritics, for lenient matching ("złotych" ~ "zlotych")."""
    text = normalise(text).replace("ł", "l")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
