"""The context card an agent sees when they claim a handoff, built from the dialogue's ``HandOff.context``.

The context dict the dialogue emits (every key optional; unknown keys are ignored)::

    {
      "call_id": "c-123", "channel": "voice" | "text", "caller_number": "+48…",
      "verified": True, "auth_method": "pesel+telepin",
      "pesel": Pesel | "8201…",             # the verified caller (shown to the agent in full)
      "name": "Jan Kowalski",
      "principal": {"kind": "person"|"organisation", "pesel": …, "nip": …, "name": …, "basis": "PPO-1"|"UKO"},
      "intent": "refund_status", "topic": "pit", "slots": {"tax": "PIT", "year": 2025},
      "transcript": [{"role": "caller"|"bot", "text": "…", "t": 1.2}, {"role": "caller", "keys": 6}],
      "answers": ["Zwrot 1 234,56 zł został zlecony 3 marca."],   # what the bot told the caller
      "summary": "…",                      # optional; composed when missing
    }

Secrets never get in: ``TelePin`` values and keys named like a PIN are dropped, key presses become their
count, digits the caller said are hidden unless they are the verified PESEL (see ``redaction.py``).
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

from dialogue.secrets import Pesel, TelePin, mask_pesel
from dialogue.speech import written_form
from integrations.handoff.redaction import redact_transcript
from integrations.handoff.topics import QUEUE_LABELS, normalise_queue

log = logging.getLogger(__name__)

# Enrichment (the 360 view from the registration contract): given the card, return extra data to show.
Enricher = Callable[[dict], Union[dict, None, Awaitable[Union[dict, None]]]]

# The dialogue's handoff reasons (short slugs), as an agent reads them.
REASON_LABELS = {
    "caller_request": "rozmówca poprosił o konsultanta",
    "misunderstanding": "bot nie zrozumiał rozmówcy",
    "caller_confused": "rozmówca nie rozumiał bota",
    "backend_unavailable": "system rozliczeń niedostępny",
    "authentication_failed": "nieudane uwierzytelnienie",
    "identification_failed": "nie udało się ustalić numeru PESEL",
    "principal_not_listed": "mocodawca spoza listy pełnomocnictw",
    "telepin_blocked": "zablokowany telePIN",
    "telepin_inactive": "nieaktywny telePIN",
    "other_matter": "sprawa poza zakresem bota",
    "overflow": "wszyscy asystenci byli zajęci (przepełnienie)",
}


def reason_label(reason: str) -> str:
    return REASON_LABELS.get(reason, reason.replace("_", " "))


_SECRET_KEYS = {"telepin", "pin", "tele_pin", "keys", "key_digits", "digits", "dtmf"}
_AUTH_LABELS = {"pesel+telepin": "PESEL + telePIN"}
_PESEL_ENTRY = {"voice": "PESEL podany głosem", "keypad": "PESEL wpisany na klawiaturze"}


def _plain(value: Any) -> Any:
    """JSON-safe copy; secrets dropped (``None``), a ``Pesel`` revealed (the card is for the agent)."""
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


def _pesel_digits(value: Any) -> str | None:
    if isinstance(value, Pesel):
        return value.reveal()
    if isinstance(value, str) and value.strip():
        return "".join(ch for ch in value if ch.isdigit()) or None
    return None


def _turns(transcript: Any) -> list[dict]:
    """Transcript entries reduced to role, text, time and (for key presses) only how many keys."""
    turns = []
    for turn in transcript if isinstance(transcript, (list, tuple)) else []:
        if not isinstance(turn, dict):
            continue
        role = str(turn.get("role") or turn.get("who") or "caller")
        text = _plain(turn.get("text"))
        if role == "bot" and isinstance(text, str):
            text = written_form(text)  # the bot's lines were written for the ear; the agent reads them
        out = {"role": role, "text": text}
        if isinstance(turn.get("t"), (int, float)):
            out["t"] = turn["t"]
        keys = turn.get("keys")
        if keys is not None:
            out["keys"] = keys if isinstance(keys, int) else len(str(keys))  # a count, never the digits
        turns.append(out)
    return turns


def known_pesels(card: dict) -> list[str]:
    found = [card.get("caller", {}).get("pesel"), (card.get("principal") or {}).get("pesel")]
    return [p for p in found if p]


def compose_summary(card: dict) -> str:
    caller = card["caller"]
    who = "zweryfikowany" if caller["verified"] else "niezweryfikowany"
    if caller["verified"] and caller.get("auth_method"):
        who += f" ({caller['auth_method']})"
    parts = [f"{card['queue_label']}: {card.get('intent') or 'sprawa nierozpoznana'}", who]
    principal = card.get("principal")
    if principal:
        parts.append(f"w imieniu: {principal.get('name') or principal.get('nip') or 'mocodawca'}")
    parts.append(f"powód: {reason_label(card['reason'])}")
    return "; ".join(parts)


def build_card(context: dict, *, handoff_id: str, queue: str, reason: str, created_at: float | None = None,
               pesel: Pesel | str | None = None) -> dict:
    """The card without enrichment (pure; enrichment is ``enrich_card``).

    ``pesel`` is ``HandOff.pesel`` (the dialogue keeps only the masked form in the context itself).
    Both the dialogue's shape (``identity``, ``answered``, transcript ``who``) and the flat one in the
    module docstring are understood.
    """
    queue = normalise_queue(queue)
    identity = context.get("identity") if isinstance(context.get("identity"), dict) else {}
    pesel_digits = _pesel_digits(pesel) or _pesel_digits(context.get("pesel"))
    verified = bool(context.get("verified", identity.get("verified"))) and pesel_digits is not None
    principal = _plain(context.get("principal")) if isinstance(context.get("principal"), dict) else None
    if principal and principal.get("pesel"):
        principal["pesel_masked"] = mask_pesel(principal["pesel"])
    auth_method = context.get("auth_method") or identity.get("method") or ("pesel+telepin" if verified else None)
    auth_label = _AUTH_LABELS.get(auth_method, auth_method)
    entry = identity.get("pesel_entry")
    if verified and entry in _PESEL_ENTRY:
        auth_label = f"{auth_label}, {_PESEL_ENTRY[entry]}"
    answers = context.get("answers", context.get("answered")) or []
    card: dict[str, Any] = {
        "handoff_id": handoff_id,
        "queue": queue,
        "queue_label": QUEUE_LABELS[queue],
        "reason": str(reason or context.get("reason") or "inne"),
        "reason_label": reason_label(str(reason or context.get("reason") or "inne")),
        "created_at": float(created_at if created_at is not None else time.time()),
        "call_id": _plain(context.get("call_id")),
        "channel": context.get("channel") if context.get("channel") in ("voice", "text") else "voice",
        "caller": {
            "verified": verified,
            "auth_method": auth_label if verified else None,
            "pesel": pesel_digits if verified else None,
            "pesel_masked": mask_pesel(pesel_digits) if pesel_digits else identity.get("pesel_masked"),
            "name": _plain(context.get("name")),
            "caller_number": _plain(context.get("caller_number")),
        },
        "principal": principal,
        "intent": _plain(context.get("intent")),
        "topic": _plain(context.get("topic")),
        "slots": {k: v for k, v in (_plain(context.get("slots") or {})).items() if v is not None},
        "bot_answers": [str(a) for a in _plain(list(answers))],
        "enrichment": None,
        "enrichment_error": None,
    }
    card["transcript"] = redact_transcript(_turns(context.get("transcript") or []), known_pesels(card), "agent")
    card["summary"] = str(context.get("summary") or compose_summary(card))[:200]
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
