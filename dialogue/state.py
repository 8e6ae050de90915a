"""The dialogue state: immutable, and safe to print (no key digit, no PESEL, no amount in its repr)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dialogue.backend import Principal
from dialogue.secrets import Pesel, SecretDigits, TelePin


class KeyBuffer:
    """Keys typed so far, held only until used. Prints as a count; refuses to be pickled."""

    __slots__ = ("_digits",)

    def __init__(self, digits: str = "") -> None:
        self._digits = digits

    def add(self, key: str) -> KeyBuffer:
        return KeyBuffer(self._digits + key)

    @property
    def count(self) -> int:
        return len(self._digits)

    def to_pin(self) -> TelePin:
        return TelePin(self._digits)

    def reveal(self) -> str:
        return self._digits

    def __repr__(self) -> str:
        return f"KeyBuffer({self.count} keys)"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __reduce__(self):
        if self._digits:
            raise TypeError("typed keys are not serialisable")
        return (KeyBuffer, ())


EMPTY_KEYS = KeyBuffer()


@dataclass(frozen=True)
class Subject:
    """Whose settlements are asked about: the caller's own, or a listed principal's."""

    own: bool
    kind: str  # person | organisation
    name: str = field(default="", repr=False)
    pesel: Pesel | None = None
    nip: str | None = field(default=None, repr=False)
    basis: str | None = None  # PPO-1 | UKO for a principal
    scope: tuple[str, ...] = ()

    @classmethod
    def of_principal(cls, p: Principal) -> Subject:
        return cls(own=False, kind=p.kind, name=p.name, pesel=p.pesel, nip=p.nip, basis=p.basis, scope=p.scope)


@dataclass(frozen=True)
class Pending:
    request_id: str
    kind: str  # verify | principals | balance | payments | refund | handoff | callback


@dataclass(frozen=True)
class Line:
    """One line of the redacted transcript handed to an agent."""

    who: str  # caller | bot | system
    text: str = field(repr=False)
    # What the bot said in full when ``text`` is its redacted record: for the verified agent's card only.
    said: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class DialogueState:
    name: str
    channel: str = "voice"
    caller_number: str | None = field(default=None, repr=False)
    # What the caller wants.
    intent: str | None = None
    topic: str | None = None
    tax: str | None = None
    period: str | None = None
    # Identification and authentication.
    pesel_candidate: Pesel | None = None
    pesel_known: SecretDigits | None = None  # the first digits confirmed when only they were certain
    pesel: Pesel | None = None
    pesel_entry: str | None = None  # voice | keypad
    pesel_failures: int = 0
    keypad_failures: int = 0
    keys: KeyBuffer = EMPTY_KEYS
    verify_failures: int = 0
    verified: bool = False
    principals: tuple[Principal, ...] = field(default=(), repr=False)
    principal_failures: int = 0
    subject: Subject | None = None
    # Back-end requests.
    pending: Pending | None = None
    request_seq: int = 0
    result: Any = field(default=None, repr=False)
    result_query: str | None = None
    # Repair.
    prompt: tuple = field(default=(), repr=False)  # repeated on "powtórz"
    reprompt: tuple = field(default=(), repr=False)  # repeated after silence
    silences: int = 0
    misunderstood: int = 0
    confused: int = 0
    barge_ins: int = 0
    offer_reason: str | None = None
    # The queue and reason of a handoff under way, kept for a callback request when closed.
    handoff_queue: str | None = None
    handoff_reason: str | None = None
    # For the agent.
    answered: tuple[str, ...] = field(default=(), repr=False)
    transcript: tuple[Line, ...] = field(default=(), repr=False)
    end_reason: str | None = None
