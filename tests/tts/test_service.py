"""The pipecat TTS service in a real pipeline: framing, sentence streaming, cache use, barge-in."""

from __future__ import annotations

import asyncio

from pipecat.frames.frames import (
    ErrorFrame,
    InterruptionFrame,
    LLMFullResponseEndFrame,
    LLMFullResponseStartFrame,
    LLMTextFrame,
    TTSAudioRawFrame,
    TTSSpeakFrame,
    TTSStartedFrame,
    TTSStoppedFrame,
)

from tests.tts.audio_checks import rms
from tests.tts.pipeline_harness import RunningPipeline
from tests.tts.recording import RecordingSynthesizer
from tts.espeak_service import EspeakTTSService
from tts.piper_service import LocalPiperTTSService
from tts.synthesizer_service import SynthesizerTTSService

THREE_SENTENCES = (
    "Dzień dobry, tu infolinia Krajowej Administracji Skarbowej. "
    "Proszę podać numer PESEL. "
    "Następnie wpisz telePIN na klawiaturze telefonu."
)


def kinds(frames, wanted=(TTSStartedFrame, TTSAudioRawFrame, TTSStoppedFrame)):
    """Frame sequence as letters, consecutive audio frames collapsed: 'SAT' = start, audio, stop."""
    letters = {TTSStartedFrame: "S", TTSAudioRawFrame: "A", TTSStoppedFrame: "T"}
    out = ""
    for frame in frames:
        for kind in wanted:
            if isinstance(frame, kind):
                letter = letters[kind]
                if not (letter == "A" and out.endswith("A")):
                    out += letter
    return out


async def test_speak_frame_gives_started_audio_stopped_at_pipeline_rate(espeak_pl):
    tts = EspeakTTSService(synthesizer=espeak_pl, chunk_ms=20)
    async with RunningPipeline(tts, sample_rate=16000) as pipeline:
        await pipeline.send(TTSSpeakFrame("Dzień dobry. Tu infolinia skarbowa."))
        await pipeline.recorder.wait_for(
            lambda: any(isinstance(f, TTSStoppedFrame) for f in pipeline.recorder.frames))
    frames = pipeline.recorder.frames
    assert kinds(frames) == "SAT"
    assert not [f for f in frames if isinstance(f, ErrorFrame)]
    audio = [f for f in frames if isinstance(f, TTSAudioRawFrame)]
    assert {(f.sample_rate, f.num_channels) for f in audio} == {(16000, 1)}
    # 20 ms frames (the last of each sentence may be shorter), resampled from 22.05 kHz.
    assert max(len(f.audio) for f in audio) == 16000 * 20 // 1000 * 2
    assert len({f.context_id for f in audio}) == 1
    assert rms(b"".join(f.audio for f in audio)) > 500


async def test_first_sentence_is_heard_before_the_second_is_synthesised(espeak_pl):
    events: list[str] = []
    # Every synthesis after the first waits until audio has reached the end of the pipeline. If
    # the service synthesised the whole text before pushing audio, that audio could never arrive
    # and the held call would time out.
    synthesizer = RecordingSynthesizer(espeak_pl, events=events, hold_from_call=1)
    tts = SynthesizerTTSService(synthesizer=synthesizer)
    async with RunningPipeline(tts, events=events) as pipeline:
        releaser = asyncio.create_task(_release_when(pipeline.recorder.first_audio, synthesizer))
        await pipeline.send(TTSSpeakFrame(THREE_SENTENCES))
        await pipeline.recorder.wait_for(
            lambda: any(isinstance(f, TTSStoppedFrame) for f in pipeline.recorder.frames))
        await releaser
    assert len(synthesizer.calls) == 3  # one call per sentence
    assert synthesizer.calls[0].startswith("Dzień dobry")
    order = [events.index(e) for e in ("synth-end 0", "first-audio-at-sink", "synth-start 1")]
    assert order == sorted(order), events
    assert "timeout 1" not in events
    assert kinds(pipeline.recorder.frames) == "SAT"


