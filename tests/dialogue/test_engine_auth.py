"""Identification and authentication paths, by text."""

import random

from dialogue import prompts
from dialogue.actions import CollectKeys, EndCall, HandOff, Listen, ListPrincipals, LookupSettlements, VerifyIdentity
from dialogue.backend import BackendError
from dialogue.secrets import Pesel, TelePin
from tests.dialogue.harness import Call
from tests.dialogue.spoken import make_pesel, say_digits

PESEL = make_pesel(random.Random(42))


def test_greeting_asks_for_the_matter():
    call = Call()
    assert call.state.name == "intent"
    assert "W czym mogę pomóc?" in call.said()
    assert call.of(Listen)[0].vocabulary == "free"


def test_individual_question_asks_for_pesel_with_digit_vocabulary():
    call = Call()
    call.say("chcę sprawdzić saldo")
    assert call.state.name == "pesel"
    assert "PESEL" in call.said()
    assert call.of(Listen)[0].vocabulary == "digits"


def test_pesel_read_back_then_telepin_then_verify():
    call = Call()
    call.say("jakie mam saldo")
    call.say(say_digits(PESEL))
    assert call.state.name == "pesel_confirm"
    assert call.of(Listen)[0].vocabulary == "yes_no"
    readback = call.last[0].text
    assert "osiem" in readback or "zero" in readback or "jeden" in readback
    assert PESEL not in repr(call.last)
    call.say("tak, zgadza się")
    assert call.of(CollectKeys) == [CollectKeys("telepin", 6, call.engine.config.keys_timeout_s, secret=True)]
    call.keys("654321#")
    (verify,) = call.of(VerifyIdentity)
    assert verify.pesel == Pesel(PESEL) and verify.pin == TelePin("654321")
    call.reply({"result": "verified"})
    (listing,) = call.of(ListPrincipals)
    assert listing.pesel == Pesel(PESEL)
    call.reply({"principals": []})
    (lookup,) = call.of(LookupSettlements)
    assert lookup.query == "balance" and lookup.acting_pesel == Pesel(PESEL) and lookup.subject_id == Pesel(PESEL)


def test_rejected_readback_asks_again_then_keypad_after_two_failures():
    call = Call()
    call.say("saldo proszę")
    call.say(say_digits(PESEL))
    call.say("nie")
    assert call.state.name == "pesel"
    call.say("yyy nie wiem")  # nothing usable: second failure
    assert call.state.name == "pesel_keys"
    assert call.of(CollectKeys)[0].purpose == "pesel" and call.of(CollectKeys)[0].max_keys == 11
    call.keys(PESEL)  # the 11th key completes it
    assert call.state.name == "telepin"
    assert call.state.pesel == Pesel(PESEL) and call.state.pesel_entry == "keypad"
    assert call.keys("#") == []  # a trailing '#' after the PESEL is ignored
    assert call.state.name == "telepin"


def test_keypad_pesel_invalid_and_restart():
    call = Call()
    call.say("saldo")
    call.say("nic")
    call.say("nic")
    assert call.state.name == "pesel_keys"
    call.keys("123*")
    assert "od początku" in call.said()
    bad = PESEL[:10] + str((int(PESEL[10]) + 1) % 10)
    call.keys(bad)
    assert "nieprawidłowy" in call.said() and call.state.name == "pesel_keys"
    call.keys(bad)
    assert call.state.name == "offer_agent"
    call.say("tak")
    (handoff,) = call.of(HandOff)
    assert handoff.reason == "identification_failed" and not handoff.context.identity.verified
    assert handoff.said == () and handoff.pesel is None  # nothing beside the context for an unverified caller


def test_correction_during_confirmation():
    call = Call()
    call.say("saldo")
    other = make_pesel(random.Random(7))
    call.say(say_digits(other))
    call.say(say_digits(PESEL))  # says the number again instead of yes/no
    assert call.state.name == "pesel_confirm" and call.state.pesel_candidate == Pesel(PESEL)


def test_telepin_star_restarts_and_hash_submits():
    call = Call()
    call.to_telepin(PESEL)
    call.keys("99*")
    assert "od początku" in call.said() and call.state.keys.count == 0
    call.keys("123456#")
    assert call.of(VerifyIdentity)[0].pin == TelePin("123456")


