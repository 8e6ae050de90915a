"""Word and character error rates of the bot's recogniser on real Polish voices (Common Voice).

Runs the very recogniser ``voicebot asr transcribe`` and the calls use (``asr.factory``), over
``/work/shared/data/asr/cv_pl`` (100 clips, 16 kHz), as recorded (wideband) and after a phone line
(8 kHz G.711 µ-law round trip, pure numpy: no ``audioop``).

    python -m eval.wer_cv_pl                       # whisper, beam 5, wideband and phone
    python -m eval.wer_cv_pl --beam 1 --limit 40   # greedy, first 40 clips
    python -m eval.wer_cv_pl --engine vosk --condition phone --json

Normalisation (Polish): lowercase, punctuation removed, whitespace collapsed; diacritics kept
(``ż`` vs ``z`` is an error).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
from pathlib import Path

import jiwer

from asr.audio import phone_line, read_audio_file

CV_PL = Path("/work/shared/data/asr/cv_pl")
CONDITIONS = ("wideband", "phone")


def normalise(text: str) -> str:
    """Lowercase, drop punctuation (keep letters, digits and Polish diacritics), collapse spaces."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", text.lower()).split())


def load_manifest(folder: Path, limit: int | None) -> list[tuple[Path, str]]:
    with open(folder / "manifest.tsv", newline="") as handle:
        rows = [(folder / row["file"], row["transcript"]) for row in csv.DictReader(handle, delimiter="\t")]
    return rows[:limit] if limit else rows


def evaluate(recognizer, clips, condition: str, beam: int | None) -> dict:
    references, hypotheses, times = [], [], []
    for path, reference in clips:
        pcm, rate = read_audio_file(path)
        if condition == "phone":
            pcm, rate = phone_line(pcm, rate)
        if beam is not None:
            result = recognizer.transcribe(pcm, rate, "free", beam_size=beam)
        else:
            result = recognizer.transcribe(pcm, rate, "free")
        references.append(normalise(reference))
        hypotheses.append(normalise(result.text))
        times.append(result.asr_ms)
    return {
        "condition": condition,
        "clips": len(clips),
        "wer": jiwer.wer(references, hypotheses),
        "cer": jiwer.cer(references, hypotheses),
        "mean_asr_ms": statistics.fmean(times),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="whisper", choices=("whisper", "vosk"))
    parser.add_argument("--model", default=None, help="registry name (default per engine)")
    parser.add_argument("--beam", type=int, default=5, help="Whisper beam size")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--condition", choices=(*CONDITIONS, "both"), default="both")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clips")
    parser.add_argument("--data", type=Path, default=CV_PL)
    parser.add_argument("--window", default=None,
                        help="Whisper's encoder input: 'full' (30 s) or seconds of silence after the utterance "
                             "(default: the recogniser's own setting)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from asr.factory import create_recognizer
    from models.errors import ModelError
    from voicebot.settings import get_settings

    settings = get_settings()
    try:
        options = {}
        if args.engine == "whisper" and args.window is not None:
            options["window_pad_s"] = None if args.window == "full" else float(args.window)
        recognizer = create_recognizer(
            args.engine, None, args.threads or settings.asr_threads,
            models_dir=settings.models_dir, model=args.model, **options,
        )
    except ModelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    clips = load_manifest(args.data, args.limit)
    beam = args.beam if args.engine == "whisper" else None
    conditions = CONDITIONS if args.condition == "both" else (args.condition,)
    for condition in conditions:
        row = evaluate(recognizer, clips, condition, beam)
        row.update(engine=args.engine, beam=beam)
        if args.json:
            print(json.dumps(row))
        else:
            window = f"window={args.window or 'default'} " if args.engine == "whisper" else ""
            print(f"{args.engine:<8} beam={beam or '-':<2} {window}{condition:<9} clips={row['clips']:<4} "
                  f"WER={row['wer']:.3f} CER={row['cer']:.3f} mean_asr_ms={row['mean_asr_ms']:.0f}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
