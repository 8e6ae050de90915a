"""A deterministic keyword NLU: the fallback intent parser, and the engine's closed-set decisions.

``KeywordNlu`` satisfies ``IntentParser`` and is used when no trained model is present. The module
functions answer the small closed questions the engine asks on every turn (yes/no, "powtórz",
"nie rozumiem", goodbye, "a person please", own matter or a principal, which tax, which year, a
tier I question) — a classifier is not needed, and not wanted, for these.

All keywords are folded (no diacritics, see ``dialogue.text``); a trailing ``*`` marks a stem.
"""

from __future__ import annotations

import functools
import re

from dialogue.nlu_types import NluResult
from dialogue.queues import TAX_QUEUE_TOPICS
from polish.numerals import numbers_in
from polish.text import has_phrase, words

# A person of the office in every case but the dative plural: "oddaję pokój pracownikom sezonowym" asks for no one.
STAFF = ("pracownik", "pracownika", "pracownikowi", "pracownikiem", "pracowniku", "pracownicy", "pracownikow",
         "pracownikami", "pracownikach", "pracownica", "pracownice", "pracownico", "pracownic", "pracownicami",
         "pracownicach")
AGENT = ("konsultant*", "czlowiek*", *STAFF, "operator*", "z osoba", "zywa osoba", "zywym*",
         "przelacz*", "polacz mnie", "polaczcie", "polaczyc z", "polaczenie z kims", "przekierowanie rozmowy",
         "przekierowac rozmowe", "przekieruj*", "doradc*", "agent*", "porozmawiac z kims", "rozmawiac z kims",
         "pogadac z kims", "kogos na linie", "kogos do telefonu", "ktos odebral", "niech odbierze",
         "specjalist*", "wolajcie", "zawolaj*", "zawolac", "osoby prowadzacej sprawy", "osoby prowadzacej sprawe",
         "osoby prowadzacej moja sprawe",
         # someone of a matter or a department: "ktoś od telePINów poproszę", "czy jest ktoś z obsługi technicznej"
         # ("pani od…" is no such word: "proszę pani, od śmierci dziadka minęły trzy miesiące")
         "ktos od", "kogos od", "ktos z obslugi", "kogos z obslugi", "ktos z dzialu", "kogos z dzialu")
# "Mówi doradca podatkowy…", "tu pracownica biura…": a caller introduces themself; that word asks for no one.
SELF_INTRODUCTION = tuple(f"{opening} {who}" for opening in ("mowi", "tu", "jestem", "jako")
                          for who in ("doradca", "doradczyni", "doradczynia", "pracownik", "pracownikiem",
                                      "pracownica", "specjalista", "specjalistka"))
# With the recogniser's spellings of short openings said over the phone line (starter suite, RHVoice
# callers: "Zwrot podatku." → "Wrot podatku.", "Wpłaty." → "Płaty." / "W połaty.").
# "…a z pieniążków nici": the money the caller waits for has not come.
REFUND = ("zwrot*", "zwroc*", "oddadza", "oddac pieniadze", "wrot", "wrotu", "pieniazkow nici", "pieniedzy nici")
PAYMENTS = ("wplat*", "wplacil*", "wplacon*", "zaplacil*", "zaplacon*", "przelew*", "zaksiegowa*",
            "doszla", "doszedl", "dotarla", "dotarl", "oplacil*", "platnosc*", "wplynel*", "wplynela",
            "platy", "polaty")
# "dług" in its forms, not "długo" ("jak długo działa czat") or "długość".
DEBT = ("dlug", "dlugu", "dlugi", "dlugow", "dlugiem", "dlugom", "dlugami", "dlugach")
# How people ask after their balance without its words: "jak stoję z podatkami", "ile wiszę fiskusowi",
# "czy jesteśmy coś winni", "ile się uzbierało odsetek".
BALANCE_IDIOMS = ("stoje z", "stoimy z", "na czym stoje", "na czym stoimy", "wisze", "wisimy", "winni", "ile naroslo",
                  "ile sie uzbieralo", "czy jestem czysty", "czy jestesmy czysci")
