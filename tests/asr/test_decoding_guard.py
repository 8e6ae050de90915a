"""The guard that sends a suspicious fast-path decode back to the full window."""

from asr.decoding_guard import compression_ratio, has_loop, suspicious


def test_loops_are_caught_at_any_offset():
    assert has_loop("Mój PESEL to osiemdziesiąt czterdziesiąt czterdziesiąt czterdziesiąt czterdziesiąt czterdziesiąt")
    assert has_loop("sześć, sześć, sześć, sześć, sześć, sześć")
    assert has_loop("tak to jest tak to jest tak to jest")
    assert has_loop("no i dzień dobry dzień dobry dzień dobry")


def test_real_speech_and_real_numbers_pass():
    assert not has_loop("Dzień dobry, chciałbym sprawdzić saldo podatku PIT za dwa tysiące dwadzieścia pięć.")
    assert not has_loop("zero zero zero, osiem, dwa")  # a PESEL may hold three zeros
    assert not has_loop("nie, nie, to nie ten numer")
    assert suspicious("Chcę sprawdzić zwrot podatku.", capped=False) is None


def test_reasons():
    assert suspicious("cokolwiek", capped=True) == "token cap"
    assert suspicious("dzieś dzieś dzieś dzieś dzieś dzieś", capped=False) == "loop"
    text = "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc" * 2
    assert compression_ratio(text) > 2.4 and suspicious(text, capped=False) in ("compression", "loop")
