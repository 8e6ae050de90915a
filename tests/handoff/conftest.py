"""Shared pieces for the handoff tests: a verified caller's context, as the dialogue would emit it."""

from __future__ import annotations

from datetime import datetime

import pytest
from stdnum.pl import pesel as stdnum_pesel

from contracts.handoff import CallerIdentity, HandoffContext, PrincipalRef, TranscriptLine
from contracts.secrets import Pesel, mask_pesel
from integrations.handoff.hours import WARSAW

# A Wednesday, 10:00 in Warsaw: the queues are open.
OPEN_NOW = datetime(2026, 11, 18, 10, 0, tzinfo=WARSAW)


def make_pesel(prefix: str = "8201011234") -> str:
    return prefix + stdnum_pesel.calc_check_digit(prefix)


PESEL = make_pesel()
PIN = "246813"


# What the bot said in full, newest first (``HandOff.said``): for the verified agent only.
BOT_SAID = ("Zwrot 1 234,56 zł został zlecony 3 marca.", "Proszę wpisać telePIN na klawiaturze.",
            "Proszę podać numer PESEL.", "Dzień dobry, w czym mogę pomóc?")


def caller_context(**overrides) -> HandoffContext:
    """A verified caller's context as the dialogue emits it; ``verified=False``, ``principal={…}``
    and any ``HandoffContext`` field may be overridden. The full PESEL travels beside it (``AGENT_ONLY``)."""
    verified = overrides.pop("verified", True)
    principal = overrides.pop("principal", None)
    fields = dict(
        reason="caller_request",
        call_id="call-test",
        channel="voice",
        caller_number="+48221234567",
        identity=CallerIdentity(verified=verified, method="pesel+telepin" if verified else None,
                                pesel_masked=mask_pesel(PESEL), name="Jan Kowalski"),
        principal=PrincipalRef(**principal) if principal else None,
        own_matter=principal is None,
        intent="refund",
        topic="pit",
        tax="PIT",
        period="2025",
        answered=("refund: PIT, 2025",),
        transcript=(
            TranscriptLine("bot", "Dzień dobry, w czym mogę pomóc?"),
            TranscriptLine("caller", "Chcę zapytać o zwrot PIT za 2025"),
            TranscriptLine("bot", "Proszę podać numer PESEL."),
            TranscriptLine("caller", " ".join(PESEL)),
            TranscriptLine("bot", "Proszę wpisać telePIN na klawiaturze."),
            TranscriptLine("caller", keys=6),
            TranscriptLine("caller", "a mój pin to " + " ".join(PIN)),
            TranscriptLine("bot", "Zwrot 1 234,56 zł został zlecony 3 marca."),
            TranscriptLine("caller", "Ale to za mało, chcę rozmawiać z konsultantem"),
        ),
    )
    fields.update(overrides)
    return HandoffContext(**fields)


# What travels beside the context on the ``HandOff`` action, for the verified agent only.
AGENT_ONLY = {"pesel": Pesel(PESEL), "said": BOT_SAID}


@pytest.fixture
def context() -> HandoffContext:
    return caller_context()
