"""Whose matter: the caller's own, or a principal's listed in the representatives register.

principals_wait → (no principals) answer, or → principal_choice → answer.
"""

from __future__ import annotations

from dialogue import prompts
from dialogue.backend import parse_result
from dialogue.events import BackendResult, Transcript
from dialogue.keyword_nlu import own_matter
from dialogue.numerals import words_to_digits
from dialogue.state import DialogueState, State, Subject
from dialogue.states import answer
from dialogue.states.common import Handlers, Moves, Step
from dialogue.text import tokens, words


def _on_list(moves: Moves, state: DialogueState, kind: str, event: BackendResult) -> Step:
    if event.error is not None or event.value is None:
        failure = event.error.kind if event.error else "unavailable"
        state = moves.note_failure(state, kind, failure)
        if failure != "not_found":  # nobody listed is no failure: the caller acts for themselves
            return moves.backend_down(state)
        principals: tuple = ()
    else:
        principals = parse_result("principals", event.value).principals
    if not principals:
        own = Subject(own=True, kind="person", pesel=state.pesel)
        return answer.proceed(moves, state.with_matter(subject=own, principals=()))
    state = state.with_matter(principals=tuple(principals))
    return moves.ask(state, State.PRINCIPAL_CHOICE, prompts.ASK_PRINCIPAL)


def _on_choice(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    text = event.text
    digits = words_to_digits(text)
    listed = state.matter.principals
    by_number = [p for p in listed
                 if digits and (p.nip and digits == "".join(c for c in p.nip if c.isdigit())
                                or p.pesel and digits == p.pesel.reveal())]
    matches = by_number or _match_by_name(listed, text)
    if len(matches) == 1:
        subject = Subject.of_principal(matches[0])
        state = state.with_matter(subject=subject, principal_failures=0)
        return answer.proceed(moves, state, prompts.PRINCIPAL_CHOSEN.format(name=subject.name.rstrip(".")))
    if len(matches) > 1:
        return moves.ask(state, State.PRINCIPAL_CHOICE, prompts.PRINCIPAL_AMBIGUOUS)
    if own_matter(text) and not digits:
        state = state.with_matter(subject=Subject(own=True, kind="person", pesel=state.pesel))
        return answer.proceed(moves, state, prompts.OWN_CHOSEN)
    state = state.with_matter(principal_failures=state.matter.principal_failures + 1,
                              answered=state.answered + ("odmowa: podmiot spoza listy mocodawców",))
    if state.matter.principal_failures >= moves.config.misunderstandings:
        return moves.offer_agent(state, "principal_not_listed", prompts.PRINCIPAL_NOT_LISTED,
                                 prompts.OFFER_AGENT_YES_NO)
    return moves.ask(state, State.PRINCIPAL_CHOICE, prompts.PRINCIPAL_REFUSED)


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


HANDLERS: dict[State, Handlers] = {
    State.PRINCIPALS_WAIT: Handlers(on_result=_on_list),
    State.PRINCIPAL_CHOICE: Handlers(on_transcript=_on_choice),
}
