"""How callers read an identification number aloud: digit by digit, in pairs, in triples, or mixed
(the birth date in pairs, then the rest), for synthetic callers. The words come from
``polish.spoken`` (one owner of how a digit group is said)."""

from __future__ import annotations

import random

from polish.spoken import digits_words, group_words

STYLES = ("digits", "pairs", "triples", "mixed")


def _split(digits: str, sizes: tuple[int, ...]) -> list[str]:
    out, start = [], 0
    for size in sizes:
        if start < len(digits):
            out.append(digits[start:start + size])
        start += size
    if start < len(digits):
        out.append(digits[start:])
    return out


def spoken(digits: str, style: str, rng: random.Random | None = None) -> str:
    """``digits`` as a caller says them in ``style``; ``rng`` varies the groupings within a style."""
    rng = rng or random.Random(0)
    if style == "digits":
        sizes = rng.choice([(len(digits),), (3, 3, 3, 2), (2, 2, 2, 5), (4, 4, 3)])
        return ", ".join(digits_words(g) for g in _split(digits, sizes))
    if style == "pairs":
        return ", ".join(group_words(g) for g in _split(digits, (2,) * 6))
    if style == "triples":
        return ", ".join(group_words(g) for g in _split(digits, (3, 3, 3, 2)))
    if style == "mixed":
        head = ", ".join(group_words(g) for g in _split(digits[:6], (2, 2, 2)))
        rest = digits[6:]
        tail = rng.choice([digits_words(rest), ", ".join(group_words(g) for g in _split(rest, (3, 2))),
                           ", ".join(group_words(g) for g in _split(rest, (2, 2, 1)))])
        return f"{head}, {tail}"
    raise ValueError(f"unknown style {style!r}; expected one of {STYLES}")


def number_values(name: str, digits: str, rng: random.Random | None = None) -> dict[str, str]:
    """Template values for a number: ``{name}`` as digits, ``{name}_words`` digit by digit and
    ``{name}_<style>`` in each style."""
    values = {name: digits, f"{name}_words": digits_words(digits)}
    for style in STYLES:
        values[f"{name}_{style}"] = spoken(digits, style, rng)
    return values
