"""The Vosk engine on the Korean test model: the Kaldi runtime, streaming and grammars."""

import pytest

from asr.audio import resample_pcm16


def feed(stream, pcm: bytes, rate: int, chunk_s: float = 0.02) -> list[str]:
    partials = []
    step = int(rate * chunk_s) * 2
    for start in range(0, len(pcm), step):
        partial = stream.accept(pcm[start : start + step])
        if partial:
            partials.append(partial)
    return partials


def test_streaming_gives_partials_then_a_final(vosk_ko, korean_speech):
    pcm, rate = korean_speech
    stream = vosk_ko.stream(rate)
    partials = feed(stream, pcm, rate)
    final = stream.finish()
    assert len(partials) >= 2
    assert len(set(partials)) == len(partials)  # a partial is reported only when it changes
    assert final.text
    assert final.asr_ms > 0
    assert final.extra["final_ms"] <= final.asr_ms


def test_takes_8khz_audio_natively(vosk_ko, korean_speech):
    pcm, rate = korean_speech
    narrow = resample_pcm16(pcm, rate, 8000)
    stream = vosk_ko.stream(8000)
    assert feed(stream, narrow, 8000)
    assert stream.finish().text


def test_grammar_restricts_the_words(vosk_ko, korean_numbers, korean_speech):
    allowed = {"하나", "둘", "셋", "넷"}
    for pcm, rate in (korean_numbers, korean_speech):
        result = vosk_ko.transcribe(pcm, rate, "digits")
        assert set(result.text.split()) <= allowed
        for alternative in result.alternatives:
            assert set(alternative.split()) <= allowed
    free = vosk_ko.transcribe(*korean_speech, "free")
    assert not set(free.text.split()) <= allowed


def test_polish_grammar_is_accepted(models_dir, korean_numbers):
    """The default (Polish) word lists load as grammars even on a model that lacks the words."""
    from asr.factory import create_recognizer
    from models.lookup import model_path

    recognizer = create_recognizer("vosk", model_path("vosk-ko-test", models_dir))
    for vocabulary in ("digits", "yes_no"):
        result = recognizer.transcribe(*korean_numbers, vocabulary)
        assert result.text == ""  # no Polish word fits Korean speech; "[unk]" is not reported


def test_alternatives_are_other_hypotheses(vosk_ko, korean_speech):
    result = vosk_ko.transcribe(*korean_speech)
    assert result.text not in result.alternatives


def test_unknown_vocabulary_is_refused(vosk_ko):
    with pytest.raises(ValueError, match="vocabulary"):
        vosk_ko.stream(16000, "letters")
