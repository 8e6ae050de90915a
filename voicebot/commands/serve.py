"""``voicebot serve``: the contact-centre server (telephony WebSocket, browser page, chat, console)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="run the voicebot server")
    parser.add_argument("--host", default=None, help="bind address (default from VOICEBOT_HOST)")
    parser.add_argument("--port", type=int, default=None, help="port (default from VOICEBOT_PORT)")
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument("--fd", type=int, default=None, help=argparse.SUPPRESS)  # a socket handed over by tests
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from voicebot.access_log import silence_uvicorn_request_lines
    from voicebot.app import create_app
    from voicebot.log_redaction import configure_logging
    from voicebot.settings import get_settings

    configure_logging(args.log_level)
    silence_uvicorn_request_lines()
    settings = get_settings()
    host = args.host or settings.host
    port = args.port or settings.port
    # No uvicorn access log: request lines carry URLs; the app logs route templates instead
    # (voicebot/access_log.py). Proxy headers only from the proxies we were told about.
    common = dict(log_config=None, ws_ping_interval=20, access_log=False,
                  proxy_headers=bool(settings.forwarded_allow_ips),
                  forwarded_allow_ips=settings.forwarded_allow_ips or None)
    if args.fd is not None:
        uvicorn.run(create_app(settings), fd=args.fd, **common)
    else:
        uvicorn.run(create_app(settings), host=host, port=port, **common)
    return 0
