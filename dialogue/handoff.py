"""What a human agent receives with a handed-off call.

``build_context``: the ``contracts.handoff.HandoffContext``, with no secret in it (the PESEL only
masked, key presses only as the count the transcript notes, the bot's protected lines as their
placeholder). ``bot_words``: what the bot said in full, amounts included, which travels beside the
context on ``HandOff.said`` for the verified agent's card only (as the full PESEL on ``HandOff.pesel``).
"""

from __future__ import annotations

from contracts.handoff import CallerIdentity, HandoffContext, PrincipalRef, TranscriptLine
from dialogue.state import DialogueState


def build_context(state: DialogueState, reason: str) -> HandoffContext:
    subject = state.subject
    principal = None
    if subject is not None and not subject.own:
        principal = PrincipalRef(kind=subject.kind, name=subject.name, basis=subject.basis, nip=subject.nip,
                                 pesel_masked=subject.pesel.masked if subject.pesel else None)
    return HandoffContext(
        reason=reason,
        channel=state.channel,
        caller_number=state.caller_number,
        identity=CallerIdentity(
            verified=state.verified,
            method="pesel+telepin" if state.verified else None,
            pesel_entry=state.pesel_entry,
            pesel_masked=state.pesel.masked if state.pesel else None,
        ),
        principal=principal,
        own_matter=subject.own if subject else None,
        intent=state.intent,
        topic=state.topic,
        tax=state.tax,
        period=state.period,
        answered=tuple(state.answered),
        transcript=tuple(TranscriptLine(line.who, line.text) for line in state.transcript),
    )


def bot_words(state: DialogueState) -> tuple[str, ...]:
    """What the bot said, in full and newest first, for the verified agent's card (``HandOff.said``):
    nothing unless the caller is verified (before that a line may read back an unverified PESEL)."""
    if not state.verified:
        return ()
    return tuple(getattr(line, "said", None) or line.text for line in reversed(state.transcript) if line.who == "bot")
