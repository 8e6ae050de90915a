"""Issue 12: callers the bot misread — tier I answers without a PESEL, topical queues, refusals,
representatives, two queues that fit, and the matter carried into a later handoff."""

import random

import pytest

from dialogue import prompts
from dialogue.actions import HandOff, LookupSettlements
from tests.dialogue.harness import Call
from tests.dialogue.spoken import make_pesel, say_digits

PESEL = make_pesel(random.Random(120))
REFUNDS_PIT = {"refunds": [
    {"tax": "PIT", "period": "2025", "amount_grosze": 45000, "status": "pending", "requested_on": "2026-02-01"},
]}


def _asks_pesel(call: Call) -> bool:
    return call.state.name in ("pesel", "pesel_keys") or "PESEL" in call.said() and "Proszę podać" in call.said()


@pytest.mark.parametrize(("text", "queue"), [
    ("Sprowadziłem auto z Niemiec i mam pytanie o akcyzę", "excise_customs"),
    ("Mam pytanie o rozliczenie podatku dochodowego spółki za zeszły rok, CIT-8", "cit"),
    ("Kupiłem samochód od sąsiada. Czy muszę zapłacić podatek od czynności cywilnoprawnych?", "pcc_sd"),
])
def test_a_topical_matter_goes_to_its_queue_without_a_pesel(text, queue):
    call = Call()
    call.say(text)
    assert not _asks_pesel(call), call.said()
    (handoff,) = call.of(HandOff)
    assert handoff.queue == queue


# One sentence per tier I answer, none of them the answer's own keyword list verbatim.
GENERAL = [
    ("W jakich godzinach pracują konsultanci?", "hours"),
    ("Do której czynny jest czat z konsultantem?", "hours"),
    ("Jak ustawić telePIN?", "telepin"),
    ("Chcę zmienić swój telepin, jak to zrobić?", "telepin"),
    ("Jak usunąć PIN do infolinii?", "telepin"),
    ("Pilnie potrzebuję zaświadczenia o niezaleganiu do przetargu", "certificate"),
    ("Jak umówić wizytę w urzędzie skarbowym?", "visit"),
    ("Co to jest Kaspro?", "eus"),
    ("Jak założyć konto w e-Urzędzie Skarbowym?", "eus"),
    ("Gdzie złożyć PIT-37?", "forms"),
    ("Skąd wziąć formularz PCC-3?", "forms"),
    ("Jaki jest numer infolinii?", "hotline"),
    ("Na jaki rachunek wpłacić podatek?", "microaccount"),
    ("W jakie dni mogę zadzwonić do konsultanta?", "hours"),  # about the agents, not a request for one
    ("Jak długo działa czat z konsultantem?", "hours"),
    ("Jaki jest numer telefonu do konsultanta?", "hotline"),
]


@pytest.mark.parametrize(("text", "question"), GENERAL)
def test_a_general_question_is_answered_without_a_pesel(text, question):
    call = Call()
    call.say(text)
    assert not _asks_pesel(call), call.said()
    assert call.state.name == "anything_else"
    assert call.said() == f"{prompts.GENERAL_ANSWERS[question]} {prompts.ANYTHING_ELSE}"


@pytest.mark.parametrize(("text", "question"), [
    ("Czy macie czat z konsultantem i jak do niego wejść?", "eus"),
    ("Czy spotkanie z pracownikiem urzędu twarzą w twarz da się umówić przez telefon?", "visit"),
])
def test_a_question_that_names_the_agents_asks_for_none_of_them(text, question):
    call = Call()
    call.say(text)
    assert not call.of(HandOff) and not _asks_pesel(call), call.said()
    assert call.said() == f"{prompts.GENERAL_ANSWERS[question]} {prompts.ANYTHING_ELSE}"


def test_another_way_than_a_consultant_is_no_request_for_one():
    call = Call()
    call.say("Czy zamiast dzwonić do konsultanta mogę umówić się na wizytę w urzędzie?")
    assert not call.of(HandOff), call.said()
    assert call.state.intent == "booking"


