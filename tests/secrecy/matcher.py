"""Finding a secret in a text however it is written.

Spellings of a number (PESEL, NIP, telePIN):
- digits, whole or split by any separators ("85031412347", "850 314 123 47", "8-5-0-3…",
  "4.8.2.9.1.3"): every run of digit groups separated only by spaces and punctuation is joined
  and compared, so every grouping is covered at once;
- Polish words: every split of the number into parts of one, two or three digits, each part said
  as a number (a leading zero as "zero": "zero trzy"), so digit by digit, in pairs, in hundreds and
  every mix of them; compared on folded text (lower case, no diacritics), so with and without
  diacritics; the colloquial digits the dialogue understands ("dwójka", "piątka") count as digits.
Spellings of an amount (grosze): "1847,00" / "1 847,00" / "1.847,00" / "1847.00", "1847 zł", the
words the bot says (``dialogue.speech.amount_words``) and num2words' currency form, "<words>
złot…", and the raw grosze when six digits or more (a raw 5-digit number is too often a port). In a
report of figures a bare "18.47" is a timing (a call of 18.47 s): there it counts only with a currency;
"18.47 s" is a timing everywhere. A date ("2026-12-02", "02.12.2026") and a clock time with seconds ("18:47:00")
are a logger's, not a number: they are blanked out before anything is looked for.

The word spellings come from num2words, independently of the numeral parser the redaction uses:
the scanner checks the redaction, so it must not share its blind spots.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from num2words import num2words

from tests.secrecy.known import Secret

_FOLD = str.maketrans({"ł": "l", "Ł": "l"})
# Alphanumeric chunks: all digits = a number, all letters = a word, mixed (an id) = neither.
_CHUNK = re.compile(r"(?<![\d.])\d+\.\d+(?![.\d])|[a-z0-9]+")
_SEPARATORS_ONLY = re.compile(r"[^a-z0-9]{0,4}")
MAX_WORD_TOKENS = 12


# A log line's own time ("2026-12-02 18:47:00,437"): its digits joined read "184700", an amount of
# 1847,00 zł, and a CI run that logged in that second failed on it. A date or a clock time with
# seconds is what a logger writes, not how anyone writes a number.
_DATE = re.compile(r"(?<![\d-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])"
                   r"|(?<![\d.])(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\.\d{4}(?![\d.])")
_CLOCK = re.compile(r"(?<![\d:.,])(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:[.,]\d{1,9})?(?![\d:])")


def without_clock_and_dates(folded: str) -> str:
    """Dates and clock times blanked out, the text's length (and so every offset) kept."""
    for pattern in (_DATE, _CLOCK):
        folded = pattern.sub(lambda m: " " * len(m.group(0)), folded)
    return folded


def fold(text: str) -> str:
    text = text.translate(_FOLD).lower()
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@lru_cache(maxsize=None)
def _words(n: int) -> str:
    return fold(num2words(n, lang="pl"))


def _part_words(part: str) -> str:
    """A part of 1-3 digits as said: "03" → "zero trzy", "123" → "sto dwadzieścia trzy"."""
    lead = ""
    while len(part) > 1 and part[0] == "0":
        lead += "zero "
        part = part[1:]
    return lead + _words(int(part))


def _splits(digits: str) -> list[list[str]]:
    if not digits:
        return [[]]
    out = []
    for size in (1, 2, 3):
        if len(digits) >= size:
            out += [[digits[:size], *rest] for rest in _splits(digits[size:])]
    return out


def word_spellings(digits: str) -> set[str]:
    return {" ".join(_part_words(p) for p in split) for split in _splits(digits)}


def _aliases() -> dict[str, str]:
    """The dialogue's colloquial digit words → the plain word num2words uses ("dwojka" → "dwa")."""
    from polish.numerals import UNITS, ZERO

    aliases = {word: _words(value) for word, value in UNITS.items()}
    aliases.update({word: "zero" for word in ZERO})
    return aliases


def amount_spellings(grosze: int) -> set[str]:
    from polish.spoken import amount_words

    zl = grosze // 100
    found = {fold(amount_words(grosze)),
             fold(num2words(Decimal(grosze) / 100, lang="pl", to="currency", currency="PLN"))}
    if zl:
        found.add(_words(zl) + " zlot")
    return {re.sub(r"[^a-z0-9]+", " ", s).strip() for s in found}


@dataclass(frozen=True)
class Hit:
    label: str
    kind: str
    form: str  # digits | words | amount
    offset: int


