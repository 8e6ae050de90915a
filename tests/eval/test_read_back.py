"""The scripted caller answers the bot's read-back of a PESEL as a caller who listens: yes to their own
number, no to another (known from the record's keyed digest); the report counts the refusals."""

from __future__ import annotations

import json

import pytest

from eval.runner import CallDriver, CallRaw, RunOptions, TurnLog, held_pesel_is_mine
from eval.spoken_numbers import number_values
from eval.suite import SuiteError, load_suite
from eval.metrics import score_call
from integrations.sandbox.seed import DEMO_SEED_PATH, read_seed
from tts.pcm import silence, to_wav
from voicebot.call_record import pesel_digest

KEY = "a-record-key"
SEED = read_seed(DEMO_SEED_PATH)
MINE = SEED.person("pit_refund").pesel
OTHER = SEED.person("vat_arrears_sole_trader").pesel

CASE = """\
person: pit_refund
turns:
  - audio: yes.wav
    text: Tak.
    only_in_state: [pesel_confirm]
    if_not_my_pesel: {audio: no.wav, text: "Nie, to nie mój numer."}
"""


def _suite(tmp_path, case_yaml: str = CASE):
    (tmp_path / "suite.yaml").write_text("name: read-back\nseed: demo\n")
    case = tmp_path / "cases" / "c1"
    case.mkdir(parents=True)
    for name in ("yes.wav", "no.wav"):
        (case / name).write_bytes(to_wav(silence(0.3, 8000), 8000))
    (case / "case.yaml").write_text(case_yaml, encoding="utf-8")
    return load_suite(tmp_path)


def test_the_digest_says_whether_the_number_held_is_the_callers():
    values = number_values("pesel", MINE)
    assert held_pesel_is_mine(pesel_digest(MINE, KEY.encode()), values, KEY) is True
    assert held_pesel_is_mine(pesel_digest(OTHER, KEY.encode()), values, KEY) is False
    # The same number under another key is not recognised as the caller's: the key is the bot's.
    assert held_pesel_is_mine(pesel_digest(MINE, b"another key"), values, KEY) is False
    assert held_pesel_is_mine(None, values, KEY) is None
    assert held_pesel_is_mine(pesel_digest(MINE, KEY.encode()), values, None) is None
    assert held_pesel_is_mine(pesel_digest(MINE, KEY.encode()), {}, KEY) is None


# Seed roles, not numbers, in the parameters: a test's id is printed.
@pytest.mark.parametrize("held_role, key, said, refused", [
    ("pit_refund", KEY, "yes.wav", False),
    ("vat_arrears_sole_trader", KEY, "no.wav", True),
    ("vat_arrears_sole_trader", None, "yes.wav", False),  # no key: cannot be checked, the turn's own line
])
def test_the_caller_says_no_only_to_another_number(tmp_path, held_role, key, said, refused):
    held = SEED.person(held_role).pesel
    (tmp_path / "suite").mkdir()
    suite = _suite(tmp_path / "suite")
    case = suite.cases[0]
    calls = tmp_path / "calls"
    calls.mkdir()
    driver = CallDriver(case, suite.secrets_for(case), RunOptions("ws://127.0.0.1:9/none", calls, record_key=key))
    record = calls / f"{driver.caller.stream_sid}-20261203.jsonl"
    event = {"type": "dialogue_state", "t": 1.0, "state": "pesel_confirm",
             "pesel_digest": pesel_digest(held, (key or "bot's own").encode())}
    record.write_text(json.dumps(event) + "\n", encoding="utf-8")
    log = TurnLog(0, "audio", sent=True)
    assert driver._line_for(case.turns[0], log).name == said
    assert log.not_my_pesel is refused
    assert ("inny PESEL" in log.note) is refused
    if key is None:
        assert "nie sprawdzono" in log.note


def test_a_refused_read_back_is_scored_with_what_the_caller_said_and_counted(tmp_path):
    suite = _suite(tmp_path)
    case = suite.cases[0]
    raw = CallRaw(case.id, t0=0.0, t_end=10.0)
    raw.turns = [TurnLog(0, "audio", sent=True, t_start=2.0, t_end=3.0, state="pesel_confirm", not_my_pesel=True)]
    raw.events = [{"type": "transcript", "t": 3.5, "text": "Nie, to nie mój numer."}]
    scored = score_call(case, raw, suite.secrets_for(case))
    assert scored["turns"][0]["reference"] == "Nie, to nie mój numer."
    assert scored["pesel"]["read_backs_refused"] == 1


@pytest.mark.parametrize("turn, error", [
    ("  - keys: '1#'\n    if_not_my_pesel: {audio: no.wav}\n", "give audio"),
    ("  - audio: yes.wav\n    if_not_my_pesel: {audio: missing.wav}\n", "missing.wav not found"),
    ("  - audio: yes.wav\n    if_not_my_pesel: Nie.\n", "mapping with audio"),
])
def test_a_wrong_if_not_my_pesel_is_a_clear_suite_error(tmp_path, turn, error):
    with pytest.raises(SuiteError, match=error):
        _suite(tmp_path, "turns:\n" + turn)
