"""The bot's moves that every phase makes, and the shape of a phase's handlers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from dialogue import prompts
from dialogue.answer_hints import MAY_END_CALL, MayEndCall
from dialogue.actions import CollectKeys, EndCall, HandOff, Listen, Say
from dialogue.config import EngineConfig
from dialogue.handoff import bot_words, build_context
from dialogue.nlu_types import IntentParser
from dialogue.number_reading import NumberSpec
from dialogue.queues import handoff_announcement, queue_for
from dialogue.state import EMPTY_KEYS, DialogueState, Line, Pending, State

Step = tuple[DialogueState, list]


@dataclass(frozen=True)
class Handlers:
    """What one state does with each event; ``None``: the engine's global rule (or nothing).

    ``on_silence`` runs first and may finish an input the caller stopped typing (return ``None`` to
    go on); the engine then counts the silence, and ``on_silence_reprompt`` (or the state's reprompt)
    asks again. ``on_result`` gets the answer to the request the state waits for (``pending.kind``).
    ``raw_transcripts``: the state sees the caller's words before any global rule notes or acts on
    them (a telePIN said aloud must not be written down).
    """

    on_transcript: Callable[[Moves, DialogueState, Any], Step] | None = None
    on_key: Callable[[Moves, DialogueState, str], Step] | None = None
    on_silence: Callable[[Moves, DialogueState], Step | None] | None = None
    on_silence_reprompt: Callable[[Moves, DialogueState], Step] | None = None
    on_result: Callable[[Moves, DialogueState, str, Any], Step] | None = None
    raw_transcripts: bool = False


class Moves:
    """Say, ask, collect keys, request, hand off, end: each returns the next (state, actions)."""

    def __init__(self, nlu: IntentParser, config: EngineConfig) -> None:
        self.nlu = nlu
        self.config = config

    @staticmethod
    def note(state: DialogueState, who: str, text: str) -> DialogueState:
        return replace(state, transcript=state.transcript + (Line(who, text),))

    @staticmethod
    def note_said(state: DialogueState, say: Say) -> DialogueState:
        """The bot's line: its record text, and in full when that is redacted (for the verified agent)."""
        line = Line("bot", say.record_text, said=say.text if say.sensitive else None)
        return replace(state, transcript=state.transcript + (line,))

    def listen(self, vocabulary: str, expect: NumberSpec | MayEndCall | None = None) -> Listen:
        timeout = {"digits": self.config.digits_timeout_s, "yes_no": self.config.yes_no_timeout_s}
        return Listen(vocabulary, timeout.get(vocabulary, self.config.free_timeout_s), expect)

    def say(self, state: DialogueState, text: str, sensitive: bool = False) -> tuple[DialogueState, Say]:
        say = Say(text, sensitive)
        return self.note_said(state, say), say

    def ask(self, state: DialogueState, name: State, *texts: str, vocabulary: str = "free",
            sensitive: bool = False, question: str | None = None, expect: NumberSpec | MayEndCall | None = None,
            choices: tuple = ()) -> Step:
        """Say ``texts`` and listen; "powtórz" repeats all of it, silence repeats ``question`` (the last text).
        ``expect``: the number a digits turn is for (the recogniser scores candidates of it).
        ``choices``: answers a text channel shows as buttons (``actions.Choice``)."""
        text = " ".join(t for t in texts if t)
        if name == State.ANYTHING_ELSE and expect is None:
            expect = MAY_END_CALL  # "nie, to wszystko" ends the turn without the end-of-turn wait
        listen = self.listen(vocabulary, expect)
        if choices:
            listen = replace(listen, choices=choices)
        state, say = self.say(state, text, sensitive)
        question_text = question if question is not None else texts[-1]
        reprompt = (Say(question_text, sensitive and question is None and len(texts) == 1), listen)
        state = replace(state, name=name, pending=None).with_repair(prompt=(say, listen), reprompt=reprompt)
        return state, [say, listen]

    def collect(self, state: DialogueState, name: State, purpose: str, max_keys: int, *texts: str,
                secret: bool = False) -> Step:
        """Say ``texts`` and take keys. ``secret``: the keys (and any word said meanwhile) must never be kept."""
        text = " ".join(texts)
        keys = CollectKeys(purpose, max_keys, self.config.keys_timeout_s, secret=secret)
        state, say = self.say(state, text)
        state = replace(state, name=name).with_identity(keys=EMPTY_KEYS)
        return state.with_repair(prompt=(say, keys), reprompt=(Say(texts[-1]), keys)), [say, keys]

    @staticmethod
    def request(state: DialogueState, kind: str) -> tuple[DialogueState, str]:
        seq = state.request_seq + 1
        request_id = f"{kind}-{seq}"
        return replace(state, request_seq=seq, pending=Pending(request_id, kind)), request_id

    def end(self, state: DialogueState, text: str, reason: str) -> Step:
        state, say = self.say(state, text)
        state = replace(state, name=State.ENDED, end_reason=reason, pending=None).with_identity(keys=EMPTY_KEYS)
        return state, [say, EndCall(reason)]

    def hand_off(self, state: DialogueState, reason: str, callback: bool = False) -> Step:
        """Tell the caller and ask for a queue place; what happens next waits for the outcome
        (``states.hand_off``): connected, delayed, closed (then a callback offer) or unavailable."""
        queue = state.handoff.queue if callback and state.handoff.queue else queue_for(state.topic, state.tax)
        if callback:
            text = prompts.CALLBACK_CONNECTING
        else:
            text = handoff_announcement(queue)
        state, say = self.say(state, text)
        state, request_id = self.request(state, "callback" if callback else "handoff")
        state = replace(state, name=State.HANDING_OFF).with_identity(keys=EMPTY_KEYS)
        state = state.with_handoff(queue=queue, reason=reason)
        handoff = HandOff(queue, reason, build_context(state, reason), state.pesel if state.verified else None,
                          request_id=request_id, callback=callback, said=bot_words(state))
        return state, [say, handoff]

    def offer_agent(self, state: DialogueState, reason: str, *texts: str) -> Step:
        state = state.with_repair(offer_reason=reason)
        texts = texts or (prompts.OFFER_AGENT,)
        return self.ask(state, State.OFFER_AGENT, *texts, vocabulary="yes_no", question=prompts.OFFER_AGENT_YES_NO)

    def misunderstood(self, state: DialogueState) -> Step:
        """The bot did not understand: say so and ask again, or offer a human after repeated failures."""
        state = state.with_repair(misunderstood=state.repair.misunderstood + 1)
        if state.repair.misunderstood >= self.config.misunderstandings:
            return self.offer_agent(state, "misunderstanding")
        if state.name in (State.INTENT, State.ANYTHING_ELSE):
            return self.ask(state, State.INTENT, prompts.NOT_UNDERSTOOD)
        say, listen = state.repair.reprompt
        return self.ask(state, state.name, say.text, vocabulary=listen.vocabulary, sensitive=say.sensitive)

    def repeat(self, state: DialogueState, *prefix: str) -> Step:
        actions = [Say(p) for p in prefix] + list(state.repair.prompt)
        for action in actions:
            if isinstance(action, Say):
                state = self.note_said(state, action)
        return state, actions

    @staticmethod
    def note_failure(state: DialogueState, request: str, kind: str) -> DialogueState:
        """For the agent: which request failed, and how (no data of the caller's)."""
        return Moves.note(state, "system", f"[błąd systemu: {request}, {kind}]")

    def backend_down(self, state: DialogueState) -> Step:
        """A request failed in a way its phase does not handle: apologise and offer a human."""
        return self.offer_agent(state, "backend_unavailable", prompts.BACKEND_DOWN)
