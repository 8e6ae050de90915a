"""A 1–5 rating from what the caller said: a number ("pięć", "na czwórkę", "5") or a judgement
("bardzo dobrze", "średnio", "fatalnie"). Closed-set keyword rules, like ``keyword_nlu``'s yes/no:
a classifier is neither needed nor wanted for five answers.

Keywords are folded (no diacritics); a trailing ``*`` marks a stem. Longer phrases are tried first,
so "bardzo dobrze" is a 5 and not the 4 of "dobrze", and "nie najgorzej" is not the 1 of "najgorzej".
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from contracts.survey import RATINGS
from polish.numerals import UNITS, numbers_in, parse_items
from polish.text import fold, has_phrase, words

# (phrases, rating), longest and most specific first.
JUDGEMENTS: tuple[tuple[tuple[str, ...], int], ...] = (
    # Negated judgements first: "nie najgorzej" is not the 1 of "najgorzej".
    (("nie najgorzej", "nie najgorsz*", "nie tak zle"), 3),
    (("nie najlepiej", "nie najlepsz*", "niezbyt dobrze", "nie za dobrze", "nie bardzo"), 2),
    (("bardzo dobr*", "znakomic*", "doskonal*", "swietn*", "rewelac*", "wspanial*", "idealn*", "super",
      "celujac*", "na medal", "bez zarzutu", "najlepiej"), 5),
    (("bardzo zl*", "bardzo slab*", "fataln*", "tragiczn*", "beznadziej*", "okropn*", "koszmar*", "najgorzej",
      "do niczego", "skandal*"), 1),
    (("srednio", "sredn*", "tak sobie", "przecietn*", "ani dobrze ani zle", "jako tako", "znosn*",
      "mogloby byc lepiej", "moglo byc lepiej"), 3),
    (("raczej zle", "raczej slabo", "kiepsk*", "slabo", "slab*", "zle", "niedobrze", "marnie"), 2),
    (("dobrze", "dobr*", "niezle", "niezl*", "w porzadku", "ok", "okej", "zadowolon*"), 4),
)


def rating_from_words(text: str) -> int | None:
    """The rating the caller gave, or None when the words name none (or several numbers)."""
    numbers = [n for n in numbers_in(text) if n in RATINGS]
    if len(set(numbers)) == 1 and len(numbers_in(text)) == 1:
        return numbers[0]
    if numbers:
        return None  # "trzy albo cztery": not one rating
    for phrases, rating in JUDGEMENTS:
        if has_phrase(text, phrases):
            return rating
    return _near_number(text) or _near_judgement(text)


# A one-word judgement or number the recogniser misspelt ("średno", "pięcie"): close enough to one word.
_NEAR_JUDGEMENT = 80.0
# The one-word answers a misspelling is compared with, built once: judgement words of five letters or
# more, and the number words of the scale.
_SINGLE_WORDS: dict[str, int] = {
    **{phrase.rstrip("*"): rating for phrases, rating in JUDGEMENTS for phrase in phrases
       if " " not in phrase and len(phrase.rstrip("*")) >= 5},
    **{word: value for word, value in UNITS.items() if value in RATINGS},
}


def _near_judgement(text: str) -> int | None:
    said = [fold(w) for w in words(text)]
    if len(said) != 1:
        return None
    found = process.extractOne(said[0], _SINGLE_WORDS.keys(), scorer=fuzz.ratio, score_cutoff=_NEAR_JUDGEMENT)
    return _SINGLE_WORDS[found[0]] if found else None


def _near_number(text: str) -> int | None:
    """A short answer that is one misheard number word ("pięci" for "pięć"): the recogniser's
    near miss, taken only when the one close number word is on the scale."""
    if len(words(text)) > 2:
        return None
    found = [item for item in parse_items(text, fuzzy=True) if item.kind != "sep"]
    if len(found) != 1:
        return None
    item = found[0]
    options = [o for o in item.options if o is not None] if item.kind == "choice" else [item]
    values = {o.value for o in options if o.kind == "unit"}
    if len(options) == 1 and len(values) == 1 and next(iter(values)) in RATINGS:
        return next(iter(values))
    return None


def rating_from_key(key: str) -> int | None:
    """A key 1–5 is a rating; any other key is not."""
    return int(key) if key.isdigit() and int(key) in RATINGS else None
