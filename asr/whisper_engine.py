"""faster-whisper as a ``Recognizer``: a whole utterance in, best text plus beam alternatives out.

Whisper's encoder is trained on 30 s windows and by default always runs on one, which is most of
the time a phone turn costs. Utterances here are encoded *sized to the utterance* (the audio plus
some silence, ``asr.decoding_guard``), decoded with a repetition guard, and decoded again on the
full window only when the guard finds the result suspicious (a loop, text too repetitive, a
hypothesis that ran to the token cap). Utterances over 30 s (the CLI, evaluation) go through
faster-whisper's own windowed ``transcribe``.

Listening modes (``asr.vocabulary``) change the prompt and the number of decodes, never the set of
tokens a word may be spelled with: restricting Whisper to digit-word pieces made it write non-words
("dzero", "siedemdzieśdzieś…"). A "digits" turn is decoded freely (numerals allowed) and, unless
that already gave a whole valid number (``complete``), again primed to write number words (numeral
tokens suppressed, so "dwa, dziesięć" cannot become "20"), and when that is not plain either, twice
more primed for pairs and for triples; a ``rescore`` callback may then ask for the log-probability of
candidate texts given the audio (CTranslate2's ``align``: the decoder's teacher-forced token
probabilities).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from itertools import zip_longest
from pathlib import Path

import ctranslate2
import numpy as np
from faster_whisper import WhisperModel
from faster_whisper.audio import pad_or_trim
from faster_whisper.tokenizer import Tokenizer

from asr.audio import pcm16_to_float, resample_float
from asr.decode_lock import FIRST, LATER, DecodeLock
from asr.decoding_guard import suspicious
from asr.engine import Transcript, check_vocabulary
from asr.vocabulary import GROUPING_PROMPTS, PROMPTS, WORDS_PROMPT

WHISPER_RATE = 16000
_WINDOW_S = 30.0
_FRAMES_PER_S = 100
# A rescorer asks in rounds (dialogue.number_reading: two); a bound, should one keep asking.
_MAX_SCORING_ROUNDS = 3

# Texts to score against the audio, given the decoded hypotheses and the texts scored so far: asked
# again after each round until it asks for nothing new (see dialogue.number_reading).
Rescorer = Callable[[Sequence[str], Mapping[str, float]], Sequence[str]]
# Whether hypotheses already hold the whole answer (a valid number read literally): no more work.
Completeness = Callable[[Sequence[str]], bool]
# Whether the caller spoke again since this decode started: the rest of a staged decode is waste.
Stale = Callable[[], bool]
# Whether scored candidates of the hypotheses so far already single out the number: no more decodes.
Settled = Callable[[Sequence[str], Mapping[str, float]], bool]


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
    # The encoder input sized to the utterance: the audio plus this much silence (None = always
    # the full 30 s window). On µ-law Common Voice clips +8 s kept the WER of the full window at a
    # third of its cost; +3 s suffices for the short, guarded digit turns.
    window_pad_s: float | None = 8.0
    digits_window_pad_s: float | None = 3.0
    # The guard against loops in free speech (not in digits: "zero zero zero" is a real PESEL).
    repetition_penalty: float = 1.1
    no_repeat_ngram_size: int = 3
    compression_ratio_threshold: float = 2.4


class WhisperRecognizer:
    engine = "whisper"
    sample_rate = WHISPER_RATE

    def __init__(
        self,
        model_dir: Path,
        *,
        threads: int = 1,
        compute_type: str = "int8",
        device: str = "cpu",
        options: WhisperOptions | None = None,
        workers: int = 1,
    ) -> None:
        """``threads``: CTranslate2's threads per decode; ``workers``: decodes that may run at once
        (model replicas; calls share one recogniser). On the 2-core box one thread per decode ran a
        free sentence in 0.41 s against 0.84 s with two, and with two workers another call's "Tak."
        beside a PESEL's decode took at most 0.39 s against 2.0 s queued: ``eval.bench_decode_overlap``."""
        self.model_dir = Path(model_dir)
        self.options = options or WhisperOptions()
        # cpu_threads defaults to 4 in CTranslate2, too many on a small shared box.
        self.model = WhisperModel(
            str(self.model_dir),
            device=device,
            compute_type=compute_type,
            cpu_threads=threads,
            num_workers=workers,
        )
        self.tokenizer = Tokenizer(
            self.model.hf_tokenizer,
            self.model.model.is_multilingual,
            task="transcribe",
            language=self.options.language,
        )
        # At most ``workers`` decodes at once on the shared model; another call's short answer goes
        # ahead of a number's later stages (asr.decode_lock).
        self._lock = DecodeLock(workers)
        # A number's words decode started beside its free decode, when a worker is idle.
        self._ahead = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="whisper-ahead")

    def transcribe(
        self,
        pcm16: bytes,
        sample_rate: int,
        vocabulary: str = "free",
        *,
        beam_size: int | None = None,
        rescore: Rescorer | None = None,
        complete: Completeness | None = None,
        stale: Stale | None = None,
        settled: Settled | None = None,
    ) -> Transcript:
        check_vocabulary(vocabulary)
        started = time.perf_counter()
        audio = resample_float(pcm16_to_float(pcm16), sample_rate, WHISPER_RATE)
        beam = beam_size or self.options.beam_size
        if len(audio) / WHISPER_RATE <= _WINDOW_S:
            result = self._decode_utterance(audio, vocabulary, beam, rescore, complete, stale, settled)
        else:
            with self._lock.hold(LATER):
                result = Transcript(*self._decode_long(audio, vocabulary, beam))
        asr_ms = (time.perf_counter() - started) * 1000.0
        return Transcript(result.text, result.alternatives, asr_ms, result.extra, result.scored)

    # -- prompts and token sets ---------------------------------------------------------------

    def _prompt(self, text: str | None, vocabulary: str) -> list[int]:
        previous = self.tokenizer.encode(" " + text.strip()) if text else []
        return self.model.get_prompt(
            self.tokenizer, previous, without_timestamps=True,
            hotwords=self.options.hotwords if vocabulary == "free" else None,
        )

    @cached_property
    def _base_suppress(self) -> list[int]:
        # Whisper's default set (what faster-whisper's ``[-1]`` means): non-speech symbols, plus
        # the special tokens that must never appear inside a transcript.
        t = self.tokenizer
        return sorted(set(t.non_speech_tokens) | {t.transcribe, t.translate, t.sot, t.sot_prev, t.sot_lm, t.no_speech})

    @cached_property
    def _numeral_suppress(self) -> list[int]:
        """The base set plus every token that writes a digit: the decoder must spell numbers."""
        numerals = {i for i in range(self.tokenizer.eot) if any(c.isdigit() for c in self.tokenizer.decode([i]))}
        return sorted(set(self._base_suppress) | numerals)

    # -- decoding ------------------------------------------------------------------------------

    def _encode(self, audio: np.ndarray, pad_s: float | None):
        if pad_s is None:
            features = pad_or_trim(self.model.feature_extractor(audio)[..., :-1])
        else:
            padded = np.concatenate([audio, np.zeros(int(pad_s * WHISPER_RATE), np.float32)])
            features = self.model.feature_extractor(padded)[..., :-1][..., : int(_WINDOW_S * _FRAMES_PER_S)]
        return self.model.encode(features)

    def _generate(self, encoded, prompt: list[int], beam: int, duration_s: float, *, suppress: list[int],
                  loop_guard: bool):
        max_new = int(10 + self.options.max_tokens_per_s * duration_s)
        result = self.model.model.generate(
            encoded,
            [prompt],
            beam_size=beam,
            num_hypotheses=max(1, min(beam, self.options.num_alternatives + 1)),
            max_length=min(self.model.max_length, len(prompt) + max_new),
            return_scores=True,
            return_no_speech_prob=True,
            suppress_blank=True,
            suppress_tokens=suppress,
            repetition_penalty=self.options.repetition_penalty if loop_guard else 1.0,
            no_repeat_ngram_size=self.options.no_repeat_ngram_size if loop_guard else 0,
        )[0]
        texts: list[str] = []
        for tokens in result.sequences_ids:
            text = self.tokenizer.decode(tokens).strip()
            if text not in texts:
                texts.append(text)
        best = result.sequences_ids[0]
        # CTranslate2 returns cum_logprob / length; Whisper averages over length + 1 (end of text).
        avg_logprob = result.scores[0] * len(best) / (len(best) + 1)
        capped = len(best) >= max_new - 1
        return texts, avg_logprob, result.no_speech_prob, capped

    def _decode_pass(self, audio: np.ndarray, encodings: dict, pad_s: float | None, prompt_text: str | None,
                     vocabulary: str, beam: int, *, suppress: list[int], loop_guard: bool):
        """One prompt decoded on a sized window, again on the full window if the guard trips.
        ``encodings`` caches the encoder output per window for the other passes of the turn."""
        duration_s = len(audio) / WHISPER_RATE

        def encoded(pad: float | None):
            if pad not in encodings:
                encodings[pad] = self._encode(audio, pad)
            return encodings[pad]

        prompt = self._prompt(prompt_text, vocabulary)
        window = encoded(pad_s)
        texts, avg, no_speech, capped = self._generate(window, prompt, beam, duration_s, suppress=suppress,
                                                       loop_guard=loop_guard)
        reason = suspicious(texts[0] if texts else "", capped, self.options.compression_ratio_threshold)
        if reason and pad_s is not None:
            window = encoded(None)
            texts, avg, no_speech, capped = self._generate(window, prompt, beam, duration_s, suppress=suppress,
                                                           loop_guard=True)
        extra = {"avg_logprob": avg, "no_speech_prob": no_speech, "window": "full" if reason or pad_s is None
                 else "sized", **({"guard": reason} if reason else {})}
        return window, texts, extra

    def _decode_utterance(self, audio: np.ndarray, vocabulary: str, beam: int, rescore: Rescorer | None,
                          complete: Completeness | None, stale: Stale | None,
                          settled: Settled | None = None) -> Transcript:
        o = self.options
        encodings: dict = {}
        if vocabulary == "digits":
            return self._decode_digits(audio, encodings, beam, rescore, complete, stale or (lambda: False), settled)
        prompt_text = PROMPTS.get(vocabulary, o.initial_prompt)
        with self._lock.hold(FIRST):
            encoded, texts, extra = self._decode_pass(audio, encodings, o.window_pad_s, prompt_text, vocabulary,
                                                      beam, suppress=self._base_suppress, loop_guard=True)
        texts = [t for t in texts if t]
        if self._silent(extra) or not texts:
            return Transcript("", (), 0.0, extra)
        return Transcript(texts[0], tuple(texts[1:]), 0.0, extra)

    def _decode_digits(self, audio: np.ndarray, encodings: dict, beam: int, rescore: Rescorer | None,
                       complete: Completeness | None, stale: Stale, settled: Settled | None = None) -> Transcript:
        """A number, in stages that stop as soon as the answer is plain: the free decode (numerals are
        few tokens: the cheap one), its candidates scored against the audio (``settled``: they single
        out one number), then the decode that must spell numbers in words (a PESEL's 40-60 tokens:
        the costly one, 1-4 s here; started beside the free decode when a worker is idle), then the
        same decode primed for pairs and for triples (``GROUPING_PROMPTS``), then all candidates
        scored. On 144 synthetic callers the top
        hypothesis of either decode that read literally as a valid PESEL (57 and 45 of them) was
        right every time."""
        o = self.options
        pad = o.digits_window_pad_s
        with self._lock.hold(FIRST):
            encodings[pad] = self._encode(audio, pad)
            # When a worker is idle, the words decode starts now, beside the free one: its result is
            # the same, and when the free decode does not settle the number (4 in 10 first PESEL
            # attempts) it is ready sooner. Otherwise it is started below, if it is needed.
            words_ahead = self._start_words_decode(audio, encodings, pad, beam)
            encoded, free_texts, extra = self._decode_pass(audio, encodings, pad, None, "digits", beam,
                                                           suppress=self._base_suppress, loop_guard=False)
        if self._silent(extra):
            return Transcript("", (), 0.0, extra)
        free_texts = [t for t in free_texts if t]
        if free_texts and complete is not None and complete(free_texts):
            return Transcript(free_texts[0], tuple(free_texts[1:]), 0.0, {**extra, "stage": "numerals"})
        if stale():  # the caller went on: the next pause transcribes everything again
            return Transcript(free_texts[0] if free_texts else "", tuple(free_texts[1:]), 0.0, {**extra, "stage": "stale"})
        scores: dict[str, float] = {}
        if free_texts and rescore is not None and settled is not None:
            self._score_rounds(encoded, free_texts, rescore, scores, stale)
            if settled(free_texts, scores):
                return Transcript(free_texts[0], tuple(free_texts[1:]), 0.0, {**extra, "stage": "numerals scored"},
                                  tuple(scores.items()))
            if stale():
                return Transcript(free_texts[0], tuple(free_texts[1:]), 0.0, {**extra, "stage": "stale"})
        word_texts = self._words_result(words_ahead, audio, encodings, pad, beam)
        word_texts = [t for t in word_texts if t]
        if word_texts and complete is not None and complete(word_texts):
            texts = list(dict.fromkeys([*word_texts, *free_texts]))
            return Transcript(texts[0], tuple(texts[1:]), 0.0, {**extra, "stage": "words"})
        grouped = [] if stale() else self._grouping_decodes(audio, encodings, pad, beam)
        # Interleaved, so each decode's n-th hypothesis ranks alike (the reader weighs by rank).
        texts = list(dict.fromkeys(t for row in zip_longest(word_texts, *grouped, free_texts) for t in row if t))
        if not texts:
            return Transcript("", (), 0.0, extra)
        scored: tuple[tuple[str, float], ...] = ()
        if rescore is not None and not stale():
            candidates = self._score_rounds(encoded, texts, rescore, scores, stale)
            scored = tuple((text, scores[text]) for text in candidates)
        return Transcript(texts[0], tuple(texts[1:]), 0.0, {**extra, "stage": "scored"}, scored)

    def _words_decode(self, audio: np.ndarray, encodings: dict, pad: float | None, beam: int,
                      prompt: str = WORDS_PROMPT) -> list[str]:
        """The decode primed to spell numbers in words (numeral tokens suppressed)."""
        _, texts, _ = self._decode_pass(audio, encodings, pad, prompt, "digits", beam,
                                        suppress=self._numeral_suppress, loop_guard=False)
        return texts

    def _grouping_decodes(self, audio: np.ndarray, encodings: dict, pad: float | None, beam: int) -> list[list[str]]:
        """The words decode once per ``GROUPING_PROMPTS`` prompt, beside each other when a worker is idle."""
        ahead = [None, *(self._start_words_decode(audio, encodings, pad, beam, p) for p in GROUPING_PROMPTS[1:])]
        return [self._words_result(future, audio, encodings, pad, beam, prompt)
                for prompt, future in zip(GROUPING_PROMPTS, ahead)]

    def _words_result(self, ahead: Future | None, audio: np.ndarray, encodings: dict, pad: float | None, beam: int,
                      prompt: str = WORDS_PROMPT) -> list[str]:
        """A words decode's texts: from its background run when one was started, else decoded now."""
        if ahead is not None:
            return ahead.result()
        with self._lock.hold(LATER):
            return self._words_decode(audio, encodings, pad, beam, prompt)

    def _start_words_decode(self, audio: np.ndarray, encodings: dict, pad: float | None,
                            beam: int, prompt: str = WORDS_PROMPT) -> Future | None:
        """A words decode in the background on a worker that is idle now (its slot is released when
        it ends, whether or not its result is used); None when every worker is busy or wanted."""
        if not self._lock.take_if_free(LATER):
            return None

        def run() -> list[str]:
            try:
                return self._words_decode(audio, encodings, pad, beam, prompt)
            finally:
                self._lock.release()

        try:
            return self._ahead.submit(run)
        except RuntimeError:  # the executor is shut down: decode in turn instead
            self._lock.release()
            return None

    def _score_rounds(self, encoded, hypotheses: Sequence[str], rescore: Rescorer, scores: dict[str, float],
                      stale: Stale) -> list[str]:
        """Score what ``rescore`` asks for, round after round, until it asks for nothing new (a
        text's score given the same audio never changes, so ``scores`` carries over between stages);
        returns the scored texts it asked for last, without repeats or empties."""
        for _round in range(_MAX_SCORING_ROUNDS):
            wanted = [t for t in dict.fromkeys(rescore(hypotheses, dict(scores))) if t]
            new = [t for t in wanted if t not in scores]
            if not new or stale():
                break
            with self._lock.hold(LATER):
                scores.update(zip(new, self._score(encoded, new)))
        return [t for t in wanted if t in scores]

    def _silent(self, extra: dict) -> bool:
        o = self.options
        return extra["no_speech_prob"] > o.no_speech_threshold and extra["avg_logprob"] < o.log_prob_threshold

    def _score(self, encoded, texts: Sequence[str]) -> list[float]:
        """log P(text | audio) for each text: the sum of the decoder's teacher-forced token
        log-probabilities (``align`` computes them for word timestamps)."""
        if not texts:
            return []
        frames = np.asarray(encoded)
        batch = ctranslate2.StorageView.from_array(np.repeat(frames, len(texts), axis=0))
        start = list(self.tokenizer.sot_sequence) + [self.tokenizer.no_timestamps]
        tokens = [self.tokenizer.encode(" " + text.strip()) for text in texts]
        results = self.model.model.align(batch, start, tokens, [frames.shape[1] * 2] * len(texts))
        return [float(np.log(np.maximum(np.asarray(r.text_token_probs, dtype=np.float64), 1e-12)).sum())
                for r in results]

    def _decode_long(self, audio: np.ndarray, vocabulary: str, beam: int) -> tuple[str, tuple[str, ...], float, dict]:
        segments, _info = self.model.transcribe(
            audio,
            language=self.options.language,
            beam_size=beam,
            no_speech_threshold=self.options.no_speech_threshold,
            log_prob_threshold=self.options.log_prob_threshold,
            suppress_tokens=self._base_suppress,
            initial_prompt=PROMPTS.get(vocabulary, self.options.initial_prompt),
            hotwords=self.options.hotwords if vocabulary == "free" else None,
            condition_on_previous_text=False,
            without_timestamps=True,
            # Long recordings are cut at pauses (faster-whisper's bundled Silero VAD) into pieces
            # of at most 30 s; a plain 30 s cut drops the words that straddle it and Whisper base
            # tends to stop early on a window full of several sentences.
            vad_filter=True,
        )
        text = " ".join(segment.text.strip() for segment in segments).strip()
        return text, (), 0.0, {"window": "long"}
