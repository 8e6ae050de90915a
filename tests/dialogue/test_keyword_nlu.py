import pytest

from dialogue.keyword_nlu import (KeywordNlu, asks_about_the_law, corrected_matter, detect_tax, detect_topic, detect_year, first_matter,
                                  general_question,
                                  not_understood, own_matter, says_goodbye, wants_agent, wants_repeat, yes_no)
from dialogue.nlu_types import INTENTS, TOPICS, IntentParser

INTENT_CASES = [
    ("chciałbym sprawdzić saldo", "balance"),
    ("czy mam jakieś zaległości w pit", "balance"),
    ("ile jestem winien urzędowi", "balance"),
    ("czy doszła moja wpłata za VAT", "payments"),
    ("zapłaciłem podatek w marcu, czy został zaksięgowany", "payments"),
    ("kiedy dostanę zwrot podatku", "refund"),
    ("na jakim etapie jest mój zwrot za 2025", "refund"),
    ("chcę rozmawiać z konsultantem", "agent"),
    ("proszę mnie połączyć z człowiekiem", "agent"),
    ("mam pytanie o ulgę na dzieci", "other"),
    ("jakie są godziny pracy", "other"),
    ("dzien dobry chcialbym sprawdzic saldo", "balance"),  # no diacritics from the recogniser
    ("ile wiszę jeszcze fiskusowi", "balance"),  # a balance asked in an idiom
    ("jak stoimy z rozliczeniami w urzędzie", "balance"),
    ("czy nadpłata się przedawnia", "other"),  # a question about the law names money too
    ("jaka jest stawka odsetek od zaległości", "other"),
    ("córka wysłała mi ten formularz od PIT-37, a z pieniążków nici", "refund"),  # the money has not come
    ("odliczyłam ulgę na syna, kiedy wpłynie zwrot", "refund"),  # told, not asked: no question of the law
]


@pytest.mark.parametrize("text,intent", INTENT_CASES, ids=[f"intent{i}" for i in range(len(INTENT_CASES))])
def test_intents(text, intent):
    result = KeywordNlu().parse(text)
    assert result.intent == intent
    assert result.intent in INTENTS and result.topic in TOPICS and 0 <= result.confidence <= 1


def test_topics_and_protocol():
    nlu = KeywordNlu()
    assert isinstance(nlu, IntentParser)
    assert nlu.parse("pytanie o podatek od spadków").topic == "pcc_sd"
    assert nlu.parse("dostałem upomnienie").topic == "enforcement"
    assert nlu.parse("nie mogę się zalogować do e-urzędu").topic == "eus"
    assert nlu.parse("akcyza na samochód").topic == "excise_customs"
    assert nlu.parse("").confidence == 0.0


@pytest.mark.parametrize("text,answer", [
    ("tak", True), ("tak, zgadza się", True), ("zgadza się", True), ("dobrze", True), ("no tak", True),
    ("nie", False), ("nie zgadza się", False), ("źle", False), ("to jest błędne", False),
    ("nie wiem", False), ("może", None), ("", None),
], ids=[f"yn{i}" for i in range(12)])
def test_yes_no(text, answer):
    assert yes_no(text) is answer


def test_closed_sets():
    assert wants_repeat("możesz powtórzyć?") and wants_repeat("powtórz") and wants_repeat("jeszcze raz")
    assert not_understood("nie rozumiem") and not not_understood("rozumiem")
    assert says_goodbye("dziękuję, to wszystko") and says_goodbye("do widzenia")
    assert wants_agent("z konsultantem proszę")
    assert own_matter("we własnej sprawie") and own_matter("moja sprawa") and not own_matter("firma Kowalski")
    assert detect_tax("a VAT?") == "VAT" and detect_tax("a pit") == "PIT"
    assert detect_tax("podatek od darowizny") == "SD" and detect_tax("saldo") is None
    assert detect_year("zwrot za 2024") == "2024" and detect_year("zwrot za dwa tysiące dwudziesty trzeci") == "2023"
    assert detect_year("mam 3 pytania") is None
    assert general_question("jakie są godziny pracy") == "hours"
    assert general_question("jak założyć telePIN") == "telepin"
    assert general_question("jaki jest numer konta mikrorachunku") == "microaccount"