async def _release_when(first_audio, synthesizer):
    await asyncio.to_thread(first_audio.wait, 20)
    synthesizer.release.set()


async def test_llm_text_is_aggregated_into_sentences_before_synthesis(espeak_pl):
    synthesizer = RecordingSynthesizer(espeak_pl)
    tts = SynthesizerTTSService(synthesizer=synthesizer)
    async with RunningPipeline(tts) as pipeline:
        await pipeline.send(LLMFullResponseStartFrame())
        for token in ["Dzień ", "dobry. ", "Proszę ", "podać ", "numer ", "PESEL."]:
            await pipeline.send(LLMTextFrame(token))
        await pipeline.send(LLMFullResponseEndFrame())
        await pipeline.recorder.wait_for(
            lambda: any(isinstance(f, TTSStoppedFrame) for f in pipeline.recorder.frames))
    assert synthesizer.calls == ["Dzień dobry.", "Proszę podać numer PESEL."]


async def test_fixed_prompts_come_from_the_cache(piper_joe):
    greeting = "Hello, you have reached the tax office."
    synthesizer = RecordingSynthesizer(piper_joe)
    tts = LocalPiperTTSService(
        synthesizer=synthesizer, cached_prompts=[greeting], sample_rate=22050
    )
    async with RunningPipeline(tts, sample_rate=22050) as pipeline:
        await tts.warm_prompts()
        assert synthesizer.calls == [greeting]
        for _ in range(2):
            await pipeline.send(TTSSpeakFrame(greeting))
        # A reply that contains the prompt as one of its sentences reuses it too.
        await pipeline.send(TTSSpeakFrame(f"{greeting} Goodbye."))
        await pipeline.recorder.wait_for(
            lambda: sum(isinstance(f, TTSStoppedFrame) for f in pipeline.recorder.frames) == 3)
    assert synthesizer.calls == [greeting, "Goodbye."]
    turns = _audio_per_turn(pipeline.recorder.frames)
    cached = tts.prompt_cache.get(greeting)
    assert turns[0] == turns[1] == cached  # same rate in and out: bytes pass through unchanged
    assert turns[2].startswith(cached) and len(turns[2]) > len(cached)


async def test_a_fixed_sentence_is_cached_inside_any_reply(espeak_pl):
    """Cached per sentence: a two-sentence prompt's second sentence serves a reply that joins it with
    words synthesised now (a caller's data), and the joined reply is never cached itself."""
    prompt = "Dziękuję, tożsamość potwierdzona. Czy mogę jeszcze w czymś pomóc?"
    synthesizer = RecordingSynthesizer(espeak_pl)
    tts = SynthesizerTTSService(synthesizer=synthesizer, cached_prompts=[prompt])
    async with RunningPipeline(tts) as pipeline:
        await tts.warm_prompts()
        warmed = list(synthesizer.calls)
        await pipeline.send(TTSSpeakFrame("Czy mogę jeszcze w czymś pomóc? Saldo wynosi sto złotych."))
        await pipeline.recorder.wait_for(lambda: any(isinstance(f, TTSStoppedFrame) for f in pipeline.recorder.frames))
    assert sorted(warmed) == sorted(["Dziękuję, tożsamość potwierdzona.", "Czy mogę jeszcze w czymś pomóc?"])
    assert synthesizer.calls[len(warmed):] == ["Saldo wynosi sto złotych."]
    assert "Saldo wynosi sto złotych." not in tts.prompt_cache



