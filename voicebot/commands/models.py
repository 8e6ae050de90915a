"""``voicebot models list|pull|verify``: the model registry (pinned sources and checksums)."""

from __future__ import annotations

import argparse

from voicebot.cli import CliError


def register(subparsers) -> None:
    parser = subparsers.add_parser("models", help="list, download and verify models")
    commands = parser.add_subparsers(dest="models_command", required=True)
    listing = commands.add_parser("list", help="every registry model and whether it is installed")
    listing.set_defaults(func=list_command)
    pull = commands.add_parser("pull", help="download (or assemble) models and verify them")
    pull.add_argument("names", nargs="+", metavar="NAME")
    pull.add_argument("--force", action="store_true", help="download again even if installed")
    pull.set_defaults(func=pull_command)
    verify = commands.add_parser("verify", help="check models against their pinned sha256")
    verify.add_argument("names", nargs="*", metavar="NAME", help="default: every installed model")
    verify.set_defaults(func=verify_command)


def list_command(args: argparse.Namespace) -> int:
    from models.pins import expected_sha256
    from models.registry import REGISTRY
    from models.store import is_installed
    from voicebot.settings import get_settings

    models_dir = get_settings().models_dir
    print(f"{'NAME':<24} {'KIND':<12} {'LANG':<6} {'STATE':<10} {'SHA256':<18} SOURCE")
    for spec in REGISTRY.values():
        state = "installed" if is_installed(spec.name, models_dir) else "-"
        pinned = expected_sha256(spec, models_dir)
        checksum = (pinned[:16] if pinned else "on first use") + ("" if spec.pinned else "*")
        print(f"{spec.name:<24} {spec.kind:<12} {spec.language:<6} {state:<10} {checksum:<18} {spec.source}")
    print(f"models folder: {models_dir}   (* = sha256 pinned on first download, TOFU)")
    return 0


def pull_command(args: argparse.Namespace) -> int:
    from models.download import pull
    from models.errors import ModelError
    from voicebot.settings import get_settings

    models_dir = get_settings().models_dir
    for name in args.names:
        try:
            path = pull(name, models_dir, force=args.force)
        except ModelError as exc:
            raise CliError(str(exc)) from exc
        print(f"{name}: ok {path}")
    return 0


def verify_command(args: argparse.Namespace) -> int:
    from models.errors import ModelError
    from models.pins import expected_sha256
    from models.registry import REGISTRY, get_spec
    from models.store import is_installed
    from models.verify import verify
    from voicebot.settings import get_settings

    models_dir = get_settings().models_dir
    names = args.names or [name for name in REGISTRY if is_installed(name, models_dir)]
    if not names:
        print(f"no models installed in {models_dir}")
        return 0
    for name in names:
        try:
            path = verify(name, models_dir)
            sha = expected_sha256(get_spec(name), models_dir) or ""
        except ModelError as exc:
            raise CliError(str(exc)) from exc
        print(f"{name}: ok sha256 {sha[:16]}… {path}")
    return 0
