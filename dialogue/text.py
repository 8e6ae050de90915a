"""Moved to ``polish.text`` (one owner); this re-export keeps old imports working."""

from polish.text import fold, has_phrase, tokens, words  # noqa: F401
