"""Polish number words → digit groups, built for what a weak recogniser writes.

A caller reads a PESEL digit by digit ("osiem dwa zero jeden"), in pairs or triples
("osiemdziesiąt dwa, zero jeden, sto dwadzieścia trzy"), colloquially ("dwójka", "piątka"), and the
recogniser mixes in digits of its own ("82 01"). Every word is compared folded (no diacritics).

``parse_items`` turns a text into items; ``compose`` turns items into digit groups, combining
"dwa tysiące" / "sto" / "dwadzieścia" / "trzy" the way Polish cardinals combine and never across a
comma. Words the recogniser confuses with digits ("ma" for "dwa", "jeść" for "sześć", "siedzę"
for "siedem", "czy" for "trzy") are *soft*: ``compose`` reads each either way as told, so a caller of
this module (``pesel.py``) can let a checksum choose. Self-corrections ("nie, poprawiam",
"to znaczy") become ``FIX`` markers.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from dialogue.text import tokens

ZERO = {"zero": 0, "zera": 0, "zerowka": 0}
UNITS = {
    "jeden": 1, "jedna": 1, "jedno": 1, "jedynka": 1, "jedynke": 1,
    "dwa": 2, "dwie": 2, "dwojka": 2, "dwojke": 2,
    "trzy": 3, "trojka": 3, "trojke": 3,
    "cztery": 4, "czworka": 4, "czworke": 4,
    "piec": 5, "piatka": 5, "piatke": 5,
    "szesc": 6, "szostka": 6, "szostke": 6,
    "siedem": 7, "siodemka": 7, "siodemke": 7,
    "osiem": 8, "osemka": 8, "osemke": 8,
    "dziewiec": 9, "dziewiatka": 9, "dziewiatke": 9,
}
TEENS = {
    "dziesiec": 10, "jedenascie": 11, "dwanascie": 12, "trzynascie": 13, "czternascie": 14,
    "pietnascie": 15, "szesnascie": 16, "siedemnascie": 17, "osiemnascie": 18, "dziewietnascie": 19,
}
TENS = {
    "dwadziescia": 20, "trzydziesci": 30, "czterdziesci": 40, "piecdziesiat": 50,
    "szescdziesiat": 60, "siedemdziesiat": 70, "osiemdziesiat": 80, "dziewiecdziesiat": 90,
}
HUNDREDS = {
    "sto": 100, "dwiescie": 200, "trzysta": 300, "czterysta": 400, "piecset": 500,
    "szescset": 600, "siedemset": 700, "osiemset": 800, "dziewiecset": 900,
}
THOUSANDS = {"tysiac", "tysiace", "tysiecy"}
# Recogniser confusions heard in digit turns; read as a digit or as nothing, never silently.
SOFT = {"ma": 2, "jesc": 6, "jes": 6, "siedze": 7, "czy": 3, "trzech": 3, "osiom": 8}

# Ordinal stems (any case ending) for years and dates: "dwudziestego piątego", "dwudziesty piąty".
_ORDINAL_UNITS = {
    "pierwsz": 1, "drug": 2, "trzec": 3, "czwart": 4, "piat": 5, "szost": 6, "siodm": 7,
    "osm": 8, "dziewiat": 9,
}
_ORDINAL_TEENS = {
    "dziesiat": 10, "jedenast": 11, "dwunast": 12, "trzynast": 13, "czternast": 14, "pietnast": 15,
    "szesnast": 16, "siedemnast": 17, "osiemnast": 18, "dziewietnast": 19,
}
_ORDINAL_TENS = {
    "dwudziest": 20, "trzydziest": 30, "czterdziest": 40, "piecdziesiat": 50,
    "szescdziesiat": 60, "siedemdziesiat": 70, "osiemdziesiat": 80, "dziewiecdziesiat": 90,
}
_ORDINAL_ENDINGS = ("ego", "ym", "y", "i", "a", "ej", "emu", "iego", "im", "iej", "ia", "iemu")

# Self-corrections: one word or two-word phrases.
_FIX_WORDS = {"poprawiam", "przepraszam", "pomylka", "pomylilem", "pomylilam", "zle", "sorry",
              "znaczy", "korekta", "nie", "odnowa"}
_FIX_PAIRS = {("jeszcze", "raz"), ("od", "nowa"), ("to", "znaczy")}


@dataclass(frozen=True)
class Item:
    """kind: zero | unit | teen | ten | hundred | thousand | digits | soft | sep | fix."""

    kind: str
    value: int = 0
    digits: str = ""


FIX = "FIX"


def _ordinal(word: str) -> Item | None:
    for table, kind in ((_ORDINAL_TENS, "ten"), (_ORDINAL_TEENS, "teen"), (_ORDINAL_UNITS, "unit")):
        for stem, value in table.items():
            if word.startswith(stem) and word[len(stem):] in _ORDINAL_ENDINGS:
                return Item(kind, value)
    return None


def parse_items(text: str, *, ordinals: bool = False) -> list[Item]:
    """Number-relevant items of ``text``; any other word (a filler) is dropped."""
    items: list[Item] = []
    toks = tokens(text)
    i = 0
    while i < len(toks):
        tok = toks[i]
        pair = (tok, toks[i + 1]) if i + 1 < len(toks) else None
        if pair in _FIX_PAIRS:
            items.append(Item("fix"))
            i += 2
            continue
        i += 1
        if tok.isdigit():
            items.append(Item("digits", digits=tok))
        elif tok in ",.;:?!":
            items.append(Item("sep"))
        elif tok in ZERO:
            items.append(Item("zero"))
        elif tok in UNITS:
            items.append(Item("unit", UNITS[tok]))
        elif tok in TEENS:
            items.append(Item("teen", TEENS[tok]))
        elif tok in TENS:
            items.append(Item("ten", TENS[tok]))
        elif tok in HUNDREDS:
            items.append(Item("hundred", HUNDREDS[tok]))
        elif tok in THOUSANDS:
            items.append(Item("thousand"))
        elif tok in SOFT:
            items.append(Item("soft", SOFT[tok]))
        elif tok in _FIX_WORDS:
            items.append(Item("fix"))
        elif ordinals and (item := _ordinal(tok)) is not None:
            items.append(item)
    return items


class _Number:
    """One cardinal being built: [n] tysiąc/tysiące [sto…] [dwadzieścia…] [jeden…|jedenaście…]."""

    def __init__(self) -> None:
        self.thousands = 0
        self.hundreds = self.tens = self.units = None
        self.empty = True

    def below(self) -> int:
        return (self.hundreds or 0) + (self.tens or 0) + (self.units or 0)

    def accepts(self, kind: str) -> bool:
        if kind == "hundred":
            return self.hundreds is None and self.tens is None and self.units is None
        if kind == "ten":
            return self.tens is None and self.units is None
        if kind in ("unit", "teen"):
            return self.units is None and not (kind == "teen" and self.tens is not None)
        if kind == "thousand":
            return self.thousands == 0
        return False

    def add(self, item: Item) -> None:
        self.empty = False
        if item.kind == "hundred":
            self.hundreds = item.value
        elif item.kind == "ten":
            self.tens = item.value
        elif item.kind in ("unit", "teen"):
            self.units = item.value
        elif item.kind == "thousand":
            self.thousands = self.below() or 1
            self.hundreds = self.tens = self.units = None

    def digits(self) -> str:
        return str(self.thousands * 1000 + self.below())


def compose(items: list[Item], soft_as_digit: tuple[bool, ...] = ()) -> list[str]:
    """Digit groups (strings, leading zeros kept) and ``FIX`` markers, in spoken order.

    ``soft_as_digit[k]`` says how to read the k-th soft item (default: as a digit).
    """
    out: list[str] = []
    number: _Number | None = None
    soft_index = 0

    def flush() -> None:
        nonlocal number
        if number is not None and not number.empty:
            out.append(number.digits())
        number = None

    for item in items:
        if item.kind == "soft":
            take = soft_as_digit[soft_index] if soft_index < len(soft_as_digit) else True
            soft_index += 1
            if not take:
                continue
            item = Item("unit", item.value)
        if item.kind in ("hundred", "ten", "unit", "teen", "thousand"):
            if number is None or not number.accepts(item.kind):
                flush()
                number = _Number()
            number.add(item)
            continue
        flush()
        if item.kind == "zero":
            out.append("0")
        elif item.kind == "digits":
            out.append(item.digits)
        elif item.kind == "fix" and (not out or out[-1] != FIX):
            out.append(FIX)
    flush()
    return out


def soft_count(items: list[Item]) -> int:
    return sum(1 for item in items if item.kind == "soft")


def readings(items: list[Item], max_soft: int = 6) -> list[list[str]]:
    """Every way to read the soft items (as digits first); past ``max_soft`` they count as digits."""
    n = min(soft_count(items), max_soft)
    return [compose(items, choice) for choice in product((True, False), repeat=n)]


def words_to_digits(text: str) -> str:
    """All digits spoken in ``text`` in order, corrections ignored ("osiemdziesiąt dwa zero" → "820")."""
    return "".join(g for g in compose(parse_items(text)) if g != FIX)


def numbers_in(text: str) -> list[int]:
    """Every number said in ``text``, ordinals included ("za dwa tysiące dwudziesty piąty" → [2025])."""
    return [int(g) for g in compose(parse_items(text, ordinals=True)) if g != FIX]
