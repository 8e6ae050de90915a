"""The satisfaction survey end to end, shown in the console: a phone call over the Twilio protocol
rates by keypad and by voice (a natural synthetic voice, recognised by Whisper), a chat rates by its
buttons and typed words after a contained conversation, another chat rates after an agent finished
its handoff in the console; the agent opens the survey page (chart per channel and per queue),
downloads the CSV, and the page is kept as a screenshot (test-artifacts/survey-console.png)."""

from __future__ import annotations

import asyncio
import csv
import io
import time
from pathlib import Path

import httpx
import pytest
from playwright.async_api import async_playwright, expect

from prometheus_client.parser import text_string_to_metric_families

from eval.twilio_caller import TwilioCaller
from tests.voice_audio import natural_polish
from tests.voicebot.test_browser_call import CHROMIUM_ARGS, agent_claims_callers_handoff
from voicebot.call_record import read_call_record

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def states(path: Path) -> list[str]:
    return [e["state"] for e in read_call_record(path) if e["type"] == "dialogue_state"]


def survey_answers(path: Path) -> int:
    saved = [e for e in read_call_record(path) if e["type"] == "survey"]
    return saved[-1]["answers"] if saved else 0


async def until(check, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        await asyncio.sleep(0.2)
    return False


async def phone_survey(bot) -> str:
    """A contained phone call: a tier I question, "no more", yes to the survey, 5 on the keypad, the
    second rating said aloud, 4 on the keypad, no comment (#). Returns the call id."""

    async def say(text: str) -> None:
        pcm, rate = natural_polish(text)
        await caller.play(pcm, rate)
        await caller.silence(0.4)

    async def turn(check, *, text: str | None = None, keys: str | None = None, tries: int = 2) -> None:
        """Say ``text`` (again if misheard) or press ``keys``, until ``check`` holds; then let the
        bot finish what it says before the caller's next turn."""
        for _ in range(tries):
            sent = time.time()
            if keys is not None:
                await caller.press(keys)
            else:
                await say(text)
            done = await until(check, 40)
            await caller.wait_for_bot_audio(after=sent, timeout=40)
            if done:
                return
        raise AssertionError(f"no progress after {text or keys!r}: {states(path)[-3:]}")

    async with TwilioCaller(bot.ws_url) as caller:
        assert await caller.wait_for_bot_audio(after=0, timeout=60)
        path = bot.record_path(caller.stream_sid)
        await turn(lambda: states(path)[-1:] == ["anything_else"], text="W jakich godzinach pracują konsultanci?")
        await turn(lambda: states(path)[-1:] == ["survey_offer"], text="Nie, dziękuję.")
        await turn(lambda: states(path)[-1:] == ["survey_question"], text="Tak.")
        await turn(lambda: survey_answers(path) == 1, keys="5", tries=1)
        await turn(lambda: survey_answers(path) == 2, text="Bardzo dobrze.", tries=3)
        await turn(lambda: survey_answers(path) == 3, keys="4", tries=1)
        await turn(lambda: "ended" in states(path), keys="#", tries=1)
    return path.stem


async def test_survey_by_keypad_and_voice_shown_in_the_console(bot_stack):
    voice_call = await phone_survey(bot_stack)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)

        # A contained chat: ratings by button and by typed words, and a comment with a number in it.
        caller = await (await browser.new_context()).new_page()
        await caller.goto(f"{bot_stack.url}/chat")
        log, choices = caller.locator("#log"), caller.locator("#choices")

        async def send(page, text: str) -> None:
            await page.fill("#text", text)
            await page.click("#text-form button")

        await expect(log).to_contain_text("W czym mogę pomóc")
        await send(caller, "Jak sprawdzić numer mikrorachunku?")
        await expect(log).to_contain_text("mikrorachun")
        await send(caller, "Nie, dziękuję.")
        await expect(log).to_contain_text("Czy zechcesz ocenić rozmowę? To trzy krótkie pytania.")
        await choices.get_by_role("button", name="Tak").click()
        await expect(log).to_contain_text("Pierwsze pytanie")
        await expect(choices.get_by_role("button")).to_have_count(5)
        await choices.get_by_role("button", name="4 – dobrze").click()
        await expect(log).to_contain_text("Drugie pytanie")
        await send(caller, "średnio")
        await expect(log).to_contain_text("Trzecie pytanie")
        await choices.get_by_role("button", name="5 – bardzo dobrze").click()
        await expect(log).to_contain_text("komentarz")
        await send(caller, "Szybko i konkretnie, mój numer 82010112345 nie był potrzebny.")
        await expect(log).to_contain_text("Dziękuję za ocenę")
        await expect(caller.locator("#status")).to_have_text("Rozmowa zakończona.")
        contained_chat = "chat-" + await caller.evaluate("document.body.dataset.sessionId")

        # A chat handed to the VAT queue: the agent finishes, the bot comes back with the survey.
        handed = await (await browser.new_context()).new_page()
        await handed.goto(f"{bot_stack.url}/chat")
        await expect(handed.locator("#log")).to_contain_text("W czym mogę pomóc")
        await send(handed, "Poproszę konsultanta w sprawie VAT.")
        await expect(handed.locator("#status")).to_have_text("Czekasz na konsultanta…")
        agent = await agent_claims_callers_handoff(browser, bot_stack.url, "agent1", handed)
        await expect(agent.locator("#card")).to_be_visible()
        await agent.click("#complete")
        await expect(handed.locator("#log")).to_contain_text("Konsultant zakończył rozmowę.", timeout=15_000)
        await handed.locator("#choices").get_by_role("button", name="Tak").click()
        for label in ("2 – źle", "3 – średnio"):
            await handed.locator("#choices").get_by_role("button", name=label).click()
            await expect(handed.locator("#choices").get_by_role("button")).to_have_count(5)
        await send(handed, "bardzo dobrze")
        await handed.locator("#choices").get_by_role("button", name="Bez komentarza").click()
        await expect(handed.locator("#log")).to_contain_text("Dziękuję za ocenę")
        handoff_chat = "chat-" + await handed.evaluate("document.body.dataset.sessionId")

        # The agent's survey page: both channels, the VAT queue, keypad and voice answers.
        await agent.goto(f"{bot_stack.url}/console/surveys")
        await expect(agent.locator("h1")).to_have_text("Ankiety satysfakcji")
        channel_chart = agent.locator("#chart-channel svg")
        await expect(channel_chart).to_contain_text("Telefon")
        await expect(channel_chart).to_contain_text("Czat")
        await expect(agent.locator("#chart-queue svg")).to_contain_text("VAT")
        await expect(agent.locator("#chart-queue svg")).to_contain_text("Bez przekazania do konsultanta")
        table = agent.locator("#latest")
        for shown in ("klawiatura", "głosem", "przycisk", "wpisana", "Po rozmowie z konsultantem", "Szybko i konkretnie"):
            await expect(table).to_contain_text(shown)
        page_text = await agent.locator("body").inner_text()
        assert "82010112345" not in page_text  # the comment is redacted like every transcript
        for key in ("resolved", "clarity", "overall", "keypad", "contained", "handoff", "text"):
            assert key not in page_text.split()  # Polish labels only, never internal keys
        ARTIFACTS.mkdir(exist_ok=True)
        await agent.screenshot(path=str(ARTIFACTS / "survey-console.png"), full_page=True)

        # The CSV with the agent's session; without it, nothing.
        response = await agent.request.get(f"{bot_stack.url}/console/surveys.csv?kind=responses")
        assert response.ok and "text/csv" in response.headers["content-type"]
        rows = {r["Identyfikator rozmowy"]: r for r in csv.DictReader(io.StringIO((await response.text()).lstrip("\ufeff")))}
        phone = rows[voice_call]
        assert (phone["Kanał"], phone["Załatwienie sprawy"], phone["Załatwienie sprawy — sposób"]) == (
            "Telefon", "5", "klawiatura")
        assert phone["Jasność informacji — sposób"] == "głosem" and phone["Jasność informacji"] in ("4", "5")
        assert phone["Ocena całej rozmowy"] == "4" and phone["Pełna"] == "tak"
        chat = rows[contained_chat]
        assert [chat[q] for q in ("Załatwienie sprawy", "Jasność informacji", "Ocena całej rozmowy")] == ["4", "3", "5"]
        assert chat["Jasność informacji — sposób"] == "wpisana" and "82010112345" not in chat["Komentarz"]
        after = rows[handoff_chat]
        assert (after["Rodzaj"], after["Kolejka"]) == ("Po rozmowie z konsultantem", "VAT")
        assert [after[q] for q in ("Załatwienie sprawy", "Jasność informacji", "Ocena całej rozmowy")] == ["2", "3", "5"]
        distribution = await agent.request.get(f"{bot_stack.url}/console/surveys.csv?kind=distribution")
        assert distribution.ok and "Kolejka,VAT,Załatwienie sprawy,2,źle" in await distribution.text()
        stranger = await (await browser.new_context()).request.get(f"{bot_stack.url}/console/surveys.csv")
        assert stranger.status == 401
        await browser.close()

    # Prometheus counts the answers per channel and queue.
    samples = [(s.labels, s.value)
               for family in text_string_to_metric_families(httpx.get(f"{bot_stack.url}/metrics").text)
               for s in family.samples if s.name == "survey_answers_total"]
    for labels in ({"channel": "text", "queue": "vat", "question": "resolved", "rating": "2"},
                   {"channel": "voice", "queue": "none", "question": "resolved", "rating": "5"}):
        assert any(found == labels and value >= 1 for found, value in samples), labels


