"""Booking a visit end to end against the running bot, its sandbox (on a fixed day), Redis and a
local SMTP server (aiosmtpd): in the chat, over the Twilio line by voice, and two callers taking one
slot at once. What the tests read is what really happened: the booking in the booking system, the
slot gone from its free slots, the e-mail that arrived."""

from __future__ import annotations

import asyncio
import time
from datetime import date, datetime

import httpx
import icalendar
import pytest

from eval.twilio_caller import TwilioCaller
from integrations.mail.local_server import LocalMailServer
from polish.visits import OFFICE_ZONE, slot_written
from tests.fixtures.bot_server import bot_with_back_ends
from tests.voice_audio import natural_polish
from tests.voicebot.test_chat import Chat
from voicebot.call_record import read_call_record

TODAY = date(2026, 12, 4)  # a Friday: the first open day is Monday 7 December
PIASECZNO, SRODMIESCIE_I = "1435", "1471"


@pytest.fixture(scope="module")
def booking_bot(tmp_path_factory):
    """A bot with its own sandbox (its day fixed), Redis and local SMTP server (``bot.mail``)."""
    with LocalMailServer() as mail:
        with bot_with_back_ends(tmp_path_factory.mktemp("booking_bot"), sandbox_options={"today": TODAY}, env={
            "VOICEBOT_SMTP_HOST": "127.0.0.1",
            "VOICEBOT_SMTP_PORT": str(mail.port),
            "VOICEBOT_SMTP_SECURITY": "none",
        }) as bot:
            bot.mail = mail
            yield bot


def sandbox_http(bot) -> httpx.Client:
    return httpx.Client(base_url=bot.sandbox.url, headers={"Authorization": f"Bearer {bot.sandbox.token}"},
                        timeout=10)


def free_starts(bot, office: str, matter: str) -> list[datetime]:
    with sandbox_http(bot) as http:
        reply = http.get(f"/booking/v1/offices/{office}/slots", params={"matter": matter, "limit": "20"})
        reply.raise_for_status()
        return [datetime.fromisoformat(s["start"]) for s in reply.json()["slots"]]


def booking_in_sandbox(bot, code: str) -> dict:
    with sandbox_http(bot) as http:
        reply = http.get(f"/booking/v1/bookings/{code}")
        reply.raise_for_status()
        return reply.json()


def mail_for(bot, code: str, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [m for m in bot.mail.messages if code in m["Subject"]]
        if found:
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"no e-mail for booking {code}")


def assert_confirmation(message, *, code: str, office_name: str, start: datetime, to: str) -> None:
    assert message["To"] == to
    body = message.get_body(("plain",)).get_content()
    local = start.astimezone(OFFICE_ZONE)
    for text in (office_name, code, slot_written(local), f"{local:%H:%M}"):
        assert text in body
    part = next(p for p in message.iter_attachments() if p.get_content_type() == "text/calendar")
    event = icalendar.Calendar.from_ical(part.get_content()).walk("VEVENT")[0]
    assert event.decoded("dtstart") == start
    assert "PESEL" not in message.as_string().upper()


def booking_event(record: list[dict]) -> dict:
    return next(e for e in record if e["type"] == "booking")


def chat_to_slot_offer(bot) -> Chat:
    chat = Chat(bot)
    chat.send(text="Dzień dobry, chcę umówić wizytę w urzędzie skarbowym")
    assert chat.last["state"] == "booking_office", chat.last
    chat.send(text="urząd w Piasecznie")
    assert chat.last["state"] == "booking_matter", chat.last
    chat.send(text="po zaświadczenie o niezaleganiu")
    assert chat.last["state"] == "booking_slot", chat.last
    return chat


