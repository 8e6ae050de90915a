"""A caller who will not identify themself — no PESEL, or no telePIN: why it is asked, and what needs neither."""

from __future__ import annotations

from dialogue import prompts
from dialogue.state import EMPTY_KEYS, DialogueState, State
from dialogue.states.common import Moves, Step

PESEL_REFUSED = "odmowa podania numeru PESEL"
TELEPIN_REFUSED = "odmowa wpisania telePINu"


def refused(moves: Moves, state: DialogueState, topic: str = "general", refusal: str = PESEL_REFUSED) -> Step:
    """Say why identity is asked and what needs none; the matter is dropped, keys typed so far too.
    ``refusal`` is what the agent reads of it in a later handoff."""
    state = state.with_matter(intent=None, topic=topic if topic != "general" else state.topic,
                              answered=state.answered + (refusal,))
    state = state.with_identity(pesel_candidate=None, pesel_known=None, keys=EMPTY_KEYS).with_repair(misunderstood=0)
    return moves.ask(state, State.INTENT, prompts.REFUSAL, prompts.HOW_CAN_I_HELP)
