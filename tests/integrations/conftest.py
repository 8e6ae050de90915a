"""Helpers for the integrations tests: clients pointed at a running sandbox."""

from __future__ import annotations

import pytest_asyncio

from integrations.backend import KasBackend


@pytest_asyncio.fixture
async def backend(sandbox_server):
    async with KasBackend(sandbox_server.url, sandbox_server.token, timeout_s=5.0) as kas:
        yield kas
