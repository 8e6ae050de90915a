"""The evaluation's recogniser of the bot's audio (``eval.evaluate.bot_recognizer``), on which a suite's
fact checks rest: it hears what the bot said, and writes nothing for a line without speech — a primed
Whisper wrote its prompt's sentences there (eval/bench_bot_heard.py), and a fact found in hiss would
be a check that cannot fail."""

from __future__ import annotations

import numpy as np
import pytest

from asr.audio import phone_line
from eval.call_audio import RATE
from eval.metrics import fact_found


@pytest.fixture(scope="module")
def recognizer(models_dir):
    from eval.evaluate import bot_recognizer

    found = bot_recognizer(models_dir)
    assert found is not None
    return found


def test_it_hears_an_overpayment_and_not_an_arrear(recognizer):
    from tts.rhvoice_engine import RHVoiceSynthesizer

    voice = RHVoiceSynthesizer("magda")
    text = "W podatku od spadków i darowizn jest nadpłata: dwieście czternaście złotych."
    pcm, rate = phone_line(voice.synthesize(text), voice.sample_rate)
    heard = recognizer.transcribe(pcm, rate, "free")
    said = " ".join([heard.text, *heard.alternatives])
    assert fact_found("nadpłata", said)
    assert not fact_found("zaległość", said)


@pytest.mark.parametrize("level", [20, 60, 200])
def test_it_writes_nothing_for_a_line_without_speech(recognizer, level):
    hiss = np.random.default_rng(3).normal(0, level, 2 * RATE).astype("<i2").tobytes()
    assert recognizer.transcribe(hiss, RATE, "free").text.strip() == ""
