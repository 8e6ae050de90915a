"""A deterministic keyword NLU: the fallback intent parser, and the engine's closed-set decisions.

``KeywordNlu`` satisfies ``IntentParser`` and is used when no trained model is present. The module
functions answer the small closed questions the engine asks on every turn (yes/no, "powtórz",
"nie rozumiem", goodbye, "a person please", own matter or a principal, which tax, which year, a
tier I question) — a classifier is not needed, and not wanted, for these.

All keywords are folded (no diacritics, see ``dialogue.text``); a trailing ``*`` marks a stem.
"""

from __future__ import annotations

from dialogue.nlu_types import NluResult
from polish.numerals import numbers_in
from polish.text import has_phrase, words

AGENT = ("konsultant*", "czlowiek*", "pracownik*", "operator*", "z osoba", "zywa osoba", "zywym*",
         "przelacz*", "polacz mnie", "polaczyc z", "doradc*", "agent*")
REFUND = ("zwrot*", "zwroc*", "oddadza", "oddac pieniadze")
PAYMENTS = ("wplat*", "wplacil*", "wplacon*", "zaplacil*", "zaplacon*", "przelew*", "zaksiegowa*",
            "doszla", "doszedl", "dotarla", "dotarl", "oplacil*", "platnosc*", "wplynel*", "wplynela")
BALANCE = ("saldo", "salda", "zaleg*", "dlug*", "winien", "winna", "winny", "do zaplaty", "stan konta",
           "zadluz*", "nadplat*", "ile musze", "ile mam zaplacic", "rozliczeni*", "naleznosc*")

TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "enforcement": ("egzekuc*", "komornik*", "upomnien*", "tytul wykonawczy", "tytulu wykonawczego",
                    "zajeci*", "rnp", "rejestr naleznosci*"),
    "eus": ("telepin*", "pin", "pinu", "e urzad*", "eurzad*", "logowani*", "zalogowac*", "haslo",
            "hasla", "profil zaufany", "e korespondencj*"),
    "pit": ("pit*", "dochodowy od osob fizycznych", "dochodowego od osob fizycznych", "osob fizycznych",
            "zeznanie roczne", "ulga*", "ulgi", "pity"),
    "vat": ("vat*", "wat", "watu", "towarow i uslug", "jpk", "fat"),
    "cit": ("cit*", "osob prawnych"),
    "pcc_sd": ("pcc", "pe ce ce", "czynnosci cywilnoprawnych", "spadk*", "darowizn*", "sd"),
    "excise_customs": ("akcyz*", "clo", "cla", "celn*", "import*", "akc"),
}

TAX_WORDS: dict[str, tuple[str, ...]] = {
    "PIT": TOPIC_WORDS["pit"],
    "VAT": TOPIC_WORDS["vat"],
    "CIT": TOPIC_WORDS["cit"],
    "SD": ("spadk*", "darowizn*", "sd", "es de"),
    "PCC": ("pcc", "pe ce ce", "czynnosci cywilnoprawnych"),
    "AKC": ("akcyz*", "akc"),
}

# Natural confirmations, as callers answer a read-back ("zgadza się", "dokładnie tak", "no jasne",
# "to ten", "w porządku"): Whisper decodes them freely, so the words are read, not restricted.
YES = ("tak", "zgadza*", "dobrze", "prawda", "potwierdzam", "jasne", "oczywiscie", "owszem", "poprawn*",
       "zgoda", "ok", "okej", "okay", "mhm", "aha", "yhm", "poprosze", "chce", "chetnie", "dokladnie", "tak jest",
       "wlasnie", "pewnie", "racja", "w porzadku", "to ten", "ten sam", "zgodnie", "prawidlow*", "zgadzam sie",
       "super", "swietnie", "idealnie", "jak najbardziej", "bardzo prosze")
NO = ("nie", "zle", "bledn*", "nieprawda", "niepoprawn*", "nieprawidlow*", "negatyw*", "pomylk*", "pomylil*",
      "inny numer", "to nie ten", "wcale")
