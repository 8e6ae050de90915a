"""Topic → topical queue of human agents (names as in integrations/handoff/topics.py)."""

from __future__ import annotations

QUEUES: tuple[str, ...] = ("pit", "vat", "cit", "pcc_sd", "excise_customs", "enforcement", "eus", "general")

TAX_TOPICS = {"PIT": "pit", "VAT": "vat", "CIT": "cit", "PCC": "pcc_sd", "SD": "pcc_sd", "AKC": "excise_customs"}

# How the queue is named to the caller ("Łączę z konsultantem do spraw …").
QUEUE_SPOKEN = {
    "pit": "podatku pit",
    "vat": "podatku wat",
    "cit": "podatku cit",
    "pcc_sd": "podatku od czynności cywilnoprawnych oraz spadków i darowizn",
    "excise_customs": "akcyzy i cła",
    "enforcement": "egzekucji",
    "eus": "e-Urzędu Skarbowego",
    "general": "",
}


def queue_for(topic: str | None, tax: str | None = None) -> str:
    """The topic's queue; a known tax decides when the topic is only "general"."""
    if topic in QUEUES and topic != "general":
        return topic
    if tax in TAX_TOPICS:
        return TAX_TOPICS[tax]
    return "general"
