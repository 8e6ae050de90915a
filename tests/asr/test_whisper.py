"""faster-whisper base on real Polish speech and on espeak-ng digit strings."""

import re

import jiwer
import numpy as np
import pytest

from asr.audio import phone_line, read_audio_file
from asr.engine import Transcript
from asr.vocabulary import GROUPING_PROMPTS, WORDS_PROMPT
from dialogue.keyword_nlu import yes_no
from dialogue.number_reading import NumberSpec, propose, read_number


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@pytest.fixture(scope="module")
def clips(cv_clips):
    return cv_clips[:3]


def test_transcribes_real_polish_speech(whisper, clips):
    references, hypotheses = [], []
    for clip in clips:
        pcm, rate = read_audio_file(clip.path)
        result = whisper.transcribe(pcm, rate)
        assert isinstance(result, Transcript) and result.asr_ms > 0
        references.append(normalise(clip.reference))
        hypotheses.append(normalise(result.text))
    assert jiwer.wer(references, hypotheses) < 0.6


def test_transcribes_after_a_phone_line_at_8khz(whisper, clips):
    clip = clips[2]
    pcm, rate = phone_line(*read_audio_file(clip.path))
    assert rate == 8000
    result = whisper.transcribe(pcm, rate)
    assert jiwer.wer(normalise(clip.reference), normalise(result.text)) < 0.6


def test_beam_search_gives_distinct_alternatives(whisper, clips):
    pcm, rate = read_audio_file(clips[0].path)
    result = whisper.transcribe(pcm, rate)
    assert result.text not in result.alternatives
    assert len(set(result.alternatives)) == len(result.alternatives)
    assert whisper.transcribe(pcm, rate, beam_size=1).alternatives == ()


def test_silence_gives_no_text(whisper):
    assert whisper.transcribe(bytes(16000 * 2 * 2), 16000).text == ""


def test_digits_turn_reads_a_number_said_in_pairs(whisper, rhvoice_pesel):
    """Free decoding (one pass primed for number words, one free) yields hypotheses from which the
    caller's PESEL is a candidate; the reader never settles on another number."""
    pcm, rate, pesel, _said = rhvoice_pesel
    heard = whisper.transcribe(pcm, rate, "digits")
    hypotheses = [heard.text, *heard.alternatives]
    assert len(hypotheses) >= 4  # the n-best of two decodes
    assert pesel in {c.full for c in propose(hypotheses, NumberSpec("pesel"))}
    reading = read_number(heard.text, heard.alternatives)
    assert reading.value is None or reading.value.reveal() == pesel


def test_digits_turn_stops_as_soon_as_the_answer_is_plain(whisper, rhvoice_pesel):
    pcm, rate, _pesel, said = rhvoice_pesel
    asked: list[list[str]] = []
    heard = whisper.transcribe(pcm, rate, "digits", rescore=lambda h, scored: [said],
                               complete=lambda hypotheses: asked.append(list(hypotheses)) or True)
    assert heard.extra["stage"] == "numerals" and heard.scored == () and len(asked) == 1
    heard = whisper.transcribe(pcm, rate, "digits", rescore=lambda h, scored: [said], complete=lambda hypotheses: False)
    assert heard.extra["stage"] == "scored" and dict(heard.scored).keys() == {said}


def test_a_number_settled_by_the_first_decodes_scores_skips_the_words_decode(whisper, rhvoice_pesel):
    pcm, rate, _pesel, said = rhvoice_pesel
    seen: list[dict] = []
    never_plain = {"rescore": lambda h, scored: [said], "complete": lambda hypotheses: False}
    heard = whisper.transcribe(pcm, rate, "digits", **never_plain,
                               settled=lambda hypotheses, scored: seen.append(dict(scored)) or True)
    assert heard.extra["stage"] == "numerals scored" and len(seen) == 1
    assert dict(heard.scored) == seen[0] and set(seen[0]) == {said}
    # Not settled: the words decode runs, and a text scored already is not scored again.
    scored_twice = []
    real_score = whisper._score
    whisper._score = lambda encoded, texts: scored_twice.extend(texts) or real_score(encoded, texts)
    try:
        heard = whisper.transcribe(pcm, rate, "digits", **never_plain, settled=lambda hypotheses, scored: False)
    finally:
        del whisper._score
    assert heard.extra["stage"] == "scored" and scored_twice == [said]



