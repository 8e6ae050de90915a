import pytest

from dialogue.numerals import FIX, compose, numbers_in, parse_items, words_to_digits

CASES = [
    ("zero", "0"),
    ("osiem dwa zero jeden", "8201"),
    ("osiemdziesiąt dwa, zero jeden, piętnaście", "820115"),
    ("sto dwadzieścia trzy", "123"),
    ("sto pięć", "105"),
    ("sto", "100"),
    ("dwieście dwadzieścia", "220"),
    ("dziewięćset dziewięćdziesiąt dziewięć", "999"),
    ("dwa tysiące", "2000"),
    ("dwa tysiące pięć", "2005"),
    ("tysiąc dziewięćset osiemdziesiąt cztery", "1984"),
    ("jedenaście dwanaście trzynaście", "111213"),
    ("dziesięć", "10"),
    ("dwadzieścia, dwa", "202"),
    ("dwadzieścia dwa", "22"),
    ("dwa dwadzieścia", "220"),
    ("dwójka trójka piątka ósemka", "2358"),
    ("jedynka zero dziewiątka", "109"),
    ("82 01 15", "820115"),
    ("82-01-15", "820115"),
    ("osiemdziesiąt 2", "802"),
    ("yyy no to jest osiem, eee, dwa", "82"),
    ("piec szesc dziewiec", "569"),  # the recogniser dropped the diacritics
    ("PIĘĆ Sześć", "56"),
    ("dwie", "2"),
]


@pytest.mark.parametrize("text,digits", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_words_to_digits(text, digits):
    assert words_to_digits(text) == digits


def test_soft_words_read_either_way():
    items = parse_items("osiem ma zero")
    assert compose(items, (True,)) == ["8", "2", "0"]
    assert compose(items, (False,)) == ["8", "0"]


def test_corrections_become_markers():
    assert compose(parse_items("dwadzieścia dwa, nie, poprawiam, dwadzieścia trzy")) == ["22", FIX, "23"]
    assert compose(parse_items("osiem to znaczy dziewięć")) == ["8", FIX, "9"]


def test_numbers_with_ordinals():
    assert numbers_in("za dwa tysiące dwudziesty piąty rok") == [2025]
    assert numbers_in("za rok 2024") == [2024]
    assert numbers_in("dwa tysiące dwudziestego trzeciego") == [2023]


def test_no_numbers():
    assert words_to_digits("dzień dobry, chcę zapytać o saldo") == ""


def test_two_number_words_glued_by_the_recogniser_are_read_as_two():
    from polish.numerals import variants

    assert ["3", "0", "5"] in variants("trzydero, pięć")  # "trzy" + a broken "zero"
    assert ["8", "0", "2"] in variants("osiemdero dwa")
    assert variants("siedemdziesiąt") == [["70"]]  # a real number word is not cut in two

