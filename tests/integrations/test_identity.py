"""Identity / telePIN over real HTTP: outcomes, lockout, races, enumeration, rate limits, e-US admin."""

from __future__ import annotations

import asyncio
import sqlite3

import httpx
import pytest

from dialogue.secrets import Pesel, TelePin
from integrations.backend import KasBackend
from integrations.http import BackendRejected
from integrations.identity import VerifyResult


def wrong(pin: str) -> TelePin:
    return TelePin(f"{(int(pin) + 1) % 1_000_000:06d}")


def _failures(server, pesel: str) -> tuple[str, int]:
    with sqlite3.connect(server.db_path) as conn:
        return conn.execute("SELECT state, failures FROM telepins WHERE pesel = ?", (pesel,)).fetchone()


def _stats(server) -> dict:
    return httpx.get(f"{server.url}/sandbox/stats", headers=server.headers(admin=True), timeout=5).json()


async def test_verified_with_the_right_pin(backend, sandbox_server):
    person = sandbox_server.seed.person("pit_refund")
    result = await backend.identity.verify(person.pesel, TelePin(person.telepin.pin), "+48221234567")
    assert result == VerifyResult(outcome="verified")


async def test_accepts_a_pesel_object(backend, sandbox_server):
    person = sandbox_server.seed.person("vat_arrears_sole_trader")
    result = await backend.identity.verify(Pesel(person.pesel), TelePin(person.telepin.pin))
    assert result.outcome == "verified"


async def test_blocked_and_inactive_states_are_told_to_the_pins_holder(backend, sandbox_server):
    blocked = sandbox_server.seed.person("blocked_telepin")
    inactive = sandbox_server.seed.person("inactive_telepin")
    assert (await backend.identity.verify(blocked.pesel, TelePin(blocked.telepin.pin))).outcome == "blocked"
    # The PIN the telePIN had before it was deleted in e-US.
    assert (await backend.identity.verify(inactive.pesel, TelePin(inactive.telepin.pin))).outcome == "inactive"


async def test_no_existence_oracle_without_the_right_pin(make_sandbox):
    """Issue 10, finding 7: blocked and inactive telePINs were announced whatever PIN was typed, so
    a known PESEL was told from an unknown one. Now a wrong PIN gets the same bytes for every seeded
    PESEL, whatever its telePIN's state, as for a PESEL nobody has, after the same Argon2 work."""
    server = make_sandbox()
    unknown_pesel = "02070803628"  # valid checksum, in no seed
    assert unknown_pesel not in {p.pesel for p in server.seed.persons}
    async with httpx.AsyncClient(base_url=server.url, headers=server.headers()) as client:
        async def attempt(pesel: str, pin: str) -> tuple[bytes, int]:
            before = _stats(server)["argon2_verifications"]
            answer = await client.post("/identity/v1/verify", json={"pesel": pesel, "telepin": pin})
            return answer.content, _stats(server)["argon2_verifications"] - before

        reference = await attempt(unknown_pesel, "000000")
        assert reference == (b'{"result":"failed"}', 1)
        for person in server.seed.persons:
            pin = person.telepin.pin or "000000"
            wrong_pin = wrong(pin).reveal() if wrong(pin).reveal() != "000000" else "999999"
            assert await attempt(person.pesel, wrong_pin) == reference, person.role


