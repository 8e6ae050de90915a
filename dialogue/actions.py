"""Actions the dialogue engine asks the outside world to perform (see docs/ARCHITECTURE.md).

``Say.sensitive`` marks text that carries personal data (a PESEL read back, amounts): its repr is
masked, and a call record should store ``Say.record_text`` rather than ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contracts.handoff import HandoffContext
from contracts.secrets import Pesel, TelePin
from contracts.survey import SurveyResult


@dataclass(frozen=True)
class Say:
    text: str
    sensitive: bool = False

    @property
    def record_text(self) -> str:
        return "[wypowiedź z danymi chronionymi]" if self.sensitive else self.text

    def __repr__(self) -> str:
        return f"Say({self.record_text!r})"


@dataclass(frozen=True)
class Choice:
    """An answer a text channel may offer as a button: its ``label``, and the ``reply`` it sends
    (as keypad keys when ``keys``: a rating pressed is a key, as on the phone)."""

    label: str
    reply: str
    keys: bool = False


@dataclass(frozen=True)
class Listen:
    vocabulary: str = "free"  # free | digits | yes_no
    timeout_s: float = 8.0
    # What a digits turn is for (``dialogue.number_reading.NumberSpec``): the recogniser scores the
    # candidate numbers against the audio. It may hold confirmed digits: never printed.
    expect: Any = field(default=None, repr=False)
    # The answer may be a secret the record must never hold (a telePIN said aloud): adapters keep
    # nothing of the caller's input until the next Listen/CollectKeys. The engine decides, not a
    # state name.
    secret: bool = False
    # Answers a text channel shows as buttons (the voice channel ignores them).
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class CollectKeys:
    purpose: str  # telepin | pesel
    max_keys: int
    timeout_s: float = 10.0
    secret: bool = False  # as Listen.secret: keys typed for a telePIN are never stored


@dataclass(frozen=True)
class VerifyIdentity:
    request_id: str
    pesel: Pesel
    pin: TelePin


@dataclass(frozen=True)
class ListPrincipals:
    request_id: str
    pesel: Pesel


@dataclass(frozen=True)
class LookupSettlements:
    request_id: str
    subject_kind: str  # person | organisation
    subject_id: Pesel | str  # a person's Pesel, or a NIP
    query: str  # balance | payments | refund
    tax: str | None
    acting_pesel: Pesel


@dataclass(frozen=True)
class HandOff:
    """Queue the caller for an agent; the outcome comes back as a ``BackendResult`` for
    ``request_id`` with ``{"status": queued | outboxed | closed_hours | unavailable,
    "next_opening_pl": str | None}``. ``callback``: a request to be called back, queued even
    outside business hours."""

    queue: str
    reason: str
    context: HandoffContext = field(repr=False)
    # For the agent's 360 card only (the context itself holds the masked form).
    pesel: Pesel | None = None
    request_id: str = "handoff"
    callback: bool = False
    # For the verified agent's card only: the bot's words in full (amounts included), newest first.
    said: tuple[str, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class RecordSurvey:
    """Store a finished (or interrupted) satisfaction survey; the adapter adds the call id.
    ``result.call_id`` is empty here: the dialogue does not know it."""

    result: SurveyResult


@dataclass(frozen=True)
class EndCall:
    reason: str


Action = Say | Listen | CollectKeys | VerifyIdentity | ListPrincipals | LookupSettlements | HandOff | RecordSurvey | EndCall
