"""Synthetic callers' voices for tests: RHVoice (natural) and espeak-ng Polish."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from tts.pcm import from_wav


def espeak_polish(text: str, *, voice: str = "pl", speed: int = 150, pitch: int = 50) -> tuple[bytes, int]:
    """(pcm16, sample_rate) of ``text`` spoken by espeak-ng."""
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "say.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "-w", str(wav), text],
                       check=True, capture_output=True)
        return from_wav(wav.read_bytes())


def natural_polish(text: str, *, voice: str = "magda") -> tuple[bytes, int]:
    """(pcm16, sample_rate) of ``text`` in a natural RHVoice voice (``scripts/setup.sh`` installs
    it): the recogniser reads it as it reads people, unlike espeak-ng. espeak-ng when RHVoice is
    not installed."""
    from eval.synth import rhvoice
    from tts.rhvoice_engine import rhvoice_available

    if not rhvoice_available():
        return espeak_polish(text)
    return rhvoice(text, voice, rate=0.0, pitch=0.0)
