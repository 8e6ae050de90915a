import numpy as np

from asr.audio import mulaw_decode, mulaw_encode, phone_line, resample_pcm16


def test_mulaw_matches_the_g711_reference_values():
    # Reference points of G.711 µ-law (values as CPython audioop.lin2ulaw gives them).
    pcm = np.array([0, -1, 32767, -32768, 1000, -1000], dtype="<i2").tobytes()
    assert list(mulaw_encode(pcm)) == [0xFF, 0x7E, 0x80, 0x00, 0xCE, 0x4E]
    assert list(np.frombuffer(mulaw_decode(bytes([0xFF, 0x80, 0x00])), "<i2")) == [0, 32124, -32124]


def test_mulaw_round_trip_error_is_within_the_codec_step():
    ramp = np.arange(-32768, 32768, 7, dtype=np.int32)
    pcm = ramp.astype("<i2").tobytes()
    back = np.frombuffer(mulaw_decode(mulaw_encode(pcm)), "<i2").astype(np.int32)
    # Logarithmic codec: error grows with amplitude, at most 1/16 of the value plus a small floor.
    assert np.all(np.abs(back - ramp) <= np.abs(ramp) / 16 + 40)


def test_phone_line_downsamples_to_8k():
    tone = (np.sin(np.arange(16000) * 2 * np.pi * 440 / 16000) * 8000).astype("<i2").tobytes()
    narrow, rate = phone_line(tone, 16000)
    assert rate == 8000
    assert len(narrow) == 8000 * 2


def test_resample_keeps_duration():
    pcm = bytes(48000 * 2)
    assert len(resample_pcm16(pcm, 48000, 16000)) == 16000 * 2
