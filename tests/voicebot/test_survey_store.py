"""The survey store on SQLite and PostgreSQL: one row per call, replaced as answers come, no
personal data, the distribution per channel and per queue, and the metrics of what is new."""

from __future__ import annotations

import pytest
from prometheus_client import REGISTRY

from contracts.survey import SurveyAnswer, SurveyQuestion, SurveyResult, SurveySource
from voicebot import survey_metrics
from voicebot.survey_store import SurveyStore, default_url, survey_results

Q = SurveyQuestion


def result(call_id: str, ratings: list[tuple[int, str]], *, channel="voice", source=SurveySource.CONTAINED,
           queue=None, comment=None, complete=False) -> SurveyResult:
    answers = tuple(SurveyAnswer(q, r, by) for q, (r, by) in zip(Q, ratings))
    return SurveyResult(call_id, channel, source, queue, answers, comment, complete)


def check_store(store: SurveyStore) -> None:
    # A voice survey answered on the keypad, saved after each answer, then finished with a comment.
    first = store.save(result("call-a", [(5, "keypad")]))
    assert first.first and [a.rating for a in first.new_answers] == [5] and not first.completed
    store.save(result("call-a", [(5, "keypad"), (4, "keypad")]))
    store.save(result("call-a", [(5, "keypad"), (4, "keypad"), (3, "keypad")]))
    last = store.save(result("call-a", [(5, "keypad"), (4, "keypad"), (3, "keypad")], comment="Miła obsługa",
                             complete=True))
    assert not last.first and last.new_answers == () and last.new_comment and last.completed
    # One by voice in chat after a VAT handoff, and an interrupted one.
    store.save(result("chat-b", [(2, "voice"), (5, "voice"), (4, "voice")], channel="text",
                      source=SurveySource.HANDOFF, queue="vat", complete=True))
    store.save(result("call-c", [(5, "voice")]))

    rows = {s.call_id: s for s in store.surveys()}
    assert set(rows) == {"call-a", "chat-b", "call-c"}
    a = rows["call-a"]
    assert a.ratings == {"resolved": 5, "clarity": 4, "overall": 3} and a.given_by["resolved"] == "keypad"
    assert a.comment == "Miła obsługa" and a.complete and a.queue is None
    assert not rows["call-c"].complete and rows["call-c"].ratings["clarity"] is None

    by_channel = store.distribution("channel")
    assert by_channel["voice"][Q.RESOLVED] == {1: 0, 2: 0, 3: 0, 4: 0, 5: 2}
    assert by_channel["voice"][Q.CLARITY][4] == 1 and sum(by_channel["voice"][Q.CLARITY].values()) == 1
    assert by_channel["text"][Q.RESOLVED][2] == 1
    by_queue = store.distribution("queue")
    assert set(by_queue) == {"", "vat"} and by_queue["vat"][Q.CLARITY][5] == 1

    # The table has no column a person could be found by.
    columns = {c.name for c in survey_results.columns}
    assert not columns & {"pesel", "caller_number", "phone", "name", "nip"}
    with pytest.raises(ValueError):
        store.save(result("", [(5, "keypad")]))


def test_sqlite_store(tmp_path):
    store = SurveyStore(default_url(tmp_path / "data"))
    try:
        check_store(store)
    finally:
        store.close()
    reopened = SurveyStore(default_url(tmp_path / "data"))  # durable: a new process sees it all
    try:
        assert len(reopened.surveys()) == 3
    finally:
        reopened.close()


def test_postgres_store(postgres_url):
    store = SurveyStore(postgres_url)
    try:
        check_store(store)
    finally:
        store.close()


def test_metrics_count_each_answer_once(tmp_path):
    store = SurveyStore(default_url(tmp_path))

    def answers(rating: str) -> float:
        return REGISTRY.get_sample_value("survey_answers_total", {"question": "resolved", "rating": rating,
                                                                  "channel": "text", "queue": "pit"}) or 0.0

    def completed() -> float:
        return REGISTRY.get_sample_value("survey_completed_total", {"channel": "text", "source": "handoff"}) or 0.0

    before, done_before = answers("1"), completed()
    try:
        for n in (1, 2, 3):
            r = result("chat-m", [(1, "keypad")] * n, channel="text", source=SurveySource.HANDOFF, queue="pit",
                       complete=n == 3)
            survey_metrics.record_saved(r, store.save(r))
    finally:
        store.close()
    assert answers("1") - before == 1  # saved three times, counted once
    assert completed() - done_before == 1
