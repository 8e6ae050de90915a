"""What the bot says about a settlement, for the ear: periods, PESEL read-backs, account endings.

Numbers, dates and amounts are spelled by ``polish.spoken`` and tax names come from
``polish.taxes`` (one owner each); they are re-exported here for the dialogue's callers.
"""

from __future__ import annotations

import re

from num2words import num2words

from polish.taxes import TAXES, tax_genitive, tax_locative, tax_nominative, tax_spoken, written_form  # noqa: F401 (re-exported)
from polish.spoken import (DIGIT_WORDS, MONTHS_GENITIVE, MONTHS_NOMINATIVE, amount_words,  # noqa: F401 (re-exported)
                           date_words, digits_words, group_words, ordinal_genitive, period_parts,
                           year_genitive)

_QUARTERS = ("pierwszy", "drugi", "trzeci", "czwarty")


def period_words(period: str | None) -> str:
    """A settlement period after "za": "2025" → "dwa tysiące dwudziesty piąty rok"."""
    parts = period_parts(period)
    if parts is None:
        return period or ""
    year, kind, number = parts
    if kind == "year":
        return f"{num2words(year, lang='pl', to='ordinal')} rok"
    if kind == "month":
        return f"{MONTHS_NOMINATIVE[number - 1]} {year_genitive(year)} roku"
    return f"{_QUARTERS[number - 1]} kwartał {year_genitive(year)} roku"


_FORM_PERIOD = re.compile(r"^\s*(?P<form>[A-Za-z]+-?\w*)\s+za\s+(?P<period>\d{4}(?:-\w+)?)\s*(?:\((?P<note>[^)]*)\))?\s*$")


def period_code(period: str | None) -> str | None:
    """The period itself ("2025", "2026-03") of a code or of a description like "PIT-37 za 2025"."""
    if not period:
        return period
    match = _FORM_PERIOD.match(period)
    return match["period"] if match else period.strip()


def period_phrase(period: str | None) -> str:
    """What follows the tax in an answer: " za dwa tysiące dwudziesty piąty rok" for a period code,
    " z rozliczenia PIT-37 za dwa tysiące dwudziesty piąty rok, korekta" for the back end's descriptive
    form ("PIT-37 za 2025 (korekta)"); no brackets or bare years reach the voice."""
    if not period:
        return ""
    match = _FORM_PERIOD.match(period)
    if match is None:
        return f" za {period_words(period)}"
    note = f", {match['note']}" if match["note"] else ""
    return f" z rozliczenia {match['form'].upper()} za {period_words(match['period'])}{note}"


def pesel_readback(digits: str) -> str:
    """In the groups a person reads their PESEL: "osiem dwa, zero jeden, jeden pięć, …" (2-2-2-3-2);
    a first part of one (the groups confirmed so far) in the same groups."""
    cuts = (0, 2, 4, 6, 9, 11)
    return ", ".join(digits_words(digits[a:b]) for a, b in zip(cuts, cuts[1:]) if digits[a:b])


_LAST_DIGITS = {1: "ostatnią cyfrę", 2: "ostatnie dwie cyfry", 3: "ostatnie trzy cyfry", 4: "ostatnie cztery cyfry"}


def last_digits_phrase(n: int) -> str:
    """"ostatnie pięć cyfr": the object of "Proszę powtórzyć …" (Polish numeral agreement)."""
    return _LAST_DIGITS.get(n) or f"ostatnie {num2words(n, lang='pl')} cyfr"


def account_ending(masked: str | None) -> str:
    """The last four digits of a masked account, digit by digit ("" when unknown)."""
    digits = "".join(ch for ch in (masked or "") if ch.isdigit())
    return digits_words(digits[-4:]) if digits else ""


def join_or(options: list[str]) -> str:
    """["pit", "wat", "cit"] → "pit, wat czy cit"."""
    if len(options) <= 1:
        return "".join(options)
    return ", ".join(options[:-1]) + " czy " + options[-1]
