"""The engine's tunables: timeouts, how many tries before the keypad or a human, the NLU threshold."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class EngineConfig:
    free_timeout_s: float = 8.0
    digits_timeout_s: float = 12.0
    yes_no_timeout_s: float = 6.0
    keys_timeout_s: float = 10.0
    spoken_pesel_tries: int = 2  # then the keypad
    keypad_pesel_tries: int = 2
    verify_tries: int = 3
    silence_reprompts: int = 2  # then goodbye
    misunderstandings: int = 2  # then offer a human
    intent_confidence: float = 0.5
    # Under this the model's queue is a guess: the caller is asked again rather than sent to it ("E, no,
    # tego." read as PIT at 0.48). On dev 3 of 162 written and 13 of 162 heard queue-only turns fall under.
    topic_confidence: float = 0.5
    # Offer the satisfaction survey at the end of a contained call (dialogue/states/survey.py).
    survey: bool = False
    today: date | None = None  # for the PESEL birth-date check; None = the real today
