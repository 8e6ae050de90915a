"""The STT services inside a real pipecat pipeline, fed audio and VAD frames like a call's."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from pipecat.frames.frames import (
    EndFrame,
    Frame,
    InputAudioRawFrame,
    InterimTranscriptionFrame,
    StartFrame,
    TranscriptionFrame,
    UserStoppedSpeakingFrame,
    VADUserStartedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor
from pipecat.transcriptions.language import Language
from pipecat.workers.runner import WorkerRunner

from asr.audio import phone_line, read_audio_file, resample_pcm16
from asr.factory import create_stt_service
from asr.frames import UserPausedFrame, UserResumedFrame, VocabularyFrame
from dialogue.speech import digits_words


def spoken_digits(digits: str) -> str:
    return ", ".join(digits_words(d) for d in digits) + "."


class Collector(FrameProcessor):
    def __init__(self):
        super().__init__()
        self.frames: list[Frame] = []
        self._changed = asyncio.Event()

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        await super().process_frame(frame, direction)
        if direction == FrameDirection.DOWNSTREAM and not isinstance(frame, StartFrame):
            self.frames.append(frame)
            self._changed.set()
        await self.push_frame(frame, direction)

    def of(self, kind):
        return [frame for frame in self.frames if type(frame) is kind]

    async def wait_for(self, condition, timeout: float = 60.0):
        """Liveness only: fail if it never comes; how fast is not asserted."""

        async def loop():
            while not condition():
                self._changed.clear()
                await self._changed.wait()

        await asyncio.wait_for(loop(), timeout)


class Call:
    """[STT service, collector] run by pipecat's worker and runner at a given input rate."""

    def __init__(self, stt, sample_rate: int):
        self.rate = sample_rate
        self.collector = Collector()
        self.worker = PipelineWorker(
            Pipeline([stt, self.collector]),
            params=PipelineParams(audio_in_sample_rate=sample_rate),
            cancel_on_idle_timeout=False,
        )
        self._started = asyncio.Event()

        @self.worker.event_handler("on_pipeline_started")
        async def _started(worker, frame):
            self._started.set()

    async def __aenter__(self):
        runner = WorkerRunner(handle_sigint=False)
        await runner.add_workers(self.worker)
        self._task = asyncio.create_task(runner.run())
        await asyncio.wait_for(self._started.wait(), 20)
        return self

    async def __aexit__(self, *exc):
        await self.worker.queue_frame(EndFrame())
        await asyncio.wait_for(self._task, 60)

    async def audio(self, pcm: bytes, chunk_s: float = 0.02):
        step = int(self.rate * chunk_s) * 2
        for start in range(0, len(pcm), step):
            chunk = pcm[start : start + step]
            await self.worker.queue_frame(InputAudioRawFrame(chunk, self.rate, 1))
        await asyncio.sleep(0)

    async def utterance(self, pcm: bytes):
        """Silence, VAD start, speech, silence, VAD stop: what the VAD processor would send."""
        silence = bytes(int(self.rate * 0.3) * 2)
        await self.audio(silence)
        await self.worker.queue_frame(VADUserStartedSpeakingFrame(start_secs=0.2))
        await self.audio(pcm + silence)
        await self.worker.queue_frame(VADUserStoppedSpeakingFrame(stop_secs=0.3))

    async def start_and_pause(self, pcm: bytes):
        """The caller starts a turn, says ``pcm`` and pauses (the pause detector's frame, not a stop)."""
        await self.worker.queue_frame(VADUserStartedSpeakingFrame(start_secs=0.2))
        await self.audio(pcm)
        await self.worker.queue_frame(UserPausedFrame())

    async def end_turn(self):
        """What the turn-taking processor broadcasts when it decides the caller has finished."""
        await self.worker.queue_frame(UserStoppedSpeakingFrame())


def two_clips(cv_clips) -> tuple[bytes, bytes, int]:
    """The first two Common Voice clips' audio and their (shared) sample rate."""
    first, rate = read_audio_file(cv_clips[0].path)
    second, _ = read_audio_file(cv_clips[1].path)
    return first, second, rate


def assert_one_transcript_of_both_clips(call: Call, cv_clips) -> None:
    """The caller's two clips in one turn came out as one transcript, covering both."""
    finals = call.collector.of(TranscriptionFrame)
    assert len(finals) == 1
    words = len(cv_clips[0].reference.split()) + len(cv_clips[1].reference.split())
    assert len(finals[0].text.split()) >= words - 2


