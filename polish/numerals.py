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

With ``fuzzy=True`` a word that is none of these but close to a number word ("dero", "jedem",
"trzyść", "pternaście": a free-decoding recogniser's broken spellings) becomes a *choice* between its
nearest number words and nothing (rapidfuzz ratio), and ``variants`` also reads the text with the
recogniser's commas ignored and with split tens merged ("9, 10, 5" or "dziewięć, dziesięć, pięć" for
"dziewięćdziesiąt pięć"), so that a checksum and the audio can pick among the readings.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice, product

from rapidfuzz import fuzz, process

from polish.text import fold, tokens

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
    # "dziesiąt": the half of a ten ("dziewięć dziesiąt") a recogniser writes apart.
    "dziesiec": 10, "dziesiat": 10, "jedenascie": 11, "dwanascie": 12, "trzynascie": 13, "czternascie": 14,
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


# Every word that spells a number by itself (folded), for fuzzy matching of broken spellings.
NUMBER_WORDS: dict[str, tuple[str, int]] = {
    **{w: ("zero", v) for w, v in ZERO.items()}, **{w: ("unit", v) for w, v in UNITS.items()},
    **{w: ("teen", v) for w, v in TEENS.items()}, **{w: ("ten", v) for w, v in TENS.items()},
    **{w: ("hundred", v) for w, v in HUNDREDS.items()},
}
# Words that come with numbers but are none ("mój pesel to …"), never fuzzy-matched to one.
_NOT_NUMBERS = {"pesel", "peselu", "nip", "numer", "moj", "to", "jest", "tak", "nie", "prosze", "bardzo", "juz",
                "mowie", "yyy", "eee", "yy", "ee", "hmm", "no", "czyli", "numeru", "pin", "telepin", "dzien",
                "dobry", "pani", "pan", "moze", "jeszcze", "raz", "teraz", "podaje", "podam", "mam", "cyfry",
                "cyfr", "ostatnie", "pierwsze", "dobrze", "prosze", "sluchaj", "wiec", "tam", "tego", "taki"}
_FUZZY_CUTOFF = 75.0
_FUZZY_OPTIONS = 2
# The shortest half of a glued pair of number words ("trzy" + "dero").
_MIN_PART = 3


@dataclass(frozen=True)
class Item:
    """kind: zero | unit | teen | ten | hundred | thousand | digits | sep | fix | choice.

    A ``choice`` holds ``options``: the items a doubtful word may stand for, ``None`` = nothing.
    """

    kind: str
    value: int = 0
    digits: str = ""
    options: tuple[Item | None, ...] = ()


FIX = "FIX"


def _ordinal(word: str) -> Item | None:
    for table, kind in ((_ORDINAL_TENS, "ten"), (_ORDINAL_TEENS, "teen"), (_ORDINAL_UNITS, "unit")):
        for stem, value in table.items():
            if word.startswith(stem) and word[len(stem):] in _ORDINAL_ENDINGS:
                return Item(kind, value)
    return None


def _closest(word: str) -> list[tuple[str, float]]:
    return [(name, score) for name, score, _index in process.extract(
        word, NUMBER_WORDS.keys(), scorer=fuzz.ratio, limit=_FUZZY_OPTIONS, score_cutoff=_FUZZY_CUTOFF)]


def _choice(found: list[tuple[str, float]]) -> Item:
    options = tuple(Item(*NUMBER_WORDS[name]) for name, _score in found)
    return Item("choice", options=(*dict.fromkeys(options), None))


def _fuzzy(word: str) -> list[Item]:
    """Choices of the number words closest to ``word`` (each may also be nothing), when any is close
    enough: one word, or two glued together ("trzydero" = "trzy" + "zero") when the whole is like no
    number word."""
    if len(word) < 3 or word in _NOT_NUMBERS or not word.isalpha():
        return []
    whole = _closest(word)
    if whole:
        return [_choice(whole)]
    # Only a word like no number word is cut: cutting words that already read as one added rival
    # readings and cost more first tries than it won (eval.pesel_capture, 128 calls).
    best_split: tuple[float, list[tuple[str, float]], list[tuple[str, float]]] | None = None
    for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
        left, right = _closest(word[:cut]), _closest(word[cut:])
        if left and right:
            score = min(left[0][1], right[0][1])
            if best_split is None or score > best_split[0]:
                best_split = (score, left, right)
    return [_choice(best_split[1]), _choice(best_split[2])] if best_split else []


