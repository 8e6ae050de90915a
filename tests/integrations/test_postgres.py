"""The sandbox on PostgreSQL (as docker-compose runs it): the demo seed loads, and the clients'
main reads and the telePIN lockout work over real HTTP. PostgreSQL enforces column lengths and
types that SQLite lets pass, so this is where a seed or schema mismatch shows."""

from __future__ import annotations

from dialogue.secrets import TelePin
from integrations.backend import KasBackend
from integrations.models import BalancesResponse, PaymentsResponse, RefundsResponse
from tests.fixtures.sandbox import start_sandbox


async def test_sandbox_on_postgres_serves_the_contracts(postgres_url, tmp_path):
    sandbox = start_sandbox(tmp_path / "pg", db_url=postgres_url)
    try:
        person = sandbox.seed.person("pit_refund")
        drill = sandbox.seed.person("lockout_drill")
        wrong = TelePin("000000" if drill.telepin.pin != "000000" else "111111")
        async with KasBackend(sandbox.url, sandbox.token) as kas:
            assert (await kas.identity.verify(person.pesel, TelePin(person.telepin.pin))).outcome == "verified"
            assert isinstance(await kas.settlements.balances(person.pesel, person.pesel), BalancesResponse)
            assert isinstance(await kas.settlements.payments(person.pesel, person.pesel), PaymentsResponse)
            refunds = await kas.settlements.refunds(person.pesel, person.pesel)
            assert isinstance(refunds, RefundsResponse) and refunds.refunds
            outcomes = [(await kas.identity.verify(drill.pesel, wrong)).outcome for _ in range(3)]
            assert outcomes == ["failed", "failed", "failed"]  # a wrong PIN never hears more
            # The lockout happened: the holder's own PIN now hears "blocked".
            assert (await kas.identity.verify(drill.pesel, TelePin(drill.telepin.pin))).outcome == "blocked"
    finally:
        sandbox.stop()
    assert person.pesel not in sandbox.log_text()
