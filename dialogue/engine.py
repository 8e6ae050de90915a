"""The dialogue engine: a pure function (state, event) → (state, actions), one for voice and text.

No I/O: back-end calls leave as actions (``VerifyIdentity``, ``ListPrincipals``, a service's request)
and their answers come back as ``BackendResult`` events. The intent parser is injected; the small
closed decisions (yes/no, "powtórz", goodbye, which tax…) use the keyword rules of
``dialogue.keyword_nlu``.

This module holds only what is true in every state — goodbye, "a human please", "powtórz",
"nie rozumiem", silence, barge-in, hang-up, stale back-end answers — and hands every other event to
the handlers of the state the call is in (``dialogue/states/``, one module per phase; the states are
``dialogue.state.State``). The personal services are in ``dialogue.intents``.
"""

from __future__ import annotations

from dataclasses import replace

from dialogue import prompts
from dialogue.actions import Say
from dialogue.config import EngineConfig
from dialogue.events import (BackendResult, BargeIn, CallStarted, HangUp, KeyPress, SilenceTimeout, SurveyStarted,
                             Transcript)
from dialogue.keyword_nlu import (detect_topic, names_a_service, not_understood, says_goodbye, wants_agent, wants_repeat,
                                  yes_no)
from dialogue.nlu_types import IntentParser
from dialogue.numerals import words_to_digits
from dialogue.state import EMPTY_KEYS, FINISHED, WAITING, DialogueState, State
from dialogue.states import answer, authenticate, booking, hand_off, identify, principals, survey
from dialogue.states.common import Handlers, Moves, Step

__all__ = ["DialogueEngine", "EngineConfig", "Step"]

# Every state's handlers; the finished states have none (nothing acts after the end).
HANDLERS: dict[State, Handlers] = {**identify.HANDLERS, **authenticate.HANDLERS, **principals.HANDLERS,
                                   **answer.HANDLERS, **hand_off.HANDLERS, **survey.HANDLERS, **booking.HANDLERS}
NO_HANDLERS = Handlers()
# States where "tak"/"nie" is the answer, so a "powtórz" in it is not a request to repeat.
YES_NO_STATES = frozenset({State.PESEL_CONFIRM, State.OFFER_AGENT})


class DialogueEngine:
    def __init__(self, nlu: IntentParser, config: EngineConfig | None = None) -> None:
        self.nlu = nlu
        self.config = config or EngineConfig()
        self.moves = Moves(nlu, self.config)

    def start(self, event: CallStarted | SurveyStarted) -> Step:
        if isinstance(event, SurveyStarted):  # back after an agent finished: the survey only
            state = DialogueState(name=State.INTENT, channel=event.channel).with_handoff(queue=event.queue)
            return survey.after_handoff(self.moves, state)
        state = DialogueState(name=State.INTENT, channel=event.channel, caller_number=event.caller_number)
        return self.moves.ask(state, State.INTENT, prompts.GREETING)

    def handle(self, state: DialogueState, event) -> Step:
        if state.name in FINISHED:
            return state, []
        handlers = HANDLERS.get(state.name, NO_HANDLERS)
        if isinstance(event, Transcript):
            return self._on_transcript(state, event, handlers)
        if isinstance(event, KeyPress):
            return handlers.on_key(self.moves, state, event.key) if handlers.on_key else (state, [])
        if isinstance(event, SilenceTimeout):
            return self._on_silence(state, handlers)
        if isinstance(event, BackendResult):
            return self._on_backend(state, event, handlers)
        if isinstance(event, BargeIn):
            state = state.with_repair(barge_ins=state.repair.barge_ins + 1)
            return self.moves.note(state, "system", prompts.BARGE_IN_NOTE), []
        if isinstance(event, HangUp):
            return replace(state, name=State.ENDED, end_reason="caller_hung_up").with_identity(keys=EMPTY_KEYS), []
        if isinstance(event, (CallStarted, SurveyStarted)):
            return state, []
        raise TypeError(f"unknown event {type(event).__name__}")

    # --- the rules of every state -----------------------------------------------------------------

    def _on_transcript(self, state: DialogueState, event: Transcript, handlers: Handlers) -> Step:
        if not event.final:
            return state, []  # a partial transcript never acts
        moves = self.moves
        if handlers.raw_transcripts:
            return handlers.on_transcript(moves, state, event)
        text = event.text.strip()
        said_digits = len(words_to_digits(text))
        in_pesel_state = state.name in identify.PESEL_STATES
        if said_digits >= 9 or (in_pesel_state and said_digits >= 3):
            state = moves.note(state, "caller", "[numer PESEL podany głosem]" if in_pesel_state
                               or state.name == State.INTENT else "[numer podany głosem]")
        else:
            state = moves.note(state, "caller", text)
        if state.name in WAITING or not text:
            return state, []
        state = state.with_repair(silences=0)

        digits_said = said_digits >= 6
        if says_goodbye(text) and not digits_said:
            return survey.goodbye(moves, state, "caller_goodbye")
        if wants_agent(text) and state.name != State.OFFER_AGENT:
            return moves.hand_off(_with_topic(state, text), "caller_request")
        answered_yes_no = state.name in YES_NO_STATES and yes_no(text) is not None
        if not digits_said and not answered_yes_no and wants_repeat(text):
            return moves.repeat(state)
        # "nie rozumiem" is about the bot, unless the caller is telling a matter ("dostałem upomnienie i nie rozumiem").
        if not digits_said and not_understood(text) and detect_topic(text) == "general" and not names_a_service(text):
            state = state.with_repair(confused=state.repair.confused + 1)
            if state.repair.confused >= self.config.misunderstandings:
                return moves.offer_agent(state, "caller_confused")
            return moves.repeat(state, prompts.REPHRASE)
        return handlers.on_transcript(moves, state, event)

    def _on_silence(self, state: DialogueState, handlers: Handlers) -> Step:
        if state.name in WAITING:
            return state, []
        if handlers.on_silence is not None:
            step = handlers.on_silence(self.moves, state)
            if step is not None:
                return step
        state = state.with_repair(silences=state.repair.silences + 1)
        if state.repair.silences > self.config.silence_reprompts:
            return self.moves.end(state, prompts.SILENCE_GOODBYE, "silence")
        if handlers.on_silence_reprompt is not None:
            return handlers.on_silence_reprompt(self.moves, state)
        say, follow = state.repair.reprompt
        state = self.moves.note(state, "bot", prompts.SILENCE)
        state = self.moves.note_said(state, say)
        return state, [Say(prompts.SILENCE), say, follow]

    def _on_backend(self, state: DialogueState, event: BackendResult, handlers: Handlers) -> Step:
        pending = state.pending
        if pending is None or event.request_id != pending.request_id or handlers.on_result is None:
            return state, []  # late or unknown answer
        return handlers.on_result(self.moves, replace(state, pending=None), pending.kind, event)


def _with_topic(state: DialogueState, text: str) -> DialogueState:
    """Keep a topic the caller names on the way out ("z konsultantem w sprawie VAT")."""
    topic = detect_topic(text)
    return state.with_matter(topic=topic) if topic != "general" else state
