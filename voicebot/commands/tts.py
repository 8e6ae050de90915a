"""``voicebot tts say "TEXT" -o OUT.wav``: speak a text into a WAV file with the bot's own voice."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from voicebot.cli import CliError


def register(subparsers) -> None:
    parser = subparsers.add_parser("tts", help="text to speech (Piper or espeak-ng)")
    commands = parser.add_subparsers(dest="tts_command", required=True)
    say = commands.add_parser("say", help="synthesise TEXT into a WAV file")
    say.add_argument("text", help="what to say (Polish)")
    say.add_argument("-o", "--output", required=True, type=Path, help="WAV file to write")
    # Validated by hand, not with choices=, so a wrong value is one line of error, not a usage dump.
    say.add_argument(
        "--engine", default=None, help="auto | piper | espeak | rhvoice (default: VOICEBOT_TTS_ENGINE)"
    )
    say.add_argument("--voice", default=None,
                     help="Piper: .onnx path or voice name; espeak-ng: voice such as pl or pl+m3")
    say.add_argument("--rate", type=float, default=1.0, help="speaking speed, 1.0 = normal")
    say.set_defaults(func=say_command)


def say_command(args: argparse.Namespace) -> int:
    from tts.engine import TTSError
    from tts.factory import ENGINES, create_synthesizer, engine_name
    from tts.pcm import duration_s, to_wav
    from voicebot.settings import get_settings

    settings = get_settings()
    engine = args.engine or settings.tts_engine
    if engine not in ENGINES:
        raise CliError(f"unknown TTS engine {engine!r} (choose {', '.join(ENGINES)})")
    if not args.text.strip():
        raise CliError("nothing to say: TEXT is empty")
    voice = args.voice
    if voice is None and engine in ("auto", "piper"):
        voice = settings.piper_voice
    try:
        synthesizer = create_synthesizer(engine, voice, settings.models_dir, rate=args.rate)
        started = time.perf_counter()
        pcm = synthesizer.synthesize(args.text)
        elapsed = time.perf_counter() - started
    except (TTSError, ValueError) as exc:
        raise CliError(str(exc)) from exc
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(to_wav(pcm, synthesizer.sample_rate))
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror}") from exc
    seconds = duration_s(pcm, synthesizer.sample_rate)
    print(f"{args.output}: {seconds:.2f} s of audio at {synthesizer.sample_rate} Hz, "
          f"{engine_name(synthesizer)} ({synthesizer!r}), synthesised in {elapsed:.2f} s")
    return 0
