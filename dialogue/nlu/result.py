"""``NluResult``: the dialogue engine's type (``dialogue.nlu_types``) when it exists, else an identical one."""

from __future__ import annotations

from dataclasses import dataclass

try:
    from dialogue.nlu_types import NluResult
except ModuleNotFoundError as exc:  # the engine's module not written yet
    if exc.name != "dialogue.nlu_types":
        raise

    @dataclass(frozen=True)
    class NluResult:  # type: ignore[no-redef]
        intent: str
        topic: str
        confidence: float

__all__ = ["NluResult"]
