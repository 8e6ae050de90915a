"""A pipecat ``TTSService`` around any blocking ``Synthesizer``, speaking piece by piece.

Streaming: pipecat aggregates LLM text into sentences before ``run_tts``; a ``TTSSpeakFrame`` (how
the dialogue's ``Say`` arrives) reaches ``run_tts`` whole, so ``run_tts`` splits again and yields a
piece's audio before it starts synthesising the next. Synthesis runs in a worker thread
(``asyncio.to_thread``) so the event loop keeps moving audio, VAD and DTMF meanwhile.

Caching: the pieces of the texts given as ``cached_prompts`` (the dialogue's fixed texts,
``dialogue.fixed_texts``) are served from a ``PromptCache``, warmed in the background when the
pipeline starts (and at start-up by ``voicebot.call_services``). Any reply is spoken piece by piece
(sentences, cut after a colon: ``tts.sentences.speech_pieces``), and each piece that is one of them
comes from the cache, so a reply whose first sentence is fixed, or the head of it before a colon
("Zapisany numer PESEL to:"), starts at once whatever caller data follows. Nothing else is cached,
on purpose: a reply can hold a caller's amounts, which must not be kept (see ``tts.prompt_cache``).

Barge-in follows the base class: an ``InterruptionFrame`` drops the queued audio and cancels
``run_tts``; a piece already in its thread finishes there, unheard, and is discarded.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Iterable
from dataclasses import dataclass

from loguru import logger
from pipecat.audio.utils import create_file_resampler
from pipecat.frames.frames import (
    CancelFrame,
    EndFrame,
    ErrorFrame,
    Frame,
    StartFrame,
    TTSAudioRawFrame,
)
from pipecat.services.settings import TTSSettings
from pipecat.services.tts_service import TTSService
from pipecat.transcriptions.language import Language

from tts.engine import Synthesizer, TTSError, cache_key_of
from tts.pcm import chunks
from tts.prompt_cache import PromptCache
from tts.sentences import normalize, pieces_of, speech_pieces


@dataclass
class SynthesizerTTSSettings(TTSSettings):
    """Settings for ``SynthesizerTTSService`` (voice and language are informational)."""


class SynthesizerTTSService(TTSService):
    """Speaks with a local ``Synthesizer``; subclasses only choose which one."""

    Settings = SynthesizerTTSSettings
    _settings: Settings

    def __init__(
        self,
        *,
        synthesizer: Synthesizer,
        cached_prompts: Iterable[str] = (),
        prompt_cache: PromptCache | None = None,
        chunk_ms: int = 40,
        language: Language | str = Language.PL,
        settings: Settings | None = None,
        **kwargs,
    ) -> None:
        """
        Args:
            synthesizer: the engine; shared between calls is fine (engines are thread-safe).
            cached_prompts: fixed texts; each of their pieces is served from the prompt cache.
            prompt_cache: a cache to share between services (one per process per voice);
                by default a memory-only cache of this service's own.
            chunk_ms: duration of each ``TTSAudioRawFrame`` (20-40 ms suits phone transports).
            language: sentence-splitting rules (and pipecat's own text aggregation).
            **kwargs: passed to ``TTSService`` (e.g. ``sample_rate``).
        """
        default_settings = self.Settings(
            model=None, voice=cache_key_of(synthesizer), language=language
        )
        if settings is not None:
            default_settings.apply_update(settings)
        super().__init__(
            push_start_frame=True,
            push_stop_frames=True,
            settings=default_settings,
            **kwargs,
        )
        if prompt_cache is not None and prompt_cache.synthesizer is not synthesizer:
            raise ValueError("prompt_cache belongs to another synthesizer")
        self._synthesizer = synthesizer
        self._prompt_cache = prompt_cache or PromptCache(synthesizer)
        self._chunk_ms = chunk_ms
        self._split_language = str(language).split("-")[0].lower() or "pl"
        # Cached per piece: the unit a reply is spoken in, whatever fixed texts it joins.
        self._cached_prompts = frozenset(pieces_of(cached_prompts, self._split_language))
        self._resampler = create_file_resampler()  # whole sentences: no stream state to carry
        self._warm_task: asyncio.Task | None = None

    @property
    def synthesizer(self) -> Synthesizer:
        return self._synthesizer

    @property
    def prompt_cache(self) -> PromptCache:
        return self._prompt_cache

    def can_generate_metrics(self) -> bool:
        return True

    async def start(self, frame: StartFrame):
        await super().start(frame)
        if self._cached_prompts:
            self._warm_task = self.create_task(self._warm(), name="tts-prompt-warm")

    async def stop(self, frame: EndFrame):
        await self._stop_warming()
        await super().stop(frame)

    async def cancel(self, frame: CancelFrame):
        await self._stop_warming()
        await super().cancel(frame)

    async def warm_prompts(self) -> None:
        """Synthesise every cached prompt now (``start`` also does this, in the background)."""
        await asyncio.to_thread(self._prompt_cache.warm, sorted(self._cached_prompts))

    async def run_tts(self, text: str, context_id: str) -> AsyncGenerator[Frame, None]:
        try:
            await self.start_tts_usage_metrics(text)
            for piece in self._pieces(text):
                pcm = await asyncio.to_thread(self._audio_for, piece)
                await self.stop_ttfb_metrics()
                pcm = await self._resampler.resample(
                    pcm, self._synthesizer.sample_rate, self.sample_rate
                )
                for chunk in chunks(pcm, self.sample_rate, self._chunk_ms):
                    yield TTSAudioRawFrame(chunk, self.sample_rate, 1, context_id=context_id)
        except Exception as exc:
            # The text may hold a caller's data: name the failure, never the words.
            logger.error(f"{self}: synthesis failed: {_describe(exc)}")
            yield ErrorFrame(error=f"TTS synthesis failed ({type(exc).__name__})")
        finally:
            await self.stop_ttfb_metrics()

    def _pieces(self, text: str) -> list[str]:
        return speech_pieces(text, self._split_language)

    def _audio_for(self, piece: str) -> bytes:
        """Runs in a worker thread."""
        if normalize(piece) in self._cached_prompts:
            return self._prompt_cache.get(piece)
        return self._synthesizer.synthesize(piece)

    async def _warm(self) -> None:
        try:
            await self.warm_prompts()
        except Exception as exc:  # a prompt that fails now is synthesised (and fails) on use
            logger.warning(f"{self}: warming prompts failed: {_describe(exc)}")

    async def _stop_warming(self) -> None:
        if self._warm_task is not None:
            await self.cancel_task(self._warm_task)
            self._warm_task = None


def _describe(exc: Exception) -> str:
    """Our own errors say what failed without the text; a foreign message might quote it."""
    return f"{type(exc).__name__}: {exc}" if isinstance(exc, TTSError) else type(exc).__name__
