"""Reading a number from n-best hypotheses plus audio scores. PESELs are generated, never printed."""

import random

from dialogue.answer_hints import AnswerHints
from dialogue.number_reading import NumberSpec, propose, read_number, renderings, said_in_full, texts_to_score
from dialogue.secrets import SecretDigits
from tests.dialogue.harness import TODAY
from tests.dialogue.spoken import make_pesel, say_digits, say_groups

SPEC = NumberSpec("pesel")


def _pesels(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return [make_pesel(rng) for _ in range(n)]


def _score_as_audio(truth: str, texts) -> dict[str, float]:
    """A stand-in for the recogniser's audio score: renderings of the right number score high, others
    lower the more digits they get wrong (what Whisper's align does, in shape)."""
    from dialogue.numerals import variants

    scores = {}
    for text in texts:
        said = "".join(g for g in variants(text)[0] if g != "FIX")
        wrong = sum(a != b for a, b in zip(said.ljust(11, "x"), truth)) + abs(len(said) - 11)
        scores[text] = -30.0 - 25.0 * wrong
    return scores


def _score_in_rounds(truth: str, hypotheses, spec=SPEC) -> dict[str, float]:
    """What the recogniser does with ``texts_to_score``: scores what it asks for until it asks for
    nothing new (with the stand-in audio scores)."""
    scored: dict[str, float] = {}
    for _ in range(3):
        new = [t for t in texts_to_score(hypotheses, spec, TODAY, scored) if t not in scored]
        if not new:
            break
        scored.update(_score_as_audio(truth, new))
    return scored


def test_the_number_said_wins_when_the_audio_supports_it():
    for pesel in _pesels(1, 40):
        best = say_groups(pesel, (2, 2, 2, 3, 2))
        garbled = say_digits(pesel[:-1] + str((int(pesel[-1]) + 3) % 10))
        hypotheses = [best, garbled]
        scored = _score_in_rounds(pesel, hypotheses)
        reading = read_number(best, (garbled,), scored, SPEC, TODAY)
        assert reading.value is not None and reading.value.reveal() == pesel and reading.reason in ("exact", "scored")


def test_a_best_guess_that_spells_a_whole_valid_number_is_taken_as_said():
    for pesel in _pesels(6, 30):
        said = "Mój PESEL to " + say_groups(pesel, (2, 2, 2, 2, 2, 1)).replace("jedenaście", "jedynaście")
        reading = read_number(said, (), None, SPEC, TODAY)  # no audio scores needed
        assert reading.reason == "exact" and reading.value.reveal() == pesel


def test_a_digit_dropped_by_the_recogniser_is_repaired_when_the_audio_agrees():
    repaired = 0
    for pesel in _pesels(2, 40):
        dropped = pesel[:5] + pesel[6:]
        text = " ".join(dropped)  # "8 2 0 3 …": numerals that lost a digit
        candidates = propose([text], SPEC, TODAY)
        if pesel not in {c.full for c in candidates}:
            continue
        scored = _score_in_rounds(pesel, [text])
        reading = read_number(text, (), scored, SPEC, TODAY)
        assert reading.value is None or reading.value.reveal() == pesel
        repaired += reading.value is not None
    assert repaired >= 10


def test_close_scores_confirm_the_shared_first_groups_only():
    pesel = _pesels(3, 1)[0]
    candidates = propose([say_digits(pesel)], SPEC, TODAY, limit=6)
    rivals = [c for c in candidates if c.full != pesel and c.full[:6] == pesel[:6]]
    if not rivals:
        return
    texts = [t for c in (candidates[0], rivals[0]) for t in renderings(c)]
    scored = {t: -40.0 for t in texts}  # the audio cannot tell them apart
    reading = read_number(say_digits(pesel), (), scored, SPEC, TODAY)
    assert reading.value is None
    assert reading.reason in ("partial", "ambiguous")
    if reading.reason == "partial":
        assert pesel.startswith(reading.certain.reveal()) and len(reading.certain) >= 6


def test_a_best_guess_the_audio_prefers_by_a_fair_margin_is_read_back_and_a_close_one_is_not():
    # A winner is read back for a yes/no, so a fair margin suffices; a hair's breadth does not.
    checked = 0
    for pesel in _pesels(5, 60):
        heard = say_digits(pesel[:7] + pesel[8:])  # one digit lost: only repairs are candidates
        candidates = propose([heard], SPEC, TODAY, limit=6)
        right = next((c for c in candidates if c.full == pesel), None)
        rivals = [c for c in candidates if c.full != pesel]
        if right is None or not rivals or right.support < max(r.support for r in rivals):
            continue  # (the hypotheses' support also counts; here only the audio should decide)
        checked += 1
        for gap, expected in ((8.0, pesel), (2.0, None)):
            scored = {t: -40.0 - gap for rival in rivals for t in renderings(rival)}
            scored.update({t: -40.0 for t in renderings(right)})
            reading = read_number(heard, (), scored, SPEC, TODAY)
            read_back = reading.value is not None and reading.value.reveal() == pesel
            assert read_back is (expected is not None)  # a bool: no digits in a failure's message
            assert reading.value is None or read_back
    assert checked >= 5


def test_the_rest_of_a_number_completes_the_confirmed_prefix():
    for pesel in _pesels(4, 20):
        spec = NumberSpec("pesel", SecretDigits(pesel[:6]))
        rest = say_digits(pesel[6:])
        assert pesel in {c.full for c in propose([rest], spec, TODAY)}
        scored = _score_in_rounds(pesel[6:] + "xxxxxx", [rest], spec)
        reading = read_number(rest, (), scored, spec, TODAY)
        assert reading.value is None or reading.value.reveal() == pesel


def test_renderings_are_scored_in_rounds_and_the_second_only_when_the_first_leaves_the_choice_open():
    checked = 0
    for pesel in _pesels(7, 40):
        hypotheses = [say_groups(pesel[:-1] + str((int(pesel[-1]) + 1) % 10), (2, 2, 2, 3, 2)), say_digits(pesel)]
        candidates = propose(hypotheses, SPEC, TODAY)
        every = {t for c in candidates for t in renderings(c)}
        first = texts_to_score(hypotheses, SPEC, TODAY, {})
        assert set(first) == {renderings(c)[0] for c in candidates}
        if len(candidates) < 2 or len(every) == len(first):
            continue
        checked += 1
        right = next(c for c in candidates if c.full == pesel)
        for lead, more in ((60.0, False), (3.0, True)):
            scored = {t: -80.0 for t in first}
            scored[renderings(right)[0]] = -80.0 + lead
            asked = set(texts_to_score(hypotheses, SPEC, TODAY, scored))
            assert (asked == every) is more and (asked == set(first)) is not more
    assert checked >= 5


def test_nothing_valid_is_nothing():
    assert read_number("nie wiem", (), {}, SPEC, TODAY).value is None
    assert texts_to_score(["dzień dobry"], SPEC, TODAY) == []


def test_a_nip_is_read_with_its_own_checksum():
    from stdnum.pl import nip

    number = next(n for n in (f"525000012{d}" for d in range(10)) if nip.is_valid(n))
    reading = read_number(say_digits(number), (), None, NumberSpec("nip"), TODAY)
    assert reading.value is not None and reading.value.reveal() == number


def test_answer_complete_only_for_a_plain_answer():
    hints = AnswerHints(TODAY)
    pesel = _pesels(5, 1)[0]
    assert hints.answer_complete("yes_no", None, ["Tak, zgadza się."])
    assert hints.answer_complete("yes_no", None, ["Nie."])
    assert not hints.answer_complete("yes_no", None, ["Chwileczkę"])
    assert hints.answer_complete("digits", SPEC, [say_groups(pesel, (2, 2, 2, 3, 2))])
    assert said_in_full([say_digits(pesel)], SPEC, TODAY)
    # Ten digits: a caller pausing before the last one has not finished, even if a repair would fit.
    assert not hints.answer_complete("digits", SPEC, [say_digits(pesel[:10])])
    assert not hints.answer_complete("free", None, ["Tak."])
    assert hints.texts_to_score("free", None, ["Tak."]) == ()


def test_instead_of_a_number_a_plain_i_dont_know_is_a_whole_answer():
    hints = AnswerHints(TODAY)
    for said in ("Nie wiem.", "Nie pamiętam.", "Nie chcę podawać PESELu.", "Poproszę konsultanta."):
        assert hints.answer_complete("digits", SPEC, [said]), said
    # A caller who starts with words and then reads the number is not done.
    for said in ("Mój PESEL to", "Nie wiem, osiem pięć zero trzy", "Chwileczkę"):
        assert not hints.answer_complete("digits", SPEC, [said]), said


def test_a_plain_no_to_anything_else_ends_the_turn_and_a_no_that_goes_on_does_not():
    from dialogue.answer_hints import MAY_END_CALL

    hints = AnswerHints(TODAY)
    for said in ("Nie, to wszystko.", "Nie, dziękuję.", "Dziękuję, to wszystko, do widzenia."):
        assert hints.answer_complete("free", MAY_END_CALL, [said]), said
    for said in ("Nie, ale mam jeszcze pytanie.", "Tak.", "Nie wiem, czy mam zaległości",
                 "Chciałbym jeszcze zapytać o zwrot."):
        assert not hints.answer_complete("free", MAY_END_CALL, [said]), said
    assert not hints.answer_complete("free", None, ["Nie, to wszystko."])  # another question: no



def test_the_turn_is_over_after_as_many_digits_as_asked_even_with_one_misheard():
    hints = AnswerHints(TODAY)
    pesel = _pesels(5, 1)[0]
    misheard = pesel[:4] + str((int(pesel[4]) + 1) % 10) + pesel[5:]  # checksum fails
    assert not hints.answer_complete("digits", SPEC, [say_digits(misheard)])  # the recogniser goes on
    assert hints.turn_over("digits", SPEC, [say_digits(misheard)])  # but the caller is done
    assert hints.turn_over("digits", SPEC, [say_groups(pesel, (2, 2, 2, 3, 2))])
    # A pause before the last digit is not the end of the turn.
    assert not hints.turn_over("digits", SPEC, [say_digits(pesel[:10])])
    assert not hints.turn_over("digits", SPEC, ["Mój PESEL to"])


def test_a_question_about_a_matter_ends_the_turn_and_an_opening_that_goes_on_does_not():
    hints = AnswerHints(TODAY)
    for said in ("Jak ustawić tele PIN?", "Ile mam do zapłaty?", "Czy mogę rozmawiać z konsultantem?",
                 "W jakich godzinach pracują konsultanci?"):
        assert hints.turn_over("free", None, [said]), said
    for said in ("Dzień dobry, dzwonię w sprawie", "Mam pytanie.", "Chcę sprawdzić saldo, bo",
                 "Dobrze?", "Potrzebuję zaświadczenia o niezaleganiu, bo"):
        assert not hints.turn_over("free", None, [said]), said
    assert not hints.turn_over("yes_no", None, ["Chwileczkę?"])

def test_a_number_heard_in_two_groupings_is_scored_in_both_and_digit_by_digit_only_for_a_digit_reader():
    # Two decodes group the caller's words differently ("czterdzieści trzy, siedemdziesiąt sześć" and
    # "czterysta trzydzieści siedem, sześćdziesiąt"): the audio supports only a rendering close to what
    # was said, so both groupings are scored.
    grouped_only = 0
    for pesel in _pesels(9, 20):
        first = say_groups(pesel, (2, 2, 2, 2, 2, 1))
        second = say_groups(pesel, (2, 2, 2, 3, 2))
        right = next(c for c in propose([first + " yyy", second + " yyy"], SPEC, TODAY) if c.full == pesel)
        texts = renderings(right)
        assert len(right.groupings) == 2 and all(_sentence_of(g) in texts for g in right.groupings)
        by_digits = [t for t in texts if len(t.split(",")) == 11]
        assert bool(by_digits) == any(len(groups) >= 7 for _, groups in right.groupings)
        grouped_only += not by_digits
        digit_reader = next(c for c in propose([say_digits(pesel)], SPEC, TODAY) if c.full == pesel)
        assert any(len(t.split(",")) == 11 for t in renderings(digit_reader))
    assert grouped_only > 0


def _sentence_of(grouping) -> str:
    from dialogue.number_reading import _sentence
    from polish.spoken import group_words

    frame, groups = grouping
    return _sentence(frame, ", ".join(group_words(g) for g in groups))


def test_a_spelled_address_or_code_ends_the_turn_once_whole():
    hints = AnswerHints(TODAY)
    assert hints.turn_over("spelling", None, ["jan kropka kowalski małpa poczta kropka pe el"])
    assert hints.turn_over("spelling", None, ["ka te er cztery osiem dwa"])
    for said in ("jan kropka kowalski małpa poczta", "jan kropka kowalski małpa poczta kropka onet",
                 "ka te er cztery osiem"):
        assert not hints.turn_over("spelling", None, [said]), said
