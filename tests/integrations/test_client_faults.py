"""The clients when the back end is down, slow, or failing: typed outcomes, bounded retries, and a
circuit breaker that opens and then recovers. Faults are injected into the real sandbox."""

from __future__ import annotations

import asyncio
import socket

import httpx

from dialogue.secrets import TelePin
from integrations.backend import KasBackend
from integrations.http import BackendHttp, BackendUnavailable
from integrations.breaker import CircuitBreaker
from integrations.identity import IdentityClient
from integrations.models import Registration
from integrations.settlements import SettlementsClient


def _set_faults(server, mode: str, delay_s: float = 0.0) -> None:
    response = httpx.put(f"{server.url}/sandbox/faults", json={"mode": mode, "delay_s": delay_s},
                         headers=server.headers(admin=True), timeout=5)
    assert response.status_code == 200


def _requests(server) -> int:
    return httpx.get(f"{server.url}/sandbox/stats", headers=server.headers(admin=True), timeout=5).json()[
        "contract_requests"]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens here once closed


async def test_backend_down_is_a_typed_outcome_not_a_crash(sandbox_server):
    async with KasBackend(f"http://127.0.0.1:{_closed_port()}", "t", timeout_s=1.0, backoff_s=0.01) as kas:
        person = sandbox_server.seed.person("pit_refund")
        assert await kas.settlements.balances(person.pesel, person.pesel) == BackendUnavailable(reason="connection")
        assert await kas.identity.verify(person.pesel, TelePin(person.telepin.pin)) == BackendUnavailable(
            reason="connection")
        assert await kas.representatives.principals(person.pesel) == BackendUnavailable(reason="connection")


async def test_a_stopped_sandbox_gives_connection_outcome(make_sandbox):
    server = make_sandbox()
    person = server.seed.person("pit_refund")
    async with KasBackend(server.url, server.token, timeout_s=1.0, backoff_s=0.01) as kas:
        assert isinstance(await kas.registration.get(person.pesel, person.pesel), Registration)
        server.stop()
        assert await kas.registration.get(person.pesel, person.pesel) == BackendUnavailable(reason="connection")


async def test_slow_backend_times_out(make_sandbox):
    server = make_sandbox()
    person = server.seed.person("pit_refund")
    _set_faults(server, "slow", delay_s=3.0)
    http = BackendHttp(server.url, server.token, timeout_s=0.3, retries=0)
    try:
        result = await SettlementsClient(http).balances(person.pesel, person.pesel)
    finally:
        await http.aclose()
    assert result == BackendUnavailable(reason="timeout")


async def test_reads_are_retried_but_verify_is_not(make_sandbox):
    server = make_sandbox()
    person = server.seed.person("pit_refund")
    _set_faults(server, "error")
    breaker = CircuitBreaker(failure_threshold=100)
    http = BackendHttp(server.url, server.token, retries=2, backoff_s=0.01, breaker=breaker)
    try:
        before = _requests(server)
        assert await SettlementsClient(http).balances(person.pesel, person.pesel) == BackendUnavailable(
            reason="server_error")
        assert _requests(server) - before == 3  # one try + two retries
        before = _requests(server)
        assert await IdentityClient(http).verify(person.pesel, TelePin(person.telepin.pin)) == BackendUnavailable(
            reason="server_error")
        assert _requests(server) - before == 1  # a verify is never repeated
    finally:
        await http.aclose()


async def test_breaker_opens_on_500s_then_recovers(make_sandbox):
    server = make_sandbox()
    person = server.seed.person("pit_refund")
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout_s=0.5)
    http = BackendHttp(server.url, server.token, retries=0, breaker=breaker)
    client = SettlementsClient(http)
    try:
        _set_faults(server, "error")
        for _ in range(3):
            assert await client.balances(person.pesel, person.pesel) == BackendUnavailable(reason="server_error")
        assert breaker.state == "open"
        before = _requests(server)
        assert await client.balances(person.pesel, person.pesel) == BackendUnavailable(reason="circuit_open")
        assert _requests(server) == before  # open: no request reached the back end
        _set_faults(server, "none")
        while breaker.state == "open":
            await asyncio.sleep(0.05)
        assert breaker.state == "half_open"
        recovered = await client.balances(person.pesel, person.pesel)
        assert recovered.balances and breaker.state == "closed"
    finally:
        await http.aclose()


async def test_failed_probe_reopens_the_breaker(make_sandbox):
    server = make_sandbox()
    person = server.seed.person("pit_refund")
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout_s=0.3)
    http = BackendHttp(server.url, server.token, retries=0, breaker=breaker)
    try:
        _set_faults(server, "error")
        await SettlementsClient(http).balances(person.pesel, person.pesel)
        assert breaker.state == "open"
        while breaker.state == "open":
            await asyncio.sleep(0.05)
        await SettlementsClient(http).balances(person.pesel, person.pesel)  # the probe fails
        assert breaker.state == "open"
    finally:
        await http.aclose()


def test_breaker_allows_one_probe_at_a_time():
    now = [0.0]
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout_s=5, clock=lambda: now[0])
    breaker.record_failure()
    assert breaker.state == "closed"
    breaker.record_failure()
    assert breaker.state == "open" and not breaker.allow()
    now[0] = 5.0
    assert breaker.allow() and not breaker.allow()  # one probe in flight
    breaker.record_success()
    assert breaker.state == "closed" and breaker.allow()


async def test_retries_stop_at_the_deadline_not_at_a_count(make_sandbox):
    """Issue 10 (low): a slow back end cost 3 attempts × 2 s before the apology. With a deadline,
    attempts stop when the time is spent, however many retries were allowed: a hanging back end
    gets at most two attempts of 1 s within a 1.5 s budget, not six."""
    server = make_sandbox()
    person = server.seed.person("pit_refund")
    _set_faults(server, "slow", delay_s=5.0)
    breaker = CircuitBreaker(failure_threshold=100)
    http = BackendHttp(server.url, server.token, timeout_s=1.0, retries=5, backoff_s=0.01, breaker=breaker,
                       deadline_s=1.5)
    try:
        before = _requests(server)
        assert await SettlementsClient(http).balances(person.pesel, person.pesel) == BackendUnavailable(
            reason="timeout")
        assert 1 <= _requests(server) - before <= 2
    finally:
        _set_faults(server, "none")
        await http.aclose()
