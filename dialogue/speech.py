"""How amounts, dates, periods, tax names and digit strings are said in Polish, for the ear.

num2words reads an ``int`` as grosze and knows only masculine nominative ordinals, so amounts go in
as ``Decimal`` złoty and the genitive ordinals of dates ("piętnastego marca dwa tysiące
dwudziestego szóstego roku") are written out here.
"""

from __future__ import annotations

import re

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
_QUARTERS = ("pierwszy", "drugi", "trzeci", "czwarty")


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


def period_words(period: str | None) -> str:
    """A settlement period after "za": "2025" → "dwa tysiące dwudziesty piąty rok"."""
    if not period:
        return ""
    p = period.strip().upper()
    year_part, _, rest = p.partition("-")
    if not (year_part.isdigit() and len(year_part) == 4):
        return period
    year = int(year_part)
    if not rest:
        return f"{num2words(year, lang='pl', to='ordinal')} rok"
    if rest.isdigit() and 1 <= int(rest) <= 12:
        return f"{MONTHS_NOMINATIVE[int(rest) - 1]} {year_genitive(year)} roku"
    if rest[:1] in ("Q", "K") and rest[1:].isdigit() and 1 <= int(rest[1:]) <= 4:
        return f"{_QUARTERS[int(rest[1:]) - 1]} kwartał {year_genitive(year)} roku"
    return period


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


# Tax names: spoken abbreviation, nominative, genitive, locative.
TAXES: dict[str, tuple[str, str, str, str]] = {
    "PIT": ("pit", "podatek dochodowy od osób fizycznych", "podatku dochodowego od osób fizycznych",
            "podatku dochodowym od osób fizycznych"),
    "CIT": ("cit", "podatek dochodowy od osób prawnych", "podatku dochodowego od osób prawnych",
            "podatku dochodowym od osób prawnych"),
    "VAT": ("wat", "podatek od towarów i usług", "podatku od towarów i usług", "podatku od towarów i usług"),
    "PCC": ("pe ce ce", "podatek od czynności cywilnoprawnych", "podatku od czynności cywilnoprawnych",
            "podatku od czynności cywilnoprawnych"),
    "SD": ("es de", "podatek od spadków i darowizn", "podatku od spadków i darowizn",
           "podatku od spadków i darowizn"),
    "AKC": ("akcyza", "podatek akcyzowy", "podatku akcyzowego", "podatku akcyzowym"),
}


def tax_spoken(code: str) -> str:
    return TAXES.get(code, (code.lower(),) * 4)[0]


def tax_nominative(code: str) -> str:
    return TAXES.get(code, (code, f"podatek {code}", f"podatku {code}", f"podatku {code}"))[1]


def tax_genitive(code: str) -> str:
    return TAXES.get(code, (code, f"podatek {code}", f"podatku {code}", f"podatku {code}"))[2]


def tax_locative(code: str) -> str:
    return TAXES.get(code, (code, f"podatek {code}", f"podatku {code}", f"podatku {code}"))[3]


def join_or(options: list[str]) -> str:
    """["pit", "wat", "cit"] → "pit, wat czy cit"."""
    if len(options) <= 1:
        return "".join(options)
    return ", ".join(options[:-1]) + " czy " + options[-1]


# The forms the voice needs, back to how they are written, for the text channel.
_WRITTEN = [
    (re.compile(r"\bpodatki kropka gov kropka pe el\b"), "podatki.gov.pl"),
    *((re.compile(rf"\b{spoken}\b"), code) for code, (spoken, *_) in TAXES.items() if spoken != "akcyza"),
]


def written_form(text: str) -> str:
    """A sentence written for the ear, as a chat shows it: "podatku wat" → "podatku VAT",
    "podatki kropka gov kropka pe el" → "podatki.gov.pl"."""
    for pattern, written in _WRITTEN:
        text = pattern.sub(written, text)
    return text
