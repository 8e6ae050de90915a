"""Moved to ``polish.redaction`` (one owner of redaction); this re-export keeps old imports working."""

from polish.redaction import (HIDDEN, HIDDEN_AMOUNT, MIN_SENSITIVE_DIGITS, Audience, redact_bot_text,  # noqa: F401
                              redact_caller_text, redact_transcript, redact_turn, sensitive_numbers)
