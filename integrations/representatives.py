"""Representatives client (PPO-1 / UKO; contract: integrations/contracts/representatives.yaml)."""

from __future__ import annotations

from integrations.http import BackendHttp, Failure, invalid_identifier
from integrations.models import PrincipalsResponse


class RepresentativesClient:
    def __init__(self, http: BackendHttp) -> None:
        self.http = http

    async def principals(self, pesel: str) -> PrincipalsResponse | Failure:
        """Whom the verified person ``pesel`` may act for; the bot speaks of no one else."""
        if (refused := invalid_identifier(pesel)) is not None:
            return refused
        return await self.http.get(
            "representatives.principals",
            f"/representatives/v1/persons/{pesel}/principals",
            PrincipalsResponse,
            acting_person=pesel,
        )
