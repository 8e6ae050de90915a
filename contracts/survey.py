"""The satisfaction survey's shape: its questions, the scale, and one finished survey.

One owner for the questions: the dialogue asks them in this order, the survey store keeps their
values as column keys, and the console and the CSV show their Polish labels. A finished survey
holds no personal data: ratings, how each was given (keypad or voice), a comment already redacted,
the channel and the queue of a handoff — linked to the call only by its id.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SurveyQuestion(StrEnum):
    RESOLVED = "resolved"  # was the matter dealt with
    CLARITY = "clarity"  # were the answers clear
    OVERALL = "overall"  # the contact as a whole


SURVEY_QUESTIONS: tuple[SurveyQuestion, ...] = tuple(SurveyQuestion)
RATINGS: tuple[int, ...] = (1, 2, 3, 4, 5)

# Shown to agents and supervisors (console, CSV).
QUESTION_LABELS: dict[SurveyQuestion, str] = {
    SurveyQuestion.RESOLVED: "Załatwienie sprawy",
    SurveyQuestion.CLARITY: "Jasność informacji",
    SurveyQuestion.OVERALL: "Ocena całej rozmowy",
}
RATING_LABELS: dict[int, str] = {1: "bardzo źle", 2: "źle", 3: "średnio", 4: "dobrze", 5: "bardzo dobrze"}


class SurveySource(StrEnum):
    CONTAINED = "contained"  # the bot answered and the caller had nothing more
    HANDOFF = "handoff"  # after an agent finished the handed-off conversation


SOURCE_LABELS: dict[SurveySource, str] = {SurveySource.CONTAINED: "Rozmowa z asystentem",
                                          SurveySource.HANDOFF: "Po rozmowie z konsultantem"}
CHANNEL_LABELS: dict[str, str] = {"voice": "Telefon", "text": "Czat"}


@dataclass(frozen=True)
class SurveyAnswer:
    question: SurveyQuestion
    rating: int  # 1..5
    by: str  # keypad | voice (chat buttons count as keypad: a choice, not words)

    def __post_init__(self) -> None:
        if self.rating not in RATINGS:
            raise ValueError("a rating is 1 to 5")
        if self.by not in ("keypad", "voice"):
            raise ValueError("a rating is given by keypad or voice")


@dataclass(frozen=True)
class SurveyResult:
    """One survey, as stored: no PESEL, no phone number, no name; ``call_id`` links it to the call."""

    call_id: str
    channel: str  # voice | text
    source: SurveySource
    queue: str | None  # the handoff's queue, None for a contained call
    answers: tuple[SurveyAnswer, ...]
    comment: str | None = None  # redacted like every transcript
    complete: bool = True  # False: the caller hung up part-way (the answers given are kept)