async def test_browser_call_returns_to_the_bot_for_the_survey_when_the_agent_completes(bot_stack, tmp_path):
    """The browser call page is its own telephony side: when the agent completes the handoff, it
    opens a new stream with ``survey_for`` and the bot offers the survey for the handed-off call."""
    from tests.voicebot.test_browser_call import caller_wav, launch, newest_browser_record

    wav = caller_wav(tmp_path, "Chcę rozmawiać z konsultantem.")
    async with async_playwright() as playwright:
        browser = await launch(playwright, wav)
        caller = await (await browser.new_context(permissions=["microphone"])).new_page()
        await caller.goto(bot_stack.url)
        called_at = time.time()
        await caller.click("#call")
        await expect(caller.locator("#status")).to_have_text("Czekasz na konsultanta. Nie rozłączaj się.",
                                                            timeout=90_000)
        handoff_id = await caller.evaluate("document.body.dataset.handoffId")
        # The queue the call went to is what the recogniser and the rules made of the caller's voice on the
        # browser line (once "pit"); the survey must name that queue, whichever it was.
        handed_off = [e for e in newest_browser_record(bot_stack, called_at) if e["type"] == "handoff"]
        assert handed_off, "the caller's record has no handoff"
        agent = await agent_claims_callers_handoff(browser, bot_stack.url, "agent2", caller)
        await expect(agent.locator("#card")).to_be_visible()
        completed_at = time.time()
        await agent.click("#complete")

        def offered() -> bool:
            events = newest_browser_record(bot_stack, completed_at)
            return any(e["type"] == "dialogue_state" and e["state"] == "survey_offer" for e in events)

        assert await until(offered, 60), "the page did not come back to the bot for the survey"
        events = newest_browser_record(bot_stack, completed_at)
        linked = [e for e in events if e["type"] == "survey_for"]
        assert linked and linked[0]["queue"] == handed_off[-1]["queue"] and linked[0]["call_id"].startswith("MZbrowser")
        assert handoff_id not in str(events)  # the record names the rated call, not the handoff's id
        said = " ".join(e["text"] for e in events if e["type"] == "bot_utterance")
        assert "Czy zechcesz ocenić rozmowę? To trzy krótkie pytania." in said
        await expect(caller.locator("#status")).to_have_text("Połączono z infolinią.")
        await caller.click("#hangup")
        await browser.close()
