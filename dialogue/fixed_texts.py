"""The words the bot says that never carry a caller's data: what a voice may synthesise once and keep.

A prompt without a ``{placeholder}`` is fixed as a whole: greetings, questions, the tier-I answers,
the survey's questions. A template is fixed in its sentences that hold no placeholder ("Czy się
zgadza?" after the read-back of a PESEL), and in the head of a sentence that a colon ends before
the caller's data ("Zapisany numer PESEL to:"; the TTS speaks a reply in such pieces,
``tts.sentences``). Only texts that end a sentence or such a head count: a fragment such as a
topic's name is never spoken on its own. Texts composed of fixed parts alone (the handoff
announcement of each queue) are fixed too. Nothing built from a back-end result or from what the
caller said is here, so a cache of these texts holds no tax-secret data (``tts.prompt_cache``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import ModuleType

from dialogue import prompts, prompts_booking
from dialogue.queues import QUEUES, handoff_announcement

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
# The head of a sentence up to a colon and space: "Najbliższy wolny termin: {slot}."
_COLON_HEAD = re.compile(r"^([^{}]*?:)\s")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)


def _module_texts(module: ModuleType) -> Iterator[str]:
    for name, value in vars(module).items():
        if name.isupper():
            yield from _strings(value)


def _is_fixed_sentence(text: str) -> bool:
    return "{" not in text and "}" not in text and text.rstrip().endswith((".", "?", "!"))


def fixed_texts() -> tuple[str, ...]:
    """Every fixed prompt whole, and every placeholder-free sentence (or head before a colon) of a
    template, without repeats."""
    found: dict[str, None] = {}
    for module in (prompts, prompts_booking):
        for text in _module_texts(module):
            text = " ".join(text.split())
            if _is_fixed_sentence(text):
                found[text] = None
            elif "{" in text:
                for sentence in _SENTENCE_END.split(text):
                    if _is_fixed_sentence(sentence):
                        found[sentence] = None
                    elif head := _COLON_HEAD.match(sentence):
                        found[head.group(1)] = None
    # Texts composed of fixed parts only: the handoff announcement of each queue (and of none).
    for queue in (*QUEUES, ""):
        found[handoff_announcement(queue)] = None
    return tuple(found)
