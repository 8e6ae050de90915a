"""No PESEL, NIP, telePIN or token in any log line: the clients' logs and the sandbox's own log."""

from __future__ import annotations

import logging

from dialogue.secrets import TelePin
from integrations.backend import KasBackend


async def test_a_whole_session_logs_no_identifiers(make_sandbox, caplog):
    server = make_sandbox()
    seed = server.seed
    attorney = seed.person("ppo1_attorney")
    company = seed.organisation("company_overpayment_enforcement")
    caplog.set_level(logging.DEBUG)
    async with KasBackend(server.url, server.token) as kas:
        await kas.identity.verify(attorney.pesel, TelePin(attorney.telepin.pin), "+48600100200")
        await kas.identity.verify(attorney.pesel, TelePin("000000"), "+48600100200")
        await kas.representatives.principals(attorney.pesel)
        for query in ("balance", "payments", "refund", "enforcement"):
            await kas.settlements.lookup(query, company.nip, attorney.pesel)
        await kas.registration.get(company.nip, attorney.pesel)
        await kas.settlements.balances(seed.person("pit_refund").pesel, attorney.pesel)  # a 403
    server.stop()
    secrets = {server.token, server.admin_token, "000000"}
    for person in seed.persons:
        secrets |= {person.pesel, person.telepin.pin, person.nip} - {None}
    secrets |= {o.nip for o in seed.organisations}
    client_log = caplog.text
    sandbox_log = server.log_text()
    assert "backend settlements.balances" in client_log  # the clients did log
    assert "GET /settlements/v1/taxpayers/{taxpayer_id}/balances 200" in sandbox_log  # route templates only
    leaked = [name for name, text in (("client", client_log), ("sandbox", sandbox_log)) if any(s in text for s in secrets)]
    assert leaked == []
