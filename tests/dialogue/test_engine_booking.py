"""Booking a visit by text through the engine: office, matter, slots, name and e-mail, read-back,
the code; "mój urząd" and the registration data for a verified caller; a slot taken meanwhile."""

from __future__ import annotations

import random
from datetime import datetime
from zoneinfo import ZoneInfo

from dialogue.booking_types import (BookingCatalogue, BookingOutcome, BookVisit, CancelOutcome, CancelVisit,
                                    FindFreeSlots, FreeSlots,
                                    LoadBookingCatalogue, MatterInfo, OfficeInfo)
from dialogue.events import BackendResult
from tests.dialogue.harness import Call
from tests.dialogue.spoken import make_pesel

WARSAW = ZoneInfo("Europe/Warsaw")
PESEL = make_pesel(random.Random(13))
ALL = ("pit", "documents", "certificates", "refunds", "relief")
OFFICES = (
    OfficeInfo("1435", "Urząd Skarbowy w Piasecznie", "Piaseczno", "ul. Czajewicza 2/4", "05-500", ALL),
    OfficeInfo("2201", "Pierwszy Urząd Skarbowy w Gdańsku", "Gdańsk", "ul. Długie Ogrody 8/10", "80-765", ALL),
    OfficeInfo("2202", "Drugi Urząd Skarbowy w Gdańsku", "Gdańsk", "ul. Rzeźnicka 54/56", "80-822", ALL),
    OfficeInfo("1449", "Urząd Skarbowy Warszawa-Mokotów", "Warszawa", "ul. Postępu 16", "02-676", ALL),
)
MATTERS = (
    MatterInfo("pit", "Zeznanie roczne PIT i ulgi podatkowe"),
    MatterInfo("documents", "Złożenie dokumentów i wniosków"),
    MatterInfo("certificates", "Zaświadczenia (np. o niezaleganiu w podatkach)"),
    MatterInfo("refunds", "Nadpłaty, zwroty i przeksięgowania"),
    MatterInfo("relief", "Ulgi w spłacie: raty, odroczenie terminu płatności"),
)
CATALOGUE = BookingCatalogue(OFFICES, MATTERS)
SLOTS = FreeSlots(tuple(datetime(2026, 12, 8, h, m, tzinfo=WARSAW) for h, m in ((10, 30), (10, 45), (13, 0))))


def start(call: Call, text: str = "Chcę umówić wizytę w urzędzie skarbowym") -> None:
    call.say(text)
    assert call.state.name == "booking_wait"
    assert isinstance(call.of(LoadBookingCatalogue)[0], LoadBookingCatalogue)


def test_unauthenticated_booking_by_voice_with_a_spelled_email():
    call = Call()
    start(call)
    assert call.of(LoadBookingCatalogue)[0].pesel is None
    call.reply(CATALOGUE)
    assert call.state.name == "booking_office"
    call.say("urząd w Piasecznie")
    assert call.state.name == "booking_matter"
    assert "Czajewicza" in call.said() and "zaświadczenia" in call.said()
    call.say("po zaświadczenie o niezaleganiu")
    request = call.of(FindFreeSlots)[0]
    assert (request.office_id, request.matter, request.after) == ("1435", "certificates", None)
    call.reply(SLOTS)
    assert call.state.name == "booking_slot"
    assert "Najbliższy wolny termin: wtorek, ósmego grudnia, o dziesiątej trzydzieści" in call.said()
    call.say("a coś później?")
    assert "wtorek, ósmego grudnia, o dziesiątej czterdzieści pięć" in call.said()
    call.say("a po południu?")
    assert "o trzynastej" in call.said()
    call.say("tak, pasuje")
    assert call.state.name == "booking_name"
    call.say("Nazywam się Jan Kowalski")
    assert call.state.name == "booking_email"
    call.say("jan kropka kowalski małpa poczta kropka pe el")
    assert call.state.name == "booking_email_confirm"
    assert "jan kropka kowalski małpa poczta kropka pe el" in call.said()
    call.say("tak")
    assert call.state.name == "booking_confirm"
    assert "Urząd Skarbowy w Piasecznie" in call.said() and "o trzynastej" in call.said()
    call.say("tak, proszę")
    book = call.of(BookVisit)[0]
    assert (book.office_id, book.matter, book.start.hour, book.visitor_name, book.email) == (
        "1435", "certificates", 13, "Jan Kowalski", "jan.kowalski@poczta.pl")
    assert "jan" not in repr(book)  # the visitor's data never prints
    call.reply(BookingOutcome("booked", "KTR-482", book.start, email_queued=True))
    assert call.state.name == "anything_else"
    assert "ka, te, er, cztery osiem dwa" in call.said()
    call.say("nie, dziękuję")
    assert call.state.name == "ended"


def test_verified_caller_books_their_own_office_with_the_registration_email():
    call = Call()
    call.verified(PESEL)
    call.reply({"balances": [], "as_of": "2026-06-01"})
    assert call.state.name == "anything_else"
    start(call, "Chciałbym jeszcze umówić wizytę")
    assert call.of(LoadBookingCatalogue)[0].pesel is not None
    call.reply(BookingCatalogue(OFFICES, MATTERS, own_office="Urząd Skarbowy Warszawa-Mokotów",
                                visitor_name="Anna Nowak", email="anna.nowak@example.pl"))
    assert "mój urząd" in call.said()
    call.say("do mojego urzędu")
    assert "Postępu 16" in call.said()
    call.say("zeznanie PIT")
    call.reply(SLOTS)
    call.say("tak")
    # Name and e-mail from the registration: straight to the read-back.
    assert call.state.name == "booking_confirm"
    assert "anna kropka nowak małpa example kropka pe el" in call.said()
    call.say("tak")
    book = call.of(BookVisit)[0]
    assert (book.office_id, book.matter, book.visitor_name, book.email) == (
        "1449", "pit", "Anna Nowak", "anna.nowak@example.pl")


