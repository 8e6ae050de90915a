"""The call pipeline: transport → VAD → ASR → turn detection → dialogue → TTS → transport.

Silero VAD marks speech; the recogniser transcribes it; pipecat's bundled smart-turn model (it knows
Polish) decides when the caller has finished a turn and broadcasts the interruption that stops the
bot's audio when the caller barges in; the dialogue processor answers; TTS speaks.
"""

from __future__ import annotations

from pipecat.audio.vad.vad_analyzer import VADParams
from pipecat.pipeline.pipeline import Pipeline
from pipecat.processors.audio.vad_processor import VADProcessor
from pipecat.processors.frame_processor import FrameProcessor
from pipecat.turns.user_start import VADUserTurnStartStrategy
from pipecat.turns.user_turn_strategies import UserTurnStrategies

from voicebot.shared_models import SharedSileroVADAnalyzer, SharedSmartTurnAnalyzer
from voicebot.vad import PauseAwareVADProcessor
from voicebot.turns import (AnswerCompleteUserTurnStopStrategy, SecondLookTurnStopStrategy,
                            VocabularyAwareTurnProcessor)

# 0.2 s of silence ends a VAD segment: the smart-turn model's design point. Each such pause starts a
# transcription of the turn so far (asr.whisper_stt), and the smart-turn model decides whether the
# turn is over, so a pause inside a PESEL does not cut it (eval.bench_turns measures both on 8 kHz
# phone audio).
VAD_STOP_SECS = 0.2
# Speech must last this long before the VAD reports it. pipecat's 0.2 s missed a short "Tak." in 8 of
# 23 placements after a PESEL turn: Silero's state is reset during silence and the model is slow to
# confirm the word that follows; 0.15 s missed 1 of 23, with no false start on 20 s of line noise.
VAD_START_SECS = 0.15
# Quiet (after the last transcript) that ends a turn the smart-turn model thinks unfinished: short
# for yes/no (a clear answer ends the turn at once anyway), longer for free speech, long while the
# caller reads digits in groups (a whole valid number ends the turn at once).
TURN_STOP_TIMEOUTS = {"free": 0.8, "yes_no": 0.5, "digits": 3.0, "spelling": 2.0}


def build_vad(stop_secs: float = VAD_STOP_SECS) -> VADProcessor:
    return PauseAwareVADProcessor(vad_analyzer=SharedSileroVADAnalyzer(params=VADParams(start_secs=VAD_START_SECS,
                                                                                  stop_secs=stop_secs)))


def build_turn_processor() -> VocabularyAwareTurnProcessor:
    """Turn-taking: a complete answer ends the turn at once, else the smart-turn model, else the wait."""
    return VocabularyAwareTurnProcessor(
        user_turn_strategies=UserTurnStrategies(
            start=[VADUserTurnStartStrategy()],
            stop=[AnswerCompleteUserTurnStopStrategy(),
                  SecondLookTurnStopStrategy(turn_analyzer=SharedSmartTurnAnalyzer())],
        ),
        stop_timeouts=TURN_STOP_TIMEOUTS,
        default_timeout=TURN_STOP_TIMEOUTS["free"],
    )


def build_call_pipeline(
    *,
    transport,
    stt: FrameProcessor,
    dialogue: FrameProcessor,
    tts: FrameProcessor,
    vad_stop_secs: float = VAD_STOP_SECS,
) -> Pipeline:
    return Pipeline([transport.input(), build_vad(vad_stop_secs), stt, build_turn_processor(), dialogue, tts,
                     transport.output()])
