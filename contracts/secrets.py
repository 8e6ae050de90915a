"""Secrets are types, not strings (art. 293 Ordynacja podatkowa: tax secrecy).

A ``TelePin`` or ``Pesel`` never prints its value: ``str``/``repr``/``format`` give a masked form,
so one reaching a log line, an exception or a test report leaks nothing. The value is read only
through ``reveal()``, at the single place that must send it (the identity client).
"""

from __future__ import annotations


class _Secret:
    """Digits that never print: ``str``/``repr``/``format`` show a masked form, ``reveal()`` the digits."""

    __slots__ = ("_digits",)

    def reveal(self) -> str:
        return self._digits

    def __str__(self) -> str:
        return repr(self)

    def __format__(self, spec: str) -> str:
        return str(self)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._digits == self._digits

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._digits))


class TelePin(_Secret):
    __slots__ = ()

    def __init__(self, digits: str) -> None:
        if not (len(digits) == 6 and digits.isdigit()):
            raise ValueError("telePIN must be exactly 6 digits")
        self._digits = digits

    def __repr__(self) -> str:
        return "TelePin(******)"

    def __reduce__(self):  # never pickled (and so never queued or stored) by accident
        raise TypeError("a telePIN is not serialisable")


def mask_pesel(pesel: str) -> str:
    """``82010112345`` → ``820***45``: enough for a person to recognise, too little to identify."""
    digits = "".join(ch for ch in pesel if ch.isdigit())
    if len(digits) < 6:
        return "***"
    return f"{digits[:3]}***{digits[-2:]}"


class Pesel(_Secret):
    """A validated PESEL whose ``str`` is masked; ``reveal()`` for the backend call and the agent card."""

    __slots__ = ()

    def __init__(self, digits: str) -> None:
        from stdnum.pl import pesel as stdnum_pesel

        digits = stdnum_pesel.compact(digits)
        if not stdnum_pesel.is_valid(digits):
            raise ValueError("invalid PESEL")
        self._digits = digits

    @property
    def masked(self) -> str:
        return mask_pesel(self._digits)

    def __repr__(self) -> str:
        return f"Pesel({self.masked})"

    def __str__(self) -> str:
        return self.masked


class SecretDigits(_Secret):
    """Some digits of a secret number (the groups of a PESEL already confirmed); prints as a count."""

    __slots__ = ()

    def __init__(self, digits: str) -> None:
        if not digits.isdigit():
            raise ValueError("digits only")
        self._digits = digits

    def __len__(self) -> int:
        return len(self._digits)

    def __repr__(self) -> str:
        return f"SecretDigits({len(self._digits)} digits)"

    def __reduce__(self):
        raise TypeError("secret digits are not serialisable")
