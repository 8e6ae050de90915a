"""Giving freed memory back to the system after a call.

A call allocates and frees tens of MiB (audio buffers, model inputs) on several threads. glibc keeps
what was freed in its per-thread arenas for reuse; ``malloc_trim`` returns the unused pages, so a
worker's resident size follows its load instead of its history (eval/soak.py measures it).
Elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None


def give_back_memory() -> None:
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
