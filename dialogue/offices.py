"""Which tax office a caller means: "urząd w Piasecznie", "pierwszy urząd skarbowy w Gdańsku",
"Warszawa Mokotów", "mój urząd". Pure: the office list comes in, a ranked answer goes out.

Place names are matched word by word on folded text (no diacritics, as the recogniser drops them
at random) with their Polish case endings tolerated: two words match when they share a long enough
beginning ("piaseczno" ~ "piasecznie", "gdansk" ~ "gdansku", "lodz" ~ "lodzi"), or, for a
recogniser's slip, when they are nearly the same (rapidfuzz ratio). A spoken ordinal ("pierwszy",
"drugiego", "II") picks among offices of one place. Offices tied on the best match come back
together as ``ambiguous``, so the dialogue can ask which one; passing those candidates back with the
caller's answer ("drugi", "Mokotów") narrows them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from polish.text import fold, words

# Words every office name has, and words around a place name in a request: they tell offices apart
# by nothing.
_GENERIC = frozenset({
    "urzad", "urzedu", "urzedzie", "urzedem", "skarbowy", "skarbowego", "skarbowym", "skarbowe", "us", "w", "we",
    "do", "na", "z", "ze", "i", "o", "od", "przy", "ten", "tym", "chce", "chcialbym", "chcialabym", "umowic",
    "wizyte", "wizyta", "wizyty", "prosze", "sie", "mnie", "mi", "jest", "to", "tak", "dzien", "dobry",
})
_ORDINALS = {  # folded stems of "pierwszy, pierwszego, pierwszym, …" and roman numerals
    "pierwsz": 1, "drug": 2, "trzec": 3, "czwart": 4, "piat": 5,
}
# Roman numerals ("Warszawa-Śródmieście II") and the numbers people use for them ("Śródmieście dwa").
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "jeden": 1, "jedynka": 1, "dwa": 2, "dwojka": 2,
          "trzy": 3, "trojka": 3}
_OWN = frozenset({"moj", "mojego", "moim", "moja", "swoj", "swojego", "swoim", "wlasciwy", "wlasciwego",
                  "wlasciwym", "macierzysty", "macierzystego"})

MIN_STEM = 4
FUZZY_MIN = 80  # rapidfuzz ratio for a recogniser's slip in a place name
MAX_CANDIDATES = 5


@dataclass(frozen=True)
class OfficeRef:
    """What the search needs of an office (the booking contract's ``Office`` has it all)."""

    id: str
    name: str
    city: str
    aliases: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: dict) -> OfficeRef:
        return cls(id=str(data["id"]), name=str(data["name"]), city=str(data.get("city", "")),
                   aliases=tuple(data.get("aliases") or ()))


SearchStatus = Literal["found", "ambiguous", "not_found", "own_office", "own_office_unknown"]


@dataclass(frozen=True)
class OfficeSearch:
    status: SearchStatus
    candidates: tuple[OfficeRef, ...] = ()  # best first; one for found / own_office

    @property
    def office(self) -> OfficeRef | None:
        return self.candidates[0] if self.status in ("found", "own_office") else None


def words_match(said: str, known: str) -> float:
    """How well a folded word the caller said matches a folded word of a name (0–1)."""
    if said == known:
        return 1.0
    common = 0
    for a, b in zip(said, known):
        if a != b:
            break
        common += 1
    if common >= max(MIN_STEM, min(len(said), len(known)) - 2):
        return 1.0  # the same word in another case: "gdansk"/"gdansku", "piaseczno"/"piasecznie"
    if min(len(said), len(known)) >= MIN_STEM:
        ratio = fuzz.ratio(said, known)
        if ratio >= FUZZY_MIN:
            return ratio / 100
    return 0.0


def _ordinal(word: str) -> int | None:
    if word in _ROMAN:
        return _ROMAN[word]
    if word.isdigit() and len(word) == 1:
        return int(word)
    return next((n for stem, n in _ORDINALS.items() if word.startswith(stem)), None)


def _place_words(names: Iterable[str]) -> list[list[str]]:
    """The distinctive words of a name ("Pierwszy Urząd Skarbowy Warszawa-Śródmieście" → warszawa,
    srodmiescie), the forms of one word together ("gdansku" with "gdansk", from the name and the city)."""
    found: list[list[str]] = []
    for name in names:
        for word in words(name.replace("-", " ")):
            if word in _GENERIC or _ordinal(word) is not None or len(word) < 3:
                continue
            group = next((g for g in found if any(words_match(word, form) == 1.0 for form in g)), None)
            if group is None:
                found.append([word])
            elif word not in group:
                group.append(word)
    return found


def _office_ordinal(office: OfficeRef) -> int | None:
    for name in (office.name, *office.aliases):
        tokens = words(name.replace("-", " "))
        for word in tokens[:1] + tokens[-1:]:  # "Pierwszy Urząd …" or "… Śródmieście I"
            if (n := _ordinal(word)) is not None:
                return n
    return None


def asks_for_own_office(text: str) -> bool:
    """"mój urząd", "do mojego urzędu skarbowego", "swój urząd": the caller's own (registration) office."""
    return any(word in _OWN for word in words(text))


def _score(said: list[str], office: OfficeRef) -> tuple[int, float]:
    """(place words matched, share of the office's place words matched), best over its names."""
    best = (0, 0.0)
    for names in ((office.name, office.city), *((alias, office.city) for alias in office.aliases)):
        place = _place_words(names)
        if not place:
            continue
        hits = [max((words_match(s, form) for s in said for form in forms), default=0.0) for forms in place]
        matched = sum(1 for h in hits if h > 0)
        best = max(best, (matched, sum(hits) / len(place)))
    return best


def find_offices(text: str, offices: Sequence[OfficeRef], own_office: OfficeRef | None = None) -> OfficeSearch:
    """The office(s) ``text`` names among ``offices``; ``own_office`` answers "mój urząd"."""
    if asks_for_own_office(text):
        return OfficeSearch("own_office", (own_office,)) if own_office else OfficeSearch("own_office_unknown")
    said = [w for w in words(fold(text).replace("-", " ")) if w not in _GENERIC]
    ordinal = next((n for w in said if (n := _ordinal(w)) is not None), None)
    said = [w for w in said if _ordinal(w) is None and len(w) >= 3]
    scored = [(_score(said, office), office) for office in offices]
    top = max((score for score, _ in scored), default=(0, 0.0))
    if top[0] == 0:
        # No place named: an ordinal alone still chooses among the offices given ("drugi").
        chosen = [office for office in offices if ordinal is not None and _office_ordinal(office) == ordinal]
        return OfficeSearch("found", tuple(chosen)) if len(chosen) == 1 else OfficeSearch("not_found")
    best = [office for score, office in scored if score == top]
    if ordinal is not None and (same := [o for o in best if _office_ordinal(o) == ordinal]):
        best = same
    if len(best) == 1:
        return OfficeSearch("found", (best[0],))
    return OfficeSearch("ambiguous", tuple(best[:MAX_CANDIDATES]))


def own_office(tax_office: str | None, offices: Sequence[OfficeRef]) -> OfficeRef | None:
    """The office named in the caller's registration data (360: ``tax_office``), by its exact name
    first, else by the same search a spoken name gets, if that finds exactly one."""
    if not tax_office:
        return None
    exact = [o for o in offices if fold(o.name) == fold(tax_office) or fold(tax_office) in map(fold, o.aliases)]
    if len(exact) == 1:
        return exact[0]
    found = find_offices(tax_office, offices)
    return found.office if found.status == "found" else None