def test_a_relief_the_caller_deducted_is_their_own_refund_not_a_question_of_the_law():
    call = Call()
    call.say("Odliczyłam ulgę na studiującego syna, kiedy wpłynie zwrot?")
    assert call.state.name == "pesel" and call.state.intent == "refund"


def test_balance_of_the_tax_account_is_understood():
    call = Call()
    call.say("Chcę sprawdzić stan mojego konta podatkowego")
    assert call.state.name == "pesel" and call.state.intent == "balance"


def test_refusing_the_pesel_is_understood_in_the_pesel_turn():
    call = Call()
    call.say("ile mam do zapłaty")
    assert call.state.name == "pesel"
    call.say("Nie chcę podawać PESELu, po prostu powiedz ile mam do zapłaty")
    assert "Nie udało mi się zapisać" not in call.said()
    assert call.said() == f"{prompts.REFUSAL} {prompts.HOW_CAN_I_HELP}"
    assert call.state.name == "intent" and call.state.intent is None
    call.say("w jakich godzinach jest czynna infolinia")
    assert call.state.name == "anything_else"


def test_refusing_the_pesel_up_front():
    call = Call()
    call.say("Nie chcę podawać PESELu, po prostu powiedz ile mam do zapłaty")
    assert call.state.name == "intent" and prompts.REFUSAL in call.said()
    assert not call.of(LookupSettlements)


def test_refusing_the_telepin_up_front_is_a_refusal_not_a_telepin_question():
    call = Call()
    call.say("Nie chcę wpisywać telePINu, powiedz tylko ile mam do zapłaty")
    assert call.state.name == "intent" and call.said() == f"{prompts.REFUSAL} {prompts.HOW_CAN_I_HELP}"
    assert prompts.GENERAL_ANSWERS["telepin"] not in call.said()
    assert not call.of(LookupSettlements)


def test_a_caller_ready_to_wait_for_a_person_is_handed_off_not_told_the_hours():
    call = Call()
    call.say("Poczekam nawet pół godziny, byle tylko porozmawiać z kimś")
    (handoff,) = call.of(HandOff)
    assert handoff.reason == "caller_request"
    assert prompts.GENERAL_ANSWERS["hours"] not in call.said()


@pytest.mark.parametrize("text", [
    "Jaka jest stawka odsetek od zaległości podatkowych?",
    "Czy można się odwołać od zajęcia konta za zaległy VAT?",
    "Czy nadpłata z PIT-u się przedawnia, jeśli jej nie odbiorę?",
])
def test_a_question_about_the_law_that_names_money_asks_for_no_pesel(text):
    call = Call()
    call.say(text)
    assert not _asks_pesel(call), call.said()


def test_a_question_about_the_law_that_names_no_tax_goes_to_the_general_queue():
    call = Call()
    call.say("Jaka jest stawka odsetek za zwłokę?")
    (handoff,) = call.of(HandOff)
    assert handoff.queue == "general" and handoff.reason == "other_matter"


def test_a_tax_adviser_introducing_themself_is_a_representative_not_a_request_for_one():
    call = Call()
    call.say("Mówi doradca podatkowy, prowadzę sprawy kilku klientów")
    assert not call.all_of(HandOff)
    assert call.state.name == "intent" and prompts.REPRESENTATIVE in call.said()


def test_where_the_callers_own_refund_went_is_their_refund_not_the_account_to_pay_into():
    call = Call()
    call.say("Na jakie konto poszedł mój zwrot?")
    assert prompts.GENERAL_ANSWERS["microaccount"] not in call.said()
    assert call.state.name == "pesel" and call.state.intent == "refund"


