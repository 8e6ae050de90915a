"""faster-whisper base on real Polish speech and on espeak-ng digit strings."""

import re

import jiwer
import numpy as np
import pytest

from asr.audio import phone_line, read_audio_file
from asr.engine import Transcript
from asr.vocabulary import DIGIT_WORDS, fits_vocabulary


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


def test_digits_vocabulary_changes_the_output(whisper, polish_digits):
    pcm, rate = polish_digits
    free = whisper.transcribe(pcm, rate, "free")
    digits = whisper.transcribe(pcm, rate, "digits")
    assert digits.text != free.text
    # Restricted decoding spells digit words only (no "1, 2, 3" numerals, no other words).
    assert fits_vocabulary(digits.text, "digits")
    assert set(digits.text.split()) <= set(DIGIT_WORDS)


def test_yes_no_vocabulary_restricts_to_confirmation_words(whisper, clips):
    pcm, rate = read_audio_file(clips[0].path)
    result = whisper.transcribe(pcm, rate, "yes_no")
    letters = set("".join(re.findall(r"\w+", result.text.lower())))
    allowed = set("takniezgadzasiędobrzeowszemjasneoczywiścienopoprawnie")
    assert letters <= allowed


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
