"""Events fed to the dialogue engine (see docs/ARCHITECTURE.md, "Dialogue engine").

Key digits do enter a ``KeyPress`` (there is no other way in), but its repr never shows the key:
the events of a call may be logged, the telePIN must not be. A ``Transcript`` likewise prints only
its length (the caller may be saying their PESEL).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dialogue.backend import BackendError


@dataclass(frozen=True)
class CallStarted:
    channel: str = "voice"  # voice | text
    caller_number: str | None = None


@dataclass(frozen=True)
class SurveyStarted:
    """The caller is back with the bot after an agent finished a handed-off conversation: the
    conversation starts with the survey offer (``queue``: the handoff's queue)."""

    channel: str = "voice"
    queue: str | None = None


@dataclass(frozen=True)
class Transcript:
    text: str
    alternatives: tuple[str, ...] = ()
    final: bool = True
    # Texts the recogniser scored against the audio for a digits turn, with log P(text | audio).
    scored: tuple[tuple[str, float], ...] = ()

    def __repr__(self) -> str:
        # What a caller says may hold a PESEL or amounts: an event log shows only its shape.
        return f"Transcript(<{len(self.text)} chars>, alternatives={len(self.alternatives)}, final={self.final})"


@dataclass(frozen=True)
class KeyPress:
    key: str = field(repr=False)  # one of 0-9 * #

    def __post_init__(self) -> None:
        if len(self.key) != 1 or self.key not in "0123456789*#":
            raise ValueError("a key is one of 0-9, * or #")


@dataclass(frozen=True)
class SilenceTimeout:
    pass


@dataclass(frozen=True)
class BargeIn:
    pass


@dataclass(frozen=True)
class BackendResult:
    """The answer to a request action: ``value`` (a ``dialogue.backend`` type or its JSON dict) or ``error``."""

    request_id: str
    value: Any = field(default=None, repr=False)
    error: BackendError | None = None


@dataclass(frozen=True)
class HangUp:
    pass


Event = CallStarted | SurveyStarted | Transcript | KeyPress | SilenceTimeout | BargeIn | BackendResult | HangUp
