"""Booking a visit at a tax office: which office, which matter, a free slot, the visitor's name and
e-mail, the visit read back, booked, its code read back.

booking_wait (catalogue) → booking_office → booking_matter → booking_wait (free slots) →
booking_slot ("a coś później?") → booking_name → booking_email → booking_email_confirm (voice) →
booking_confirm → booking_wait (book) → anything_else. A slot someone took meanwhile brings the next
free one (booking_slot again). A verified caller's name and e-mail come from the registration data,
and "mój urząd" is the registration's tax office.
"""

from __future__ import annotations

from dataclasses import replace

from dialogue import prompts
from dialogue import prompts_booking as P
from dialogue.booking_types import (BookingCatalogue, BookingOutcome, BookVisit, FindFreeSlots, FreeSlots,
                                    LoadBookingCatalogue, VisitDraft)
from dialogue.events import BackendResult, Transcript
from dialogue.keyword_nlu import yes_no
from dialogue.offices import find_offices, own_office
from dialogue.services import booking as service
from dialogue.speech import join_or
from dialogue.state import DialogueState, State
from dialogue.states import booking_cancel
from dialogue.states.common import Handlers, Moves, Step
from polish.email_spelling import email_spoken, spoken_email, typed_email
from polish.visits import OFFICE_ZONE

MAX_FAILURES = 3  # answers not understood in one step before a human is offered


# --- the start ------------------------------------------------------------------------------------


def begin(moves: Moves, state: DialogueState, text: str) -> Step:
    """The caller asked for a visit: fetch the offices and matters (and, when verified, the 360 data)."""
    state = replace(state, visit=VisitDraft(opening=text)).with_repair(misunderstood=0)
    state, say = moves.say(state, P.BOOKING_START)
    state, request_id = moves.request(state, "booking_catalogue")
    action = LoadBookingCatalogue(request_id, state.pesel if state.verified else None)
    return replace(state, name=State.BOOKING_WAIT), [say, action]


def _catalogue(state: DialogueState) -> BookingCatalogue:
    return state.visit.catalogue


def _own_office(state: DialogueState):
    catalogue = _catalogue(state)
    return own_office(catalogue.own_office, [o.ref for o in catalogue.offices]) if state.verified else None


def _on_catalogue(moves: Moves, state: DialogueState, catalogue: BookingCatalogue) -> Step:
    visit = state.visit
    name, email = visit.visitor_name, visit.email
    if state.verified and catalogue.visitor_name and catalogue.email:
        name, email = catalogue.visitor_name, catalogue.email
    state = state.with_visit(catalogue=catalogue, visitor_name=name, email=email)
    search = find_offices(visit.opening, [o.ref for o in catalogue.offices], _own_office(state))
    if search.status in ("found", "own_office"):
        return _office_chosen(moves, state, search.office.id)
    if search.status == "ambiguous":
        return _ask_which_office(moves, state, [c.id for c in search.candidates])
    return _ask_office(moves, state)


def _ask_office(moves: Moves, state: DialogueState, *prefix: str) -> Step:
    question = P.ASK_OFFICE_OWN if _own_office(state) else P.ASK_OFFICE
    return moves.ask(state.with_visit(candidates=()), State.BOOKING_OFFICE, *prefix, question)


def _ask_which_office(moves: Moves, state: DialogueState, ids: list[str]) -> Step:
    catalogue = _catalogue(state)
    names = [catalogue.office(i).name for i in ids]
    state = state.with_visit(candidates=tuple(ids))
    return moves.ask(state, State.BOOKING_OFFICE, P.OFFICE_AMBIGUOUS.format(options=join_or(names)))


# --- which office ---------------------------------------------------------------------------------


