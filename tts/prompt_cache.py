"""Audio for prompts that never change, synthesised once: in memory, and optionally on disk.

Only fixed prompts belong here (greetings, "Proszę podać numer PESEL."), never a sentence built
from a caller's data: a cache file of a spoken amount or PESEL would be tax-secret data at rest.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from tts.engine import Synthesizer, cache_key_of
from tts.sentences import normalize


class PromptCache:
    """``get(text)`` returns the PCM of ``text``, synthesising it only the first time.

    The key is a SHA-256 of (engine and voice settings, sample rate, normalised text), so a
    different voice or speed never gets another voice's audio. Disk entries are raw PCM16 files
    named by that hash, written atomically; they survive restarts. Thread-safe: concurrent
    ``get`` of one text synthesises it once, other texts are not held up meanwhile.
    """

    def __init__(self, synthesizer: Synthesizer, cache_dir: Path | None = None) -> None:
        self.synthesizer = synthesizer
        self.sample_rate = synthesizer.sample_rate
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        if self.cache_dir is not None:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
        self._memory: dict[str, bytes] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self.hits = 0
        self.misses = 0

    def key(self, text: str) -> str:
        identity = f"{cache_key_of(self.synthesizer)}\0{self.sample_rate}\0{normalize(text)}"
        return hashlib.sha256(identity.encode("utf-8")).hexdigest()

    def get(self, text: str) -> bytes:
        key = self.key(text)
        audio = self._memory.get(key)
        if audio is not None:
            self.hits += 1
            return audio
        with self._lock_for(key):
            audio = self._memory.get(key)  # another thread may have made it while we waited
            if audio is None:
                audio = self._read_disk(key)
                if audio is None:
                    self.misses += 1
                    audio = self.synthesizer.synthesize(normalize(text))
                    self._write_disk(key, audio)
                else:
                    self.hits += 1
                self._memory[key] = audio
            else:
                self.hits += 1
        return audio

    def warm(self, texts: Iterable[str]) -> None:
        """Synthesise every text not cached yet (at start-up, so the first call waits for none)."""
        for text in texts:
            self.get(text)

    def __contains__(self, text: object) -> bool:
        if not isinstance(text, str):
            return False
        key = self.key(text)
        return key in self._memory or (self._path(key) is not None and self._path(key).is_file())

    def _lock_for(self, key: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(key, threading.Lock())

    def _path(self, key: str) -> Path | None:
        return self.cache_dir / f"{key}.pcm" if self.cache_dir is not None else None

    def _read_disk(self, key: str) -> bytes | None:
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        return path.read_bytes()

    def _write_disk(self, key: str, audio: bytes) -> None:
        path = self._path(key)
        if path is None:
            return
        # Write then rename: a reader never sees half a file, even with two processes warming.
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(audio)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
