"""Key presses on a SIP call: RFC 4733 telephone-events (decoded by aiortp) and SIP INFO, the fallback
some PBXs use (``application/dtmf-relay`` "Signal=5", ``application/dtmf`` "5").

Only the twelve keypad keys count; a key is a secret (it may be a telePIN digit), so nothing here
logs, and a caller of these functions passes the key to the pipeline and nowhere else.
"""

from __future__ import annotations

KEYPAD = frozenset("0123456789*#")
INFO_TYPES = ("application/dtmf-relay", "application/dtmf")
MAX_INFO_BODY = 256


def key_for_event(digit: str) -> str | None:
    """The keypad key of a telephone-event (aiortp names events 0-9 * # A-D); A-D are not keys."""
    return digit if digit in KEYPAD else None


def key_from_info(content_type: str | None, body: bytes) -> str | None:
    """The key a SIP INFO carries, or None when it carries none we accept."""
    if content_type is None or len(body) > MAX_INFO_BODY:
        return None
    kind = content_type.split(";")[0].strip().lower()
    try:
        text = body.decode("ascii").strip()
    except UnicodeDecodeError:
        return None
    if kind == "application/dtmf":
        return text if text in KEYPAD else None
    if kind == "application/dtmf-relay":
        for line in text.splitlines():
            name, _, value = line.partition("=")
            if name.strip().lower() == "signal":
                value = value.strip()
                value = {"10": "*", "11": "#"}.get(value, value)
                return value if value in KEYPAD else None
    return None
