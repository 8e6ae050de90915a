"""A human: the bot's offer of an agent, the queue's answer to a handoff, and the callback offer.

offer_agent → (yes) handing_off, (no) intent or the end; handing_off → handed_off, or when the
agents are away or the transfer failed → callback_offer → handing_off (a callback) → ended.
"""

from __future__ import annotations

from dataclasses import replace

from dialogue import prompts
from dialogue.actions import EndCall
from dialogue.events import BackendResult, Transcript
from dialogue.keyword_nlu import wants_agent, yes_no
from dialogue.state import DialogueState, State
from dialogue.states.common import Handlers, Moves, Step

# Offers after which a "no" returns to the conversation rather than ending it.
RECOVERABLE_OFFERS = ("misunderstanding", "caller_confused", "principal_not_listed")


def _on_offer_answer(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    reason = state.repair.offer_reason
    answer = True if wants_agent(event.text) else yes_no(event.text)
    if answer is True:
        return moves.hand_off(state, reason or "caller_request")
    if answer is False:
        if reason in RECOVERABLE_OFFERS:
            state = state.with_repair(misunderstood=0, confused=0, offer_reason=None)
            return moves.ask(state, State.INTENT, prompts.HOW_CAN_I_HELP)
        return moves.end(state, prompts.GOODBYE, reason or "caller_done")
    if state.repair.misunderstood >= moves.config.misunderstandings:
        return moves.hand_off(state, reason or "misunderstanding")
    state = state.with_repair(misunderstood=state.repair.misunderstood + 1)
    return moves.ask(state, State.OFFER_AGENT, prompts.OFFER_AGENT_YES_NO, vocabulary="yes_no")


def _on_outcome(moves: Moves, state: DialogueState, kind: str, event: BackendResult) -> Step:
    """The queue's answer: connected, delayed, closed (then a callback offer) or unavailable."""
    outcome = event.value if isinstance(event.value, dict) and event.error is None else {}
    callback = kind == "callback"
    status = str(outcome.get("status", "unavailable"))
    reason = state.handoff.reason or "caller_request"
    if status == "queued":
        if callback:
            return moves.end(state, prompts.CALLBACK_SAVED, "callback_requested")
        return replace(state, name=State.HANDED_OFF, end_reason=reason, pending=None), [EndCall("handed_off")]
    if status == "outboxed":
        state, say = moves.say(state, prompts.HANDOFF_DELAYED)
        return replace(state, name=State.HANDED_OFF, end_reason=reason, pending=None), [say, EndCall("handed_off")]
    if status == "transfer_failed" and not callback:
        # The telephony could not move the call to the queue (SIP REFER refused or unanswered):
        # the caller is still with the bot, so it apologises and offers a callback.
        return moves.ask(state, State.CALLBACK_OFFER, prompts.TRANSFER_FAILED, prompts.TRANSFER_CALLBACK_QUESTION,
                         vocabulary="yes_no")
    if status == "closed_hours" and not callback:
        when = outcome.get("next_opening_pl")
        texts = [prompts.CLOSED_HOURS, prompts.CLOSED_HOURS_NEXT.format(when=when) if when else "",
                 prompts.CALLBACK_QUESTION]
        return moves.ask(state, State.CALLBACK_OFFER, *texts, vocabulary="yes_no")
    return moves.end(state, prompts.HANDOFF_UNAVAILABLE, "handoff_unavailable")


def _on_callback_answer(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    answer = True if wants_agent(event.text) else yes_no(event.text)
    if answer is True:
        return moves.hand_off(state, "callback_request", callback=True)
    if answer is False:
        return moves.end(state, prompts.CALLBACK_DECLINED, "closed_hours")
    return moves.ask(state, State.CALLBACK_OFFER, prompts.YES_OR_NO, prompts.CALLBACK_QUESTION, vocabulary="yes_no")


HANDLERS: dict[State, Handlers] = {
    State.OFFER_AGENT: Handlers(on_transcript=_on_offer_answer),
    State.HANDING_OFF: Handlers(on_result=_on_outcome),
    State.CALLBACK_OFFER: Handlers(on_transcript=_on_callback_answer),
}
