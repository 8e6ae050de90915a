"""The domain's own words, shared by the training and the held-out bank: how callers name each tax.

These fill ``{tax}`` (nominative/accusative: "mam pytanie o VAT") and ``{tax_gen}`` (genitive: "zwrot z
PIT-a"); "general" fills the slot with no particular tax. They are the vocabulary of the hotline, not
a phrasing, so the dataset's separation test (tests/dialogue/test_nlu_dataset.py) leaves them out.
"""

from __future__ import annotations

TAX_NOM: dict[str, list[str]] = {
    "pit": ["PIT", "pit", "PIT-37", "PIT-36", "pit trzydzieści siedem", "podatek dochodowy", "PIT-38",
            "zeznanie roczne", "ryczałt", "PIT-28", "rozliczenie roczne", "podatek od pensji", "PIT-36L"],
    "vat": ["VAT", "vat", "podatek VAT", "JPK", "JPK VAT", "VAT-7", "podatek od towarów i usług",
            "VAT za firmę", "VAT-UE", "deklarację VAT"],
    "cit": ["CIT", "cit", "CIT-8", "podatek od osób prawnych", "podatek spółki", "estoński CIT",
            "podatek dochodowy spółki", "podatek dochodowy od osób prawnych"],
    "pcc_sd": ["PCC", "pcc", "PCC-3", "podatek od spadku", "podatek od darowizny", "SD-3",
               "podatek od kupna mieszkania", "podatek od pożyczki", "podatek od czynności cywilnoprawnych",
               "podatek od kupna samochodu", "SD-Z2", "podatek od spadków i darowizn"],
    "excise_customs": ["akcyzę", "akcyza", "cło", "akcyzę za samochód", "akcyzę na auto z Niemiec",
                       "cło za paczkę", "podatek akcyzowy", "opłatę celną", "akcyzę za paliwo"],
    "general": ["podatki", "podatek", "zobowiązania podatkowe", "wszystkie podatki"],
}
TAX_GEN: dict[str, list[str]] = {
    "pit": ["PIT-a", "pita", "PIT-u", "pitu", "podatku dochodowego", "zeznania rocznego", "PIT-37",
            "rozliczenia rocznego", "ryczałtu", "podatku od wynagrodzenia", "pit trzydzieści siedem", "PIT-36"],
    "vat": ["VAT-u", "vatu", "podatku VAT", "podatku od towarów i usług", "JPK", "deklaracji VAT",
            "VAT-7", "vat-u za firmę"],
    "cit": ["CIT-u", "citu", "CIT-8", "podatku od osób prawnych", "podatku dochodowego od osób prawnych",
            "podatku spółki", "estońskiego CIT-u"],
    "pcc_sd": ["PCC", "podatku od czynności cywilnoprawnych", "podatku od spadku", "podatku od darowizny",
               "podatku od spadków i darowizn", "PCC-3", "SD-3", "podatku od kupna mieszkania",
               "podatku od pożyczki", "podatku od kupna auta"],
    "excise_customs": ["akcyzy", "podatku akcyzowego", "cła", "akcyzy za samochód", "akcyzy za auto",
                       "opłaty celnej", "cła za paczkę z Chin", "akcyzy za paliwo"],
    "general": ["podatków", "podatku", "zobowiązań podatkowych", "wszystkich podatków"],
}
TAX_TOPICS: tuple[str, ...] = tuple(TAX_NOM)  # the five tax topics plus "general"

# Names of the domain: institutions, services, documents. Shared vocabulary, like the taxes.
TERMS: tuple[str, ...] = (
    "urząd skarbowy", "urzędu skarbowego", "urzędzie skarbowym", "urzędem skarbowym", "urząd", "urzędu",
    "urzędzie", "e-urząd skarbowy", "e-urzędu skarbowego", "e-urzędzie skarbowym", "e-urząd", "e-urzędu",
    "e-urzędzie", "telepin", "telepinu", "telepinem", "pesel", "peselu", "nip", "kaspro", "infolinia",
    "infolinii", "konsultant", "konsultanta", "konsultantem", "zaświadczenie o niezaleganiu",
    "zaświadczenia o niezaleganiu", "mikrorachunek", "mikrorachunku", "zwrot", "zwrotu", "nadpłata",
    "nadpłaty", "nadpłatę", "zaległość", "zaległości", "wpłata", "wpłaty", "wpłatę", "saldo", "pełnomocnik",
    "pełnomocnika", "pełnomocnictwo", "komornik", "komornika", "upomnienie", "upomnienia", "egzekucja",
    "egzekucji", "wizyta", "wizytę", "wizyty", "krajowa informacja skarbowa", "krajowej informacji skarbowej",
    "kis",
)
