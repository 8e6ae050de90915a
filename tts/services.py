"""The pipecat TTS services in one import (each lives in its own module)."""

from tts.espeak_service import EspeakTTSService
from tts.piper_service import LocalPiperTTSService
from tts.synthesizer_service import SynthesizerTTSService

__all__ = ["EspeakTTSService", "LocalPiperTTSService", "SynthesizerTTSService"]
