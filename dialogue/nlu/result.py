"""``NluResult`` is the dialogue engine's type: one definition, in ``dialogue.nlu_types``."""

from __future__ import annotations

from dialogue.nlu_types import NluResult

# What every parser answers for a turn with nothing to read (silence, only punctuation).
NOTHING_HEARD = NluResult(intent="other", topic="general", confidence=0.0)

__all__ = ["NOTHING_HEARD", "NluResult"]
