"""Listening modes: what the bot expects the caller to say next ("free", "digits", "yes_no").

Vosk takes a mode's words as a grammar (a closed decoding graph: it can only output those words).
Whisper has no grammar and is *not* restricted: suppressing every token that could not spell a digit
word made it write non-words ("dzero", "ośm", loops of "dzieś"). For Whisper a mode chooses the
prompt (and, for digits, a second decode: ``asr.whisper_engine``); the dialogue reads numbers and
confirmations from free text (``dialogue.numerals``, ``dialogue.keyword_nlu``).
"""

from __future__ import annotations

import json

DIGIT_WORDS: tuple[str, ...] = (
    "zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć",
)
YES_NO_WORDS: tuple[str, ...] = (
    "tak", "nie", "zgadza", "się", "dobrze", "owszem", "jasne", "oczywiście", "no", "poprawnie",
)
# Vosk grammars. A caller reading a PESEL in pairs ("osiemdziesiąt dwa") needs a model that knows
# number words; the grammar keeps digits, the free model takes the rest.
WORDS: dict[str, tuple[str, ...]] = {"digits": DIGIT_WORDS, "yes_no": YES_NO_WORDS}

# Whisper's prompt per mode: the way a transcript of such an answer would read.
PROMPTS: dict[str, str] = {
    "yes_no": "Tak. Nie. Tak, zgadza się. Nie, nie zgadza się.",
    # An e-mail address or a booking code spelled: separators and letter names as words.
    "spelling": "jan kropka kowalski małpa example kropka com. anna myślnik nowak małpa wp kropka pe el. "
                "ka, te, er, cztery osiem dwa.",
}
# The digits decode that must spell numbers: a number read every way a caller reads one.
WORDS_PROMPT = "Mój PESEL: osiemdziesiąt dwa, zero trzy, piętnaście, sto dwadzieścia trzy, cztery, siedem."
# The same decode primed for one grouping each (pairs, triples), run when the decodes before leave
# the number open: a decode told to expect "osiemset dwanaście" hears a caller's triples that the
# mixed prompt breaks into non-words ("czterystach", "osiemze"). With them, synthetic spoken PESELs
# right on the first try (eval.pesel_capture): seeds 10-15 340 -> 356 of 384, seeds 16-19 (not looked
# at before) 229 -> 237 of 256; they ran in about a quarter of first attempts.
GROUPING_PROMPTS = (
    "Mój PESEL: osiemdziesiąt dwa, zero trzy, piętnaście, dwanaście, trzydzieści cztery, pięć.",
    "Mój PESEL: siedemset dwanaście, trzysta czterdzieści, zero pięćdziesiąt sześć, osiemdziesiąt dziewięć.",
)


def vosk_grammar(vocabulary: str, words_by_mode: dict[str, tuple[str, ...]] | None = None) -> str | None:
    """The Vosk grammar (JSON list of phrases) for a mode; None means the full model.

    ``words_by_mode`` overrides the Polish word lists (a model for another language, a test).
    """
    words = (words_by_mode or WORDS).get(vocabulary)
    if words is None:
        return None
    # "[unk]" lets the recogniser say "none of these" instead of forcing the nearest word.
    # Kaldi reads the JSON bytes as they are: \u escapes would not match any word.
    return json.dumps([*words, "[unk]"], ensure_ascii=False)
