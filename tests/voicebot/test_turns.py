"""The end-of-turn wait follows the vocabulary the dialogue listens with."""

from __future__ import annotations

from pipecat.frames.frames import SpeechControlParamsFrame
from pipecat.processors.frame_processor import FrameDirection
from pipecat.tests.utils import run_test

from asr.frames import VocabularyFrame
from voicebot.pipeline import TURN_STOP_TIMEOUTS
from voicebot.turns import VocabularyAwareTurnProcessor


async def test_digits_turns_wait_longer_and_the_frame_travels_on_to_the_recogniser():
    turns = VocabularyAwareTurnProcessor(stop_timeouts=TURN_STOP_TIMEOUTS, default_timeout=TURN_STOP_TIMEOUTS["free"])
    assert turns.stop_timeout == TURN_STOP_TIMEOUTS["free"]
    _, up = await run_test(
        turns,
        frames_to_send=[VocabularyFrame(vocabulary="digits")],
        frames_to_send_direction=FrameDirection.UPSTREAM,
        expected_up_frames=[SpeechControlParamsFrame, VocabularyFrame],  # the first: the turn model's own
    )
    assert up[-1].vocabulary == "digits"
    assert turns.stop_timeout == TURN_STOP_TIMEOUTS["digits"] > TURN_STOP_TIMEOUTS["free"]
