"""What the engine needs from an intent classifier: ``parse(text) -> NluResult``.

The trained classifier (``dialogue/nlu/``) and the keyword fallback (``dialogue/keyword_nlu.py``)
both satisfy ``IntentParser``; the engine takes either.

``intent`` and ``topic`` are what the engine has always read. The fields after ``confidence`` were
added later, with defaults, so every ``NluResult(intent, topic, confidence)`` still builds and an
engine that ignores them behaves as before:

- ``question``: a general (tier I) question the caller asked, one of ``QUESTIONS`` — answered without
  authentication. Its intent is ``"other"``, its topic the queue that knows the matter.
- ``act``: what the turn does besides naming a matter, one of ``ACTS``: ``"refuse"`` (will not give a
  PESEL or telePIN), ``"representative"`` (speaks for someone else: a client, a company, a relative),
  ``"correction"`` ("nie, chodziło mi o VAT": replaces the topic or intent understood before).
- ``topic_confidence`` and ``alternatives``: how sure the topic is, and the other queues the words
  also fit (best first) — two close queues call for one short question ("Czy chodzi o PIT czy o VAT?"),
  and a second matter named in the same turn shows up here too.
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

# General (tier I) questions, answered to anyone:
#   hours        when the hotline, the human chat or an office works
#   telepin      how to set, change, delete or unblock a telePIN (and what it is)
#   certificate  the certificate of no tax arrears (zaświadczenie o niezaleganiu)
#   visit        booking a visit at a tax office (Umów wizytę)
#   eus          e-Urząd Skarbowy and Kaspro: what they are, how to log in, what can be done there
#   forms        which form, and where and how to file it (PIT-37, PCC-3, SD-Z2, VAT-R, …)
#   hotline      the hotline's phone number
#   microaccount the tax microaccount / which bank account a tax is paid to
QUESTIONS: tuple[str, ...] = ("hours", "telepin", "certificate", "visit", "eus", "forms", "hotline",
                              "microaccount")
ACTS: tuple[str, ...] = ("refuse", "representative", "correction")


@dataclass(frozen=True)
class NluResult:
    intent: str  # one of INTENTS
    topic: str  # one of TOPICS
    confidence: float  # 0..1, for the intent
    question: str | None = None  # one of QUESTIONS, or None
    act: str | None = None  # one of ACTS, or None
    topic_confidence: float | None = None  # 0..1; None when the parser cannot tell
    alternatives: tuple[str, ...] = ()  # other TOPICS that fit, best first


@runtime_checkable
class IntentParser(Protocol):
    def parse(self, text: str) -> NluResult: ...
