"""Piper, in-process, as a pipecat TTS service (a local voice file; Polish voices in production)."""

from __future__ import annotations

from pathlib import Path

from tts.piper_engine import PiperSynthesizer
from tts.synthesizer_service import SynthesizerTTSService


class LocalPiperTTSService(SynthesizerTTSService):
    """Unlike pipecat's ``PiperTTSService`` it never downloads: the voice is a local ``.onnx``."""

    def __init__(
        self,
        *,
        voice_onnx: Path | None = None,
        synthesizer: PiperSynthesizer | None = None,
        length_scale: float | None = None,
        **kwargs,
    ) -> None:
        if synthesizer is None:
            if voice_onnx is None:
                raise ValueError("give voice_onnx or synthesizer")
            synthesizer = PiperSynthesizer(voice_onnx, length_scale=length_scale)
        super().__init__(synthesizer=synthesizer, **kwargs)
