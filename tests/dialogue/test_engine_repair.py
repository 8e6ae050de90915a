"""Repair: silence, "powtórz", "nie rozumiem", misunderstanding, barge-in, partials; tier I answers."""

from dialogue.actions import EndCall, HandOff, Listen, Say
from dialogue.events import Transcript
from tests.dialogue.harness import Call


def test_silence_reprompts_then_goodbye():
    call = Call()
    call.silence()
    assert "Nic nie słyszę" in call.said() and "W czym mogę pomóc?" in call.said()
    call.silence()
    assert call.state.name == "intent"
    call.silence()
    assert call.of(EndCall)[0].reason == "silence" and call.state.name == "ended"
    assert call.silence() == []


def test_speech_resets_the_silence_count():
    call = Call()
    call.silence()
    call.silence()
    call.say("yyy")
    call.silence()
    assert not call.of(EndCall)


def test_repeat_the_question():
    call = Call()
    greeting = call.said()
    call.say("powtórz proszę")
    assert call.said() == greeting


def test_caller_does_not_understand_twice_offers_a_human():
    call = Call()
    call.say("saldo")
    call.say("nie rozumiem")
    assert "Powiem inaczej" in call.said() and call.state.name == "pesel"
    call.say("nie rozumiem")
    assert call.state.name == "offer_agent"
    call.say("tak")
    assert call.of(HandOff)[0].reason == "caller_confused"


def test_repeated_misunderstanding_hands_off():
    call = Call()
    call.say("bla bla bla")
    assert "nie udało mi się zrozumieć" in call.said()
    call.say("kwiatki na łące")
    assert call.state.name == "offer_agent"
    call.say("hmm")  # still nothing: hand off rather than loop
    (handoff,) = call.of(HandOff)
    assert handoff.reason == "misunderstanding" and handoff.queue == "general"


def test_declining_the_human_goes_back_to_the_question():
    call = Call()
    call.say("bla")
    call.say("bla")
    call.say("nie")
    assert call.state.name == "intent" and "W czym mogę pomóc?" in call.said()


def test_asking_for_a_person():
    call = Call()
    call.say("chcę rozmawiać z konsultantem w sprawie VAT")
    (handoff,) = call.of(HandOff)
    assert handoff.queue == "vat" and handoff.reason == "caller_request"
    assert handoff.context.identity.verified is False


def test_other_matter_goes_to_the_topical_queue():
    call = Call()
    call.say("mam pytanie o podatek od spadku po babci")
    (handoff,) = call.of(HandOff)
    assert handoff.queue == "pcc_sd" and handoff.reason == "other_matter"
    assert "Łączę z konsultantem" in call.said()


def test_tier_one_answers_without_authentication():
    for question, expected in [("jakie są godziny pracy", "od ósmej do szesnastej"),
                               ("jak założyć telePIN", "e-Urzędzie Skarbowym"),
                               ("jaki jest numer konta mikrorachunku", "generatorze")]:
        call = Call()
        call.say(question)
        assert expected in call.said() and call.state.name == "anything_else"
        assert not call.state.verified and call.state.pesel is None
    call.say("do widzenia")
    assert call.of(EndCall)


def test_partial_transcript_and_barge_in_do_not_act():
    call = Call()
    assert call.send(Transcript("sal", final=False)) == []
    assert call.barge_in() == []
    assert call.state.barge_ins == 1 and call.state.name == "intent"
    assert call.state.transcript[-1].text == "[przerwanie]"


def test_hang_up_ends_quietly():
    call = Call()
    call.hang_up()
    assert call.state.name == "ended" and call.last == []


def test_text_channel_uses_the_same_engine():
    call = Call(channel="text")
    assert isinstance(call.last[0], Say) and isinstance(call.last[1], Listen)
    call.say("jakie są godziny pracy")
    assert "od ósmej" in call.said()
