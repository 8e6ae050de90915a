"""Moved to ``polish.numerals`` (one owner of Polish number words); this re-export keeps old imports working."""

from polish.numerals import (FIX, HUNDREDS, NUMBER_WORDS, SOFT, TEENS, TENS, THOUSANDS, UNITS, ZERO,  # noqa: F401
                             Item, compose, numbers_in, parse_items, readings, soft_count, variants, words_to_digits)
