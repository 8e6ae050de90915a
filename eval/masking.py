"""Masking secrets in everything a report shows (tax secrecy, art. 293 Ordynacja podatkowa).

- A PESEL is shown as ``820***17`` (``contracts.secrets.mask_pesel``); any other long digit run
  and any run of spoken digits ("osiem pięć zero trzy …") is hidden, and so is any number of five or
  more digits said in pairs or hundreds ("osiemdziesiąt pięć, zero trzy, czternaście, sto…"): those
  are read by ``polish.redaction``, the owner of what counts as a sensitive number.
- A telePIN never reaches a report: key presses are reported as counts only.
- Amounts (written or spoken, "1 847,00 zł", "tysiąc osiemset … złotych") are hidden unless the
  run is explicitly allowed to show them (a secured QA environment).
"""

from __future__ import annotations

import re

from contracts.secrets import mask_pesel
from polish.redaction import sensitive_numbers
from polish.spoken import DIGIT_WORDS
from polish.text import fold

AMOUNT_MASK = "*** zł"
DIGITS_MASK = "[cyfry ukryte]"

_LONG_DIGITS = re.compile(r"(?<!\d)\d(?:[ \-]?\d){8,}(?!\d)")
# The digit words (owner: ``polish.spoken``), with and without diacritics, and the feminine forms.
_DIGIT_WORD = "(?:" + "|".join(sorted({*DIGIT_WORDS, *(fold(w) for w in DIGIT_WORDS), "jedna", "dwie"},
                                      key=len, reverse=True)) + ")"
_SPOKEN_DIGITS = re.compile(rf"\b{_DIGIT_WORD}(?:[\s,]+{_DIGIT_WORD}){{3,}}\b", re.IGNORECASE)
_NUMBER_WORD = (r"(?:\d[\d \u00a0]*(?:,\d{1,2})?|zero|jed\w*|dw\w*|trz\w*|czter\w*|pięć\w*|pięt\w*|sześ\w*|siedem\w*|"
                r"siedm\w*|osiem\w*|osim\w*|dziewię\w*|dziesi\w*|jedena\w*|\w*naście|\w*dzieści|\w*set|\w*sta|"
                r"stu|sto|tysi\w*|milion\w*)")
_AMOUNT = re.compile(rf"(?:{_NUMBER_WORD}[\s,]*)+(?:zł\b|złot\w*|zlot\w*|pln\b|grosz\w*|gr\b)(?:[\s,]*(?:{_NUMBER_WORD}"
                     rf"[\s,]*)+(?:grosz\w*|gr\b))?", re.IGNORECASE)


def mask_text(text: str | None, *, show_amounts: bool = False, pesels: tuple[str, ...] = ()) -> str:
    """``text`` as it may appear in a report."""
    if not text:
        return text or ""
    for pesel in pesels:
        if pesel:
            text = text.replace(pesel, mask_pesel(pesel))
    text = _hide_spoken_numbers(text)
    text = _LONG_DIGITS.sub(lambda m: mask_pesel(m.group(0)) if len(re.sub(r"\D", "", m.group(0))) == 11
                            else DIGITS_MASK, text)
    text = _SPOKEN_DIGITS.sub(DIGITS_MASK, text)
    if not show_amounts:
        text = _AMOUNT.sub(AMOUNT_MASK + " ", text)
        text = re.sub(r" +([.,:;])", r"\1", re.sub(r" {2,}", " ", text)).rstrip()
    return text


def _hide_spoken_numbers(text: str) -> str:
    """Numbers of five or more digits said in words, however grouped (written digits and amounts
    are the patterns' below)."""
    out, position = [], 0
    for start, end, digits, amount in sensitive_numbers(text):
        if amount or not any(c.isalpha() for c in text[start:end]):
            continue
        out += [text[position:start], mask_pesel(digits) if len(digits) == 11 else DIGITS_MASK]
        position = end
    return "".join(out) + text[position:]


def mask_pesel_value(pesel: str | None) -> str | None:
    return mask_pesel(pesel) if pesel else None
