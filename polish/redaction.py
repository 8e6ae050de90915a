"""Removing secrets from a transcript: no telePIN, no key digits, and (for anyone but the agent) no PESEL.

Key presses never reach a transcript as digits (the dialogue records only their count), but a caller
may still *say* or type digits. So in the caller's turns every number of five or more digits is
hidden unless it is the verified PESEL; the PESEL is kept for the agent (``audience="agent"``) and
masked for everyone else (``audience="public"``, e.g. the caller's download). Five, because a
telePIN has six digits and a tax year only four.

What a number *is* decides, not how it was written: the words are read by the same numeral
parser the dialogue uses (``polish.numerals``, on diacritic-folded words), so "osiemdziesiąt pięć, zero
trzy, czternaście, sto dwadzieścia trzy…", "cztery osiem dwa dziewiec jeden trzy" and "4.8.2.9.1.3"
are all caught, and no second list of digit words exists here. An amount (a number followed by
its currency, "1847 zł", "trzysta złotych") is hidden at any size.
"""

from __future__ import annotations

import re
from typing import Iterable, Literal

from contracts.secrets import mask_pesel
from polish.numerals import FIX, Item, compose, parse_items

Audience = Literal["agent", "public"]

HIDDEN = "[cyfry ukryte]"
HIDDEN_AMOUNT = "[kwota ukryta]"
MIN_SENSITIVE_DIGITS = 5

# A word or a run of digits, in the text as written (spans are replaced in place).
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
# What may stand between two parts of one spoken or written number: spaces and punctuation
# ("4.8.2.9.1.3", "4-8-2", "82 01 01", "osiemdziesiąt pięć, zero trzy"), nothing with letters.
_GAP = re.compile(r"[^\w]*")
_NUMBER_KINDS = {"zero", "unit", "teen", "ten", "hundred", "thousand", "digits"}


def _item(token: str) -> Item | None:
    """The numeral item a token is (``polish.numerals``, on the folded word), or None."""
    found = parse_items(token)
    if len(found) != 1 or found[0].kind not in _NUMBER_KINDS | {"soft"}:
        return None
    return found[0]


def _number_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) of every number the text says or writes, whatever the spelling:
    digit by digit, in pairs or hundreds, with or without diacritics, with separators."""
    tokens = [(m.start(), m.end(), _item(m.group(0))) for m in _TOKEN.finditer(text)]
    runs: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        if tokens[i][2] is None or tokens[i][2].kind == "soft":
            i += 1
            continue
        items: list[Item] = [tokens[i][2]]
        start, end = tokens[i][0], tokens[i][1]
        j = i + 1
        while j < len(tokens):
            gap = text[end:tokens[j][0]]
            item = tokens[j][2]
            if item is None or not _GAP.fullmatch(gap):
                break
            if item.kind == "soft":  # "ma", "czy": a digit only between two number words
                following = tokens[j + 1][2] if j + 1 < len(tokens) else None
                if following is None or following.kind == "soft" or not _GAP.fullmatch(
                        text[tokens[j][1]:tokens[j + 1][0]]):
                    break
                item = Item("unit", item.value)
            if any(mark in gap for mark in ",;:"):
                items.append(Item("sep"))  # a spoken group ends at a comma, as in parse_items
            items.append(item)
            end = tokens[j][1]
            j += 1
        digits = "".join(group for group in compose(items) if group != FIX)
        runs.append((start, end, digits))
        i = j
    return runs


# A hesitation between two parts of one number ("cztery osiem dwa, eee, dziewięć jeden trzy"): up
# to two short words. Parts that are each a whole number of five or more digits are not joined.
_FILLER = re.compile(r"[^\w]*(?:[^\W\d_]{1,4}[^\w]+){0,1}[^\W\d_]{1,4}[^\w]*")


# An amount is a caller's secret at any size: a number followed by its currency.
_CURRENCY = re.compile(r"[^\w]*(?:zł|zl|złot|zlot|gr\b|grosz|pln\b)", re.IGNORECASE)


def _joined(runs: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    joined: list[tuple[int, int, str]] = []
    for run in runs:
        if joined:
            start, end, digits = joined[-1]
            short = len(digits) < MIN_SENSITIVE_DIGITS and len(run[2]) < MIN_SENSITIVE_DIGITS
            if short and _FILLER.fullmatch(text[end:run[0]]):
                joined[-1] = (start, run[1], digits + run[2])
                continue
        joined.append(run)
    return joined


def sensitive_numbers(text: str, *, spoken: bool = True) -> list[tuple[int, int, str, bool]]:
    """``(start, end, digits, is_amount)`` of every number in ``text`` that must not be shown: five
    or more digits however written, or any amount (a number followed by its currency). ``spoken``:
    a person's words, in which a short hesitation may split one number (not so in a log line)."""
    found = []
    runs = _number_runs(text)
    for start, end, digits in _joined(runs, text) if spoken else runs:
        amount = _CURRENCY.match(text, end) is not None
        if len(digits) >= MIN_SENSITIVE_DIGITS or amount:
            found.append((start, end, digits, amount))
    return found


