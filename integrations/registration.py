"""Registration (360 view) client (contract: integrations/contracts/registration.yaml)."""

from __future__ import annotations

from integrations.http import BackendHttp, Failure, invalid_identifier
from integrations.models import Registration


class RegistrationClient:
    def __init__(self, http: BackendHttp) -> None:
        self.http = http

    async def get(self, taxpayer_id: str, acting_pesel: str) -> Registration | Failure:
        if (refused := invalid_identifier(taxpayer_id)) is not None:
            return refused
        return await self.http.get(
            "registration.get", f"/registration/v1/taxpayers/{taxpayer_id}", Registration, acting_person=acting_pesel
        )