def test_telepin_too_short_or_too_long():
    call = Call()
    call.to_telepin(PESEL)
    call.keys("123#")
    assert "sześć cyfr" in call.said() and call.state.name == "telepin"
    call.keys("1234567")
    assert "sześć cyfr" in call.said() and call.state.keys.count == 0


def test_telepin_timeout_reprompts_and_six_digits_without_hash_submit():
    call = Call()
    call.to_telepin(PESEL)
    call.keys("12")
    call.silence()
    assert "Nie dotarł cały telePIN" in call.said() and call.state.keys.count == 0
    call.keys("123456")
    call.silence()
    assert call.of(VerifyIdentity)


def test_telepin_timeouts_end_the_call():
    call = Call()
    call.to_telepin(PESEL)
    for _ in range(3):
        call.silence()
    assert call.of(EndCall)[0].reason == "silence" and call.state.name == "ended"


def test_spoken_telepin_is_not_kept():
    call = Call()
    call.to_telepin(PESEL)
    call.say("jeden dwa trzy cztery pięć sześć")
    assert "nie wypowiadaj" in call.said()
    assert all("jeden dwa" not in line.text for line in call.state.transcript)


def test_refusing_to_key_in_the_telepin_says_why_and_drops_the_keys_typed():
    call = Call()
    call.to_telepin(PESEL)
    call.keys("12")
    call.say("nie chcę wpisywać telePINu")
    assert call.said() == f"{prompts.REFUSAL} {prompts.HOW_CAN_I_HELP}"
    assert call.state.name == "intent" and call.state.keys.count == 0
    assert "odmowa wpisania telePINu" in call.state.answered  # what an agent reads in a later handoff
    assert not call.all_of(VerifyIdentity)


def test_wrong_pin_three_times_blocked():
    call = Call()
    call.authenticate(PESEL)
    call.reply({"result": "failed"})
    assert "Numer PESEL lub telePIN jest nieprawidłowy" in call.said() and call.state.name == "telepin"
    call.keys("111111#")
    call.reply({"result": "failed"})
    call.keys("222222#")
    call.reply({"result": "blocked"})
    assert "zablokowany" in call.said() and "e-Urzędzie Skarbowym" in call.said()
    assert call.state.name == "offer_agent" and not call.state.verified
    call.say("nie, dziękuję")
    assert call.of(EndCall)


def test_unknown_pesel_same_wording_as_wrong_pin():
    wrong_pin, unknown = Call(), Call()
    wrong_pin.authenticate(PESEL)
    unknown.authenticate(make_pesel(random.Random(99)))
    wrong_pin.reply({"result": "failed"})
    unknown.reply({"result": "failed"})
    assert wrong_pin.said() == unknown.said()
    for _ in range(2):  # unknown PESELs are never blocked: three failures end authentication
        unknown.keys("000000#")
        unknown.reply({"result": "failed"})
    assert unknown.state.name == "offer_agent" and not unknown.state.verified
    unknown.say("tak")
    assert unknown.of(HandOff)[0].reason == "authentication_failed"
    assert unknown.of(HandOff)[0].pesel is None


def test_inactive_telepin():
    call = Call()
    call.authenticate(PESEL)
    call.reply({"result": "inactive"})
    assert "nieaktywny" in call.said() and "e-Urzędzie Skarbowym" in call.said()
    assert not call.state.verified


def test_identity_service_down_offers_a_human():
    call = Call()
    call.authenticate(PESEL)
    call.reply(error=BackendError("unavailable"))
    assert "niedostępny" in call.said() and call.state.name == "offer_agent"
    call.say("tak")
    assert call.of(HandOff)[0].reason == "backend_unavailable"


def test_stale_backend_result_is_ignored():
    call = Call()
    call.authenticate(PESEL)
    from dialogue.events import BackendResult
    assert call.send(BackendResult("verify-999", {"result": "verified"})) == []
    assert call.state.name == "verifying"


def test_pesel_given_with_the_matter_is_read_back_at_once():
    call = Call()
    call.say(f"chcę sprawdzić saldo, mój PESEL to {say_digits(PESEL)}")
    assert call.state.name == "pesel_confirm" and call.state.pesel_candidate == Pesel(PESEL)
    assert call.state.transcript[-2].text == "[numer PESEL podany głosem]"


def test_no_with_again_rejects_the_readback():
    call = Call()
    call.say("saldo")
    call.say(say_digits(PESEL))
    call.say("nie, jeszcze raz")
    assert call.state.name == "pesel" and call.state.pesel_failures == 1
