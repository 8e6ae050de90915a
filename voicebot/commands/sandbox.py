"""``voicebot sandbox serve --seed FILE --db URL``: the KAS back-end sandbox (integrations/sandbox/)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    sandbox = subparsers.add_parser("sandbox", help="the KAS back-end sandbox (settlements, identity, ...)")
    actions = sandbox.add_subparsers(dest="sandbox_command", required=True)
    serve_parser = actions.add_parser("serve", help="serve the four contracts from a seed file")
    from integrations.sandbox.cli import add_serve_arguments

    add_serve_arguments(serve_parser)
    serve_parser.set_defaults(func=_serve)


def _serve(args: argparse.Namespace) -> int:
    from voicebot.cli import CliError
    from integrations.sandbox.cli import serve

    if not args.seed.exists():
        raise CliError(f"seed file not found: {args.seed}")
    return serve(args)
