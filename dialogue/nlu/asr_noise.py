"""Make clean text look like what a Polish ASR engine hears on a phone line.

The errors imitated are the ones seen in Vosk/Whisper output of telephone Polish: lost diacritics,
a long word split in two ("za świadczenie") or two short ones merged ("czyprzyszedł"), misheard
syllables (rz/ż, ch/h, ó/u, final devoicing, "VAT" heard as "wat"), and dropped short words.
Deterministic for a given ``random.Random``.
"""

from __future__ import annotations

import random
import re

from dialogue.nlu.text import normalise

_DIACRITICS = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")

# (regex on one word, replacement): confusions a recogniser makes between similar sounds.
_CONFUSIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(a), b)
    for a, b in [
        ("rz", "ż"), ("ż", "rz"), ("ch", "h"), ("h", "ch"), ("ó", "u"), ("u", "ó"), ("ą$", "om"),
        ("ę$", "e"), ("ę", "en"), ("ś", "sz"), ("sz", "ś"), ("cz", "ć"), ("ć", "cz"), ("dź", "dz"),
        ("y", "i"), ("i", "y"), ("w$", "f"), ("d$", "t"), ("g$", "k"), ("ł", "l"), ("ł", "u"),
        ("^vat", "wat"), ("^vat", "fat"), ("^pit", "bit"), ("^pit", "pid"), ("^cit", "sit"),
        ("^cit", "cyt"), ("^pcc$", "pece ce"), ("^telepin", "tele pin"), ("^telepin", "tele bin"),
        ("^akcyz", "akcys"), ("^zwrot", "zrot"), ("^wpłat", "płat"), ("^zaległo", "zalego"),
        ("^konsultant", "konsultan"), ("^vat", "wad"), ("^vat", "wat"), ("^pit", "fit"), ("^cit", "cid"),
        # What Whisper wrote for the RHVoice callers (train_heard.jsonl): "spid-37", "5-37", "dzit",
        # "telebin", "ryczał to", "ze urzędu" for "e-urzędu".
        ("^pit", "spid"), ("^pit", "speed"), ("^cit", "dzit"), ("^cit", "ciet"), ("^cit", "zit"),
        ("^telepin", "telebin"), ("^ryczałt", "ryczał to"), ("^ryczałt", "ryczaut"),
        ("^jpk$", "jot pe ka"), ("^pcc$", "pe ce ce"), ("nn", "n"), ("ni", "ń"), ("on", "ą"), ("em", "ę"),
        ("^prze", "psze"), ("^trz", "cz"), ("ść", "źć"), ("ow", "of"),
    ]
]
_PREFIXES = ("prze", "przy", "za", "po", "od", "wy", "na", "nie", "roz", "do", "u", "z")
# Prepositions Whisper glues to the next word, as it writes them then ("z pita" → "spita").
_JOINED = {"za": "za", "z": "s", "na": "na", "ze": "ze", "w": "w", "o": "o"}
_SHORT_WORDS = {"z", "w", "o", "do", "na", "mi", "się", "czy", "to", "że", "i", "a", "ze", "od", "za", "mnie"}


def strip_diacritics(text: str) -> str:
    return text.translate(_DIACRITICS)


def _split(word: str, rng: random.Random) -> list[str]:
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return [prefix, word[len(prefix):]]
    cut = rng.randint(3, len(word) - 3)
    return [word[:cut], word[cut:]]


def _confuse(word: str, rng: random.Random) -> str:
    candidates = [(p, r) for p, r in _CONFUSIONS if p.search(word)]
    if not candidates:
        return word
    pattern, replacement = rng.choice(candidates)
    return pattern.sub(replacement, word, count=1)


# Across words, as Whisper heard the RHVoice callers: "e-urzędu" → "ze urzędu", "PIT-37" → "5 37".
_PHRASE_CONFUSIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(a), b) for a, b in [
        (r"\be urzęd", "ze urzęd"), (r"\be urzęd", "urzęd"), (r"\be urząd", "urząd"), (r"\bpit (\d)", r"5 \1"),
        (r"\bpit (\d)", r"speed \1"), (r"\bcit 8\b", "cit minus osiem"),
        # and for the development set's callers: "za PIT-37" → "zapit 37", "JPK" → "zajot PK", "z CIT-u" → "istit"
        (r"\bza pit", "zapit"), (r"\bz pit", "zapit"), (r"\bjpk\b", "jot pk"), (r"\bza jpk\b", "zajot pk"),
        (r"\bz cit", "istit"), (r"\bna cit", "nacid"), (r"\bpcc 3\b", "pcce minus 3"),
    ]
]


def asr_noise(text: str, rng: random.Random, strength: float = 1.0) -> str:
    """Return ``text`` as an ASR engine might have transcribed it (lowercase, no punctuation)."""
    text = normalise(text)
    for pattern, replacement in _PHRASE_CONFUSIONS:
        if pattern.search(text) and rng.random() < 0.3 * strength:
            text = pattern.sub(replacement, text, count=1)
    words = text.split()
    if rng.random() < 0.5 * strength:
        words = [strip_diacritics(w) for w in words]
    out: list[str] = []
    for word in words:
        roll = rng.random()
        if word in _SHORT_WORDS and roll < 0.15 * strength:
            continue  # swallowed by the recogniser
        if roll < 0.30 * strength:
            word = _confuse(word, rng)
        if rng.random() < 0.15 * strength:
            word = strip_diacritics(word)
        if len(word) >= 7 and rng.random() < 0.10 * strength:
            out.extend(_split(word, rng))
            continue
        if out and out[-1] in _JOINED and rng.random() < 0.2 * strength:  # "za vat" → "zawat", "z pita" → "spita"
            out[-1] = _JOINED[out[-1]] + word
            continue
        if out and len(word) <= 4 and len(out[-1]) <= 5 and rng.random() < 0.06 * strength:
            out[-1] = out[-1] + word
            continue
        out.append(word)
    return " ".join(out) if out else " ".join(words)
