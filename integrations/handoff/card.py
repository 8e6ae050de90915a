"""The context card an agent sees when they claim a handoff, built from the dialogue's ``HandoffContext``.

One shape in (``contracts.handoff.HandoffContext``, plus what only the verified agent may read, which
travels beside it: the full PESEL and the bot's words in full); one JSON dict out, stored with the
handoff. Besides the data, the card carries what the console shows, already in plain Polish
(``card_text``): labelled facts, the bot's words newest first, the 360 registry data.

Secrets never get in: the context has no telePIN field, key presses are only their count, digits
the caller said are hidden unless they are the verified PESEL (see ``polish.redaction``).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Awaitable, Callable, Union

from contracts.handoff import HandoffContext, TranscriptLine, reason_label
from contracts.queues import QUEUE_LABELS, normalise_queue
from contracts.secrets import Pesel, TelePin, mask_pesel
from integrations.handoff.card_text import bot_said, card_facts, registry_facts
from polish.redaction import redact_transcript
from polish.taxes import written_form

log = logging.getLogger(__name__)

# Enrichment (the 360 view from the registration contract): given the card, return extra data to show.
Enricher = Callable[[dict], Union[dict, None, Awaitable[Union[dict, None]]]]

_SECRET_KEYS = {"telepin", "pin", "tele_pin", "keys", "key_digits", "digits", "dtmf"}
_AUTH_LABELS = {"pesel+telepin": "PESEL + telePIN"}
_PESEL_ENTRY = {"voice": "PESEL podany głosem", "keypad": "PESEL wpisany na klawiaturze"}


def _plain(value: Any) -> Any:
    """JSON-safe copy of the registry's answer; secrets dropped (``None``), a ``Pesel`` revealed."""
    if isinstance(value, TelePin):
        return None
    if isinstance(value, Pesel):
        return value.reveal()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()
                if str(k).lower() not in _SECRET_KEYS and not isinstance(v, TelePin)}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value if not isinstance(v, TelePin)]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def _pesel_digits(value: Pesel | str | None) -> str | None:
    if isinstance(value, Pesel):
        return value.reveal()
    if isinstance(value, str) and value.strip():
        return "".join(ch for ch in value if ch.isdigit()) or None
    return None


def _turn(line: TranscriptLine) -> dict:
    """A transcript line reduced to role, text, time and (for key presses) only how many keys."""
    text = line.text
    if line.who == "bot":
        text = written_form(text)  # the bot's lines were written for the ear; the agent reads them
    turn: dict[str, Any] = {"role": line.who, "text": text}
    if line.t is not None:
        turn["t"] = line.t
    if line.keys is not None:
        turn["keys"] = int(line.keys)  # a count, never the digits
    return turn


def known_pesels(card: dict) -> list[str]:
    found = [card.get("caller", {}).get("pesel"), (card.get("principal") or {}).get("pesel")]
    return [p for p in found if p]


def compose_summary(card: dict) -> str:
    caller = card["caller"]
    who = "zweryfikowany" if caller["verified"] else "niezweryfikowany"
    if caller["verified"] and caller.get("auth_method"):
        who += f" ({caller['auth_method']})"
    parts = [f"{card['queue_label']}: {card.get('matter_label') or 'sprawa nierozpoznana'}", who]
    principal = card.get("principal")
    if principal:
        parts.append(f"w imieniu: {principal.get('name') or principal.get('nip') or 'mocodawca'}")
    parts.append(f"powód: {card['reason_label']}")
    return "; ".join(parts)


