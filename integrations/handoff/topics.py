"""The topical queues (owner: ``contracts.queues``), re-exported where the handoff package always had them."""

from __future__ import annotations

from contracts.queues import QUEUE_LABELS, QUEUES, Queue, normalise_queue  # noqa: F401
