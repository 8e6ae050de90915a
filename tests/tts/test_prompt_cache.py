"""A cached prompt is synthesised once: in memory, across restarts via disk, across threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from tests.tts.recording import RecordingSynthesizer
from tts.espeak_engine import EspeakSynthesizer
from tts.prompt_cache import PromptCache

PROMPT = "Proszę podać numer PESEL."


def test_second_get_returns_identical_bytes_without_synthesising(piper_joe):
    # Piper samples noise, so two real syntheses differ: identical bytes prove the cache answered.
    synthesizer = RecordingSynthesizer(piper_joe)
    cache = PromptCache(synthesizer)
    first = cache.get("Please say your tax number.")
    second = cache.get("  Please say your   tax number. ")  # same prompt, other whitespace
    assert second == first
    assert len(synthesizer.calls) == 1
    assert (cache.misses, cache.hits) == (1, 1)


def test_warm_synthesises_each_prompt_once(espeak_pl):
    synthesizer = RecordingSynthesizer(espeak_pl)
    cache = PromptCache(synthesizer)
    cache.warm([PROMPT, "Dziękuję.", PROMPT])
    assert sorted(synthesizer.calls) == sorted([PROMPT, "Dziękuję."])
    assert PROMPT in cache
    cache.get("Dziękuję.")
    assert len(synthesizer.calls) == 2


def test_disk_cache_survives_a_new_process(espeak_pl, tmp_path):
    first = RecordingSynthesizer(espeak_pl)
    audio = PromptCache(first, tmp_path).get(PROMPT)
    assert len(list(tmp_path.glob("*.pcm"))) == 1
    assert not list(tmp_path.glob("*.part"))

    restarted = RecordingSynthesizer(espeak_pl)  # a fresh cache over the same directory
    assert PromptCache(restarted, tmp_path).get(PROMPT) == audio
    assert restarted.calls == []


def test_another_voice_never_gets_cached_audio(espeak_pl, tmp_path):
    PromptCache(RecordingSynthesizer(espeak_pl), tmp_path).get(PROMPT)
    other_voice = RecordingSynthesizer(EspeakSynthesizer("pl+f2"))
    PromptCache(other_voice, tmp_path).get(PROMPT)
    assert other_voice.calls == [PROMPT]
    assert len(list(tmp_path.glob("*.pcm"))) == 2


def test_concurrent_gets_synthesise_once(espeak_pl):
    synthesizer = RecordingSynthesizer(espeak_pl)
    cache = PromptCache(synthesizer)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(cache.get, [PROMPT] * 8))
    assert len(synthesizer.calls) == 1
    assert all(result == results[0] for result in results)


def test_cache_files_do_not_name_the_text(espeak_pl, tmp_path):
    PromptCache(espeak_pl, tmp_path).get(PROMPT)
    (path,) = tmp_path.iterdir()
    assert "PESEL" not in path.name and len(path.stem) == 64
