"""The latency benchmark's summary counts calls whose one utterance the bot acted on as two turns."""

from eval.bench_latency import CallResult, summarise


def test_summary_counts_split_turns_and_answers_apart():
    calls = [CallResult(0.5, 1), CallResult(0.7, 2), CallResult(None, 0), CallResult(0.9, 1)]
    summary = summarise(calls)
    assert summary["utterances"] == 4 and summary["answered"] == 3
    assert summary["split_turns"] == 1
    assert summary["p50_s"] == 0.7


def test_summary_without_answers_still_counts_split_turns():
    assert summarise([CallResult(None, 2)]) == {"utterances": 1, "answered": 0, "split_turns": 1}


def test_the_pause_goes_into_the_quiet_between_words_and_keeps_every_sample():
    from array import array

    from eval.bench_latency import with_pause_in_the_middle

    rate = 8000
    words = array("h", [3000, -3000] * 1600)  # 0.4 s of loud speech
    gap = array("h", [0] * 800)  # 0.1 s between the words, off the exact middle
    pcm = (words + words + gap + words).tobytes()
    paused = array("h", with_pause_in_the_middle(pcm, rate, 0.5))
    assert len(paused) == len(pcm) // 2 + rate // 2
    quiet = [i for i, s in enumerate(paused) if s == 0]
    assert quiet[0] == 2 * len(words) and len(quiet) == len(gap) + rate // 2  # one quiet stretch, longer
    assert [s for s in paused if s] == [s for s in array("h", pcm) if s]


def test_a_turn_joined_to_the_one_before_is_not_a_split():
    from eval.metrics import turns_acted_on

    joined = [{"type": t} for t in ("transcript", "turn_resumed", "transcript", "dialogue_state")]
    split = [{"type": t} for t in ("transcript", "dialogue_state", "barge_in", "transcript")]
    assert turns_acted_on(joined) == 1 and turns_acted_on(split) == 2
