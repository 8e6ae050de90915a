"""Durable storage of satisfaction surveys: one row per call, SQLAlchemy Core on SQLite (the demo,
``data_dir/surveys.db``) or PostgreSQL (``VOICEBOT_SURVEY_DB_URL``) — the same library and the same
two databases the back-end sandbox runs on.

Why SQL and not Redis, which the handoff queue uses: the queue holds work in flight (waiting
callers, claims) that is done in minutes, and its Redis runs without persistence in the demo and
the tests; survey results are a record kept for months and read by aggregation (counts per
channel, queue, question and rating) and export, which a SQL table answers directly.

A row holds no personal data: the call id, channel, why the survey was asked (contained call or
after a handoff), the handoff's queue, a rating 1–5 per question with how it was given (keypad or
voice), the comment as redacted by the dialogue, and whether all questions were answered. The
dialogue sends the survey again after every answer; ``save`` replaces the call's earlier version,
so a caller who hangs up part-way keeps the ratings they gave.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (Boolean, Column, Float, Integer, MetaData, String, Table, Text, create_engine, event,
                        func, select)
from sqlalchemy.exc import IntegrityError

from contracts.survey import RATINGS, SURVEY_QUESTIONS, SurveyAnswer, SurveyQuestion, SurveyResult, SurveySource

metadata = MetaData()

survey_results = Table(
    "survey_results",
    metadata,
    Column("call_id", String(120), primary_key=True),
    Column("created_at", Float, nullable=False),  # unix seconds
    Column("updated_at", Float, nullable=False),
    Column("channel", String(16), nullable=False),  # voice | text
    Column("source", String(16), nullable=False),  # contained | handoff
    Column("queue", String(32)),  # the handoff's queue; NULL for a contained call
    *(column for q in SURVEY_QUESTIONS for column in (Column(q.value, Integer), Column(f"{q.value}_by", String(8)))),
    Column("comment", Text),
    Column("complete", Boolean, nullable=False, default=False),
)


@dataclass(frozen=True)
class Saved:
    """What ``save`` added to the call's survey (for the metrics): answers and a comment not seen before."""

    new_answers: tuple[SurveyAnswer, ...]
    new_comment: bool
    first: bool  # the call's first saved version
    completed: bool  # this version finished the survey


@dataclass(frozen=True)
class StoredSurvey:
    call_id: str
    created_at: float
    channel: str
    source: str
    queue: str | None
    ratings: dict[str, int | None]
    given_by: dict[str, str | None]
    comment: str | None
    complete: bool


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'surveys.db'}"


class SurveyStore:
    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine = create_engine(url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._lock = threading.Lock()  # one writer at a time in this process (SQLite's own rule anyway)
        self._ready = False  # the table is made on first use: nothing connects at start-up

    def _ensure_table(self) -> None:
        if not self._ready:
            with self._lock:
                if not self._ready:
                    metadata.create_all(self.engine)
                    self._ready = True

    def save(self, result: SurveyResult, now: float | None = None) -> Saved:
        """Insert or replace the call's survey; returns what is new since its last version."""
        if not result.call_id:
            raise ValueError("a survey is linked to its call id")
        now = now or time.time()
        self._ensure_table()
        row = {"channel": result.channel, "source": str(SurveySource(result.source)), "queue": result.queue,
               "comment": result.comment, "complete": result.complete, "updated_at": now}
        for q in SURVEY_QUESTIONS:
            row[q.value], row[f"{q.value}_by"] = None, None
        for answer in result.answers:
            row[answer.question.value], row[f"{answer.question.value}_by"] = answer.rating, answer.by
        with self._lock, self.engine.begin() as db:
            before = db.execute(select(survey_results).where(survey_results.c.call_id == result.call_id)).first()
            if before is None:
                try:
                    with db.begin_nested():  # a savepoint: PostgreSQL aborts the whole transaction otherwise
                        db.execute(survey_results.insert().values(call_id=result.call_id, created_at=now, **row))
                except IntegrityError:  # another process inserted it first: fall through to an update
                    before = db.execute(select(survey_results).where(
                        survey_results.c.call_id == result.call_id)).first()
            if before is not None:
                db.execute(survey_results.update().where(survey_results.c.call_id == result.call_id).values(**row))
        old = before._mapping if before is not None else {}
        new_answers = tuple(a for a in result.answers if old.get(a.question.value) is None)
        return Saved(new_answers, bool(result.comment) and not old.get("comment"), before is None,
                     result.complete and not old.get("complete"))

    def surveys(self, limit: int | None = None) -> list[StoredSurvey]:
        self._ensure_table()
        query = select(survey_results).order_by(survey_results.c.created_at.desc())
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as db:
            return [_stored(row._mapping) for row in db.execute(query)]

    def distribution(self, by: str) -> dict[str, dict[SurveyQuestion, dict[int, int]]]:
        """Counts of each rating per question, per ``by`` (``channel`` or ``queue``; a contained
        call has no queue and counts under "")."""
        if by not in ("channel", "queue"):
            raise ValueError("by channel or queue")
        self._ensure_table()
        group = func.coalesce(survey_results.c[by], "")
        out: dict[str, dict[SurveyQuestion, dict[int, int]]] = {}
        with self.engine.connect() as db:
            for q in SURVEY_QUESTIONS:
                column = survey_results.c[q.value]
                rows = db.execute(select(group, column, func.count()).where(column.is_not(None))
                                  .group_by(group, column))
                for key, rating, count in rows:
                    if rating in RATINGS:
                        out.setdefault(key, {}).setdefault(q, dict.fromkeys(RATINGS, 0))[rating] = count
        for per_question in out.values():
            for q in SURVEY_QUESTIONS:
                per_question.setdefault(q, dict.fromkeys(RATINGS, 0))
        return out

    def close(self) -> None:
        self.engine.dispose()


def _stored(row) -> StoredSurvey:
    return StoredSurvey(
        call_id=row["call_id"], created_at=row["created_at"], channel=row["channel"], source=row["source"],
        queue=row["queue"], ratings={q.value: row[q.value] for q in SURVEY_QUESTIONS},
        given_by={q.value: row[f"{q.value}_by"] for q in SURVEY_QUESTIONS}, comment=row["comment"],
        complete=bool(row["complete"]))


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the console) do not block the writer (calls)
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
