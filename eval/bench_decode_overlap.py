"""How the shared Whisper serves two calls: threads per decode, decodes at once.

Two calls share one recogniser (``voicebot.call_services``). One caller reads a PESEL (a staged
decode of seconds), the other answers "Tak, zgadza się." a second later. For each configuration
(threads per decode × workers) this times, in one run on the same audio:

- a free sentence and a PESEL decoded alone (how fast one call is served);
- the yes/no decoded while the PESEL decodes (how long the second caller waits), and the PESEL's
  time meanwhile.

Callers are RHVoice voices over the phone codec; the PESELs are random and never printed.

    .venv/bin/python -m eval.bench_decode_overlap --configs 2x1,1x2 --pesels 6
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import threading
import time
from pathlib import Path

from asr.factory import create_recognizer
from asr.hints import decode_hooks
from dialogue.answer_hints import AnswerHints
from dialogue.number_reading import NumberSpec
from eval.pesel_capture import Caller, Voices, random_pesel
from eval.spoken_numbers import STYLES, spoken

REPO_ROOT = Path(__file__).resolve().parents[1]


def _timed(function, *args, **kwargs) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - started


def measure(threads: int, workers: int, pesels: list[tuple[bytes, int]], yes: tuple[bytes, int],
            sentence: tuple[bytes, int], models_dir: Path) -> dict:
    recognizer = create_recognizer("whisper", None, threads, models_dir=models_dir, workers=workers)
    hooks = decode_hooks(AnswerHints(), "digits", NumberSpec("pesel"))
    recognizer.transcribe(*yes, "yes_no")  # warm-up
    sentence_alone = statistics.median(_timed(recognizer.transcribe, *sentence, "free") for _ in range(3))
    pesel_alone = [_timed(recognizer.transcribe, *pcm, "digits", **hooks) for pcm in pesels]
    waits, pesel_shared = [], []
    for pcm in pesels:
        result: list[float] = []
        reader = threading.Thread(target=lambda: result.append(_timed(recognizer.transcribe, *pcm, "digits", **hooks)))
        reader.start()
        time.sleep(1.0)
        waits.append(_timed(recognizer.transcribe, *yes, "yes_no"))
        reader.join()
        pesel_shared.extend(result)
    ms = lambda xs: round(1000 * statistics.median(xs))  # noqa: E731
    return {"threads": threads, "workers": workers, "sentence_alone_ms": round(1000 * sentence_alone),
            "pesel_alone_ms_p50": ms(pesel_alone), "yes_no_beside_pesel_ms_p50": ms(waits),
            "yes_no_beside_pesel_ms_max": round(1000 * max(waits)), "pesel_beside_yes_no_ms_p50": ms(pesel_shared)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--configs", default="1x2,2x1,1x1", help="threads x workers, comma-separated")
    parser.add_argument("--pesels", type=int, default=6)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--models-dir", type=Path, default=REPO_ROOT / "var" / "models")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    voices = Voices()
    magda, natan = (Caller(f"rhvoice:{name}", 1.0, 0.0, "", "", None) for name in ("magda", "natan"))
    pesels = [voices.say(natan if i % 2 else magda, spoken(random_pesel(rng), STYLES[i % len(STYLES)], rng), rng)
              for i in range(args.pesels)]
    yes = voices.say(natan, "Tak, zgadza się.", rng)
    sentence = voices.say(magda, "Chciałbym sprawdzić, czy doszła moja wpłata na podatek VAT.", rng)
    for config in args.configs.split(","):
        threads, workers = (int(part) for part in config.lower().split("x"))
        print(json.dumps(measure(threads, workers, pesels, yes, sentence, args.models_dir)), flush=True)


if __name__ == "__main__":
    main()
