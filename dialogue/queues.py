"""Topic → topical queue of human agents: the routing rule (the queues themselves: ``contracts.queues``)."""

from __future__ import annotations

from contracts.queues import QUEUE_SPOKEN, QUEUES, TAX_QUEUES, Queue  # noqa: F401 (re-exported for the engine)
from dialogue import prompts

# The topic a tax code belongs to (topics and queues share their names).
TAX_TOPICS: dict[str, str] = {tax: str(queue) for tax, queue in TAX_QUEUES.items()}
# The queues of a tax; "enforcement", "eus" and "general" are queues of matters any tax can have.
TAX_QUEUE_TOPICS: frozenset[str] = frozenset(TAX_TOPICS.values())


def queue_for(topic: str | None, tax: str | None = None) -> Queue:
    """The topic's queue; a known tax decides when the topic is only "general"."""
    if topic in QUEUES and topic != Queue.GENERAL:
        return Queue(topic)
    if tax in TAX_QUEUES:
        return TAX_QUEUES[tax]
    return Queue.GENERAL


def handoff_announcement(queue: str) -> str:
    """"Łączę z konsultantem do spraw podatku cit. Proszę pozostać na linii." — one text per queue and
    no caller data, so each is a fixed text the voice keeps (``dialogue.fixed_texts``)."""
    spoken = QUEUE_SPOKEN.get(queue, "")
    return prompts.HANDOFF.format(queue=prompts.HANDOFF_QUEUE.format(name=spoken) if spoken else "")
