"""The text channel over real HTTP against the running bot, its sandbox and Redis."""

from __future__ import annotations

import httpx
import pytest

from voicebot.call_record import read_call_record

# The telephony side's token for GET /handoffs/{id} (the demo default the test bot runs with).
TELEPHONY_AUTH = {"Authorization": "Bearer demo-telephony-token"}


class Chat:
    def __init__(self, bot) -> None:
        self.bot = bot
        self.http = httpx.Client(base_url=bot.url, timeout=30)
        reply = self.http.post("/chat/sessions", json={"caller_number": "+48221234567"})
        reply.raise_for_status()
        self.last = reply.json()
        self.session_id = self.last["session_id"]
        # The session's credential travels in a header, never in the URL.
        self.http.headers["Authorization"] = f"Bearer {self.last['session_token']}"

    def send(self, **body) -> dict:
        reply = self.http.post(f"/chat/sessions/{self.session_id}/messages", json=body)
        reply.raise_for_status()
        self.last = reply.json()
        return self.last

    def text(self) -> str:
        return " ".join(self.last["messages"])

    def record(self) -> list[dict]:
        return read_call_record(self.bot.calls_dir / f"chat-{self.session_id}.jsonl")


def authenticate(chat: Chat, pesel: str, pin: str) -> dict:
    """Give PESEL in text, confirm the read-back, type the telePIN."""
    reply = chat.send(text=pesel)
    if reply["state"] == "pesel_confirm":
        reply = chat.send(text="tak")
    assert reply["state"] == "telepin", reply
    return chat.send(dtmf=pin + "#")


def test_greeting_then_balance_after_authentication(bot_stack):
    person = bot_stack.sandbox.seed.person("pit_refund")
    chat = Chat(bot_stack)
    assert "W czym mogę pomóc" in chat.text()
    reply = chat.send(text="chciałbym sprawdzić saldo")
    assert reply["state"] == "pesel"
    reply = authenticate(chat, person.pesel, person.telepin.pin)
    assert "potwierdzon" in chat.text()  # "tożsamość potwierdzona"
    assert "zł" in chat.text() or "złot" in chat.text() or "groszy" in chat.text()
    assert reply["handoff"] is None and not reply["ended"]
    reply = chat.send(text="dziękuję, to wszystko, do widzenia")
    # A contained call ends with the survey offer (tests/voicebot/test_survey_browser.py takes it).
    assert reply["state"] == "survey_offer" and not reply["ended"]
    assert [c["label"] for c in reply["choices"]] == ["Tak", "Nie"]
    reply = chat.send(text="nie")
    assert reply["ended"] is True and reply["choices"] == []
    assert chat.http.post(f"/chat/sessions/{chat.session_id}/messages", json={"text": "halo"}).status_code == 409

    events = chat.record()
    assert events[-1]["type"] == "call_ended"
    text = "\n".join(str(e) for e in events)
    assert person.telepin.pin not in text
    assert [e for e in events if e["type"] == "keypress"][-1] == {"t": pytest.approx(events[-1]["t"], abs=60),
                                                                    "type": "keypress", "count": 7}


def test_wrong_pin_three_times_blocks_with_same_wording_as_unknown_pesel(bot_stack):
    person = bot_stack.sandbox.seed.person("lockout_drill")
    wrong = "000000" if person.telepin.pin != "000000" else "111111"
    chat = Chat(bot_stack)
    chat.send(text="ile mam do zapłaty")
    authenticate(chat, person.pesel, wrong)
    failed_wording = chat.text()
    assert "Nie udało się potwierdzić tożsamości" in failed_wording
    # The same words for a PESEL nobody has (a valid checksum, not in the seed).
    other = Chat(bot_stack)
    other.send(text="ile mam do zapłaty")
    authenticate(other, "44051401458", wrong)
    assert "Nie udało się potwierdzić tożsamości" in other.text()

    for _ in range(2):
        if chat.last["state"] != "telepin":
            break
        chat.send(dtmf=wrong + "#")
    assert "zablokowany" in chat.text() and "e-Urzędzie Skarbowym" in chat.text()


def test_asking_for_a_person_hands_off_with_context_to_a_queue(bot_stack):
    chat = Chat(bot_stack)
    reply = chat.send(text="mam pytanie o podatek od czynności cywilnoprawnych przy kupnie mieszkania, "
                           "poproszę z konsultantem")
    handoff = reply["handoff"]
    assert handoff is not None and handoff["status"] == "queued"
    assert handoff["queue"] == "pcc_sd"
    assert handoff["context"]["identity"]["verified"] is False
    assert any("konsultant" in line["text"] for line in handoff["context"]["transcript"])
    # The telephony side / console can see the handoff waiting (status only).
    info = httpx.get(f"{bot_stack.url}/handoffs/{handoff['handoff_id']}", headers=TELEPHONY_AUTH).json()
    assert info["status"] == "waiting" and info["queue"] == "pcc_sd"


def test_representative_picks_a_principal_and_is_refused_a_stranger(bot_stack):
    attorney = bot_stack.sandbox.seed.person("ppo1_attorney")
    chat = Chat(bot_stack)
    chat.send(text="saldo")
    reply = authenticate(chat, attorney.pesel, attorney.telepin.pin)
    assert reply["state"] == "principal_choice", chat.text()
    seed = bot_stack.sandbox.seed
    principals = [r.principal for r in seed.representatives if r.representative == attorney.pesel]
    assert principals, "the demo seed gives the PPO-1 attorney principals"
    stranger = next(o for o in seed.organisations if o.nip not in {p.nip for p in principals})
    reply = chat.send(text=f"w imieniu firmy o numerze NIP {stranger.nip}")
    assert reply["state"] == "principal_choice"
    assert "nie mogę podać o nim informacji" in chat.text()
    # A listed principal, named by NIP, is answered about.
    principal = next(p for p in principals if p.nip) if any(p.nip for p in principals) else None
    if principal is not None:
        chat.send(text=f"w imieniu NIP {principal.nip}")
    else:
        principal_person = next(p for p in seed.persons if p.pesel == principals[0].pesel)
        chat.send(text=f"w imieniu {principal_person.first_name} {principal_person.last_name}")
    assert chat.last["state"] in ("anything_else", "tax_choice", "query_choice"), chat.text()


@pytest.mark.parametrize("body", [{}, {"text": "a", "dtmf": "1"}, {"dtmf": "12a"}, {"text": "x" * 5000}],
                         ids=["empty", "both", "bad-key", "too-long"])
def test_malformed_messages_get_a_clear_4xx(bot_stack, body):
    chat = Chat(bot_stack)
    reply = chat.http.post(f"/chat/sessions/{chat.session_id}/messages", json=body)
    assert reply.status_code == 422
    assert chat.http.post("/chat/sessions/nope/messages", json={"text": "hej"}).status_code == 404


def test_chat_shows_written_forms_not_the_voices_spellings(bot_stack):
    chat = Chat(bot_stack)
    reply = chat.send(text="zablokował mi się telePIN, co robić?")
    text = " ".join(reply["messages"])
    assert "podatki.gov.pl" in text and "kropka" not in text
    history = chat.http.get(f"/chat/sessions/{chat.session_id}/history").json()["turns"]
    assert all("kropka gov" not in t["text"] for t in history)
