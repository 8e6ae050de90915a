"""The two audio tracks of a call, as the phone line carried them, and what the bot said in them.

- ``bot_segments``: the bot's audio cut into utterances (by gaps in its arrival), for transcription
  (``transcribe_bot``: a long one in pieces cut at its pauses, ``pieces_at_pauses``).
- ``secret_windows``: the stretches of the bot's audio that hold protected data (a PESEL read back
  always; amounts unless allowed), from the record's ``sensitive`` utterances: muted in reports.
- ``call_wav``: caller (left) and bot (right) on one timeline, 8 kHz, 8-bit stereo WAV — small
  enough to embed in an HTML report as a data URI, with secrets muted.
"""

from __future__ import annotations

import io
import wave

import numpy as np

from asr.audio import mulaw_decode
from eval.runner import CallRaw

RATE = 8000
GAP_S = 0.35  # the server paces its audio in real time: a longer gap ends an utterance
# Whisper base drops whole sentences from a window full of them (a 30 s refund answer lost its middle
# one, which it read alone): a long utterance is transcribed in pieces cut at its pauses.
MAX_PIECE_S = 12.0
_FRAME = RATE // 50  # 20 ms


def bot_segments(raw: CallRaw) -> list[tuple[float, bytes]]:
    segments: list[tuple[float, list[bytes]]] = []
    last_end = None
    for t, ulaw in raw.bot_audio:
        if last_end is None or t - last_end > GAP_S:
            segments.append((t, []))
        segments[-1][1].append(ulaw)
        last_end = t
    return [(t, mulaw_decode(b"".join(chunks))) for t, chunks in segments]


def secret_windows(events: list[dict], *, show_amounts: bool) -> list[tuple[float, float]]:
    windows = []
    state = None
    for i, e in enumerate(events):
        if e["type"] == "dialogue_state":
            state = e.get("state")
        if e["type"] != "bot_utterance" or not e.get("sensitive"):
            continue
        if show_amounts and state != "pesel_confirm":
            continue  # an amount in a secured QA environment; a PESEL read back is never played
        stop = next((x["t"] for x in events[i + 1:] if x["type"] == "bot_stopped_speaking"), None)
        windows.append((e["t"], (stop if stop is not None else e["t"] + 30) + 0.3))
    return windows


def pieces_at_pauses(pcm16: bytes, max_s: float = MAX_PIECE_S) -> list[bytes]:
    """``pcm16`` (8 kHz) cut into pieces of at most ``max_s``, each cut in the middle of the longest
    pause it can end in (synthesised speech pauses briefly between sentences: 60-120 ms), else at
    ``max_s``."""
    samples = np.frombuffer(pcm16, dtype="<i2").astype(np.float32)
    limit = int(max_s * RATE)
    if len(samples) <= limit:
        return [pcm16]
    frames = len(samples) // _FRAME
    rms = np.sqrt(np.mean(samples[: frames * _FRAME].reshape(frames, _FRAME) ** 2, axis=1))
    quiet = rms < 0.1 * float(np.percentile(rms, 90))
    pauses: list[tuple[int, int]] = []  # (middle sample, length in frames)
    run = 0
    for i, still in enumerate([*quiet, False]):
        if still:
            run += 1
        elif run:
            pauses.append(((i - run / 2) * _FRAME, run))
            run = 0
    pieces, start = [], 0
    while len(samples) - start > limit:
        inside = [(length, middle) for middle, length in pauses if start + 2 * RATE < middle <= start + limit]
        end = int(max(inside)[1]) if inside else start + limit
        pieces.append(pcm16[start * 2: end * 2])
        start = end
    pieces.append(pcm16[start * 2:])
    return pieces


def transcribe_bot(raw: CallRaw, recognizer, alternatives: list[str] | None = None) -> list[tuple[float, str]]:
    """(arrival time, text) of each bot utterance heard on the line; the recogniser's other
    hypotheses go to ``alternatives`` (a fact the best guess garbled may be in one of them)."""
    texts = []
    for t, pcm in bot_segments(raw):
        if len(pcm) < RATE // 5:  # under 0.1 s: a click, not speech
            continue
        said = []
        for piece in pieces_at_pauses(pcm):
            heard = recognizer.transcribe(piece, RATE, "free")
            if heard.text.strip():
                said.append(heard.text.strip())
                if alternatives is not None:
                    alternatives.extend(heard.alternatives)
        if said:
            texts.append((t, " ".join(said)))
    return texts


def shown_heard(heard: list[tuple[float, str]], events: list[dict], *, show_amounts: bool) -> list[str]:
    """What a report may show of the bot's transcribed audio: nothing from its secret stretches
    (a garbled amount escapes any pattern, so the whole utterance is left out)."""
    windows = secret_windows(events, show_amounts=show_amounts)
    return [text for t, text in heard if not any(a - 0.5 <= t <= b for a, b in windows)]


def _place(track: np.ndarray, at_s: float, pcm16: bytes) -> int:
    samples = np.frombuffer(pcm16, dtype="<i2")
    start = max(0, int(at_s * RATE))
    end = min(len(track), start + len(samples))
    if end > start:
        track[start:end] = samples[: end - start]
    return end


def call_wav(raw: CallRaw, *, show_amounts: bool = False, max_s: float = 600.0) -> bytes:
    duration = min(max_s, max(1.0, (raw.t_end or raw.t0) - raw.t0 + 0.5))
    n = int(duration * RATE)
    caller = np.zeros(n, dtype=np.int16)
    bot = np.zeros(n, dtype=np.int16)
    for seg in raw.caller:
        if not seg.sensitive:  # a spoken PESEL is not played back in a report
            _place(caller, seg.t - raw.t0, seg.pcm8k)
    cursor = 0
    for t, ulaw in raw.bot_audio:
        at = max(int((t - raw.t0) * RATE), cursor)
        cursor = _place(bot, at / RATE, mulaw_decode(ulaw))
    for a, b in secret_windows(raw.events, show_amounts=show_amounts):
        bot[max(0, int((a - raw.t0) * RATE)):max(0, int((b - raw.t0) * RATE))] = 0
    stereo = np.stack([caller, bot], axis=1)
    eight_bit = ((stereo.astype(np.int32) >> 8) + 128).clip(0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(2)
        wav.setsampwidth(1)
        wav.setframerate(RATE)
        wav.writeframes(eight_bit.tobytes())
    return buffer.getvalue()
