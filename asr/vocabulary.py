"""Restricted vocabularies: which words each listening mode allows, for Vosk and for Whisper.

"digits" is for PESEL and other numbers read digit by digit; "yes_no" for confirmations. Vosk takes
the words as a grammar (a closed decoding graph). Whisper has no grammar, so the words become a
token filter: every token that cannot spell one of them is suppressed, and a prompt of the words
primes the decoder.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

DIGIT_WORDS: tuple[str, ...] = (
    "zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć",
)
YES_NO_WORDS: tuple[str, ...] = (
    "tak", "nie", "zgadza", "się", "dobrze", "owszem", "jasne", "oczywiście", "no", "poprawnie",
)
WORDS: dict[str, tuple[str, ...]] = {"digits": DIGIT_WORDS, "yes_no": YES_NO_WORDS}

# Whisper is primed with the allowed words, the way a transcript of such an answer would read.
PROMPTS: dict[str, str] = {
    "digits": "zero jeden dwa trzy cztery pięć sześć siedem osiem dziewięć",
    "yes_no": "Tak. Nie. Tak, zgadza się. Nie, nie zgadza się.",
}


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


def _byte_decoder() -> dict[str, int]:
    """GPT-2 byte-level BPE: the printable character that stands for each byte (Whisper uses it)."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
    printable += list(range(ord("®"), ord("ÿ") + 1))
    chars = printable[:]
    extra = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            chars.append(256 + extra)
            extra += 1
    return {chr(char): byte for byte, char in zip(printable, chars)}


def _token_allowed(piece: bytes, words: tuple[bytes, ...], digits: bool) -> bool:
    """A token may be emitted if it could be part of spelling the allowed words."""
    stripped = piece.strip().lower()
    if stripped == b"":
        return True  # bare spaces separate words
    if digits and stripped.isdigit():
        return True
    if not digits and stripped in (b".", b",", b"?", b"!"):
        return True  # "Tak, zgadza się." keeps its punctuation
    # Tokens are sub-word byte pieces (half of "ę" included): a piece is fine if it occurs
    # inside an allowed word.
    return any(stripped in word for word in words)


@lru_cache(maxsize=8)
def suppressed_tokens(vocabulary: str, tokenizer) -> tuple[int, ...]:
    """Token ids Whisper must not emit in a restricted mode: every text token but the allowed.

    The scan over the vocabulary takes a fraction of a second; it is cached per tokenizer and mode.
    """
    words = tuple(word.encode("utf-8") for word in WORDS[vocabulary])
    hf_tokenizer = tokenizer.tokenizer  # the underlying ``tokenizers.Tokenizer``
    to_byte = _byte_decoder()
    suppressed = []
    for token_id in range(tokenizer.eot):  # ids below <|endoftext|> are the text tokens
        token = hf_tokenizer.id_to_token(token_id)
        piece = bytes(to_byte[char] for char in token)
        if not _token_allowed(piece, words, digits=vocabulary == "digits"):
            suppressed.append(token_id)
    return tuple(suppressed)


def fits_vocabulary(text: str, vocabulary: str) -> bool:
    """True when every word of ``text`` is an allowed word (or a written digit) of the mode."""
    allowed = WORDS.get(vocabulary)
    if allowed is None:
        return True
    words = re.findall(r"\w+", text.lower())
    return bool(words) and all(word in allowed or word.isdigit() for word in words)
