"""A caller turn's WER is scored only when the record keeps what the bot heard: the digits of a spoken
PESEL are hidden there, so such a turn is counted as unscored, not as every word missed."""

from __future__ import annotations

from eval.metrics import score_call, score_suite
from eval.runner import CallRaw, TurnLog
from eval.suite import load_suite
from tts.pcm import silence, to_wav

CASE = """\
person: pit_refund
turns:
  - audio: pesel.wav
    text: "{pesel_words}"
    sensitive: true
  - audio: refund.wav
    text: Zwrot podatku.
"""


def test_a_turn_whose_digits_the_record_hides_is_unscored_and_the_rest_is_scored(tmp_path):
    (tmp_path / "suite.yaml").write_text("name: wer\nseed: demo\n")
    case_dir = tmp_path / "cases" / "c1"
    case_dir.mkdir(parents=True)
    for name in ("pesel.wav", "refund.wav"):
        (case_dir / name).write_bytes(to_wav(silence(0.3, 8000), 8000))
    (case_dir / "case.yaml").write_text(CASE, encoding="utf-8")
    suite = load_suite(tmp_path)
    case = suite.cases[0]
    raw = CallRaw(case.id, t0=0.0, t_end=20.0)
    raw.turns = [TurnLog(0, "audio", sent=True, t_start=1.0, t_end=5.0, state="pesel"),
                 TurnLog(1, "audio", sent=True, t_start=10.0, t_end=11.0, state="intent")]
    raw.events = [{"type": "transcript", "t": 5.5, "text": "[cyfry ukryte]", "digits_hidden": True},
                  {"type": "transcript", "t": 11.5, "text": "Zwrot podatku."}]
    call = score_call(case, raw, suite.secrets_for(case))
    pesel_turn, refund_turn = call["turns"]
    assert pesel_turn.get("wer") is None and refund_turn["wer"] == 0.0
    assert call["word_counts"]["turns_unscored"] == 1 and call["word_counts"]["words"] == 2
    call["status"] = "pass"
    summary = score_suite([call])
    assert summary["wer"] == 0.0 and summary["wer_turns_unscored"] == 1
