"""``KasBackend``: the five clients the bot uses, each with its own circuit breaker."""

from __future__ import annotations

from integrations.booking import BookingClient
from integrations.http import DEFAULT_BACKEND_TOKEN, DEFAULT_BACKEND_URL, BackendHttp, backend_from_env
from integrations.identity import IdentityClient
from integrations.registration import RegistrationClient
from integrations.representatives import RepresentativesClient
from integrations.settlements import SettlementsClient


class KasBackend:
    def __init__(
        self, base_url: str = DEFAULT_BACKEND_URL, token: str = DEFAULT_BACKEND_TOKEN, timeout_s: float = 2.0,
        **http_options,
    ) -> None:
        # One breaker per system: a failing settlements service must not stop identity checks.
        def http() -> BackendHttp:
            return BackendHttp(base_url, token, timeout_s=timeout_s, **http_options)

        self.identity = IdentityClient(http())
        self.settlements = SettlementsClient(http())
        self.representatives = RepresentativesClient(http())
        self.registration = RegistrationClient(http())
        self.booking = BookingClient(http())

    @classmethod
    def from_env(cls, **http_options) -> "KasBackend":
        url, token, timeout_s = backend_from_env()
        return cls(url, token, timeout_s, **http_options)

    async def aclose(self) -> None:
        for client in (self.identity, self.settlements, self.representatives, self.registration, self.booking):
            await client.http.aclose()

    async def __aenter__(self) -> "KasBackend":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
