"""Identity / telePIN client (contract: integrations/contracts/identity.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from contracts.secrets import Pesel, TelePin
from integrations.http import BackendHttp, BackendRejected, Failure
from integrations.models import VerifyResponse

VerifyOutcome = Literal["verified", "failed", "blocked", "inactive", "rate_limited"]


class VerifyResult(BaseModel):
    """``failed`` covers both a wrong PIN and an unknown PESEL (the service does not tell them apart)."""

    model_config = ConfigDict(frozen=True)
    outcome: VerifyOutcome
    retry_after_s: int | None = None


class IdentityClient:
    def __init__(self, http: BackendHttp) -> None:
        self.http = http

    async def verify(
        self, pesel: str | Pesel, pin: TelePin, caller_number: str | None = None
    ) -> VerifyResult | Failure:
        """Verify PESEL + telePIN. Never retried (a retry could count one wrong PIN twice)."""
        digits = pesel.reveal() if isinstance(pesel, Pesel) else pesel
        # The one place the PIN's digits are read: straight into the request body.
        body = {"pesel": digits, "telepin": pin.reveal(), "caller_number": caller_number}
        outcome = await self.http.post("identity.verify", "/identity/v1/verify", VerifyResponse, json=body)
        if isinstance(outcome, VerifyResponse):
            return VerifyResult(outcome=outcome.result)
        if isinstance(outcome, BackendRejected) and outcome.status == 429:
            return VerifyResult(outcome="rate_limited", retry_after_s=outcome.retry_after_s)
        return outcome
