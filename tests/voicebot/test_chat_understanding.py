"""Issue 12 over real HTTP: every queue reached from differently worded requests, and no general
question answered with a PESEL request (the running bot, its sandbox and Redis)."""

from __future__ import annotations

import pytest

from dialogue import prompts
from polish.taxes import written_form
from tests.voicebot.test_chat import Chat, authenticate

# Five or more differently worded requests per queue, none of them the queue's name alone.
ROUTES = {
    "pit": [
        "Mam pytanie o ulgę na dzieci w PIT-37",
        "Chcę porozmawiać z kimś od podatku dochodowego od osób fizycznych",
        "Jak złożyć korektę zeznania rocznego PIT? Połącz mnie z konsultantem",
        "Pracodawca nie przysłał mi PIT-11, co mam zrobić",
        "Czy mogę rozliczyć się wspólnie z żoną w PIT?",
    ],
    "vat": [
        "Dostałem wezwanie w sprawie pliku JPK, z kim mogę porozmawiać",
        "Jak się zarejestrować jako podatnik VAT",
        "Mam pytanie o podatek od towarów i usług przy sprzedaży za granicę",
        "Chcę porozmawiać z konsultantem w sprawie VAT-u",
        "Przekroczyłem limit zwolnienia z VAT, co teraz",
    ],
    "cit": [
        "Mam pytanie o rozliczenie podatku dochodowego spółki za zeszły rok, CIT-8",
        "Kiedy spółka może przejść na estoński CIT",
        "Proszę z konsultantem od podatku od osób prawnych",
        "Jak rozliczyć zaliczki na CIT w spółce z o.o.",
        "Czy fundacja płaci podatek od osób prawnych",
    ],
    "pcc_sd": [
        "Kupiłem samochód od sąsiada. Czy muszę zapłacić podatek od czynności cywilnoprawnych?",
        "Dostałam mieszkanie w spadku po babci, co muszę zgłosić",
        "Rodzice dali mi darowiznę na mieszkanie, czy muszę to zgłaszać",
        "W jakim terminie złożyć PCC-3 po pożyczce od brata",
        "Pytanie o podatek od spadków i darowizn",
    ],
    "excise_customs": [
        "Sprowadziłem auto z Niemiec i mam pytanie o akcyzę",
        "Ile wynosi cło na towar z Chin",
        "Paczka utknęła w urzędzie celnym, co robić",
        "Mam pytanie o podatek akcyzowy od paliwa",
        "Ile papierosów można przywieźć bez cła",
    ],
    "enforcement": [
        "Komornik skarbowy zajął mi konto",
        "Dostałem upomnienie i nie rozumiem dlaczego, chcę z kimś porozmawiać",
        "Jak wstrzymać egzekucję administracyjną",
        "Przyszedł do mnie tytuł wykonawczy, co teraz",
        "Zajęli mi wynagrodzenie przez urząd skarbowy",
    ],
    "eus": [
        "Nie mogę się zalogować do e-Urzędu Skarbowego",
        "e-Urząd wyrzuca mnie przy logowaniu, połącz z konsultantem",
        "Nie przychodzi mi kod SMS do logowania w e-Urzędzie",
        "Chcę porozmawiać z kimś o e-korespondencji w e-Urzędzie",
        "Profil zaufany nie działa przy logowaniu do e-Urzędu",
    ],
    "general": [
        "Poproszę z konsultantem",
        "Chcę rozmawiać z człowiekiem",
        "Proszę mnie przełączyć do pracownika",
        "Połącz mnie z żywą osobą",
        "Czy mogę porozmawiać z doradcą?",
    ],
}


@pytest.mark.parametrize(("queue", "text"), [(q, t) for q, texts in ROUTES.items() for t in texts],
                         ids=[f"{q}-{i}" for q, texts in ROUTES.items() for i in range(len(texts))])
def test_every_queue_is_reached_from_natural_words(bot_stack, queue, text):
    chat = Chat(bot_stack)
    reply = chat.send(text=text)
    assert reply["state"] != "pesel", chat.text()
    handoff = reply["handoff"]
    assert handoff is not None, (reply["state"], chat.text())
    assert handoff["queue"] == queue, chat.text()


GENERAL = [
    ("W jakich godzinach pracują konsultanci?", "hours"),
    ("Jak ustawić telePIN?", "telepin"),
    ("Jak zmienić telePIN?", "telepin"),
    ("Jak usunąć telePIN?", "telepin"),
    ("Potrzebuję pilnie zaświadczenia o niezaleganiu do przetargu", "certificate"),
    ("Jak umówić wizytę w urzędzie skarbowym?", "visit"),
    ("Co to jest Kaspro?", "eus"),
    ("Gdzie złożyć PIT-37?", "forms"),
    ("Jaki jest numer infolinii?", "hotline"),
    ("Na jaki rachunek wpłacić podatek?", "microaccount"),
]


@pytest.mark.parametrize(("text", "question"), GENERAL, ids=[q for _, q in GENERAL])
def test_a_general_question_gets_its_answer_and_no_pesel_request(bot_stack, text, question):
    chat = Chat(bot_stack)
    reply = chat.send(text=text)
    assert reply["state"] == "anything_else", chat.text()
    assert "PESEL" not in chat.text() or question == "microaccount"  # the generator asks for it, the bot does not
    assert written_form(prompts.GENERAL_ANSWERS[question]) in chat.text()  # the chat shows written forms
    assert chat.text().endswith("Czy mogę pomóc w czymś jeszcze?")


def test_refusing_the_pesel_is_understood(bot_stack):
    chat = Chat(bot_stack)
    chat.send(text="ile mam do zapłaty")
    reply = chat.send(text="Nie chcę podawać PESELu, po prostu powiedz ile mam do zapłaty")
    assert "Nie udało mi się zapisać" not in chat.text()
    assert reply["state"] == "intent" and "tajemnica skarbowa" in chat.text()


def test_the_matter_told_earlier_goes_with_a_later_handoff(bot_stack):
    person = bot_stack.sandbox.seed.person("pit_refund")
    chat = Chat(bot_stack)
    chat.send(text="kiedy dostanę zwrot podatku")
    reply = authenticate(chat, person.pesel, person.telepin.pin)
    if reply["state"] == "tax_choice":
        reply = chat.send(text="PIT")
    assert reply["state"] == "anything_else", chat.text()
    reply = chat.send(text="chcę porozmawiać z konsultantem")
    assert reply["handoff"] is not None and reply["handoff"]["queue"] == "pit", chat.text()


def test_a_representative_opening_then_the_pesel(bot_stack):
    person = bot_stack.sandbox.seed.person("pit_refund")
    chat = Chat(bot_stack)
    reply = chat.send(text="Dzwonię w sprawie mojego klienta")
    assert reply["state"] == "intent" and "mocodawc" in chat.text()
    reply = chat.send(text=person.pesel)
    assert reply["handoff"] is None and reply["state"] in ("pesel_confirm", "telepin"), chat.text()