def redact_caller_text(text: str, known_pesels: Iterable[str] = (), audience: Audience = "agent") -> str:
    """Every number of five or more digits the caller said or typed is hidden, however it was
    written, and so is every amount; the verified PESEL stays for the agent and is masked for
    everyone else."""
    pesels = {p for p in known_pesels if p}
    out: list[str] = []
    position = 0
    for start, end, digits, amount in sensitive_numbers(text):
        if digits in pesels:
            shown = text[start:end] if audience == "agent" else f"[PESEL {mask_pesel(digits)}]"
        else:
            shown = HIDDEN_AMOUNT if amount else HIDDEN
        out.append(text[position:start])
        out.append(shown)
        position = end
    out.append(text[position:])
    return "".join(out)


_ELEVEN_DIGITS = re.compile(r"(?<!\d)\d{11}(?!\d)")


def says_a_number(text: str) -> bool:
    """Any number at all, however short or written ("pięćdziesiąt", "4", "zero trzy")."""
    return any(digits for _, _, digits in _number_runs(text))


def redact_number_answer(text: str) -> str:
    """A caller's answer to "your PESEL, please": hidden whole if it says any number. The recogniser
    may break a read number into pieces around a garbled word ("pięćdziesiąt osiemdzierodła, zero
    trzy…"); pieces under five digits, and the garbled word itself, would each give digits away."""
    return HIDDEN if says_a_number(text) else text


def redact_bot_text(text: str, known_pesels: Iterable[str] = (), audience: Audience = "agent") -> str:
    """The bot's words keep amounts (the agent and the caller are entitled to them); PESELs are masked
    for the public audience."""
    if audience == "agent":
        return text
    for pesel in known_pesels:
        if pesel:
            text = text.replace(pesel, mask_pesel(pesel))
    return _ELEVEN_DIGITS.sub(lambda m: mask_pesel(m.group(0)), text)


def redact_turn(turn: dict, known_pesels: Iterable[str] = (), audience: Audience = "agent") -> dict:
    """One transcript entry → ``{"role", "text", "t"?}`` with no secret left in it."""
    role = str(turn.get("role") or "caller")
    out: dict = {"role": role}
    if "t" in turn:
        out["t"] = turn["t"]
    if "keys" in turn and not turn.get("text"):  # a keypad entry: only its length is recorded
        count = turn["keys"] if isinstance(turn["keys"], int) else len(str(turn["keys"]))
        out["text"] = f"[wprowadzono na klawiaturze {count} cyfr]"
        return out
    text = str(turn.get("text") or "")
    if role == "caller":
        out["text"] = redact_caller_text(text, known_pesels, audience)
    else:
        out["text"] = redact_bot_text(text, known_pesels, audience)
    return out


def redact_transcript(turns: Iterable[dict], known_pesels: Iterable[str] = (), audience: Audience = "agent") -> list[dict]:
    pesels = tuple(known_pesels)
    return [redact_turn(turn, pesels, audience) for turn in turns if isinstance(turn, dict)]
