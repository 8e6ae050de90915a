"""Settlements client (rozliczenia; contract: integrations/contracts/settlements.yaml)."""

from __future__ import annotations

from typing import Literal

from integrations.http import BackendHttp, Failure, invalid_identifier
from integrations.models import BalancesResponse, EnforcementResponse, PaymentsResponse, RefundsResponse

SettlementsQuery = Literal["balance", "payments", "refund", "enforcement"]

_ENDPOINTS = {
    "balance": ("balances", BalancesResponse),
    "payments": ("payments", PaymentsResponse),
    "refund": ("refunds", RefundsResponse),
    "enforcement": ("enforcement", EnforcementResponse),
}

SettlementsResult = BalancesResponse | PaymentsResponse | RefundsResponse | EnforcementResponse


class SettlementsClient:
    def __init__(self, http: BackendHttp) -> None:
        self.http = http

    async def lookup(
        self, query: SettlementsQuery, taxpayer_id: str, acting_pesel: str, tax: str | None = None
    ) -> SettlementsResult | Failure:
        """One settlements question about ``taxpayer_id`` (PESEL or NIP) asked by the verified person."""
        endpoint, model = _ENDPOINTS[query]
        if (refused := invalid_identifier(taxpayer_id)) is not None:
            return refused
        return await self.http.get(
            f"settlements.{endpoint}",
            f"/settlements/v1/taxpayers/{taxpayer_id}/{endpoint}",
            model,
            acting_person=acting_pesel,
            params={"tax": tax} if tax else None,
        )

    async def balances(self, taxpayer_id: str, acting_pesel: str, tax: str | None = None) -> BalancesResponse | Failure:
        return await self.lookup("balance", taxpayer_id, acting_pesel, tax)

    async def payments(self, taxpayer_id: str, acting_pesel: str, tax: str | None = None) -> PaymentsResponse | Failure:
        return await self.lookup("payments", taxpayer_id, acting_pesel, tax)

    async def refunds(self, taxpayer_id: str, acting_pesel: str, tax: str | None = None) -> RefundsResponse | Failure:
        return await self.lookup("refund", taxpayer_id, acting_pesel, tax)

    async def enforcement(
        self, taxpayer_id: str, acting_pesel: str, tax: str | None = None
    ) -> EnforcementResponse | Failure:
        return await self.lookup("enforcement", taxpayer_id, acting_pesel, tax)
