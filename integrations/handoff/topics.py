"""The topical queues a caller can be routed to (the seed: "intelligent routing" to PIT, VAT, PCC/SD, …)."""

from __future__ import annotations

QUEUES: tuple[str, ...] = ("pit", "vat", "cit", "pcc_sd", "excise_customs", "enforcement", "eus", "general")

# Polish names shown to agents and spoken to callers.
QUEUE_LABELS: dict[str, str] = {
    "pit": "PIT",
    "vat": "VAT",
    "cit": "CIT",
    "pcc_sd": "PCC / SD",
    "excise_customs": "Akcyza i cło",
    "enforcement": "Egzekucja",
    "eus": "e-Urząd Skarbowy",
    "general": "Sprawy ogólne",
}


def normalise_queue(queue: str) -> str:
    """Unknown topics go to ``general`` rather than to a queue nobody watches."""
    queue = (queue or "").strip().lower()
    return queue if queue in QUEUES else "general"
