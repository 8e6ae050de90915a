"""16-bit mono PCM helpers: WAV containers in and out, silence, and fixed-duration chunks."""

from __future__ import annotations

import io
import struct
import wave
from collections.abc import Iterator

SAMPLE_WIDTH = 2  # bytes per sample: everything in tts/ is PCM16 mono


def to_wav(pcm: bytes, sample_rate: int) -> bytes:
    """Wrap PCM16 mono in a WAV container."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(SAMPLE_WIDTH)
        wav.setframerate(sample_rate)
        wav.writeframes(pcm)
    return buffer.getvalue()


def from_wav(data: bytes) -> tuple[bytes, int]:
    """PCM16 mono and its sample rate from a WAV byte string.

    Reads the chunks by hand rather than with ``wave`` because espeak-ng writing to a pipe cannot
    seek back to fill in the sizes: its header says 0x7ffff000 bytes, so the data runs to the end.
    """
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a WAV stream")
    position, sample_rate, channels, bits = 12, None, None, None
    while position + 8 <= len(data):
        chunk_id, size = struct.unpack_from("<4sI", data, position)
        body = position + 8
        if chunk_id == b"fmt ":
            _, channels, sample_rate, _, _, bits = struct.unpack_from("<HHIIHH", data, body)
        elif chunk_id == b"data":
            if sample_rate is None:
                raise ValueError("WAV data before its format chunk")
            if channels != 1 or bits != 16:
                raise ValueError(f"expected 16-bit mono WAV, got {channels} ch / {bits} bit")
            pcm = data[body : min(body + size, len(data))]
            return pcm[: len(pcm) - len(pcm) % SAMPLE_WIDTH], sample_rate
        position = body + size + (size & 1)
    raise ValueError("WAV stream without a data chunk")


def silence(seconds: float, sample_rate: int) -> bytes:
    return b"\x00\x00" * int(round(seconds * sample_rate))


def duration_s(pcm: bytes, sample_rate: int) -> float:
    return len(pcm) / SAMPLE_WIDTH / sample_rate


def chunks(pcm: bytes, sample_rate: int, chunk_ms: int) -> Iterator[bytes]:
    """Consecutive slices of ``chunk_ms`` each (the last one may be shorter)."""
    size = max(1, sample_rate * chunk_ms // 1000) * SAMPLE_WIDTH
    for start in range(0, len(pcm), size):
        yield pcm[start : start + size]