def parse_items(text: str, *, ordinals: bool = False, fuzzy: bool = False) -> list[Item]:
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
            items.append(Item("choice", options=(Item("unit", SOFT[tok]), None)))
        elif tok in _FIX_WORDS:
            items.append(Item("fix"))
        elif ordinals and (item := _ordinal(tok)) is not None:
            items.append(item)
        elif fuzzy and (found := _fuzzy(tok)):
            items.extend(found)
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


def _option(item: Item, pick: int | bool | None) -> Item | None:
    """The option ``pick`` of a choice: an index, or (as before choices had more options) True = the
    first option (a digit) and False = nothing."""
    if pick is None or pick is True:
        return item.options[0]
    if pick is False:
        return None
    return item.options[min(pick, len(item.options) - 1)]


def compose(items: list[Item], soft_as_digit: tuple[bool | int, ...] = ()) -> list[str]:
    """Digit groups (strings, leading zeros kept) and ``FIX`` markers, in spoken order.

    ``soft_as_digit[k]`` says how to read the k-th choice item (default: its first option).
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
        if item.kind == "choice":
            picked = _option(item, soft_as_digit[soft_index] if soft_index < len(soft_as_digit) else None)
            soft_index += 1
            if picked is None:
                continue
            item = picked
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
    return sum(1 for item in items if item.kind == "choice")


def readings(items: list[Item], max_soft: int = 6, limit: int = 64) -> list[list[str]]:
    """Every way to read the choice items (first options first); past ``max_soft`` choices take
    their first option; at most ``limit`` readings."""
    choices = [item for item in items if item.kind == "choice"][:max_soft]
    picks = product(*(range(len(item.options)) for item in choices))
    return [compose(items, pick) for pick in islice(picks, limit)]


def _merge_split_tens(items: list[Item]) -> list[Item]:
    """"dziewięć, dziesięć, pięć" / "9, 10, 5" → the ten "dziewięćdziesiąt" then "pięć": how a
    recogniser splits a ten into a unit and "dziesiąt"."""
    out: list[Item] = []
    for item in items:
        is_ten_word = (item.kind == "teen" and item.value == 10) or (item.kind == "digits" and item.digits == "10")
        previous = [i for i in out[-2:] if i.kind != "sep"]
        if is_ten_word and previous:
            unit = previous[-1]
            value = unit.value if unit.kind == "unit" else int(unit.digits) if unit.kind == "digits" and \
                len(unit.digits) == 1 else 0
            if 2 <= value <= 9:
                while out and out[-1] is not unit:
                    out.pop()
                out[-1] = Item("ten", value * 10)
                continue
        out.append(item)
    return out


def variants(text: str, limit: int = 96) -> list[list[str]]:
    """Digit-group readings of a recogniser's ``text``, most literal first: fuzzy choices, commas kept
    or ignored, split tens kept or merged. Each reading keeps its ``FIX`` markers."""
    items = parse_items(text, fuzzy=True)
    forms = [items, [i for i in items if i.kind != "sep"]]
    merged = _merge_split_tens(items)
    if merged != items:
        forms += [merged, [i for i in merged if i.kind != "sep"]]
    out: dict[tuple[str, ...], None] = {}
    for form in forms:
        for groups in readings(form, limit=max(1, limit // len(forms))):
            out.setdefault(tuple(groups), None)
    return [list(groups) for groups in out]


def words_to_digits(text: str) -> str:
    """All digits spoken in ``text`` in order, corrections ignored ("osiemdziesiąt dwa zero" → "820")."""
    return "".join(g for g in compose(parse_items(text)) if g != FIX)


def numbers_in(text: str) -> list[int]:
    """Every number said in ``text``, ordinals included ("za dwa tysiące dwudziesty piąty" → [2025])."""
    return [int(g) for g in compose(parse_items(text, ordinals=True)) if g != FIX]
