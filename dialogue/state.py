"""The dialogue state: immutable, and safe to print (no key digit, no PESEL, no amount in its repr).

``State`` names where the call is; ``DialogueState`` holds the call's facts in sub-records, one per
concern (identity, matter, repair, handoff), each changed with ``state.with_<record>(...)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from dialogue.backend import Principal
from dialogue.booking_types import VisitDraft
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
    kind: str  # verify | principals | handoff | callback | a service's intent (dialogue.intents)


@dataclass(frozen=True)
class Line:
    """One line of the redacted transcript handed to an agent."""

    who: str  # caller | bot | system
    text: str = field(repr=False)
    # What the bot said in full when ``text`` is its redacted record: for the verified agent's card only.
    said: str | None = field(default=None, repr=False)


class State(StrEnum):
    """Where the call is. The values are the strings records and scenarios use (``only_in_state``)."""

    # The matter and its answer (dialogue/states/answer.py).
    INTENT = "intent"  # what does the caller want?
    QUERY_CHOICE = "query_choice"  # verified, but which personal question?
    LOOKUP_WAIT = "lookup_wait"  # a service's request is out
    TAX_CHOICE = "tax_choice"  # the answer depends on which tax
    TOPIC_CHOICE = "topic_choice"  # two queues fit: "Czy chodzi o PIT czy o VAT?"
    ANYTHING_ELSE = "anything_else"  # answered; anything else?
    # Identification (dialogue/states/identify.py).
    PESEL = "pesel"
    PESEL_REST = "pesel_rest"  # the first digits are confirmed, the rest is asked for
    PESEL_CONFIRM = "pesel_confirm"  # the read-back waits for yes/no
    PESEL_KEYS = "pesel_keys"  # the PESEL on the keypad
    # Authentication (dialogue/states/authenticate.py).
    TELEPIN = "telepin"  # keys of the telePIN; all caller input is secret
    VERIFYING = "verifying"
    # Whose matter (dialogue/states/principals.py).
    PRINCIPALS_WAIT = "principals_wait"
    PRINCIPAL_CHOICE = "principal_choice"
    # A human (dialogue/states/hand_off.py).
    OFFER_AGENT = "offer_agent"
    HANDING_OFF = "handing_off"  # the queue's answer is awaited
    CALLBACK_OFFER = "callback_offer"
    # The satisfaction survey (dialogue/states/survey.py).
    SURVEY_OFFER = "survey_offer"  # "Czy zechcesz ocenić rozmowę?"
    SURVEY_QUESTION = "survey_question"  # a rating 1–5, keypad or voice (which one: ``survey.answers``)
    SURVEY_COMMENT = "survey_comment"  # one optional spoken comment
    # The end: nothing acts any more.
    HANDED_OFF = "handed_off"
    ENDED = "ended"
    # Booking a visit at a tax office (dialogue/states/booking.py).
    BOOKING_WAIT = "booking_wait"  # the booking system's answer is awaited
    BOOKING_OFFICE = "booking_office"  # which office?
    BOOKING_MATTER = "booking_matter"  # which matter?
    BOOKING_SLOT = "booking_slot"  # a free slot is offered: this one, or later?
    BOOKING_NAME = "booking_name"  # the visitor's name (a caller who is not verified)
    BOOKING_EMAIL = "booking_email"  # the e-mail address, spelled or typed
    BOOKING_EMAIL_CONFIRM = "booking_email_confirm"  # the address read back
    BOOKING_CONFIRM = "booking_confirm"  # the whole visit read back: book it?
    BOOKING_CANCEL_CODE = "booking_cancel_code"  # cancelling: which booking code? (states/booking_cancel.py)
    BOOKING_CANCEL_CONFIRM = "booking_cancel_confirm"  # the code read back: cancel it?


# States that wait for a back-end answer: the caller's words are noted, nothing else happens.
WAITING = frozenset({State.VERIFYING, State.PRINCIPALS_WAIT, State.LOOKUP_WAIT, State.HANDING_OFF,
                     State.BOOKING_WAIT})
FINISHED = frozenset({State.HANDED_OFF, State.ENDED})


@dataclass(frozen=True)
class Identity:
    """Identification and authentication: who the caller is, and how sure the bot is of it."""

    pesel_candidate: Pesel | None = None  # read back, waiting for a yes
    pesel_known: SecretDigits | None = None  # the first digits confirmed when only they were certain
    pesel: Pesel | None = None  # confirmed by the caller
    pesel_entry: str | None = None  # voice | keypad
    pesel_failures: int = 0
    keypad_failures: int = 0
    keys: KeyBuffer = EMPTY_KEYS  # typed keys, held only until used
    verify_failures: int = 0
    verified: bool = False


@dataclass(frozen=True)
class Matter:
    """What the caller wants, on whose behalf, and what the back end answered."""

    intent: str | None = None  # an NLU intent, or a service of dialogue.intents
    topic: str | None = None
    tax: str | None = None
    period: str | None = None
    principals: tuple[Principal, ...] = field(default=(), repr=False)
    principal_failures: int = 0
    subject: Subject | None = None
    result: Any = field(default=None, repr=False)
    result_query: str | None = None  # the service whose result is held
    answered: tuple[str, ...] = field(default=(), repr=False)  # for the agent: what the bot answered


@dataclass(frozen=True)
class Repair:
    """Keeping the conversation going: what to repeat, and how often things went wrong."""

    prompt: tuple = field(default=(), repr=False)  # repeated on "powtórz"
    reprompt: tuple = field(default=(), repr=False)  # repeated after silence
    silences: int = 0
    misunderstood: int = 0
    confused: int = 0
    barge_ins: int = 0
    offer_reason: str | None = None  # why a human was offered


@dataclass(frozen=True)
class Handoff:
    """The queue and reason of a handoff under way, kept for a callback request when closed."""

    queue: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Survey:
    """The satisfaction survey: why it is asked, the ratings so far, and how the call ends after it."""

    source: str | None = None  # contracts.survey.SurveySource
    answers: tuple = ()  # contracts.survey.SurveyAnswer, in the order of SURVEY_QUESTIONS
    comment: str | None = field(default=None, repr=False)  # redacted
    failures: int = 0  # answers that were not a rating, for the current question
    end_reason: str | None = None  # the call's end reason once the survey is over


def _view(record: str, name: str) -> property:
    """``state.<name>`` reads ``state.<record>.<name>`` (read-only)."""
    return property(lambda state: getattr(getattr(state, record), name), doc=f"``{record}.{name}``")


@dataclass(frozen=True)
class DialogueState:
    name: State
    channel: str = "voice"
    caller_number: str | None = field(default=None, repr=False)
    identity: Identity = Identity()
    matter: Matter = Matter()
    repair: Repair = Repair()
    handoff: Handoff = Handoff()
    survey: Survey = Survey()
    visit: VisitDraft = VisitDraft()  # a visit being booked
    # Back-end requests.
    pending: Pending | None = None
    request_seq: int = 0
    # For the agent.
    transcript: tuple[Line, ...] = field(default=(), repr=False)
    end_reason: str | None = None

    def with_identity(self, **changes: Any) -> DialogueState:
        return replace(self, identity=replace(self.identity, **changes))

    def with_matter(self, **changes: Any) -> DialogueState:
        return replace(self, matter=replace(self.matter, **changes))

    def with_repair(self, **changes: Any) -> DialogueState:
        return replace(self, repair=replace(self.repair, **changes))

    def with_handoff(self, **changes: Any) -> DialogueState:
        return replace(self, handoff=replace(self.handoff, **changes))

    def with_survey(self, **changes: Any) -> DialogueState:
        return replace(self, survey=replace(self.survey, **changes))

    def with_visit(self, **changes: Any) -> DialogueState:
        return replace(self, visit=replace(self.visit, **changes))

    # Read-only views under the names adapters, the handoff context and tests read
    # (voicebot/call_record.py, dialogue/handoff.py, eval/pesel_capture.py).
    intent = _view("matter", "intent")
    topic = _view("matter", "topic")
    tax = _view("matter", "tax")
    period = _view("matter", "period")
    subject = _view("matter", "subject")
    answered = _view("matter", "answered")
    pesel = _view("identity", "pesel")
    pesel_candidate = _view("identity", "pesel_candidate")
    pesel_known = _view("identity", "pesel_known")
    pesel_entry = _view("identity", "pesel_entry")
    pesel_failures = _view("identity", "pesel_failures")
    keys = _view("identity", "keys")
    verified = _view("identity", "verified")
    barge_ins = _view("repair", "barge_ins")
