"""telePIN hashing: Argon2id only, with a dummy hash so an unknown PESEL costs the same work.

Parameters follow the OWASP password-storage minimum for Argon2id (m=19 MiB, t=2, p=1): a 6-digit
PIN's strength comes from the 3-failure lockout, the hash only protects a stolen database.
"""

from __future__ import annotations

import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class PinHasher:
    def __init__(self, time_cost: int = 2, memory_cost_kib: int = 19456, parallelism: int = 1) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost_kib, parallelism=parallelism)
        # Verified against when there is no real hash (unknown PESEL, blocked, inactive): same timing class.
        self._dummy_hash = self._hasher.hash("000000-not-a-pin")
        self._lock = threading.Lock()
        self.verifications = 0  # exposed by the sandbox's /sandbox/stats, so tests can see the work done

    def hash(self, pin: str) -> str:
        return self._hasher.hash(pin)

    def verify(self, pin_hash: str | None, pin: str) -> bool:
        """True only when ``pin`` matches ``pin_hash``; always runs exactly one Argon2id verification."""
        with self._lock:
            self.verifications += 1
        try:
            return self._hasher.verify(pin_hash or self._dummy_hash, pin) and pin_hash is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
