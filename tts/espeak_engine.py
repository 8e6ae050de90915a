"""espeak-ng (the Debian binary), the offline fallback: robotic, but it speaks Polish anywhere."""

from __future__ import annotations

import shutil
import subprocess

from tts.engine import EngineUnavailableError, VoiceNotFoundError
from tts.pcm import from_wav

ESPEAK_SAMPLE_RATE = 22050  # espeak-ng's fixed output rate


class EspeakSynthesizer:
    """Speaks by running ``espeak-ng --stdout``.

    Thread-safe: each call is its own process. The text goes through stdin, so a text starting
    with ``-`` is never read as an option and its length never hits the argv limit.
    """

    def __init__(
        self,
        voice: str = "pl",
        speed: int = 160,
        pitch: int = 50,
        *,
        binary: str = "espeak-ng",
        timeout_s: float = 30.0,
    ) -> None:
        path = shutil.which(binary)
        if path is None:
            raise EngineUnavailableError(f"{binary} is not installed (apt-get install espeak-ng)")
        if not 80 <= speed <= 450:
            raise ValueError("espeak-ng speed must be 80..450 words per minute")
        if not 0 <= pitch <= 99:
            raise ValueError("espeak-ng pitch must be 0..99")
        self._binary = path
        self.voice = voice
        self.speed = speed
        self.pitch = pitch
        self._timeout_s = timeout_s
        self.sample_rate: int = ESPEAK_SAMPLE_RATE
        self.cache_key = f"espeak-ng:{voice}:{speed}:{pitch}"
        self._check_voice()

    def synthesize(self, text: str) -> bytes:
        if not text.strip():
            return b""
        pcm, rate = from_wav(self._run(text))
        if rate != self.sample_rate:
            raise EngineUnavailableError(
                f"espeak-ng answered at {rate} Hz, expected {self.sample_rate}"
            )
        return pcm

    def _run(self, text: str) -> bytes:
        command = [self._binary, "-v", self.voice, "-s", str(self.speed), "-p", str(self.pitch),
                   "-b", "1", "--stdout"]  # -b 1: the input is UTF-8, whatever the locale says
        try:
            done = subprocess.run(command, input=text.encode("utf-8"), capture_output=True,
                                  timeout=self._timeout_s, check=False)
        except subprocess.TimeoutExpired as exc:
            raise EngineUnavailableError("espeak-ng timed out") from exc
        except OSError as exc:  # uninstalled while running
            raise EngineUnavailableError(f"cannot run espeak-ng: {exc.strerror}") from exc
        if done.returncode != 0 or not done.stdout:
            # stderr names the voice or option at fault, never the text (it came through stdin).
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            reason = message[0] if message else f"exit code {done.returncode}"
            raise EngineUnavailableError(f"espeak-ng failed: {reason}")
        return done.stdout

    def _check_voice(self) -> None:
        """Fail at construction, not mid-call, when the voice does not exist."""
        try:
            self._run("a")
        except EngineUnavailableError as exc:
            raise VoiceNotFoundError(f"espeak-ng voice {self.voice!r} is not available") from exc

    def __repr__(self) -> str:
        return f"EspeakSynthesizer({self.cache_key})"
