"""``voicebot asr transcribe FILE``: transcribe a file with the very engine code the calls use."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from voicebot.cli import CliError


def register(subparsers) -> None:
    parser = subparsers.add_parser("asr", help="speech recognition (Vosk or faster-whisper)")
    commands = parser.add_subparsers(dest="asr_command", required=True)
    transcribe = commands.add_parser("transcribe", help="transcribe an audio file (any sample rate)")
    transcribe.add_argument("file", type=Path, help="WAV (or FLAC/OGG) file, any sample rate")
    # Validated by hand, not with choices=, so a wrong value is one line of error.
    transcribe.add_argument("--engine", default=None,
                            help="auto | vosk | whisper (default: VOICEBOT_ASR_ENGINE)")
    transcribe.add_argument("--model", default=None, help="registry model name (see `voicebot models list`)")
    transcribe.add_argument("--vocabulary", default="free", help="free | digits | yes_no | spelling")
    transcribe.add_argument("--beam", type=int, default=None, help="Whisper beam size (default 5)")
    transcribe.add_argument("--phone", action="store_true",
                            help="first pass the audio through an 8 kHz G.711 µ-law line, like a call")
    transcribe.add_argument("--json", action="store_true", help="print one JSON object")
    transcribe.set_defaults(func=transcribe_command)

    bench = commands.add_parser("bench", help="compare the installed recognisers on your recordings (WER, CER, time)")
    bench.add_argument("folder", type=Path, help="audio files with NAME.txt transcripts, or a manifest.tsv")
    bench.add_argument("--models", default=None,
                       help="comma-separated registry names (default: every installed recogniser)")
    bench.add_argument("--phone", action="store_true", help="pass every file through the 8 kHz µ-law line first")
    bench.add_argument("--limit", type=int, default=None, help="only the first N files")
    bench.add_argument("--json", action="store_true", help="print one JSON object per model")
    bench.set_defaults(func=bench_command)


def transcribe_command(args: argparse.Namespace) -> int:
    from asr.audio import phone_line, read_audio_file
    from asr.engine import VOCABULARIES
    from asr.factory import create_recognizer, resolve_engine
    from models.errors import ModelError
    from voicebot.settings import get_settings

    settings = get_settings()
    if args.vocabulary not in VOCABULARIES:
        raise CliError(f"unknown vocabulary {args.vocabulary!r} (choose {', '.join(VOCABULARIES)})")
    if args.beam is not None and args.beam < 1:
        raise CliError("--beam must be at least 1")
    try:
        engine = resolve_engine(args.engine or settings.asr_engine, settings.models_dir,
                                settings.vosk_model)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    if not args.file.is_file():
        raise CliError(f"no such audio file: {args.file}")
    try:
        pcm, rate = read_audio_file(args.file)
    except Exception as exc:  # soundfile raises its own error types, all with a plain message
        raise CliError(f"cannot read audio file {args.file}: {_first_line(exc)}") from exc
    if args.phone:
        pcm, rate = phone_line(pcm, rate)

    model = args.model or (settings.whisper_model if engine == "whisper" else settings.vosk_model)
    options = {}
    if args.beam is not None:
        if engine != "whisper":
            raise CliError("--beam applies to the whisper engine only")
        options["beam_size"] = args.beam
    try:
        recognizer = create_recognizer(engine, None, settings.asr_threads,
                                       models_dir=settings.models_dir, model=model, **options)
        transcript = recognizer.transcribe(pcm, rate, args.vocabulary)
    except ModelError as exc:
        raise CliError(str(exc)) from exc

    duration_s = len(pcm) / 2 / rate
    if args.json:
        print(json.dumps({
            "text": transcript.text,
            "alternatives": list(transcript.alternatives),
            "engine": engine,
            "asr_ms": round(transcript.asr_ms, 1),
            "duration_s": round(duration_s, 3),
        }, ensure_ascii=False))
    else:
        print(transcript.text)
    return 0


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def bench_command(args: argparse.Namespace) -> int:
    from models.errors import ModelError
    from models.registry import get_spec
    from eval.asr_bench import bench, installed_models, load_folder
    from voicebot.settings import get_settings

    settings = get_settings()
    if not args.folder.is_dir():
        raise CliError(f"no such folder: {args.folder}")
    utterances = load_folder(args.folder)[: args.limit]
    if not utterances:
        raise CliError(f"{args.folder}: no audio file with a transcript (NAME.wav + NAME.txt, or manifest.tsv)")
    if args.models:
        models = []
        for name in args.models.split(","):
            try:
                spec = get_spec(name.strip())
            except ModelError as exc:
                raise CliError(str(exc)) from exc
            models.append(("whisper" if spec.kind == "asr-whisper" else "vosk", spec.name))
    else:
        models = installed_models(settings.models_dir)
    if not models:
        raise CliError("no recogniser installed: voicebot models pull whisper-base")
    try:
        rows = bench(utterances, models, settings.models_dir, phone=args.phone, threads=settings.asr_threads,
                     device=settings.asr_device, compute_type=settings.asr_compute_type)
    except ModelError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(utterances)} utterances from {args.folder}{' through a phone line' if args.phone else ''}")
    for column in ("model", "WER", "CER", "ms/utt p50", "ms/utt p95", "RTF", "load s"):
        table.add_column(column, justify="left" if column == "model" else "right")
    for row in rows:
        table.add_row(row["model"], f"{row['wer']:.3f}", f"{row['cer']:.3f}", str(row["ms_per_utterance_p50"]),
                      str(row["ms_per_utterance_p95"]), str(row["real_time_factor"]), str(row["load_s"]))
    Console().print(table)
    return 0
