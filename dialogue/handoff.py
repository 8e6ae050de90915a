"""The context a human agent receives with a handed-off call: JSON-safe, PESEL masked, no key digits.

The full PESEL travels separately on ``HandOff.pesel`` (a ``Pesel``), for the agent's 360 card only.
"""

from __future__ import annotations

from dialogue.state import DialogueState


def build_context(state: DialogueState, reason: str) -> dict:
    subject = state.subject
    principal = None
    if subject is not None and not subject.own:
        principal = {
            "kind": subject.kind,
            "name": subject.name,
            "nip": subject.nip,
            "pesel_masked": subject.pesel.masked if subject.pesel else None,
            "basis": subject.basis,
        }
    return {
        "reason": reason,
        "channel": state.channel,
        "caller_number": state.caller_number,
        "identity": {
            "verified": state.verified,
            "method": "pesel+telepin" if state.verified else None,
            "pesel_entry": state.pesel_entry,
            "pesel_masked": state.pesel.masked if state.pesel else None,
        },
        "principal": principal,
        "intent": state.intent,
        "topic": state.topic,
        "slots": {"tax": state.tax, "period": state.period, "own_matter": subject.own if subject else None},
        "answered": list(state.answered),
        "transcript": [{"who": line.who, "text": line.text} for line in state.transcript],
    }