async def test_lockout_after_three_failures_and_only_a_new_pin_unblocks(make_sandbox):
    server = make_sandbox()
    person = server.seed.person("pit_refund")
    async with KasBackend(server.url, server.token) as kas:
        outcomes = [(await kas.identity.verify(person.pesel, wrong(person.telepin.pin))).outcome for _ in range(3)]
        # The attempt that blocks it is a wrong PIN too: it learns nothing more than "failed".
        assert outcomes == ["failed", "failed", "failed"]
        assert _failures(server, person.pesel) == ("blocked", 3)
        # The holder, with the right PIN, hears why.
        assert (await kas.identity.verify(person.pesel, TelePin(person.telepin.pin))).outcome == "blocked"
        assert (await kas.identity.verify(person.pesel, wrong(person.telepin.pin))).outcome == "failed"
        async with httpx.AsyncClient(base_url=server.url, headers=server.headers(admin=True)) as admin:
            stats = (await admin.get("/identity/v1/statistics")).json()
            assert stats["blocked"] == 2  # the seeded one and this one
            new_pin = wrong(wrong(person.telepin.pin).reveal())
            put = await admin.put(f"/identity/v1/telepins/{person.pesel}", json={"telepin": new_pin.reveal()})
            assert put.json() == {"state": "active"}
        assert (await kas.identity.verify(person.pesel, TelePin(person.telepin.pin))).outcome == "failed"
        assert (await kas.identity.verify(person.pesel, new_pin)).outcome == "verified"


async def test_success_on_another_pesel_does_not_reset_the_count(make_sandbox):
    server = make_sandbox()
    target = server.seed.person("pit_refund")
    other = server.seed.person("vat_arrears_sole_trader")
    async with KasBackend(server.url, server.token) as kas:
        for _ in range(2):
            assert (await kas.identity.verify(target.pesel, wrong(target.telepin.pin))).outcome == "failed"
        assert (await kas.identity.verify(other.pesel, TelePin(other.telepin.pin))).outcome == "verified"
        assert (await kas.identity.verify(target.pesel, wrong(target.telepin.pin))).outcome == "failed"
        assert _failures(server, target.pesel) == ("blocked", 3)


async def test_success_resets_consecutive_failures_of_the_same_pesel(make_sandbox):
    server = make_sandbox()
    person = server.seed.person("pit_refund")
    async with KasBackend(server.url, server.token) as kas:
        for _ in range(2):
            await kas.identity.verify(person.pesel, wrong(person.telepin.pin))
        assert (await kas.identity.verify(person.pesel, TelePin(person.telepin.pin))).outcome == "verified"
        assert _failures(server, person.pesel) == ("active", 0)
        assert (await kas.identity.verify(person.pesel, wrong(person.telepin.pin))).outcome == "failed"


async def test_parallel_attempts_cannot_exceed_the_failure_limit(make_sandbox):
    server = make_sandbox()
    person = server.seed.person("pit_refund")
    async with KasBackend(server.url, server.token) as kas:
        attempts = [kas.identity.verify(person.pesel, wrong(person.telepin.pin)) for _ in range(12)]
        # The right PIN races the wrong ones: it may win only before the lockout, never after.
        attempts += [kas.identity.verify(person.pesel, TelePin(person.telepin.pin)) for _ in range(3)]
        outcomes = [r.outcome for r in await asyncio.gather(*attempts)]
        state, failures = _failures(server, person.pesel)
        assert state == "blocked" and failures == 3
        assert set(outcomes[:12]) == {"failed"}  # wrong PINs never hear more
        assert set(outcomes[12:]) <= {"verified", "blocked"}
        assert (await kas.identity.verify(person.pesel, TelePin(person.telepin.pin))).outcome == "blocked"


async def test_unknown_pesel_is_indistinguishable_from_a_wrong_pin(make_sandbox):
    server = make_sandbox()
    person = server.seed.person("pit_refund")
    unknown_pesel = "02070803628"  # valid checksum, in no seed
    assert unknown_pesel not in {p.pesel for p in server.seed.persons}
    async with httpx.AsyncClient(base_url=server.url, headers=server.headers()) as client:
        before = _stats(server)["argon2_verifications"]
        wrong_pin = await client.post("/identity/v1/verify", json={"pesel": person.pesel, "telepin": "000000"})
        middle = _stats(server)["argon2_verifications"]
        unknown = await client.post("/identity/v1/verify", json={"pesel": unknown_pesel, "telepin": "000000"})
        after = _stats(server)["argon2_verifications"]
    assert wrong_pin.status_code == unknown.status_code == 200
    assert wrong_pin.content == unknown.content == b'{"result":"failed"}'
    drop = {"date"}
    assert {k: v for k, v in wrong_pin.headers.items() if k not in drop} == {
        k: v for k, v in unknown.headers.items() if k not in drop
    }
    # Same timing class: each answer cost exactly one Argon2id verification.
    assert middle - before == 1 and after - middle == 1


