"""A PPO-1 attorney or UKO chooses whose matter it is; only listed principals are served."""

import random

from contracts.handoff import PrincipalRef
from dialogue.actions import HandOff, LookupSettlements
from tests.dialogue.harness import Call
from tests.dialogue.spoken import make_pesel

PESEL = make_pesel(random.Random(44))
CLIENT_PESEL = make_pesel(random.Random(45))
PRINCIPALS = [
    {"kind": "organisation", "pesel": None, "nip": "5260250274", "name": "Alfa Budownictwo sp. z o.o.",
     "basis": "UKO", "scope": ["CIT", "VAT"]},
    {"kind": "person", "pesel": CLIENT_PESEL, "nip": None, "name": "Jan Kowalski", "basis": "PPO-1",
     "scope": ["PIT", "VAT", "CIT", "PCC", "SD", "AKC"]},
]


def _representative(matter="jakie jest saldo") -> Call:
    call = Call()
    call.verified(PESEL, principals=PRINCIPALS, matter=matter)
    assert call.state.name == "principal_choice"
    assert "mocodawc" in call.said()
    return call


def test_principal_by_name_in_another_case():
    call = _representative()
    call.say("w sprawie pana Kowalskiego")
    lookup = call.of(LookupSettlements)[0]
    assert lookup.subject_kind == "person" and lookup.subject_id.reveal() == CLIENT_PESEL
    assert lookup.acting_pesel.reveal() == PESEL
    assert "Jan Kowalski" in call.said()


def test_organisation_by_spoken_nip():
    call = _representative()
    call.say("NIP pięć dwa sześć zero dwa pięć zero dwa siedem cztery")
    lookup = call.of(LookupSettlements)[0]
    assert lookup.subject_kind == "organisation" and lookup.subject_id == "5260250274"


def test_own_matter():
    call = _representative()
    call.say("we własnej sprawie")
    lookup = call.of(LookupSettlements)[0]
    assert lookup.subject_id.reveal() == PESEL and call.state.subject.own


def test_non_principal_is_refused_politely_then_offered_a_human():
    call = _representative()
    call.say("w sprawie firmy Omega Trans")
    assert "Nie widzę takiego mocodawcy" in call.said() and not call.of(LookupSettlements)
    call.say("NIP jeden dwa trzy cztery pięć sześć siedem osiem dziewięć zero")
    assert call.state.name == "offer_agent" and not call.all_of(LookupSettlements)
    call.say("nie")
    assert call.state.name == "intent"


def test_tax_outside_the_scope_is_refused():
    call = _representative(matter="saldo PIT")
    call.say("Alfa Budownictwo")
    assert "nie obejmuje podatku dochodowego od osób fizycznych" in call.said()
    assert not call.of(LookupSettlements)


def test_handoff_carries_the_principal():
    call = _representative()
    call.say("Alfa")
    call.reply({"balances": []})
    call.say("proszę z konsultantem")
    principal = call.of(HandOff)[0].context.principal
    assert principal == PrincipalRef(kind="organisation", name="Alfa Budownictwo sp. z o.o.", nip="5260250274",
                                     pesel_masked=None, basis="UKO")
