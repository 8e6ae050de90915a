#!/usr/bin/env bash
# Sets up (scripts/setup.sh) and runs the whole test suite; extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# docker-compose (v1) only validates docker-compose.yml in a test; no Docker engine is needed.
if ! command -v docker-compose >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends docker-compose \
    || { $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends docker-compose; }
fi
mkdir -p test-artifacts
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
