"""The caller's matter and its answer: what they want, the service that answers it, "anything else?".

intent → a tier I answer, a topical queue, or a service of ``dialogue.intents``: identification first
when the service needs it (identify → authenticate → principals), then its request (lookup_wait),
perhaps "which tax?" (tax_choice), the answer, and anything_else. Nothing here knows which
services exist: the registry does.
"""

from __future__ import annotations

from dataclasses import replace

from dialogue import answers, intents, prompts
from dialogue.events import BackendResult, Transcript
from dialogue.keyword_nlu import (asks_about_the_law, asks_how_to, detect_tax, detect_year, general_question,
                                  names_a_service, refuses_identification, speaks_for_someone, topics_named, wants_agent,
                                  yes_no)
from dialogue.numerals import words_to_digits
from dialogue.pesel import recover_pesel
from dialogue.queues import TAX_QUEUE_TOPICS, TAX_TOPICS
from dialogue.speech import tax_genitive
from dialogue.state import DialogueState, State
from dialogue.states import identify, survey
from dialogue.states.common import Handlers, Moves, Step
from dialogue.states.refusal import refused
from dialogue.text import words


def _on_matter(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    text = event.text
    nlu = moves.nlu.parse(text)
    tax = detect_tax(text)
    sure_of_topic = nlu.topic_confidence is None or nlu.topic_confidence >= moves.config.topic_confidence
    topic = nlu.topic if nlu.topic != "general" and sure_of_topic else TAX_TOPICS.get(tax or "", "general")
    if not state.verified and refuses_identification(text):
        return refused(moves, state, topic)
    if nlu.intent == "agent" and nlu.confidence >= moves.config.intent_confidence and (
            wants_agent(text) or not general_question(text)):
        return moves.hand_off(state.with_matter(topic=topic), "caller_request")
    service = intents.recognise(text, nlu, moves.config.intent_confidence)
    question = general_question(text)
    # "Chcę umówić wizytę" names a general question too ("visit"), but the bot can book it: a service
    # with a conversation of its own goes first, unless the caller asks how it is done ("Jak umówić…?").
    books_now = service is not None and service.begin is not None and not asks_how_to(text)
    if question and not names_a_service(text) and not books_now:
        return _general_answer(moves, state, question, topic)
    pesel_said = not state.verified and len(words_to_digits(text)) >= 10 and \
        recover_pesel(text, event.alternatives, moves.config.today).pesel is not None
    if service is not None:
        keep_tax = state.tax if state.name == State.ANYTHING_ELSE else None  # "a wpłaty?" after "saldo PIT"
        state = state.with_matter(intent=service.intent, topic=topic, tax=tax or keep_tax,
                                  period=detect_year(text)).with_repair(misunderstood=0)
        if service.begin is not None:  # a conversation of its own (booking a visit)
            return service.begin(moves, state, text)
        if pesel_said:  # "saldo, mój PESEL to …"
            return identify.on_pesel_spoken(moves, state, event)
        return proceed(moves, state)
    if pesel_said:  # the PESEL first, the matter after identification ("Co chcesz sprawdzić?")
        return identify.on_pesel_spoken(moves, state, event)
    return _tier_one(moves, state, text, topic)


def _general_answer(moves: Moves, state: DialogueState, question: str, topic: str) -> Step:
    """A tier I answer: no authentication; the topic is kept for a later handoff."""
    state = state.with_matter(answered=state.answered + (f"informacja ogólna: {question}",),
                              topic=topic if topic != "general" else state.topic)
    return moves.ask(state.with_repair(misunderstood=0), State.ANYTHING_ELSE, prompts.GENERAL_ANSWERS[question],
                     prompts.ANYTHING_ELSE)


def _tier_one(moves: Moves, state: DialogueState, text: str, topic: str) -> Step:
    """A topical queue (one short question when two fit), a representative's opening, or "say again"."""
    # Two taxes named in one turn call for a question; "enforcement" or "eus" beside a tax does not.
    named = [t for t in topics_named(text) if t in TAX_QUEUE_TOPICS]
    if len(set(named)) >= 2:
        first, second = named[0], next(t for t in named if t != named[0])
        state = state.with_matter(intent=state.intent or "other")
        return moves.ask(state, State.TOPIC_CHOICE, prompts.ASK_TOPIC.format(
            first=prompts.TOPIC_NAMES[first], second=prompts.TOPIC_NAMES[second]))
    if topic != "general":
        return moves.hand_off(state.with_matter(topic=topic, intent=state.intent or "other"), "other_matter")
    if speaks_for_someone(text):
        state = state.with_matter(answered=state.answered + ("w sprawie mocodawcy",)).with_repair(misunderstood=0)
        return moves.ask(state, State.INTENT, prompts.REPRESENTATIVE, prompts.ASK_MATTER)
    if asks_about_the_law(text):  # understood, though no tax is named: the general queue's consultants answer it
        return moves.hand_off(state.with_matter(intent=state.intent or "other"), "other_matter")
    return moves.misunderstood(state)


def _on_topic_choice(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    """The answer to "Czy chodzi o PIT czy o VAT?": its queue; still unclear → the general queue."""
    named = topics_named(event.text)
    topic = named[0] if named else "general"
    return moves.hand_off(state.with_matter(topic=topic, tax=detect_tax(event.text) or state.tax), "other_matter")


def _on_anything_else(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    text = event.text
    nlu = moves.nlu.parse(text)
    if intents.recognise(text, nlu, 0.0) is not None or nlu.intent == "agent":
        return _on_matter(moves, state, event)
    tax, year = detect_tax(text), detect_year(text)
    held = intents.service(state.intent)
    if held is not None and held.begin is None and (tax or year):  # "a VAT?", "a za 2024?"
        topic = TAX_TOPICS.get(tax, state.topic) if tax else state.topic
        return proceed(moves, state.with_matter(tax=tax or state.tax, topic=topic, period=year or state.period))
    if general_question(text):
        return _on_matter(moves, state, event)
    answer = yes_no(text)
    if answer is False:
        return survey.goodbye(moves, state, "caller_done")
    if answer is True and len(words(text)) <= 3:
        return moves.ask(state, State.INTENT, prompts.HOW_CAN_I_HELP)
    return _on_matter(moves, state, event)


def _on_query_choice(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    service = intents.recognise(event.text, moves.nlu.parse(event.text), 0.0)
    if service is not None:
        tax = detect_tax(event.text) or state.tax
        return proceed(moves, state.with_matter(intent=service.intent, tax=tax, period=detect_year(event.text)))
    return moves.misunderstood(state)


def proceed(moves: Moves, state: DialogueState, *prefix: str) -> Step:
    """Do what the matter needs next: identify the caller, ask which question, or send the service's request."""
    service = intents.service(state.intent)
    if service is not None and service.begin is not None:  # a conversation of its own starts over
        return service.begin(moves, state, "")
    if not state.verified and (service is None or service.needs_auth):
        return identify.ask_pesel(moves, state, *prefix)
    if service is None:
        return moves.ask(state, State.QUERY_CHOICE, *prefix, prompts.ASK_QUERY)
    subject = state.subject
    if subject and not subject.own and state.tax and subject.scope and state.tax not in subject.scope:
        text = prompts.TAX_NOT_IN_SCOPE.format(tax=tax_genitive(state.tax))
        return moves.ask(state, State.ANYTHING_ELSE, *prefix, text, prompts.ANYTHING_ELSE)
    state, request_id = moves.request(state, service.intent)
    actions: list = []
    if prefix:
        state, say = moves.say(state, " ".join(prefix))
        actions.append(say)
    return replace(state, name=State.LOOKUP_WAIT), actions + [service.request(state, request_id)]


def _on_result(moves: Moves, state: DialogueState, kind: str, event: BackendResult) -> Step:
    if event.error is not None or event.value is None:
        failure = event.error.kind if event.error else "unavailable"
        state = moves.note_failure(state, kind, failure)
        if failure == "forbidden":
            return moves.ask(state, State.ANYTHING_ELSE, prompts.FORBIDDEN, prompts.ANYTHING_ELSE)
        if failure == "not_found":
            return moves.ask(state, State.ANYTHING_ELSE, prompts.NOT_FOUND, prompts.ANYTHING_ELSE)
        return moves.backend_down(state)
    service = intents.SERVICES[kind]
    return _answer(moves, state.with_matter(result=service.parse(event.value), result_query=kind))


def _answer(moves: Moves, state: DialogueState) -> Step:
    service = intents.SERVICES[state.matter.result_query]
    options = service.tax_options(state, state.matter.result)
    if options:
        return moves.ask(state.with_repair(offer_reason=None), State.TAX_CHOICE, answers.ask_tax_text(options))
    text = service.answer(state, state.matter.result)
    record = f"{service.intent}: {state.tax or 'wszystkie podatki'}{', ' + state.period if state.period else ''}"
    state = _with_answered_tax(state, state.matter.result)
    state = state.with_matter(answered=state.answered + (record,)).with_repair(misunderstood=0)
    return moves.ask(state, State.ANYTHING_ELSE, text, prompts.ANYTHING_ELSE, sensitive=True,
                     question=prompts.ANYTHING_ELSE)


def _with_answered_tax(state: DialogueState, result) -> DialogueState:
    """When the answer was about one tax only, the call's matter is that tax (a later handoff goes to its queue)."""
    if state.tax or state.topic not in (None, "general"):
        return state
    items = (getattr(result, "balances", None) or getattr(result, "payments", None)
             or getattr(result, "refunds", None) or ())
    taxes = {item.tax for item in items if getattr(item, "tax", "")}
    if len(taxes) != 1:
        return state
    tax = taxes.pop()
    return state.with_matter(topic=TAX_TOPICS.get(tax, state.topic))


def _on_tax_choice(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    tax = detect_tax(event.text)
    if tax is None:
        return moves.misunderstood(state)
    return _answer(moves, state.with_matter(tax=tax, topic=TAX_TOPICS.get(tax, state.topic)))


HANDLERS: dict[State, Handlers] = {
    State.INTENT: Handlers(on_transcript=_on_matter),
    State.ANYTHING_ELSE: Handlers(on_transcript=_on_anything_else),
    State.QUERY_CHOICE: Handlers(on_transcript=_on_query_choice),
    State.LOOKUP_WAIT: Handlers(on_result=_on_result),
    State.TAX_CHOICE: Handlers(on_transcript=_on_tax_choice),
    State.TOPIC_CHOICE: Handlers(on_transcript=_on_topic_choice),
}
