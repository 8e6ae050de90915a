"""Moved to ``contracts.secrets`` (one owner); this re-export keeps old imports working."""

from contracts.secrets import Pesel, SecretDigits, TelePin, mask_pesel  # noqa: F401
