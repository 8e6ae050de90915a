"""Every named model, by name: the ASR models and the TTS voices together."""

from __future__ import annotations

from models.asr_models import ASR_MODELS
from models.errors import ModelMissing
from models.spec import ModelSpec
from models.tts_voices import TTS_VOICES

REGISTRY: dict[str, ModelSpec] = {spec.name: spec for spec in (*ASR_MODELS, *TTS_VOICES)}


def get_spec(name: str) -> ModelSpec:
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise ModelMissing(f"unknown model {name!r} (known: {known})") from None
