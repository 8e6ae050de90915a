"""The satisfaction survey: offered at the end of a contained call (the bot answered and the caller
has nothing more) and when the caller comes back after an agent finished a handed-off conversation.

survey_offer (yes/no) → survey_question ×3 (a rating 1–5: a key, or words — "pięć", "bardzo
dobrze", "średnio") → survey_comment (one optional spoken comment; ``#`` or "bez komentarza" skips
it) → ended. Each answer leaves as a ``RecordSurvey`` action with everything so far, so a caller who
hangs up part-way keeps the ratings they gave (the store replaces the call's earlier version).

The survey states take the caller's words raw (``Handlers.raw_transcripts``): "konsultant był
bardzo miły" is a comment, not a request for a human. The comment is redacted like every transcript (no number of
five or more digits, no amount) before it leaves the dialogue.
"""

from __future__ import annotations

from contracts.survey import RATING_LABELS, SURVEY_QUESTIONS, SurveyAnswer, SurveyResult, SurveySource
from dialogue import prompts
from dialogue.actions import Choice, RecordSurvey
from dialogue.events import Transcript
from dialogue.keyword_nlu import says_goodbye, wants_repeat, yes_no
from dialogue.rating import rating_from_key, rating_from_words
from dialogue.state import DialogueState, State
from dialogue.states.common import Handlers, Moves, Step
from polish.redaction import redact_caller_text
from polish.text import has_phrase

STATES = frozenset({State.SURVEY_OFFER, State.SURVEY_QUESTION, State.SURVEY_COMMENT})
MAX_COMMENT = 500
# Answers that are not a rating before the survey stops with what it has.
NOT_A_RATING_TRIES = 2
NO_COMMENT = ("bez komentarza", "nie mam", "nic", "nie chce", "nie dziekuje", "nie trzeba", "pomin*", "brak")

YES_NO_CHOICES = (Choice("Tak", "tak"), Choice("Nie", "nie"))
RATING_CHOICES = tuple(Choice(f"{n} – {RATING_LABELS[n]}", str(n), keys=True) for n in sorted(RATING_LABELS))
COMMENT_CHOICES = (Choice("Bez komentarza", "#", keys=True),)


def goodbye(moves: Moves, state: DialogueState, reason: str) -> Step:
    """The caller has nothing more after the bot answered: offer the survey (when it is on), else
    say goodbye."""
    if moves.config.survey and state.name == State.ANYTHING_ELSE:
        return offer(moves, state, SurveySource.CONTAINED, reason)
    return moves.end(state, prompts.GOODBYE, reason)


def offer(moves: Moves, state: DialogueState, source: SurveySource, end_reason: str, *prefix: str) -> Step:
    state = state.with_survey(source=str(source), answers=(), comment=None, failures=0, end_reason=end_reason)
    return moves.ask(state, State.SURVEY_OFFER, *prefix, prompts.SURVEY_OFFER, vocabulary="yes_no",
                     choices=YES_NO_CHOICES)


def after_handoff(moves: Moves, state: DialogueState) -> Step:
    """The caller is back after an agent finished: the survey is the whole conversation."""
    return offer(moves, state, SurveySource.HANDOFF, "survey_after_handoff", prompts.SURVEY_AFTER_HANDOFF)


def _ask_question(moves: Moves, state: DialogueState, *prefix: str) -> Step:
    question = SURVEY_QUESTIONS[len(state.survey.answers)]
    return moves.ask(state, State.SURVEY_QUESTION, *prefix, prompts.SURVEY_QUESTIONS[question],
                     choices=RATING_CHOICES)


def _result(state: DialogueState, complete: bool) -> RecordSurvey:
    survey = state.survey
    return RecordSurvey(SurveyResult(
        call_id="", channel=state.channel, source=SurveySource(survey.source or SurveySource.CONTAINED),
        queue=state.handoff.queue, answers=survey.answers, comment=survey.comment, complete=complete))


def _finish(moves: Moves, state: DialogueState, text: str, complete: bool) -> Step:
    reason = state.survey.end_reason or "survey_done"
    record = [_result(state, complete)] if state.survey.answers else []
    state, actions = moves.end(state, text, reason)
    return state, record + actions


def _heard(moves: Moves, state: DialogueState, event: Transcript) -> DialogueState:
    """The caller's line for the transcript, redacted like every line the engine notes."""
    return moves.note(state, "caller", redact_caller_text(event.text.strip(), (), "public"))


# -- the offer ------------------------------------------------------------------------------------

