"""Piper neural TTS, in-process (piper-tts, GPL-3.0), from a local ``.onnx`` + ``.onnx.json`` voice."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from tts.engine import EngineUnavailableError, VoiceNotFoundError
from tts.pcm import silence


class PiperSynthesizer:
    """Speaks with one Piper voice.

    Thread-safe: calls are serialised by a lock. onnxruntime could run them in parallel, but on a
    shared 2-core box two syntheses at once only make both late.
    """

    def __init__(
        self,
        voice_onnx: Path,
        *,
        length_scale: float | None = None,
        speaker_id: int | None = None,
        sentence_pause_s: float = 0.15,
    ) -> None:
        voice_onnx = Path(voice_onnx)
        config_path = Path(f"{voice_onnx}.json")
        if not voice_onnx.is_file():
            raise VoiceNotFoundError(f"Piper voice model not found: {voice_onnx}")
        if not config_path.is_file():
            raise VoiceNotFoundError(f"Piper voice config not found: {config_path}")
        try:
            from piper import PiperVoice, SynthesisConfig

            self._voice = PiperVoice.load(voice_onnx, config_path=config_path)
        except Exception as exc:  # a corrupt model or a missing piper-tts
            raise EngineUnavailableError(f"cannot load Piper voice {voice_onnx.name}: {exc}") from exc
        self._syn_config = SynthesisConfig(length_scale=length_scale, speaker_id=speaker_id)
        self._lock = threading.Lock()
        self.voice_onnx = voice_onnx
        self.sample_rate: int = self._voice.config.sample_rate
        self.language: str = _language_of(config_path)
        # Piper's sentences end abruptly; a short pause after each keeps them from running together.
        self._pause = silence(sentence_pause_s, self.sample_rate)
        self.cache_key = f"piper:{voice_onnx.name}:{voice_onnx.stat().st_size}:{length_scale}:{speaker_id}"

    def synthesize(self, text: str) -> bytes:
        with self._lock:
            pieces: list[bytes] = []
            for chunk in self._voice.synthesize(text, syn_config=self._syn_config):
                pieces.append(chunk.audio_int16_bytes)
                pieces.append(self._pause)
        return b"".join(pieces)

    def __repr__(self) -> str:
        return f"PiperSynthesizer({self.voice_onnx.name})"


def _language_of(config_path: Path) -> str:
    """The voice's language code (``pl_PL``, ``en_US``) from its config, or ``""``."""
    config = json.loads(config_path.read_text(encoding="utf-8"))
    return (config.get("language") or {}).get("code") or (config.get("espeak") or {}).get("voice", "")
