"""The engine by state: every state has handlers, state names stay the record strings, the engine
marks secret input itself (no state name is searched for "pin")."""

import json
import random

from dialogue.actions import CollectKeys, Listen
from dialogue.engine import HANDLERS
from dialogue.state import FINISHED, WAITING, DialogueState, State
from tests.dialogue.harness import Call
from tests.dialogue.spoken import make_pesel, say_digits

PESEL = make_pesel(random.Random(47))


def test_every_state_that_acts_has_handlers_and_waiting_states_take_results():
    assert set(HANDLERS) | FINISHED == set(State)
    assert not set(HANDLERS) & FINISHED
    for state in WAITING:
        assert HANDLERS[state].on_result is not None, state
    for state in set(HANDLERS) - WAITING:  # a listening state acts on what the caller says
        assert HANDLERS[state].on_transcript is not None, state


def test_state_values_are_the_strings_records_and_scenarios_use():
    assert State("telepin") is State.TELEPIN and State.TELEPIN == "telepin"
    assert json.dumps({"state": State.PESEL_CONFIRM}) == '{"state": "pesel_confirm"}'
    assert f"{State.CALLBACK_OFFER}" == "callback_offer"
    call = Call()
    call.say("jakie mam saldo")
    assert call.state.name == "pesel" and isinstance(call.state.name, State)


def test_flat_reads_of_the_sub_records_stay_for_adapters():
    call = Call()
    call.verified(PESEL, matter="zwrot PIT za 2025")
    state = call.state
    assert (state.intent, state.tax, state.period) == ("refund", "PIT", "2025")
    assert state.verified and state.identity.verified and state.pesel == state.identity.pesel
    assert state.subject is state.matter.subject and state.subject.own
    assert state.pesel_entry == "voice" and state.keys.count == 0
    # Changing one sub-record leaves the others as they were.
    changed = state.with_matter(tax="VAT")
    assert changed.tax == "VAT" and changed.identity is state.identity and changed.repair is state.repair


def test_telepin_input_is_marked_secret_and_nothing_else_is():
    call = Call()
    call.say("jakie mam saldo")
    call.say(say_digits(PESEL))
    call.say("tak")
    call.keys("12*")  # a restart
    call.say("jeden dwa trzy cztery pięć sześć")  # the PIN said aloud
    call.silence()
    call.keys("123#")  # too short
    call.keys("123456#")
    call.reply({"result": "failed"})
    telepin_keys = [a for a in call.actions if isinstance(a, CollectKeys)]
    assert len(telepin_keys) == 6 and all(k.purpose == "telepin" and k.secret for k in telepin_keys)
    assert not any(a.secret for a in call.actions if isinstance(a, Listen))


def test_pesel_on_the_keypad_is_not_secret_input():
    call = Call()
    call.say("jakie mam saldo")
    call.say("nie wiem")
    call.say("nie pamiętam")
    pesel_keys = call.of(CollectKeys)
    assert call.state.name == "pesel_keys" and pesel_keys and not pesel_keys[0].secret


def test_a_state_built_by_hand_starts_with_empty_sub_records():
    state = DialogueState(State.INTENT)
    assert state.intent is None and not state.verified and state.repair.silences == 0 and state.handoff.queue is None