def _on_office(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    catalogue = _catalogue(state)
    candidates = [catalogue.office(i).ref for i in state.visit.candidates]
    everything = [o.ref for o in catalogue.offices]
    search = find_offices(event.text, candidates or everything, _own_office(state))
    if candidates and search.status == "not_found":
        search = find_offices(event.text, everything, _own_office(state))  # another place altogether
    if search.status in ("found", "own_office"):
        return _office_chosen(moves, state, search.office.id)
    if search.status == "ambiguous":
        return _ask_which_office(moves, state, [c.id for c in search.candidates])
    text = P.OWN_OFFICE_UNKNOWN if search.status == "own_office_unknown" else P.OFFICE_NOT_FOUND
    return _failed(moves, state, State.BOOKING_OFFICE, text)


def _failed(moves: Moves, state: DialogueState, name: State, *texts: str, vocabulary: str = "free") -> Step:
    state = state.with_visit(failures=state.visit.failures + 1)
    if state.visit.failures >= MAX_FAILURES:
        return moves.offer_agent(state, "misunderstanding")
    return moves.ask(state, name, *texts, vocabulary=vocabulary)


def _spelling(state: DialogueState) -> str:
    """Spelled answers get the recogniser's spelling prompt (letter names, "małpa", "kropka")."""
    return "free" if state.channel == "text" else "spelling"


def _office_chosen(moves: Moves, state: DialogueState, office_id: str) -> Step:
    office = _catalogue(state).office(office_id)
    state = state.with_visit(office_id=office_id, candidates=(), failures=0, slots=(), slot_index=0)
    chosen = P.OFFICE_CHOSEN.format(name=office.name, street=service.street_text(state.channel, office.street))
    matters = _office_matters(state)
    named = service.find_matters(state.visit.opening, matters)
    if state.visit.matter in {m.code for m in matters}:
        return _find_slots(moves, state, chosen)
    if len(named) == 1:
        return _find_slots(moves, state.with_visit(matter=named[0].code), chosen)
    return moves.ask(state, State.BOOKING_MATTER, chosen, _matter_question(state, matters),
                     question=P.ASK_MATTER_SHORT)


# --- which matter ---------------------------------------------------------------------------------


def _office_matters(state: DialogueState):
    catalogue = _catalogue(state)
    office = catalogue.office(state.visit.office_id)
    return [m for m in catalogue.matters if m.code in office.matters]


def _matter_names(state: DialogueState, matters) -> str:
    """In the chat the whole names; by voice their heads (eight full names take half a minute)."""
    name = service.matter_spoken if state.channel == "text" else service.matter_short
    return join_or([name(m) for m in matters])


def _matter_question(state: DialogueState, matters) -> str:
    return P.ASK_MATTER.format(options=_matter_names(state, matters))


def _on_matter(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    matters = _office_matters(state)
    found = service.find_matters(event.text, matters)
    if len(found) == 1:
        return _find_slots(moves, state.with_visit(matter=found[0].code, failures=0))
    if found:
        return moves.ask(state, State.BOOKING_MATTER,
                         P.MATTER_AMBIGUOUS.format(options=join_or([service.matter_spoken(m) for m in found])))
    return _failed(moves, state, State.BOOKING_MATTER,
                   P.MATTER_NOT_FOUND.format(options=_matter_names(state, matters)))


# --- the slot -------------------------------------------------------------------------------------


def _find_slots(moves: Moves, state: DialogueState, *prefix: str, after=None) -> Step:
    state, request_id = moves.request(state, "booking_slots")
    actions: list = []
    if prefix:
        state, say = moves.say(state, " ".join(prefix))
        actions.append(say)
    visit = state.visit
    action = FindFreeSlots(request_id, visit.office_id, visit.matter, after)
    return replace(state, name=State.BOOKING_WAIT), actions + [action]


def _on_slots(moves: Moves, state: DialogueState, slots: FreeSlots) -> Step:
    if not slots.starts:
        later = bool(state.visit.slots)
        state = state.with_visit(slots=(), slot_index=0)
        return _ask_office(moves, state, P.NO_LATER_SLOTS if later else P.NO_SLOTS)
    first = not state.visit.slots
    state = state.with_visit(slots=slots.starts, slot_index=0)
    return _offer_slot(moves, state, P.FIRST_SLOT if first else P.NEXT_SLOT)


def _offer_slot(moves: Moves, state: DialogueState, template: str, *prefix: str) -> Step:
    start = state.visit.slots[state.visit.slot_index]
    text = template.format(slot=service.slot_text(state.channel, start))
    return moves.ask(state, State.BOOKING_SLOT, *prefix, text, question=P.SLOT_QUESTION)


def _later(moves: Moves, state: DialogueState, afternoon: bool = False) -> Step:
    visit = state.visit
    current = visit.slots[visit.slot_index]
    for index in range(visit.slot_index + 1, len(visit.slots)):
        start = visit.slots[index]
        if start > current and (not afternoon or start.astimezone(OFFICE_ZONE).hour >= 12):
            return _offer_slot(moves, state.with_visit(slot_index=index), P.NEXT_SLOT)
    last = visit.slots[-1]
    return _find_slots(moves, state, after=last)


def _on_slot(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    text = event.text
    if service.afternoon_requested(text):
        return _later(moves, state, afternoon=True)
    if service.later_requested(text):
        return _later(moves, state)
    answer = yes_no(text)
    if answer is True:
        state = state.with_visit(start=state.visit.slots[state.visit.slot_index], failures=0)
        return _ask_details(moves, state)
    if answer is False:
        return _later(moves, state)
    return _failed(moves, state, State.BOOKING_SLOT, P.SLOT_QUESTION)


# --- who comes, and where the confirmation goes ----------------------------------------------------


def _ask_details(moves: Moves, state: DialogueState) -> Step:
    visit = state.visit
    if not visit.visitor_name:
        return moves.ask(state, State.BOOKING_NAME, P.ASK_NAME)
    if not visit.email:
        return _ask_email(moves, state)
    return _confirm_visit(moves, state)


def _ask_email(moves: Moves, state: DialogueState, *prefix: str) -> Step:
    question = P.ASK_EMAIL_TEXT if state.channel == "text" else P.ASK_EMAIL
    return moves.ask(state, State.BOOKING_EMAIL, *prefix, question, vocabulary=_spelling(state))


def visitor_name(text: str) -> str | None:
    """"Nazywam się Jan Kowalski" → "Jan Kowalski" (as said; the recogniser's spelling)."""
    said = [w for w in text.replace(",", " ").replace(".", " ").split() if any(ch.isalpha() for ch in w)]
    fillers = {"nazywam", "się", "sie", "mam", "na", "imię", "imie", "to", "jestem", "moje", "nazwisko", "i"}
    while said and said[0].lower() in fillers:
        said = said[1:]
    name = " ".join(w[:1].upper() + w[1:] for w in said[:4])
    return name if 2 <= len(name) <= 120 and any(ch.isalpha() for ch in name) else None


def _on_name(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    name = visitor_name(event.text)
    if name is None:
        return _failed(moves, state, State.BOOKING_NAME, P.ASK_NAME)
    state = state.with_visit(visitor_name=name, failures=0)
    return _ask_details(moves, state)


def _on_email(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    if state.channel == "text":
        address = typed_email(event.text) or spoken_email(event.text)
        if address is None:
            return _failed(moves, state, State.BOOKING_EMAIL, P.EMAIL_AGAIN_TEXT)
        return _confirm_visit(moves, state.with_visit(email=address, failures=0))
    address = spoken_email(event.text)
    for alternative in event.alternatives:
        address = address or spoken_email(alternative)
    if address is None:
        return _failed(moves, state, State.BOOKING_EMAIL, P.EMAIL_AGAIN, vocabulary="spelling")
    state = state.with_visit(email_candidate=address, failures=0)
    return moves.ask(state, State.BOOKING_EMAIL_CONFIRM, P.CONFIRM_EMAIL.format(email=email_spoken(address)),
                     vocabulary="yes_no")


def _on_email_confirm(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    answer = yes_no(event.text)
    if answer is True:
        return _confirm_visit(moves, state.with_visit(email=state.visit.email_candidate, email_candidate=None))
    if answer is False:
        return _ask_email(moves, state.with_visit(email_candidate=None), P.EMAIL_REJECTED)
    spelled = spoken_email(event.text)  # the address again, corrected
    if spelled:
        return _on_email(moves, state, event)
    return moves.ask(state, State.BOOKING_EMAIL_CONFIRM, prompts.YES_OR_NO, vocabulary="yes_no")


# --- read back, book, the code ---------------------------------------------------------------------


def _confirm_visit(moves: Moves, state: DialogueState) -> Step:
    visit = state.visit
    catalogue = _catalogue(state)
    office = catalogue.office(visit.office_id)
    email = visit.email if state.channel == "text" else email_spoken(visit.email)
    text = P.CONFIRM_VISIT.format(office=office.name, street=service.street_text(state.channel, office.street),
                                  matter=service.matter_spoken(catalogue.matter(visit.matter)),
                                  slot=service.slot_text(state.channel, visit.start), email=email)
    return moves.ask(state, State.BOOKING_CONFIRM, text, question=P.CONFIRM_VISIT_QUESTION)


def _on_confirm(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    text = event.text
    if service.later_requested(text) and yes_no(text) is not True:
        return _later(moves, state)
    answer = yes_no(text)
    if answer is False:
        state = state.with_visit(start=None)
        return moves.ask(state, State.ANYTHING_ELSE, P.VISIT_NOT_BOOKED, prompts.ANYTHING_ELSE)
    if answer is None:
        return _failed(moves, state, State.BOOKING_CONFIRM, P.CONFIRM_VISIT_QUESTION)
    visit = state.visit
    state, request_id = moves.request(state, "booking_book")
    action = BookVisit(request_id, visit.office_id, visit.matter, visit.start, visit.visitor_name, visit.email)
    return replace(state, name=State.BOOKING_WAIT), [action]


def _on_booked(moves: Moves, state: DialogueState, outcome: BookingOutcome) -> Step:
    if outcome.status == "slot_taken":
        if not outcome.next_free:
            state = state.with_visit(slots=(), slot_index=0, start=None)
            return _ask_office(moves, state, P.SLOT_TAKEN, P.NO_LATER_SLOTS)
        state = state.with_visit(slots=outcome.next_free, slot_index=0, start=None)
        return _offer_slot(moves, state, P.FIRST_SLOT, P.SLOT_TAKEN)
    visit = state.visit
    office = _catalogue(state).office(visit.office_id)
    start = outcome.start or visit.start
    state = state.with_visit(code=outcome.code)
    record = f"umówiona wizyta: {office.name}, {service.slot_text('text', start)}, kod {outcome.code}"
    state = state.with_matter(answered=state.answered + (record,)).with_repair(misunderstood=0)
    text = P.BOOKED.format(code=service.code_text(state.channel, outcome.code))
    return moves.ask(state, State.ANYTHING_ELSE, text, prompts.ANYTHING_ELSE, question=prompts.ANYTHING_ELSE)


# --- the booking system's answers -------------------------------------------------------------------

_PARSE = {"booking_catalogue": BookingCatalogue, "booking_slots": FreeSlots, "booking_book": BookingOutcome}
_ON = {"booking_catalogue": _on_catalogue, "booking_slots": _on_slots, "booking_book": _on_booked}


def _on_result(moves: Moves, state: DialogueState, kind: str, event: BackendResult) -> Step:
    if kind == "booking_cancel":
        return booking_cancel.on_result(moves, state, event)
    if kind not in _PARSE:
        return state, []
    if event.error is not None or event.value is None:
        state = moves.note_failure(state, kind, event.error.kind if event.error else "unavailable")
        return moves.offer_agent(state, "backend_unavailable", P.BOOKING_DOWN, prompts.OFFER_AGENT_YES_NO)
    value = event.value
    if isinstance(value, dict):
        value = _PARSE[kind].from_json(value)
    return _ON[kind](moves, state, value)


HANDLERS: dict[State, Handlers] = {
    State.BOOKING_WAIT: Handlers(on_result=_on_result),
    State.BOOKING_OFFICE: Handlers(on_transcript=_on_office),
    State.BOOKING_MATTER: Handlers(on_transcript=_on_matter),
    State.BOOKING_SLOT: Handlers(on_transcript=_on_slot),
    State.BOOKING_NAME: Handlers(on_transcript=_on_name),
    State.BOOKING_EMAIL: Handlers(on_transcript=_on_email),
    State.BOOKING_EMAIL_CONFIRM: Handlers(on_transcript=_on_email_confirm),
    State.BOOKING_CONFIRM: Handlers(on_transcript=_on_confirm),
    **booking_cancel.HANDLERS,
}