# "rozliczenie" alone is not a balance question ("pytanie o rozliczenie CIT-8" is a filing matter).
BALANCE = ("saldo", "salda", "zaleg*", *DEBT, "winien", "winna", "winny", "do zaplaty", "stan konta",
           "stan mojego konta", "stan moich rozliczen", "stan rozliczen", "konta podatkow*", "koncie podatkow*",
           "konto podatkowe", "zadluz*", "nadplat*", "ile musze", "ile mam zaplacic", "naleznosc*", "niedoplat*",
           *BALANCE_IDIOMS)

# The recogniser's spellings of the tax names count as the names (what Whisper wrote for the RHVoice
# callers of the development set: "zapitu", "zajot PK", "deklaracji wad", "istit", "nacid", "ryczaut").
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "enforcement": ("egzekuc*", "komornik*", "upomnien*", "tytul wykonawczy", "tytulu wykonawczego",
                    "zajeci*", "zajeli", "zajela", "zajal", "zajely", "licytac*", "poborc*", "windykac*",
                    "rnp", "rejestr naleznosci*", "egzekutor*", "ekzekutor*", "ekszekutor*", "zamroz*",
                    "blokada konta", "blokade konta", "blokadzie konta", "blokada rachunku", "blokade rachunku",
                    "blokadzie rachunku"),
    "eus": ("telepin*", "telebin*", "pin", "pinu", "e urzad*", "e urzed*", "eurzad*", "eurzed*", "logowani*", "zalogowac*", "haslo",
            "hasla", "profil zaufany", "e korespondencj*"),
    "pit": ("pit*", "dochodowy od osob fizycznych", "dochodowego od osob fizycznych", "osob fizycznych",
            "zeznanie roczne", "pity", "ryczalt*", "ryczaut*", "zapit*", "spid"),
    "vat": ("vat*", "wat", "watu", "towarow i uslug", "jpk", "fat", "zawat*", "nawat*", "pekawat", "jot pe ka",
            "wad", "wadu", "jot pk", "jod pk", "zajot*", "zajod*",
            "import uslug", "imporcie uslug", "importu uslug"),  # before the customs' "import*"
    "cit": ("cit*", "osob prawnych", "podatku dochodowego spolki", "podatek dochodowy spolki", "cid", "nacid", "zacit*",
            "istit", "dzit", "ciet"),
    "pcc_sd": ("pcc", "pcce", "pe ce ce", "czynnosci cywilnoprawnych", "spadk*", "darowizn*", "sd", "testamen*"),
    "excise_customs": ("akcyz*", "clo", "cla", "celn*", "import*", "akc", "sprowadzil*", "sprowadzon*",
                       "sprowadzic", "sprowadzenie", "wwoz*"),
}

# "ulga" names PIT only on its own: beside a named tax it is that tax's relief, a company's ("ulga B+R dla
# spółki") is CIT's, "ulga w spłacie" (instalments, a deferral) belongs to any tax, "ulga na złe długi" mostly to VAT.
RELIEF = ("ulg*",)
NOT_A_PIT_RELIEF = ("spolk*", *(f"{relief} {what}" for relief in ("ulga", "ulgi", "ulge", "ulg")
                                for what in ("w splacie", "na zle dlugi")))

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
# The caller cannot give what was asked for ("nie pamiętam", "nie mam go przy sobie").
DONT_KNOW = ("nie wiem", "nie pamietam", "nie znam", "nie mam przy sobie", "nie mam go", "zapomnial*")
# Words after which a turn goes on ("nie, ale…", "nie, jeszcze jedno…").
GOES_ON = ("ale", "jeszcze", "tylko", "chcial*", "pytanie", "a co", "oraz", "i", "czy", "nie wiem")
OWN = ("wlasn*", "swojej", "swoja", "swoim", "swoich", "swoj", "moja", "mojej", "moim", "moich",
       "siebie", "mnie", "prywatn*", "osobiscie")

