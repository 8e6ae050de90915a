"""Booking a visit at a tax office (Umów wizytę): how the caller asks for it, which matter they mean,
and how a visit is said. A service with its own conversation: ``dialogue/states/booking.py``.

No authentication is needed (as on the KAS site); a verified caller gets "mój urząd", the name and
the e-mail from the registration data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from dialogue.booking_types import MatterInfo
from dialogue.offices import words_match
from polish.text import has_phrase, words
from polish.visits import code_spoken, slot_spoken, slot_written

# "umówić wizytę", "zarezerwować termin w urzędzie", "chcę przyjść do urzędu".
_ASKS = ("umow* wizyt*", "umowic sie", "umowienie wizyt*", "umowic termin", "zarezerwowac*", "rezerwacj*",
         "zapisac sie do urzedu", "zapisac sie na wizyt*", "wizyt* w urzedzie", "wizyt* w us", "przyjsc do urzedu",
         "termin wizyty", "wizyte w urzedzie", "umow wizyt*", "umowic wizyt*")

# Words of a matter's name that tell nothing about it.
_MATTER_GENERIC = frozenset({
    "sprawa", "sprawie", "sprawy", "sprawe", "chce", "chcialbym", "chcialabym", "przyjsc", "wizyta", "wizyte",
    "urzad", "urzedzie", "prosze", "dotyczy", "chodzi", "mnie", "moje", "moja", "moj", "jest", "oraz", "danych",
    "podatkowe", "podatku", "podatek", "podatkach", "np",
})


_CANCELS = ("odwol*", "anul*", "rezygnuj*", "zrezygnowac*", "odwolac*", "odwolanie*")


def recognise(text: str) -> bool:
    return has_phrase(text, _ASKS) and not recognise_cancel(text)


def recognise_cancel(text: str) -> bool:
    """"chcę odwołać wizytę", "anuluj rezerwację KTR-482"."""
    return has_phrase(text, _CANCELS) and has_phrase(text, ("wizyt*", "rezerwacj*", "termin*", "kod*"))


def _matter_words(name: str) -> list[str]:
    return [w for w in words(name.split("(")[0] + " " + name) if len(w) >= 3 and w not in _MATTER_GENERIC]


def find_matters(text: str, matters: Sequence[MatterInfo]) -> list[MatterInfo]:
    """The matters ``text`` names, best first; several when tied (then the caller is asked which)."""
    said = [w for w in words(text) if len(w) >= 3 and w not in _MATTER_GENERIC]
    scored = []
    for matter in matters:
        known = _matter_words(matter.name)
        hits = sum(1 for w in said if any(words_match(w, k) == 1.0 for k in known))
        if hits:
            scored.append((hits, matter))
    if not scored:
        return []
    top = max(hits for hits, _ in scored)
    return [matter for hits, matter in scored if hits == top]


def matter_spoken(matter: MatterInfo) -> str:
    """A matter's name without its examples in brackets, first letter small (it stands mid-sentence)."""
    name = matter.name.split("(")[0].strip().rstrip(":,")
    return name[:1].lower() + name[1:] if not name[:2].isupper() else name


_ABBREVIATIONS = (("ul. ", "ulica "), ("al. ", "aleja "), ("pl. ", "plac "), ("os. ", "osiedle "))


def street_text(channel: str, street: str) -> str:
    """"ul. Lindleya 14" is read "ulica Lindleya 14" (a synthesiser says "ul"); "2/4" "2 łamane przez 4"."""
    if channel == "text":
        return street
    for short, full in _ABBREVIATIONS:
        if street.startswith(short):
            street = full + street[len(short):]
    return street.replace("/", " łamane przez ")


def matter_short(matter: MatterInfo) -> str:
    """The head of a matter's name for a list read out: "Nadpłaty, zwroty i przeksięgowania" →
    "nadpłaty", "Ulgi w spłacie: raty, …" → "ulgi w spłacie" (the whole list stays short to hear)."""
    head = re.split(r"[,:(]| i ", matter_spoken(matter), maxsplit=1)[0].strip()
    return head or matter_spoken(matter)


def slot_text(channel: str, start: datetime) -> str:
    """The slot for the ear, or written in the chat."""
    return slot_written(start) if channel == "text" else slot_spoken(start)


def code_text(channel: str, code: str) -> str:
    return code if channel == "text" else code_spoken(code)


def later_requested(text: str) -> bool:
    """"a coś później?", "inny termin", "następny": the caller wants another, later slot."""
    return has_phrase(text, ("pozniej*", "inny termin", "innego terminu", "inny", "inna", "nastepn*", "kolejn*",
                             "dalej", "odpowiada mi inny", "nie pasuje", "nie moge"))


def afternoon_requested(text: str) -> bool:
    return has_phrase(text, ("po poludniu", "popoludni*", "po poludniowy", "po dwunastej"))
