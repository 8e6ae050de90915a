"""Synthetic callers' voices for tests: espeak-ng Polish, as a real WAV read back into PCM."""

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
