"""Topic → topical queue of human agents: the routing rule (the queues themselves: ``contracts.queues``)."""

from __future__ import annotations

from contracts.queues import QUEUE_SPOKEN, QUEUES, TAX_QUEUES, Queue  # noqa: F401 (re-exported for the engine)

# The topic a tax code belongs to (topics and queues share their names).
TAX_TOPICS: dict[str, str] = {tax: str(queue) for tax, queue in TAX_QUEUES.items()}


def queue_for(topic: str | None, tax: str | None = None) -> Queue:
    """The topic's queue; a known tax decides when the topic is only "general"."""
    if topic in QUEUES and topic != Queue.GENERAL:
        return Queue(topic)
    if tax in TAX_QUEUES:
        return TAX_QUEUES[tax]
    return Queue.GENERAL
