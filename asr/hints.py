"""What the speech layer may ask the conversation about the answer it is waiting for.

The dialogue implements this (``dialogue.answer_hints.AnswerHints``); ``asr`` only calls it, so the
recognisers stay free of domain knowledge and the dialogue free of audio.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class TurnHints(Protocol):
    def texts_to_score(self, vocabulary: str, expect: Any, hypotheses: Sequence[str],
                       scored: Mapping[str, float]) -> Sequence[str]:
        """Texts whose log P(text | audio) the recogniser should report (may be empty), given the
        ones it has scored: asked again after each round until it asks for nothing new."""
        ...

    def answer_complete(self, vocabulary: str, expect: Any, hypotheses: Sequence[str]) -> bool:
        """The hypotheses hold the whole answer: no further decode is needed."""
        ...

    def turn_over(self, vocabulary: str, expect: Any, hypotheses: Sequence[str]) -> bool:
        """The caller has plainly finished their turn: it may end now, without the end-of-turn wait."""
        ...

    def number_settled(self, vocabulary: str, expect: Any, hypotheses: Sequence[str],
                       scored: Mapping[str, float]) -> bool:
        """The scores of the first decode's candidates already single out the number, so clearly
        that the further decodes can be skipped."""
        ...


def decode_hooks(hints: TurnHints | None, vocabulary: str, expect: Any) -> dict[str, Callable]:
    """The keyword arguments ``WhisperRecognizer.transcribe`` takes for a turn that expects a number
    (``rescore``, ``complete``, ``settled``); none for any other turn."""
    if hints is None or vocabulary != "digits":
        return {}
    return {
        "rescore": lambda hypotheses, scored: hints.texts_to_score(vocabulary, expect, hypotheses, scored),
        "complete": lambda hypotheses: hints.answer_complete(vocabulary, expect, hypotheses),
        "settled": lambda hypotheses, scored: hints.number_settled(vocabulary, expect, hypotheses, scored),
    }
