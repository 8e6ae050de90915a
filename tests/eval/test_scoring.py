"""Scoring without servers: normalisation, WER/CER, masking, facts, suite loading, report files."""

from __future__ import annotations

import pytest

from eval.masking import mask_text
from dialogue import prompts
from eval.metrics import auth_outcome, fact_found, percentile, score_suite, wer, word_errors
from eval.normalise import normalise
from eval.report_html import confusion_svg, histogram_svg
from eval.report_junit import junit_xml
from eval.suite import SuiteError, load_suite


def test_wer_of_a_known_pair():
    # 1 substitution (zwrot→wrot) + 1 deletion (podatku) over 4 reference words.
    assert wer("Chcę sprawdzić zwrot podatku", "chcę sprawdzić wrot") == pytest.approx(0.5)
    errors, words, char_errors, chars = word_errors("Zwrot podatku.", "zwrot podatku")
    assert (errors, words, char_errors) == (0, 2, 0)


def test_polish_normalisation_spells_numbers_and_drops_punctuation():
    assert normalise("Wpłata 1 847,00 zł!") == "wpłata tysiąc osiemset czterdzieści siedem złotych"
    assert wer("tysiąc osiemset czterdzieści siedem złotych", "1847 zł") == 0.0


def test_empty_hypothesis_counts_every_word_missed():
    assert wer("zwrot podatku", "") == 1.0


def test_masking_pesel_amounts_and_spoken_digits():
    pesel = "85031412347"
    text = f"PESEL {pesel}, zwrot 1 847,00 zł, czyli tysiąc osiemset czterdzieści siedem złotych; osiem pięć zero trzy"
    masked = mask_text(text, pesels=(pesel,))
    assert pesel not in masked and "850***47" in masked
    assert "1 847" not in masked and "osiemset" not in masked and "osiem pięć" not in masked
    shown = mask_text(text, pesels=(pesel,), show_amounts=True)
    assert "1 847,00 zł" in shown and pesel not in shown


@pytest.mark.parametrize("said", [
    "osiemdziesiąt pięć, zero trzy, czternaście, sto dwadzieścia trzy, czterdzieści siedem",
    "osiemset pięćdziesiąt, trzysta czternaście, sto dwadzieścia trzy, czterdzieści siedem",
    "Mój PESEL to osiemdziesiąt pięć zero trzy czternaście dwanaście trzydzieści cztery siedem",
])
def test_masking_hides_a_number_said_in_pairs_or_hundreds(said):
    # A starter-suite report once showed the caller's PESEL said in pairs as the turn's reference.
    masked = mask_text(said)
    assert not any(word in masked for word in ("czternaście", "dwadzieścia", "trzydzieści", "czterdzieści")), masked
    assert "[cyfry ukryte]" in masked or "***" in masked


def test_masking_keeps_short_numbers_and_shows_amounts_when_allowed():
    assert mask_text("Za rok dwa tysiące dwudziesty czwarty, PIT trzydzieści siedem.") == \
        "Za rok dwa tysiące dwudziesty czwarty, PIT trzydzieści siedem."
    assert "trzysta złotych" in mask_text("Zapłaciłem trzysta złotych.", show_amounts=True)
    assert "trzysta" not in mask_text("Zapłaciłem trzysta złotych.")


def test_fact_found_in_spelled_or_written_form():
    said = "Zwrot PIT, tysiąc osiemset czterdzieści siedem złotych: wniosek jest w trakcie rozpatrywania."
    assert fact_found("1847 zł", said)
    assert fact_found("w trakcie rozpatrywania", said)
    assert not fact_found("2315000 zł", said)


def test_percentile():
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([], 95) is None


def test_suite_errors_name_file_and_field(tmp_path):
    (tmp_path / "suite.yaml").write_text("name: x\nseed: demo\n")
    case = tmp_path / "cases" / "c1"
    case.mkdir(parents=True)
    (case / "case.yaml").write_text("turns:\n  - keys: '1#'\nexpect: {auth: maybe}\n")
    with pytest.raises(SuiteError, match="c1/case.yaml.*auth"):
        load_suite(tmp_path)
    (case / "case.yaml").write_text("turns:\n  - audio: missing.wav\n")
    with pytest.raises(SuiteError, match="missing.wav"):
        load_suite(tmp_path)


def test_unlabelled_case_loads_and_person_is_checked(tmp_path):
    (tmp_path / "suite.yaml").write_text("name: x\nseed: demo\n")
    case = tmp_path / "cases" / "c1"
    case.mkdir(parents=True)
    (case / "case.yaml").write_text("person: nobody\nturns:\n  - silence_s: 1\n")
    with pytest.raises(SuiteError, match="nobody"):
        load_suite(tmp_path)
    (case / "case.yaml").write_text("turns:\n  - silence_s: 1\n")
    suite = load_suite(tmp_path)
    assert suite.cases[0].expect.intent is None and suite.cases[0].turns[0].silence_s == 1


