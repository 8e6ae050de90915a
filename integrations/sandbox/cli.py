"""Arguments and start-up of the sandbox server, shared by ``voicebot sandbox serve`` and
``python -m integrations.sandbox`` (the latter starts without importing the whole bot)."""

from __future__ import annotations

import argparse
import logging
import os
import socket
from datetime import date
from pathlib import Path

from integrations.sandbox.seed import DEMO_SEED_PATH, SeedError


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=Path, default=DEMO_SEED_PATH, help="seed file (YAML/JSON); default: the demo seed")
    parser.add_argument("--db", default=None,
                        help="SQLAlchemy URL; default sqlite:///<data_dir>/sandbox.db "
                        "(postgresql+psycopg://... with the 'postgres' extra)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--fd", type=int, default=None, help=argparse.SUPPRESS)  # a pre-bound socket (tests)
    parser.add_argument("--rate-limit-per-caller", type=int, default=20)
    parser.add_argument("--rate-limit-per-pesel", type=int, default=10)
    parser.add_argument("--log-level", default="info")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the booking calendar's today (YYYY-MM-DD; tests, recorded evaluations); default: today")


def default_db_url() -> str:
    data_dir = Path(os.environ.get("VOICEBOT_DATA_DIR", "var"))
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'sandbox.db'}"


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from integrations.sandbox.app import DEFAULT_ADMIN_TOKEN, DEFAULT_TOKEN, SandboxConfig, build_app

    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    config = SandboxConfig(
        # The same variable the bot's clients read, so one setting pairs them.
        token=os.environ.get("VOICEBOT_BACKEND_TOKEN", DEFAULT_TOKEN),
        admin_token=os.environ.get("VOICEBOT_SANDBOX_ADMIN_TOKEN", DEFAULT_ADMIN_TOKEN),
        rate_limit_per_caller=args.rate_limit_per_caller,
        rate_limit_per_pesel=args.rate_limit_per_pesel,
        today=args.today,
    )
    try:
        app = build_app(args.seed, args.db or default_db_url(), config)
    except SeedError as exc:
        raise SystemExit(f"error: {exc}") from None
    # access_log off: uvicorn's would print full URLs (PESELs); the app logs route templates instead.
    if args.fd is not None:
        sock = socket.socket(fileno=args.fd)
        uvicorn.Server(uvicorn.Config(app, log_level=args.log_level, access_log=False)).run(sockets=[sock])
    else:
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=False)
    return 0
