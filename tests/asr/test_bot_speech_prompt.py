"""The evaluation's recogniser for the bot's audio, primed with the bot's wording
(``eval.call_audio.BOT_SPEECH_PROMPT``): it hears what the bot said and writes nothing the bot did not
say — the prime names "zaległość", an answer about an overpayment must not come out as one."""

from __future__ import annotations

import numpy as np
import pytest

from asr.audio import phone_line
from eval.call_audio import BOT_SPEECH_PROMPT, RATE
from eval.metrics import fact_found
from models.lookup import model_path


@pytest.fixture(scope="module")
def primed(models_dir):
    from asr.factory import create_recognizer

    return create_recognizer("whisper", model_path("whisper-base", models_dir), threads=2,
                             initial_prompt=BOT_SPEECH_PROMPT)


@pytest.fixture(scope="module")
def magda():
    from tts.rhvoice_engine import RHVoiceSynthesizer

    return RHVoiceSynthesizer("magda")


def _said(voice, text: str) -> bytes:
    pcm, rate = phone_line(voice.synthesize(text), voice.sample_rate)
    assert rate == RATE
    return pcm


def test_the_primed_recogniser_hears_the_answer_and_not_the_prompts_other_words(primed, magda):
    pcm = _said(magda, "W podatku od spadków i darowizn jest nadpłata: dwieście czternaście złotych.")
    heard = primed.transcribe(pcm, RATE, "free")
    said = " ".join([heard.text, *heard.alternatives])
    assert fact_found("nadpłata", said)
    assert not fact_found("zaległość", said)
    assert not fact_found("tożsamość potwierdzona", said)


def test_the_prime_is_not_written_for_a_line_without_speech(primed):
    rng = np.random.default_rng(3)
    hiss = (rng.normal(0, 60, RATE * 2)).astype("<i2").tobytes()  # two seconds of a quiet line
    heard = primed.transcribe(hiss, RATE, "free")
    for word in ("zaległość", "nadpłata", "tożsamość", "wpłata"):
        assert not fact_found(word, heard.text), "the prime was written for a line without speech"
