"""Authentication: the telePIN on the keypad, then the identity service's verdict.

Everything the caller enters here may be the telePIN: the keys are collected as secret input
(``CollectKeys.secret``), and words said meanwhile are neither written down nor repeated.
"""

from __future__ import annotations

from dataclasses import replace

from dialogue import prompts
from dialogue.actions import ListPrincipals, VerifyIdentity
from dialogue.backend import parse_result
from dialogue.events import BackendResult, Transcript
from dialogue.keyword_nlu import refuses_identification, says_goodbye, wants_agent
from dialogue.state import EMPTY_KEYS, DialogueState, State
from dialogue.states.common import Handlers, Moves, Step
from dialogue.states.refusal import TELEPIN_REFUSED, refused

PIN_LENGTH = 6


def ask_telepin(moves: Moves, state: DialogueState, *texts: str) -> Step:
    return moves.collect(state, State.TELEPIN, "telepin", PIN_LENGTH, *texts, secret=True)


def _keys_noted(moves: Moves, state: DialogueState) -> DialogueState:
    return moves.note(state.with_identity(keys=EMPTY_KEYS), "caller", f"[{state.keys.count} klawiszy]")


def _on_key(moves: Moves, state: DialogueState, key: str) -> Step:
    if key == "*":
        return ask_telepin(moves, state, prompts.TELEPIN_RESTART)
    if key == "#":
        if state.keys.count == PIN_LENGTH:
            return _verify(moves, state)
        if state.keys.count == 0:
            return state, []  # a stray '#' (e.g. after an 11-digit PESEL)
        return ask_telepin(moves, _keys_noted(moves, state), prompts.TELEPIN_LENGTH)
    state = state.with_identity(keys=state.keys.add(key)).with_repair(silences=0)
    if state.keys.count > PIN_LENGTH:
        return ask_telepin(moves, _keys_noted(moves, state), prompts.TELEPIN_LENGTH)
    return state, []


def _on_spoken(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    # Whatever was said may be the telePIN itself: it is neither kept nor repeated.
    state = moves.note(state, "caller", "[wypowiedź usunięta]")
    if says_goodbye(event.text):
        return moves.end(state, prompts.GOODBYE, "caller_goodbye")
    if wants_agent(event.text):
        return moves.hand_off(state, "caller_request")
    if refuses_identification(event.text):  # "nie chcę wpisywać telePINu"
        return refused(moves, state, refusal=TELEPIN_REFUSED)
    return ask_telepin(moves, state, prompts.TELEPIN_SPOKEN)


def _on_silence(moves: Moves, state: DialogueState) -> Step | None:
    """Six keys and then silence: the caller forgot '#'."""
    return _verify(moves, state) if state.keys.count == PIN_LENGTH else None


def _silence_reprompt(moves: Moves, state: DialogueState) -> Step:
    return ask_telepin(moves, state, prompts.TELEPIN_TIMEOUT)


def _verify(moves: Moves, state: DialogueState) -> Step:
    pin = state.keys.to_pin()
    state = _keys_noted(moves, state)
    state, request_id = moves.request(state, "verify")
    return replace(state, name=State.VERIFYING), [VerifyIdentity(request_id, state.pesel, pin)]


def _on_verdict(moves: Moves, state: DialogueState, kind: str, event: BackendResult) -> Step:
    if event.error is not None or event.value is None:
        failure = event.error.kind if event.error else "unavailable"
        return moves.backend_down(moves.note_failure(state, kind, failure))
    verdict = parse_result("verify", event.value).result
    if verdict == "verified":
        state = state.with_identity(verified=True).with_repair(misunderstood=0)
        state = moves.note(state, "system", "[tożsamość potwierdzona: PESEL i telePIN]")
        state, say = moves.say(state, prompts.AUTH_OK)
        state, request_id = moves.request(state, "principals")
        return replace(state, name=State.PRINCIPALS_WAIT), [say, ListPrincipals(request_id, state.pesel)]
    if verdict == "blocked":
        return moves.offer_agent(state, "telepin_blocked", prompts.TELEPIN_BLOCKED, prompts.AUTH_FAILED_OFFER)
    if verdict == "inactive":
        return moves.offer_agent(state, "telepin_inactive", prompts.TELEPIN_INACTIVE, prompts.AUTH_FAILED_OFFER)
    state = state.with_identity(verify_failures=state.identity.verify_failures + 1)
    if state.identity.verify_failures >= moves.config.verify_tries:
        return moves.offer_agent(state, "authentication_failed", prompts.VERIFY_FAILED_LAST, prompts.AUTH_FAILED_OFFER)
    return ask_telepin(moves, state, prompts.VERIFY_FAILED, prompts.TELEPIN_AGAIN)


HANDLERS: dict[State, Handlers] = {
    State.TELEPIN: Handlers(on_transcript=_on_spoken, on_key=_on_key, on_silence=_on_silence,
                            on_silence_reprompt=_silence_reprompt, raw_transcripts=True),
    State.VERIFYING: Handlers(on_result=_on_verdict),
}
