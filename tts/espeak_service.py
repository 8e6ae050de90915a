"""espeak-ng as a pipecat TTS service: the offline Polish fallback."""

from __future__ import annotations

from tts.espeak_engine import EspeakSynthesizer
from tts.synthesizer_service import SynthesizerTTSService


class EspeakTTSService(SynthesizerTTSService):
    def __init__(self, *, voice: str = "pl", speed: int = 160, pitch: int = 50,
                 synthesizer: EspeakSynthesizer | None = None, **kwargs) -> None:
        synthesizer = synthesizer or EspeakSynthesizer(voice, speed, pitch)
        super().__init__(synthesizer=synthesizer, **kwargs)