# A meeting at the office: a visit, not a request for an agent on the line.
MEETING_AT_THE_OFFICE = ("spotkanie z pracownik*", "spotkac sie z pracownik*", "spotkania z pracownik*")

# Tier I questions answered without authentication (key → prompts.GENERAL_ANSWERS), in the order they
# are tried: the more specific first ("zaświadczenie o niezaleganiu" before "godziny", "numer konta"
# before "numer infolinii").
GENERAL_QUESTIONS: dict[str, tuple[str, ...]] = {
    "certificate": ("zaswiadczeni*", "niezalegani*", "braku zaleglosci", "brak zaleglosci"),
    "telepin": ("telepin*", "tele pin*", "pin", "pinu", "pinem", "kod do infolinii", "kod do telefonu",
                "szesciocyfrow*"),
    "microaccount": ("mikrorachun*", "mikro rachun*", "numer konta", "numer rachunku", "rachunek podatkowy",
                     "na jakie konto", "na jaki rachunek", "gdzie zaplacic", "gdzie wplacic", "na jaki numer przelac"),
    "hotline": ("numer infolinii", "numer do infolinii", "numer telefonu", "numer telefoniczny", "numer kontaktowy",
                "pod jakim numerem", "na jaki numer dzwonic", "gdzie dzwonic", "gdzie zadzwonic", "numer do was",
                "jaki jest numer do"),
    "hours": ("godzin*", "czynny", "czynna", "czynne", "otwart*", "kiedy pracuj*", "do ktorej", "od ktorej",
              "w soboty", "w sobote", "w weekend*", "kiedy moge zadzwonic", "kiedy dzwonic", "porach", "dyzur*",
              "w swieto", "w swieta", "jestescie dostepni", "o ktorej", "w jakie dni", "w ktore dni",
              "jak dlugo dziala*", "dni pracuj*", "kiedy mozna zadzwonic", "kiedy mozna porozmawiac",
              "kiedy mozna zlapac", "kiedy odbiera*", "kiedy ktos odbiera*", "przed osma", "po osmej",
              "w dlugi weekend"),
    "visit": ("wizyt*", "umowic sie", "umowienie", "umowic termin", "zarezerwowac termin", "w okienku",
              "przyjsc do urzedu", "przyjsc osobiscie") + MEETING_AT_THE_OFFICE,
    "eus": ("kaspro", "chatbot*", "czat*", "co to jest e urzad", "czym jest e urzad", "co to e urzad",
            "jak zalozyc konto", "zalozyc konto w e urzedzie", "jak zalogowac sie do e urzedu",
            "jak sie zalogowac do e urzedu", "co zalatwie w e urzedzie", "co mozna zalatwic w e urzedzie"),
    "forms": ("formularz*", "druk*", "wzor deklaracji", "wzor zeznania", "gdzie zlozyc", "gdzie wyslac",
              "jak zlozyc", "gdzie zlozyc", "gdzie mam zlozyc", "jak wyslac", "gdzie to wyslac", "gdzie skladac"),
}

# A question *about* the agents ("w jakich godzinach pracują konsultanci?", "numer do konsultanta",
# "czy pracownicy infolinii pracują wieczorami?") is not a request for one.
ABOUT_AGENTS = GENERAL_QUESTIONS["hours"] + GENERAL_QUESTIONS["hotline"] + ("czynn", "w swiet*", "wieczorami")
# The agents' words in a turn that asks for none of them: another way than a consultant ("czy zamiast dzwonić
# do konsultanta mogę umówić wizytę"), the chat with one (a question about e-Urząd's chat), a meeting at the
# office (a visit), the caller's own employees ("zajęcie pensji pracownicy", "co e-urząd daje pracownikowi").
NOT_A_REQUEST = ("zamiast dzwonic do konsultant*", "zamiast do konsultant*", "zamiast konsultant*",
                 "zamiast rozmowy z konsultant*", "czat z konsultant*", "czatu z konsultant*",
                 "czacie z konsultant*") + MEETING_AT_THE_OFFICE + (
                 "pensji pracownik*", "pensji pracownic*", "wynagrodzenia pracownik*",
                 "wynagrodzenia pracownic*", "dla pracownika", "dla pracownikow", "dla pracownicy",
                 "pracownik ksiegowosci", "pracownica ksiegowosci", "naszego pracownika", "naszej pracownicy",
                 "naszych pracownikow", "mojego pracownika", "mojej pracownicy", "moich pracownikow",
                 "zatrudniam pracownik*", "zatrudniamy pracownik*")
