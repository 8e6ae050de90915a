"""The written contracts (integrations/contracts/*.yaml) and the sandbox's served OpenAPI agree."""

from __future__ import annotations

import httpx
import yaml

from integrations.sandbox.app import CONTRACTS_DIR

METHODS = {"get", "put", "post", "delete", "patch"}


def _operations(spec: dict) -> set[tuple[str, str]]:
    return {(method.upper(), path) for path, item in spec["paths"].items() for method in item if method in METHODS}


def _contract_operations() -> set[tuple[str, str]]:
    operations: set[tuple[str, str]] = set()
    for path in sorted(CONTRACTS_DIR.glob("*.yaml")):
        operations |= _operations(yaml.safe_load(path.read_text(encoding="utf-8")))
    return operations


def test_five_contract_files_exist():
    assert {p.stem for p in CONTRACTS_DIR.glob("*.yaml")} == {
        "identity", "settlements", "representatives", "registration", "booking"
    }


def test_served_openapi_matches_the_written_contracts(sandbox_server):
    served = httpx.get(f"{sandbox_server.url}/openapi.json", timeout=5).json()
    assert _operations(served) == _contract_operations()


def test_contract_status_codes_cover_the_served_ones(sandbox_server):
    served = httpx.get(f"{sandbox_server.url}/openapi.json", timeout=5).json()
    contract = {}
    for path in CONTRACTS_DIR.glob("*.yaml"):
        for route, item in yaml.safe_load(path.read_text(encoding="utf-8"))["paths"].items():
            for method, op in item.items():
                if method in METHODS:
                    contract[(method, route)] = set(op["responses"])
    for route, item in served["paths"].items():
        for method, op in item.items():
            served_codes = set(op["responses"]) - {"422"}  # FastAPI's default; the sandbox answers 400
            assert served_codes <= contract[(method, route)], (method, route)


def test_sandbox_serves_the_contract_files(sandbox_server):
    response = httpx.get(f"{sandbox_server.url}/contracts/settlements.yaml", timeout=5)
    assert response.status_code == 200
    assert yaml.safe_load(response.text)["info"]["title"].startswith("KAS settlements")
    assert httpx.get(f"{sandbox_server.url}/contracts/nope.yaml", timeout=5).status_code == 404