def build_card(context: HandoffContext, *, handoff_id: str, queue: str, reason: str,
               created_at: float | None = None, pesel: Pesel | str | None = None,
               said: tuple[str, ...] = ()) -> dict:
    """The card without enrichment (pure; enrichment is ``enrich_card``).

    ``pesel`` and ``said`` are ``HandOff.pesel`` and ``HandOff.said``: the full PESEL and the bot's
    words in full (newest first), both for the verified agent only, so both are dropped unless the
    caller was verified.
    """
    if not isinstance(context, HandoffContext):
        raise TypeError(f"a handoff context is a HandoffContext, not {type(context).__name__}")
    queue = normalise_queue(queue)
    identity = context.identity
    pesel_digits = _pesel_digits(pesel)
    verified = identity.verified and pesel_digits is not None
    principal = context.principal
    auth_label = _AUTH_LABELS.get(identity.method or "pesel+telepin", identity.method)
    if identity.pesel_entry in _PESEL_ENTRY:
        auth_label = f"{auth_label}, {_PESEL_ENTRY[identity.pesel_entry]}"
    reason = str(reason or context.reason or "inne")
    card: dict[str, Any] = {
        "handoff_id": handoff_id,
        "queue": str(queue),
        "queue_label": QUEUE_LABELS[queue],
        "reason": reason,
        "reason_label": reason_label(reason),
        "created_at": float(created_at if created_at is not None else time.time()),
        "call_id": context.call_id,
        "channel": context.channel if context.channel in ("voice", "text") else "voice",
        "caller": {
            "verified": verified,
            "auth_method": auth_label if verified else None,
            "pesel": pesel_digits if verified else None,
            "pesel_masked": mask_pesel(pesel_digits) if pesel_digits else identity.pesel_masked,
            "name": identity.name,
            "caller_number": context.caller_number,
        },
        "principal": None if principal is None else {
            "kind": principal.kind, "name": principal.name, "nip": principal.nip,
            "pesel_masked": principal.pesel_masked, "basis": principal.basis},
        "own_matter": context.own_matter,
        "intent": context.intent,
        "topic": context.topic,
        "slots": {k: v for k, v in (("tax", context.tax), ("period", context.period)) if v is not None},
        "bot_answers": list(context.answered),
        "enrichment": None,
        "enrichment_error": None,
    }
    card["transcript"] = redact_transcript([_turn(line) for line in context.transcript], known_pesels(card), "agent")
    card["bot_said"] = bot_said(card, said if verified else ())
    card["matter_label"], card["facts"] = card_facts(card)
    card["registry"] = []
    card["summary"] = str(context.summary or compose_summary(card))[:200]
    return card


async def enrich_card(card: dict, enrich: Enricher | None, timeout_s: float = 2.0) -> dict:
    """Adds the 360 data; a failing or slow registry never blocks the handoff (the card says so)."""
    if enrich is None or not card["caller"]["verified"]:
        return card
    try:
        result = enrich(card)
        if inspect.isawaitable(result):
            result = await asyncio.wait_for(result, timeout_s)
        card["enrichment"] = _plain(result) if result is not None else None
        card["registry"] = registry_facts(card["enrichment"])
    except Exception as exc:  # noqa: BLE001 - any registry failure only loses the 360 view
        log.warning("360 enrichment failed: %s", type(exc).__name__)
        card["enrichment_error"] = "Dane 360 niedostępne"
    return card


def public_transcript(card: dict) -> list[dict]:
    """The transcript as the caller may download it: the agent's version with PESELs masked too."""
    return redact_transcript(card.get("transcript") or [], known_pesels(card), "public")


def waiting_line(card: dict, now: float | None = None) -> dict:
    """What every signed-in agent sees in the waiting list: no full PESEL, no transcript."""
    now = time.time() if now is None else now
    caller = card["caller"]
    return {
        "handoff_id": card["handoff_id"],
        "queue": card["queue"],
        "queue_label": card["queue_label"],
        "reason": card["reason"],
        "summary": card["summary"],
        "verified": caller["verified"],
        "pesel_masked": caller["pesel_masked"],
        "channel": card["channel"],
        "created_at": card["created_at"],
        "waited_s": max(0.0, now - card["created_at"]),
    }


@dataclass(frozen=True)
class TranscriptText:
    """Plain-text rendering of a transcript for download."""

    turns: list[dict]

    def render(self, title: str) -> str:
        labels = {"caller": "Rozmówca", "bot": "Bot", "agent": "Konsultant", "system": "System"}
        lines = [title, ""]
        for turn in self.turns:
            lines.append(f"{labels.get(turn['role'], turn['role'])}: {turn['text']}")
        return "\n".join(lines) + "\n"