# How long a caller waits, not when the office works: "poczekam nawet pół godziny, byle z kimś porozmawiać".
WAITING = ("pol godziny", "poltorej godziny", "od godziny", "przez godzine", "nawet godzine", "czekam godzine",
           "godzine czekam", "godzinami")
# An active VAT payer ("czynny podatnik VAT") says "czynny" of no office: "kiedy muszę się zarejestrować jako
# czynny podatnik VAT" asks nothing of the hours.
ACTIVE_TAXPAYER = ("czynny podatnik", "czynnym podatnikiem", "czynnego podatnika", "czynni podatnicy",
                   "czynnych podatnikow", "czynna podatniczka", "czynnym podatnikom")
# Open items of an account ("czy wiszą jakieś otwarte pozycje", "otwarte należności") are a balance, not an
# open office.
OPEN_ITEMS = ("otwarte pozycje", "otwartych pozycji", "otwarta pozycja", "otwarte naleznosci",
              "otwartych naleznosci", "otwarte rozrachunki", "otwartych rozrachunkow", "otwarte zaleglosci")
# Words said beside the hours' words that ask nothing of the hours.
NOT_OF_THE_HOURS = WAITING + ACTIVE_TAXPAYER + OPEN_ITEMS

# Refusing to identify oneself: the bot explains why it asks and offers what needs no PESEL.
REFUSE = ("nie chce podawac", "nie chce podac", "nie podam", "nie bede podawac", "nie bede podawal*",
          "nie zamierzam podawac", "odmawiam", "bez peselu", "bez podawania", "nie chce sie identyfikowac",
          "nie dam peselu", "nie podaje", "wolalbym nie podawac", "wolalabym nie podawac",
          # the telePIN too: "nie chcę wpisywać telePINu, ile mam do zapłaty" refuses; it asks nothing about the PIN
          "nie chce wpisywac", "nie chce wpisac", "nie wpisze", "nie bede wpisywac", "nie bede wpisywal*",
          "nie chce wprowadzac", "nie wprowadze",
          "nie chce spisywac", "nie chce spisowac",  # the recogniser's "wpisywać" over the phone line
          # a number kept back: "telepinu nie zdradzę", "peselu nie wypowiem przez telefon"
          "nie zdradze", "nie wypowiem")
# A refusal of the PIN, whole: its words name no matter.
# The recogniser glues the PIN to the next word ("telepinuale", "kodu telepindi"): stems, the longest first.
# Either order: "nie podam telepinu" and "telepinu nie podam".
_PINS = ("kodu telepin*", "kodu tele pin*", "kodu pin", "kodu pinu", "kodu", "telepin*", "tele pin*", "pinu", "pin")
PIN_REFUSED = (tuple(f"{refusal} {pin}" for refusal in REFUSE for pin in _PINS)
               + tuple(f"{pin} {refusal}" for refusal in REFUSE for pin in _PINS))
