"""The texts a voice may keep: every fixed prompt, no caller data, template sentences without slots."""

from __future__ import annotations

from dialogue import prompts, prompts_booking
from dialogue.fixed_texts import fixed_texts


def test_every_fixed_prompt_and_tier_one_answer_is_there():
    texts = set(fixed_texts())
    assert prompts.ASK_PESEL in texts
    assert prompts_booking.BOOKING_START in texts
    assert set(prompts.GENERAL_ANSWERS.values()) <= texts
    assert set(prompts.SURVEY_QUESTIONS.values()) <= texts


def test_no_text_has_a_slot_for_caller_data_and_each_ends_a_sentence_or_a_head():
    texts = fixed_texts()
    assert texts and len(texts) == len(set(texts))
    for text in texts:
        assert "{" not in text and "}" not in text
        assert text.endswith((".", "?", "!", ":"))


def test_a_templates_sentences_without_slots_are_fixed_and_its_others_are_not():
    texts = set(fixed_texts())
    assert "Czy się zgadza?" in texts  # after "Zapisany numer PESEL to: {digits}."
    assert not any(text.startswith("Zapisany numer PESEL") and text != "Zapisany numer PESEL to:" for text in texts)
    assert not any(text.startswith("W {") or "zaległość:" in text for text in texts)


def test_the_head_of_a_template_before_a_colon_is_fixed_when_it_holds_no_slot():
    texts = set(fixed_texts())
    assert {"Zapisany numer PESEL to:", "Najbliższy wolny termin:", "Zapisany adres e-mail:"} <= texts
    # "W {tax} jest nadpłata: {amount}." — the head names the tax: not fixed.
    assert not any("nadpłata:" in text for text in texts)


def test_the_handoff_announcement_of_every_queue_is_fixed():
    from dialogue.queues import QUEUES, handoff_announcement

    texts = set(fixed_texts())
    assert {handoff_announcement(queue) for queue in QUEUES} <= texts
    assert "Łączę z konsultantem do spraw akcyzy i cła. Proszę pozostać na linii." in texts
