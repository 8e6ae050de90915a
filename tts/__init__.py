"""Text to speech: Piper (in-process, local voices) and espeak-ng (offline Polish fallback).

- ``tts.engine.Synthesizer``: ``sample_rate`` + ``synthesize(text) -> PCM16 mono bytes``;
  ``tts.piper_engine.PiperSynthesizer``, ``tts.espeak_engine.EspeakSynthesizer``.
- ``tts.prompt_cache.PromptCache``: fixed prompts synthesised once (memory, optional disk).
- ``tts.synthesizer_service.SynthesizerTTSService``: the pipecat ``TTSService`` (sentence
  streaming, cached prompts, barge-in per the base class); ``tts.services`` re-exports it with
  the Piper and espeak-ng subclasses.
- ``tts.factory``: ``create_synthesizer`` and ``create_tts_service`` (``auto`` = a Polish Piper
  voice when installed, else espeak-ng Polish).
"""
