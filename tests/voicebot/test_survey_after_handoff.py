"""The survey after a handoff on the phone line: once the agent completed the handoff in the
console, the telephony side brings the caller back with ``survey_for`` (the handoff id); the bot
offers the survey, the ratings are stored under the call that was handed off, with its queue.
A handoff still in progress gets no survey (the usual greeting)."""

from __future__ import annotations

import asyncio
import time

import httpx

from eval.twilio_caller import TwilioCaller
from tests.voice_audio import natural_polish
from tests.voicebot.test_survey_browser import states, survey_answers, until
from voicebot.call_record import read_call_record
from voicebot.survey_store import SurveyStore, default_url


def handed_off_chat(bot) -> tuple[str, str, httpx.Client]:
    """A chat handed to the CIT queue and claimed by an agent: (handoff id, chat call id, agent)."""
    chat = httpx.Client(base_url=bot.url, timeout=30)
    opened = chat.post("/chat/sessions", json={}).json()
    chat.headers["Authorization"] = f"Bearer {opened['session_token']}"
    reply = chat.post(f"/chat/sessions/{opened['session_id']}/messages",
                      json={"text": "Poproszę konsultanta w sprawie CIT."}).json()
    handoff_id = reply["handoff"]["handoff_id"]
    agent = httpx.Client(base_url=f"{bot.url}/console/", timeout=30)
    assert agent.post("api/login", json={"login": "agent2", "password": "demo-agent2"}).status_code == 200
    assert agent.post(f"api/handoffs/{handoff_id}/claim").status_code == 200
    return handoff_id, f"chat-{opened['session_id']}", agent


async def test_phone_survey_after_the_agent_completed(bot_stack):
    handoff_id, rated_call, agent = handed_off_chat(bot_stack)

    # Still with the agent: no survey, the caller hears the usual greeting.
    async with TwilioCaller(bot_stack.ws_url, custom_parameters={"survey_for": handoff_id}) as early:
        assert await early.wait_for_bot_audio(after=0, timeout=60)
        path = bot_stack.record_path(early.stream_sid)
        assert states(path)[:1] == ["intent"]
        assert any(e["type"] == "survey_refused" for e in read_call_record(path))

    assert agent.post(f"api/handoffs/{handoff_id}/complete").status_code == 200
    async with TwilioCaller(bot_stack.ws_url, custom_parameters={"survey_for": handoff_id}) as caller:
        assert await caller.wait_for_bot_audio(after=0, timeout=60)
        path = bot_stack.record_path(caller.stream_sid)
        assert states(path)[:1] == ["survey_offer"]
        said = " ".join(e["text"] for e in read_call_record(path) if e["type"] == "bot_utterance")
        assert "Konsultant zakończył rozmowę. Czy zechcesz ocenić rozmowę? To trzy krótkie pytania." in said
        for _ in range(2):
            sent = time.time()
            pcm, rate = natural_polish("Tak, chętnie.")
            await caller.play(pcm, rate)
            await caller.silence(0.4)
            moved = await until(lambda: states(path)[-1:] == ["survey_question"], 40)
            await caller.wait_for_bot_audio(after=sent, timeout=40)
            if moved:
                break
        assert states(path)[-1] == "survey_question"
        for n, key in enumerate("345#", start=1):
            sent = time.time()
            await caller.press(key)
            assert await until(lambda: survey_answers(path) == min(n, 3) and (key != "#" or "ended" in states(path)), 30)
            await caller.wait_for_bot_audio(after=sent, timeout=30)
    await asyncio.sleep(0.5)

    store = SurveyStore(default_url(bot_stack.data_dir))
    try:
        stored = {s.call_id: s for s in store.surveys()}[rated_call]
    finally:
        store.close()
    assert (stored.channel, stored.source, stored.queue, stored.complete) == ("voice", "handoff", "cit", True)
    assert stored.ratings == {"resolved": 3, "clarity": 4, "overall": 5}
    assert set(stored.given_by.values()) == {"keypad"}
