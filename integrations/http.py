"""The base of every back-end client: timeouts, bounded retries with jitter, a circuit breaker, and
failures returned as typed outcomes (never raised) so the dialogue can apologise and offer a human.

Retries are for idempotent reads only (GET): a retried verify could count one caller's wrong PIN
twice. Log lines name the operation, never the URL, which carries PESELs and NIPs.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import time
from typing import Literal, TypeVar

import httpx
from pydantic import BaseModel, ConfigDict, ValidationError

from integrations.breaker import CircuitBreaker

log = logging.getLogger("integrations.http")
# httpx logs every request's full URL at INFO: that would put PESELs into the logs.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)

DEFAULT_BACKEND_URL = "http://127.0.0.1:8090"
DEFAULT_BACKEND_TOKEN = "demo-token"

M = TypeVar("M", bound=BaseModel)


class BackendUnavailable(BaseModel):
    """The back end could not answer: the dialogue apologises and offers a human agent."""

    model_config = ConfigDict(frozen=True)
    kind: Literal["unavailable"] = "unavailable"
    reason: Literal["timeout", "connection", "server_error", "circuit_open", "bad_response", "unauthorised"]


class BackendRejected(BaseModel):
    """The back end answered with a 4xx the dialogue can act on (``reason`` as in the contract),
    e.g. ``not_a_principal``, ``outside_scope``, ``invalid_pesel``, ``rate_limited``."""

    model_config = ConfigDict(frozen=True)
    kind: Literal["rejected"] = "rejected"
    status: int
    reason: str
    retry_after_s: int | None = None


Failure = BackendUnavailable | BackendRejected

_RETRYABLE_STATUS = {500, 502, 503, 504}
# An attempt with less time than this left in the budget is not worth starting.
MIN_ATTEMPT_S = 0.2


class BackendHttp:
    """One back-end service: an ``httpx.AsyncClient`` plus its own circuit breaker."""

    def __init__(
        self,
        base_url: str = DEFAULT_BACKEND_URL,
        token: str = DEFAULT_BACKEND_TOKEN,
        *,
        timeout_s: float = 2.0,
        retries: int = 2,
        backoff_s: float = 0.05,
        backoff_cap_s: float = 0.5,
        breaker: CircuitBreaker | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        deadline_s: float | None = None,
    ) -> None:
        self.retries = retries
        self.timeout_s = timeout_s
        # The whole answer, retries included, within this: a caller waits for an answer, not for
        # a number of attempts. None = (1 + retries) attempts of timeout_s each.
        self.deadline_s = deadline_s
        self.backoff_s = backoff_s
        self.backoff_cap_s = backoff_cap_s
        self.breaker = breaker or CircuitBreaker()
        self._client = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(timeout_s),
            headers={"Authorization": f"Bearer {token}"},
            transport=transport,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(
        self, operation: str, path: str, model: type[M], *, acting_person: str | None = None,
        params: dict[str, str] | None = None,
    ) -> M | Failure:
        headers = {"X-Acting-Person": acting_person} if acting_person else None
        return await self._retrying(operation, "GET", path, model, headers=headers, params=params)

    async def post(self, operation: str, path: str, model: type[M], *, json: dict, retry: bool = False) -> M | Failure:
        """Not retried unless the request is idempotent by contract (``retry=True``, e.g. a booking
        carrying its ``request_id``)."""
        if retry:
            return await self._retrying(operation, "POST", path, model, json=json)
        outcome, _ = await self._once(operation, "POST", path, model, json=json)
        return outcome

    async def delete(self, operation: str, path: str, model: type[M]) -> M | Failure:
        """DELETE is idempotent by HTTP's rules: retried like a read."""
        return await self._retrying(operation, "DELETE", path, model)

    async def _retrying(self, operation: str, method: str, path: str, model: type[M], **kwargs) -> M | Failure:
        attempts = 1 + self.retries
        deadline = time.monotonic() + self.deadline_s if self.deadline_s else None
        outcome: M | Failure = BackendUnavailable(reason="connection")
        for attempt in range(attempts):
            timeout = self.timeout_s
            if deadline is not None:
                timeout = min(timeout, deadline - time.monotonic())
                if timeout < MIN_ATTEMPT_S:
                    return outcome  # the budget is spent: what we have is the answer
            outcome, retryable = await self._once(operation, method, path, model, timeout=timeout, **kwargs)
            if not retryable or attempt == attempts - 1 or self.breaker.state == "open":
                return outcome
            # Full jitter: spread retries of many calls so they do not hit a recovering back end together.
            await asyncio.sleep(random.uniform(0, min(self.backoff_cap_s, self.backoff_s * 2**attempt)))
        return outcome

    async def _once(self, operation: str, method: str, path: str, model: type[M], **kwargs) -> tuple[M | Failure, bool]:
        """One attempt: (outcome, worth retrying)."""
        if not self.breaker.allow():
            log.warning("backend %s: circuit open", operation)
            return BackendUnavailable(reason="circuit_open"), False
        started = time.perf_counter()
        try:
            response = await self._client.request(method, path, **kwargs)
        except httpx.TimeoutException:
            self.breaker.record_failure()
            log.warning("backend %s: timeout after %.0fms", operation, _ms(started))
            return BackendUnavailable(reason="timeout"), True
        except httpx.TransportError as exc:
            self.breaker.record_failure()
            log.warning("backend %s: %s", operation, type(exc).__name__)
            return BackendUnavailable(reason="connection"), True
        log.info("backend %s: %d in %.0fms", operation, response.status_code, _ms(started))
        if response.status_code >= 500:
            self.breaker.record_failure()
            return BackendUnavailable(reason="server_error"), response.status_code in _RETRYABLE_STATUS
        self.breaker.record_success()  # the service answered; 4xx is about the request, not its health
        if response.status_code == 401:
            return BackendUnavailable(reason="unauthorised"), False
        if response.status_code >= 400:
            return _rejected(response), False
        try:
            return model.model_validate(response.json()), False
        except (ValueError, ValidationError):
            log.warning("backend %s: response does not match the contract", operation)
            return BackendUnavailable(reason="bad_response"), False


def invalid_identifier(value: str) -> BackendRejected | None:
    """Refuse locally an identifier that could not be a PESEL or NIP (it becomes part of a URL path)."""
    if value.isdigit() and len(value) in (10, 11):
        return None
    return BackendRejected(status=400, reason="invalid_taxpayer_id")


def _rejected(response: httpx.Response) -> BackendRejected:
    try:
        reason = str(response.json().get("reason", "rejected"))
    except (ValueError, AttributeError):
        reason = "rejected"
    retry_after = response.headers.get("Retry-After")
    return BackendRejected(
        status=response.status_code,
        reason=reason,
        retry_after_s=int(retry_after) if retry_after and retry_after.isdigit() else None,
    )


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def backend_from_env() -> tuple[str, str, float]:
    """(url, token, timeout) from ``VOICEBOT_BACKEND_URL`` / ``_TOKEN`` / ``_TIMEOUT_S`` with demo defaults."""
    return (
        os.environ.get("VOICEBOT_BACKEND_URL", DEFAULT_BACKEND_URL),
        os.environ.get("VOICEBOT_BACKEND_TOKEN", DEFAULT_BACKEND_TOKEN),
        float(os.environ.get("VOICEBOT_BACKEND_TIMEOUT_S", "2.0")),
    )
