"""PESEL capture rate of spoken PESELs: synthetic callers → phone codec → Whisper → PESEL recovery.

For N valid PESELs (generated with python-stdnum, never printed), each is spoken digit by digit by
espeak-ng Polish with a varied voice and speed, passed through the 8 kHz µ-law phone line, and
recognised by the same Whisper recogniser the calls use, once with free decoding and once with the
digits-only vocabulary. ``dialogue.pesel.recover_pesel`` then reads the best text and the
alternatives. Outcomes: right, wrong (a valid PESEL that is not the caller's: the dangerous one),
none (asked again). Prints counts only.

    .venv/bin/python -m eval.pesel_capture --count 50
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from datetime import date
from pathlib import Path

from stdnum.pl import pesel as stdnum_pesel

from asr.audio import phone_line, resample_pcm16
from asr.factory import create_recognizer
from dialogue.pesel import recover_pesel
from dialogue.speech import pesel_readback
from tts.espeak_engine import EspeakSynthesizer

VOICES = [("pl", 130), ("pl", 160), ("pl+m3", 140), ("pl+f2", 140), ("pl+m1", 120), ("pl+f4", 150)]
REPO_ROOT = Path(__file__).resolve().parents[1]


def random_pesel(rng: random.Random) -> str:
    year = rng.randint(1940, 2005)
    month = rng.randint(1, 12) + (20 if year >= 2000 else 0)
    day = rng.randint(1, 28)
    base = f"{year % 100:02d}{month:02d}{day:02d}{rng.randint(0, 9999):04d}"
    return base + stdnum_pesel.calc_check_digit(base)


def speak(text: str, voice: str, speed: int) -> tuple[bytes, int]:
    synthesizer = EspeakSynthesizer(voice, speed=speed)
    return synthesizer.synthesize(text), synthesizer.sample_rate


def run(count: int, seed: int, models_dir: Path) -> dict:
    rng = random.Random(seed)
    recognizer = create_recognizer("whisper", None, 2, models_dir=models_dir)
    outcomes = {"free": Counter(), "digits": Counter()}
    for i in range(count):
        pesel = random_pesel(rng)
        voice, speed = VOICES[i % len(VOICES)]
        # A caller reads the number in pairs and singles, as on the ID card: "osiem dwa, zero jeden, …"
        pcm, rate = speak(pesel_readback(pesel), voice, speed)
        line, line_rate = phone_line(pcm, rate)
        audio = resample_pcm16(line, line_rate, 16000)
        for vocabulary in outcomes:
            heard = recognizer.transcribe(audio, 16000, vocabulary=vocabulary)
            reading = recover_pesel(heard.text, heard.alternatives, today=date.today())
            if reading.pesel is None:
                outcomes[vocabulary]["none"] += 1
            elif reading.pesel.reveal() == pesel:
                outcomes[vocabulary]["right"] += 1
            else:
                outcomes[vocabulary]["wrong"] += 1
    return {v: {k: c[k] for k in ("right", "wrong", "none")} | {"rate": round(c["right"] / count, 3)}
            for v, c in outcomes.items()} | {"count": count}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--models-dir", type=Path, default=REPO_ROOT / "var" / "models")
    args = parser.parse_args()
    print(json.dumps(run(args.count, args.seed, args.models_dir), indent=2))


if __name__ == "__main__":
    main()
