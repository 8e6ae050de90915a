"""Vosk (Kaldi) as a streaming ``Recognizer``: partial results while the caller speaks, a final one
at the end, and grammar-restricted decoding for the digits and yes/no modes.

Kaldi resamples internally, so audio goes in at whatever rate the line delivers (8 kHz on a
phone call) with no conversion on our side.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import vosk

from asr.engine import Transcript, check_vocabulary
from asr.vocabulary import vosk_grammar

vosk.SetLogLevel(-1)  # Kaldi's stderr chatter; errors still raise


def _clean(text: str) -> str:
    # "[unk]" is the grammar's "none of these words": not something a caller said.
    return " ".join(word for word in text.split() if word != "[unk]")


def _parse_result(raw: str) -> tuple[str, tuple[str, ...]]:
    """Result JSON → (best text, other hypotheses); the shape differs with alternatives on."""
    data = json.loads(raw)
    if "alternatives" in data:
        texts: list[str] = []
        for alternative in data["alternatives"]:
            text = _clean(alternative.get("text", ""))
            if text not in texts:
                texts.append(text)
        if not texts:
            return "", ()
        return texts[0], tuple(text for text in texts[1:] if text)
    return _clean(data.get("text", "")), ()


class VoskStream:
    """One utterance. Not thread-safe: one caller feeds it (the STT service's task)."""

    def __init__(
        self,
        model: vosk.Model,
        sample_rate: int,
        vocabulary: str,
        alternatives: int,
        words_by_mode: dict[str, tuple[str, ...]] | None = None,
    ):
        self.vocabulary = check_vocabulary(vocabulary)
        grammar = vosk_grammar(vocabulary, words_by_mode)
        if grammar is None:
            self._recognizer = vosk.KaldiRecognizer(model, float(sample_rate))
        else:
            self._recognizer = vosk.KaldiRecognizer(model, float(sample_rate), grammar)
        if alternatives > 0:
            self._recognizer.SetMaxAlternatives(alternatives + 1)
        self._segments: list[str] = []  # texts Vosk finalised on its own endpointing
        self._untaken: list[str] = []
        self._last_alternatives: tuple[str, ...] = ()
        self._partial = ""
        self._compute_s = 0.0

    @property
    def heard_anything(self) -> bool:
        return bool(self._segments or self._partial)

    def _utterance(self, tail: str = "") -> str:
        return " ".join(part for part in (*self._segments, tail) if part)

    def accept(self, pcm16: bytes) -> str | None:
        started = time.perf_counter()
        endpoint = self._recognizer.AcceptWaveform(pcm16)
        if endpoint:
            text, self._last_alternatives = _parse_result(self._recognizer.Result())
            if text:
                self._segments.append(text)
                self._untaken.append(text)
            self._partial = ""
            self._compute_s += time.perf_counter() - started
            return None
        partial = _clean(json.loads(self._recognizer.PartialResult()).get("partial", ""))
        self._compute_s += time.perf_counter() - started
        if partial and partial != self._partial:
            self._partial = partial
            return self._utterance(partial)
        return None

    def take_segment(self) -> str | None:
        if not self._untaken:
            return None
        text = " ".join(self._untaken)
        self._untaken.clear()
        return text

    def finish(self) -> Transcript:
        started = time.perf_counter()
        text, alternatives = _parse_result(self._recognizer.FinalResult())
        final_s = time.perf_counter() - started
        if not text and self._segments:
            # Nothing after the last endpoint: the alternatives of that segment still apply.
            alternatives = self._last_alternatives
            text = self._segments.pop()
        prefix = self._utterance()
        whole = " ".join(part for part in (prefix, text) if part)
        others = tuple(" ".join(p for p in (prefix, alt) if p) for alt in alternatives)
        return Transcript(
            text=whole,
            alternatives=others,
            # Compute spent on the whole utterance (comparable with Whisper's); the wait after
            # the end of speech alone is ``final_ms``.
            asr_ms=(self._compute_s + final_s) * 1000.0,
            extra={"final_ms": final_s * 1000.0},
        )


class VoskRecognizer:
    engine = "vosk"

    def __init__(
        self,
        model_dir: Path,
        *,
        alternatives: int = 3,
        words_by_mode: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.model_dir = Path(model_dir)
        self.words_by_mode = words_by_mode
        self.model = vosk.Model(str(self.model_dir))
        self.alternatives = alternatives
        self.sample_rate = _model_sample_rate(self.model_dir)

    def stream(self, sample_rate: int, vocabulary: str = "free") -> VoskStream:
        return VoskStream(
            self.model, sample_rate, vocabulary, self.alternatives, self.words_by_mode
        )

    def transcribe(self, pcm16: bytes, sample_rate: int, vocabulary: str = "free") -> Transcript:
        stream = self.stream(sample_rate, vocabulary)
        chunk = int(sample_rate * 0.2) * 2  # 200 ms, as a live call would deliver it
        for start in range(0, len(pcm16), chunk):
            stream.accept(pcm16[start : start + chunk])
        return stream.finish()


def _model_sample_rate(model_dir: Path) -> int:
    """The rate the acoustic model was trained at (informative: Kaldi resamples any input)."""
    try:
        for line in (model_dir / "conf" / "mfcc.conf").read_text().splitlines():
            if line.startswith("--sample-frequency="):
                return int(float(line.split("=", 1)[1]))
    except (OSError, ValueError):
        pass
    return 16000
