"""Prometheus metrics for handoffs and containment (registered once, in the default registry).

Containment rate = 1 - calls_handed_off_total / calls_total: the share of calls the bot resolved
without a human. The call side (``voicebot/``) calls ``record_call`` when a call starts and
``record_call_handed_off`` when its handoff is published; this package records the rest.
"""

from __future__ import annotations

import re

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Histogram, generate_latest

HANDOFFS = Counter("handoffs_total", "Handoffs published, by queue, reason and outcome",
                   ["queue", "reason", "status"])
HANDOFF_WAIT = Histogram("handoff_wait_seconds", "Time a caller waited from handoff to an agent's claim",
                         ["queue"], buckets=(1, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600))
HANDOFFS_REQUEUED = Counter("handoffs_requeued_total", "Claims returned to the queue (agent gone or released)",
                            ["queue", "cause"])
OUTBOX_FLUSHED = Counter("handoff_outbox_flushed_total", "Handoffs delivered to Redis from the local outbox")
CALLS = Counter("calls_total", "Calls (and chats) started", ["channel"])
CALLS_HANDED_OFF = Counter("calls_handed_off_total", "Calls (and chats) handed off to a human", ["channel"])


def metric_reason(reason: str) -> str:
    """A bounded label: reasons are short slugs from the dialogue; anything else is folded."""
    slug = re.sub(r"[^a-z0-9_]+", "_", (reason or "other").lower()).strip("_")[:40]
    return slug or "other"


def record_call(channel: str = "voice") -> None:
    CALLS.labels(channel=channel).inc()


def record_call_handed_off(channel: str = "voice") -> None:
    CALLS_HANDED_OFF.labels(channel=channel).inc()


def record_handoff(queue: str, reason: str, status: str) -> None:
    HANDOFFS.labels(queue=queue, reason=metric_reason(reason), status=status).inc()


def record_wait(queue: str, seconds: float) -> None:
    HANDOFF_WAIT.labels(queue=queue).observe(max(0.0, seconds))


def record_requeue(queue: str, cause: str) -> None:
    HANDOFFS_REQUEUED.labels(queue=queue, cause=cause).inc()


def _total(counter: Counter) -> float:
    return sum(sample.value for metric in counter.collect() for sample in metric.samples
               if sample.name.endswith("_total"))


def containment_rate() -> float | None:
    """Share of calls resolved without a human; ``None`` before the first call."""
    calls = _total(CALLS)
    if calls == 0:
        return None
    return max(0.0, 1.0 - _total(CALLS_HANDED_OFF) / calls)


def render_latest(registry=REGISTRY) -> tuple[bytes, str]:
    """Body and content type for a ``/metrics`` endpoint."""
    return generate_latest(registry), CONTENT_TYPE_LATEST
