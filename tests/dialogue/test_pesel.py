"""PESEL extraction and recovery over many phrasings. PESELs are generated, never printed."""

import random

import pytest

from dialogue.pesel import digit_readings, from_keys, is_plausible, one_digit_repairs, recover_pesel
from tests.dialogue.harness import TODAY
from tests.dialogue.spoken import PHRASINGS, groups, make_pesel, number_words, say_digits, say_groups

N = 60  # PESELs per phrasing


def _pesels(seed: int, n: int = N) -> list[str]:
    rng = random.Random(seed)
    return [make_pesel(rng) for _ in range(n)]


def _got(reading) -> str | None:
    return reading.pesel.reveal() if reading.pesel else None


@pytest.mark.parametrize("phrasing", sorted(PHRASINGS))
def test_every_phrasing_reads_back_exactly(phrasing):
    rng = random.Random(phrasing)
    for pesel in _pesels(sum(map(ord, phrasing))):
        text = PHRASINGS[phrasing](pesel, rng)
        assert _got(recover_pesel(text, today=TODAY)) == pesel, phrasing


def test_self_correction_replaces_the_last_group():
    for pesel in _pesels(1):
        head, last = pesel[:9], pesel[9:]
        wrong = f"{(int(last) + 37) % 100:02d}"
        text = f"{say_groups(head, (2, 2, 2, 3))}, {number_words(wrong)}, nie, poprawiam, {number_words(last)}"
        assert _got(recover_pesel(text, today=TODAY)) == pesel


def test_self_correction_restarts_the_number():
    for pesel in _pesels(2):
        text = f"osiem dwa zero, to znaczy, {say_digits(pesel)}"
        assert _got(recover_pesel(text, today=TODAY)) == pesel


def test_asr_confusions_are_repaired_by_the_checksum():
    confusions = {"dwa": "ma", "sześć": "jeść", "siedem": "siedzę", "trzy": "czy"}
    tried = 0
    for pesel in _pesels(3, 200):
        spoken = say_digits(pesel).split()
        hits = [i for i, w in enumerate(spoken) if w in confusions]
        if not hits:
            continue
        i = hits[0]
        spoken[i] = confusions[spoken[i]]
        reading = recover_pesel(" ".join(spoken), today=TODAY)
        assert _got(reading) in (pesel, None)
        tried += reading.pesel is not None
    assert tried > 100


def test_alternatives_rescue_a_garbled_best_guess():
    for pesel in _pesels(4):
        garbled = "osiem " + say_digits(pesel)[:20]
        reading = recover_pesel(garbled, (say_digits(pesel),), today=TODAY)
        assert _got(reading) == pesel and reading.reason == "voted"


def _mutations(seed: int):
    rng = random.Random(seed)

    def extra(p):
        i = rng.randint(0, 11)
        return p[:i] + str(rng.randint(0, 9)) + p[i:]

    def omitted(p):
        i = rng.randint(0, 10)
        return p[:i] + p[i + 1:]

    def misheard(p):
        i = rng.randint(0, 10)
        return p[:i] + str((int(p[i]) + rng.randint(1, 9)) % 10) + p[i + 1:]

    return {"extra": extra, "omitted": omitted, "misheard": misheard}


@pytest.mark.parametrize("kind", ["extra", "omitted", "misheard"])
def test_one_digit_errors_are_repaired_or_asked_again_never_invented(kind):
    mutate = _mutations(5)[kind]
    repaired = 0
    for pesel in _pesels(6, 150):
        reading = recover_pesel(say_digits(mutate(pesel)), today=TODAY)
        assert _got(reading) in (pesel, None)
        repaired += reading.pesel is not None
    if kind == "extra":
        assert repaired > 75  # a deleted digit is usually the only valid fix


@pytest.mark.parametrize("kind", ["extra", "omitted", "misheard"])
def test_differently_wrong_alternatives_vote_for_the_right_number(kind):
    mutate = _mutations(7)[kind]
    right = 0
    for pesel in _pesels(8, 100):
        best, alts = mutate(pesel), (say_digits(mutate(pesel)), say_digits(mutate(pesel)))
        reading = recover_pesel(say_digits(best), alts, today=TODAY)
        assert _got(reading) in (pesel, None)
        right += _got(reading) == pesel
    assert right >= 90


def test_two_valid_numbers_the_best_guess_wins_and_is_read_back():
    a, b = _pesels(9, 2)
    reading = recover_pesel(say_digits(a), (say_digits(b),), today=TODAY)
    assert reading.pesel is not None  # the best guess wins a 1:1 tie
    c = recover_pesel(f"{say_digits(a)}, nie, {say_digits(b)}", today=TODAY)
    assert _got(c) in (a, b, None)


def test_nothing_heard():
    assert recover_pesel("nie wiem, chwileczkę", today=TODAY).reason == "none"
    assert recover_pesel("", today=TODAY).pesel is None


def test_birth_date_must_be_real_and_past():
    future = "30" + "21" + "01" + "1234"  # born 2030
    from stdnum.pl import pesel as stdnum_pesel
    number = future + stdnum_pesel.calc_check_digit(future)
    assert not is_plausible(number, TODAY)
    assert not is_plausible("12345678901", TODAY)


def test_keypad_is_exact():
    pesel = _pesels(10, 1)[0]
    assert from_keys(pesel, TODAY).reveal() == pesel
    assert from_keys(pesel[:-1] + str((int(pesel[-1]) + 1) % 10), TODAY) is None
    assert from_keys(pesel[:10], TODAY) is None


def test_repairs_are_plausible():
    pesel = _pesels(11, 1)[0]
    assert pesel in one_digit_repairs(pesel[:5] + pesel[6:], TODAY)
    assert all(is_plausible(p, TODAY) for p in one_digit_repairs(pesel[:10], TODAY))


def test_readings_include_the_groups():
    pesel = _pesels(12, 1)[0]
    assert pesel in digit_readings(", ".join(groups(pesel, (2, 2, 2, 3, 2))))
