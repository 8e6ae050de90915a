"""An e-mail address spelled with Polish letter names or typed, and said back for the ear."""

from __future__ import annotations

import pytest

from polish.email_spelling import email_spoken, spoken_email, typed_email


@pytest.mark.parametrize("said, address", [
    ("jan kropka kowalski małpa poczta kropka pe el", "jan.kowalski@poczta.pl"),
    ("Mój adres to anna myślnik nowak małpa wp kropka pl", "anna-nowak@wp.pl"),
    ("ka o wu a el es ka i jeden dwa małpa o dwa kropka pl", "kowalski12@o2.pl"),
    ("jan podkreślnik nowak małpa gmail kropka com", "jan_nowak@gmail.com"),
    ("Jan.Kowalski@Example.PL", "jan.kowalski@example.pl"),
])
def test_spelled_addresses(said, address):
    assert spoken_email(said) == address


@pytest.mark.parametrize("said", ["jan kowalski", "małpa kropka", "jan małpa poczta", "kropka jan małpa pl"])
def test_what_is_no_address_gives_none(said):
    assert spoken_email(said) is None


def test_typed_address_inside_a_sentence():
    assert typed_email("mój e-mail: Anna.Nowak@wp.pl, dziękuję") == "anna.nowak@wp.pl"
    assert typed_email("anna at wp pl") is None


def test_address_said_back_with_letter_names_for_short_parts():
    assert email_spoken("jan.kowalski@poczta.pl") == "jan kropka kowalski małpa poczta kropka pe el"
    assert email_spoken("a-nowak7@wp.pl") == "a myślnik nowak siedem małpa wu pe kropka pe el"
    # Round trip: what the bot reads back is what the caller may say.
    for address in ("jan.kowalski@poczta.pl", "a-nowak7@wp.pl", "xyz@o2.pl"):
        assert spoken_email(email_spoken(address)) == address
