"""The HTML report speaks Polish to the QA staff who read it: every check, outcome, intent, queue and
dialogue state is a word, and the keys stay in the JSON report only."""

from __future__ import annotations

import html
import re

from contracts.handoff import HandoffReason
from dialogue.intents import SERVICES
from dialogue.nlu_types import INTENTS
from dialogue.state import State
from eval.metrics import AUTH_SCORES
from eval.report_html import render_html
from eval.report_labels import (AUTH_LABELS, STATE_LABELS, check_label, check_value, end_reason_label,
                                intent_label, mark_label, queue_label, state_label)
from integrations.handoff.card_text import INTENT_LABELS

KEYS = ("balance", "payments", "refund", "verified", "not_captured", "handoff_queue", "pesel_confirm",
        "caller_goodbye", "general", "pass", "fail", "keypad", "audio", "started by the runner")


def _report() -> dict:
    checks = [
        {"name": "intent", "expected": "refund", "actual": "balance", "passed": False},
        {"name": "handoff_queue", "expected": "general", "actual": "none", "passed": False},
        {"name": "auth", "expected": "verified", "actual": "verified", "passed": True},
        {"name": "pesel", "expected": "850***47", "actual": "not_captured", "passed": False},
        {"name": "contained", "expected": "true", "actual": "true", "passed": True},
        {"name": "end_reason", "expected": "caller_goodbye", "actual": "stream stopped", "passed": False},
        {"name": "turn 2 latency", "expected": "≤ 2", "actual": "0.41", "passed": True},
    ]
    call = {
        "id": "answer_refund", "description": "Zwrot PIT", "person": "pit_refund", "status": "fail", "error": None,
        "checks": checks, "wer": 0.1, "auth": "verified", "intent": "balance", "topic": "pit",
        "handoff_queue": "none", "contained": True, "end_reason": "caller_goodbye", "barge_ins": 0,
        "pesel": {"result": "not_captured", "attempts": 2, "entry": "keypad", "captured": None,
                  "expected": "850***47", "read_backs_refused": 1},
        "turns": [{"index": 0, "kind": "audio", "sent": True, "state": "pesel_confirm", "note": "",
                   "reference": "Tak.", "hypothesis": "Tak.", "wer": 0.0, "latency_s": 0.3},
                  {"index": 1, "kind": "keys", "sent": False, "state": "telepin", "note": "pominięta w stanie telepin"}],
        "bot_said": ["Dzień dobry."], "bot_heard": [], "latencies_s": [0.3], "latency": {"max": 0.3},
        "timeline": {"duration": 10, "caller": [[1, 1, False]], "keys": [], "bot": [[0, 1]],
                     "marks": [[5, "handoff pit"], [6, "barge_in"]]},
    }
    summary = {"calls": 1, "status": {"fail": 1}, "pass_rate": 0.0, "wer": 0.1, "cer": 0.05,
               "pesel": {"right_rate": 0.0, "read_backs_refused": 1}, "auth": {"rate": 1.0},
               "intent": {"rate": 0.0, "confusion": {"refund": {"balance": 1}}}, "topic": {"rate": None},
               "facts": {"rate": None}, "handoff_queue": {"rate": 0.0}, "containment": 1.0,
               "turns_per_call": {"caller": 2}, "barge_ins": 0, "latency_s": {"p50": 0.3, "p95": 0.3, "max": 0.3},
               "asr_ms": {"p50": 120}, "tts_first_audio_s": {"p50": 0.01}}
    run = {"started": "2026-12-03 02:00:00", "bot": "started by the runner", "nlu": "trained model + keyword rules",
           "concurrency": 2, "realtime": True}
    return {"suite": {"name": "mini", "description": "Próbny zestaw"}, "run": run, "summary": summary,
            "calls": [call]}


def _visible_text(page: str) -> str:
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_report_shows_words_not_keys():
    page = render_html(_report())
    assert "<html lang=pl>" in page
    text = _visible_text(page)
    for word in ("zwrot podatku", "saldo rozliczeń", "Sprawy ogólne", "bez przekazania", "potwierdzona",
                 "nieodczytany", "z klawiatury", "rozmówca się pożegnał", "linię zamknięto", "niezaliczona",
                 "odczytany PESEL: tak / nie", "przekazanie: PIT", "wejście w słowo",
                 "odrzucone odczyty innego numeru: 1", "uruchomiony przez ewaluację", "czas odpowiedzi po turze 2"):
        assert word in text, word
    # A state's key is shown beside its name (scenarios are written in keys); no other key is shown.
    without_state_keys = re.sub(r"\((pesel_confirm|telepin)\)|pominięta w stanie telepin", "", text)
    for key in KEYS:
        assert not re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", without_state_keys), key


def test_every_intent_outcome_state_and_reason_has_a_polish_word():
    for intent in (*INTENTS, *SERVICES):
        assert intent in INTENT_LABELS and intent_label(intent) != intent
    assert set(AUTH_SCORES.values()) | {"not_attempted"} <= set(AUTH_LABELS)
    assert set(State) == set(STATE_LABELS)
    for reason in HandoffReason:
        assert "_" not in end_reason_label(reason)
    assert queue_label("pcc_sd") == "PCC / SD" and queue_label(None) == queue_label("none") == "bez przekazania"
    assert state_label("pesel_keys") == "PESEL z klawiatury (pesel_keys)"
    assert mark_label("handoff general") == "przekazanie: Sprawy ogólne"


def test_check_values_in_words_and_numbers_as_they_are():
    assert check_label("handoff_queue") == "kolejka konsultantów"
    assert check_value("contained", "false") == "nie"
    assert check_value("survey_by", "keypad voice") == "klawiatura głos"
    assert check_value("booking_email", "to anna@example.com") == "do anna@example.com"
    assert check_value("max_latency_s", "≤ 2.5") == "≤ 2,5" and check_value("turn 3 latency", "0.41") == "0,41"
    assert check_value("pesel", "850***47") == "850***47"
