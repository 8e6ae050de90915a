"""What the engine needs from an intent classifier: ``parse(text) -> NluResult``.

The trained classifier (``dialogue/nlu/``) and the keyword fallback (``dialogue/keyword_nlu.py``)
both satisfy ``IntentParser``; the engine takes either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from contracts.queues import QUEUES

INTENTS: tuple[str, ...] = ("balance", "payments", "refund", "agent", "other")
# A topic names the queue that serves it (owner: ``contracts.queues``); plain strings for the classifier.
TOPICS: tuple[str, ...] = tuple(str(queue) for queue in QUEUES)
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