@pytest.mark.parametrize(("text", "wanted"), [
    ("no to poczekam nawet pół godziny, byle tylko porozmawiać z kimś", True),
    ("można prosić kogoś na linię?", True),
    ("jestem doradcą podatkowym, proszę połączyć z konsultantem", True),
    ("mówi doradca podatkowy, prowadzę sprawy kilku klientów", False),
    ("w jakie dni mogę zadzwonić do konsultanta", False),
    ("jaki jest numer telefonu do konsultanta", False),
    ("czy w piątek po południu ktoś odbierze telefon", False),
    ("połączcie mnie z kimś, kto pomoże z telePINem", True),
    ("byłabym wdzięczna za przekierowanie rozmowy do osoby z obsługi", True),
    ("chcę rozmawiać z pracownikiem urzędu", True),
    ("oddaję w najem pokój pracownikom sezonowym, jaki podatek zapłacić", False),
    ("tu pracownica biura rachunkowego, prowadzę sprawy tej firmy", False),
    ("jestem czynny podatnik VAT i proszę o rozmowę z konsultantem", True),  # "czynny" of no office
    ("specjalista od zeznania rocznego potrzebny", True),
    ("dość tego, wołajcie jakąś panią", True),
    ("kiedy można porozmawiać z konsultantem", False),  # when, not now
    ("jestem specjalistą do spraw kadr i mam pytanie o PIT-11", False),
    # another way than a consultant, their chat, a meeting at the office, the caller's own employees
    ("czy zamiast dzwonić do konsultanta mogę umówić się na wizytę w urzędzie", False),
    ("czy macie czat z konsultantem i jak do niego wejść", False),
    ("czy spotkanie z pracownikiem urzędu da się umówić przez telefon", False),
    ("przyszło nam zajęcie pensji pracownika, ile wolno potrącać co miesiąc", False),
    ("jaki pożytek z e-urzędu dla pracownika", False),
    ("czy pracownicy infolinii pracują też wieczorami", False),
    ("mam dość czatu, proszę połączyć z konsultantem", True),
    ("zatrudniam pracowników sezonowych i chcę rozmawiać z konsultantem od PIT", True),
    ("dzień dobry, ktoś od telePINów poproszę", True),  # someone of a matter or a department
    ("nie działa mi Kaspro, czy jest ktoś z obsługi technicznej", True),
    ("proszę pani, od śmierci dziadka minęły trzy miesiące, kiedy zawiadomić urząd", False),
])
def test_a_request_for_a_person_is_told_from_a_question_about_them_or_an_introduction(text, wanted):
    assert wants_agent(text) is wanted


@pytest.mark.parametrize(("text", "question"), [
    ("nie chcę wpisywać telePINu, powiedz tylko ile mam do zapłaty", None),  # a refusal, not a PIN question
    ("nie chcę spisywać telepinu, tylko czy mam odsetki", None),  # the recogniser's "wpisywać"
    ("telepinu nie zdradzę, ale ile wynosi moja zaległość", None),  # a number kept back asks nothing of it
    ("nie pamiętam telePINu, jak go zmienić", "telepin"),
    ("czekam już pół godziny na linii", None),  # how long, not when
    ("kiedy muszę się zarejestrować jako czynny podatnik VAT", None),  # an active VAT payer, not opening hours
    ("czy urząd jest czynny w sobotę", "hours"),
    ("kiedy odbieracie telefony", "hours"),
    ("czy w długi weekend ktoś odbiera", "hours"),
    ("jak długo działa czat z konsultantem", "hours"),
    ("na jakie konto poszedł mój zwrot", None),  # the caller's own refund
    ("na jakie konto wpłacić podatek", "microaccount"),
    ("podałem nowy numer konta, czy pieniądze przyjdą na nowe konto", None),  # money to come: a refund
    ("uzgadniam rozrachunki, czy w VAT wiszą jakieś otwarte pozycje", None),  # open items are a balance
    ("czy urząd jest otwarty w sobotę", "hours"),
    ("czy mogę się umówić na spotkanie z pracownikiem urzędu", "visit"),
])
def test_a_tier_one_question_is_not_read_into_a_word_it_shares(text, question):
    assert general_question(text) == question


