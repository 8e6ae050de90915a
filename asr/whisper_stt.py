"""A turn-level pipecat STT service for faster-whisper that transcribes during the caller's pauses.

pipecat's stock ``WhisperSTTService`` (a ``SegmentedSTTService``) transcribes each VAD segment once
the VAD has heard ``stop_secs`` of silence, on a 30 s window, and a caller who reads a PESEL in
groups becomes several unrelated segments. This service instead keeps the audio of the whole user
turn and, at every pause, transcribes the turn *so far* in the background — speculatively from the
moment the VAD stops hearing speech (``UserPausedFrame``, ~0.16 s before it reports the stop), held
back until the stop is reported and thrown away if the caller goes on (``UserResumedFrame``). When
the turn-taking model then decides the caller has finished, the transcript of everything they said
is usually ready. Each transcript covers the whole turn and supersedes the previous one
(``result["supersedes"]``); a result overtaken by more speech is dropped, never pushed.

Other differences: a shared ``WhisperRecognizer`` (threads, beam, compute type chosen by us, loaded
once per process, windows sized to the utterance), Whisper's own no-speech rule, the listening mode
and what it expects (``VocabularyFrame``), and through ``asr.hints.TurnHints`` the candidate numbers
of a digits turn scored against the audio and ``result["answer_complete"]`` when the caller has
plainly finished their turn (``TurnHints.turn_over``; ``voicebot.turns`` may then end it at once).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Any

from loguru import logger
from pipecat.frames.frames import (
    Frame,
    UserStoppedSpeakingFrame,
    VADUserStartedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.processors.frame_processor import FrameDirection
from pipecat.services.settings import STTSettings
from pipecat.services.stt_service import STTService
from pipecat.transcriptions.language import Language

from asr.engine import check_vocabulary
from asr.frames import UserPausedFrame, UserResumedFrame, VocabularyFrame, final_transcription
from asr.hints import TurnHints, decode_hooks
from asr.whisper_engine import WhisperRecognizer

# Audio kept from before the VAD noticed speech (its start_secs plus margin).
PRE_ROLL_S = 0.5
# A turn longer than this is cut from the front (a caller reading a letter aloud).
MAX_TURN_S = 60.0


@dataclass(frozen=True)
class _Request:
    audio: bytes
    generation: int
    vocabulary: str
    expect: Any
    turn: int


class FasterWhisperSTTService(STTService):
    """Transcribes the user turn so far at each pause; the last transcript of a turn is final."""

    def __init__(
        self,
        *,
        recognizer: WhisperRecognizer,
        vocabulary: str = "free",
        language: Language = Language.PL,
        hints: TurnHints | None = None,
        **kwargs,
    ):
        # The turn-taking strategy waits at most this long after the VAD stop for a transcript.
        kwargs.setdefault("ttfs_p99_latency", 1.5)
        super().__init__(settings=STTSettings(model=str(recognizer.model_dir), language=language), **kwargs)
        self._recognizer = recognizer
        self._language = language
        self._vocabulary = check_vocabulary(vocabulary)
        self._expect: Any = None
        self._hints = hints
        self._pre_roll = bytearray()
        self._turn = bytearray()
        self._turn_open = False
        self._speaking = False
        # Bumped whenever the caller speaks again: a decode started before is stale.
        self._generation = 0
        self._turn_seq = 0
        # The VAD has reported the stop of the speech the newest generation heard.
        self._vad_stopped = False
        # A decode is under way (or queued) for this generation, started at a pause.
        self._speculated_generation = -1
        # A finished transcript waiting for the VAD to report the stop.
        self._held: Frame | None = None
        # Requests not started yet, oldest first: at most one per turn (the newest audio of it).
        self._pending: list[_Request] = []
        self._wake = asyncio.Event()
        self._worker: asyncio.Task | None = None

    @property
    def vocabulary(self) -> str:
        return self._vocabulary

    def can_generate_metrics(self) -> bool:
        return True

    async def start(self, frame):
        await super().start(frame)
        self._worker = self.create_task(self._decode_loop(), name="whisper-turn-decoder")

    async def stop(self, frame):
        await self._stop_worker()
        await super().stop(frame)

    async def cancel(self, frame):
        await self._stop_worker()
        await super().cancel(frame)

    async def _stop_worker(self) -> None:
        if self._worker is not None:
            await self.cancel_task(self._worker)
            self._worker = None

    # ---- frames ---------------------------------------------------------------------------------

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        if isinstance(frame, VocabularyFrame):
            self._vocabulary = frame.vocabulary
            self._expect = frame.expect
        elif isinstance(frame, VADUserStartedSpeakingFrame):
            self._speaking = True
            # More speech: this turn's decodes so far are stale (``_stale``). A turn already closed
            # is not: its transcript is still owed, though its decode may be running now.
            self._new_generation()
            if not self._turn_open:
                self._turn_open = True
                self._turn_seq += 1
                self._turn = bytearray(self._pre_roll)
        elif isinstance(frame, UserPausedFrame):
            if self._turn_open and self._turn:
                self._speculated_generation = self._generation
                self._schedule(bytes(self._turn))
        elif isinstance(frame, UserResumedFrame):
            self._new_generation()
        elif isinstance(frame, VADUserStoppedSpeakingFrame):
            self._speaking = False
            self._vad_stopped = True
            if self._held is not None:
                held, self._held = self._held, None
                await self.push_frame(held)
            elif self._speculated_generation != self._generation and self._turn_open and self._turn:
                self._schedule(bytes(self._turn))
        elif isinstance(frame, UserStoppedSpeakingFrame):
            # The turn-taking model closed the turn: the next speech starts a new one.
            self._turn_open = False
            self._turn = bytearray()
        await super().process_frame(frame, direction)

    async def run_stt(self, audio: bytes) -> AsyncGenerator[Frame | None, None]:
        if self._turn_open:
            self._turn += audio
            limit = int(MAX_TURN_S * self.sample_rate) * 2
            if len(self._turn) > limit:
                del self._turn[: len(self._turn) - limit]
        else:
            self._pre_roll += audio
            limit = int(PRE_ROLL_S * self.sample_rate) * 2
            if len(self._pre_roll) > limit:
                del self._pre_roll[: len(self._pre_roll) - limit]
        return
        yield  # an async generator that yields nothing: transcripts are pushed by the decoder

    # ---- decoding ---------------------------------------------------------------------------------

    def _new_generation(self) -> None:
        """More speech: whatever was transcribed or held for the earlier audio is stale."""
        self._generation += 1
        self._vad_stopped = False
        self._held = None

    def _schedule(self, audio: bytes) -> None:
        # Within a turn only the newest request matters (it covers all the audio): an older one not
        # yet started is replaced. A closed turn's request stays queued.
        request = _Request(audio, self._generation, self._vocabulary, self._expect, self._turn_seq)
        self._pending = [p for p in self._pending if p.turn != request.turn] + [request]
        # A transcript held for this turn covers less than the new request: the stop must not push it.
        self._held = None
        self._wake.set()

    def _superseded(self, request: _Request) -> bool:
        """A newer request of the same turn is queued: it covers all this one's audio and more."""
        return any(p.turn == request.turn for p in self._pending)

    def _stale(self, request: _Request) -> bool:
        """The caller spoke again in the same turn after this audio was taken."""
        return request.turn == self._turn_seq and request.generation != self._generation

    def _overtaken(self, request: _Request) -> bool:
        """Its transcript would be thrown away: more speech came, or a newer request covers it.

        Also the recogniser's early exit (read from the decoding thread): a digits turn's extra
        decodes stop as soon as the result cannot be used, and the newer request starts sooner."""
        return self._stale(request) or self._superseded(request)

    async def _decode_loop(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._pending:
                request = self._pending.pop(0)
                if self._stale(request):
                    continue
                try:
                    await self._decode(request)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # a failed decode loses one transcript, not the call
                    logger.error(f"{self}: transcription failed ({type(exc).__name__})")
                    await self.push_error(f"{self}: transcription failed", exception=exc)

    async def _decode(self, request: _Request) -> None:
        hints = self._hints
        hooks = decode_hooks(hints, request.vocabulary, request.expect)
        turn_seq = request.turn
        await self.start_processing_metrics()
        transcript = await asyncio.to_thread(
            self._recognizer.transcribe, request.audio, self.sample_rate, request.vocabulary,
            stale=lambda: self._overtaken(request), **hooks,
        )
        await self.stop_processing_metrics()
        if self._overtaken(request):
            logger.debug(f"{self}: transcript overtaken by more speech, dropped")
            return
        if not transcript.text:
            logger.debug(f"{self}: no speech in the turn so far")
            return
        logger.debug(f"{self}: transcript ({len(transcript.text)} chars, {request.vocabulary}, "
                     f"{transcript.extra.get('window', '?')} window)")
        frame = final_transcription(transcript, user_id=self._user_id, language=self._language, engine="whisper",
                                    vocabulary=request.vocabulary)
        frame.result["supersedes"] = True
        frame.result["turn"] = turn_seq
        if hints is not None:
            hypotheses = [transcript.text, *transcript.alternatives]
            frame.result["answer_complete"] = hints.turn_over(request.vocabulary, request.expect, hypotheses)
        frame.finalized = True
        if turn_seq == self._turn_seq and not self._vad_stopped:
            self._held = frame  # speculative: pushed when the VAD reports the stop
            return
        await self.push_frame(frame)  # the stop was reported (or the turn is over already)
