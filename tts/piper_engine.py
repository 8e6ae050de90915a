"""Piper neural TTS in-process (piper-tts, GPL-3.0) from a local `.onnx` + `.onnx.json` voice."""

from __future__ import annotations

import threading
from pathlib import Path

from tts.engine import EngineUnavailableError, VoiceNotFoundError
from tts.pcm import silence
from tts.voices import voice_language


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
            message = f"cannot load Piper voice {voice_onnx.name}: {exc}"
            raise EngineUnavailableError(message) from exc
        self._syn_config = SynthesisConfig(length_scale=length_scale, speaker_id=speaker_id)
        self._lock = threading.Lock()
        self.voice_onnx = voice_onnx
        self.sample_rate: int = self._voice.config.sample_rate
        self.language: str = voice_language(voice_onnx)
        # Piper's sentences end abruptly; a short pause after each keeps them from running together.
        self._pause = silence(sentence_pause_s, self.sample_rate)
        size = voice_onnx.stat().st_size  # a re-pulled voice of another size is another voice
        self.cache_key = f"piper:{voice_onnx.name}:{size}:{length_scale}:{speaker_id}"

    def synthesize(self, text: str) -> bytes:
        with self._lock:
            pieces: list[bytes] = []
            for chunk in self._voice.synthesize(text, syn_config=self._syn_config):
                pieces.append(chunk.audio_int16_bytes)
                pieces.append(self._pause)
        return b"".join(pieces)

    def __repr__(self) -> str:
        return f"PiperSynthesizer({self.voice_onnx.name})"