# "zapytać", "pytanie" as the recogniser writes them now and then ("chciałem zapitać"): no PIT ("pit*", "zapit*").
ASKING_MISHEARD = ("zapitac", "zapitam", "pitanie", "pitania", "pitam")
# Words that say a turn does not ask the tier I question it shares a word with.
NOT_ASKED: dict[str, tuple[str, ...]] = {
    "telepin": REFUSE,  # "nie chcę wpisywać telePINu…" names the PIN it will not key in
    # money that went or is to come somewhere ("na jakie konto poszedł mój zwrot", "czy pieniądze przyjdą na
    # nowe konto") is the caller's own payment or refund, not a question of which account to pay into
    "microaccount": ("poszl*", "poszed*", "trafil*", "przelaliscie", "wyslaliscie", "wplynel*", "przyjda",
                     "przyjdzie", "wplyna", "wplynie"),
}
# A question about the law, not about the caller's own account: a rate ("jaka jest stawka VAT na
# jedzenie"), a deadline, an appeal, a write-off or instalments, an obligation in general, what the rules
# allow. It names money ("odsetki", "nadpłata", "cło") as often as a balance question does; a human of the
# queue answers it.
LAW_QUESTION = ("stawk*", "ogolnie pytam", "pytam ogolnie", "tak ogolnie", "zazaleni*", "do ktorego dnia",
                # an appeal, not a retraction ("odwołuję to, co mówiłem") or a cancelled visit ("odwołać wizytę")
                "odwolani*", "sie odwol*", "odwolac sie", "odwolam sie", "odwoluje sie", "odwolujemy sie",
                "odwolamy sie", "odwolal sie", "odwolala sie", "odwolali sie",
                "do kiedy trzeba", "do kiedy nalezy", "trzeba placic", "czy placi sie", "czy sie placi", "czy zawsze",
                "czy mam obowiazek", "jakie mam obowiazki", "jak obliczyc", "jak policzyc", "jak wyliczyc",
                "czy moga tak", "czy wolno", "zgodnie z prawem", "przepisy", "przepisami", "przepisow", "przepisach",
                "co grozi", "ile wynosi clo", "ile wynosi akcyza", "jakie jest clo", "jaka jest akcyza", "przedawni*",
                "podlega*", "wykazac", "jak sie ubiegac", "od ktorego miesiaca", "umorz*", "rozlozyc", "na raty",
                # what the law says of anyone: its rules, reliefs, limits, exemptions and penalties
                "zasady", "zasadach", "czy mam prawo", "odlicz*", "limit*", "zwolnien*", "zwolnion*",
                # asked whether something is due, not told ("przysługuje mi zwrot, kiedy go dostanę")
                "czy przysluguj*", "czy mi przysluguj*", "czy nam przysluguj*", "komu przysluguj*",
                "opodatkowan*", "ile procent", "nalicza sie", "jak sie liczy", "jak sie oblicza", "na czym polega",
                "ustawa", "ustawy", "ustawie", "interpretacj*", "czy musze placic", "kara", "kary", "sankcj*")
# The law's words in what a caller tells of their own matter, asking nothing of the law: a relief they deducted
# ("odliczyłam ulgę na syna, kiedy wpłynie zwrot"), a job they lost ("po zwolnieniu z pracy mam bałagan na koncie").
NOT_OF_THE_LAW = ("odliczylem", "odliczylam", "odliczylismy", "odliczylysmy", "odliczyl", "odliczyla",
                  "odliczyli", "zwolnieniu z pracy", "zwolnienia z pracy", "zwolniony z pracy", "zwolniona z pracy",
                  "zwolnili mnie", "zwolnila mnie")
# Speaking for someone else: a client, a principal, a company, a relative.
REPRESENTATIVE = ("klient*", "mocodaw*", "pelnomocnik*", "pelnomocnictw*", "biuro rachunkowe", "biura rachunkowego",
                  "biurze rachunkowym", "ksiegow*", "w imieniu", "kancelari*", "reprezentuje", "za mame", "za tate",
                  "mojej mamy", "mojego taty", "mojej firmy", "naszej firmy", "naszej spolki", "wspolnik*",
                  "spolki cywilnej", "spolki jawnej", "spolki osobowej")

# Where a second matter begins in one turn ("…ile mam do zapłaty, a poza tym kiedy zwrot?"): the first
# is served first, so the turn is read from its first matter. Not "i jeszcze" alone: "i jeszcze nie
# dostałem zwrotu" is one matter.
SECOND_MATTER = ("a poza tym", "poza tym", "i jeszcze jedno", "a jeszcze jedno", "jeszcze jedno pytanie", "a takze",
                 "druga sprawa", "druga rzecz", "przy okazji", "oprocz tego", "no i jeszcze", "oraz")
