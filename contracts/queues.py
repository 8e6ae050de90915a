"""The topical queues of human agents: one enum, one owner (the seed: "intelligent routing" to PIT,
VAT, PCC/SD, …). The values are the strings used before the enum, so a ``Queue`` compares equal to
them and stays the Redis key suffix and the metrics label."""

from __future__ import annotations

from enum import StrEnum


class Queue(StrEnum):
    PIT = "pit"
    VAT = "vat"
    CIT = "cit"
    PCC_SD = "pcc_sd"
    EXCISE_CUSTOMS = "excise_customs"
    ENFORCEMENT = "enforcement"
    EUS = "eus"
    GENERAL = "general"


QUEUES: tuple[Queue, ...] = tuple(Queue)

# Polish names shown to agents.
QUEUE_LABELS: dict[Queue, str] = {
    Queue.PIT: "PIT",
    Queue.VAT: "VAT",
    Queue.CIT: "CIT",
    Queue.PCC_SD: "PCC / SD",
    Queue.EXCISE_CUSTOMS: "Akcyza i cło",
    Queue.ENFORCEMENT: "Egzekucja",
    Queue.EUS: "e-Urząd Skarbowy",
    Queue.GENERAL: "Sprawy ogólne",
}

# How the queue is named to the caller ("Łączę z konsultantem do spraw …"); none for the general one.
QUEUE_SPOKEN: dict[Queue, str] = {
    Queue.PIT: "podatku pit",
    Queue.VAT: "podatku wat",
    Queue.CIT: "podatku cit",
    Queue.PCC_SD: "podatku od czynności cywilnoprawnych oraz spadków i darowizn",
    Queue.EXCISE_CUSTOMS: "akcyzy i cła",
    Queue.ENFORCEMENT: "egzekucji",
    Queue.EUS: "e-Urzędu Skarbowego",
    Queue.GENERAL: "",
}

# A tax code's queue (PCC and SD share one).
TAX_QUEUES: dict[str, Queue] = {"PIT": Queue.PIT, "VAT": Queue.VAT, "CIT": Queue.CIT, "PCC": Queue.PCC_SD,
                                "SD": Queue.PCC_SD, "AKC": Queue.EXCISE_CUSTOMS}


def normalise_queue(queue: str | None) -> Queue:
    """Unknown topics go to ``general`` rather than to a queue nobody watches."""
    try:
        return Queue((queue or "").strip().lower())
    except ValueError:
        return Queue.GENERAL
