"""The context card: who (verified), what they want, what the bot said; no telePIN, no key digits."""

from __future__ import annotations

import json

from integrations.handoff.card import build_card, enrich_card, public_transcript, waiting_line
from integrations.handoff.redaction import HIDDEN, redact_caller_text
from dialogue.secrets import Pesel, mask_pesel
from tests.handoff.checks import assert_absent, assert_present
from tests.handoff.conftest import PESEL, PIN, caller_context


def make_card(**overrides):
    return build_card(caller_context(**overrides), handoff_id="h1", queue="pit", reason="caller_asked",
                      created_at=1000.0)


def test_card_carries_identity_intent_answers_and_reason():
    card = make_card()
    caller = dict(card["caller"])
    assert_present(caller.pop("pesel"), PESEL)
    assert caller == {"verified": True, "auth_method": "PESEL + telePIN", "pesel_masked": mask_pesel(PESEL),
                      "name": "Jan Kowalski", "caller_number": "+48221234567"}
    assert card["intent"] == "refund_status" and card["slots"] == {"tax": "PIT", "year": 2025}
    assert card["bot_answers"] == ["Zwrot 1 234,56 zł został zlecony 3 marca."]
    assert card["reason"] == "caller_asked" and card["queue_label"] == "PIT"
    # An unknown reason slug stays readable; the dialogue's own reasons read in Polish.
    assert "zweryfikowany" in card["summary"] and "powód: caller asked" in card["summary"]
    known = build_card({}, handoff_id="h2", queue="vat", reason="caller_request")
    assert known["reason_label"] == "rozmówca poprosił o konsultanta"
    assert "powód: rozmówca poprosił o konsultanta" in known["summary"]


def test_card_has_no_telepin_and_no_key_digits():
    text = json.dumps(make_card(), ensure_ascii=False)
    assert_absent(text, PIN, " ".join(PIN))
    assert "telepin" not in json.loads(text)
    assert "[wprowadzono na klawiaturze 6 cyfr]" in text
    assert HIDDEN in text  # the PIN the caller said aloud


def test_agent_sees_the_pesel_the_caller_said_the_public_does_not():
    card = make_card()
    assert_present(json.dumps(card["transcript"]), " ".join(PESEL))
    public = json.dumps(public_transcript(card), ensure_ascii=False)
    assert_absent(public, PESEL, " ".join(PESEL))
    assert "1 234,56 zł" in public  # the caller's own amounts stay in their history


def test_spoken_digit_words_are_hidden_but_years_kept():
    assert redact_caller_text("pin dwa cztery sześć osiem jeden trzy") == "pin " + HIDDEN
    assert redact_caller_text("zeznanie za 2025 rok") == "zeznanie za 2025 rok"
    assert redact_caller_text("dwa razy dzwoniłem") == "dwa razy dzwoniłem"


def test_unverified_caller_card_shows_no_pesel():
    card = make_card(verified=False)
    assert card["caller"]["verified"] is False and card["caller"]["pesel"] is None
    assert "niezweryfikowany" in card["summary"]


def test_representative_card_names_the_principal():
    card = make_card(principal={"kind": "organisation", "nip": "5260250274", "name": "Firma Sp. z o.o.",
                                "basis": "UKO", "pesel": None})
    assert card["principal"]["name"] == "Firma Sp. z o.o." and "Firma" in card["summary"]


def test_waiting_line_has_no_full_pesel_or_transcript():
    line = waiting_line(make_card(), now=1012.0)
    assert line["waited_s"] == 12.0 and "transcript" not in line
    assert_absent(json.dumps(line), PESEL)


async def test_enrichment_is_pluggable_and_its_failure_is_harmless():
    async def registry(card):
        return {"nip": "1234563218", "address": "Warszawa"}

    card = await enrich_card(make_card(), registry)
    assert card["enrichment"] == {"nip": "1234563218", "address": "Warszawa"}

    def broken(card):
        raise ConnectionError("registry down")

    card = await enrich_card(make_card(), broken)
    assert card["enrichment"] is None and card["enrichment_error"]


def test_the_dialogue_context_shape_with_the_pesel_beside_it():
    """``dialogue.handoff.build_context`` output, with ``HandOff.pesel`` passed separately."""
    context = {
        "reason": "caller_asked", "channel": "voice", "caller_number": "+48221234567",
        "identity": {"verified": True, "method": "pesel+telepin", "pesel_entry": "voice",
                     "pesel_masked": mask_pesel(PESEL)},
        "principal": {"kind": "organisation", "name": "Firma Sp. z o.o.", "nip": "5260250274",
                      "pesel_masked": None, "basis": "UKO"},
        "intent": "balance", "topic": "vat", "slots": {"tax": "VAT", "period": "2026-10", "own_matter": False},
        "answered": ["saldo VAT 2026-10: zaległość 1 234,56 zł"],
        "transcript": [{"who": "bot", "text": "W czym mogę pomóc?"}, {"who": "caller", "text": "saldo VAT firmy"}],
    }
    card = build_card(context, handoff_id="h2", queue="vat", reason="caller_asked", pesel=Pesel(PESEL))
    assert_present(card["caller"]["pesel"], PESEL)
    assert card["caller"]["auth_method"] == "PESEL + telePIN, PESEL podany głosem"
    assert card["bot_answers"] == ["saldo VAT 2026-10: zaległość 1 234,56 zł"]
    assert [t["role"] for t in card["transcript"]] == ["bot", "caller"]
    assert card["principal"]["name"] == "Firma Sp. z o.o." and card["slots"]["period"] == "2026-10"
    unverified = build_card(dict(context, identity={"verified": False}), handoff_id="h3", queue="vat", reason="x")
    assert unverified["caller"]["verified"] is False and unverified["caller"]["pesel"] is None
