"""eval/nlu_rule_replay.py: a dump keeps what the model read; the rules as they are now are replayed on it."""

import io
import json

from dialogue.nlu_types import NluResult
from eval.nlu_rule_replay import replay, write_dump

ROWS = [{"template": "t1", "text": "eee ile mam do zapłaty", "intent": "balance", "topic": "general"},
        {"template": "t2", "text": "Proszę o konsultanta.", "written": "proszę o konsultanta", "intent": "agent",
         "topic": "general"}]


def _dumped(hybrid: list[NluResult]) -> list[dict]:
    model = [NluResult("other", "general", 0.4), NluResult("other", "general", 0.6)]
    read = [("ile mam do zapłaty", NluResult("balance", "general", 0.7)), ("Proszę o konsultanta.", model[1])]
    out = io.StringIO()
    write_dump(out, {"split": "dev2"}, ROWS, model, read, hybrid)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_the_dump_holds_each_rows_labels_and_what_the_model_and_the_hybrid_read():
    lines = _dumped([NluResult("balance", "general", 0.7), NluResult("agent", "general", 0.9)])
    assert [line["heard"] for line in lines] == [False, True]
    assert lines[0]["matter"] == "ile mam do zapłaty" and lines[0]["model"]["intent"] == "other"
    assert lines[0]["model_on_matter"]["intent"] == lines[0]["hybrid"]["intent"] == "balance"
    assert lines[1]["line"] == {"split": "dev2"}


def test_the_rules_replayed_tell_the_rows_a_change_mended():
    # As dumped, the hybrid missed the request for a person; the rules now read it ("konsultant*").
    got = replay(_dumped([NluResult("balance", "general", 0.7), NluResult("other", "general", 0.6)]))
    assert got.accuracy("all", "dumped", "intent") == 0.5 and got.accuracy("all", "now", "intent") == 1.0
    assert got.accuracy("heard", "now", "intent") == 1.0 and got.rows["written"] == got.rows["heard"] == 1
    assert [line["template"] for line in got.mended] == ["t2"] and not got.broken
