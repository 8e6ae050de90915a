"""The turn-taking model on phone audio: does it end the turn when the caller has finished, and wait
when they only paused? (Tunes ``voicebot.pipeline``'s VAD stop and end-of-turn waits.)

pipecat's bundled smart-turn v3 model judges each pause the VAD reports. Here it is given what it
would see on an 8 kHz µ-law line, VAD stop seconds after the last word:

- *finished* turns: Common Voice sentences (real voices) and typical caller lines said by the RHVoice
  callers ("Tak.", "Zwrot podatku.", a whole PESEL, …);
- *unfinished* turns: a PESEL cut at the pauses between its groups, and sentences cut between words.

A finished turn judged unfinished costs the caller the end-of-turn wait (``TURN_STOP_TIMEOUTS``); an
unfinished one judged finished cuts the caller off (for digits the recogniser still has the whole
turn when the caller goes on, but the bot answers too early).

    .venv/bin/python -m eval.bench_turns --stop-secs 0.2,0.35,0.5
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import time
from pathlib import Path

import numpy as np

from asr.audio import pcm16_to_float, phone_line, read_audio_file, resample_float
from eval.pesel_capture import random_pesel
from eval.spoken_numbers import STYLES, spoken
from eval.synth import RHVOICE_RATES

CV_PL = Path(__file__).resolve().parents[2] / "shared" / "data" / "asr" / "cv_pl"
RATE = 16000
CALLER_LINES = ("Tak.", "Nie.", "Tak, zgadza się.", "Nie, to wszystko.", "Zwrot podatku.", "Wpłaty.",
                "Chcę sprawdzić saldo.", "Dzień dobry, dzwonię w sprawie zwrotu podatku za zeszły rok.",
                "Poproszę z konsultantem.", "Dziękuję, do widzenia.", "A jak jest z podatkiem VAT?",
                "Mam pytanie o zaświadczenie o niezaleganiu.")


def _line(pcm: bytes, rate: int) -> np.ndarray:
    narrow, narrow_rate = phone_line(pcm, rate)
    return resample_float(pcm16_to_float(narrow), narrow_rate, RATE)


def _pauses(audio: np.ndarray, min_s: float = 0.15) -> list[tuple[int, int]]:
    """(start, end) sample ranges of silences inside the speech."""
    frame = RATE // 100
    energy = np.array([np.sqrt(np.mean(audio[i:i + frame] ** 2)) for i in range(0, len(audio) - frame, frame)])
    quiet = energy < max(0.01, 0.05 * energy.max())
    spans, start = [], None
    for i, q in enumerate(quiet):
        if q and start is None:
            start = i
        elif not q and start is not None:
            if (i - start) * frame >= min_s * RATE:
                spans.append((start * frame, i * frame))
            start = None
    speech = np.flatnonzero(~quiet)
    if not len(speech):
        return []
    first, last = speech[0] * frame, speech[-1] * frame
    return [(a, b) for a, b in spans if first < a and b < last]


def _speech_end(audio: np.ndarray) -> int:
    frame = RATE // 100
    energy = np.array([np.sqrt(np.mean(audio[i:i + frame] ** 2)) for i in range(0, len(audio) - frame, frame)])
    loud = np.flatnonzero(energy >= max(0.01, 0.05 * energy.max()))
    return int((loud[-1] + 1) * frame) if len(loud) else len(audio)


def samples(rng: random.Random, clips: int, pesels: int) -> list[tuple[str, str, np.ndarray]]:
    """(kind, label, audio up to the speech end) — the VAD stop silence is added per setting."""
    from tts.rhvoice_engine import RHVoiceSynthesizer

    out = []
    with open(CV_PL / "manifest.tsv", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))[:clips]
    for row in rows:
        audio = _line(*read_audio_file(CV_PL / row["file"]))
        end = _speech_end(audio)
        out.append(("finished", "sentence", audio[:end]))
        inner = _pauses(audio[:end], 0.08)
        if inner:
            a, _ = inner[len(inner) // 2]
            out.append(("unfinished", "sentence cut", audio[:a]))
    voices = [RHVoiceSynthesizer(v, rate=r) for v in ("magda", "natan") for r in RHVOICE_RATES]
    for i, text in enumerate(CALLER_LINES * 2):
        voice = voices[i % len(voices)]
        audio = _line(voice.synthesize(text), voice.sample_rate)
        out.append(("finished", "caller line", audio[:_speech_end(audio)]))
    for i in range(pesels):
        voice = voices[i % len(voices)]
        said = spoken(random_pesel(rng), STYLES[i % len(STYLES)], rng)
        audio = _line(voice.synthesize(said), voice.sample_rate)
        end = _speech_end(audio)
        out.append(("finished", "pesel", audio[:end]))
        for a, _ in _pauses(audio[:end]):
            out.append(("unfinished", "pesel cut", audio[:a]))
    return out


def judge(analyzer, audio: np.ndarray, stop_s: float) -> float:
    """The model's probability that the turn is finished, stop_s after the last word."""
    with_silence = np.concatenate([np.zeros(int(0.3 * RATE), np.float32), audio, np.zeros(int(stop_s * RATE), np.float32)])
    return float(analyzer._predict_endpoint(with_silence)["probability"])


def run(stop_secs: list[float], clips: int, pesels: int, seed: int) -> dict:
    from pipecat.audio.turn.smart_turn.local_smart_turn_v3 import LocalSmartTurnAnalyzerV3

    analyzer = LocalSmartTurnAnalyzerV3(cpu_count=1)
    analyzer.set_sample_rate(RATE)
    data = samples(random.Random(seed), clips, pesels)
    result: dict = {"samples": {}}
    for kind, label, _ in data:
        result["samples"][f"{kind}/{label}"] = result["samples"].get(f"{kind}/{label}", 0) + 1
    for stop in stop_secs:
        started = time.perf_counter()
        probabilities = [(kind, label, judge(analyzer, audio, stop)) for kind, label, audio in data]
        ms = (time.perf_counter() - started) * 1000 / len(data)
        row: dict = {"model_ms": round(ms, 1)}
        for label in sorted({label for _, label, _ in data}):
            chosen = [(k, p) for k, lab, p in probabilities if lab == label]
            kind = chosen[0][0]
            right = sum((p > 0.5) == (k == "finished") for k, p in chosen)
            row[f"{kind}/{label}: judged right"] = round(right / len(chosen), 3)
        result[f"stop {stop}s"] = row
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stop-secs", default="0.2,0.35,0.5")
    parser.add_argument("--clips", type=int, default=40)
    parser.add_argument("--pesels", type=int, default=24)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(run([float(x) for x in args.stop_secs.split(",")], args.clips, args.pesels, args.seed),
                     indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