def test_first_matter_is_the_words_before_a_second_one():
    assert first_matter("ile mam do zapłaty za VAT, a poza tym kiedy dostanę zwrot z PIT-a") == \
        "ile mam do zaplaty za vat"
    assert first_matter("Czy doszedł mój przelew? I przy okazji: jak ustawić telePIN?") == "czy doszedl moj przelew"
    assert first_matter("ile mam zaległości w VAT, a jeszcze jedno: jak ustawić telePIN") == \
        "ile mam zaleglosci w vat"
    # One matter: no second one begins, or what precedes the word is too short to be a matter.
    assert first_matter("złożyłem PIT w lutym i jeszcze nie dostałem zwrotu") is None
    assert first_matter("VAT oraz CIT za zeszły rok") is None
    assert first_matter("kiedy dostanę zwrot nadpłaty") is None


def test_a_correction_is_read_from_what_the_caller_did_mean():
    assert corrected_matter("Nie, nie o zwrot, tylko ile jestem winien za VAT") == "ile jestem winien za vat"
    assert corrected_matter("nie chodziło mi o wpłaty lecz o nadpłatę") == "o nadplate"
    assert corrected_matter("kiedy dostanę zwrot, ale tylko z PIT-a") is None  # no "nie": not a correction
    assert corrected_matter("nie wiem") is None
    assert corrected_matter("nie wiem czy mam zaległości, ale chcę sprawdzić saldo") is None


def test_the_recognisers_spellings_of_tax_names_name_the_tax():
    assert detect_topic("ile jeszcze mam czekać na zwrot zapitu") == "pit"
    assert detect_topic("czy nadwyżka zajot PK wróci do mnie") == "vat"
    assert detect_topic("jak wykazać dywidendę dla celów istit") == "cit"
    assert detect_topic("ciocia zostawiła mi majątek w testamencie") == "pcc_sd"
    assert detect_topic("zamrozili mi rachunek w banku") == "enforcement"


@pytest.mark.parametrize(("heard", "intent"), [("Wrot podatku.", "refund"), ("Płaty.", "payments"),
                                               ("W połaty.", "payments"), ("Zwrot podatku.", "refund")])
def test_the_recognisers_spellings_of_a_short_opening_name_the_service(heard, intent):
    assert KeywordNlu().parse(heard).intent == intent


@pytest.mark.parametrize(("heard", "meant"), [
    ("E, no, tego.", "no, tego."),
    ("Yyy, saldo VAT.", "saldo VAT."),
    ("Mmm… nie wiem jak to powiedzieć.", "nie wiem jak to powiedzieć."),
    ("Eee", ""),
    ("Mam pytanie o e-Urząd.", "Mam pytanie o e-Urząd."),  # the "e" of a name stays
    ("E-PIT mi nie działa, hmm.", "E-PIT mi nie działa,"),
    ("Emerytura i mama", "Emerytura i mama"),
])
def test_a_hesitation_is_no_word_of_the_matter(heard, meant):
    from dialogue.nlu.text import without_hesitations

    assert without_hesitations(heard) == meant


def test_the_hybrid_reads_a_turn_without_its_hesitations():
    from dialogue.nlu.hybrid import HybridNlu
    from dialogue.nlu_types import NluResult

    seen = []

    class Recorder:
        def parse_many(self, texts):
            seen.extend(texts)
            return [NluResult("other", "general", 0.9) for _ in texts]

    HybridNlu(Recorder()).parse_many(["E, no, tego.", "Yyy, saldo VAT."])
    assert seen == ["no, tego.", "saldo VAT."]


@pytest.mark.parametrize(("model_topic", "model_sure", "topic"), [
    ("cit", 0.97, "cit"),       # the model is sure of CIT: the relief (a PIT word here) does not overrule it
    ("cit", 0.6, "pit"),        # an unsure model: the named tax decides
    ("general", 0.97, "pit"),   # "general" is no queue to be sure of against a named tax
    ("pit", 0.6, "pit"),
])
def test_a_named_tax_overrules_the_models_topic_unless_the_model_is_sure_of_another(model_topic, model_sure, topic):
    from dialogue.nlu.hybrid import HybridNlu
    from dialogue.nlu_types import NluResult

    class Model:
        def parse_many(self, texts):
            return [NluResult("other", model_topic, 0.9, topic_confidence=model_sure) for _ in texts]

    result = HybridNlu(Model()).parse("Czy mogę skorzystać z ulgi na dzieci?")
    assert result.topic == topic
    assert result.topic_confidence >= model_sure  # a named tax the model agrees with is surer, never less sure


