"""Audio plumbing shared by the engines, the CLI and the evaluation: 16-bit PCM in, numpy out.

Everything here is pure numpy (plus soxr for resampling and soundfile for reading files), so it
does not depend on ``audioop``, which Python 3.13 removed.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile
import soxr


def pcm16_to_float(pcm16: bytes) -> np.ndarray:
    """Signed 16-bit little-endian PCM → float32 in [-1, 1)."""
    return np.frombuffer(pcm16, dtype="<i2").astype(np.float32) / 32768.0


def float_to_pcm16(samples: np.ndarray) -> bytes:
    clipped = np.clip(samples, -1.0, 32767 / 32768)
    return (clipped * 32768.0).round().astype("<i2").tobytes()


def resample_float(samples: np.ndarray, from_rate: int, to_rate: int) -> np.ndarray:
    if from_rate == to_rate:
        return samples.astype(np.float32, copy=False)
    return soxr.resample(samples, from_rate, to_rate, quality="HQ").astype(np.float32)


def resample_pcm16(pcm16: bytes, from_rate: int, to_rate: int) -> bytes:
    if from_rate == to_rate:
        return pcm16
    return float_to_pcm16(resample_float(pcm16_to_float(pcm16), from_rate, to_rate))


def read_audio_file(path: Path) -> tuple[bytes, int]:
    """Read any soundfile-readable file (wav, flac, ogg) → (mono 16-bit PCM, sample rate)."""
    samples, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    mono = samples.mean(axis=1)
    return float_to_pcm16(mono), int(rate)


# G.711 µ-law, the telephone codec: the 14-bit reference algorithm (ITU-T G.711 / Sun g711.c),
# bit-identical to the ``audioop.lin2ulaw`` it replaces.
_MULAW_BIAS = 0x84
_SEGMENT_ENDS = np.array([0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF])


def mulaw_encode(pcm16: bytes) -> bytes:
    samples = np.frombuffer(pcm16, dtype="<i2").astype(np.int32) >> 2
    negative = samples < 0
    magnitude = np.minimum(np.where(negative, -samples, samples), 8159) + (_MULAW_BIAS >> 2)
    segment = np.searchsorted(_SEGMENT_ENDS, magnitude)
    code = (segment << 4) | ((magnitude >> (segment + 1)) & 0x0F)
    code = np.where(segment > 7, 0x7F, code)  # beyond the last segment: the largest code
    encoded = np.where(negative, code ^ 0x7F, code ^ 0xFF)
    return encoded.astype(np.uint8).tobytes()


def mulaw_decode(ulaw: bytes) -> bytes:
    codes = ~np.frombuffer(ulaw, dtype=np.uint8).astype(np.int32) & 0xFF
    sign = codes & 0x80
    exponent = (codes >> 4) & 0x07
    mantissa = codes & 0x0F
    magnitude = (((mantissa << 3) + _MULAW_BIAS) << exponent) - _MULAW_BIAS
    samples = np.where(sign != 0, -magnitude, magnitude)
    return samples.astype("<i2").tobytes()


def phone_line(pcm16: bytes, sample_rate: int) -> tuple[bytes, int]:
    """Imitate a phone call: downsample to 8 kHz and pass through G.711 µ-law and back."""
    narrow = resample_pcm16(pcm16, sample_rate, 8000)
    return mulaw_decode(mulaw_encode(narrow)), 8000
