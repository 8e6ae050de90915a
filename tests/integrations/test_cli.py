"""``voicebot sandbox serve`` parses its options; the module entry point serves the demo seed."""

from __future__ import annotations

import argparse
from pathlib import Path

from integrations.sandbox.seed import DEMO_SEED_PATH
from voicebot.commands import sandbox as sandbox_command


def test_serve_command_options():
    parser = argparse.ArgumentParser()
    sandbox_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["sandbox", "serve", "--seed", "x.yaml", "--db", "sqlite:///y.db", "--host", "0.0.0.0",
                              "--port", "9999"])
    assert (args.seed, args.db, args.host, args.port) == (Path("x.yaml"), "sqlite:///y.db", "0.0.0.0", 9999)
    assert args.func is sandbox_command._serve
    defaults = parser.parse_args(["sandbox", "serve"])
    assert defaults.seed == DEMO_SEED_PATH and defaults.port == 8090


def test_missing_seed_file_is_a_cli_error(tmp_path):
    from voicebot.cli import CliError

    parser = argparse.ArgumentParser()
    sandbox_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["sandbox", "serve", "--seed", str(tmp_path / "none.yaml")])
    try:
        args.func(args)
    except CliError as exc:
        assert "seed file not found" in str(exc)
    else:
        raise AssertionError("expected CliError")