@pytest.mark.parametrize("text,about_the_law", [
    ("Jaka jest stawka VAT na jedzenie?", True),
    ("Czy można się odwołać od zajęcia pensji?", True),
    ("Do którego dnia trzeba zapłacić CIT-8, żeby nie było odsetek?", True),
    ("Czy nadpłata się przedawnia?", True),
    ("Ile wynosi cło na towar z Chin?", True),
    ("Ile mam zaległości w PIT?", False),
    ("Kiedy dostanę zwrot za zeszły rok?", False),
    ("Czy doszła moja wpłata za VAT?", False),
    ("Babcia przepisała mi mieszkanie, ile mam do zapłaty?", False),  # a bequest, not the rules
    ("Czy przysługuje mi zwolnienie z akcyzy dla osoby niepełnosprawnej?", True),
    ("Jaka jest kara za spóźnioną deklarację?", True),
    ("W zasadzie chciałem tylko sprawdzić saldo", False),  # "w zasadzie" is no rule of the law
    ("Komu przysługuje ulga na dzieci?", True),
    ("Przysługuje mi zwrot nadpłaty, kiedy go dostanę?", False),  # told, not asked: the caller's own refund
    ("Jak napisać odwołanie od decyzji?", True),
    ("Odwołuję to, co powiedziałem, chodzi o saldo", False),  # a retraction, not an appeal
    ("Chcę odwołać wizytę w urzędzie", False),  # a cancelled visit
    ("Odliczyłam ulgę na syna, kiedy wpłynie zwrot?", False),  # told of the caller's own return
    ("Czy mogę odliczyć ulgę na syna?", True),
    ("Po zwolnieniu z pracy mam bałagan, czy zeszła rata za PIT?", False),  # a lost job, no exemption
    ("Czy sprzedaż auta jest zwolniona z podatku?", True),
])
def test_a_question_about_the_law_is_told_from_one_about_the_callers_account(text, about_the_law):
    assert asks_about_the_law(text) is about_the_law


@pytest.mark.parametrize(("text", "topic"), [
    ("nie chcę wpisywać telePINu, ile mam zaległego VAT-u", "vat"),  # the PIN refused names no queue
    ("nie chcę wpisywać telepinu, tylko ile wynosi moja niedopłata", "general"),
    # the recogniser glues the refused PIN to the next word: still no e-Urząd matter
    ("Nie chcę spisywać telepinuale czy nadpłata została mi zwrócona.", "general"),
    ("Witam, nie chcę podawać kodu telepindi.", "general"),
    ("Nie chcę spisywać telepinuale czy korekta pitu została rozpatrzona", "pit"),
    ("nie będę podawała pinu, ile mam zaległego VAT-u", "vat"),  # a stem in the refusal ("podawał*")
    ("telepinu nie podam, ile mam zaległego VAT-u", "vat"),  # the PIN first, the refusal after
    ("telePINu nie zdradzę, kiedy przyjdzie zwrot", "general"),
    ("zapomniałem telePINu", "eus"),
    ("jak rozliczyć import usług od zagranicznej firmy", "vat"),  # import of services is VAT
    ("sprowadziłem auto, ile wynosi akcyza za import samochodu", "excise_customs"),
    ("Chciałem zapitać, czy doszła wpłata.", "general"),  # a misheard "zapytać" is no PIT
    ("mam pitanie o zwrot za pit 37", "pit"),
    ("zapit 37 ile mam nadpłaty", "pit"),  # "za PIT-37" as the recogniser writes it
])
def test_the_words_that_name_a_queue_are_the_matters_words(text, topic):
    assert detect_topic(text) == topic


@pytest.mark.parametrize("text,topic,tax", [
    ("mam pytanie o ulgę na dzieci", "pit", "PIT"),  # on its own, a relief is a person's: PIT
    ("czy zdążę jeszcze odliczyć ulgi", "pit", "PIT"),
    ("czy spółka może skorzystać z ulgi B+R", "general", None),  # a company's relief: no PIT
    ("ulga na złe długi w VAT, jak to rozliczyć", "vat", "VAT"),  # beside a named tax, that tax's relief
    ("kiedy mogę skorzystać z ulgi na złe długi", "general", None),
    ("czy mogę dostać ulgę w spłacie zaległości", "general", None),  # instalments of any tax
    ("zajęli mi konto, a chodzi o ulgę na dzieci", "enforcement", "PIT"),  # enforcement is no tax: PIT as well
])
def test_a_relief_names_pit_only_when_nothing_makes_it_another_taxs(text, topic, tax):
    assert detect_topic(text) == topic and detect_tax(text) == tax
