"""How a visit's time and code are said and written in Polish (the dialogue, the chat and the e-mail share it).

Spoken: "wtorek, ósmego grudnia, o dziesiątej trzydzieści" (hours as feminine ordinals in the
locative, as Poles tell the time). Written (the e-mail, the chat): "wtorek, 8 grudnia 2026 r.,
godz. 10:30". The booking code letter by letter with Polish letter names: "ka, te, er, cztery osiem dwa".
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from num2words import num2words

from polish.spoken import DIGIT_WORDS, MONTHS_GENITIVE, digits_words, ordinal_genitive
from polish.text import fold, tokens

OFFICE_ZONE = ZoneInfo("Europe/Warsaw")

WEEKDAYS = ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")
# "o … (godzinie)": feminine locative ordinals, 0–23.
_HOURS_LOCATIVE = (
    "zero", "pierwszej", "drugiej", "trzeciej", "czwartej", "piątej", "szóstej", "siódmej", "ósmej", "dziewiątej",
    "dziesiątej", "jedenastej", "dwunastej", "trzynastej", "czternastej", "piętnastej", "szesnastej",
    "siedemnastej", "osiemnastej", "dziewiętnastej", "dwudziestej", "dwudziestej pierwszej",
    "dwudziestej drugiej", "dwudziestej trzeciej",
)
LETTER_NAMES = {
    "A": "a", "B": "be", "C": "ce", "D": "de", "E": "e", "F": "ef", "G": "gie", "H": "ha", "I": "i", "J": "jot",
    "K": "ka", "L": "el", "M": "em", "N": "en", "O": "o", "P": "pe", "R": "er", "S": "es", "T": "te", "U": "u",
    "W": "wu", "Y": "igrek", "Z": "zet",
}


def _local(moment: datetime) -> datetime:
    return moment.astimezone(OFFICE_ZONE) if moment.tzinfo else moment


def time_spoken(moment: datetime) -> str:
    """10:30 → "o dziesiątej trzydzieści", 9:00 → "o dziewiątej", 8:05 → "o ósmej zero pięć"."""
    local = _local(moment)
    hour = f"o {_HOURS_LOCATIVE[local.hour]}"
    if local.minute == 0:
        return hour
    if local.minute < 10:
        return f"{hour} zero {num2words(local.minute, lang='pl')}"
    return f"{hour} {num2words(local.minute, lang='pl')}"


def slot_spoken(start: datetime) -> str:
    """"wtorek, ósmego grudnia, o dziesiątej trzydzieści" (the year is not said: visits are weeks ahead)."""
    local = _local(start)
    day = f"{ordinal_genitive(local.day)} {MONTHS_GENITIVE[local.month - 1]}"
    return f"{WEEKDAYS[local.weekday()]}, {day}, {time_spoken(local)}"


def slot_written(start: datetime) -> str:
    """"wtorek, 8 grudnia 2026 r., godz. 10:30"."""
    local = _local(start)
    return (f"{WEEKDAYS[local.weekday()]}, {local.day} {MONTHS_GENITIVE[local.month - 1]} {local.year} r., "
            f"godz. {local:%H:%M}")


def code_spoken(code: str) -> str:
    """"KTR-482" → "ka, te, er, cztery osiem dwa"."""
    letters = [LETTER_NAMES.get(ch, ch.lower()) for ch in code.upper() if ch.isalpha()]
    digits = "".join(ch for ch in code if ch.isdigit())
    return ", ".join([*letters, *([digits_words(digits)] if digits else [])])


_DIGIT_BY_WORD = {fold(word): str(d) for d, word in enumerate(DIGIT_WORDS)}
_TYPED_CODE = re.compile(r"\b([A-Za-z]{3})\s*-?\s*(\d{3})\b")
_LETTER_BY_NAME = {name: letter for letter, name in LETTER_NAMES.items()}
_LETTER_BY_NAME.update({"ge": "G", "jota": "J", "zeta": "Z"})


def code_from_text(text: str) -> str | None:
    """A booking code typed ("ktr-482", "KTR 482") or said with letter names and digits
    ("ka te er cztery osiem dwa"), as ``KTR-482``; None when the text holds no such code."""
    typed = _TYPED_CODE.search(text)
    if typed:
        return f"{typed.group(1).upper()}-{typed.group(2)}"
    letters, digits = "", ""
    for token in tokens(text):
        if token.isdigit():
            digits += token
        elif token in _DIGIT_BY_WORD and letters:
            digits += _DIGIT_BY_WORD[token]
        elif token.upper() in LETTER_NAMES and len(token) == 1 and not digits:
            letters += token.upper()
        elif token in _LETTER_BY_NAME and not digits:
            letters += _LETTER_BY_NAME[token]
    if len(letters) == 3 and len(digits) == 3:
        return f"{letters}-{digits}"
    return None
