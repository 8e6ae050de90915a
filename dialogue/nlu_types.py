"""What the engine needs from an intent classifier: ``parse(text) -> NluResult``.

The trained classifier (``dialogue/nlu/``) and the keyword fallback (``dialogue/keyword_nlu.py``)
both satisfy ``IntentParser``; the engine takes either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

INTENTS: tuple[str, ...] = ("balance", "payments", "refund", "agent", "other")
TOPICS: tuple[str, ...] = ("pit", "vat", "cit", "pcc_sd", "excise_customs", "enforcement", "eus", "general")
# Intents answered from the settlements API; they need an authenticated caller (tiers II/III).
INDIVIDUAL_INTENTS: frozenset[str] = frozenset({"balance", "payments", "refund"})


@dataclass(frozen=True)
class NluResult:
    intent: str  # one of INTENTS
    topic: str  # one of TOPICS
    confidence: float  # 0..1, for the intent


@runtime_checkable
class IntentParser(Protocol):
    def parse(self, text: str) -> NluResult: ...