_FIRST_MATTER_WORDS = 3  # shorter heads ("VAT oraz CIT") are one matter with two names


def first_matter(text: str) -> str | None:
    """The words before a second matter begins, or None when the turn holds one matter."""
    said = words(text)
    padded = " " + " ".join(said) + " "
    cut = min((padded.find(" " + p + " ") for p in SECOND_MATTER if " " + p + " " in padded), default=-1)
    if cut < 0:
        return None
    head, tail = padded[:cut].split(), padded[cut:].split()
    while head and head[-1] in ("i", "a", "no"):  # "…przelew? I przy okazji": the "i" joins, it is not the first matter
        head.pop()
    return " ".join(head) if len(head) >= _FIRST_MATTER_WORDS and len(tail) >= _FIRST_MATTER_WORDS + 1 else None


# A correction says what the caller did not mean, then what they did ("nie o zwrot, tylko ile jestem winien").
# Only "nie o…", "nie chodzi o…", "nie pytam o…", "nie to…": "nie wiem czy mam zaległości, ale…" is no correction.
_CORRECTION_TURNS = ("lecz", "tylko", "ale", "raczej")
_NOT_THIS = ("o", "chodzi", "chodzilo", "pytam", "pytalem", "pytalam", "to", "tego", "ten", "ta", "nie")


def corrected_matter(text: str) -> str | None:
    """The words after the turn of a correction ("nie o X, lecz Y" → "Y"), or None when it is none."""
    said = words(text)
    start = next((i for i, word in enumerate(said[:4]) if word == "nie" and said[i + 1:i + 2]
                  and said[i + 1] in _NOT_THIS), None)
    if start is None:
        return None
    turn = next((i for i in range(start + 1, len(said)) if said[i] in _CORRECTION_TURNS), None)
    if turn is None or len(said) - turn - 1 < 2:
        return None
    return " ".join(said[turn + 1:])


def detect_topic(text: str) -> str:
    named = topics_named(text)
    return named[0] if named else "general"


def detect_tax(text: str) -> str | None:
    for tax, phrases in TAX_WORDS.items():
        if has_phrase(text, phrases):
            return tax
    return "PIT" if names_a_pit_relief(text) else None


def names_a_pit_relief(text: str) -> bool:
    """A relief ("ulga") said where nothing makes it another tax's (``NOT_A_PIT_RELIEF``)."""
    return has_phrase(text, RELIEF) and not has_phrase(text, NOT_A_PIT_RELIEF)


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


def doesnt_know(text: str) -> bool:
    return has_phrase(text, DONT_KNOW)


def closes(text: str) -> bool:
    """A plain "no, that's all" to "anything else?": a short no or goodbye that announces nothing more."""
    return (yes_no(text) is False or says_goodbye(text)) and len(words(text)) <= 6 and not has_phrase(text, GOES_ON)


def wants_repeat(text: str) -> bool:
    return has_phrase(text, REPEAT)


def not_understood(text: str) -> bool:
    return has_phrase(text, NOT_UNDERSTOOD)


def says_goodbye(text: str) -> bool:
    return has_phrase(text, GOODBYE)


@functools.lru_cache(maxsize=None)
def _phrase_patterns(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """One compiled pattern a phrase, in order: the lists are constants and ``_without`` runs on every turn."""
    return tuple(re.compile(" " + " ".join(re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word)
                                           for word in phrase.split()) + "(?= )")
                 for phrase in phrases)


def _without(text: str, phrases: tuple[str, ...]) -> str:
    """``text``'s words with whole ``phrases`` taken out, one after another; a word of a phrase ending in ``*`` is a
    stem."""
    padded = " " + " ".join(words(text)) + " "
    for pattern in _phrase_patterns(phrases):
        padded = pattern.sub("", padded)
    return padded.strip()


