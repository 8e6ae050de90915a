"""Fine-tune one encoder with two heads (intent, topic) on the repo's dataset; cached by fingerprint.

One ``AutoModelForSequenceClassification`` with ``len(INTENTS) + len(TOPICS)`` outputs: the first
block is the intent head, the rest the topic head, each with its own softmax and cross-entropy. One
encoder pass serves both, which halves training and parse time against two models.

``out_dir`` holds the model, its tokenizer and ``nlu.json`` (labels, fingerprint, metrics), written
last, so a directory without it is an unfinished training. The fingerprint hashes the dataset, the
base model and every hyperparameter: a matching one skips training.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import dialogue.nlu.base_models as base_models
from dialogue.nlu.classifier import IntentClassifier
from dialogue.nlu.corpus import DATASET_DIR, dataset_hash, heard_rows, heldout_rows, training_rows
from dialogue.nlu.labels import INTENTS, TOPICS
from dialogue.nlu.manifest import NluManifest, read_manifest
from dialogue.nlu.text import normalise

FORMAT_VERSION = 4  # bump when the training code changes what a fingerprint means

DEFAULT_SEED = 4
DEFAULT_BATCH_SIZE = 32
MAX_LENGTH = 40


def fingerprint(base_model: str | Path, dataset_dir: Path, hyperparameters: dict) -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps({"format": FORMAT_VERSION, **hyperparameters}, sort_keys=True).encode())
    digest.update(base_models.identity(base_model).encode())
    digest.update(dataset_hash(dataset_dir).encode())
    return digest.hexdigest()[:32]


def train(base_model: str | Path = base_models.DEFAULT_BASE_MODEL, dataset_dir: Path = DATASET_DIR,
          out_dir: Path = Path("var/nlu"), epochs: int | None = None, seed: int = DEFAULT_SEED, *,
          max_rows: int | None = None, learning_rate: float | None = None,
          batch_size: int = DEFAULT_BATCH_SIZE, trainable_layers: int | None = None,
          threads: int = 2, force: bool = False,
          log: Callable[[str], None] | None = None) -> dict:
    """Train into ``out_dir`` unless a model with the same fingerprint is there; return its metrics.

    ``max_rows`` trains on a seeded sample of the training rows (tests use it to stay quick).
    ``epochs``, ``learning_rate``, ``trainable_layers`` (only the top encoder layers and the heads
    learn: freezing the rest makes a CPU step ~2.5x cheaper) default to what suits the base model
    (``base_models.training_defaults``); ``trainable_layers=99`` fine-tunes every layer.
    The returned dict has ``cached`` (True when training was skipped) and ``fingerprint``.
    """
    out_dir, dataset_dir = Path(out_dir), Path(dataset_dir)
    defaults = base_models.training_defaults(base_model)
    epochs = defaults["epochs"] if epochs is None else epochs
    learning_rate = defaults["learning_rate"] if learning_rate is None else learning_rate
    trainable_layers = defaults["trainable_layers"] if trainable_layers is None else trainable_layers
    hyperparameters = {"epochs": epochs, "seed": seed, "max_rows": max_rows, "learning_rate": learning_rate,
                       "batch_size": batch_size, "trainable_layers": trainable_layers, "max_length": MAX_LENGTH,
                       "base_model": str(base_model)}
    wanted = fingerprint(base_model, dataset_dir, hyperparameters)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(out_dir.parent / f".{out_dir.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second trainer waits, then finds the cache
        manifest = read_manifest(out_dir)
        if manifest and manifest.fingerprint == wanted and not force:
            return {**manifest.metrics, "cached": True, "fingerprint": wanted}
        with tempfile.TemporaryDirectory(dir=out_dir.parent, prefix=f".{out_dir.name}-") as work:
            trainer = {base_models.NGRAM: _train_ngram_into,
                       base_models.NGRAM_E5: _train_ngram_e5_into}.get(str(base_model), _train_into)
            metrics = trainer(Path(work), base_model, dataset_dir, hyperparameters, threads, log)
            NluManifest(intents=INTENTS, topics=TOPICS, max_length=MAX_LENGTH, fingerprint=wanted,
                        hyperparameters=hyperparameters, metrics=metrics).write(Path(work))
            if out_dir.exists():
                shutil.rmtree(out_dir)
            Path(work).rename(out_dir)
            out_dir.chmod(0o755)  # mkdtemp made it private
            Path(work).mkdir()  # so TemporaryDirectory's cleanup finds what it made
    return {**metrics, "cached": False, "fingerprint": wanted}


def _train_ngram_into(work: Path, base_model: str | Path, dataset_dir: Path, hp: dict, threads: int,
                      log: Callable[[str], None] | None) -> dict:
    from dialogue.nlu.ngram import NgramClassifier

    rows = _training_sample(dataset_dir, hp)
    started = time.monotonic()
    classifier = NgramClassifier.fit(rows, seed=hp["seed"])
    train_seconds = time.monotonic() - started
    if log:
        log(f"n-gram model: {len(rows)} rows in {train_seconds:.1f} s")
    classifier.save(work)
    return _metrics(classifier, len(rows), train_seconds, dataset_dir)


def _train_ngram_e5_into(work: Path, base_model: str | Path, dataset_dir: Path, hp: dict, threads: int,
                         log: Callable[[str], None] | None) -> dict:
    import torch

    from dialogue.nlu.ensemble import NgramE5

    torch.set_num_threads(threads)
    rows = _training_sample(dataset_dir, hp)
    started = time.monotonic()
    NgramE5.fit(rows, seed=hp["seed"], epochs=hp["epochs"], learning_rate=hp["learning_rate"],
                batch_size=hp["batch_size"], log=log).save(work)
    train_seconds = time.monotonic() - started
    if log:
        log(f"n-grams + E5: {len(rows)} rows in {train_seconds:.0f} s")
    classifier = NgramE5.load(work)  # measured as the bot runs it: int8, from disk
    return _metrics(classifier, len(rows), train_seconds, dataset_dir)


def _train_into(work: Path, base_model: str | Path, dataset_dir: Path, hp: dict, threads: int,
                log: Callable[[str], None] | None) -> dict:
    import torch
    from transformers import get_linear_schedule_with_warmup

    torch.set_num_threads(threads)
    torch.manual_seed(hp["seed"])
    rows = _training_sample(dataset_dir, hp)

    texts = [normalise(row["text"]) for row in rows]
    labels = [f"intent:{x}" for x in INTENTS] + [f"topic:{x}" for x in TOPICS]
    tokenizer, model = base_models.build(base_model, texts, dict(enumerate(labels)))
    if hp["trainable_layers"] is not None:
        _freeze_below(model, hp["trainable_layers"])
    intents = torch.tensor([INTENTS.index(row["intent"]) for row in rows])
    topics = torch.tensor([TOPICS.index(row["topic"]) for row in rows])

    steps = hp["epochs"] * len(_length_bucketed_batches(texts, hp["batch_size"], torch.Generator()))
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=hp["learning_rate"], weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimiser, int(0.06 * steps), steps)
    # Smoothing keeps the confidence honest: without it a small model says 0.9999 to everything.
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.1)
    generator = torch.Generator().manual_seed(hp["seed"])
    started = time.monotonic()
    model.train()
    for epoch in range(hp["epochs"]):
        total = 0.0
        for batch in _length_bucketed_batches(texts, hp["batch_size"], generator):
            encoded = tokenizer([texts[i] for i in batch], padding=True, truncation=True,
                                max_length=MAX_LENGTH, return_tensors="pt")
            logits = model(**encoded).logits
            loss = (loss_fn(logits[:, :len(INTENTS)], intents[batch])
                    + loss_fn(logits[:, len(INTENTS):], topics[batch]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            total += loss.item() * len(batch)
        if log:
            log(f"epoch {epoch + 1}/{hp['epochs']}: loss {total / len(rows):.3f}")
    train_seconds = time.monotonic() - started

    model.eval()
    model.save_pretrained(work)
    tokenizer.save_pretrained(work)
    classifier = IntentClassifier(tokenizer, model, INTENTS, TOPICS, MAX_LENGTH)
    return _metrics(classifier, len(rows), train_seconds, dataset_dir)


def _training_sample(dataset_dir: Path, hp: dict) -> list[dict]:
    """The training rows, or a seeded sample of ``max_rows`` of them."""
    rows = training_rows(dataset_dir)
    if hp["max_rows"] is not None and hp["max_rows"] < len(rows):
        rows = random.Random(hp["seed"]).sample(rows, hp["max_rows"])
    return rows


def _metrics(classifier, train_rows: int, train_seconds: float, dataset_dir: Path) -> dict:
    """What ``nlu.json`` records of a training: its size and time, and the model read on the held-out rows."""
    from dialogue.nlu.evaluate import evaluate

    return {"train_rows": train_rows, "train_seconds": round(train_seconds, 1),
            **evaluate(classifier, heldout_rows(dataset_dir), heard_rows(dataset_dir, "heldout"))}


def _length_bucketed_batches(texts: list[str], batch_size: int, generator) -> list[list[int]]:
    """Shuffled batches of similar-length texts: less padding, so CPU training takes less time."""
    import torch

    order = torch.randperm(len(texts), generator=generator).tolist()
    pool = batch_size * 16
    batches = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start:start + pool], key=lambda i: len(texts[i]))
        batches.extend(chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size))
    shuffled = torch.randperm(len(batches), generator=generator).tolist()
    return [batches[i] for i in shuffled]


def _freeze_below(model, trainable_layers: int) -> None:
    """Freeze the embeddings and all but the top ``trainable_layers`` layers of a BERT-like encoder."""
    encoder = model.base_model
    for parameter in encoder.embeddings.parameters():
        parameter.requires_grad_(False)
    layers = encoder.encoder.layer
    for layer in layers[:max(len(layers) - trainable_layers, 0)]:
        for parameter in layer.parameters():
            parameter.requires_grad_(False)
