#!/usr/bin/env bash
# Sets up (scripts/setup.sh) and runs the whole test suite; extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p test-artifacts
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
