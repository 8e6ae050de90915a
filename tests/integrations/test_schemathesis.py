"""Property-based run (Schemathesis) of every written contract against a fresh, real sandbox:
no 5xx, status codes / content types / bodies as the contract says. Bounded to about a minute."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from integrations.sandbox.app import CONTRACTS_DIR

# A fuzz run of about a minute: the slow tier (tests/conftest.py).
pytestmark = pytest.mark.slow

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def test_schemathesis_finds_no_server_errors(make_sandbox, tmp_path):
    # A fresh sandbox: with the admin token the run also sets and deletes telePINs.
    server = make_sandbox()
    schemathesis = Path(sys.executable).with_name("schemathesis")
    failures = []
    for contract in sorted(CONTRACTS_DIR.glob("*.yaml")):
        run = subprocess.run(
            [str(schemathesis), "run", str(contract), "--url", server.url,
             "-H", f"Authorization: Bearer {server.admin_token}",
             "--checks", CHECKS, "--max-examples", "25", "--seed", "20261102", "--no-color",
             "--generation-database", "none", "--request-timeout", "10", "--max-time", "12"],
            capture_output=True, text=True, timeout=120, cwd=tmp_path,
            env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
        )
        if run.returncode != 0:
            # Schemathesis data is generated, not seed data: safe to show.
            failures.append(f"--- {contract.name}\n{run.stdout[-4000:]}\n{run.stderr[-2000:]}")
    assert not failures, "\n".join(failures)
    assert server.process.poll() is None  # the sandbox survived the run
