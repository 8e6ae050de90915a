"""The secrets the scanner looks for: every PESEL, NIP, telePIN and amount of the seeds in use, and
the made-up ones the handoff tests use. Each has a label ("pesel#3") that is all a report shows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from integrations.sandbox.seed import Seed, read_seed

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Secret:
    kind: str  # pesel | nip | telepin | amount
    label: str
    value: str  # digits; for an amount, grosze

    def __repr__(self) -> str:  # never the value
        return f"Secret({self.label})"


def seeds_in_use() -> list[Path]:
    """Every seed file in the repository (YAML with a top-level ``persons:``)."""
    found = []
    for path in sorted(REPO.glob("**/*.yaml")):
        if ".venv" in path.parts or "var" in path.parts:
            continue
        head = path.read_text(encoding="utf-8", errors="replace")
        if "\npersons:" in head:
            found.append(path)
    return found


def _amounts(seed: Seed) -> set[int]:
    found: set[int] = set()
    for taxpayer in [*seed.persons, *seed.organisations]:
        for account in taxpayer.accounts:
            found |= {account.arrears, account.overpayment, account.interest_due}
            for payment in account.payments:
                found |= {payment.amount, payment.interest, payment.reminder_costs}
            found |= {refund.amount for refund in account.refunds}
            for item in account.enforcement:
                found |= {item.amount, item.costs}
    return {a for a in found if a}


def known_secrets() -> list[Secret]:
    values: dict[str, set[str]] = {"pesel": set(), "nip": set(), "telepin": set(), "amount": set()}
    for path in seeds_in_use():
        seed = read_seed(path)
        for person in seed.persons:
            values["pesel"].add(person.pesel)
            if person.nip:
                values["nip"].add(person.nip)
            if person.telepin.pin:
                values["telepin"].add(person.telepin.pin)
        values["nip"] |= {o.nip for o in seed.organisations}
        values["amount"] |= {str(a) for a in _amounts(seed)}
    # The handoff tests' own caller (tests/handoff/conftest.py): a made-up PESEL and PIN.
    from tests.handoff.conftest import PESEL, PIN

    values["pesel"].add(PESEL)
    values["telepin"].add(PIN)
    return [Secret(kind, f"{kind}#{i}", value)
            for kind in ("pesel", "nip", "telepin", "amount") for i, value in enumerate(sorted(values[kind]))]
