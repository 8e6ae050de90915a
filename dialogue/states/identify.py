"""Identification: the caller's PESEL, said aloud (read back for a yes) or typed on the keypad.

pesel → pesel_confirm → (authenticate); a reading certain only in its first groups goes through
pesel_rest; after ``spoken_pesel_tries`` failed readings, pesel_keys.
"""

from __future__ import annotations

from dialogue import prompts
from dialogue.events import Transcript
from dialogue.keyword_nlu import refuses_identification, yes_no
from dialogue.number_reading import NumberSpec, read_number
from dialogue.numerals import words_to_digits
from dialogue.pesel import from_keys
from dialogue.secrets import Pesel
from dialogue.speech import last_digits_phrase, pesel_readback
from dialogue.state import EMPTY_KEYS, DialogueState, State
from dialogue.states import authenticate
from dialogue.states.common import Handlers, Moves, Step
from dialogue.states.refusal import refused

# States whose caller utterances may hold a PESEL: the transcript keeps a placeholder instead.
PESEL_STATES = frozenset({State.PESEL, State.PESEL_REST, State.PESEL_CONFIRM, State.PESEL_KEYS})
PESEL_LENGTH = 11


def ask_pesel(moves: Moves, state: DialogueState, *prefix: str) -> Step:
    """Start identification: the caller asked for something that needs to know who they are."""
    return moves.ask(state, State.PESEL, *prefix, prompts.NEED_AUTH, prompts.ASK_PESEL, vocabulary="digits",
                     expect=NumberSpec("pesel"))


def _on_pesel_turn(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    """A refusal ("nie chcę podawać PESELu…") is an answer too, not a failed reading."""
    if len(words_to_digits(event.text)) < 3 and refuses_identification(event.text):
        return refused(moves, state)
    return on_pesel_spoken(moves, state, event)


def on_pesel_spoken(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    """A whole PESEL (state ``pesel``), or the rest of one whose first groups are confirmed
    (``pesel_rest``): a clear reading is read back for a yes/no; a reading certain only in its
    first groups confirms those and asks for the rest, as an agent does."""
    known = state.identity.pesel_known if state.name == State.PESEL_REST else None
    reading = read_number(event.text, event.alternatives, dict(event.scored), NumberSpec("pesel", known),
                          moves.config.today)
    if reading.value is not None:
        candidate = Pesel(reading.value.reveal())
        state = state.with_identity(pesel_candidate=candidate, pesel_known=None)
        text = prompts.CONFIRM_PESEL.format(digits=pesel_readback(candidate.reveal()))
        return moves.ask(state, State.PESEL_CONFIRM, text, vocabulary="yes_no", sensitive=True)
    if reading.certain is not None and state.name == State.PESEL:
        known = reading.certain
        rest = prompts.PESEL_REST.format(rest=last_digits_phrase(PESEL_LENGTH - len(known)))
        state = state.with_identity(pesel_known=known)
        return moves.ask(state, State.PESEL_REST, prompts.PESEL_PARTIAL.format(digits=pesel_readback(known.reveal())),
                         rest, vocabulary="digits", sensitive=True, expect=NumberSpec("pesel", known))
    return _pesel_failed(moves, state)


def _pesel_failed(moves: Moves, state: DialogueState, *prefix: str) -> Step:
    identity = state.identity
    state = state.with_identity(pesel_failures=identity.pesel_failures + 1, pesel_candidate=None, pesel_known=None)
    if state.identity.pesel_failures >= moves.config.spoken_pesel_tries:
        return _ask_keys(moves, state, *prefix, prompts.PESEL_KEYPAD)
    return moves.ask(state, State.PESEL, *prefix, prompts.ASK_PESEL_AGAIN, vocabulary="digits",
                     expect=NumberSpec("pesel"))


def _on_confirm(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    if len(words_to_digits(event.text)) >= 8:  # the caller said the number again instead
        return on_pesel_spoken(moves, state, event)
    answer = yes_no(event.text)
    if answer is True:
        state = state.with_identity(pesel=state.identity.pesel_candidate, pesel_candidate=None, pesel_entry="voice")
        return authenticate.ask_telepin(moves, state.with_repair(misunderstood=0), prompts.ASK_TELEPIN)
    if answer is False:
        return _pesel_failed(moves, state, prompts.PESEL_REJECTED)
    return moves.misunderstood(state)


# --- the keypad -------------------------------------------------------------------------------------

def _ask_keys(moves: Moves, state: DialogueState, *texts: str) -> Step:
    return moves.collect(state, State.PESEL_KEYS, "pesel", PESEL_LENGTH, *texts)


def _spoken_during_keys(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    return moves.repeat(state)


def _on_key(moves: Moves, state: DialogueState, key: str) -> Step:
    if key == "*":
        return _ask_keys(moves, state, prompts.PESEL_KEYPAD_RESTART)
    if key == "#":
        return _from_keys(moves, state) if state.keys.count else (state, [])
    state = state.with_identity(keys=state.keys.add(key)).with_repair(silences=0)
    return _from_keys(moves, state) if state.keys.count >= PESEL_LENGTH else (state, [])


def _from_keys(moves: Moves, state: DialogueState) -> Step:
    pesel = from_keys(state.keys.reveal(), moves.config.today)
    count = state.keys.count
    state = moves.note(state.with_identity(keys=EMPTY_KEYS), "caller", f"[{count} klawiszy]")
    if pesel is not None:
        state = state.with_identity(pesel=pesel, pesel_entry="keypad")
        return authenticate.ask_telepin(moves, state, prompts.ASK_TELEPIN)
    state = state.with_identity(keypad_failures=state.identity.keypad_failures + 1)
    if state.identity.keypad_failures >= moves.config.keypad_pesel_tries:
        return moves.offer_agent(state, "identification_failed", prompts.PESEL_GAVE_UP, prompts.AUTH_FAILED_OFFER)
    return _ask_keys(moves, state, prompts.PESEL_KEYPAD_INVALID)


def _keys_silence(moves: Moves, state: DialogueState) -> Step | None:
    """The caller stopped typing after a whole PESEL without '#': take it."""
    return _from_keys(moves, state) if state.keys.count == PESEL_LENGTH else None


def _keys_reprompt(moves: Moves, state: DialogueState) -> Step:
    return _ask_keys(moves, state, prompts.SILENCE, prompts.PESEL_KEYPAD_RESTART)


HANDLERS: dict[State, Handlers] = {
    State.PESEL: Handlers(on_transcript=_on_pesel_turn),
    State.PESEL_REST: Handlers(on_transcript=_on_pesel_turn),
    State.PESEL_CONFIRM: Handlers(on_transcript=_on_confirm),
    State.PESEL_KEYS: Handlers(on_transcript=_spoken_during_keys, on_key=_on_key, on_silence=_keys_silence,
                               on_silence_reprompt=_keys_reprompt),
}
