#!/usr/bin/env bash
# The demo's Redis: append-only (handoffs survive restarts), loopback only, and its files private:
# the append-only file holds the agents' handoff cards, full PESELs included (docs/security.md), so
# it is created 0600 in a 0700 folder (Redis itself creates its files with the process's umask).
#   bash scripts/demo-redis.sh PORT DIR
set -euo pipefail
port=$1
dir=$2
mkdir -p "$dir"
chmod 700 "$dir"
umask 077
exec redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly yes --dir "$dir"