async def test_whisper_service_in_a_pipeline_at_8khz(whisper, models_dir, cv_clips, polish_digits):
    stt = create_stt_service("whisper", models_dir, recognizer=whisper)
    clip = cv_clips[2]
    speech, rate = phone_line(*read_audio_file(clip.path))
    digits = resample_pcm16(polish_digits[0], polish_digits[1], 8000)
    async with Call(stt, 8000) as call:
        await call.utterance(speech)
        await call.collector.wait_for(lambda: len(call.collector.of(TranscriptionFrame)) >= 1)
        await call.end_turn()
        await call.worker.queue_frame(VocabularyFrame(vocabulary="digits"))
        await call.utterance(digits)
        await call.collector.wait_for(lambda: len(call.collector.of(TranscriptionFrame)) >= 2)
    first, second = call.collector.of(TranscriptionFrame)
    assert "powietrzu" in first.text.lower()  # 8 kHz input was resampled, not read as 16 kHz
    assert first.language == Language.PL
    assert first.result["engine"] == "whisper"
    assert first.result["vocabulary"] == "free"
    assert first.result["asr_ms"] > 0
    assert isinstance(first.result["alternatives"], list)
    assert second.result["vocabulary"] == "digits"
    assert first.finalized and second.finalized
    # Two turns: each transcript belongs to its own.
    assert first.result["turn"] != second.result["turn"]
    # The vocabulary frame travels on past the service for anyone else who cares.
    assert call.collector.of(VocabularyFrame)


async def test_whisper_service_transcribes_the_whole_turn_at_each_pause(whisper, models_dir, cv_clips):
    """A caller who pauses mid-turn: the transcript after the pause covers both parts and
    supersedes the one pushed at the first pause."""
    stt = create_stt_service("whisper", models_dir, recognizer=whisper)
    first_part, second_part, rate = two_clips(cv_clips)
    async with Call(stt, rate) as call:
        await call.utterance(first_part)
        await call.collector.wait_for(lambda: len(call.collector.of(TranscriptionFrame)) >= 1)
        await call.utterance(second_part)  # the same turn: no UserStoppedSpeakingFrame between
        await call.collector.wait_for(lambda: len(call.collector.of(TranscriptionFrame)) >= 2)
    early, whole = call.collector.of(TranscriptionFrame)
    assert early.result["turn"] == whole.result["turn"] and whole.result["supersedes"]
    assert len(whole.text.split()) > len(early.text.split())
    assert early.text.split()[0].lower() == whole.text.split()[0].lower()


async def test_whisper_service_drops_a_transcript_overtaken_by_speech(whisper, models_dir, cv_clips):
    """The caller speaks again while the pause's transcription runs: that result is stale and is
    never pushed; the next pause's transcript covers everything."""
    stt = create_stt_service("whisper", models_dir, recognizer=whisper)
    first, second, rate = two_clips(cv_clips)
    async with Call(stt, rate) as call:
        await call.utterance(first)
        await call.worker.queue_frame(VADUserStartedSpeakingFrame(start_secs=0.2))  # at once: still decoding
        await call.audio(second)
        await call.worker.queue_frame(VADUserStoppedSpeakingFrame(stop_secs=0.2))
        await call.collector.wait_for(lambda: len(call.collector.of(TranscriptionFrame)) >= 1)
        await asyncio.sleep(1.0)
    assert_one_transcript_of_both_clips(call, cv_clips)


async def test_whisper_service_keeps_a_closed_turns_transcript_when_the_caller_goes_on(whisper, models_dir, cv_clips):
    """The turn-taking model closed the turn and the caller speaks again at once, while that turn is
    still being transcribed (a loaded machine): the closed turn's transcript still arrives, then the
    new turn's — nothing the caller said is lost."""
    stt = create_stt_service("whisper", models_dir, recognizer=whisper)
    first, second, rate = two_clips(cv_clips)
    async with Call(stt, rate) as call:
        await call.utterance(first)
        await call.end_turn()
        await call.worker.queue_frame(VADUserStartedSpeakingFrame(start_secs=0.2))  # at once: still decoding
        await call.audio(second)
        await call.worker.queue_frame(VADUserStoppedSpeakingFrame(stop_secs=0.2))
        await call.collector.wait_for(lambda: len(call.collector.of(TranscriptionFrame)) >= 2)
    early, late = call.collector.of(TranscriptionFrame)
    assert early.result["turn"] != late.result["turn"]
    assert len(early.text.split()) >= len(cv_clips[0].reference.split()) - 2
    assert len(late.text.split()) >= len(cv_clips[1].reference.split()) - 2