async def test_a_read_back_starts_from_the_cached_head_before_its_colon(espeak_pl):
    """"Zapisany numer PESEL to: …" is spoken in pieces: the fixed head from the cache at once, the
    caller's digits synthesised after it, never cached."""
    synthesizer = RecordingSynthesizer(espeak_pl)
    tts = SynthesizerTTSService(synthesizer=synthesizer, cached_prompts=["Zapisany numer PESEL to:", "Czy się zgadza?"])
    async with RunningPipeline(tts) as pipeline:
        await tts.warm_prompts()
        warmed = len(synthesizer.calls)
        await pipeline.send(TTSSpeakFrame("Zapisany numer PESEL to: osiem dwa, zero trzy. Czy się zgadza?"))
        await pipeline.recorder.wait_for(lambda: any(isinstance(f, TTSStoppedFrame) for f in pipeline.recorder.frames))
    assert synthesizer.calls[warmed:] == ["osiem dwa, zero trzy."]
    assert "osiem dwa, zero trzy." not in tts.prompt_cache
    assert pipeline.recorder.audio_count > 0

def _audio_per_turn(frames) -> list[bytes]:
    turns: list[bytes] = []
    for frame in frames:
        if isinstance(frame, TTSStartedFrame):
            turns.append(b"")
        elif isinstance(frame, TTSAudioRawFrame):
            turns[-1] += frame.audio
    return turns


async def test_barge_in_drops_the_rest_of_the_reply(espeak_pl):
    synthesizer = RecordingSynthesizer(espeak_pl, hold_from_call=1)
    tts = SynthesizerTTSService(synthesizer=synthesizer)
    async with RunningPipeline(tts) as pipeline:
        await pipeline.send(TTSSpeakFrame(THREE_SENTENCES))
        await asyncio.to_thread(synthesizer.held.wait, 20)  # sentence 2 is in synthesis now
        await pipeline.recorder.wait_for(lambda: pipeline.recorder.audio_count > 0)
        await pipeline.send(InterruptionFrame())
        await pipeline.recorder.wait_for(
            lambda: any(isinstance(f, InterruptionFrame) for f in pipeline.recorder.frames))
        synthesizer.release.set()  # sentence 2 finishes in its thread, unheard
        # The service keeps working after the barge-in.
        await pipeline.send(TTSSpeakFrame("Słucham."))
        await pipeline.recorder.wait_for(lambda: synthesizer.calls[-1] == "Słucham."
                                         and _audio_after_last_start(pipeline.recorder.frames) > 0)
    frames = pipeline.recorder.frames
    interrupted_at = next(i for i, f in enumerate(frames) if isinstance(f, InterruptionFrame))
    restarted_at = max(i for i, f in enumerate(frames) if isinstance(f, TTSStartedFrame))
    # Nothing of the interrupted reply is played after the interruption.
    assert not [f for f in frames[interrupted_at:restarted_at] if isinstance(f, TTSAudioRawFrame)]
    # Sentence 3 was never synthesised.
    assert synthesizer.calls == [synthesizer.calls[0], "Proszę podać numer PESEL.", "Słucham."]


def _audio_after_last_start(frames) -> int:
    starts = [i for i, f in enumerate(frames) if isinstance(f, TTSStartedFrame)]
    return sum(isinstance(f, TTSAudioRawFrame) for f in frames[starts[-1]:]) if starts else 0


async def test_a_failing_engine_reports_an_error_without_the_text(tmp_path):
    import shutil

    from tts.espeak_engine import EspeakSynthesizer

    binary = tmp_path / "espeak-ng"
    shutil.copy(shutil.which("espeak-ng"), binary)
    synthesizer = EspeakSynthesizer("pl", binary=str(binary))
    tts = SynthesizerTTSService(synthesizer=synthesizer)
    async with RunningPipeline(tts) as pipeline:
        binary.unlink()  # the engine goes away mid-call
        await pipeline.send(TTSSpeakFrame("Saldo wynosi 1234 złote."))
        await pipeline.recorder.wait_for(
            lambda: any(isinstance(f, TTSStoppedFrame) for f in pipeline.recorder.frames))
    assert not [f for f in pipeline.recorder.frames if isinstance(f, TTSAudioRawFrame)]
    ours = [e for e in pipeline.errors if "synthesis failed" in e.error]
    assert ours and all("1234" not in e.error and "Saldo" not in e.error for e in ours)
