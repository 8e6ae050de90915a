"""Warm handoff to a human agent: Redis queues, the context card, business hours, outbox, metrics.

See docs/handoff.md. The entry point is ``HandoffQueue``.
"""

from integrations.handoff.hours import is_open, next_opening
from integrations.handoff.queue import HandoffInfo, HandoffQueue, PublishResult
from integrations.handoff.topics import QUEUES

__all__ = ["HandoffInfo", "HandoffQueue", "PublishResult", "QUEUES", "is_open", "next_opening"]
