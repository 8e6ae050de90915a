#!/usr/bin/env bash
# Sets up (scripts/setup.sh) and runs the whole test suite; extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Test-only tools: docker-compose (v1) validates docker-compose.yml (no Docker engine needed);
# PostgreSQL's server runs the sandbox as docker-compose does; baresip and kamailio for SIP.
test_apt=()
command -v docker-compose >/dev/null || test_apt+=(docker-compose)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || test_apt+=(postgresql)
# SIP tests (tests/telephony): baresip is the caller and the agent's phone, kamailio the PBX's proxy.
command -v baresip >/dev/null || test_apt+=(baresip)
command -v kamailio >/dev/null || test_apt+=(kamailio)
# Two-worker tests (tests/cluster): nginx in front of the workers, as docker-compose's "workers" profile.
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || test_apt+=(nginx-light)
if [ ${#test_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${test_apt[@]}" \
    || { $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${test_apt[@]}"; }
fi
mkdir -p test-artifacts
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
