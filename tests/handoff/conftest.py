"""Shared pieces for the handoff tests: a verified caller's context, as the dialogue would emit it."""

from __future__ import annotations

from datetime import datetime

import pytest
from stdnum.pl import pesel as stdnum_pesel

from dialogue.secrets import Pesel, TelePin
from integrations.handoff.hours import WARSAW

# A Wednesday, 10:00 in Warsaw: the queues are open.
OPEN_NOW = datetime(2026, 11, 18, 10, 0, tzinfo=WARSAW)


def make_pesel(prefix: str = "8201011234") -> str:
    return prefix + stdnum_pesel.calc_check_digit(prefix)


PESEL = make_pesel()
PIN = "246813"


def caller_context(**overrides) -> dict:
    context = {
        "call_id": "call-test",
        "channel": "voice",
        "caller_number": "+48221234567",
        "verified": True,
        "auth_method": "pesel+telepin",
        "pesel": Pesel(PESEL),
        "telepin": TelePin(PIN),  # must never reach the card
        "name": "Jan Kowalski",
        "intent": "refund_status",
        "topic": "pit",
        "slots": {"tax": "PIT", "year": 2025},
        "transcript": [
            {"role": "bot", "text": "Dzień dobry, w czym mogę pomóc?"},
            {"role": "caller", "text": "Chcę zapytać o zwrot PIT za 2025"},
            {"role": "bot", "text": "Proszę podać numer PESEL."},
            {"role": "caller", "text": " ".join(PESEL)},
            {"role": "bot", "text": "Proszę wpisać telePIN na klawiaturze."},
            {"role": "caller", "keys": 6},
            {"role": "caller", "text": "a mój pin to " + " ".join(PIN)},
            {"role": "bot", "text": "Zwrot 1 234,56 zł został zlecony 3 marca."},
            {"role": "caller", "text": "Ale to za mało, chcę rozmawiać z konsultantem"},
        ],
        "answers": ["Zwrot 1 234,56 zł został zlecony 3 marca."],
    }
    context.update(overrides)
    return context


@pytest.fixture
def context() -> dict:
    return caller_context()
