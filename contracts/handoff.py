"""What the dialogue hands to a human agent: the reason (one enum) and the context (one frozen shape).

``dialogue.handoff.build_context`` builds a ``HandoffContext``; ``integrations.handoff.card`` turns it
into the agent's card. It holds no secret: the PESEL only masked, key presses only as a count, no
telePIN field at all. What only the verified agent may read travels beside it on the ``HandOff``
action: the full PESEL (``pesel``) and the bot's words in full, amounts included (``said``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class HandoffReason(StrEnum):
    """Why a call went to a human. The values are the slugs used before the enum (metrics labels)."""

    CALLER_REQUEST = "caller_request"
    CALLBACK_REQUEST = "callback_request"
    MISUNDERSTANDING = "misunderstanding"
    CALLER_CONFUSED = "caller_confused"
    BACKEND_UNAVAILABLE = "backend_unavailable"
    AUTHENTICATION_FAILED = "authentication_failed"
    IDENTIFICATION_FAILED = "identification_failed"
    PRINCIPAL_NOT_LISTED = "principal_not_listed"
    TELEPIN_BLOCKED = "telepin_blocked"
    TELEPIN_INACTIVE = "telepin_inactive"
    OTHER_MATTER = "other_matter"
    OVERFLOW = "overflow"


# As an agent reads them.
REASON_LABELS: dict[HandoffReason, str] = {
    HandoffReason.CALLER_REQUEST: "rozmówca poprosił o konsultanta",
    HandoffReason.CALLBACK_REQUEST: "rozmówca prosi o oddzwonienie",
    HandoffReason.MISUNDERSTANDING: "bot nie zrozumiał rozmówcy",
    HandoffReason.CALLER_CONFUSED: "rozmówca nie rozumiał bota",
    HandoffReason.BACKEND_UNAVAILABLE: "system rozliczeń niedostępny",
    HandoffReason.AUTHENTICATION_FAILED: "nieudane uwierzytelnienie",
    HandoffReason.IDENTIFICATION_FAILED: "nie udało się ustalić numeru PESEL",
    HandoffReason.PRINCIPAL_NOT_LISTED: "mocodawca spoza listy pełnomocnictw",
    HandoffReason.TELEPIN_BLOCKED: "zablokowany telePIN",
    HandoffReason.TELEPIN_INACTIVE: "nieaktywny telePIN",
    HandoffReason.OTHER_MATTER: "sprawa poza zakresem bota",
    HandoffReason.OVERFLOW: "wszyscy asystenci byli zajęci (przepełnienie)",
}


def reason_label(reason: str) -> str:
    """A known reason in Polish; any other slug at least without underscores."""
    try:
        return REASON_LABELS[HandoffReason(reason)]
    except ValueError:
        return str(reason).replace("_", " ")


@dataclass(frozen=True)
class CallerIdentity:
    verified: bool = False
    method: str | None = None  # "pesel+telepin" once verified
    pesel_entry: str | None = None  # voice | keypad: how the caller gave their PESEL
    pesel_masked: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class PrincipalRef:
    """The taxpayer a representative acts for (a listed principal)."""

    kind: str  # person | organisation
    name: str = ""
    basis: str | None = None  # PPO-1 | UKO
    nip: str | None = None
    pesel_masked: str | None = None


@dataclass(frozen=True)
class TranscriptLine:
    who: str  # caller | bot | system
    text: str = ""  # as recorded: a bot line with protected data is a placeholder here
    keys: int | None = None  # a keypad entry: how many keys, never which
    t: float | None = None  # seconds from the start of the call


@dataclass(frozen=True)
class HandoffContext:
    reason: str = HandoffReason.CALLER_REQUEST
    channel: str = "voice"  # voice | text
    call_id: str | None = None
    caller_number: str | None = None
    identity: CallerIdentity = field(default_factory=CallerIdentity)
    principal: PrincipalRef | None = None  # None: the caller's own matter (or not known yet)
    own_matter: bool | None = None
    intent: str | None = None  # balance | payments | refund | agent | other
    topic: str | None = None  # a queue name
    tax: str | None = None  # PIT | VAT | …
    period: str | None = None  # "2025", "2026-03"
    answered: tuple[str, ...] = ()  # what the bot answered, one short record each
    transcript: tuple[TranscriptLine, ...] = ()
    summary: str | None = None  # composed by the card when missing
