"""A PESEL from what the recogniser heard: extract, validate, and recover — never invent.

Whisper base garbles digit strings, so one transcript is weak evidence. We read every transcript
(the best one and the recogniser's alternatives) every plausible way (soft confusions either way,
self-corrections as restart or as replacement of the last group), keep what python-stdnum accepts
(checksum and a real, past birth date), and vote. Only when nothing is valid do we try one-digit
repairs (a misheard, dropped or extra digit) — and accept a repair only when it is the single
best-supported one. Anything ambiguous is ``None``: the caller is asked again, and every number is
read back for a yes/no before use.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from stdnum.pl import pesel as stdnum_pesel

from polish.numerals import FIX, parse_items, readings
from contracts.secrets import Pesel

OLDEST_YEAR = 1900
_MAX_READINGS = 64


def is_plausible(digits: str, today: date | None = None) -> bool:
    """Valid checksum and a birth date that exists, is not in the future and not before 1900."""
    if len(digits) != 11 or not digits.isdigit() or not stdnum_pesel.is_valid(digits):
        return False
    born = stdnum_pesel.get_birth_date(digits)
    return OLDEST_YEAR <= born.year and born <= (today or date.today())


def _apply_corrections(groups: list[str]) -> set[str]:
    """Digit strings for each way to read the FIX markers: ignored, restart, or replacing 1–2 groups."""
    variants: set[tuple[str, ...]] = {()}
    current: list[str] = []
    segments: list[list[str]] = []
    for group in groups:
        if group == FIX:
            segments.append(current)
            current = []
        else:
            current.append(group)
    segments.append(current)
    variants = {tuple(segments[0])}
    for segment in segments[1:]:
        nxt: set[tuple[str, ...]] = set()
        for before in variants:
            nxt.add(before + tuple(segment))  # the marker was a filler
            if segment:
                nxt.add(tuple(segment))  # started over
                for k in (1, 2):
                    if len(before) >= k:
                        nxt.add(before[:-k] + tuple(segment))  # corrected the last group(s)
        variants = set(list(nxt)[:_MAX_READINGS])
    return {"".join(v) for v in variants}


def digit_readings(text: str) -> set[str]:
    """Every digit string ``text`` can mean (soft words either way, corrections every way)."""
    out: set[str] = set()
    for groups in readings(parse_items(text)):
        out |= _apply_corrections(groups)
    out.discard("")
    return out


def one_digit_repairs(digits: str, today: date | None = None) -> set[str]:
    """Plausible PESELs one edit away: a digit misheard (11), dropped (10) or added (12)."""
    out: set[str] = set()
    n = len(digits)
    if n == 11:
        for i in range(11):
            for d in "0123456789":
                if d != digits[i]:
                    out.add(digits[:i] + d + digits[i + 1:])
    elif n == 10:
        for i in range(11):
            for d in "0123456789":
                out.add(digits[:i] + d + digits[i:])
    elif n == 12:
        for i in range(12):
            out.add(digits[:i] + digits[i + 1:])
    return {c for c in out if is_plausible(c, today)}


@dataclass(frozen=True)
class PeselReading:
    """The outcome of one spoken attempt: a PESEL, or why not (no repr of digits anywhere)."""

    pesel: Pesel | None
    reason: str  # exact | voted | repaired | ambiguous | none
    digits_heard: int = 0


def _unique_best(support: Counter[str], preferred: set[str]) -> str | None:
    if not support:
        return None
    top = max(support.values())
    best = [c for c, n in support.items() if n == top]
    if len(best) > 1:
        best = [c for c in best if c in preferred]
    return best[0] if len(best) == 1 else None


def recover_pesel(text: str, alternatives: tuple[str, ...] = (), today: date | None = None) -> PeselReading:
    sources = [text, *[a for a in alternatives if a and a != text]]
    per_source = [digit_readings(s) for s in sources]
    heard = max((len(d) for d in per_source[0]), default=0)

    exact = [{d for d in ds if is_plausible(d, today)} for ds in per_source]
    support = Counter(c for cs in exact for c in cs)
    if support:
        best = _unique_best(support, exact[0])
        if best is None:
            return PeselReading(None, "ambiguous", heard)
        return PeselReading(Pesel(best), "exact" if best in exact[0] else "voted", heard)

    repairs = [set().union(*(one_digit_repairs(d, today) for d in ds)) if ds else set() for ds in per_source]
    support = Counter(c for cs in repairs for c in cs)
    if not support:
        return PeselReading(None, "none", heard)
    best = _unique_best(support, repairs[0])
    if best is None or (support[best] == 1 and len(support) > 1):
        return PeselReading(None, "ambiguous", heard)
    return PeselReading(Pesel(best), "repaired", heard)


def from_keys(digits: str, today: date | None = None) -> Pesel | None:
    """A PESEL typed on the keypad is taken exactly as typed, or not at all."""
    return Pesel(digits) if is_plausible(digits, today) else None
