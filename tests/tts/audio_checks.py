"""What "speech" means in these tests: long enough, loud enough, not a constant."""

from __future__ import annotations

import numpy as np


def rms(pcm: bytes) -> float:
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float64)
    return float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0


def voiced_fraction(pcm: bytes, sample_rate: int, frame_ms: int = 20, threshold: float = 300):
    """Share of 20 ms frames whose RMS is above a speech-like level."""
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float64)
    size = sample_rate * frame_ms // 1000
    frames = samples[: samples.size - samples.size % size].reshape(-1, size)
    if not len(frames):
        return 0.0
    return float(np.mean(np.sqrt(np.mean(frames**2, axis=1)) > threshold))