class FirstDecodeWaitsToBeCalledOff:
    """The real recogniser, but its first decode first waits (up to 20 s) for the service's early-exit
    callback to say the result is of no use, and records whether it did."""

    def __init__(self, recognizer):
        self._recognizer = recognizer
        self.first_decode_started = threading.Event()
        self.first_decode_called_off: bool | None = None

    def __getattr__(self, name):
        return getattr(self._recognizer, name)

    def transcribe(self, *args, stale=None, **kwargs):
        if not self.first_decode_started.is_set():
            self.first_decode_started.set()
            deadline = time.monotonic() + 20
            while not (stale and stale()) and time.monotonic() < deadline:
                time.sleep(0.05)
            self.first_decode_called_off = bool(stale and stale())
        return self._recognizer.transcribe(*args, stale=stale, **kwargs)


async def test_whisper_service_calls_off_a_decode_a_newer_request_of_the_turn_covers(whisper, models_dir, cv_clips):
    """A second pause in the same turn (its resumption unreported) queues a decode of the whole turn:
    the first decode's result would be dropped, so the recogniser is told to stop its extra work
    (a digits turn's further decodes), and the newer decode starts sooner."""
    recognizer = FirstDecodeWaitsToBeCalledOff(whisper)
    stt = create_stt_service("whisper", models_dir, recognizer=recognizer)
    first, second, rate = two_clips(cv_clips)
    async with Call(stt, rate) as call:
        await call.start_and_pause(first)
        await asyncio.wait_for(asyncio.to_thread(recognizer.first_decode_started.wait), 20)
        await call.audio(second)
        await call.worker.queue_frame(UserPausedFrame())
        await call.worker.queue_frame(VADUserStoppedSpeakingFrame(stop_secs=0.2))
        await call.collector.wait_for(lambda: call.collector.of(TranscriptionFrame))
        await asyncio.sleep(1.0)
    assert recognizer.first_decode_called_off is True
    assert_one_transcript_of_both_clips(call, cv_clips)


@pytest.mark.parametrize("resumption_reported", [True, False])
async def test_whisper_service_starts_at_the_pause_and_speaks_at_the_stop(whisper, models_dir, cv_clips,
                                                                          resumption_reported):
    """Transcription starts when speech pauses; the transcript waits for the VAD's stop, and one
    started at a pause the caller talked through is never pushed. Also when the VAD did not report
    the resumption (it sees only the last state of a chunk of audio): that transcript of half the
    turn, pushed at the stop, closed the turn, and the whole one came after as a turn of its own
    (CI, stop 29)."""
    stt = create_stt_service("whisper", models_dir, recognizer=whisper)
    first, second, rate = two_clips(cv_clips)
    async with Call(stt, rate) as call:
        await call.start_and_pause(first)
        await asyncio.sleep(2.0)  # long enough for the decode: it is held, not pushed
        assert not call.collector.of(TranscriptionFrame)
        if resumption_reported:
            await call.worker.queue_frame(UserResumedFrame())  # the caller goes on
        await call.audio(second)
        await call.worker.queue_frame(UserPausedFrame())
        if resumption_reported:
            await asyncio.sleep(2.0)
            assert not call.collector.of(TranscriptionFrame)
        # Unreported: the stop comes at once, while the whole turn is still being transcribed.
        await call.worker.queue_frame(VADUserStoppedSpeakingFrame(stop_secs=0.2))
        await call.collector.wait_for(lambda: call.collector.of(TranscriptionFrame))
        await asyncio.sleep(1.0)
    assert_one_transcript_of_both_clips(call, cv_clips)


