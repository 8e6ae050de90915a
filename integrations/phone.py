"""Caller numbers as they travel: one normal form (E.164), whatever the line delivered.

A telephony side may give ``+48225550101``, ``0048 22 555 01 01``, ``tel:+48-22-555-01-01`` or a SIP
URI such as ``"Jan" <sip:+48225550101@pbx.example;user=phone>``. The bot normalises before the
number is used or sent, and the identity service normalises what it receives for its per-line rate
limit, with this one function on both sides (``phonenumbers``, Google's libphonenumber; Polish
numbers without a country code are read as Polish).
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import unquote

import phonenumbers

DEFAULT_REGION = "PL"
# Longer than any real caller identity; what is longer is cut before it is looked at.
MAX_RAW = 256
_SCHEME = re.compile(r"^(?:sips?|tel):", re.IGNORECASE)


def _user_part(raw: str) -> str:
    text = raw.strip()[:MAX_RAW]
    if "<" in text and ">" in text:  # a name-addr: "Display Name" <sip:user@host>
        text = text[text.index("<") + 1:text.index(">")]
    text = _SCHEME.sub("", text)
    text = text.split("@", 1)[0]
    text = text.split(";", 1)[0]  # URI parameters (;user=phone, ;phone-context=…)
    return unquote(text)


def e164(raw: str | None) -> str | None:
    """``+48225550101`` for any spelling of a possible phone number, else None ("anonymous", "alice")."""
    if not raw:
        return None
    user = _user_part(raw)
    if not re.search(r"\d", user) or re.search(r"[a-zA-Z]", user):
        return None
    try:
        number = phonenumbers.parse(user, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def caller_key(raw: str | None) -> str | None:
    """What a per-line rate limit counts: the E.164 number, or for another identity (a SIP user
    without a number) a short digest of it; None when there is nothing (a withheld number)."""
    if not raw or not raw.strip():
        return None
    number = e164(raw)
    if number is not None:
        return number
    identity = _user_part(raw).lower() or raw.strip().lower()[:MAX_RAW]
    return "uri:" + hashlib.sha256(identity.encode("utf-8", "replace")).hexdigest()[:16]