def test_a_number_the_words_decode_leaves_open_is_decoded_again_for_pairs_and_for_triples(whisper, rhvoice_pesel):
    """When neither the free decode nor the words decode is plain, the words decode runs once more per
    grouping prompt and its hypotheses join the rest; when the words decode is plain, they never run."""
    pcm, rate, _pesel, said = rhvoice_pesel
    decoded: dict[str, list[str]] = {}
    real = whisper._words_decode

    def spy(*args):
        texts = real(*args)
        decoded[(args[4:] or (WORDS_PROMPT,))[0]] = texts
        return texts

    whisper._words_decode = spy
    try:
        heard = whisper.transcribe(pcm, rate, "digits", rescore=lambda h, scored: [said],
                                   complete=lambda hypotheses: False, settled=lambda hypotheses, scored: False)
        assert set(decoded) == {WORDS_PROMPT, *GROUPING_PROMPTS}
        hypotheses = {heard.text, *heard.alternatives}
        assert all(text in hypotheses for prompt in GROUPING_PROMPTS for text in decoded[prompt] if text)
        decoded.clear()
        checked: list[list[str]] = []
        # Plain after the words decode (its second check): no grouping decode.
        heard = whisper.transcribe(pcm, rate, "digits", rescore=lambda h, scored: [said],
                                   complete=lambda hypotheses: checked.append(hypotheses) or len(checked) == 2,
                                   settled=lambda hypotheses, scored: False)
        assert heard.extra["stage"] == "words" and set(decoded) == {WORDS_PROMPT}
    finally:
        del whisper._words_decode


def test_with_an_idle_worker_the_words_decode_runs_beside_the_free_one(models_dir, rhvoice_pesel):
    """Two workers: the words decode starts in the background with the free decode and its result is
    the one used when the number does not settle; either way its worker is given back."""
    import threading

    from asr.factory import create_recognizer
    from models.lookup import model_path

    pcm, rate, _pesel, said = rhvoice_pesel
    recognizer = create_recognizer("whisper", model_path("whisper-base", models_dir), threads=1, workers=2)
    ran_in: list[tuple[str, str]] = []
    real = recognizer._words_decode
    recognizer._words_decode = lambda *a: ran_in.append(((a[4:] or (WORDS_PROMPT,))[0], threading.current_thread().name)) or real(*a)
    never_plain = {"rescore": lambda h, scored: [said], "complete": lambda hypotheses: False}
    heard = recognizer.transcribe(pcm, rate, "digits", **never_plain, settled=lambda hypotheses, scored: False)
    assert heard.extra["stage"] == "scored" and dict(heard.scored).keys() == {said}
    threads = {prompt: thread for prompt, thread in ran_in}
    assert len(ran_in) == 3 and threads[WORDS_PROMPT].startswith("whisper-ahead")
    # The two grouping decodes ran beside each other: one of them on the idle worker.
    assert any(threads[prompt].startswith("whisper-ahead") for prompt in GROUPING_PROMPTS)
    # Settled by the free decode: the words decode ran (or runs) for nothing, and frees its worker.
    heard = recognizer.transcribe(pcm, rate, "digits", **never_plain, settled=lambda hypotheses, scored: True)
    assert heard.extra["stage"] == "numerals scored"
    recognizer._ahead.shutdown(wait=True)
    assert recognizer._lock.take_if_free() and recognizer._lock.take_if_free()