def test_my_office_without_authentication_asks_for_the_place():
    call = Call()
    start(call)
    call.reply(CATALOGUE)
    call.say("mój urząd")
    assert call.state.name == "booking_office"
    assert "miejscowości" in call.said()


def test_office_named_at_once_and_an_ordinal_picks_among_a_city_s_offices():
    call = Call()
    start(call, "Chcę umówić wizytę w urzędzie skarbowym w Gdańsku")
    call.reply(CATALOGUE)
    assert call.state.name == "booking_office"
    assert "Pierwszy Urząd Skarbowy w Gdańsku" in call.said() and "Drugi" in call.said()
    call.say("drugi")
    assert call.state.name == "booking_matter" and "Rzeźnicka" in call.said()


def test_a_slot_taken_meanwhile_brings_the_next_free_one():
    call = Call("text")
    start(call, "umów wizytę w urzędzie w Piasecznie w sprawie zwrotu nadpłaty")
    call.reply(CATALOGUE)
    assert call.of(FindFreeSlots)[0].matter == "refunds"  # office and matter from the first words
    call.reply(SLOTS)
    assert "wtorek, 8 grudnia 2026 r., godz. 10:30" in call.said()  # written in the chat
    call.say("tak")
    call.say("Jan Kowalski")
    call.say("jan.kowalski@example.com")  # typed: no read-back of the address
    assert call.state.name == "booking_confirm"
    call.say("tak")
    later = datetime(2026, 12, 8, 10, 45, tzinfo=WARSAW)
    call.reply(BookingOutcome("slot_taken", next_free=(later, SLOTS.starts[2])))
    assert call.state.name == "booking_slot"
    assert "ktoś przed chwilą zarezerwował" in call.said() and "godz. 10:45" in call.said()
    call.say("tak")
    assert call.state.name == "booking_confirm"  # name and e-mail are kept
    call.say("tak")
    assert call.of(BookVisit)[0].start == later
    call.reply(BookingOutcome("booked", "KTR-483", later))
    assert "KTR-483" in call.said()


def test_booking_system_down_offers_a_human():
    call = Call()
    start(call)
    call.send(BackendResult(call.state.pending.request_id, error=__import__("dialogue.backend").backend.BackendError(
        "unavailable")))
    assert call.state.name == "offer_agent"
    assert "system rezerwacji wizyt jest chwilowo niedostępny" in call.said()


def test_an_email_that_is_no_address_is_asked_again():
    call = Call()
    start(call)
    call.reply(CATALOGUE)
    call.say("Piaseczno")
    call.say("zaświadczenie")
    call.reply(SLOTS)
    call.say("tak")
    call.say("Jan Kowalski")
    call.say("jan kowalski")
    assert call.state.name == "booking_email"
    assert "Przeliteruj" in call.said()


def test_no_later_slot_falls_back_to_a_new_search_after_the_last():
    call = Call()
    start(call)
    call.reply(CATALOGUE)
    call.say("Mokotów")
    call.say("kasy")  # not a matter of this office: asked again
    assert call.state.name == "booking_matter"
    call.say("dokumenty")
    call.reply(FreeSlots(SLOTS.starts[:1]))
    call.say("a coś później?")
    request = call.of(FindFreeSlots)[0]
    assert request.after == SLOTS.starts[0]
    call.reply(FreeSlots(()))
    assert call.state.name == "booking_office"
    assert "Nie ma już późniejszych" in call.said()


def test_a_visit_is_cancelled_by_its_code_said_with_letter_names():
    call = Call()
    call.say("Chcę odwołać wizytę w urzędzie")
    assert call.state.name == "booking_cancel_code"
    call.say("ka te er cztery osiem dwa")
    assert call.state.name == "booking_cancel_confirm"
    assert "ka, te, er, cztery osiem dwa" in call.said()
    call.say("tak")
    assert call.of(CancelVisit)[0].code == "KTR-482"
    call.reply(CancelOutcome("cancelled", "Urząd Skarbowy w Piasecznie", SLOTS.starts[0]))
    assert call.state.name == "anything_else"
    assert "Odwołano wizytę: Urząd Skarbowy w Piasecznie, wtorek, ósmego grudnia" in call.said()


def test_cancelling_an_unknown_code_asks_again_and_a_typed_code_is_taken_at_once():
    call = Call("text")
    call.say("anuluj rezerwację ABC-123")
    assert call.state.name == "booking_cancel_confirm"
    call.say("tak")
    call.reply(CancelOutcome("not_found"))
    assert call.state.name == "booking_cancel_code" and "ABC-123" in call.said()
    call.say("nie wiem")
    assert call.state.name == "booking_cancel_code"


def test_how_to_book_is_answered_and_a_request_to_book_starts_the_booking():
    # "Jak umówić wizytę?" is a general question (tier I); "Chcę umówić wizytę" is a visit to book now.
    asked = Call()
    asked.say("Jak umówić wizytę w urzędzie skarbowym?")
    assert asked.state.name == "anything_else"
    booked = Call()
    booked.say("Chcę umówić wizytę w urzędzie skarbowym")
    assert booked.state.name == "booking_wait"
