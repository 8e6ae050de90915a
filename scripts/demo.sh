#!/usr/bin/env bash
# The demo call centre on one machine: Redis, the back-end sandbox (SQLite, demo seed) and the
# voicebot server. Open http://127.0.0.1:8080/ to call from a browser; /console for agents.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p var
export VOICEBOT_DATA_DIR="${VOICEBOT_DATA_DIR:-$PWD/var}"
export VOICEBOT_REDIS_URL="${VOICEBOT_REDIS_URL:-redis://127.0.0.1:6390/0}"
export VOICEBOT_BACKEND_URL="${VOICEBOT_BACKEND_URL:-http://127.0.0.1:8090}"
# The demo's agents work round the clock; production keeps the seed's Mon–Fri 08:00–16:00.
export VOICEBOT_HANDOFF_HOURS="${VOICEBOT_HANDOFF_HOURS:-always}"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

redis_port=${VOICEBOT_REDIS_URL##*:}; redis_port=${redis_port%%/*}
if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
  bash scripts/demo-redis.sh "$redis_port" "$VOICEBOT_DATA_DIR/redis" >var/redis.log 2>&1 &
  pids+=($!)
fi
.venv/bin/voicebot sandbox serve --seed integrations/sandbox/demo_seed.yaml \
  --db "sqlite:///$VOICEBOT_DATA_DIR/sandbox.db" --port 8090 >var/sandbox.log 2>&1 &
pids+=($!)
# Visit confirmations (Umów wizytę) go to a local SMTP server (aiosmtpd) that keeps them in var/mail
# (a Maildir: open with `mutt -f var/mail` or any mail reader); production sets its own relay.
if [ -z "${VOICEBOT_SMTP_HOST:-}" ]; then
  export VOICEBOT_SMTP_HOST=127.0.0.1 VOICEBOT_SMTP_PORT=8025 VOICEBOT_SMTP_SECURITY=none
  .venv/bin/python -m integrations.mail.local_server --port 8025 --maildir "$VOICEBOT_DATA_DIR/mail" \
    >var/smtp.log 2>&1 &
  pids+=($!)
fi
# The intent classifier (character n-grams and a fine-tuned E5 encoder, docs/nlu.md) trains once
# (~10 minutes on 2 cores) and is cached in var/nlu; VOICEBOT_NLU_BASE_MODEL=ngram trains in 30 s.
.venv/bin/voicebot nlu train
port=${VOICEBOT_PORT:-8080}
echo "demo: call  http://127.0.0.1:$port/      chat  http://127.0.0.1:$port/chat"
echo "      agent http://127.0.0.1:$port/console/ (agent1 / demo-agent1)   test identities: docs/integrations.md"
echo "      visit confirmations (Umów wizytę) arrive in $VOICEBOT_DATA_DIR/mail"
.venv/bin/voicebot serve