async def test_rate_limited_per_caller_number(make_sandbox):
    server = make_sandbox(rate_limit_per_caller=3)
    people = [server.seed.person(r) for r in ("pit_refund", "vat_arrears_sole_trader", "pcc_sd", "lockout_drill")]
    async with KasBackend(server.url, server.token) as kas:
        results = [await kas.identity.verify(p.pesel, TelePin(p.telepin.pin), "+48600100200") for p in people]
        assert [r.outcome for r in results] == ["verified", "verified", "verified", "rate_limited"]
        assert results[-1].retry_after_s and results[-1].retry_after_s > 0
        other_line = await kas.identity.verify(people[-1].pesel, TelePin(people[-1].telepin.pin), "+48600100201")
        assert other_line.outcome == "verified"


async def test_a_withheld_number_gets_no_fresh_budget(make_sandbox):
    """Issue 10, finding 8: the per-line limit was skipped when no caller number was sent. Attempts
    without one now share one "withheld" budget (each on another PESEL, so the per-PESEL limit
    stays out of it)."""
    server = make_sandbox(rate_limit_per_caller=3)
    people = [server.seed.person(r) for r in ("pit_refund", "vat_arrears_sole_trader", "pcc_sd", "lockout_drill")]
    async with KasBackend(server.url, server.token) as kas:
        outcomes = [(await kas.identity.verify(p.pesel, TelePin(p.telepin.pin), None)).outcome for p in people]
        assert outcomes == ["verified", "verified", "verified", "rate_limited"]
        assert (await kas.identity.verify(people[0].pesel, TelePin(people[0].telepin.pin), "+48600100201")).outcome \
            == "verified"


async def test_caller_numbers_count_as_one_line_whatever_their_spelling(make_sandbox):
    """Issue 10, finding 9: a SIP URI (longer than 32 characters) got a 400, so the caller heard
    "system niedostępny"; other spellings of one number counted as other lines. One line, one budget."""
    server = make_sandbox(rate_limit_per_caller=3)
    people = [server.seed.person(r) for r in ("pit_refund", "vat_arrears_sole_trader", "pcc_sd", "lockout_drill")]
    spellings = ["sip:+48225550101@pbx.example;user=phone", "+48 22 555 01 01", "tel:0048-22-555-01-01",
                 "225550101"]
    assert len(spellings[0]) > 32
    async with KasBackend(server.url, server.token) as kas:
        outcomes = [(await kas.identity.verify(p.pesel, TelePin(p.telepin.pin), line)).outcome
                    for p, line in zip(people, spellings)]
    assert outcomes == ["verified", "verified", "verified", "rate_limited"]


async def test_rate_limited_per_pesel_across_caller_numbers(make_sandbox):
    server = make_sandbox(rate_limit_per_pesel=2)
    person = server.seed.person("pit_refund")
    async with KasBackend(server.url, server.token) as kas:
        outcomes = [
            (await kas.identity.verify(person.pesel, TelePin(person.telepin.pin), f"+4860010020{i}")).outcome
            for i in range(3)
        ]
    assert outcomes == ["verified", "verified", "rate_limited"]


