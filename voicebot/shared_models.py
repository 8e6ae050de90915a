"""The VAD and smart-turn models, loaded once per process and shared by every call.

pipecat's ``SileroVADAnalyzer`` and ``LocalSmartTurnAnalyzerV3`` each load their ONNX model and
start their own thread per call. A model runs on that fresh thread, so every call put its ONNX
buffers in a new malloc arena; freed, they were not given back to the system: the bot grew by
several MiB per call and never shrank (issue 10, finding 5; `eval/soak.py` measures it). Here one
ONNX session per model serves all calls (``InferenceSession.run`` is thread-safe) on one small
long-lived thread pool per model, so the same threads and arenas are reused call after call; what
is per call stays per call (the VAD's recurrent state, the turn analyzer's audio buffer).
The subclasses lean on pipecat 1.14's attribute names (pinned in pyproject.toml).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

from pipecat.audio.turn.smart_turn.local_smart_turn_v3 import LocalSmartTurnAnalyzerV3
from pipecat.audio.vad.silero import SileroOnnxModel, SileroVADAnalyzer
from pipecat.audio.vad.vad_analyzer import VADAnalyzer, VADParams, VADState

# Threads that run the models for all calls: VAD windows are ~0.2 ms each, a turn decision tens of
# ms; two threads keep one slow decision from delaying everyone else's.
MODEL_THREADS = 2


@lru_cache(maxsize=1)
def _vad() -> tuple[SileroOnnxModel, ThreadPoolExecutor]:
    loaded = SileroVADAnalyzer()  # loads the bundled model once; its session is what we keep
    model = loaded._model
    executor = ThreadPoolExecutor(max_workers=MODEL_THREADS, thread_name_prefix="vad-model")
    loaded._executor.shutdown(wait=False)
    return model, executor


@lru_cache(maxsize=1)
def _smart_turn():
    loaded = LocalSmartTurnAnalyzerV3(cpu_count=1)
    executor = ThreadPoolExecutor(max_workers=MODEL_THREADS, thread_name_prefix="turn-model")
    return loaded._session, executor


_load_lock = threading.Lock()


def preload() -> None:
    """Load both models now (at start-up, not during the first call)."""
    with _load_lock:
        _vad()
        _smart_turn()


class SharedSileroVADAnalyzer(SileroVADAnalyzer):
    """Silero VAD for one call: its own recurrent state, the process's session and threads."""

    def __init__(self, *, params: VADParams | None = None) -> None:
        with _load_lock:
            shared, executor = _vad()
        VADAnalyzer.__init__(self, params=params)
        self._executor.shutdown(wait=False)  # never started: it would be one more thread per call
        self._executor = executor
        model = SileroOnnxModel.__new__(SileroOnnxModel)
        model.session = shared.session
        model.sample_rates = list(shared.sample_rates)
        model.reset_states()
        self._model = model
        self._windows_since_reset = 0
        self._low_confidence_windows = 0

    async def cleanup(self) -> None:
        pass  # the shared threads outlive the call

    def _run_analyzer(self, buffer: bytes) -> VADState:
        """pipecat's state machine, handed at most one window at a time.

        pipecat 1.14 scores every whole window in the buffer but promotes STARTING to SPEAKING (and
        STOPPING to QUIET) only after the last one, so a quiet window later in the same buffer undoes
        a start that was already confirmed. One window per buffer hides it; on a loaded machine the
        phone line's resampler hands over ~100 ms at once and a short "Tak." (8 windows of speech)
        was never reported: the booking test's caller confirmed their PESEL three times unheard and
        the bot hung up (CI, stop 20). And pipecat's controller reports only QUIET and SPEAKING: a
        start confirmed in a buffer that ends STOPPING is returned as SPEAKING, so it is reported,
        and the stop follows with the next buffer.
        """
        started = False
        while buffer:
            take = self._vad_frames_num_bytes - len(self._vad_buffer)  # completes one window at most
            piece, buffer = buffer[:take], buffer[take:]
            before = self._vad_state
            state = super()._run_analyzer(piece)
            started = started or (before == VADState.STARTING and state == VADState.SPEAKING)
        return VADState.SPEAKING if started else self._vad_state


class SharedSmartTurnAnalyzer(LocalSmartTurnAnalyzerV3):
    """pipecat's smart-turn v3 for one call: its own audio buffer, the process's session and threads."""

    def __init__(self, **kwargs) -> None:
        with _load_lock:
            session, executor = _smart_turn()
        # BaseSmartTurn's initialiser, without LocalSmartTurnAnalyzerV3's model loading.
        super(LocalSmartTurnAnalyzerV3, self).__init__(**kwargs)
        self._log_data = False
        self._session = session
        self._shared_executor = executor

    @property
    def _model_executor(self) -> ThreadPoolExecutor:
        return self._shared_executor
