"""``NluResult`` is the dialogue engine's type: one definition, in ``dialogue.nlu_types``."""

from __future__ import annotations

from dialogue.nlu_types import NluResult

__all__ = ["NluResult"]
