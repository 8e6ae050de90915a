"""The two engines speak: real Piper (joe voice from its PyPI package) and real espeak-ng Polish."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.tts.audio_checks import rms, voiced_fraction
from tts.engine import Synthesizer, VoiceNotFoundError
from tts.espeak_engine import EspeakSynthesizer
from tts.pcm import duration_s, from_wav, to_wav
from tts.piper_engine import PiperSynthesizer

KAS_GREETING = "Dzień dobry, tu infolinia Krajowej Administracji Skarbowej."


def test_piper_joe_speaks(piper_joe):
    pcm = piper_joe.synthesize("Hello, this is the tax office hotline. How can I help you?")
    assert isinstance(piper_joe, Synthesizer)
    assert piper_joe.sample_rate == 22050
    assert len(pcm) % 2 == 0
    # Two short sentences: a couple of seconds, certainly not silence or a click.
    assert 1.5 < duration_s(pcm, piper_joe.sample_rate) < 8.0
    assert rms(pcm) > 500
    assert voiced_fraction(pcm, piper_joe.sample_rate) > 0.4


def test_espeak_speaks_polish(espeak_pl):
    pcm = espeak_pl.synthesize(KAS_GREETING)
    assert isinstance(espeak_pl, Synthesizer)
    assert espeak_pl.sample_rate == 22050
    assert 2.0 < duration_s(pcm, espeak_pl.sample_rate) < 9.0
    assert rms(pcm) > 500
    assert voiced_fraction(pcm, espeak_pl.sample_rate) > 0.4


def test_espeak_reads_polish_letters_as_utf8(espeak_pl):
    # Decoded in the wrong charset, "ż", "ó", "ł" would become several (spoken) junk characters.
    plain = espeak_pl.synthesize("Zazolc gesla jazn")
    polish = espeak_pl.synthesize("Zażółć gęślą jaźń")
    ratio = duration_s(polish, 22050) / duration_s(plain, 22050)
    assert 0.7 < ratio < 1.4


def test_espeak_text_is_never_read_as_options(espeak_pl):
    pcm = espeak_pl.synthesize("--help -v en")
    assert duration_s(pcm, espeak_pl.sample_rate) > 0.5


def test_engines_answer_empty_text_with_little_or_no_audio(espeak_pl, piper_joe):
    assert espeak_pl.synthesize("   ") == b""
    assert duration_s(piper_joe.synthesize(""), piper_joe.sample_rate) < 0.5


def test_piper_is_safe_to_share_between_threads(piper_joe):
    texts = ["One two three.", "Four five six.", "Seven eight nine.", "Ten."]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(piper_joe.synthesize, texts))
    assert all(rms(pcm) > 300 for pcm in results)


def test_espeak_voices_change_the_sound():
    male = EspeakSynthesizer("pl+m3").synthesize("Proszę podać numer PESEL.")
    female = EspeakSynthesizer("pl+f2").synthesize("Proszę podać numer PESEL.")
    assert male != female
    assert EspeakSynthesizer("pl+m3").cache_key != EspeakSynthesizer("pl+f2").cache_key


def test_missing_voices_fail_at_construction(tmp_path: Path):
    with pytest.raises(VoiceNotFoundError):
        PiperSynthesizer(tmp_path / "nope.onnx")
    with pytest.raises(VoiceNotFoundError):
        EspeakSynthesizer("xx-nope")


def test_wav_round_trip_and_espeak_pipe_header(espeak_pl):
    pcm = espeak_pl.synthesize("Tak.")
    assert from_wav(to_wav(pcm, 22050)) == (pcm, 22050)
    # espeak-ng's own --stdout header claims ~2 GiB of data; the parser reads to the end instead.
    raw = espeak_pl._run("Tak.")
    assert int.from_bytes(raw[40:44], "little") > len(raw)
    assert from_wav(raw)[0] == pcm


def test_rhvoice_polish_voices_speak_at_their_rate():
    """The synthetic callers' voices (Debian non-free, unpacked by scripts/rhvoice.sh)."""
    from tts.rhvoice_engine import RHVoiceSynthesizer

    for voice in ("magda", "natan"):
        normal = RHVoiceSynthesizer(voice)
        pcm = normal.synthesize(KAS_GREETING)
        assert isinstance(normal, Synthesizer) and normal.sample_rate in (16000, 24000)
        assert 2.0 < duration_s(pcm, normal.sample_rate) < 9.0
        assert rms(pcm) > 500 and voiced_fraction(pcm, normal.sample_rate) > 0.4
        brisk = RHVoiceSynthesizer(voice, rate=0.3).synthesize(KAS_GREETING)
        assert duration_s(brisk, normal.sample_rate) < duration_s(pcm, normal.sample_rate)
    assert RHVoiceSynthesizer("magda").synthesize("  ") == b""
    with pytest.raises(VoiceNotFoundError):
        RHVoiceSynthesizer("anna")
    with pytest.raises(ValueError):
        RHVoiceSynthesizer("magda", rate=2.0)
