"""The latency benchmark's summary counts calls whose one utterance the bot acted on twice."""

from eval.bench_latency import CallResult, summarise


def test_summary_counts_split_turns_and_answers_apart():
    calls = [CallResult(0.5, 1), CallResult(0.7, 2), CallResult(None, 0), CallResult(0.9, 1)]
    summary = summarise(calls)
    assert summary["utterances"] == 4 and summary["answered"] == 3
    assert summary["split_turns"] == 1
    assert summary["p50_s"] == 0.7


def test_summary_without_answers_still_counts_split_turns():
    assert summarise([CallResult(None, 2)]) == {"utterances": 1, "answered": 0, "split_turns": 1}