def test_digits_turn_is_not_restricted_to_digit_words(whisper, cv_clips):
    """No token filter: speech that is not a number comes out as the words said (the old filter
    spelled everything with digit-word pieces: "dzero", "siedemdzieśdzieś…")."""
    clip = cv_clips[0]
    pcm, rate = read_audio_file(clip.path)
    heard = whisper.transcribe(pcm, rate, "digits")
    assert jiwer.cer(normalise(clip.reference), normalise(heard.text)) < 0.3


@pytest.mark.parametrize("said,meaning", [("Tak, zgadza się.", True), ("Nie, to nie ten numer.", False),
                                          ("Dokładnie tak.", True)])
def test_yes_no_turn_understands_natural_confirmations(whisper, said, meaning):
    from tts.rhvoice_engine import RHVoiceSynthesizer

    voice = RHVoiceSynthesizer("magda")
    pcm, rate = phone_line(voice.synthesize(said), voice.sample_rate)
    heard = whisper.transcribe(pcm, rate, "yes_no")
    assert yes_no(heard.text) is meaning


def test_window_sized_to_the_utterance_keeps_the_words(whisper, cv_clips):
    """The fast path (encoder input = utterance + silence) and the full 30 s window agree on real
    speech within a few words; the fast path says which window it used."""
    from asr.factory import create_recognizer

    full = create_recognizer("whisper", whisper.model_dir, threads=2, window_pad_s=None)
    references, fast_out, full_out = [], [], []
    for clip in cv_clips[:4]:
        pcm, rate = phone_line(*read_audio_file(clip.path))
        fast = whisper.transcribe(pcm, rate)
        assert fast.extra["window"] in ("sized", "full")
        references.append(normalise(clip.reference))
        fast_out.append(normalise(fast.text))
        full_out.append(normalise(full.transcribe(pcm, rate).text))
    assert full.transcribe(*phone_line(*read_audio_file(cv_clips[0].path))).extra["window"] == "full"
    assert jiwer.wer(references, fast_out) < 0.6
    assert jiwer.wer(full_out, fast_out) < 0.35


def test_rescore_gives_the_audio_likelihood_of_proposed_texts(whisper, rhvoice_pesel):
    pcm, rate, pesel, said = rhvoice_pesel
    wrong = said.replace(said.split(",")[1], " dziewięćdziesiąt dziewięć")
    heard = whisper.transcribe(pcm, rate, "digits", rescore=lambda hypotheses, scored: [said, wrong])
    scores = dict(heard.scored)
    assert set(scores) == {said, wrong}
    assert scores[said] > scores[wrong]


def test_a_rescorer_asks_in_rounds_and_sees_what_was_scored(whisper, rhvoice_pesel):
    """The first round's texts are scored, the rescorer sees their scores and may ask for more; the
    transcript carries the texts it asked for last, each scored once."""
    pcm, rate, pesel, said = rhvoice_pesel
    wrong = said.replace(said.split(",")[1], " dziewięćdziesiąt dziewięć")
    seen: list[dict] = []

    def rescore(hypotheses, scored):
        seen.append(dict(scored))
        return [said] if said not in scored else [said, wrong]

    heard = whisper.transcribe(pcm, rate, "digits", rescore=rescore, complete=lambda hypotheses: False)
    assert set(dict(heard.scored)) == {said, wrong}
    assert seen[0] == {} and set(seen[1]) == {said} and set(seen[-1]) == {said, wrong}
    assert seen[1][said] == dict(heard.scored)[said]


def test_unknown_vocabulary_is_refused(whisper):
    with pytest.raises(ValueError, match="vocabulary"):
        whisper.transcribe(bytes(3200), 16000, "letters")


def test_audio_longer_than_one_window(whisper, cv_clips):
    pieces, total = [], 0.0
    for clip in cv_clips:
        pcm, rate = read_audio_file(clip.path)
        assert rate == 16000
        pieces.append(pcm)
        total += len(pcm) / 2 / rate
        if total > 32:
            break
    result = whisper.transcribe(b"".join(pieces), 16000)
    assert len(result.text.split()) > 20
    assert np.isfinite(result.asr_ms)
