"""The context card: who (verified), what they want, what the bot said; no telePIN, no key digits;
everything the agent reads in plain Polish."""

from __future__ import annotations

import json

import pytest

from contracts.handoff import CallerIdentity, HandoffContext, PrincipalRef, TranscriptLine
from contracts.secrets import Pesel, mask_pesel
from integrations.handoff.card import build_card, enrich_card, public_transcript, waiting_line
from polish.redaction import HIDDEN, redact_caller_text
from tests.handoff.checks import assert_absent, assert_present
from tests.handoff.conftest import AGENT_ONLY, BOT_SAID, PESEL, PIN, caller_context


def make_card(**overrides):
    return build_card(caller_context(**overrides), handoff_id="h1", queue="pit", reason="caller_asked",
                      created_at=1000.0, **AGENT_ONLY)


def facts(card) -> dict[str, str]:
    return {fact["label"]: fact["value"] for fact in card["facts"]}


def test_card_carries_identity_intent_answers_and_reason():
    card = make_card()
    caller = dict(card["caller"])
    assert_present(caller.pop("pesel"), PESEL)
    assert caller == {"verified": True, "auth_method": "PESEL + telePIN", "pesel_masked": mask_pesel(PESEL),
                      "name": "Jan Kowalski", "caller_number": "+48221234567"}
    assert card["intent"] == "refund" and card["slots"] == {"tax": "PIT", "period": "2025"}
    assert card["bot_answers"] == ["refund: PIT, 2025"]
    assert card["reason"] == "caller_asked" and card["queue_label"] == "PIT"
    # An unknown reason slug stays readable; the dialogue's own reasons read in Polish.
    assert "zweryfikowany" in card["summary"] and "powód: caller asked" in card["summary"]
    known = build_card(HandoffContext(), handoff_id="h2", queue="vat", reason="caller_request")
    assert known["reason_label"] == "rozmówca poprosił o konsultanta"
    assert "powód: rozmówca poprosił o konsultanta" in known["summary"]


def test_card_takes_one_shape_only():
    with pytest.raises(TypeError):
        build_card({"verified": True}, handoff_id="h1", queue="pit", reason="caller_request")


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
    # Nor the bot's words in full: they are for the verified agent only.
    assert card["bot_said"] == [line.text for line in reversed(caller_context().transcript) if line.who == "bot"]
    assert facts(card)["PESEL (niepotwierdzony)"] == mask_pesel(PESEL)
    assert_absent(json.dumps(card["facts"]), PESEL)


def test_representative_card_names_the_principal():
    card = make_card(principal={"kind": "organisation", "nip": "5260250274", "name": "Firma Sp. z o.o.",
                                "basis": "UKO"})
    assert card["principal"]["name"] == "Firma Sp. z o.o." and "Firma" in card["summary"]
    assert facts(card)["Czyja sprawa"] == "w imieniu: Firma Sp. z o.o. (NIP 5260250274, upoważnienie UKO)"


def test_waiting_line_has_no_full_pesel_or_transcript():
    line = waiting_line(make_card(), now=1012.0)
    assert line["waited_s"] == 12.0 and "transcript" not in line
    assert_absent(json.dumps(line), PESEL)


async def test_enrichment_is_pluggable_and_its_failure_is_harmless():
    async def registry(card):
        return {"nip": "1234563218", "address": "Warszawa"}

    card = await enrich_card(make_card(), registry)
    assert card["enrichment"] == {"nip": "1234563218", "address": "Warszawa"}
    assert card["registry"] == [{"label": "NIP", "value": "1234563218"}, {"label": "Adres", "value": "Warszawa"}]

    def broken(card):
        raise ConnectionError("registry down")

    card = await enrich_card(make_card(), broken)
    assert card["enrichment"] is None and card["enrichment_error"] and card["registry"] == []


