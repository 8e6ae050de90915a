"""RHVoice Polish (``magda``, ``natan``): natural-sounding voices for synthetic callers.

Debian ships them in non-free; ``scripts/rhvoice.sh`` unpacks them under ``var/rhvoice`` without
touching the machine's apt configuration, and PyPI's ``rhvoice-wrapper`` binds the library. The
voices are CC-BY-NC-ND-4.0: they speak test callers and may serve as an optional demo voice, never
as the production default (a Piper Polish voice from the model registry).
"""

from __future__ import annotations

import ctypes
import os
import threading
from pathlib import Path

from tts.engine import EngineUnavailableError, VoiceNotFoundError

VOICES = ("magda", "natan")
REPO_ROOT = Path(__file__).resolve().parents[1]
_engines: dict[Path, object] = {}
_engines_lock = threading.Lock()


def rhvoice_home(data_dir: Path | None = None) -> Path:
    """Where ``scripts/rhvoice.sh`` put RHVoice: ``$VOICEBOT_DATA_DIR/rhvoice``, else the repo's ``var/``."""
    candidates = [Path(data_dir) / "rhvoice"] if data_dir else []
    if os.environ.get("VOICEBOT_DATA_DIR"):
        candidates.append(Path(os.environ["VOICEBOT_DATA_DIR"]) / "rhvoice")
    candidates.append(REPO_ROOT / "var" / "rhvoice")
    for home in candidates:
        if _library(home) is not None:
            return home
    return candidates[0]


def _library(home: Path) -> Path | None:
    found = sorted((home / "root" / "usr" / "lib").glob("*/libRHVoice.so.5"))
    return found[0] if found else None


def rhvoice_available(data_dir: Path | None = None) -> bool:
    return _library(rhvoice_home(data_dir)) is not None


class _Engine:
    """One loaded RHVoice engine; ``speak`` is synchronous and serialised (the callbacks share state)."""

    def __init__(self, home: Path) -> None:
        library = _library(home)
        if library is None:
            raise EngineUnavailableError(f"RHVoice is not installed in {home} (run scripts/rhvoice.sh)")
        try:
            from rhvoice_wrapper.rhvoice_proxy import Engine
        except ImportError as exc:
            raise EngineUnavailableError("the rhvoice-wrapper package is not installed") from exc
        # The unpacked libRHVoice.so.5 finds its core library by soname; loading the core first,
        # globally, satisfies that without LD_LIBRARY_PATH.
        for core in sorted(library.parent.glob("libRHVoice_core.so.*"))[:1]:
            ctypes.CDLL(str(core), mode=ctypes.RTLD_GLOBAL)
        config = home / "config"
        config.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._chunks: list[bytes] = []
        self._rate = 0
        # The low-level engine, not the wrapper's TTS class: that one runs non-daemon worker threads
        # that keep the interpreter alive, and we need nothing but whole utterances.
        self._engine = Engine(str(library))
        self._engine.init(self._on_speech, self._on_rate, data_path=str(home / "root" / "usr" / "share" / "RHVoice"),
                          config_path=str(config))
        self.voices = tuple(self._engine.voices)

    def _on_speech(self, samples, count, _user) -> int:
        self._chunks.append(ctypes.string_at(samples, count * 2))
        return 1

    def _on_rate(self, rate, _user) -> int:
        self._rate = rate
        return 1

    def speak(self, text: str, params: dict) -> tuple[bytes, int]:
        with self._lock:
            self._chunks, self._rate = [], 0
            self._engine.generate(text, self._engine.params.copy_with(params))
            return b"".join(self._chunks), self._rate


def _engine(home: Path) -> _Engine:
    """One RHVoice engine per installation and process (it loads every voice at start)."""
    with _engines_lock:
        if home not in _engines:
            _engines[home] = _Engine(home)
        return _engines[home]


class RHVoiceSynthesizer:
    """A Polish RHVoice voice. ``rate`` and ``pitch`` are RHVoice's absolute settings in [-1, 1]
    (0 = the voice's own; rate 0.3 is brisk, -0.3 slow)."""

    def __init__(self, voice: str = "magda", *, rate: float = 0.0, pitch: float = 0.0,
                 data_dir: Path | None = None) -> None:
        if voice not in VOICES:
            raise VoiceNotFoundError(f"RHVoice voice {voice!r} is not one of {', '.join(VOICES)}")
        if not (-1.0 <= rate <= 1.0 and -1.0 <= pitch <= 1.0):
            raise ValueError("RHVoice rate and pitch must be between -1 and 1")
        self.voice = voice
        self.rate = rate
        self.pitch = pitch
        self._engine = _engine(rhvoice_home(data_dir))
        if voice not in self._engine.voices:
            raise VoiceNotFoundError(f"RHVoice voice {voice!r} is not installed")
        self._params = {"voice_profile": voice, "absolute_rate": rate, "absolute_pitch": pitch}
        self.cache_key = f"rhvoice:{voice}:{rate:.2f}:{pitch:.2f}"
        self.sample_rate = self._speak("a")[1]

    def _speak(self, text: str) -> tuple[bytes, int]:
        pcm, rate = self._engine.speak(text, self._params)
        if not pcm or not rate:
            raise EngineUnavailableError("RHVoice returned no audio")
        return pcm, rate

    def synthesize(self, text: str) -> bytes:
        if not text.strip():
            return b""
        pcm, rate = self._speak(text)
        if rate != self.sample_rate:
            raise EngineUnavailableError(f"RHVoice answered at {rate} Hz, expected {self.sample_rate}")
        return pcm

    def __repr__(self) -> str:
        return f"RHVoiceSynthesizer({self.cache_key})"
