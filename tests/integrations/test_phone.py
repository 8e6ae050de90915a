"""Caller numbers in one normal form (E.164) whatever the line delivered (issue 10, finding 9)."""

from __future__ import annotations

import pytest

from integrations.phone import caller_key, e164


@pytest.mark.parametrize("raw", [
    "+48225550101", "225550101", "0048 22 555 01 01", "tel:+48-22-555-01-01",
    "sip:+48225550101@pbx.example;user=phone", '"Jan Kowalski" <sip:+48225550101@pbx.example>',
    "sips:0048225550101@10.0.0.1:5061",
], ids=["e164", "national", "00-prefix", "tel-uri", "sip-uri", "name-addr", "sips"])
def test_every_spelling_of_a_number_is_one_e164(raw):
    assert e164(raw) == "+48225550101"
    assert caller_key(raw) == "+48225550101"


@pytest.mark.parametrize("raw", ["anonymous", "sip:alice@pbx.example", "unknown", "+"])
def test_an_identity_without_a_number_is_a_short_key_not_a_number(raw):
    assert e164(raw) is None
    key = caller_key(raw)
    assert key.startswith("uri:") and len(key) <= 32
    assert caller_key(raw.upper()) == key


def test_nothing_is_no_line():
    assert caller_key(None) is None and caller_key("  ") is None and e164("") is None


def test_a_huge_identity_is_cut_not_trusted():
    assert len(caller_key("sip:" + "9" * 10_000 + "@x")) <= 32
