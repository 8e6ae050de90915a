"""The runner on a small synthetic suite against a real bot, real sandbox, real Redis and real
audio: metrics computed right, a known wrong expectation fails, secrets stay out of every report,
and the HTML report renders offline in headless Chromium (screenshot in test-artifacts/)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from eval.evaluate import run_eval
from eval.synth import synth_suite
from integrations.sandbox.seed import DEMO_SEED_PATH, read_seed

# Whole calls through the real pipeline, in real time: the slow tier (tests/conftest.py).
pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CONFIRM = {"say": "Tak.", "only_in_state": ["pesel_confirm"], "if_not_my_pesel": "Nie, to nie mój numer."}
AUTH = [
    {"say": "{pesel_words}", "only_in_state": ["pesel"]},
    CONFIRM,
    {"say": "{pesel_words}", "only_in_state": ["pesel"]},
    CONFIRM,
    {"keys": "{pesel}#", "only_in_state": ["pesel_keys"]},
    {"keys": "{telepin}#", "only_in_state": ["telepin"]},
]
SCENARIOS = {
    "suite": {"name": "mini", "seed": "demo"},
    "noise_snr_db": None,
    "scenarios": [
        {"id": "balance_keypad", "person": "pit_refund", "voice": "rhvoice:magda", "speed": 0.0, "pitch": 0.0,
         "turns": [{"say": "Saldo."}, {"say": "Saldo.", "only_in_state": ["intent"]}, *AUTH, {"say": "To wszystko.", "only_in_state": ["anything_else"]}],
         "expect": {"intent": "balance", "auth": "verified", "pesel": "{pesel}", "handoff_queue": "none"}},
        # Known wrong expectation: a caller who says goodbye is not handed to the VAT queue.
        {"id": "wrong_expectation", "voice": "rhvoice:natan", "speed": 0.0, "pitch": 0.0,
         "turns": [{"say": "To wszystko, do widzenia."}],
         "expect": {"handoff_queue": "vat", "contained": True, "auth": "not_attempted"}},
        # Its audio speaks another person's PESEL (the case's person is swapped after synthesis): the
        # bot reads back a number that is not the caller's, and the caller says no, as a caller would.
        {"id": "not_my_pesel", "person": "vat_arrears_sole_trader", "voice": "rhvoice:natan", "speed": 0.0,
         "pitch": 0.0, "turns": [{"say": "Saldo."}, {"say": "Saldo.", "only_in_state": ["intent"]}, *AUTH,
                                 {"say": "To wszystko.", "only_in_state": ["anything_else"]}],
         "expect": {"auth": "verified", "pesel": "{pesel}"}},
        # Unlabelled: still yields latency and outcome figures.
        # An espeak-ng caller still works end to end (robotic: no expectations on what the bot heard).
        {"id": "unlabelled", "voice": "pl+f2", "speed": 130, "pitch": 55, "turns": [{"say": "Zwrot podatku."}]},
    ],
}


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory):
    root = tmp_path_factory.mktemp("eval")
    scenarios = root / "scenarios.yaml"
    scenarios.write_text(yaml.safe_dump(SCENARIOS, allow_unicode=True), encoding="utf-8")
    suite_dir = synth_suite(scenarios, root / "suite")
    not_mine = suite_dir / "cases" / "not_my_pesel" / "case.yaml"
    not_mine.write_text(not_mine.read_text(encoding="utf-8").replace("vat_arrears_sole_trader", "pit_refund"),
                        encoding="utf-8")
    result = run_eval(suite_dir, root / "out", concurrency=1, realtime=True, show_progress=False)
    return result, root / "out"


def _call(report: dict, case_id: str) -> dict:
    return next(c for c in report["calls"] if c["id"] == case_id)


def test_three_reports_are_written(evaluation):
    result, out = evaluation
    assert {p.name for p in result.paths.values()} == {"report.json", "junit.xml", "report.html"}
    assert json.loads((out / "report.json").read_text())["summary"]["calls"] == 4
    assert not result.partial


def test_known_wrong_expectation_fails_with_the_right_check(evaluation):
    result, out = evaluation
    call = _call(result.report, "wrong_expectation")
    assert call["status"] == "fail"
    failed = {c["name"]: c for c in call["checks"] if not c["passed"]}
    assert set(failed) == {"handoff_queue"}
    assert failed["handoff_queue"]["actual"] == "none"
    junit = ET.parse(out / "junit.xml").getroot()
    case = next(tc for tc in junit.iter("testcase") if tc.get("name") == "wrong_expectation")
    assert case.find("failure") is not None and "handoff_queue" in case.find("failure").get("message")


def test_keypad_fallback_authenticates_and_pesel_is_scored(evaluation):
    result, _ = evaluation
    call = _call(result.report, "balance_keypad")
    assert call["auth"] == "verified"
    assert call["pesel"]["result"] == "right" and call["pesel"]["attempts"] >= 1
    assert call["pesel"]["expected"].count("*") == 3  # masked 850***47
    assert call["handoff_queue"] == "none" and call["contained"] is True


def test_a_read_back_of_another_number_is_refused_and_the_caller_still_gets_in(evaluation):
    result, _ = evaluation
    call = _call(result.report, "not_my_pesel")
    refused = [t for t in call["turns"] if "inny PESEL" in t["note"]]
    # Two spoken tries of the other number; at least one is read back (a reading may also fail outright).
    assert 1 <= call["pesel"]["read_backs_refused"] == len(refused) <= 2
    assert all(t["state"] == "pesel_confirm" and t["reference"] == "Nie, to nie mój numer." for t in refused)
    # The number the caller refused was never taken: their own came on the keypad and let them in.
    assert call["pesel"]["result"] == "right" and call["pesel"]["entry"] == "keypad"
    assert call["auth"] == "verified"
    assert result.report["summary"]["pesel"]["read_backs_refused"] >= call["pesel"]["read_backs_refused"]
    # The caller whose read-back was their own number said yes.
    own = _call(result.report, "balance_keypad")
    assert own["pesel"]["read_backs_refused"] == 0


def test_latency_and_turn_figures_come_from_the_record(evaluation):
    result, _ = evaluation
    summary = result.report["summary"]
    assert summary["latency_s"]["n"] >= 2 and 0 < summary["latency_s"]["p50"] < 10
    assert summary["asr_ms"]["n"] >= 2
    unlabelled = _call(result.report, "unlabelled")
    assert unlabelled["status"] == "pass" and unlabelled["checks"] == []
    assert unlabelled["latencies_s"] and unlabelled["bot_turns"] >= 2
    for call in result.report["calls"]:
        for turn in call["turns"]:
            if turn.get("reference") and turn.get("wer") is not None:
                assert turn["wer"] >= 0


def test_no_secret_in_any_report(evaluation):
    _, out = evaluation
    seed = read_seed(DEMO_SEED_PATH)
    person, other = seed.person("pit_refund"), seed.person("vat_arrears_sole_trader")
    for name in ("report.json", "junit.xml", "report.html"):
        text = (out / name).read_text(encoding="utf-8")
        assert person.pesel not in text, name
        assert other.pesel not in text, name
        assert person.telepin.pin not in text, name
        # The amount as a number of its own: timings (1.4741184711456299) may hold the digits by chance.
        assert not re.search(r"(?<![\d.])(1847|184700)(?!\d)", text), name


@pytest.mark.browser
def test_html_report_renders_offline_in_chromium(evaluation):
    _, out = evaluation
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto((out / "report.html").as_uri())
        page.locator("details").first.evaluate("d => d.open = true")
        assert page.title().startswith("Ewaluacja: mini")
        assert page.locator("svg").count() >= 3  # histogram, confusion matrix, a timeline per call
        assert page.locator("audio").count() == 4
        duration = page.locator("audio").first.evaluate(
            "a => new Promise(r => { a.preload = 'auto'; a.onloadedmetadata = () => r(a.duration); a.load(); })")
        assert duration > 1
        page.screenshot(path=str(ARTIFACTS / "eval-report.png"), full_page=False)
        browser.close()
    assert all(u.startswith(("file:", "data:")) for u in requests)  # nothing fetched from a network