async def test_whisper_service_scores_candidates_of_the_number_it_expects(whisper, models_dir, rhvoice_pesel):
    """A digits turn with an expectation: the rescorer proposes texts and each comes back with
    log P(text | audio); the caller's number, rendered as said, beats a number with other digits."""
    pcm, rate, pesel, said = rhvoice_pesel
    other = "".join(str((int(d) + 5) % 10) for d in pesel)
    asked: list[list[str]] = []

    class Hints:
        def texts_to_score(self, vocabulary, expect, hypotheses, scored):
            assert (vocabulary, expect) == ("digits", "pesel-please")
            asked.append(list(hypotheses))
            return [said, said.replace(said.split(",")[0], "dziewięćset dziewięćdziesiąt"), spoken_digits(other)]

        def answer_complete(self, vocabulary, expect, hypotheses):
            return False  # never plain: every stage runs and the candidates are scored

        def turn_over(self, vocabulary, expect, hypotheses):
            return False

        def number_settled(self, vocabulary, expect, hypotheses, scored):
            return False

    stt = create_stt_service("whisper", models_dir, recognizer=whisper, hints=Hints())
    async with Call(stt, rate) as call:
        await call.worker.queue_frame(VocabularyFrame(vocabulary="digits", expect="pesel-please"))
        await call.utterance(pcm)
        await call.collector.wait_for(lambda: call.collector.of(TranscriptionFrame))
    frame = call.collector.of(TranscriptionFrame)[0]
    scores = dict(frame.result["scored"])
    assert asked and asked[-1][0] == frame.text  # the hypotheses, best first
    assert set(scores) == {said, said.replace(said.split(",")[0], "dziewięćset dziewięćdziesiąt"), spoken_digits(other)}
    assert all(score < 0 for score in scores.values())
    assert scores[said] > scores[spoken_digits(other)]
    assert frame.result["answer_complete"] is False


async def test_vosk_service_streams_partials_and_a_final(vosk_ko, models_dir, korean_speech, korean_numbers):
    stt = create_stt_service("vosk", models_dir, recognizer=vosk_ko)
    speech = resample_pcm16(*korean_speech, 8000)
    numbers = resample_pcm16(*korean_numbers, 8000)
    async with Call(stt, 8000) as call:
        await call.utterance(speech)
        await call.collector.wait_for(lambda: len(call.collector.of(TranscriptionFrame)) >= 1)
        await call.worker.queue_frame(VocabularyFrame(vocabulary="digits"))
        await call.utterance(numbers)
        await call.collector.wait_for(lambda: len(call.collector.of(TranscriptionFrame)) >= 2)
    frames = call.collector.frames
    finals = call.collector.of(TranscriptionFrame)
    partials = call.collector.of(InterimTranscriptionFrame)
    assert len(partials) >= 2
    # Partials come while the caller speaks, before the final of that utterance.
    assert frames.index(partials[0]) < frames.index(finals[0])
    first, second = finals
    assert first.result["engine"] == "vosk" and first.result["vocabulary"] == "free"
    assert first.finalized
    assert second.result["vocabulary"] == "digits"
    assert set(second.text.split()) <= {"하나", "둘", "셋", "넷"}


async def test_vosk_service_without_vad_uses_its_own_endpointing(vosk_ko, models_dir, korean_speech):
    stt = create_stt_service("vosk", models_dir, recognizer=vosk_ko)
    speech = resample_pcm16(*korean_speech, 16000)
    async with Call(stt, 16000) as call:
        await call.audio(speech + bytes(16000 * 2 * 2))  # two seconds of silence after it
        await call.collector.wait_for(lambda: call.collector.of(TranscriptionFrame))
    assert call.collector.of(TranscriptionFrame)[0].text


def test_vocabulary_frame_survives_interruptions_and_checks_its_value():
    assert VocabularyFrame(vocabulary="yes_no").interruptible is False
    with pytest.raises(ValueError):
        VocabularyFrame(vocabulary="everything")


def test_auto_engine_is_whisper_without_a_polish_vosk_model(models_dir):
    from asr.factory import resolve_engine

    assert resolve_engine("auto", models_dir) == "whisper"
    assert resolve_engine("auto", models_dir, vosk_model="vosk-ko-test") == "whisper"  # not Polish
    assert resolve_engine("vosk", models_dir) == "vosk"


def test_auto_engine_is_vosk_with_a_polish_vosk_model(tmp_path):
    from asr.factory import resolve_engine

    model = tmp_path / "vosk-small-pl"
    (model / "am").mkdir(parents=True)
    (model / "am" / "final.mdl").write_bytes(b"stand-in")
    assert resolve_engine("auto", tmp_path) == "vosk"