async def test_delete_makes_the_telepin_inactive(make_sandbox):
    server = make_sandbox()
    person = server.seed.person("lockout_drill")
    async with httpx.AsyncClient(base_url=server.url, headers=server.headers(admin=True)) as admin:
        assert (await admin.delete(f"/identity/v1/telepins/{person.pesel}")).json() == {"state": "inactive"}
        assert (await admin.get(f"/identity/v1/telepins/{person.pesel}")).json() == {"state": "inactive"}
        stats = (await admin.get("/identity/v1/statistics")).json()
    assert stats == {"active": 5, "blocked": 1, "inactive": 2}
    async with KasBackend(server.url, server.token) as kas:
        assert (await kas.identity.verify(person.pesel, TelePin(person.telepin.pin))).outcome == "inactive"
        assert (await kas.identity.verify(person.pesel, wrong(person.telepin.pin))).outcome == "failed"


def test_sandbox_stats_need_the_admin_token(sandbox_server):
    """Issue 10 (low): /sandbox/stats answered without a token."""
    assert httpx.get(f"{sandbox_server.url}/sandbox/stats", timeout=5).status_code == 401
    assert httpx.get(f"{sandbox_server.url}/sandbox/stats", headers=sandbox_server.headers(), timeout=5).status_code == 401
    assert httpx.get(f"{sandbox_server.url}/sandbox/stats", headers=sandbox_server.headers(admin=True),
                     timeout=5).status_code == 200


def test_admin_operations_need_the_admin_token(sandbox_server):
    person = sandbox_server.seed.person("pit_refund")
    response = httpx.put(f"{sandbox_server.url}/identity/v1/telepins/{person.pesel}", json={"telepin": "111111"},
                         headers=sandbox_server.headers(), timeout=5)
    assert response.status_code == 401 and response.json()["reason"] == "unauthorised"
    statistics = httpx.get(f"{sandbox_server.url}/identity/v1/statistics", headers=sandbox_server.headers(), timeout=5)
    assert statistics.status_code == 401


def _bad_bodies(pesel: str, pin: str) -> dict[str, tuple[dict, str]]:
    bad_check = pesel[:-1] + str((int(pesel[-1]) + 1) % 10)
    return {
        "bad-checksum": ({"pesel": bad_check, "telepin": pin}, "invalid_pesel"),
        "short-pesel": ({"pesel": pesel[:-1], "telepin": pin}, "invalid_pesel"),
        "short-pin": ({"pesel": pesel, "telepin": pin[:-1]}, "invalid_telepin"),
        "letter-in-pin": ({"pesel": pesel, "telepin": "a" + pin[1:]}, "invalid_telepin"),
        "missing-pin": ({"pesel": pesel}, "invalid_request"),
    }


@pytest.mark.parametrize("case", ["bad-checksum", "short-pesel", "short-pin", "letter-in-pin", "missing-pin"])
def test_bad_verify_input_is_a_clean_400(sandbox_server, case):
    person = sandbox_server.seed.person("pit_refund")
    body, reason = _bad_bodies(person.pesel, person.telepin.pin)[case]
    response = httpx.post(f"{sandbox_server.url}/identity/v1/verify", json=body, headers=sandbox_server.headers(),
                          timeout=5)
    assert response.status_code == 400
    assert response.json()["reason"] == reason
    assert "Traceback" not in response.text
    assert body["pesel"] not in response.text  # the input is never echoed


def test_malformed_json_is_a_clean_400(sandbox_server):
    response = httpx.post(f"{sandbox_server.url}/identity/v1/verify", content=b'{"pesel": "8503',
                          headers={**sandbox_server.headers(), "Content-Type": "application/json"}, timeout=5)
    assert response.status_code == 400
    assert response.json() == {"reason": "malformed_json", "detail": "the request body is not valid JSON"}


async def test_bad_pesel_is_a_typed_rejection(backend, sandbox_server):
    pesel = sandbox_server.seed.person("pit_refund").pesel
    result = await backend.identity.verify(pesel[:-1] + str((int(pesel[-1]) + 1) % 10), TelePin("123456"))
    assert result == BackendRejected(status=400, reason="invalid_pesel")