class Matcher:
    def __init__(self, secrets: list[Secret]) -> None:
        self.secrets = secrets
        self._digits: dict[str, Secret] = {}
        self._words: dict[str, Secret] = {}
        self._amount_words: dict[str, Secret] = {}
        self._amounts: dict[int, Secret] = {}
        for secret in secrets:
            if secret.kind == "amount":
                grosze = int(secret.value)
                self._amounts[grosze] = secret
                if grosze >= 100_000:
                    self._digits[secret.value] = secret
                for spelling in amount_spellings(grosze):
                    self._amount_words[spelling] = secret
            else:
                self._digits[secret.value] = secret
                for spelling in word_spellings(secret.value):
                    self._words[spelling] = secret
        self.vocabulary = {w for s in self._words for w in s.split()}
        self._aliases = {k: v for k, v in _aliases().items() if v in self.vocabulary}
        self._max_digits = max((len(d) for d in self._digits), default=0)
        amount_words = "|".join(sorted((re.escape(s) for s in self._amount_words), key=len, reverse=True))
        self._amount_words_re = re.compile(rf"(?<![a-z0-9])(?:{amount_words})") if amount_words else None

    @property
    def spelling_count(self) -> int:
        """How many distinct spellings are looked for (digit groupings are matched all at once and
        counted here as one per secret)."""
        return len(self._digits) + len(self._words) + len(self._amount_words) + 2 * len(self._amounts)

    def scan(self, text: str, figures: bool = False) -> list[Hit]:
        """``figures``: the text is a report of figures (timings, rates), where a bare "12.34" is a
        duration; there an amount counts when written as money (comma decimals, a currency, words)."""
        folded = without_clock_and_dates(fold(text))
        hits = self._numbers(folded) + self._amounts_in(folded, figures)
        return hits

    def _numbers(self, folded: str) -> list[Hit]:
        chunks = [(m.start(), m.end(), m.group(0)) for m in _CHUNK.finditer(folded)]
        hits: list[Hit] = []
        i = 0
        while i < len(chunks):
            run = []
            j = i
            while j < len(chunks):
                start, end, token = chunks[j]
                kind = self._kind(token)
                if kind is None or (run and not _SEPARATORS_ONLY.fullmatch(folded[run[-1][1]:start])):
                    break
                run.append((start, end, kind, self._aliases.get(token, token)))
                j += 1
            if not run:
                i += 1
                continue
            hits += self._in_run(run)
            i = j
        return hits

    def _kind(self, token: str) -> str | None:
        if token.isdigit():
            return "digits"
        if token.isalpha() and (token in self.vocabulary or token in self._aliases):
            return "word"
        return None

    def _in_run(self, run: list[tuple[int, int, str, str]]) -> list[Hit]:
        hits = []
        for a in range(len(run)):
            joined = ""
            for b in range(a, len(run)):
                if run[b][2] != "digits":
                    break
                joined += run[b][3]
                if len(joined) > self._max_digits:
                    break
                secret = self._digits.get(joined)
                if secret is not None:
                    hits.append(Hit(secret.label, secret.kind, "digits", run[a][0]))
            words = []
            for b in range(a, min(len(run), a + MAX_WORD_TOKENS)):
                if run[b][2] != "word":
                    break
                words.append(run[b][3])
                secret = self._words.get(" ".join(words))
                if secret is not None:
                    hits.append(Hit(secret.label, secret.kind, "words", run[a][0]))
        return hits

    _DECIMAL = re.compile(r"(?<![\d.,])(\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)[,.](\d{2})(?![\d])")
    _ZLOTY = re.compile(r"(?<![\d.,])(\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)\s*(?:zl\b|zlot|pln\b)")
    _CURRENCY = re.compile(r"\s*(?:zl\b|zlot|pln\b)")
    _SECONDS = re.compile(r"\s*(?:s|ms|sec|sekund\w*)\b")

    def _amounts_in(self, folded: str, figures: bool = False) -> list[Hit]:
        hits = []
        for m in self._DECIMAL.finditer(folded):
            as_figure = folded[m.end(1)] == "." and not self._CURRENCY.match(folded, m.end())
            if as_figure and (figures or self._SECONDS.match(folded, m.end())):
                continue  # "18.47 s" is a duration wherever it is written
            grosze = int(re.sub(r"\D", "", m.group(1))) * 100 + int(m.group(2))
            if grosze in self._amounts:
                hits.append(Hit(self._amounts[grosze].label, "amount", "amount", m.start()))
        for m in self._ZLOTY.finditer(folded):
            grosze = int(re.sub(r"\D", "", m.group(1))) * 100
            if grosze in self._amounts:
                hits.append(Hit(self._amounts[grosze].label, "amount", "amount", m.start()))
        if self._amount_words_re is not None:
            spaced = re.sub(r"[^a-z0-9]+", " ", folded)
            for m in self._amount_words_re.finditer(spaced):
                secret = self._amount_words[m.group(0)]
                hits.append(Hit(secret.label, "amount", "amount", m.start()))
        return hits