def _call(status: str, checks: list[dict]) -> dict:
    return {"id": f"c-{status}", "status": status, "checks": checks, "duration_s": 1.0, "word_counts":
            {"errors": 1, "words": 4, "char_errors": 2, "chars": 20}, "latencies_s": [0.8, 1.5], "asr_ms": [900],
            "tts_first_audio_s": [0.01], "pesel": {"expected": None, "result": "not_captured", "attempts": 0},
            "expected": {"intent": "refund", "topic": None, "auth": None, "handoff_queue": "none"},
            "intent": "other", "topic": None, "auth": "not_attempted", "handoff_queue": "none", "contained": True,
            "facts": [], "caller_turns": 2, "bot_turns": 3, "barge_ins": 0, "wer": 0.25}


def test_suite_summary_and_junit():
    calls = [_call("pass", []), _call("fail", [{"name": "intent", "expected": "refund", "actual": "other",
                                               "passed": False}])]
    summary = score_suite(calls)
    assert summary["wer"] == pytest.approx(0.25) and summary["intent"]["confusion"] == {"refund": {"other": 2}}
    assert summary["handoff_queue"]["rate"] == 1.0 and summary["latency_s"]["max"] == 1.5
    report = {"suite": {"name": "t"}, "run": {"partial": False}, "summary": summary, "calls": calls}
    xml = junit_xml(report).decode()
    assert 'tests="2"' in xml and 'failures="1"' in xml and "intent: expected refund, got other" in xml


def test_plots_are_inline_svg():
    assert histogram_svg([0.5, 0.9, 1.4]).startswith("<svg")
    assert "<svg" in confusion_svg({"refund": {"refund": 3, "other": 1}})


def test_authentication_is_scored_from_auth_result_events_not_from_prompts():
    said = [{"type": "bot_utterance", "text": prompts.AUTH_OK}, {"type": "bot_utterance", "text": prompts.VERIFY_FAILED}]
    assert auth_outcome(said) == "not_attempted"  # what the bot said proves nothing
    events = [{"type": "auth_result", "outcome": "failed", "method": "keypad", "attempts": 1},
              *said, {"type": "auth_result", "outcome": "verified", "method": "keypad", "attempts": 2}]
    assert auth_outcome(events) == "verified"
    assert auth_outcome([{"type": "auth_result", "outcome": "error", "attempts": 1}]) == "failed"
    assert auth_outcome([{"type": "auth_result", "outcome": "identification_failed", "attempts": 0}]) \
        == "identification_failed"


def _speech_and_answer(pause_broken: bool) -> list[dict]:
    """A caller turn with a 0.4 s pause inside, and the bot's answer 0.5 s after the end."""
    events = [{"t": 10.0, "type": "user_started_speaking"},
              {"t": 11.2, "type": "user_speech_ended", "offset_s": -0.2}]
    if pause_broken:
        events += [{"t": 11.4, "type": "user_speech_started"},
                   {"t": 13.2, "type": "user_speech_ended", "offset_s": -0.2}]
    events += [{"t": 13.1 if not pause_broken else 13.3, "type": "user_stopped_speaking"},
               {"t": 13.5, "type": "bot_started_speaking"}]
    return events


def test_a_pause_the_caller_speaks_on_after_is_no_end_of_speech():
    from eval.bench_latency import answer_latency
    from eval.metrics import latencies
    from eval.runner import CallRaw

    paused = _speech_and_answer(pause_broken=True)
    assert [round(latency, 2) for _end, latency in latencies(paused, CallRaw("c"))] == [0.5]
    assert round(answer_latency(paused), 2) == 0.5
    # Without speech after it, the first stop is the end of speech.
    plain = _speech_and_answer(pause_broken=False)
    assert [round(latency, 2) for _end, latency in latencies(plain, CallRaw("c"))] == [2.5]


def test_a_long_bot_utterance_is_cut_for_transcription_only_in_its_pauses():
    import numpy as np

    from eval.call_audio import RATE, pieces_at_pauses

    rng = np.random.default_rng(3)
    speech = lambda s: (rng.normal(0, 3000, int(s * RATE))).astype("<i2")  # noqa: E731
    pause = np.zeros(int(0.5 * RATE), dtype="<i2")
    parts = [speech(5), pause, speech(6), pause, speech(4), pause, speech(7)]
    pcm = np.concatenate(parts).tobytes()
    pieces = pieces_at_pauses(pcm, max_s=12)
    assert b"".join(pieces) == pcm  # nothing lost, nothing doubled
    assert len(pieces) >= 2 and all(len(p) <= 12 * RATE * 2 for p in pieces)
    pauses = [int((5 + 0.25) * RATE), int((5.5 + 6 + 0.25) * RATE), int((5.5 + 6.5 + 4 + 0.25) * RATE)]
    ends, at = [], 0
    for piece in pieces[:-1]:
        at += len(piece) // 2
        ends.append(at)
    assert all(any(abs(end - p) < 0.3 * RATE for p in pauses) for end in ends)
    assert pieces_at_pauses(pcm[: 10 * RATE * 2]) == [pcm[: 10 * RATE * 2]]
