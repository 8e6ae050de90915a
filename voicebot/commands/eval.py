"""``voicebot eval run|synth|load``: recorded-call evaluation for QA teams (docs/eval.md)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("eval", help="run call suites against the bot; synthetic callers; load test")
    actions = parser.add_subparsers(dest="eval_command", required=True)

    run = actions.add_parser("run", help="play a suite's calls to the bot and write JSON, JUnit and HTML reports")
    run.add_argument("suite", type=Path, help="a suite folder (suite.yaml), or a scenarios YAML to synthesise first")
    run.add_argument("--out", type=Path, required=True, help="report folder")
    run.add_argument("--bot-url", help="a running bot (ws://host:port[/telephony/twilio]); default: start one")
    run.add_argument("--calls-dir", type=Path, help="the running bot's call records (default $VOICEBOT_DATA_DIR/calls)")
    run.add_argument("--concurrency", type=int, default=1)
    pacing = run.add_mutually_exclusive_group()
    pacing.add_argument("--realtime", dest="realtime", action="store_true", default=True,
                        help="stream caller audio in real time, like a phone (default)")
    pacing.add_argument("--fast", dest="realtime", action="store_false", help="send caller audio as fast as possible")
    run.add_argument("--only", nargs="*", default=(), help="case ids (or prefixes) to run")
    run.add_argument("--show-amounts", action="store_true",
                     help="show amounts in reports (a secured QA environment only); PESEL and PIN stay masked")
    run.add_argument("--no-bot-asr", action="store_true", help="do not transcribe the bot's audio for answer facts")
    run.add_argument("--no-embed-audio", action="store_true", help="keep audio out of report.html (audio/ only)")
    run.add_argument("--keyword-nlu", action="store_true",
                     help="the started bot understands callers with the keyword rules alone (default: the "
                          "trained classifier in var/nlu with the rules, as the bot runs; trained first when "
                          "var/nlu has none or an outdated one, ~30 s)")
    run.add_argument("--fail-on-failures", action="store_true", help="exit 1 when a case fails (for CI)")
    run.set_defaults(func=_run)

    synth = actions.add_parser("synth", help="turn scripted caller lines (scenarios YAML) into a suite with audio")
    synth.add_argument("scenarios", type=Path)
    synth.add_argument("--out", type=Path, required=True, help="suite folder to write")
    synth.add_argument("--only", nargs="*", default=())
    synth.set_defaults(func=_synth)

    load = actions.add_parser("load", help="N concurrent synthetic calls for T minutes; latency vs N")
    from eval.load import add_arguments

    add_arguments(load)
    load.set_defaults(func=_load)


def _suite_from(path: Path, out: Path, only: tuple[str, ...]):
    from eval.suite import SuiteError, load_suite
    from eval.synth import synth_suite
    from voicebot.cli import CliError

    try:
        if path.is_file():  # a scenarios YAML: synthesise its suite next to the report
            path = synth_suite(path, out / "suite", only=tuple(only))
        return load_suite(path, only=tuple(only))
    except (SuiteError, FileNotFoundError, ValueError) as exc:
        raise CliError(str(exc)) from None


def _run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from eval.evaluate import run_eval
    from eval.stack import TRAINED_NLU_DIR

    console = Console(stderr=True)
    suite = _suite_from(args.suite, args.out, args.only)
    if not args.keyword_nlu:
        _train_nlu(TRAINED_NLU_DIR, console)
    result = run_eval(suite, args.out, bot_url=args.bot_url, calls_dir=args.calls_dir, concurrency=args.concurrency,
                      realtime=args.realtime, show_amounts=args.show_amounts, transcribe_bot=not args.no_bot_asr,
                      embed_audio=not args.no_embed_audio, console=console,
                      nlu_dir=None if args.keyword_nlu else TRAINED_NLU_DIR)
    s = result.report["summary"]
    lat = s["latency_s"]
    fmt = lambda v, p=1: "—" if v is None else f"{100 * v:.{p}f}%"  # noqa: E731
    console.print(f"[bold]{suite.name}[/bold]: {s['status']} · pass {fmt(s['pass_rate'])} · WER {fmt(s['wer'])} · "
                  f"latency p50 {lat['p50'] or 0:.2f} s p95 {lat['p95'] or 0:.2f} s"
                  + (" · [yellow]partial (interrupted)[/yellow]" if result.partial else ""))
    for name, path in result.paths.items():
        console.print(f"  {name}: {path}")
    if result.partial:
        return 130
    if args.fail_on_failures and (s["status"].get("fail") or s["status"].get("error")):
        return 1
    return 0


def _train_nlu(model_dir: Path, console) -> None:
    """The classifier the bot runs with, trained unless ``model_dir`` holds one of this data and code:
    without it the started bot falls back to the keyword rules, and the report would measure those."""
    from dialogue.nlu import train

    metrics = train(out_dir=model_dir, log=lambda line: console.print(f"nlu: {line}"))
    if not metrics["cached"]:
        console.print(f"nlu: trained the intent classifier into {model_dir}")


def _synth(args: argparse.Namespace) -> int:
    from eval.synth import synth_suite

    written = []
    path = synth_suite(args.scenarios, args.out, only=tuple(args.only), progress=written.append)
    print(f"{len(written)} cases written to {path}")
    return 0


def _load(args: argparse.Namespace) -> int:
    from eval.load import main_from_args

    return main_from_args(args)
