"""Tax secrecy: no telePIN digit anywhere, no PESEL in any repr, in the transcript or the handoff context."""

import json
from dataclasses import asdict
import pickle
import random

import pytest

from dialogue.actions import HandOff, Say, VerifyIdentity
from dialogue.events import KeyPress
from dialogue.speech import digits_words
from tests.dialogue.harness import Call
from tests.dialogue.spoken import make_pesel, say_digits

PESEL = make_pesel(random.Random(46))
PIN = "918273"
PIN_SPOKEN = digits_words(PIN)


def _leaks(text: str) -> bool:
    return PIN in text or PESEL in text or PIN_SPOKEN in text or say_digits(PESEL) in text


def _secret_call() -> tuple[Call, list[str]]:
    """A full call with a '*' restart and a failed try; collects the state repr after every step."""
    call = Call()
    reprs = [repr(call.state)]

    def step(fn, *args):
        fn(*args)
        reprs.append(repr(call.state))
        reprs.extend(repr(a) for a in call.last)

    step(call.say, "jakie mam saldo w PIT")
    step(call.say, say_digits(PESEL))
    step(call.say, "tak")
    for key in "91*" + PIN + "#":
        step(call.keys, key)
    assert call.state.keys.count == 0  # dropped once VerifyIdentity is out
    step(call.reply, {"result": "failed"})
    for key in PIN + "#":
        step(call.keys, key)
    step(call.reply, {"result": "verified"})
    step(call.reply, {"principals": []})
    step(call.reply, {"balances": [{"tax": "PIT", "balance_grosze": 0, "arrears_grosze": 0,
                                    "overpayment_grosze": 0, "as_of": "2026-03-15"}]})
    step(call.say, "proszę z konsultantem")
    return call, reprs


def test_no_pin_or_pesel_in_any_repr():
    call, reprs = _secret_call()
    assert not any(_leaks(r) for r in reprs)
    assert not any(_leaks(repr(e)) for e in call.events)
    assert repr(KeyPress("7")) == "KeyPress()"


def test_pin_is_never_said_and_reaches_only_verify_identity():
    call, _ = _secret_call()
    assert not any(_leaks(a.text) for a in call.actions if isinstance(a, Say) and not a.sensitive)
    assert not any(PIN in a.text or PIN_SPOKEN in a.text for a in call.actions if isinstance(a, Say))
    pins = [a.pin.reveal() for a in call.actions if isinstance(a, VerifyIdentity)]
    assert pins == [PIN, PIN]


def test_handoff_context_is_redacted_and_json_safe():
    call, _ = _secret_call()
    (handoff,) = call.all_of(HandOff)
    dumped = json.dumps(asdict(handoff.context), ensure_ascii=False)
    assert not _leaks(dumped)
    assert "[6 klawiszy]" in dumped and "[numer PESEL podany głosem]" in dumped
    assert handoff.context.identity.verified is True
    assert not _leaks(repr(handoff))


def test_transcript_keeps_only_counts_of_keys():
    call, _ = _secret_call()
    texts = [line.text for line in call.state.transcript]
    assert not any(_leaks(t) for t in texts)
    assert not any(any(ch.isdigit() for ch in t) and "klawiszy" not in t and "[" not in t for t in texts
                   if t.startswith("["))


def test_typed_keys_cannot_be_pickled():
    call = Call()
    call.authenticate(PESEL)
    call.reply({"result": "failed"})
    call.keys("12")
    with pytest.raises(TypeError):
        pickle.dumps(call.state.keys)
