"""The ``voicebot`` command: each sub-command lives in its own module under ``voicebot.commands``."""

from __future__ import annotations

import argparse
import importlib
import sys

# Sub-command modules; each exposes ``register(subparsers)`` and sets ``func`` on its parser.
COMMAND_MODULES = ("serve", "asr", "tts", "models", "nlu", "sandbox", "eval")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="voicebot", description="KAS hotline voicebot")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"voicebot.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"voicebot.commands.{name}":
                continue  # command not built yet
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


class CliError(Exception):
    """An error the user can act on: printed as one line, no stack trace."""


if __name__ == "__main__":
    # Run as ``python -m voicebot.cli``: call the module's importable twin, so that the CliError
    # the commands raise is the class ``main`` catches (not a second copy in ``__main__``).
    from voicebot.cli import main as package_main

    sys.exit(package_main())