def test_booking_in_the_chat_books_the_slot_mails_the_confirmation_and_is_cancelled_by_code(booking_bot):
    free = free_starts(booking_bot, PIASECZNO, "certificates")
    chat = chat_to_slot_offer(booking_bot)
    assert f"Najbliższy wolny termin: {slot_written(free[0])}" in chat.text()
    chat.send(text="a coś później?")
    assert slot_written(free[1]) in chat.text()
    chat.send(text="tak, pasuje")
    assert chat.last["state"] == "booking_name"
    chat.send(text="Jan Kowalski")
    chat.send(text="jan.kowalski@example.com")
    assert chat.last["state"] == "booking_confirm"
    assert "Urząd Skarbowy w Piasecznie" in chat.text() and "jan.kowalski@example.com" in chat.text()
    chat.send(text="tak")
    assert chat.last["state"] == "anything_else", chat.last
    code = booking_event(chat.record())["code"]
    assert code in chat.text()

    booked = booking_in_sandbox(booking_bot, code)
    assert (booked["status"], booked["office"]["id"], booked["matter"]["code"]) == ("booked", PIASECZNO,
                                                                                    "certificates")
    assert datetime.fromisoformat(booked["start"]) == free[1]
    assert free[1] not in free_starts(booking_bot, PIASECZNO, "certificates")
    assert_confirmation(mail_for(booking_bot, code), code=code, office_name="Urząd Skarbowy w Piasecznie",
                        start=free[1], to="jan.kowalski@example.com")

    # Cancelled by its code in the same chat: the slot is free again.
    chat.send(text=f"Chcę odwołać wizytę, kod {code.lower()}")
    assert chat.last["state"] == "booking_cancel_confirm", chat.last
    chat.send(text="tak")
    assert chat.last["state"] == "anything_else" and "Odwołano wizytę" in chat.text()
    assert booking_in_sandbox(booking_bot, code)["status"] == "cancelled"
    assert free[1] in free_starts(booking_bot, PIASECZNO, "certificates")


async def test_two_callers_confirm_one_slot_at_once_and_exactly_one_gets_it(booking_bot):
    first_free = free_starts(booking_bot, PIASECZNO, "certificates")[0]
    chats = [chat_to_slot_offer(booking_bot) for _ in range(2)]
    for n, chat in enumerate(chats):
        assert slot_written(first_free) in chat.text()
        chat.send(text="tak")
        chat.send(text=f"Osoba {'AB'[n]}")
        chat.send(text=f"osoba{n}@example.com")
        assert chat.last["state"] == "booking_confirm"

    async def confirm(chat: Chat) -> dict:
        async with httpx.AsyncClient(base_url=booking_bot.url, headers=dict(chat.http.headers), timeout=30) as http:
            reply = await http.post(f"/chat/sessions/{chat.session_id}/messages", json={"text": "tak"})
            reply.raise_for_status()
            return reply.json()

    replies = await asyncio.gather(*(confirm(chat) for chat in chats))
    states = sorted(r["state"] for r in replies)
    assert states == ["anything_else", "booking_slot"], replies
    loser = next(r for r in replies if r["state"] == "booking_slot")
    text = " ".join(loser["messages"])
    assert "ktoś przed chwilą zarezerwował" in text
    next_free = free_starts(booking_bot, PIASECZNO, "certificates")[0]
    assert f"Najbliższy wolny termin: {slot_written(next_free)}" in text
    assert next_free > first_free
    winner = chats[[r["state"] for r in replies].index("anything_else")]
    code = booking_event(winner.record())["code"]
    assert datetime.fromisoformat(booking_in_sandbox(booking_bot, code)["start"]) == first_free
    # The one who lost takes the next free slot.
    loser_chat = chats[[r["state"] for r in replies].index("booking_slot")]
    loser_chat.send(text="tak")
    assert loser_chat.last["state"] == "booking_confirm"
    loser_chat.send(text="tak")
    assert loser_chat.last["state"] == "anything_else"
    second = booking_event(loser_chat.record())["code"]
    assert datetime.fromisoformat(booking_in_sandbox(booking_bot, second)["start"]) == next_free


# --- by voice, over the Twilio line -------------------------------------------------------------------

WAITING = {"verifying", "principals_wait", "lookup_wait", "handing_off", "booking_wait"}
MAX_TURNS = 24


async def say(caller: TwilioCaller, text: str) -> float:
    pcm, rate = natural_polish(text)
    end = await caller.play(pcm, rate)
    await caller.silence(0.3)
    return end