def _on_offer(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    if not event.final:
        return state, []
    state = _heard(moves, state, event)
    answer = yes_no(event.text)
    if answer is True:
        return _ask_question(moves, state, prompts.SURVEY_SCALE_TEXT if state.channel == "text" else prompts.SURVEY_SCALE)
    if answer is False or says_goodbye(event.text):
        return moves.end(state, prompts.GOODBYE, state.survey.end_reason or "caller_done")
    if wants_repeat(event.text) or state.survey.failures == 0:
        state = state.with_survey(failures=state.survey.failures + 1)
        return moves.ask(state, State.SURVEY_OFFER, prompts.SURVEY_OFFER_YES_NO, vocabulary="yes_no",
                         choices=YES_NO_CHOICES)
    return moves.end(state, prompts.GOODBYE, state.survey.end_reason or "caller_done")


def _offer_silence(moves: Moves, state: DialogueState) -> Step:
    # Silence to "will you rate the call?" is a no: the caller is done.
    return moves.end(state, prompts.GOODBYE, state.survey.end_reason or "caller_done")


# -- the ratings ----------------------------------------------------------------------------------

def _rated(moves: Moves, state: DialogueState, rating: int, by: str) -> Step:
    question = SURVEY_QUESTIONS[len(state.survey.answers)]
    state = state.with_survey(answers=state.survey.answers + (SurveyAnswer(question, rating, by),), failures=0)
    record = _result(state, complete=False)
    if len(state.survey.answers) < len(SURVEY_QUESTIONS):
        state, actions = _ask_question(moves, state)
    else:
        comment = prompts.SURVEY_COMMENT_TEXT if state.channel == "text" else prompts.SURVEY_COMMENT
        state, actions = moves.ask(state, State.SURVEY_COMMENT, comment, choices=COMMENT_CHOICES)
    return state, [record] + actions


def _not_a_rating(moves: Moves, state: DialogueState) -> Step:
    state = state.with_survey(failures=state.survey.failures + 1)
    if state.survey.failures > NOT_A_RATING_TRIES:
        return _finish(moves, state, prompts.SURVEY_STOPPED if state.survey.answers else prompts.GOODBYE,
                       complete=False)
    return _ask_question(moves, state, prompts.SURVEY_NOT_A_RATING)


def _on_rating_words(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    if not event.final:
        return state, []
    state = _heard(moves, state, event)
    rating = rating_from_words(event.text)
    if rating is not None:
        return _rated(moves, state, rating, "voice")
    if says_goodbye(event.text):
        return _finish(moves, state, prompts.SURVEY_STOPPED if state.survey.answers else prompts.GOODBYE,
                       complete=False)
    if wants_repeat(event.text):
        return moves.repeat(state)
    return _not_a_rating(moves, state)


def _on_rating_key(moves: Moves, state: DialogueState, key: str) -> Step:
    rating = rating_from_key(key)
    if rating is None:
        return _not_a_rating(moves, state)
    return _rated(moves, state, rating, "keypad")


def _rating_silence(moves: Moves, state: DialogueState) -> Step:
    # Once: the question again with the scale; twice: the survey stops with what it has.
    if state.survey.failures >= 1:
        return _finish(moves, state, prompts.SURVEY_STOPPED if state.survey.answers else prompts.GOODBYE,
                       complete=False)
    state = state.with_survey(failures=state.survey.failures + 1)
    return _ask_question(moves, state, prompts.SILENCE, prompts.SURVEY_NOT_A_RATING)


# -- the comment ----------------------------------------------------------------------------------

def _on_comment(moves: Moves, state: DialogueState, event: Transcript) -> Step:
    if not event.final:
        return state, []
    state = _heard(moves, state, event)
    text = event.text.strip()
    declined = has_phrase(text, NO_COMMENT) or (yes_no(text) is False and len(text.split()) <= 3)
    if text and not declined:
        comment = redact_caller_text(text, (), "public")[:MAX_COMMENT]
        state = state.with_survey(comment=comment)
    return _finish(moves, state, prompts.SURVEY_THANKS, complete=True)


def _on_comment_key(moves: Moves, state: DialogueState, key: str) -> Step:
    if key == "#":
        return _finish(moves, state, prompts.SURVEY_THANKS, complete=True)
    return state, []


def _comment_silence(moves: Moves, state: DialogueState) -> Step:
    return _finish(moves, state, prompts.SURVEY_THANKS, complete=True)


HANDLERS: dict[State, Handlers] = {
    State.SURVEY_OFFER: Handlers(on_transcript=_on_offer, on_silence=_offer_silence, raw_transcripts=True),
    State.SURVEY_QUESTION: Handlers(on_transcript=_on_rating_words, on_key=_on_rating_key,
                                    on_silence=_rating_silence, raw_transcripts=True),
    State.SURVEY_COMMENT: Handlers(on_transcript=_on_comment, on_key=_on_comment_key,
                                   on_silence=_comment_silence, raw_transcripts=True),
}

