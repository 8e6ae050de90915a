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


def _processor():
    from pipecat.turns.user_start import VADUserTurnStartStrategy
    from pipecat.turns.user_turn_strategies import UserTurnStrategies

    from voicebot.turns import AnswerCompleteUserTurnStopStrategy

    # No turn-taking model and a long wait: only a complete answer can end the turn quickly.
    return VocabularyAwareTurnProcessor(
        user_turn_strategies=UserTurnStrategies(start=[VADUserTurnStartStrategy()],
                                                stop=[AnswerCompleteUserTurnStopStrategy()]),
        stop_timeouts={"free": 30.0}, default_timeout=30.0)


def _transcript(text: str, complete: bool):
    from pipecat.frames.frames import TranscriptionFrame

    return TranscriptionFrame(text, "", "2026-12-01T10:00:00", result={"answer_complete": complete})


async def test_a_complete_answer_ends_the_turn_at_once():
    from pipecat.frames.frames import (TranscriptionFrame, UserStartedSpeakingFrame, UserStoppedSpeakingFrame,
                                       VADUserStartedSpeakingFrame, VADUserStoppedSpeakingFrame)

    down, _ = await run_test(
        _processor(),
        frames_to_send=[VADUserStartedSpeakingFrame(), VADUserStoppedSpeakingFrame(), _transcript("Tak.", True)],
        expected_down_frames=None,
    )
    kinds = [type(f) for f in down]
    assert UserStartedSpeakingFrame in kinds and UserStoppedSpeakingFrame in kinds
    assert kinds.index(TranscriptionFrame) < kinds.index(UserStoppedSpeakingFrame)


async def test_an_unfinished_answer_keeps_the_turn_open():
    from pipecat.frames.frames import UserStoppedSpeakingFrame, VADUserStartedSpeakingFrame, VADUserStoppedSpeakingFrame

    down, _ = await run_test(
        _processor(),
        frames_to_send=[VADUserStartedSpeakingFrame(), VADUserStoppedSpeakingFrame(),
                        _transcript("osiemdziesiąt dwa, zero trzy", False)],
        expected_down_frames=None,
    )
    assert UserStoppedSpeakingFrame not in [type(f) for f in down]


async def test_a_complete_transcript_while_the_caller_still_speaks_does_not_end_the_turn():
    from pipecat.frames.frames import UserStoppedSpeakingFrame, VADUserStartedSpeakingFrame

    down, _ = await run_test(
        _processor(),
        frames_to_send=[VADUserStartedSpeakingFrame(), _transcript("Tak.", True)],
        expected_down_frames=None,
    )
    assert UserStoppedSpeakingFrame not in [type(f) for f in down]


class _ScriptedAnalyzer:
    """A turn analyzer that answers from a script ("not yet", then "finished"): the strategy's
    logic is under test here, not the model (eval.bench_turns measures the model)."""

    def __new__(cls, answers):
        from pipecat.audio.turn.base_turn_analyzer import BaseTurnAnalyzer, BaseTurnParams, EndOfTurnState

        class Scripted(BaseTurnAnalyzer):
            def __init__(self):
                super().__init__(sample_rate=16000)
                self.answers = list(answers)
                self.calls = 0

            @property
            def speech_triggered(self):
                return True

            @property
            def params(self):
                return BaseTurnParams()

            def append_audio(self, buffer, is_speech):
                return EndOfTurnState.INCOMPLETE

            async def analyze_end_of_turn(self):
                self.calls += 1
                answer = self.answers.pop(0) if self.answers else "finished"
                return (EndOfTurnState.COMPLETE if answer == "finished" else EndOfTurnState.INCOMPLETE), None

            def clear(self):
                pass

        return Scripted()


async def test_a_second_look_ends_a_turn_the_model_first_thought_unfinished():
    from pipecat.frames.frames import (TranscriptionFrame, UserStoppedSpeakingFrame, VADUserStartedSpeakingFrame,
                                       VADUserStoppedSpeakingFrame)
    from pipecat.tests.utils import SleepFrame

    analyzer = _ScriptedAnalyzer(["not yet", "finished"])
    final = TranscriptionFrame("Zwrot podatku.", "", "2026-12-01T10:00:00")
    final.finalized = True
    down, _ = await run_test(
        _second_look_processor(analyzer),
        frames_to_send=[VADUserStartedSpeakingFrame(), VADUserStoppedSpeakingFrame(), final, SleepFrame(sleep=0.4)],
        expected_down_frames=None,
    )
    assert analyzer.calls == 2
    assert UserStoppedSpeakingFrame in [type(f) for f in down]


async def test_no_second_look_when_the_caller_speaks_again():
    from pipecat.frames.frames import UserStoppedSpeakingFrame, VADUserStartedSpeakingFrame, VADUserStoppedSpeakingFrame
    from pipecat.tests.utils import SleepFrame

    analyzer = _ScriptedAnalyzer(["not yet", "finished"])
    down, _ = await run_test(
        _second_look_processor(analyzer),
        frames_to_send=[VADUserStartedSpeakingFrame(), VADUserStoppedSpeakingFrame(), VADUserStartedSpeakingFrame(),
                        SleepFrame(sleep=0.4)],
        expected_down_frames=None,
    )
    assert analyzer.calls == 1
    assert UserStoppedSpeakingFrame not in [type(f) for f in down]


def _second_look_processor(analyzer):
    from pipecat.turns.user_start import VADUserTurnStartStrategy
    from pipecat.turns.user_turn_strategies import UserTurnStrategies

    from voicebot.turns import SecondLookTurnStopStrategy

    return VocabularyAwareTurnProcessor(
        user_turn_strategies=UserTurnStrategies(
            start=[VADUserTurnStartStrategy()],
            stop=[SecondLookTurnStopStrategy(turn_analyzer=analyzer, second_look_s=0.1)]),
        stop_timeouts={"free": 30.0}, default_timeout=30.0)
