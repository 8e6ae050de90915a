"""Prometheus metrics of the satisfaction survey (default registry, beside the handoff metrics).

Labels are bounded: the question (three), the rating (1–5), the channel (voice, text), the queue
(the eight queues, or "none" for a contained call) and the source (contained, handoff).
"""

from __future__ import annotations

from prometheus_client import Counter

from contracts.survey import SurveyResult

SURVEY_RESPONSES = Counter("survey_responses_total", "Surveys with at least one answer, by channel and source",
                           ["channel", "source"])
SURVEY_ANSWERS = Counter("survey_answers_total", "Survey ratings given, by question, rating, channel and queue",
                         ["question", "rating", "channel", "queue"])
SURVEY_COMMENTS = Counter("survey_comments_total", "Surveys with a spoken or typed comment", ["channel"])
SURVEYS_COMPLETED = Counter("survey_completed_total", "Surveys with every question answered", ["channel", "source"])


def record_saved(result: SurveyResult, saved) -> None:
    """Count what ``SurveyStore.save`` found new (a survey is saved again after every answer)."""
    channel, source, queue = result.channel, str(result.source), result.queue or "none"
    if saved.first and result.answers:
        SURVEY_RESPONSES.labels(channel=channel, source=source).inc()
    for answer in saved.new_answers:
        SURVEY_ANSWERS.labels(question=str(answer.question), rating=str(answer.rating), channel=channel,
                              queue=queue).inc()
    if saved.new_comment:
        SURVEY_COMMENTS.labels(channel=channel).inc()
    if saved.completed:
        SURVEYS_COMPLETED.labels(channel=channel, source=source).inc()
