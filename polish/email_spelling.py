"""An e-mail address from what a caller says or types, and the address said back for the ear.

Said: "jan kropka kowalski małpa poczta kropka pe el" — whole words are taken as written (folded: an
address has no Polish letters), Polish letter names become their letter ("ka" → k, "igrek" → y,
"wu" → w), digit words their digit, and the separators are named ("małpa" @, "kropka" ., "myślnik"
-, "podkreślnik" _). Typed (the chat): the address as it stands in the text. Either way the result
must look like an address (one @, a dotted domain), else there is none.
"""

from __future__ import annotations

import re

from polish.spoken import DIGIT_WORDS
from polish.text import fold

# The address as typed, anywhere in a message ("mój adres to jan@example.pl").
_TYPED = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
VALID = re.compile(r"^[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,}$")

SEPARATORS = {
    "malpa": "@", "malpka": "@", "at": "@",
    "kropka": ".", "kropeczka": ".", "dot": ".",
    "myslnik": "-", "minus": "-", "kreska": "-", "lacznik": "-",
    "podkreslnik": "_", "podkreslenie": "_", "podloga": "_", "podloga": "_",
}
# Polish letter names (folded) → the letter; "ku", "fał", "iks" for the foreign ones.
LETTER_NAMES = {
    "a": "a", "be": "b", "ce": "c", "de": "d", "e": "e", "ef": "f", "gie": "g", "ge": "g", "ha": "h",
    "i": "i", "jot": "j", "ka": "k", "el": "l", "em": "m", "en": "n", "o": "o", "pe": "p", "ku": "q",
    "er": "r", "es": "s", "te": "t", "u": "u", "fau": "v", "fal": "v", "wu": "w", "iks": "x", "igrek": "y",
    "zet": "z",
}
# Said in front of a name to say it is spelled together; dropped.
_FILLERS = frozenset({"moj", "adres", "to", "e", "mail", "email", "mejl", "mailowy", "jest", "prosze", "brzmi",
                      "razem", "pisane", "literuje", "literami", "litera", "duze", "male"})
_DIGITS = {fold(word): str(d) for d, word in enumerate(DIGIT_WORDS)}
_SPOKEN_SEPARATOR = {"@": "małpa", ".": "kropka", "-": "myślnik", "_": "podkreślnik"}
_SAY_LETTER = {"q": "ku", "v": "fał", "x": "iks", "y": "igrek"}


def typed_email(text: str) -> str | None:
    """The address typed in ``text``, lower-cased, or None."""
    match = _TYPED.search(text)
    if match is None:
        return None
    address = match.group(0).lower().strip(".")
    return address if VALID.match(address) else None


def _unglue(tokens: list[str]) -> list[str]:
    """A recogniser glues a separator to the next word ("kropkacom", "malpawp"): split it off."""
    out: list[str] = []
    for token in tokens:
        glued = next((sep for sep in ("kropka", "malpa") if token.startswith(sep) and len(token) > len(sep) + 1), None)
        out += [glued, token[len(glued):]] if glued else [token]
    return out


def spoken_email(text: str) -> str | None:
    """The address spelled in ``text`` (recognised speech), or None when it does not make one."""
    typed = typed_email(text)
    if typed:
        return typed
    # Punctuation in recognised speech is the recogniser's, not the caller's: only words count.
    tokens = _unglue(re.findall(r"[a-z0-9]+", fold(text).replace("e-mail", "email")))
    parts: list[str] = []
    started = False
    for token in tokens:
        if token in SEPARATORS:
            parts.append(SEPARATORS[token])
            started = True
        elif token in _DIGITS:
            parts.append(_DIGITS[token])
            started = True
        elif not started and token in _FILLERS:
            continue  # "mój adres to …"
        elif token in LETTER_NAMES and len(token) > 1 or token in ("a", "e", "i", "o", "u"):
            parts.append(LETTER_NAMES[token])
            started = True
        else:
            parts.append(token)
            started = True
    address = "".join(parts).strip(".")
    return address if VALID.match(address) else None


# Domains an address plainly ends in: a caller who has said "kropka pe el" is done, one who paused
# after "poczta kropka onet" (of poczta.onet.pl) is not, though that already looks like an address.
COMMON_ENDINGS = frozenset({"pl", "com", "eu", "net", "org", "info", "biz", "edu", "gov", "io", "de", "uk"})


def spelled_to_the_end(text: str) -> bool:
    """The address spelled in ``text`` is whole: it ends in a common top-level domain."""
    address = spoken_email(text)
    return address is not None and address.rsplit(".", 1)[-1] in COMMON_ENDINGS


def email_spoken(address: str) -> str:
    """"jan.kowalski@poczta.pl" → "jan kropka kowalski małpa poczta kropka pe el": words of three letters
    or more as words, shorter runs letter by letter, digits one by one."""
    said: list[str] = []
    for chunk in re.findall(r"[a-z]+|\d|[@._-]", address.lower()):
        if chunk in _SPOKEN_SEPARATOR:
            said.append(_SPOKEN_SEPARATOR[chunk])
        elif chunk.isdigit():
            said.append(DIGIT_WORDS[int(chunk)])
        elif len(chunk) >= 3 and re.search(r"[aeiou]", chunk):
            said.append(chunk)
        else:
            said.extend(_SAY_LETTER.get(ch) or _letter_name(ch) for ch in chunk)
    return " ".join(said)


def _letter_name(letter: str) -> str:
    return next(name for name, value in LETTER_NAMES.items() if value == letter and name not in ("ge", "fau"))
