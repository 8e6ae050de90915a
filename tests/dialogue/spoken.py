"""Test helpers: valid PESELs (stdnum's check digit) and the many ways a caller says one.

Nothing here prints a PESEL; tests pass them by value and use ``ids=`` without digits.
"""

from __future__ import annotations

import random
from datetime import date

from num2words import num2words
from stdnum.pl import pesel as stdnum_pesel

from polish.spoken import DIGIT_WORDS

DIGITS = DIGIT_WORDS  # owner: polish.spoken
COLLOQUIAL = ("zero", "jedynka", "dwójka", "trójka", "czwórka", "piątka", "szóstka", "siódemka", "ósemka",
              "dziewiątka")


def make_pesel(rng: random.Random) -> str:
    """A valid PESEL of someone born 1940–2007."""
    while True:
        born = date(rng.randint(1940, 2007), rng.randint(1, 12), rng.randint(1, 28))
        month = born.month + (20 if born.year >= 2000 else 0)
        serial = f"{rng.randint(0, 9999):04d}"
        base = f"{born.year % 100:02d}{month:02d}{born.day:02d}{serial}"
        number = base + stdnum_pesel.calc_check_digit(base)
        if stdnum_pesel.is_valid(number):
            return number


def number_words(group: str) -> str:
    """A digit group as a Polish cardinal, leading zeros read as "zero"."""
    lead = len(group) - len(group.lstrip("0"))
    rest = group[lead:]
    parts = ["zero"] * lead
    if rest:
        parts.append(num2words(int(rest), lang="pl"))
    return " ".join(parts)


def groups(pesel: str, sizes: tuple[int, ...]) -> list[str]:
    out, i = [], 0
    for size in sizes:
        out.append(pesel[i:i + size])
        i += size
    return out


def say_digits(pesel: str, table=DIGITS) -> str:
    return " ".join(table[int(d)] for d in pesel)


def say_groups(pesel: str, sizes: tuple[int, ...], sep: str = ", ") -> str:
    return sep.join(number_words(g) for g in groups(pesel, sizes))


def say_mixed(pesel: str, rng: random.Random) -> str:
    """Some groups as the recogniser's digits, some as words."""
    parts = []
    for g in groups(pesel, (2, 2, 2, 3, 2)):
        parts.append(g if rng.random() < 0.5 else number_words(g))
    return ", ".join(parts)


PHRASINGS = {
    "digit_by_digit": lambda p, r: say_digits(p),
    "colloquial": lambda p, r: say_digits(p, COLLOQUIAL),
    "pairs": lambda p, r: say_groups(p, (2, 2, 2, 2, 2, 1)),
    "date_then_triple": lambda p, r: say_groups(p, (2, 2, 2, 3, 2)),
    "triples": lambda p, r: say_groups(p, (3, 3, 3, 2)),
    "recogniser_digits": lambda p, r: f"{p[:2]} {p[2:4]} {p[4:6]} {p[6:9]} {p[9:]}",
    "one_number": lambda p, r: p,
    "mixed": say_mixed,
    "with_fillers": lambda p, r: "yyy mój pesel to " + say_groups(p, (2, 2, 2), sep=", no, ") + ", eee, "
    + say_digits(p[6:]),
}