async def bot_waits_for_caller(bot, caller: TwilioCaller, path, after: float) -> list[dict]:
    """Once the bot has spoken and asks for input (its latest state is not a waiting one and a
    ``listen``/``collect_keys`` follows it): the call record then."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        # A read-back of a PESEL comes in chunks with pauses: answering in one of them is talking over
        # the bot (a full run once lost three "Tak." so), so the caller waits for a longer quiet.
        await caller.wait_for_bot_audio(after=after, timeout=30, quiet_s=1.5)
        events = read_call_record(path)
        states = [i for i, e in enumerate(events) if e["type"] == "dialogue_state"]
        if states and (events[states[-1]]["state"] in ("ended", "handed_off") or (
                events[states[-1]]["state"] not in WAITING
                and any(e["type"] in ("listen", "collect_keys") for e in events[states[-1]:]))):
            return events
        await caller.silence(0.3)
    raise AssertionError("the bot did not ask for anything")


def current_state(events: list[dict]) -> str:
    return [e for e in events if e["type"] == "dialogue_state"][-1]["state"]


async def test_verified_caller_books_their_own_office_by_voice_over_the_twilio_line(booking_bot):
    person = booking_bot.sandbox.seed.person("pit_refund")  # Anna Kowalska, office Warszawa-Śródmieście I
    free = free_starts(booking_bot, SRODMIESCIE_I, "certificates")
    answers = {
        "intent": "Saldo. Ile mam do zapłaty?",
        "pesel_confirm": "Tak.",
        "anything_else": "Chcę jeszcze umówić wizytę w moim urzędzie skarbowym.",
        "booking_office": "Mój urząd.",
        "booking_matter": "Zaświadczenie.",
        "booking_slot": "Tak, pasuje.",
        "booking_confirm": "Tak, proszę.",
    }
    async with TwilioCaller(booking_bot.ws_url) as caller:
        assert await caller.wait_for_bot_audio(after=0, timeout=60)
        path = booking_bot.record_path(caller.stream_sid)
        sent = 0.0
        for _ in range(MAX_TURNS):
            events = await bot_waits_for_caller(booking_bot, caller, path, sent)
            if any(e["type"] == "booking" for e in events):
                break
            state = current_state(events)
            assert state not in ("ended", "handed_off", "offer_agent"), [
                e.get("text") for e in events if e["type"] in ("transcript", "bot_utterance")]
            request = [e for e in events if e["type"] in ("listen", "collect_keys")][-1]
            sent = time.time()
            if request["type"] == "collect_keys":
                await caller.press((person.pesel if request["purpose"] == "pesel" else person.telepin.pin) + "#")
            elif state in ("pesel", "pesel_rest"):
                await say(caller, " ".join(person.pesel))
            else:
                await say(caller, answers.get(state, "Tak."))
        else:
            raise AssertionError("no booking within the turn budget")
        await caller.wait_for_bot_audio(after=time.time(), timeout=30)  # the code is read out

    events = read_call_record(path)
    booking = booking_event(events)
    assert (booking["office_id"], booking["matter"]) == (SRODMIESCIE_I, "certificates")
    start = datetime.fromisoformat(booking["start"])
    assert start == free[0]
    booked = booking_in_sandbox(booking_bot, booking["code"])
    assert booked["status"] == "booked" and booked["office"]["id"] == SRODMIESCIE_I
    assert start not in free_starts(booking_bot, SRODMIESCIE_I, "certificates")
    # The code was read out letter by letter after the booking.
    said = " ".join(e["text"] for e in events if e["type"] == "bot_utterance" and e["t"] >= booking["t"])
    assert "Kod rezerwacji" in said
    assert_confirmation(mail_for(booking_bot, booking["code"]), code=booking["code"],
                        office_name="Pierwszy Urząd Skarbowy Warszawa-Śródmieście", start=start,
                        to="anna.kowalska@example.com")
    record_text = path.read_text(encoding="utf-8")
    assert person.pesel not in record_text and person.telepin.pin not in record_text