def test_the_dialogue_context_shape_with_the_pesel_beside_it():
    """``dialogue.handoff.build_context`` output, with ``HandOff.pesel`` passed separately."""
    context = HandoffContext(
        reason="caller_asked", channel="voice", caller_number="+48221234567",
        identity=CallerIdentity(verified=True, method="pesel+telepin", pesel_entry="voice",
                                pesel_masked=mask_pesel(PESEL)),
        principal=PrincipalRef(kind="organisation", name="Firma Sp. z o.o.", nip="5260250274", basis="UKO"),
        own_matter=False, intent="balance", topic="vat", tax="VAT", period="2026-10",
        answered=("balance: VAT, 2026-10",),
        transcript=(TranscriptLine("bot", "W czym mogę pomóc?"), TranscriptLine("caller", "saldo VAT firmy")),
    )
    card = build_card(context, handoff_id="h2", queue="vat", reason="caller_asked", pesel=Pesel(PESEL))
    assert_present(card["caller"]["pesel"], PESEL)
    assert card["caller"]["auth_method"] == "PESEL + telePIN, PESEL podany głosem"
    assert card["bot_answers"] == ["balance: VAT, 2026-10"]
    assert [t["role"] for t in card["transcript"]] == ["bot", "caller"]
    assert card["principal"]["name"] == "Firma Sp. z o.o." and card["slots"]["period"] == "2026-10"
    unverified = build_card(HandoffContext(identity=CallerIdentity(verified=False)), handoff_id="h3", queue="vat",
                            reason="x", pesel=Pesel(PESEL))
    assert unverified["caller"]["verified"] is False and unverified["caller"]["pesel"] is None


# --- the card in plain Polish ---------------------------------------------------------------------

_INTERNAL = ("general", "own_matter", "null", "None", "true", "false", "refund", "balance", "pcc_sd", "{", "}")


def test_facts_read_as_plain_polish():
    card = make_card()
    shown = facts(card)
    assert shown["Tożsamość"] == "zweryfikowana (PESEL + telePIN)"
    assert shown["Sprawa"] == "zwrot podatku"
    assert shown["Podatek"] == "PIT (podatek dochodowy od osób fizycznych)"
    assert shown["Okres"] == "2025 r."
    assert shown["Czyja sprawa"] == "sprawa własna"
    assert shown["Kanał"] == "rozmowa głosowa"
    assert_present(shown["PESEL"], PESEL)
    for label, value in shown.items():
        assert not any(word in f"{label} {value}" for word in _INTERNAL), (label, value)


def test_empty_fields_and_the_general_topic_are_left_out():
    card = build_card(HandoffContext(topic="general", intent=None), handoff_id="h4", queue="general",
                      reason="misunderstanding")
    shown = facts(card)
    assert "Temat" not in shown and "Sprawa" not in shown and "Podatek" not in shown and "Czyja sprawa" not in shown
    assert shown["Kolejka"] == "Sprawy ogólne" and shown["Powód przekazania"] == "bot nie zrozumiał rozmówcy"
    assert all(fact["value"] for fact in card["facts"])


def test_what_the_bot_said_in_full_newest_first():
    card = make_card()
    assert card["bot_said"] == list(BOT_SAID)
    assert card["bot_said"][0] == "Zwrot 1 234,56 zł został zlecony 3 marca."  # the amount, for the agent


def test_registry_data_in_polish_with_the_address_on_one_line():
    from integrations.handoff.card_text import registry_facts

    shown = registry_facts({"kind": "person", "name": "Jan Kowalski", "pesel": PESEL, "nip": None, "regon": "",
                            "address": {"street": "ul. Długa 5", "postal_code": "00-950", "city": "Warszawa"},
                            "tax_form": "skala podatkowa", "tax_office": "US Warszawa-Śródmieście",
                            "bank_accounts_masked": ["PL61 **** 2874"], "micro_account_masked": None,
                            "internal_flag": True})
    assert shown == [
        {"label": "Imię i nazwisko / nazwa", "value": "Jan Kowalski"},
        {"label": "Rodzaj podatnika", "value": "osoba fizyczna"},
        {"label": "PESEL", "value": PESEL},
        {"label": "Adres", "value": "ul. Długa 5, 00-950 Warszawa"},
        {"label": "Urząd skarbowy", "value": "US Warszawa-Śródmieście"},
        {"label": "Forma opodatkowania", "value": "skala podatkowa"},
        {"label": "Rachunki bankowe", "value": "PL61 **** 2874"},
    ]
