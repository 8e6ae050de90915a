from datetime import date

import pytest

from dialogue.speech import (account_ending, amount_words, date_words, ordinal_genitive, pesel_readback,
                             period_words, tax_genitive, tax_locative, tax_nominative, tax_spoken, year_genitive)

AMOUNTS = [
    (123456, "tysiąc dwieście trzydzieści cztery złote pięćdziesiąt sześć groszy"),
    (100, "jeden złoty"),
    (200, "dwa złote"),
    (500, "pięć złotych"),
    (2200, "dwadzieścia dwa złote"),
    (2500, "dwadzieścia pięć złotych"),
    (100000, "tysiąc złotych"),
    (200000, "dwa tysiące złotych"),
    (101, "jeden złoty jeden grosz"),
    (1, "jeden grosz"),
    (2, "dwa grosze"),
    (5, "pięć groszy"),
    (-150000, "tysiąc pięćset złotych"),
]


@pytest.mark.parametrize("grosze,words", AMOUNTS, ids=[f"amount{i}" for i in range(len(AMOUNTS))])
def test_amounts(grosze, words):
    assert amount_words(grosze) == words


DATES = [
    (date(2026, 3, 15), "piętnastego marca dwa tysiące dwudziestego szóstego roku"),
    (date(2000, 1, 1), "pierwszego stycznia dwutysięcznego roku"),
    (date(1999, 12, 31), "trzydziestego pierwszego grudnia tysiąc dziewięćset dziewięćdziesiątego dziewiątego roku"),
    (date(2021, 7, 20), "dwudziestego lipca dwa tysiące dwudziestego pierwszego roku"),
    (date(2010, 10, 10), "dziesiątego października dwa tysiące dziesiątego roku"),
    (date(1900, 5, 2), "drugiego maja tysiąc dziewięćsetnego roku"),
    (date(2012, 2, 12), "dwunastego lutego dwa tysiące dwunastego roku"),
]


@pytest.mark.parametrize("day,words", DATES, ids=[f"date{i}" for i in range(len(DATES))])
def test_dates(day, words):
    assert date_words(day) == words


def test_ordinals_and_years():
    assert ordinal_genitive(3) == "trzeciego"
    assert ordinal_genitive(19) == "dziewiętnastego"
    assert ordinal_genitive(40) == "czterdziestego"
    assert year_genitive(2100) == "dwa tysiące setnego"
    with pytest.raises(ValueError):
        ordinal_genitive(0)


def test_periods():
    assert period_words("2025") == "dwa tysiące dwudziesty piąty rok"
    assert period_words("2026-03") == "marzec dwa tysiące dwudziestego szóstego roku"
    assert period_words("2026-Q1") == "pierwszy kwartał dwa tysiące dwudziestego szóstego roku"
    assert period_words(None) == ""


def test_taxes():
    assert tax_spoken("PIT") == "pit"
    assert tax_spoken("VAT") == "wat"
    assert tax_nominative("PIT") == "podatek dochodowy od osób fizycznych"
    assert tax_genitive("CIT") == "podatku dochodowego od osób prawnych"
    assert tax_locative("AKC") == "podatku akcyzowym"


def test_readback_in_groups():
    assert pesel_readback("12345678901") == "jeden dwa, trzy cztery, pięć sześć, siedem osiem dziewięć, zero jeden"


def test_account_ending():
    assert account_ending("PL** **** 1234") == "jeden dwa trzy cztery"
    assert account_ending(None) == ""


def test_period_phrases_read_codes_and_the_back_ends_descriptions():
    from dialogue.speech import period_phrase

    assert period_phrase("2025") == " za dwa tysiące dwudziesty piąty rok"
    assert period_phrase("PIT-37 za 2025 (korekta)") == (
        " z rozliczenia PIT-37 za dwa tysiące dwudziesty piąty rok, korekta")
    assert period_phrase("CIT-8 za 2025") == " z rozliczenia CIT-8 za dwa tysiące dwudziesty piąty rok"
    assert period_phrase(None) == ""


def test_written_form_for_the_chat():
    from dialogue import prompts
    from dialogue.speech import written_form

    assert written_form("Łączę z konsultantem do spraw podatku wat.") == "Łączę z konsultantem do spraw podatku VAT."
    assert "podatki.gov.pl" in written_form(prompts.TELEPIN_BLOCKED)
    assert written_form("Na mikrorachunek wpłacasz pit, cit i wat.") == "Na mikrorachunek wpłacasz PIT, CIT i VAT."
    assert written_form("pe ce ce albo es de") == "PCC albo SD"
    assert written_form("zapłata i pitny") == "zapłata i pitny"
