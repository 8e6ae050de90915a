"""Finding the tax office a caller names, over the demo seed's offices (what the sandbox serves)."""

from __future__ import annotations

import pytest

from dialogue.offices import OfficeRef, find_offices, own_office, words_match
from integrations.sandbox.seed import DEMO_SEED_PATH, read_seed

SEED = read_seed(DEMO_SEED_PATH)
OFFICES = [OfficeRef(o.id, o.name, o.city, tuple(o.aliases)) for o in SEED.booking.offices]
BY_NAME = {o.name: o for o in OFFICES}


@pytest.mark.parametrize("said, office", [
    ("urząd w Piasecznie", "Urząd Skarbowy w Piasecznie"),
    ("Chciałbym się umówić do urzędu skarbowego w Piasecznie", "Urząd Skarbowy w Piasecznie"),
    ("pierwszy urząd skarbowy w Gdańsku", "Pierwszy Urząd Skarbowy w Gdańsku"),
    ("trzeci w gdansku", "Trzeci Urząd Skarbowy w Gdańsku"),  # no diacritics, as the recogniser may write it
    ("drugi urząd Warszawa Śródmieście", "Drugi Urząd Skarbowy Warszawa-Śródmieście"),
    ("Śródmieście dwójka w Warszawie", "Drugi Urząd Skarbowy Warszawa-Śródmieście"),
    ("Warszawa Mokotów", "Urząd Skarbowy Warszawa-Mokotów"),
    ("urząd we Wrocławiu", "Urząd Skarbowy Wrocław-Stare Miasto"),
    ("w Łodzi", "Urząd Skarbowy Łódź-Śródmieście"),
    ("urząd skarbowy z Gdyni", "Urząd Skarbowy w Gdyni"),
    ("drugiego urzędu w Poznaniu", "Drugi Urząd Skarbowy w Poznaniu"),
    ("Kraków Krowodrza", "Urząd Skarbowy Kraków-Krowodrza"),
    ("piasezno", "Urząd Skarbowy w Piasecznie"),  # a recogniser's slip
])
def test_a_named_office_is_found(said, office):
    result = find_offices(said, OFFICES)
    assert result.status == "found", result
    assert result.office == BY_NAME[office]


@pytest.mark.parametrize("said, count", [("urząd w Warszawie", 3), ("w Gdańsku", 3), ("Śródmieście", 3),
                                         ("Warszawa Śródmieście", 2)])
def test_a_place_with_several_offices_is_ambiguous_and_an_ordinal_narrows_it(said, count):
    result = find_offices(said, OFFICES)
    assert result.status == "ambiguous" and len(result.candidates) == count
    narrowed = find_offices("ten drugi", result.candidates)
    assert narrowed.status == "found" and narrowed.office.name.startswith("Drugi")


def test_mokotow_narrows_the_warsaw_offices():
    warsaw = find_offices("urząd w Warszawie", OFFICES).candidates
    assert find_offices("Mokotów", warsaw).office == BY_NAME["Urząd Skarbowy Warszawa-Mokotów"]


@pytest.mark.parametrize("said", ["Radom", "chcę się umówić na wizytę", "", "tak"])
def test_no_office_named_is_not_found(said):
    assert find_offices(said, OFFICES).status == "not_found"


def test_my_office_is_the_one_in_the_registration_data():
    person = SEED.person("uko_foundation")
    mine = own_office(person.tax_office, OFFICES)
    assert mine == BY_NAME["Pierwszy Urząd Skarbowy w Gdańsku"]
    assert find_offices("do mojego urzędu", OFFICES, own_office=mine).office == mine
    assert find_offices("mój urząd skarbowy", OFFICES).status == "own_office_unknown"  # not authenticated


def test_every_seeded_taxpayers_office_resolves():
    for taxpayer in [*SEED.persons, *SEED.organisations]:
        found = own_office(taxpayer.tax_office, OFFICES)
        assert found is not None and found.name == taxpayer.tax_office


def test_case_endings_match_but_other_places_do_not():
    assert words_match("gdansku", "gdansk") == 1.0
    assert words_match("piasecznie", "piaseczno") == 1.0
    assert words_match("lodzi", "lodz") == 1.0
    assert words_match("gdyni", "gdansk") == 0.0
    assert words_match("warszawie", "wroclaw") == 0.0
