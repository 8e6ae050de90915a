"""What the speech layer may ask the conversation about the answer it is waiting for.

The dialogue implements this (``dialogue.answer_hints.AnswerHints``); ``asr`` only calls it, so the
recognisers stay free of domain knowledge and the dialogue free of audio.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class TurnHints(Protocol):
    def texts_to_score(self, vocabulary: str, expect: Any, hypotheses: Sequence[str]) -> Sequence[str]:
        """Texts whose log P(text | audio) the recogniser should report (may be empty)."""
        ...

    def answer_complete(self, vocabulary: str, expect: Any, hypotheses: Sequence[str]) -> bool:
        """The caller has plainly finished answering: the turn may end now."""
        ...
