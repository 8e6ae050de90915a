"""Prometheus metrics: handoffs by queue and reason, waiting time at claim, containment rate."""

from __future__ import annotations

from prometheus_client import REGISTRY

from integrations.handoff import metrics
from integrations.handoff.queue import HandoffQueue
from tests.handoff.conftest import AGENT_ONLY, OPEN_NOW, caller_context


def value(name: str, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_handoff_and_wait_metrics(redis_server, tmp_path):
    queue = HandoffQueue(redis_server.url, outbox_dir=tmp_path / "outbox")
    try:
        before = value("handoffs_total", queue="cit", reason="no_answer", status="queued")
        waits = value("handoff_wait_seconds_count", queue="cit")
        result = await queue.publish("cit", "No answer!", caller_context(), **AGENT_ONLY, now=OPEN_NOW)
        await queue.claim(result.handoff_id, "agent1")
        assert value("handoffs_total", queue="cit", reason="no_answer", status="queued") == before + 1
        assert value("handoff_wait_seconds_count", queue="cit") == waits + 1
    finally:
        await queue.aclose()


def test_containment_rate_helpers():
    calls, handed = value("calls_total", channel="voice"), value("calls_handed_off_total", channel="voice")
    for _ in range(4):
        metrics.record_call("voice")
    metrics.record_call_handed_off("voice")
    assert value("calls_total", channel="voice") == calls + 4
    assert value("calls_handed_off_total", channel="voice") == handed + 1
    assert 0.0 <= metrics.containment_rate() <= 1.0
    body, content_type = metrics.render_latest()
    assert b"calls_handed_off_total" in body and content_type.startswith("text/plain")
