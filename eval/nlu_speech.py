"""What the recogniser hears of the NLU dataset: RHVoice speaks each row, the phone line narrows it, Whisper
transcribes it. The transcripts are kept beside the dataset (``dialogue/nlu/dataset/*_heard.jsonl``).

    python -m eval.nlu_speech --split heldout                 # every held-out row (~1 s a row on 2 cores)
    python -m eval.nlu_speech --split blind                   # every blind row (--split blind2, blind3: the others)
    python -m eval.nlu_speech --split dev2                    # every row of the second development set
    python -m eval.nlu_speech --split train --limit 1500      # a seeded sample of the training rows
    python -m eval.nlu_speech --split train --templates-from 576   # the rows of the templates added last
    python -m eval.nlu_speech --split train --refresh --out heard.jsonl   # after a bank was realised anew

Why a committed file and not synthesis at training time: speaking and recognising ~2,000 rows takes
half an hour on this box, and CI must train in a minute. The file is a cache of a deterministic
process (voice, rate and pitch are chosen from the row's text), resumable: rows already heard are kept,
so after the banks change only the new rows are spoken. Each row: its labels, ``text`` (written),
``heard`` (the recogniser's words), ``voice``.

The pipeline is the one a caller goes through: ``eval.synth.caller_audio`` (RHVoice ``magda`` /
``natan``, rate and pitch varied, 8 kHz G.711 µ-law round trip) and the bot's recogniser
(``asr.factory.create_recognizer("whisper")``, its free-speech turn).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from dialogue.nlu.build_dataset import template_numbers
from dialogue.nlu.corpus import DATASET_DIR, SPLITS, heard_file, load_rows, still_made, written_rows

VOICES = ("rhvoice:magda", "rhvoice:natan")
RATES = (-0.15, 0.0, 0.15)
PITCHES = (-0.1, 0.0, 0.1)


def _voice_for(text: str) -> tuple[str, float, float]:
    """A voice, rate and pitch chosen from the text itself: the same row always sounds the same."""
    rng = random.Random(int(hashlib.sha256(text.encode()).hexdigest()[:12], 16))
    return rng.choice(VOICES), rng.choice(RATES), rng.choice(PITCHES)


def _rows(split: str, limit: int | None, seed: int, templates_from: int | None = None) -> list[dict]:
    rows = written_rows(split)
    if templates_from is not None:
        # the rows of templates added at the end of a bank (the ids before them do not move), so that
        # growing the bank means speaking its new rows only
        rows = [row for row in rows if max(template_numbers(row["template"])) >= templates_from]
    if limit is not None and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
    return rows


def refreshed(heard: Sequence[dict], written: Sequence[dict], seed: int) -> tuple[list[dict], list[dict]]:
    """The heard rows a bank realised anew still makes, with its labels and template ids, and the written rows
    to speak in place of the others: as many as were dropped, a seeded sample of the rows not yet heard.

    Why: half the heard training rows were spoken from sentences the grown bank no longer makes (``still_made``)."""
    kept = still_made(heard, written)
    spoken = {row["text"] for row in kept}
    unheard = [row for row in written if row["text"] not in spoken]
    dropped = len(heard) - len(kept)
    return kept, random.Random(seed).sample(unheard, min(dropped, len(unheard)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="heldout")
    parser.add_argument("--limit", type=int, default=None, help="a seeded sample of this many rows")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--templates-from", type=int, default=None, metavar="N",
                        help="only rows of the bank's templates N and after (\"t576\" is 576): the ones just added")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None, help="default: the dataset's *_heard.jsonl")
    parser.add_argument("--refresh", action="store_true",
                        help="keep the heard rows the bank still makes (its labels and ids), drop the others, and "
                             "speak as many of its unheard rows in their place (``refreshed``)")
    args = parser.parse_args(argv)

    from asr.factory import create_recognizer
    from eval.stack import MODELS_DIR
    from eval.synth import caller_audio
    from tts.pcm import from_wav

    dataset_file = DATASET_DIR / heard_file(args.split)
    out = args.out or dataset_file
    if args.refresh:
        if out.resolve() == dataset_file.resolve():
            # the count to speak is read from the dataset's file: rewritten in place, a stopped run would lose it
            parser.error("--refresh writes to another file (--out); copy it over the dataset's when it is done")
        kept, rows = refreshed(load_rows(dataset_file), written_rows(args.split), args.seed)
        to_speak = {row["text"] for row in rows}
        spoken = [row for row in load_rows(out) if row["text"] in to_speak]  # resumable: a stopped run's rows
        with open(out, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in kept + spoken)
        print(f"{len(kept)} heard rows kept", file=sys.stderr)
    else:
        rows = _rows(args.split, args.limit, args.seed, args.templates_from)
    done = {row["text"]: row for row in load_rows(out)}
    todo = [row for row in rows if row["text"] not in done]
    print(f"{len(rows)} rows, {len(rows) - len(todo)} already heard, {len(todo)} to speak", file=sys.stderr)
    recognizer = create_recognizer("whisper", None, args.threads, models_dir=MODELS_DIR)
    started = time.monotonic()
    with open(out, "a", encoding="utf-8") as f:
        for i, row in enumerate(todo, 1):
            voice, rate, pitch = _voice_for(row["text"])
            wav = caller_audio(row["text"], voice=voice, speed=rate, pitch=pitch, snr_db=None,
                               rng=random.Random(0))
            pcm, sample_rate = from_wav(wav)
            heard = recognizer.transcribe(pcm, sample_rate, "free").text
            kept = {k: v for k, v in row.items() if k not in ("asr_text",)}
            f.write(json.dumps({**kept, "heard": heard, "voice": voice}, ensure_ascii=False) + "\n")
            f.flush()
            if i % 25 == 0:
                rate_s = (time.monotonic() - started) / i
                print(f"{i}/{len(todo)}  {rate_s:.2f} s/row", file=sys.stderr)
    # Keep the file in the dataset's order, whatever order it was written in (resumable runs).
    order = {row["text"]: i for i, row in enumerate(written_rows(args.split))}
    heard_rows = sorted({row["text"]: row for row in load_rows(out)}.values(),
                        key=lambda row: order.get(row["text"], len(order)))
    with open(out, "w", encoding="utf-8") as f:
        for row in heard_rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