REPEAT = ("powtor*", "jeszcze raz", "nie doslysz*", "nie uslysz*", "nie slysz*", "slucham", "co prosze",
          "prosze powtorzyc")
NOT_UNDERSTOOD = ("nie rozumiem", "nie zrozumial*", "nie wiem o co chodzi", "co to znaczy",
                  "o co chodzi", "nie kumam")
GOODBYE = ("do widzenia", "dowidzenia", "to wszystko", "nic wiecej", "koniec rozmowy", "zegnam",
           "na razie", "do uslyszenia", "dziekuje to wszystko", "juz nic", "rozlacz*")
OWN = ("wlasn*", "swojej", "swoja", "swoim", "swoich", "swoj", "moja", "mojej", "moim", "moich",
       "siebie", "mnie", "prywatn*", "osobiscie")

# Tier I questions answered without authentication (key → prompts.GENERAL_ANSWERS).
GENERAL_QUESTIONS: dict[str, tuple[str, ...]] = {
    "telepin": ("telepin*", "pin", "pinu", "kod do infolinii"),
    "hours": ("godzin*", "czynn*", "otwart*", "kiedy pracuj*", "do ktorej", "od ktorej"),
    "microaccount": ("mikrorachun*", "mikro rachun*", "numer konta", "numer rachunku", "rachunek podatkowy",
                     "na jakie konto", "na jaki rachunek", "gdzie zaplacic", "gdzie wplacic"),
    "visit": ("wizyt*", "umowic*", "umowienie"),
    "certificate": ("zaswiadczeni*", "niezalegani*"),
}


def detect_topic(text: str) -> str:
    for topic, phrases in TOPIC_WORDS.items():
        if has_phrase(text, phrases):
            return topic
    return "general"


def detect_tax(text: str) -> str | None:
    for tax, phrases in TAX_WORDS.items():
        if has_phrase(text, phrases):
            return tax
    return None


def detect_year(text: str) -> str | None:
    """A tax year said in ``text`` ("za 2025", "za dwa tysiące dwudziesty piąty rok") as "2025"."""
    for n in numbers_in(text):
        if 1990 <= n <= 2099:
            return str(n)
    return None


def yes_no(text: str) -> bool | None:
    """True / False for a clear answer, None when it is neither or both."""
    said_no = has_phrase(text, NO) and not has_phrase(text, ("nie ma problemu", "nie inaczej"))
    # "nie zgadza się", "nie dobrze": a yes-word after "nie" is part of the no.
    ws = words(text)
    unnegated = " ".join(w for i, w in enumerate(ws) if i == 0 or ws[i - 1] != "nie")
    said_yes = has_phrase(unnegated, YES)
    if said_no == said_yes:
        return None
    return said_yes


def wants_repeat(text: str) -> bool:
    return has_phrase(text, REPEAT)


def not_understood(text: str) -> bool:
    return has_phrase(text, NOT_UNDERSTOOD)


def says_goodbye(text: str) -> bool:
    return has_phrase(text, GOODBYE)


def wants_agent(text: str) -> bool:
    return has_phrase(text, AGENT)


def own_matter(text: str) -> bool:
    return has_phrase(text, OWN)


def general_question(text: str) -> str | None:
    for key, phrases in GENERAL_QUESTIONS.items():
        if has_phrase(text, phrases):
            return key
    return None


class KeywordNlu:
    """``IntentParser`` from keyword lists: deterministic, instant, no model files."""

    def parse(self, text: str) -> NluResult:
        topic = detect_topic(text)
        if not words(text):
            return NluResult("other", topic, 0.0)
        if wants_agent(text):
            return NluResult("agent", topic, 0.9)
        for intent, phrases in (("refund", REFUND), ("payments", PAYMENTS), ("balance", BALANCE)):
            if has_phrase(text, phrases):
                return NluResult(intent, topic, 0.8)
        return NluResult("other", topic, 0.6 if topic != "general" else 0.3)
