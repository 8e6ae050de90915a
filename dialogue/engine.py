"""The dialogue engine: a pure function (state, event) → (state, actions), one for voice and text.

No I/O: back-end calls leave as actions (``VerifyIdentity``, ``ListPrincipals``,
``LookupSettlements``) and their answers come back as ``BackendResult`` events. The intent parser is
injected; the small closed decisions (yes/no, "powtórz", goodbye, which tax…) use the keyword rules
of ``dialogue.keyword_nlu``.

States (``state.name``): intent, pesel, pesel_rest, pesel_confirm, pesel_keys, telepin, verifying,
principals_wait, principal_choice, query_choice, lookup_wait, tax_choice, anything_else,
offer_agent, handed_off, ended.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from dialogue import answers, prompts
from dialogue.actions import (CollectKeys, EndCall, HandOff, Listen, ListPrincipals, LookupSettlements, Say,
                              VerifyIdentity)
from dialogue.backend import VerifyResult, parse_result
from dialogue.events import BackendResult, BargeIn, CallStarted, HangUp, KeyPress, SilenceTimeout, Transcript
from dialogue.handoff import bot_words, build_context
from dialogue.keyword_nlu import (detect_tax, detect_topic, detect_year, general_question, not_understood, own_matter,
                                  says_goodbye, wants_agent, wants_repeat, yes_no)
from dialogue.nlu_types import INDIVIDUAL_INTENTS, IntentParser
from dialogue.number_reading import NumberSpec, read_number
from dialogue.numerals import words_to_digits
from dialogue.pesel import from_keys, recover_pesel
from dialogue.queues import QUEUE_SPOKEN, TAX_TOPICS, queue_for
from dialogue.secrets import Pesel
from dialogue.speech import last_digits_phrase, pesel_readback, tax_genitive
from dialogue.state import EMPTY_KEYS, DialogueState, Line, Pending, Subject
from dialogue.text import tokens, words

Step = tuple[DialogueState, list]

LISTENING = {"intent", "pesel", "pesel_rest", "pesel_confirm", "principal_choice", "query_choice", "tax_choice",
             "anything_else", "offer_agent", "callback_offer"}
WAITING = {"verifying", "principals_wait", "lookup_wait", "handing_off"}
FINISHED = {"handed_off", "ended"}
# States whose caller utterances may hold a PESEL: the transcript keeps a placeholder instead.
PESEL_STATES = {"pesel", "pesel_rest", "pesel_confirm", "pesel_keys"}


@dataclass(frozen=True)
class EngineConfig:
    free_timeout_s: float = 8.0
    digits_timeout_s: float = 12.0
    yes_no_timeout_s: float = 6.0
    keys_timeout_s: float = 10.0
    spoken_pesel_tries: int = 2  # then the keypad
    keypad_pesel_tries: int = 2
    verify_tries: int = 3
    silence_reprompts: int = 2  # then goodbye
    misunderstandings: int = 2  # then offer a human
    intent_confidence: float = 0.5
    today: date | None = None  # for the PESEL birth-date check; None = the real today


class DialogueEngine:
    def __init__(self, nlu: IntentParser, config: EngineConfig | None = None) -> None:
        self.nlu = nlu
        self.config = config or EngineConfig()

    # --- public API -------------------------------------------------------------------------------

    def start(self, event: CallStarted) -> Step:
        state = DialogueState(name="intent", channel=event.channel, caller_number=event.caller_number)
        return self._ask(state, "intent", prompts.GREETING)

    def handle(self, state: DialogueState, event) -> Step:
        if state.name in FINISHED:
            return state, []
        if isinstance(event, Transcript):
            return self._on_transcript(state, event)
        if isinstance(event, KeyPress):
            return self._on_key(state, event.key)
        if isinstance(event, SilenceTimeout):
            return self._on_silence(state)
        if isinstance(event, BackendResult):
            return self._on_backend(state, event)
        if isinstance(event, BargeIn):
            return self._note(replace(state, barge_ins=state.barge_ins + 1), "system", prompts.BARGE_IN_NOTE), []
        if isinstance(event, HangUp):
            return replace(state, name="ended", end_reason="caller_hung_up", keys=EMPTY_KEYS), []
        if isinstance(event, CallStarted):
            return state, []
        raise TypeError(f"unknown event {type(event).__name__}")

    # --- building blocks --------------------------------------------------------------------------

    @staticmethod
    def _note(state: DialogueState, who: str, text: str) -> DialogueState:
        return replace(state, transcript=state.transcript + (Line(who, text),))

    def _listen(self, vocabulary: str, expect: NumberSpec | None = None) -> Listen:
        timeout = {"digits": self.config.digits_timeout_s, "yes_no": self.config.yes_no_timeout_s}
        return Listen(vocabulary, timeout.get(vocabulary, self.config.free_timeout_s), expect)

    def _say(self, state: DialogueState, text: str, sensitive: bool = False) -> tuple[DialogueState, Say]:
        say = Say(text, sensitive)
        line = Line("bot", say.record_text, said=say.text if sensitive else None)
        return replace(state, transcript=state.transcript + (line,)), say

    def _ask(self, state: DialogueState, name: str, *texts: str, vocabulary: str = "free",
             sensitive: bool = False, question: str | None = None, expect: NumberSpec | None = None) -> Step:
        """Say ``texts`` and listen; "powtórz" repeats all of it, silence repeats ``question`` (the last text).
        ``expect``: the number a digits turn is for (the recogniser scores candidates of it)."""
        text = " ".join(t for t in texts if t)
        listen = self._listen(vocabulary, expect)
        state, say = self._say(state, text, sensitive)
        question_text = question if question is not None else texts[-1]
        reprompt = (Say(question_text, sensitive and question is None and len(texts) == 1), listen)
        state = replace(state, name=name, prompt=(say, listen), reprompt=reprompt, pending=None)
        return state, [say, listen]

    def _collect(self, state: DialogueState, name: str, purpose: str, max_keys: int, *texts: str) -> Step:
        text = " ".join(texts)
        keys = CollectKeys(purpose, max_keys, self.config.keys_timeout_s)
        state, say = self._say(state, text)
        state = replace(state, name=name, keys=EMPTY_KEYS, prompt=(say, keys), reprompt=(Say(texts[-1]), keys))
        return state, [say, keys]

    def _request(self, state: DialogueState, kind: str) -> tuple[DialogueState, str]:
        seq = state.request_seq + 1
        request_id = f"{kind}-{seq}"
        return replace(state, request_seq=seq, pending=Pending(request_id, kind)), request_id

    def _end(self, state: DialogueState, text: str, reason: str) -> Step:
        state, say = self._say(state, text)
        return replace(state, name="ended", end_reason=reason, keys=EMPTY_KEYS, pending=None), [say, EndCall(reason)]

    def _hand_off(self, state: DialogueState, reason: str, callback: bool = False) -> Step:
        """Tell the caller and ask for a queue place; what happens next waits for the outcome
        (``_on_handoff``): connected, delayed, closed (then a callback offer) or unavailable."""
        queue = state.handoff_queue if callback and state.handoff_queue else queue_for(state.topic, state.tax)
        if callback:
            text = prompts.CALLBACK_CONNECTING
        else:
            spoken = QUEUE_SPOKEN.get(queue, "")
            text = prompts.HANDOFF.format(queue=prompts.HANDOFF_QUEUE.format(name=spoken) if spoken else "")
        state, say = self._say(state, text)
        state, request_id = self._request(state, "callback" if callback else "handoff")
        state = replace(state, name="handing_off", keys=EMPTY_KEYS, handoff_queue=queue, handoff_reason=reason)
        handoff = HandOff(queue, reason, build_context(state, reason), state.pesel if state.verified else None,
                          request_id=request_id, callback=callback, said=bot_words(state))
        return state, [say, handoff]

    def _on_handoff(self, state: DialogueState, outcome: dict, callback: bool) -> Step:
        status = str(outcome.get("status", "unavailable"))
        reason = state.handoff_reason or "caller_request"
        if status == "queued":
            if callback:
                return self._end(state, prompts.CALLBACK_SAVED, "callback_requested")
            return replace(state, name="handed_off", end_reason=reason, pending=None), [EndCall("handed_off")]
        if status == "outboxed":
            state, say = self._say(state, prompts.HANDOFF_DELAYED)
            return replace(state, name="handed_off", end_reason=reason, pending=None), [say, EndCall("handed_off")]
        if status == "transfer_failed" and not callback:
            # The telephony could not move the call to the queue (SIP REFER refused or unanswered):
            # the caller is still with the bot, so it apologises and offers a callback.
            return self._ask(state, "callback_offer", prompts.TRANSFER_FAILED, prompts.TRANSFER_CALLBACK_QUESTION,
                             vocabulary="yes_no")
        if status == "closed_hours" and not callback:
            when = outcome.get("next_opening_pl")
            texts = [prompts.CLOSED_HOURS, prompts.CLOSED_HOURS_NEXT.format(when=when) if when else "",
                     prompts.CALLBACK_QUESTION]
            return self._ask(state, "callback_offer", *texts, vocabulary="yes_no")
        return self._end(state, prompts.HANDOFF_UNAVAILABLE, "handoff_unavailable")

    def _on_callback_answer(self, state: DialogueState, event: Transcript) -> Step:
        answer = True if wants_agent(event.text) else yes_no(event.text)
        if answer is True:
            return self._hand_off(state, "callback_request", callback=True)
        if answer is False:
            return self._end(state, prompts.CALLBACK_DECLINED, "closed_hours")
        return self._ask(state, "callback_offer", prompts.YES_OR_NO, prompts.CALLBACK_QUESTION, vocabulary="yes_no")

    def _offer_agent(self, state: DialogueState, reason: str, *texts: str) -> Step:
        state = replace(state, offer_reason=reason)
        texts = texts or (prompts.OFFER_AGENT,)
        return self._ask(state, "offer_agent", *texts, vocabulary="yes_no", question=prompts.OFFER_AGENT_YES_NO)

    def _misunderstood(self, state: DialogueState) -> Step:
        """The bot did not understand: say so and ask again, or offer a human after repeated failures."""
        state = replace(state, misunderstood=state.misunderstood + 1)
        if state.misunderstood >= self.config.misunderstandings:
            return self._offer_agent(state, "misunderstanding")
        if state.name == "intent" or state.name == "anything_else":
            return self._ask(state, "intent", prompts.NOT_UNDERSTOOD)
        say, listen = state.reprompt
        return self._ask(state, state.name, say.text, vocabulary=listen.vocabulary, sensitive=say.sensitive)

    def _repeat(self, state: DialogueState, *prefix: str) -> Step:
        actions = [Say(p) for p in prefix] + list(state.prompt)
        for action in actions:
            if isinstance(action, Say):
                state = self._note(state, "bot", action.record_text)
        return state, actions

    # --- events -----------------------------------------------------------------------------------

    def _on_transcript(self, state: DialogueState, event: Transcript) -> Step:
        if not event.final:
            return state, []  # a partial transcript never acts
        text = event.text.strip()
        if state.name == "telepin":
            return self._spoken_during_telepin(state, text)
        said_digits = len(words_to_digits(text))
        if said_digits >= 9 or (state.name in PESEL_STATES and said_digits >= 3):
            state = self._note(state, "caller", "[numer PESEL podany głosem]" if state.name in PESEL_STATES
                               or state.name == "intent" else "[numer podany głosem]")
        else:
            state = self._note(state, "caller", text)
        if state.name in WAITING or not text:
            return state, []
        state = replace(state, silences=0)

        digits_said = len(words_to_digits(text)) >= 6
        if says_goodbye(text) and not digits_said:
            return self._end(state, prompts.GOODBYE, "caller_goodbye")
        if wants_agent(text) and state.name != "offer_agent":
            return self._hand_off(self._with_topic(state, text), "caller_request")
        answered_yes_no = state.name in ("pesel_confirm", "offer_agent") and yes_no(text) is not None
        if not digits_said and not answered_yes_no and wants_repeat(text):
            return self._repeat(state)
        if not digits_said and not_understood(text):
            state = replace(state, confused=state.confused + 1)
            if state.confused >= self.config.misunderstandings:
                return self._offer_agent(state, "caller_confused")
            return self._repeat(state, prompts.REPHRASE)

        handler = {
            "intent": self._on_matter,
            "anything_else": self._on_anything_else,
            "pesel": self._on_pesel_spoken,
            "pesel_rest": self._on_pesel_spoken,
            "pesel_confirm": self._on_pesel_confirm,
            "pesel_keys": self._on_spoken_during_pesel_keys,
            "principal_choice": self._on_principal_choice,
            "query_choice": self._on_query_choice,
            "tax_choice": self._on_tax_choice,
            "offer_agent": self._on_offer_answer,
            "callback_offer": self._on_callback_answer,
        }[state.name]
        return handler(state, event)

    @staticmethod
    def _with_topic(state: DialogueState, text: str) -> DialogueState:
        """Keep a topic the caller names on the way out ("z konsultantem w sprawie VAT")."""
        topic = detect_topic(text)
        return replace(state, topic=topic) if topic != "general" else state

    def _on_silence(self, state: DialogueState) -> Step:
        if state.name in WAITING:
            return state, []
        if state.name == "telepin" and state.keys.count == 6:
            return self._verify(state)
        if state.name == "pesel_keys" and state.keys.count == 11:
            return self._pesel_from_keys(state)
        state = replace(state, silences=state.silences + 1)
        if state.silences > self.config.silence_reprompts:
            return self._end(state, prompts.SILENCE_GOODBYE, "silence")
        if state.name == "telepin":
            return self._collect(state, "telepin", "telepin", 6, prompts.TELEPIN_TIMEOUT)
        if state.name == "pesel_keys":
            return self._collect(state, "pesel_keys", "pesel", 11, prompts.SILENCE, prompts.PESEL_KEYPAD_RESTART)
        say, follow = state.reprompt
        state = self._note(state, "bot", prompts.SILENCE)
        state = self._note(state, "bot", say.record_text)
        return state, [Say(prompts.SILENCE), say, follow]

    # --- the caller's matter ----------------------------------------------------------------------

    def _on_matter(self, state: DialogueState, event: Transcript) -> Step:
        text = event.text
        nlu = self.nlu.parse(text)
        tax = detect_tax(text)
        topic = nlu.topic if nlu.topic != "general" else TAX_TOPICS.get(tax or "", "general")
        if nlu.intent == "agent" and nlu.confidence >= self.config.intent_confidence:
            return self._hand_off(replace(state, topic=topic), "caller_request")
        if nlu.intent in INDIVIDUAL_INTENTS and nlu.confidence >= self.config.intent_confidence:
            keep_tax = state.tax if state.name == "anything_else" else None  # "a wpłaty?" after "saldo PIT"
            state = replace(state, intent=nlu.intent, topic=topic, tax=tax or keep_tax,
                            period=detect_year(text), misunderstood=0)
            if not state.verified and len(words_to_digits(text)) >= 10:  # "saldo, mój PESEL to …"
                if recover_pesel(text, event.alternatives, self.config.today).pesel is not None:
                    return self._on_pesel_spoken(state, event)
            return self._proceed(state)
        return self._tier_one(state, text, topic)

    def _tier_one(self, state: DialogueState, text: str, topic: str) -> Step:
        """General information (tier I, no authentication), or the topical queue, or "say again"."""
        question = general_question(text)
        if question:
            state = replace(state, misunderstood=0, answered=state.answered + (f"informacja ogólna: {question}",))
            return self._ask(state, "anything_else", prompts.GENERAL_ANSWERS[question], prompts.ANYTHING_ELSE)
        if topic != "general":
            return self._hand_off(replace(state, topic=topic, intent=state.intent or "other"), "other_matter")
        return self._misunderstood(state)

    def _on_anything_else(self, state: DialogueState, event: Transcript) -> Step:
        text = event.text
        nlu = self.nlu.parse(text)
        if nlu.intent in INDIVIDUAL_INTENTS or nlu.intent == "agent":
            return self._on_matter(state, event)
        tax, year = detect_tax(text), detect_year(text)
        if state.intent in INDIVIDUAL_INTENTS and (tax or year):  # "a VAT?", "a za 2024?"
            topic = TAX_TOPICS.get(tax, state.topic) if tax else state.topic
            return self._proceed(replace(state, tax=tax or state.tax, topic=topic, period=year or state.period))
        if general_question(text):
            return self._on_matter(state, event)
        answer = yes_no(text)
        if answer is False:
            return self._end(state, prompts.GOODBYE, "caller_done")
        if answer is True and len(words(text)) <= 3:
            return self._ask(state, "intent", prompts.HOW_CAN_I_HELP)
        return self._on_matter(state, event)

    def _on_query_choice(self, state: DialogueState, event: Transcript) -> Step:
        nlu = self.nlu.parse(event.text)
        if nlu.intent in INDIVIDUAL_INTENTS:
            tax = detect_tax(event.text) or state.tax
            return self._proceed(replace(state, intent=nlu.intent, tax=tax, period=detect_year(event.text)))
        return self._misunderstood(state)

    def _proceed(self, state: DialogueState, *prefix: str) -> Step:
        """Do what is needed next for an individual question: authenticate, choose, or look up."""
        if not state.verified:
            return self._ask(state, "pesel", *prefix, prompts.NEED_AUTH, prompts.ASK_PESEL, vocabulary="digits",
                             expect=NumberSpec("pesel"))
        if state.intent not in INDIVIDUAL_INTENTS:
            return self._ask(state, "query_choice", *prefix, prompts.ASK_QUERY)
        subject = state.subject
        if subject and not subject.own and state.tax and subject.scope and state.tax not in subject.scope:
            text = prompts.TAX_NOT_IN_SCOPE.format(tax=tax_genitive(state.tax))
            return self._ask(state, "anything_else", *prefix, text, prompts.ANYTHING_ELSE)
        state, request_id = self._request(state, state.intent)
        is_person = subject.kind == "person"
        subject_id = (subject.pesel or subject.nip) if is_person else subject.nip
        lookup = LookupSettlements(request_id, subject.kind, subject_id, state.intent, state.tax, state.pesel)
        actions: list = []
        if prefix:
            state, say = self._say(state, " ".join(prefix))
            actions.append(say)
        return replace(state, name="lookup_wait"), actions + [lookup]

    # --- identification: PESEL --------------------------------------------------------------------

    def _on_pesel_spoken(self, state: DialogueState, event: Transcript) -> Step:
        """A whole PESEL (state ``pesel``), or the rest of one whose first groups are confirmed
        (``pesel_rest``): a clear reading is read back for a yes/no; a reading certain only in its
        first groups confirms those and asks for the rest, as an agent does."""
        spec = NumberSpec("pesel", state.pesel_known if state.name == "pesel_rest" else None)
        reading = read_number(event.text, event.alternatives, dict(event.scored), spec, self.config.today)
        if reading.value is not None:
            candidate = Pesel(reading.value.reveal())
            state = replace(state, pesel_candidate=candidate, pesel_known=None)
            text = prompts.CONFIRM_PESEL.format(digits=pesel_readback(candidate.reveal()))
            return self._ask(state, "pesel_confirm", text, vocabulary="yes_no", sensitive=True)
        if reading.certain is not None and state.name == "pesel":
            known = reading.certain
            rest = prompts.PESEL_REST.format(rest=last_digits_phrase(11 - len(known)))
            state = replace(state, pesel_known=known)
            return self._ask(state, "pesel_rest", prompts.PESEL_PARTIAL.format(digits=pesel_readback(known.reveal())),
                             rest, vocabulary="digits", sensitive=True, expect=NumberSpec("pesel", known))
        return self._pesel_failed(state)

    def _pesel_failed(self, state: DialogueState, *prefix: str) -> Step:
        state = replace(state, pesel_failures=state.pesel_failures + 1, pesel_candidate=None, pesel_known=None)
        if state.pesel_failures >= self.config.spoken_pesel_tries:
            return self._collect(state, "pesel_keys", "pesel", 11, *prefix, prompts.PESEL_KEYPAD)
        return self._ask(state, "pesel", *prefix, prompts.ASK_PESEL_AGAIN, vocabulary="digits",
                         expect=NumberSpec("pesel"))

    def _on_pesel_confirm(self, state: DialogueState, event: Transcript) -> Step:
        if len(words_to_digits(event.text)) >= 8:  # the caller said the number again instead
            return self._on_pesel_spoken(state, event)
        answer = yes_no(event.text)
        if answer is True:
            state = replace(state, pesel=state.pesel_candidate, pesel_candidate=None, pesel_entry="voice",
                            misunderstood=0)
            return self._collect(state, "telepin", "telepin", 6, prompts.ASK_TELEPIN)
        if answer is False:
            return self._pesel_failed(state, prompts.PESEL_REJECTED)
        return self._misunderstood(state)

    def _on_spoken_during_pesel_keys(self, state: DialogueState, event: Transcript) -> Step:
        return self._repeat(state)

    def _pesel_from_keys(self, state: DialogueState) -> Step:
        pesel = from_keys(state.keys.reveal(), self.config.today)
        count = state.keys.count
        state = self._note(replace(state, keys=EMPTY_KEYS), "caller", f"[{count} klawiszy]")
        if pesel is not None:
            state = replace(state, pesel=pesel, pesel_entry="keypad")
            return self._collect(state, "telepin", "telepin", 6, prompts.ASK_TELEPIN)
        state = replace(state, keypad_failures=state.keypad_failures + 1)
        if state.keypad_failures >= self.config.keypad_pesel_tries:
            return self._offer_agent(state, "identification_failed", prompts.PESEL_GAVE_UP, prompts.AUTH_FAILED_OFFER)
        return self._collect(state, "pesel_keys", "pesel", 11, prompts.PESEL_KEYPAD_INVALID)

    # --- keys -------------------------------------------------------------------------------------

    def _on_key(self, state: DialogueState, key: str) -> Step:
        if state.name == "pesel_keys":
            if key == "*":
                return self._collect(state, "pesel_keys", "pesel", 11, prompts.PESEL_KEYPAD_RESTART)
            if key == "#":
                return self._pesel_from_keys(state) if state.keys.count else (state, [])
            state = replace(state, keys=state.keys.add(key), silences=0)
            return self._pesel_from_keys(state) if state.keys.count >= 11 else (state, [])
        if state.name == "telepin":
            if key == "*":
                return self._collect(state, "telepin", "telepin", 6, prompts.TELEPIN_RESTART)
            if key == "#":
                if state.keys.count == 6:
                    return self._verify(state)
                if state.keys.count == 0:
                    return state, []  # a stray '#' (e.g. after an 11-digit PESEL)
                return self._collect(self._keys_noted(state), "telepin", "telepin", 6, prompts.TELEPIN_LENGTH)
            state = replace(state, keys=state.keys.add(key), silences=0)
            if state.keys.count > 6:
                return self._collect(self._keys_noted(state), "telepin", "telepin", 6, prompts.TELEPIN_LENGTH)
            return state, []
        return state, []  # keys elsewhere mean nothing; they are not kept

    def _keys_noted(self, state: DialogueState) -> DialogueState:
        return self._note(replace(state, keys=EMPTY_KEYS), "caller", f"[{state.keys.count} klawiszy]")

    def _spoken_during_telepin(self, state: DialogueState, text: str) -> Step:
        # Whatever was said may be the telePIN itself: it is neither kept nor repeated.
        state = self._note(state, "caller", "[wypowiedź usunięta]")
        if says_goodbye(text):
            return self._end(state, prompts.GOODBYE, "caller_goodbye")
        if wants_agent(text):
            return self._hand_off(state, "caller_request")
        return self._collect(state, "telepin", "telepin", 6, prompts.TELEPIN_SPOKEN)

    # --- authentication ---------------------------------------------------------------------------

    def _verify(self, state: DialogueState) -> Step:
        pin = state.keys.to_pin()
        state = self._keys_noted(state)
        state, request_id = self._request(state, "verify")
        return replace(state, name="verifying"), [VerifyIdentity(request_id, state.pesel, pin)]

    def _on_backend(self, state: DialogueState, event: BackendResult) -> Step:
        pending = state.pending
        if pending is None or event.request_id != pending.request_id:
            return state, []  # late or unknown answer
        state = replace(state, pending=None)
        if pending.kind in ("handoff", "callback"):
            outcome = event.value if isinstance(event.value, dict) and event.error is None else {}
            return self._on_handoff(state, outcome, callback=pending.kind == "callback")
        if event.error is not None or event.value is None:
            kind = event.error.kind if event.error else "unavailable"
            return self._backend_failed(state, pending.kind, kind)
        value = parse_result(pending.kind, event.value)
        if pending.kind == "verify":
            return self._on_verified(state, value)
        if pending.kind == "principals":
            return self._on_principals(state, value.principals)
        state = replace(state, result=value, result_query=pending.kind)
        return self._answer(state)

    def _backend_failed(self, state: DialogueState, request: str, kind: str) -> Step:
        state = self._note(state, "system", f"[błąd systemu: {request}, {kind}]")
        if request == "principals" and kind == "not_found":
            return self._on_principals(state, ())
        if request in INDIVIDUAL_INTENTS and kind == "forbidden":
            return self._ask(state, "anything_else", prompts.FORBIDDEN, prompts.ANYTHING_ELSE)
        if request in INDIVIDUAL_INTENTS and kind == "not_found":
            return self._ask(state, "anything_else", prompts.NOT_FOUND, prompts.ANYTHING_ELSE)
        return self._offer_agent(state, "backend_unavailable", prompts.BACKEND_DOWN)

    def _on_verified(self, state: DialogueState, value: VerifyResult) -> Step:
        if value.result == "verified":
            state = replace(state, verified=True, misunderstood=0)
            state = self._note(state, "system", "[tożsamość potwierdzona: PESEL i telePIN]")
            state, say = self._say(state, prompts.AUTH_OK)
            state, request_id = self._request(state, "principals")
            return replace(state, name="principals_wait"), [say, ListPrincipals(request_id, state.pesel)]
        if value.result == "blocked":
            return self._offer_agent(state, "telepin_blocked", prompts.TELEPIN_BLOCKED, prompts.AUTH_FAILED_OFFER)
        if value.result == "inactive":
            return self._offer_agent(state, "telepin_inactive", prompts.TELEPIN_INACTIVE, prompts.AUTH_FAILED_OFFER)
        state = replace(state, verify_failures=state.verify_failures + 1)
        if state.verify_failures >= self.config.verify_tries:
            return self._offer_agent(state, "authentication_failed", prompts.VERIFY_FAILED_LAST,
                                     prompts.AUTH_FAILED_OFFER)
        return self._collect(state, "telepin", "telepin", 6, prompts.VERIFY_FAILED, prompts.TELEPIN_AGAIN)

    # --- representatives --------------------------------------------------------------------------

    def _on_principals(self, state: DialogueState, principals: tuple) -> Step:
        own = Subject(own=True, kind="person", pesel=state.pesel)
        if not principals:
            return self._proceed(replace(state, subject=own, principals=()))
        state = replace(state, principals=tuple(principals))
        return self._ask(state, "principal_choice", prompts.ASK_PRINCIPAL)

    def _on_principal_choice(self, state: DialogueState, event: Transcript) -> Step:
        text = event.text
        digits = words_to_digits(text)
        by_number = [p for p in state.principals
                     if digits and (p.nip and digits == "".join(c for c in p.nip if c.isdigit())
                                    or p.pesel and digits == p.pesel.reveal())]
        matches = by_number or _match_by_name(state.principals, text)
        if len(matches) == 1:
            subject = Subject.of_principal(matches[0])
            state = replace(state, subject=subject, principal_failures=0, tax=state.tax)
            return self._proceed(state, prompts.PRINCIPAL_CHOSEN.format(name=subject.name.rstrip(".")))
        if len(matches) > 1:
            return self._ask(state, "principal_choice", prompts.PRINCIPAL_AMBIGUOUS)
        if own_matter(text) and not digits:
            state = replace(state, subject=Subject(own=True, kind="person", pesel=state.pesel))
            return self._proceed(state, prompts.OWN_CHOSEN)
        state = replace(state, principal_failures=state.principal_failures + 1,
                        answered=state.answered + ("odmowa: podmiot spoza listy mocodawców",))
        if state.principal_failures >= self.config.misunderstandings:
            return self._offer_agent(state, "principal_not_listed", prompts.PRINCIPAL_NOT_LISTED,
                                     prompts.OFFER_AGENT_YES_NO)
        return self._ask(state, "principal_choice", prompts.PRINCIPAL_REFUSED)

    # --- answers ----------------------------------------------------------------------------------

    def _answer(self, state: DialogueState) -> Step:
        query, result = state.result_query, state.result
        options = answers.tax_options(query, result, state.tax)
        if options:
            state = replace(state, offer_reason=None)
            return self._ask(state, "tax_choice", answers.ask_tax_text(options))
        text = answers.answer_text(query, result, state.tax, state.period)
        record = f"{query}: {state.tax or 'wszystkie podatki'}{', ' + state.period if state.period else ''}"
        state = replace(state, answered=state.answered + (record,), misunderstood=0)
        return self._ask(state, "anything_else", text, prompts.ANYTHING_ELSE, sensitive=True,
                         question=prompts.ANYTHING_ELSE)

    def _on_tax_choice(self, state: DialogueState, event: Transcript) -> Step:
        tax = detect_tax(event.text)
        if tax is None:
            return self._misunderstood(state)
        state = replace(state, tax=tax, topic=TAX_TOPICS.get(tax, state.topic))
        return self._answer(state)

    def _on_offer_answer(self, state: DialogueState, event: Transcript) -> Step:
        answer = True if wants_agent(event.text) else yes_no(event.text)
        if answer is True:
            return self._hand_off(state, state.offer_reason or "caller_request")
        if answer is False:
            if state.offer_reason in ("misunderstanding", "caller_confused", "principal_not_listed"):
                state = replace(state, misunderstood=0, confused=0, offer_reason=None)
                return self._ask(state, "intent", prompts.HOW_CAN_I_HELP)
            return self._end(state, prompts.GOODBYE, state.offer_reason or "caller_done")
        if state.misunderstood >= self.config.misunderstandings:
            return self._hand_off(state, state.offer_reason or "misunderstanding")
        state = replace(state, misunderstood=state.misunderstood + 1)
        return self._ask(state, "offer_agent", prompts.OFFER_AGENT_YES_NO, vocabulary="yes_no")


def _stem_match(name_word: str, said: str) -> bool:
    """"kowalski" ~ "kowalskiego": a shared beginning long enough for Polish declension."""
    if len(name_word) <= 3:
        return name_word == said
    need = max(4, len(name_word) - 3)
    return len(said) >= need and said[:need] == name_word[:need]


_NAME_NOISE = {"sp", "spolka", "spolki", "z", "o", "oo", "sa", "s", "a", "i", "firma", "firmy", "pan", "pani"}


def _match_by_name(principals, text: str) -> list:
    said = [t for t in tokens(text) if t.isalpha()]
    scored = []
    for p in principals:
        name_words = [w for w in words(p.name) if w not in _NAME_NOISE]
        hits = sum(1 for w in name_words if any(_stem_match(w, s) for s in said))
        if hits:
            scored.append((hits, p))
    if not scored:
        return []
    top = max(h for h, _ in scored)
    return [p for h, p in scored if h == top]