def wants_agent(text: str) -> bool:
    """A request for a human, not a question about them ("kiedy pracują konsultanci?")."""
    return (has_phrase(_without(text, SELF_INTRODUCTION + NOT_A_REQUEST), AGENT)
            and not has_phrase(_without(text, NOT_OF_THE_HOURS), ABOUT_AGENTS))


def refuses_identification(text: str) -> bool:
    return has_phrase(text, REFUSE)


def speaks_for_someone(text: str) -> bool:
    return has_phrase(text, REPRESENTATIVE)


def asks_after_a_balance_in_an_idiom(text: str) -> bool:
    return has_phrase(text, BALANCE_IDIOMS)


def asks_about_the_law(text: str) -> bool:
    return has_phrase(_without(text, NOT_OF_THE_LAW), LAW_QUESTION)


def names_a_service(text: str) -> bool:
    """The words of a personal service (balance, payments, refund): the caller wants their own data."""
    return has_phrase(text, REFUND) or has_phrase(text, PAYMENTS) or has_phrase(text, BALANCE)


def service_named(text: str) -> str | None:
    """The one personal service the words name ("balance", "payments", "refund"), None for none or several."""
    named = [intent for intent, words_ in (("refund", REFUND), ("payments", PAYMENTS), ("balance", BALANCE))
             if has_phrase(text, words_)]
    return named[0] if len(named) == 1 else None


def topics_named(text: str) -> list[str]:
    """Every topical queue the words fit, in the order of ``TOPIC_WORDS``; the PIN a caller will not key in
    names no queue ("nie chcę wpisywać telePINu, ile mam zaległego VAT-u" is a VAT matter), nor does a
    misheard "zapytać" (``ASKING_MISHEARD``)."""
    said = _without(_without(text, PIN_REFUSED), ASKING_MISHEARD)
    named = [topic for topic, phrases in TOPIC_WORDS.items() if has_phrase(said, phrases)]
    taxes = [topic for topic in named if topic in TAX_QUEUE_TOPICS]
    return named + ["pit"] if not taxes and names_a_pit_relief(said) else named


def own_matter(text: str) -> bool:
    return has_phrase(text, OWN)


def general_question(text: str) -> str | None:
    """The tier I question ``text`` asks (a key of ``GENERAL_QUESTIONS``), or None."""
    said = _without(text, NOT_OF_THE_HOURS)  # how long a caller waits, or an active VAT payer, asks no hours
    for key, phrases in GENERAL_QUESTIONS.items():
        if has_phrase(said, phrases) and not has_phrase(said, NOT_ASKED.get(key, ())):
            return key
    return None


def asks_about_a_matter(text: str) -> bool:
    """A question (as the recogniser punctuates it) about something the bot answers or routes: a
    tier-I question, a balance, payments, a refund, a consultant — a turn that is plainly complete."""
    if not text.rstrip().endswith("?"):
        return False
    return general_question(text) is not None or _KEYWORDS.parse(text).intent != "other"


class KeywordNlu:
    """``IntentParser`` from keyword lists: deterministic, instant, no model files."""

    def parse(self, text: str) -> NluResult:
        topic = detect_topic(text)
        if not words(text):
            return NluResult("other", topic, 0.0)
        if wants_agent(text):
            return NluResult("agent", topic, 0.9)
        # A question about the law names money ("stawka odsetek") but asks for none of the caller's data.
        if not asks_about_the_law(text):
            for intent, phrases in (("refund", REFUND), ("payments", PAYMENTS), ("balance", BALANCE)):
                if has_phrase(text, phrases):
                    return NluResult(intent, topic, 0.8)
        return NluResult("other", topic, 0.6 if topic != "general" else 0.3)


# A question of how or where ("Jak umówić wizytę?"), not a request to do it now ("Chcę umówić wizytę").
_HOW_TO_OPENINGS = ("jak", "gdzie", "kiedy", "skad")


def asks_how_to(text: str) -> bool:
    said = words(text)
    return bool(said) and (said[0] in _HOW_TO_OPENINGS or said[:3] == ["w", "jaki", "sposob"])


_KEYWORDS = KeywordNlu()  # stateless: one for asks_about_a_matter
