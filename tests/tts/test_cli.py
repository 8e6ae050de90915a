"""``voicebot tts say``, run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest


def voicebot(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "VOICEBOT_DATA_DIR": str(data_dir)}
    # Not `python -m voicebot.cli`: run as __main__, its CliError is another class than the one
    # the commands import, and a CliError would escape as a traceback.
    command = [sys.executable, "-c", "import sys; from voicebot.cli import main; sys.exit(main())"]
    return subprocess.run([*command, "tts", "say", *args],
                          capture_output=True, text=True, env=env, timeout=60, check=False)


def test_espeak_writes_a_valid_polish_wav(tmp_path):
    out = tmp_path / "out" / "greeting.wav"
    done = voicebot("Dzień dobry, tu infolinia Krajowej Administracji Skarbowej.", "-o", str(out),
                    "--engine", "espeak", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    with wave.open(str(out)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
        assert wav.getnframes() / wav.getframerate() > 2.0


def test_piper_writes_a_valid_wav_with_a_voice_path(tmp_path, joe_onnx):
    out = tmp_path / "joe.wav"
    done = voicebot("Hello from the tax office.", "-o", str(out), "--engine", "piper",
                    "--voice", str(joe_onnx), "--rate", "1.2", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    with wave.open(str(out)) as wav:
        assert wav.getframerate() == 22050 and wav.getnframes() > 22050 // 2


@pytest.mark.parametrize(
    "args",
    [
        ["--engine", "festival"],
        ["--engine", "piper"],  # the default Polish voice is not installed in an empty data dir
        ["--engine", "piper", "--voice", "/nonexistent/voice.onnx"],
        ["--engine", "espeak", "--voice", "xx-nope"],
        ["--engine", "espeak", "--rate", "9"],
    ],
    ids=["unknown-engine", "missing-default-voice", "missing-voice-file", "unknown-espeak-voice",
         "rate-out-of-range"],
)
def test_errors_exit_2_with_one_line(tmp_path, args):
    out = tmp_path / "never.wav"
    done = voicebot("Tak.", "-o", str(out), *args, data_dir=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert not out.exists()