def test_a_representative_opening_is_understood_and_the_pesel_then_identifies():
    call = Call()
    call.say("Dzwonię w sprawie mojego klienta")
    assert call.state.name == "intent" and call.said() == f"{prompts.REPRESENTATIVE} {prompts.ASK_MATTER}"
    call.say(say_digits(PESEL))
    assert call.state.name == "pesel_confirm", call.said()
    assert not call.all_of(HandOff)


@pytest.mark.parametrize("opening", ["Jestem pełnomocnikiem spółki", "Dzwonię z biura rachunkowego",
                                     "Dzwonię w imieniu mamy", "Dzwonię w imieniu firmy"])
def test_representative_openings(opening):
    call = Call()
    call.say(opening)
    assert call.state.name == "intent" and prompts.REPRESENTATIVE in call.said()


def test_the_answered_tax_goes_with_a_later_handoff():
    call = Call()
    call.verified(PESEL, matter="kiedy dostanę zwrot podatku")
    call.reply(REFUNDS_PIT)
    assert call.state.name == "anything_else"
    call.say("chcę porozmawiać z konsultantem")
    (handoff,) = call.of(HandOff)
    assert handoff.queue == "pit"


def test_two_queues_that_fit_get_one_short_question():
    call = Call()
    call.say("Mam pytanie o korektę deklaracji, nie wiem czy PIT czy VAT")
    assert call.state.name == "topic_choice" and call.said() == "Czy chodzi o pit czy o wat?"
    call.say("o VAT")
    (handoff,) = call.of(HandOff)
    assert handoff.queue == "vat"


def test_a_general_answer_keeps_the_topic_for_a_later_handoff():
    call = Call()
    call.say("gdzie złożyć deklarację VAT-7")
    assert call.state.name == "anything_else"
    call.say("połącz mnie z konsultantem")
    assert call.of(HandOff)[0].queue == "vat"


def test_unclear_words_get_a_question_not_a_pesel_request():
    call = Call()
    call.say("no więc tego, sam nie wiem")
    assert call.state.name == "intent" and not _asks_pesel(call)
    assert call.said() == prompts.NOT_UNDERSTOOD


class _UnsureParser:
    """A model that guesses "balance" without conviction, as a trained model does on words it never saw."""

    def parse(self, text):
        from dialogue.nlu_types import NluResult

        return NluResult("balance", "general", 0.3)


def test_a_service_guessed_with_low_confidence_is_asked_again_not_answered_with_a_pesel_request():
    from dialogue.engine import DialogueEngine, EngineConfig
    from tests.dialogue.harness import TODAY

    call = Call(engine=DialogueEngine(_UnsureParser(), EngineConfig(today=TODAY)))
    call.say("no bo ja w sprawie tego papierka co przyszedł")
    assert call.state.name == "intent" and not _asks_pesel(call)
    assert call.said() == prompts.NOT_UNDERSTOOD


class _TopicParser:
    """A model that hears no service, only a queue, as sure as ``topic_confidence`` says."""

    def __init__(self, topic_confidence):
        self.topic_confidence = topic_confidence

    def parse(self, text):
        from dialogue.nlu_types import NluResult

        return NluResult("other", "pit", 0.95, topic_confidence=self.topic_confidence)


@pytest.mark.parametrize(("topic_confidence", "handed_off"), [(0.48, False), (0.9, True), (None, True)])
def test_a_queue_the_model_is_not_sure_of_is_asked_again_not_handed_off_to(topic_confidence, handed_off):
    """A hesitation the recogniser wrote as words ("nof tego") must not send the caller to the PIT queue."""
    from dialogue.engine import DialogueEngine, EngineConfig
    from tests.dialogue.harness import TODAY

    call = Call(engine=DialogueEngine(_TopicParser(topic_confidence), EngineConfig(today=TODAY)))
    call.say("nof tego")
    handoffs = call.of(HandOff)
    if handed_off:
        assert handoffs and handoffs[-1].queue == "pit"
    else:
        assert not handoffs and call.state.name == "intent" and call.said() == prompts.NOT_UNDERSTOOD
