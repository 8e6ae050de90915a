"""The voice adapter's turn bookkeeping: which transcripts become one caller turn for the engine.

Frames go through the real ``DialogueProcessor`` in a pipecat test pipeline, with the real engine
(keyword rules). What the engine is handed is read off the session's inbox."""

from __future__ import annotations

import pytest
from pipecat.audio.dtmf.types import KeypadEntry
from pipecat.frames.frames import (
    InputDTMFFrame,
    TranscriptionFrame,
    UserStartedSpeakingFrame,
    UserStoppedSpeakingFrame,
    VADUserStartedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.tests.utils import SleepFrame, run_test

from asr.frames import UserSpeechFalseStartFrame, UserSpeechStartingFrame
from dialogue import events as E
from dialogue.engine import DialogueEngine
from dialogue.keyword_nlu import KeywordNlu
from voicebot.call_record import CallRecord, read_call_record
from voicebot.dialogue_processor import DialogueProcessor

FIRST_WORDS = "Dzień dobry, mam pytanie"
WHOLE_TURN = "Dzień dobry, mam pytanie o akcyzę na samochód"


def whisper_transcript(text: str, turn: int) -> list:
    """As ``asr.whisper_stt`` pushes it: the whole turn so far, superseding the turn's earlier ones.

    A moment passes after it, as on a line: a transcript is a data frame, queued behind the frames
    before it, while the speech and turn frames are system frames that overtake the queue."""
    return [TranscriptionFrame(text, "", "2026-12-04T05:00:00", result={"supersedes": True, "turn": turn}),
            SleepFrame(0.05)]


@pytest.fixture
def processor(tmp_path):
    made = DialogueProcessor(engine=DialogueEngine(KeywordNlu()), executor=None,
                             record=CallRecord(tmp_path / "calls", "turns"), late_transcript_wait_s=0.5,
                             resumption_wait_s=0.5)
    made.transcripts = []
    made.handed = []  # what the engine is handed, in order: a transcript's text, or "a key"
    put = made.session.put

    async def put_and_keep(event):
        if isinstance(event, E.Transcript):
            made.transcripts.append(event.text)
            made.handed.append(event.text)
        elif isinstance(event, E.KeyPress):
            made.handed.append("a key")
        await put(event)

    made.session.put = put_and_keep
    return made


def speech(seconds: float = 0.05) -> list:
    return [VADUserStartedSpeakingFrame(), SleepFrame(seconds), VADUserStoppedSpeakingFrame()]


async def test_a_turn_closed_before_its_last_words_are_transcribed_waits_for_them(processor):
    """The caller paused, went on, and the turn ended before the whole-turn transcript came: the
    engine hears the whole turn once, not its first words and then all of it again."""
    await run_test(processor, frames_to_send=[
        UserStartedSpeakingFrame(), *speech(), *whisper_transcript(FIRST_WORDS, 1),
        *speech(), UserStoppedSpeakingFrame(),
        SleepFrame(0.2), *whisper_transcript(WHOLE_TURN, 1), SleepFrame(0.2),
    ])
    assert processor.transcripts == [WHOLE_TURN]


async def test_a_turn_whose_transcript_is_complete_is_acted_on_at_once(processor):
    await run_test(processor, frames_to_send=[
        UserStartedSpeakingFrame(), *speech(), *whisper_transcript(WHOLE_TURN, 1), UserStoppedSpeakingFrame(),
        SleepFrame(0.1),
    ])
    assert processor.transcripts == [WHOLE_TURN]


async def test_when_the_last_words_never_come_the_earlier_ones_are_not_lost(processor):
    """The recogniser found nothing in the later speech (or failed): after the wait, the engine
    acts on what was heard."""
    await run_test(processor, frames_to_send=[
        UserStartedSpeakingFrame(), *speech(), *whisper_transcript(FIRST_WORDS, 1),
        *speech(), UserStoppedSpeakingFrame(), SleepFrame(1.0),
    ])
    assert processor.transcripts == [FIRST_WORDS]
    assert "late_transcript_wait_expired" in kinds_recorded(processor)


async def test_a_caller_who_speaks_again_first_gets_the_earlier_turn_answered_first(processor):
    await run_test(processor, frames_to_send=[
        UserStartedSpeakingFrame(), *speech(), *whisper_transcript(FIRST_WORDS, 1),
        *speech(), UserStoppedSpeakingFrame(),
        UserStartedSpeakingFrame(), *speech(), *whisper_transcript("Chodzi o akcyzę", 2), UserStoppedSpeakingFrame(),
        SleepFrame(0.2),
    ])
    assert processor.transcripts == [FIRST_WORDS, "Chodzi o akcyzę"]


async def test_a_hang_up_while_waiting_keeps_the_words_in_the_call_record(processor):
    await run_test(processor, frames_to_send=[
        UserStartedSpeakingFrame(), *speech(), *whisper_transcript(FIRST_WORDS, 1),
        *speech(), UserStoppedSpeakingFrame(),
    ])
    heard = [e["text"] for e in read_call_record(processor.session.record.path) if e["type"] == "transcript"]
    assert heard == [FIRST_WORDS]


def kinds_recorded(processor) -> list[str]:
    return [e["type"] for e in read_call_record(processor.session.record.path)]


async def test_a_recogniser_of_segments_is_not_waited_for(processor):
    """Only a whole-turn recogniser promises a transcript after more speech; a segment recogniser
    may have found nothing in it."""
    segment = TranscriptionFrame(FIRST_WORDS, "", "2026-12-04T05:00:00")
    await run_test(processor, frames_to_send=[
        UserStartedSpeakingFrame(), *speech(), segment, SleepFrame(0.05), *speech(), UserStoppedSpeakingFrame(),
        SleepFrame(0.1),
    ])
    assert processor.transcripts == [FIRST_WORDS]


async def test_a_key_pressed_while_a_turn_waits_comes_after_its_words(processor):
    await run_test(processor, frames_to_send=[
        UserStartedSpeakingFrame(), *speech(), *whisper_transcript(FIRST_WORDS, 1),
        *speech(), UserStoppedSpeakingFrame(), InputDTMFFrame(KeypadEntry.ONE), SleepFrame(0.2),
    ])
    assert processor.handed == [FIRST_WORDS, "a key"]


REST = "o akcyzę na samochód"


async def test_a_turn_ended_as_the_caller_goes_on_is_joined_to_what_they_say_next(processor):
    """The turn-taking model ended the turn at a pause while the VAD already heard the caller going
    on: one turn for the engine, no answer started for the caller to talk over."""
    await run_test(processor, frames_to_send=[
        UserStartedSpeakingFrame(), *speech(), *whisper_transcript(FIRST_WORDS, 1),
        UserSpeechStartingFrame(), UserStoppedSpeakingFrame(), SleepFrame(0.1),
        UserStartedSpeakingFrame(), *speech(), *whisper_transcript(REST, 2), UserStoppedSpeakingFrame(),
        SleepFrame(0.2),
    ])
    assert processor.transcripts == [f"{FIRST_WORDS} {REST}"]
    assert "turn_resumed" in kinds_recorded(processor)


async def test_a_false_start_lets_the_held_turn_be_acted_on_at_once(processor):
    await run_test(processor, frames_to_send=[
        UserStartedSpeakingFrame(), *speech(), *whisper_transcript(WHOLE_TURN, 1),
        UserSpeechStartingFrame(), UserStoppedSpeakingFrame(), SleepFrame(0.05), UserSpeechFalseStartFrame(),
        SleepFrame(0.1),
    ])
    assert processor.transcripts == [WHOLE_TURN]
    assert "resumption_wait_expired" not in kinds_recorded(processor)


async def test_a_held_turn_is_acted_on_when_the_vad_never_confirms(processor):
    await run_test(processor, frames_to_send=[
        UserStartedSpeakingFrame(), *speech(), *whisper_transcript(WHOLE_TURN, 1),
        UserSpeechStartingFrame(), UserStoppedSpeakingFrame(), SleepFrame(0.8),
    ])
    assert processor.transcripts == [WHOLE_TURN]
    assert "resumption_wait_expired" in kinds_recorded(processor)


async def test_speech_confirmed_before_the_turn_ends_is_no_reason_to_hold_it(processor):
    """Only speech not yet confirmed holds a turn: once confirmed, it is the turn-taking model's to
    judge (it ended the turn knowing of it)."""
    await run_test(processor, frames_to_send=[
        UserStartedSpeakingFrame(), UserSpeechStartingFrame(), *speech(), *whisper_transcript(WHOLE_TURN, 1),
        UserStoppedSpeakingFrame(), SleepFrame(0.1),
    ])
    assert processor.transcripts == [WHOLE_TURN]
    assert "resumption_wait_expired" not in kinds_recorded(processor)
