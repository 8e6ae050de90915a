"""Removing secrets from a transcript: no telePIN, no key digits, and (for anyone but the agent) no PESEL.

Key presses never reach a transcript as digits (the dialogue records only their count), but a caller
may still *say* digits. So in the caller's turns every run of five or more digits, written or spoken
("osiem dwa zero …"), is hidden unless it is the verified PESEL; the PESEL is kept for the agent
(``audience="agent"``) and masked for everyone else (``audience="public"``, e.g. the caller's
download). Five, because a telePIN has six digits and a tax year only four.
"""

from __future__ import annotations

import re
from typing import Iterable, Literal

from dialogue.secrets import mask_pesel

Audience = Literal["agent", "public"]

HIDDEN = "[cyfry ukryte]"
MIN_SENSITIVE_DIGITS = 5

_DIGIT_WORDS = {
    "zero": "0", "jeden": "1", "jedynka": "1", "jedna": "1", "dwa": "2", "dwójka": "2", "trzy": "3",
    "trójka": "3", "cztery": "4", "czwórka": "4", "pięć": "5", "piątka": "5", "sześć": "6", "szóstka": "6",
    "siedem": "7", "siódemka": "7", "osiem": "8", "ósemka": "8", "dziewięć": "9", "dziewiątka": "9",
}
_WORD = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
# A run of digits and/or Polish digit words, separated by spaces, dashes or commas.
_RUN = re.compile(rf"(?<!\w)(?:\d|{_WORD})(?:[\s,\-]*(?:\d|{_WORD}))*(?!\w)", re.IGNORECASE)


def _digits_of(run: str) -> str:
    out = []
    for token in re.findall(rf"\d|{_WORD}", run, flags=re.IGNORECASE):
        out.append(token if token.isdigit() else _DIGIT_WORDS[token.lower()])
    return "".join(out)


def redact_caller_text(text: str, known_pesels: Iterable[str] = (), audience: Audience = "agent") -> str:
    pesels = {p for p in known_pesels if p}

    def replace(match: re.Match) -> str:
        digits = _digits_of(match.group(0))
        if len(digits) < MIN_SENSITIVE_DIGITS:
            return match.group(0)
        if digits in pesels:
            return match.group(0) if audience == "agent" else f"[PESEL {mask_pesel(digits)}]"
        return HIDDEN

    return _RUN.sub(replace, text)


_ELEVEN_DIGITS = re.compile(r"(?<!\d)\d{11}(?!\d)")


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
