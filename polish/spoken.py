"""Numbers as a Polish speaker says them: digit words, digit groups, amounts in złoty, dates.

The one list of Polish digit words; everything that spells numbers out (the bot's voice, synthetic
callers, scoring) takes them from here. num2words reads an ``int`` as grosze and knows only
masculine nominative ordinals, so amounts go in as ``Decimal`` złoty and the genitive ordinals of
dates ("piętnastego marca dwa tysiące dwudziestego szóstego roku") are written out here.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from num2words import num2words

DIGIT_WORDS = ("zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć")

MONTHS_GENITIVE = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
                   "września", "października", "listopada", "grudnia")
MONTHS_NOMINATIVE = ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień",
                     "wrzesień", "październik", "listopad", "grudzień")

_UNITS_GEN = ("", "pierwszego", "drugiego", "trzeciego", "czwartego", "piątego", "szóstego", "siódmego",
              "ósmego", "dziewiątego")
_TEENS_GEN = ("dziesiątego", "jedenastego", "dwunastego", "trzynastego", "czternastego", "piętnastego",
              "szesnastego", "siedemnastego", "osiemnastego", "dziewiętnastego")
_TENS_GEN = ("", "", "dwudziestego", "trzydziestego", "czterdziestego", "pięćdziesiątego",
             "sześćdziesiątego", "siedemdziesiątego", "osiemdziesiątego", "dziewięćdziesiątego")
_HUNDREDS_GEN = ("", "setnego", "dwusetnego", "trzechsetnego", "czterechsetnego", "pięćsetnego",
                 "sześćsetnego", "siedemsetnego", "osiemsetnego", "dziewięćsetnego")


def ordinal_genitive(n: int) -> str:
    """1–99 as a masculine genitive ordinal: 15 → "piętnastego", 26 → "dwudziestego szóstego"."""
    if not 1 <= n <= 99:
        raise ValueError("ordinal_genitive covers 1–99")
    if n < 10:
        return _UNITS_GEN[n]
    if n < 20:
        return _TEENS_GEN[n - 10]
    tens, units = divmod(n, 10)
    return " ".join(w for w in (_TENS_GEN[tens], _UNITS_GEN[units]) if w)


def year_genitive(year: int) -> str:
    """2026 → "dwa tysiące dwudziestego szóstego", 2000 → "dwutysięcznego", 1999 → "tysiąc dziewięćset dziewięćdziesiątego dziewiątego"."""
    if year == 2000:
        return "dwutysięcznego"
    head, tail = divmod(year, 100)
    if tail:
        return f"{num2words(head * 100, lang='pl')} {ordinal_genitive(tail)}"
    thousands, hundreds = divmod(head, 10)
    return f"{num2words(thousands * 1000, lang='pl')} {_HUNDREDS_GEN[hundreds]}"


def date_words(day: date) -> str:
    """"piętnastego marca dwa tysiące dwudziestego szóstego roku"."""
    return f"{ordinal_genitive(day.day)} {MONTHS_GENITIVE[day.month - 1]} {year_genitive(day.year)} roku"


def amount_words(grosze: int) -> str:
    """123456 → "tysiąc dwieście trzydzieści cztery złote pięćdziesiąt sześć groszy" (sign dropped)."""
    grosze = abs(int(grosze))
    zloty, rest = divmod(grosze, 100)
    text = num2words(Decimal(grosze) / 100, lang="pl", to="currency", currency="PLN").replace(",", "")
    if rest == 0:
        text = text.replace(" zero groszy", "")
    elif zloty == 0:
        text = text.replace("zero złotych ", "")
    return text


def digits_words(digits: str) -> str:
    return " ".join(DIGIT_WORDS[int(d)] for d in digits if d.isdigit())


def group_words(group: str) -> str:
    """A group of digits as a caller says it: one digit as its word, two or three as a number with
    leading zeros said as "zero" ("07" → "zero siedem", "123" → "sto dwadzieścia trzy"), longer
    groups digit by digit."""
    if len(group) == 1 or len(group) > 3:
        return digits_words(group)
    if group[0] == "0":
        return "zero " + group_words(group[1:])
    return num2words(int(group), lang="pl")


def period_parts(period: str | None) -> tuple[int, str, int] | None:
    """A settlement period code: "2025" → (2025, "year", 0), "2026-03" → (2026, "month", 3),
    "2026-Q1" (or "K1") → (2026, "quarter", 1); anything else (a description) → None."""
    if not period:
        return None
    year, _, rest = period.strip().upper().partition("-")
    if not (year.isdigit() and len(year) == 4):
        return None
    if not rest:
        return int(year), "year", 0
    if rest.isdigit() and 1 <= int(rest) <= 12:
        return int(year), "month", int(rest)
    if rest[:1] in ("Q", "K") and rest[1:].isdigit() and 1 <= int(rest[1:]) <= 4:
        return int(year), "quarter", int(rest[1:])
    return None
