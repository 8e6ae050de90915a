"""After a handoff the engine hears how it went: connected, delayed (Redis down, outbox), closed
(outside business hours: a callback offer), impossible, or — on SIP — not transferred."""

from __future__ import annotations

from dialogue import prompts
from dialogue.actions import EndCall, HandOff, Listen
from dialogue.backend import BackendError
from tests.dialogue.harness import Call


def asked_for_agent() -> tuple[Call, HandOff]:
    call = Call()
    call.say("poproszę z konsultantem w sprawie VAT")
    (handoff,) = call.of(HandOff)
    assert call.state.name == "handing_off"
    return call, handoff


def test_queued_handoff_ends_the_bots_part():
    call, handoff = asked_for_agent()
    assert handoff.queue == "vat" and not handoff.callback
    call.reply({"status": "queued"})
    assert call.state.name == "handed_off"
    assert call.of(EndCall)


def test_outboxed_handoff_tells_the_caller_it_may_take_longer():
    call, _ = asked_for_agent()
    call.reply({"status": "outboxed"})
    assert prompts.HANDOFF_DELAYED in call.said()
    assert call.state.name == "handed_off" and call.of(EndCall)


def test_closed_hours_offer_a_callback_which_is_queued_to_the_same_queue():
    call, first = asked_for_agent()
    call.reply({"status": "closed_hours", "next_opening_pl": "w poniedziałek o 8:00"})
    assert call.state.name == "callback_offer"
    assert "od ósmej do szesnastej" in call.said() and "w poniedziałek o 8:00" in call.said()
    assert call.of(Listen)[0].vocabulary == "yes_no"
    call.say("tak, poproszę")
    (callback,) = call.of(HandOff)
    assert callback.callback and callback.queue == first.queue and callback.reason == "callback_request"
    call.reply({"status": "queued"})
    assert prompts.CALLBACK_SAVED in call.said() and call.of(EndCall)


def test_closed_hours_callback_declined_points_to_eus_and_says_goodbye():
    call, _ = asked_for_agent()
    call.reply({"status": "closed_hours"})
    call.say("nie, dziękuję")
    assert "e-Urzędzie Skarbowym" in call.said() and call.of(EndCall)
    assert not call.of(HandOff)


def test_no_queue_at_all_apologises_and_ends():
    call, _ = asked_for_agent()
    call.reply(error=BackendError("unavailable"))
    assert prompts.HANDOFF_UNAVAILABLE in call.said() and call.of(EndCall)


def test_speech_while_the_handoff_is_under_way_is_not_acted_on():
    call, _ = asked_for_agent()
    assert call.say("halo, jest tam ktoś?") == []
    assert call.state.name == "handing_off"


def test_failed_transfer_keeps_the_caller_with_an_apology_and_a_callback_offer():
    call, first = asked_for_agent()
    call.reply({"status": "transfer_failed"})  # the SIP REFER did not reach the queue
    assert call.state.name == "callback_offer" and not call.of(EndCall)
    assert prompts.TRANSFER_FAILED in call.said() and prompts.TRANSFER_CALLBACK_QUESTION in call.said()
    call.say("tak")
    (callback,) = call.of(HandOff)
    assert callback.callback and callback.queue == first.queue
    call.reply({"status": "queued"})
    assert prompts.CALLBACK_SAVED in call.said() and call.of(EndCall)
