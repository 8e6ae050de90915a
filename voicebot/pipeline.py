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
from pipecat.turns.user_stop.turn_analyzer_user_turn_stop_strategy import TurnAnalyzerUserTurnStopStrategy
from pipecat.turns.user_turn_strategies import UserTurnStrategies

from voicebot.shared_models import SharedSileroVADAnalyzer, SharedSmartTurnAnalyzer
from voicebot.turns import VocabularyAwareTurnProcessor

# Phone callers pause between digit groups; 0.5 s of silence ends a VAD segment (the smart-turn
# model then decides whether the turn is over, so a pause inside a PESEL does not cut it).
VAD_STOP_SECS = 0.5
# Quiet (after the last transcript) that ends a turn the smart-turn model thinks unfinished:
# short for free speech and yes/no, long while the caller reads digits in groups.
TURN_STOP_TIMEOUTS = {"free": 1.0, "yes_no": 1.0, "digits": 3.0}


def build_call_pipeline(
    *,
    transport,
    stt: FrameProcessor,
    dialogue: FrameProcessor,
    tts: FrameProcessor,
    vad_stop_secs: float = VAD_STOP_SECS,
) -> Pipeline:
    vad = VADProcessor(vad_analyzer=SharedSileroVADAnalyzer(params=VADParams(stop_secs=vad_stop_secs)))
    turns = VocabularyAwareTurnProcessor(
        user_turn_strategies=UserTurnStrategies(
            start=[VADUserTurnStartStrategy()],
            stop=[TurnAnalyzerUserTurnStopStrategy(turn_analyzer=SharedSmartTurnAnalyzer())],
        ),
        stop_timeouts=TURN_STOP_TIMEOUTS,
        default_timeout=TURN_STOP_TIMEOUTS["free"],
    )
    return Pipeline([transport.input(), vad, stt, turns, dialogue, tts, transport.output()])
