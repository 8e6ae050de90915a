"""The committed NLU dataset: what the generator makes, split by template, labelled within the label sets."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from dialogue.nlu import INTENTS, TOPICS
from dialogue.nlu.asr_noise import asr_noise
from dialogue.nlu.build_dataset import BLIND_BANKS, DEV_BANKS, build
from dialogue.nlu.corpus import (ALL_FILES, BLIND_SPLITS, DATASET_DIR, DEV_SPLITS, SPLITS, heard_rows, heldout_rows,
                                 train_rows, written_file, written_rows)
from dialogue.nlu.dev2_templates import DEV2_BANK
from dialogue.nlu.drafts import DRAFTS
from dialogue.nlu.grammar import expansions
from dialogue.nlu.heldout_templates import HELDOUT_BANK
from dialogue.nlu.separation import bank_phrases, draft_conflicts, frame_words, grown_overlaps, overlap
from dialogue.nlu.templates import TRAIN_BANK
from dialogue.nlu.templates_other_hands import OTHER_HANDS


def test_committed_files_are_what_the_seeded_generator_makes(tmp_path):
    made = build(out_dir=tmp_path)
    assert tuple(name for name in made if not name.endswith("_templates")) == SPLITS
    for name in map(written_file, SPLITS):
        assert (tmp_path / name).read_bytes() == (DATASET_DIR / name).read_bytes(), name


def test_the_blind_and_development_splits_are_their_banks_in_order():
    assert tuple(bank.name for bank in BLIND_BANKS) == BLIND_SPLITS
    assert tuple(bank.name for bank in DEV_BANKS) == DEV_SPLITS


def test_dataset_is_thousands_of_rows_and_under_eight_megabytes():
    """The size guard catches a file that should not be here (a model, a dump), not growth: the second
    development set and its recordings took the dataset past 4.5 MB, writers F and G past 5.3 MB, H to J past 6.7 MB."""
    assert len(train_rows()) >= 3000
    assert len(heldout_rows()) >= 300
    assert all(len(written_rows(split)) >= 300 for split in (*DEV_SPLITS, *BLIND_SPLITS))
    assert sum((DATASET_DIR / name).stat().st_size for name in ALL_FILES if (DATASET_DIR / name).exists()) < 8_000_000


def test_heldout_bank_is_written_in_other_frames_and_other_words():
    """No three words in a row of a held-out frame occur in a training frame (tax names and the domain's
    terms masked), and every held-out template has a content word no training phrase uses."""
    found = overlap(TRAIN_BANK, HELDOUT_BANK)
    assert found.shared_trigrams == {}
    assert found.templates_without_new_words == []


@pytest.mark.parametrize("blind, others", [*((bank, (TRAIN_BANK, HELDOUT_BANK, *BLIND_BANKS[:i]))
                                             for i, bank in enumerate(BLIND_BANKS)),
                                           (DEV2_BANK, (TRAIN_BANK, HELDOUT_BANK, *BLIND_BANKS))],
                         ids=[*BLIND_SPLITS, DEV2_BANK.name])
def test_blind_banks_are_written_in_other_frames_and_other_words_than_every_other_bank(blind, others):
    """A blind bank against the training bank, the held-out (development) bank and the blind banks before
    it: the same two checks; the second development bank against all of them."""
    assert len(blind.templates) >= 60
    for other in others:
        # A failure names what the other bank must not say (trigrams it says too), a count, never a blind
        # phrase: whoever writes training templates must not read the blind bank's wording in a test report.
        found = overlap(other, blind)
        shared = sorted({trigram for trigrams in found.shared_trigrams.values() for trigram in trigrams})
        assert shared == [], other.name
        blind_templates_without_new_words = len(found.templates_without_new_words)
        assert blind_templates_without_new_words == 0, other.name


def test_the_blind_banks_writer_teaches_the_model_none_of_its_words():
    """The words the blind bank brought that the training bank lacked when it was committed (kept in
    blind_new_words.txt, folded) stay out of the training templates its writer wrote since: they could
    not unknow its vocabulary. The templates written by other hands who never saw the blind banks
    (templates_other_hands.py) may use any word; the frame and new-word checks above still hold for them."""
    blind_words = set((Path(__file__).parent / "blind_new_words.txt").read_text(encoding="utf-8").split())
    own = dataclasses.replace(TRAIN_BANK, templates=[t for t in TRAIN_BANK.templates if t not in OTHER_HANDS])
    assert len(own.templates) == len(TRAIN_BANK.templates) - len(OTHER_HANDS)
    training_words = {word for phrase in bank_phrases(own) for word in frame_words(phrase)}
    learnt = sorted(blind_words & training_words)  # only the offending words, not the whole list
    assert learnt == []


@pytest.mark.parametrize("split, prefix, before", [*((bank.name, bank.row_prefix, BLIND_SPLITS[:i])
                                                    for i, bank in enumerate(BLIND_BANKS)),
                                                  (DEV2_BANK.name, DEV2_BANK.row_prefix, BLIND_SPLITS)])
def test_blind_rows_share_no_template_and_no_text_with_the_other_splits(split, prefix, before):
    blind = written_rows(split)
    assert all(str(row["template"]).startswith(prefix) for row in blind)
    others = train_rows() + heldout_rows() + [row for name in before for row in written_rows(name)]
    assert not {row["template"] for row in others} & {row["template"] for row in blind}
    assert not {row["text"] for row in others} & {row["text"] for row in blind}
    assert {row["intent"] for row in blind} == set(INTENTS)
    assert {row["topic"] for row in blind} == set(TOPICS)
    assert {row["question"] for row in blind if row.get("question")} >= {
        "hours", "telepin", "certificate", "visit", "eus", "forms", "hotline", "microaccount"}


def test_the_data_covers_representatives_refusals_corrections_stories_and_two_matters():
    for rows in (train_rows(), *(written_rows(split) for split in (*DEV_SPLITS, *BLIND_SPLITS))):
        kinds = {row.get("kind") for row in rows}
        acts = {row.get("act") for row in rows}
        assert {"plain", "story", "multi", "refusal"} <= kinds
        assert {"refuse", "representative", "correction"} <= acts


def test_heldout_templates_never_appear_in_training():
    train_templates = {row["template"] for row in train_rows()}
    heldout_templates = {row["template"] for row in heldout_rows()}
    assert heldout_templates and not (train_templates & heldout_templates)
    assert all(str(t).startswith("h") for t in heldout_templates)
    assert not {row["text"] for row in train_rows()} & {row["text"] for row in heldout_rows()}


def test_heard_training_rows_that_are_still_written_rows_carry_their_labels():
    """A heard training row keeps the text it was spoken from; a bank that grows realises its rows anew, so many
    heard rows are no longer written rows (and their template ids are of an older numbering). Those that
    still are must say what the written row says: a label changed in a bank is changed in its heard rows too."""
    written = {row["text"]: row for row in train_rows()}
    heard = heard_rows()
    still_written = [row for row in heard if row["text"] in written]
    assert len(still_written) >= len(heard) // 4
    for row in still_written:
        labels = [(r["intent"], r["topic"], r.get("act"), r.get("question")) for r in (row, written[row["text"]])]
        assert labels[0] == labels[1], row["text"]
    for row in heard:
        assert row["intent"] in INTENTS and row["topic"] in TOPICS
        assert row["heard"].strip() and row["voice"].startswith("rhvoice:")


def test_every_label_is_known_and_every_intent_and_topic_is_held_out():
    for row in train_rows() + heldout_rows():
        assert row["intent"] in INTENTS and row["topic"] in TOPICS
    assert {row["intent"] for row in heldout_rows()} == set(INTENTS)
    assert {row["topic"] for row in heldout_rows()} == set(TOPICS)


def test_asr_noise_is_deterministic_lowercase_and_unpunctuated():
    text = "Dzień dobry, czy przyszedł mój zwrot z PIT-a? Zaświadczenie o niezaleganiu."
    noisy = [asr_noise(text, random.Random(seed)) for seed in range(20)]
    assert noisy == [asr_noise(text, random.Random(seed)) for seed in range(20)]
    assert all(n == n.lower() and "," not in n and "?" not in n for n in noisy)
    assert len(set(noisy)) > 10  # it really varies


@pytest.mark.parametrize("name", [*DRAFTS, "all drafts"])
def test_each_kept_draft_of_training_templates_could_join_the_bank_without_spoiling_the_measured_ones(name):
    """dialogue/nlu/drafts/, measured and not (yet) kept: their labels are the bank's, and with one of them,
    or all, the training bank would still be written in other frames and other words than both dev banks
    and every blind bank."""
    from dialogue.nlu.grammar import SLOT

    draft = [t for templates in DRAFTS.values() for t in templates] if name == "all drafts" else DRAFTS[name]
    assert len(draft) >= 100
    assert {t.intent for t in draft} <= set(INTENTS) and "other" in {t.intent for t in draft}
    assert {t.topic for t in draft} <= set(TOPICS) | {SLOT}
    for bank, found in grown_overlaps(TRAIN_BANK, draft, (*DEV_BANKS, *BLIND_BANKS)).items():
        assert (len(found.shared_trigrams), len(found.templates_without_new_words)) == (0, 0), bank


def test_a_draft_that_copies_a_protected_template_is_told_in_its_own_words():
    """The check a template writer runs (eval.nlu_draft_check): a draft that says a dev template's sentence
    conflicts with dev, each conflict names a draft template and words of the draft, and a draft of the
    training bank's own kind (writer E's first templates) has none."""
    copied = HELDOUT_BANK.templates[3]
    draft = [*DRAFTS["writer_e"][:3], copied]
    conflicts = draft_conflicts(TRAIN_BANK, draft, (HELDOUT_BANK, *BLIND_BANKS))
    assert conflicts and {conflict.bank for conflict in conflicts} == {HELDOUT_BANK.name}
    assert {conflict.template for conflict in conflicts} == {3}
    copied_words = {word for text in expansions(copied.text) for word in frame_words(text)}
    for conflict in conflicts:
        assert conflict.phrase in ("", *expansions(copied.text))
        assert {word for words in conflict.words for word in words.split()} <= copied_words
    assert draft_conflicts(TRAIN_BANK, draft[:3], (HELDOUT_BANK, *BLIND_BANKS)) == []
