"""The agent's card in plain Polish: labelled facts, the bot's words, the 360 registry data.

An agent reads the card at a glance, so nothing here is an internal key, ``null`` or JSON: taxes by
their Polish names, the matter in words ("sprawa własna" / "w imieniu: …"), the address on one line,
empty fields left out. Pure functions of the card's data; ``card.py`` stores their output in the card.
"""

from __future__ import annotations

from typing import Any

from contracts.queues import QUEUE_LABELS, Queue
from polish.spoken import MONTHS_NOMINATIVE, period_parts
from polish.taxes import TAXES, tax_nominative, written_form

INTENT_LABELS = {
    "balance": "saldo rozliczeń",
    "payments": "wpłaty",
    "refund": "zwrot podatku",
    "agent": "rozmowa z konsultantem",
    "other": "inna sprawa",
    "interest": "odsetki za zwłokę",
    "booking": "umówienie wizyty w urzędzie",
    "booking_cancel": "odwołanie wizyty w urzędzie",
}
_BASIS = {"PPO-1": "pełnomocnictwo ogólne PPO-1", "UKO": "upoważnienie UKO"}
_KIND = {"person": "osoba fizyczna", "organisation": "podmiot (firma lub organizacja)"}
_QUARTERS = ("I", "II", "III", "IV")


def tax_label(code: str | None) -> str | None:
    """"PIT" → "PIT (podatek dochodowy od osób fizycznych)"."""
    if not code:
        return None
    return f"{code} ({tax_nominative(code)})" if code in TAXES else code


def period_label(period: str | None) -> str | None:
    """"2025" → "2025 r.", "2026-03" → "marzec 2026", "2026-Q1" → "I kwartał 2026"; anything else as written."""
    parts = period_parts(period)
    if parts is None:
        return period or None
    year, kind, number = parts
    if kind == "year":
        return f"{year} r."
    if kind == "month":
        return f"{MONTHS_NOMINATIVE[number - 1]} {year}"
    return f"{_QUARTERS[number - 1]} kwartał {year}"


def principal_label(principal: dict) -> str:
    """"w imieniu: Alfa sp. z o.o. (NIP 5260250274, upoważnienie UKO)"."""
    details = [f"NIP {principal['nip']}" if principal.get("nip") else "",
               f"PESEL {principal['pesel_masked']}" if principal.get("pesel_masked") else "",
               _BASIS.get(principal.get("basis") or "", principal.get("basis") or "")]
    details = [d for d in details if d]
    name = principal.get("name") or "mocodawca"
    return f"w imieniu: {name}" + (f" ({', '.join(details)})" if details else "")


def _fact(facts: list[dict], label: str, value: Any) -> None:
    if value not in (None, "", [], ()):
        facts.append({"label": label, "value": str(value)})


def card_facts(card: dict) -> tuple[str | None, list[dict]]:
    """(what the matter is, in words; the card's facts as ``{"label", "value"}`` in reading order)."""
    caller = card["caller"]
    facts: list[dict] = []
    if caller["verified"]:
        _fact(facts, "Tożsamość", f"zweryfikowana ({caller['auth_method']})")
        _fact(facts, "PESEL", caller["pesel"])
    else:
        _fact(facts, "Tożsamość", "niezweryfikowana")
        _fact(facts, "PESEL (niepotwierdzony)", caller.get("pesel_masked"))
    _fact(facts, "Imię i nazwisko", caller.get("name"))
    _fact(facts, "Numer dzwoniącego", caller.get("caller_number"))
    if card.get("principal"):
        _fact(facts, "Czyja sprawa", principal_label(card["principal"]))
    elif card.get("own_matter"):
        _fact(facts, "Czyja sprawa", "sprawa własna")
    matter = INTENT_LABELS.get(card.get("intent") or "")
    _fact(facts, "Sprawa", matter)
    _fact(facts, "Podatek", tax_label(card["slots"].get("tax")))
    _fact(facts, "Okres", period_label(card["slots"].get("period")))
    topic = card.get("topic")
    if topic in Queue.__members__.values() and topic not in (Queue.GENERAL, card["queue"]):
        _fact(facts, "Temat", QUEUE_LABELS[Queue(topic)])
    _fact(facts, "Kolejka", card["queue_label"])
    _fact(facts, "Kanał", "czat" if card["channel"] == "text" else "rozmowa głosowa")
    _fact(facts, "Powód przekazania", card["reason_label"])
    return matter, facts


def bot_said(card: dict, said: tuple[str, ...]) -> list[str]:
    """What the bot said, newest first: in full when given (the verified agent's ``HandOff.said``),
    else its lines as the transcript recorded them."""
    lines = list(said) or [t["text"] for t in reversed(card["transcript"]) if t["role"] == "bot"]
    return [written_form(str(line)) for line in lines if line]


# The registry's (``integrations.models.Registration``) fields, as an agent reads them, in this order.
_REGISTRY_LABELS = {
    "name": "Imię i nazwisko / nazwa",
    "kind": "Rodzaj podatnika",
    "pesel": "PESEL",
    "nip": "NIP",
    "regon": "REGON",
    "address": "Adres",
    "tax_office": "Urząd skarbowy",
    "tax_form": "Forma opodatkowania",
    "bank_accounts_masked": "Rachunki bankowe",
    "micro_account_masked": "Mikrorachunek podatkowy",
}


def address_line(address: Any) -> str | None:
    """{"street": "ul. Długa 5", "postal_code": "00-950", "city": "Warszawa"} → "ul. Długa 5, 00-950 Warszawa"."""
    if not isinstance(address, dict):
        return str(address) if address else None
    town = " ".join(p for p in (address.get("postal_code"), address.get("city")) if p)
    return ", ".join(p for p in (address.get("street"), town) if p) or None


def registry_facts(enrichment: dict | None) -> list[dict]:
    """The 360 data as labelled facts; fields the console has no Polish name for are left out."""
    if not isinstance(enrichment, dict):
        return []
    facts: list[dict] = []
    for key, label in _REGISTRY_LABELS.items():
        value = enrichment.get(key)
        if key == "address":
            value = address_line(value)
        elif key == "kind":
            value = _KIND.get(value, value)
        elif isinstance(value, (list, tuple)):
            value = "; ".join(str(v) for v in value if v)
        elif isinstance(value, bool):
            value = "tak" if value else "nie"
        _fact(facts, label, value)
    return facts
