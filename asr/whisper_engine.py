"""faster-whisper as a ``Recognizer``: a whole utterance in, best text plus beam alternatives out.

Utterances up to 30 s (every phone turn) are decoded with one direct CTranslate2 ``generate`` call,
which gives the n-best list of the beam for free and lets us apply the no-speech rule ourselves.
Longer files (the CLI, evaluation) fall back to faster-whisper's own windowed ``transcribe``.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from faster_whisper import WhisperModel
from faster_whisper.audio import pad_or_trim
from faster_whisper.tokenizer import Tokenizer

from asr.audio import pcm16_to_float, resample_float
from asr.engine import Transcript, check_vocabulary
from asr.vocabulary import PROMPTS, fits_vocabulary, suppressed_tokens

WHISPER_RATE = 16000
_WINDOW_S = 30.0


@dataclass(frozen=True)
class WhisperOptions:
    """The decoding knobs pipecat's stock WhisperSTTService hides."""

    language: str = "pl"
    beam_size: int = 5
    # Whisper's own rule: a segment is silence only if no_speech_prob is above this AND the
    # average log-probability is below ``log_prob_threshold``. pipecat's stock service drops on
    # no_speech_prob >= 0.4 alone, which silently loses real phone utterances (one scored 0.404).
    no_speech_threshold: float = 0.6
    log_prob_threshold: float = -1.0
    num_alternatives: int = 4
    initial_prompt: str | None = None
    hotwords: str | None = None
    # Caps hallucination loops: at most this many tokens per second of audio (plus 10).
    max_tokens_per_s: float = 15.0


class WhisperRecognizer:
    engine = "whisper"
    sample_rate = WHISPER_RATE

    def __init__(
        self,
        model_dir: Path,
        *,
        threads: int = 2,
        compute_type: str = "int8",
        options: WhisperOptions | None = None,
    ) -> None:
        self.model_dir = Path(model_dir)
        self.options = options or WhisperOptions()
        # cpu_threads defaults to 4 in CTranslate2, too many on a small shared box.
        self.model = WhisperModel(
            str(self.model_dir),
            device="cpu",
            compute_type=compute_type,
            cpu_threads=threads,
            num_workers=1,
        )
        self.tokenizer = Tokenizer(
            self.model.hf_tokenizer,
            self.model.model.is_multilingual,
            task="transcribe",
            language=self.options.language,
        )
        # One decode at a time: the pipeline and a CLI share nothing, but two calls' services may
        # share one loaded model, and CTranslate2 is configured with a single worker.
        self._lock = threading.Lock()

    def transcribe(
        self,
        pcm16: bytes,
        sample_rate: int,
        vocabulary: str = "free",
        *,
        beam_size: int | None = None,
    ) -> Transcript:
        check_vocabulary(vocabulary)
        started = time.perf_counter()
        audio = resample_float(pcm16_to_float(pcm16), sample_rate, WHISPER_RATE)
        beam = beam_size or self.options.beam_size
        with self._lock:
            if len(audio) / WHISPER_RATE <= _WINDOW_S:
                text, alternatives, extra = self._decode_window(audio, vocabulary, beam)
            else:
                text, alternatives, extra = self._decode_long(audio, vocabulary, beam)
        asr_ms = (time.perf_counter() - started) * 1000.0
        return Transcript(text=text, alternatives=alternatives, asr_ms=asr_ms, extra=extra)

    # -- decoding ------------------------------------------------------------------------------

    def _prompt_text(self, vocabulary: str) -> str | None:
        return PROMPTS.get(vocabulary, self.options.initial_prompt)

    def _suppress(self, vocabulary: str) -> list[int]:
        # Whisper's default set (what faster-whisper's ``[-1]`` means): non-speech symbols.
        tokens = set(self.tokenizer.non_speech_tokens)
        if vocabulary != "free":
            tokens.update(suppressed_tokens(vocabulary, self.tokenizer))
        tokens.update(
            (
                self.tokenizer.transcribe,
                self.tokenizer.translate,
                self.tokenizer.sot,
                self.tokenizer.sot_prev,
                self.tokenizer.sot_lm,
                self.tokenizer.no_speech,
            )
        )
        return sorted(tokens)

    def _decode_window(
        self, audio: np.ndarray, vocabulary: str, beam: int
    ) -> tuple[str, tuple[str, ...], dict]:
        duration_s = len(audio) / WHISPER_RATE
        features = self.model.feature_extractor(audio)[..., :-1]
        encoder_output = self.model.encode(pad_or_trim(features))
        prompt_text = self._prompt_text(vocabulary)
        previous = self.tokenizer.encode(" " + prompt_text.strip()) if prompt_text else []
        prompt = self.model.get_prompt(
            self.tokenizer,
            previous,
            without_timestamps=True,
            hotwords=self.options.hotwords if vocabulary == "free" else None,
        )
        max_new = int(10 + self.options.max_tokens_per_s * duration_s)
        hypotheses = max(1, min(beam, self.options.num_alternatives + 1))
        result = self.model.model.generate(
            encoder_output,
            [prompt],
            beam_size=beam,
            num_hypotheses=hypotheses,
            max_length=min(self.model.max_length, len(prompt) + max_new),
            return_scores=True,
            return_no_speech_prob=True,
            suppress_blank=True,
            suppress_tokens=self._suppress(vocabulary),
        )[0]
        texts: list[str] = []
        for tokens in result.sequences_ids:
            text = self.tokenizer.decode(tokens).strip()
            if text not in texts:
                texts.append(text)
        # Token suppression cannot stop sub-word pieces from forming non-words ("nero"); a
        # hypothesis made only of allowed words beats a likelier one that is not (stable sort).
        texts.sort(key=lambda text: not fits_vocabulary(text, vocabulary))
        best_tokens = result.sequences_ids[0]
        # CTranslate2 returns cum_logprob / length (length_penalty 1); Whisper averages over
        # length + 1 (the end-of-text token).
        avg_logprob = result.scores[0] * len(best_tokens) / (len(best_tokens) + 1)
        extra = {"no_speech_prob": result.no_speech_prob, "avg_logprob": avg_logprob}
        silent = (
            result.no_speech_prob > self.options.no_speech_threshold
            and avg_logprob < self.options.log_prob_threshold
        )
        if silent or not texts:
            return "", (), extra
        return texts[0], tuple(text for text in texts[1:] if text), extra

    def _decode_long(
        self, audio: np.ndarray, vocabulary: str, beam: int
    ) -> tuple[str, tuple[str, ...], dict]:
        segments, _info = self.model.transcribe(
            audio,
            language=self.options.language,
            beam_size=beam,
            no_speech_threshold=self.options.no_speech_threshold,
            log_prob_threshold=self.options.log_prob_threshold,
            suppress_tokens=self._suppress(vocabulary),
            initial_prompt=self._prompt_text(vocabulary),
            hotwords=self.options.hotwords if vocabulary == "free" else None,
            condition_on_previous_text=False,
            without_timestamps=True,
            vad_filter=False,
        )
        text = " ".join(segment.text.strip() for segment in segments).strip()
        return text, (), {}
