"""Compare the installed speech recognisers on your own recordings: WER, CER and time per utterance.

A folder of audio files (WAV, FLAC, OGG; any rate) with their transcripts, either as ``NAME.txt``
beside each ``NAME.wav`` or in a ``manifest.tsv`` with ``file`` and ``transcript`` columns (the
layout of the Common Voice sample). Every installed Whisper model (and the Polish Vosk model when
installed) transcribes every file through the very recogniser the calls use, optionally after the
8 kHz phone line first. Normalisation: lower case, punctuation dropped, diacritics kept.

    voicebot asr bench FOLDER [--models whisper-base,whisper-small] [--phone] [--json]
"""

from __future__ import annotations

import csv
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import jiwer

from asr.audio import phone_line, read_audio_file
from eval.wer_cv_pl import normalise

AUDIO_SUFFIXES = (".wav", ".flac", ".ogg")


@dataclass(frozen=True)
class Utterance:
    path: Path
    reference: str


def load_folder(folder: Path) -> list[Utterance]:
    folder = Path(folder)
    manifest = folder / "manifest.tsv"
    if manifest.is_file():
        with open(manifest, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
        return [Utterance(folder / row["file"], row["transcript"]) for row in rows if row.get("file")]
    out = []
    for audio in sorted(p for p in folder.iterdir() if p.suffix.lower() in AUDIO_SUFFIXES):
        text = audio.with_suffix(".txt")
        if text.is_file():
            out.append(Utterance(audio, text.read_text(encoding="utf-8").strip()))
    return out


def installed_models(models_dir: Path) -> list[tuple[str, str]]:
    """(engine, model name) of every installed recogniser, Whisper first."""
    from models.registry import REGISTRY
    from models.store import is_installed

    found = []
    for name, spec in REGISTRY.items():
        if "test" in spec.tags or spec.kind not in ("asr-whisper", "asr-vosk"):
            continue
        if spec.kind == "asr-vosk" and spec.language != "pl":
            continue
        if is_installed(name, models_dir):
            found.append(("whisper" if spec.kind == "asr-whisper" else "vosk", name))
    return found


def bench(utterances: list[Utterance], models: list[tuple[str, str]], models_dir: Path, *, phone: bool,
          threads: int, device: str = "cpu", compute_type: str = "int8", progress=None) -> list[dict]:
    from asr.factory import create_recognizer

    audio = []
    for u in utterances:
        pcm, rate = read_audio_file(u.path)
        audio.append(phone_line(pcm, rate) if phone else (pcm, rate))
    rows = []
    for engine, name in models:
        options = {"device": device, "compute_type": compute_type} if engine == "whisper" else {}
        started = time.perf_counter()
        recognizer = create_recognizer(engine, None, threads, models_dir=models_dir, model=name, **options)
        load_s = time.perf_counter() - started
        references, hypotheses, times, seconds = [], [], [], 0.0
        for u, (pcm, rate) in zip(utterances, audio):
            t0 = time.perf_counter()
            heard = recognizer.transcribe(pcm, rate)
            times.append((time.perf_counter() - t0) * 1000)
            seconds += len(pcm) / 2 / rate
            references.append(normalise(u.reference))
            hypotheses.append(normalise(heard.text))
            if progress:
                progress(name)
        rows.append({
            "model": name, "engine": engine, "utterances": len(utterances),
            "wer": round(jiwer.wer(references, hypotheses), 3), "cer": round(jiwer.cer(references, hypotheses), 3),
            "ms_per_utterance_p50": round(statistics.median(times)),
            "ms_per_utterance_p95": round(sorted(times)[int(0.95 * (len(times) - 1))]),
            "real_time_factor": round(sum(times) / 1000 / seconds, 3) if seconds else None,
            "load_s": round(load_s, 1),
        })
    return rows
