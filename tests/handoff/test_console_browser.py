"""The console in a real headless Chromium: a published handoff appears live, one agent claims it, the
card pops, it disappears from the other agent's view; then chat and audio go through the bridge."""

from __future__ import annotations

import asyncio
import json

import pytest
from playwright.async_api import async_playwright, expect

from integrations.handoff.queue import HandoffQueue
from tests.handoff.checks import assert_absent, assert_present
from tests.handoff.conftest import AGENT_ONLY, OPEN_NOW, PESEL, PIN, caller_context
from tests.handoff.console_server import start_console
from tests.handoff.test_console_api import caller_bridge

# Chromium through playwright: the browser tier (tests/conftest.py).
pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--use-fake-ui-for-media-stream",
                 "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required"]


@pytest.fixture
def console(redis_server, tmp_path):
    server = start_console(redis_server.url, tmp_path / "console")
    yield server
    server.stop()


@pytest.fixture
async def browser():
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        await browser.close()


async def sign_in(browser, console, login: str):
    context = await browser.new_context(permissions=["microphone"])
    page = await context.new_page()
    await page.goto(console.base_url)
    await expect(page.locator("#login-form")).to_be_visible()
    await page.fill("#login", login)
    await page.fill("#password", f"demo-{login}")
    await page.click("#login-form button[type=submit]")
    await expect(page.locator("#connection")).to_contain_text("Połączono")
    return page


async def test_handoff_appears_is_claimed_and_disappears_for_the_other_agent(console, browser, redis_server, tmp_path):
    anonymous = await (await browser.new_context()).new_page()
    await anonymous.goto(console.base_url)
    await expect(anonymous.locator("#login-form")).to_be_visible()
    await expect(anonymous.locator("#console-view")).to_be_hidden()

    page1, page2 = await sign_in(browser, console, "agent1"), await sign_in(browser, console, "agent2")
    publisher = HandoffQueue(redis_server.url, outbox_dir=tmp_path / "dialogue-outbox")
    try:
        result = await publisher.publish("pit", "caller_asked_for_agent", caller_context(channel="text"), **AGENT_ONLY, now=OPEN_NOW)
    finally:
        await publisher.aclose()
    row = f'#waiting li[data-handoff-id="{result.handoff_id}"]'
    for page in (page1, page2):
        await expect(page.locator(row)).to_be_visible()
        await expect(page.locator(row)).to_contain_text("PIT")
        assert_absent(await page.locator("#waiting").inner_text(), PESEL)
    assert (await anonymous.evaluate("fetch('api/waiting').then(r => r.status)")) == 401

    await page1.click(f'button[data-claim="{result.handoff_id}"]')
    card = page1.locator("#card")
    await expect(card).to_be_visible()
    await expect(card).to_contain_text("zweryfikowana (PESEL + telePIN)")
    await expect(card).to_contain_text("Zwrot 1 234,56 zł został zlecony 3 marca.")
    card_text = await card.inner_text()
    assert_present(card_text, PESEL)  # shown to the agent who took the call
    # plain Polish: no internal keys, nulls or JSON; the bot's words newest first
    for shown in ("zwrot podatku", "sprawa własna", "PIT (podatek dochodowy od osób fizycznych)", "2025 r."):
        assert shown in card_text
    for internal in ("own_matter", "general", "null", "refund", "{"):
        assert internal not in card_text
    said = await page1.locator("#card-answers li").all_inner_texts()
    assert said[0] == "Zwrot 1 234,56 zł został zlecony 3 marca." and said[-1] == "Dzień dobry, w czym mogę pomóc?"
    assert_absent(card_text, PIN, " ".join(PIN))
    await expect(page2.locator(row)).to_have_count(0)
    await expect(page1.locator(row)).to_have_count(0)

    # text chat handed to the agent, and the audio bridge with the agent's microphone
    async with caller_bridge(console, result) as caller:
        await caller.send(json.dumps({"type": "chat", "text": "Dzień dobry, czekam na konsultanta."}))
        await expect(page1.locator("#chat-log")).to_contain_text("Rozmówca: Dzień dobry, czekam na konsultanta.")
        await page1.fill("#chat-input", "Dzień dobry, widzę Pana sprawę.")
        await page1.click("#chat-form button")
        await page1.click("#take-call")
        chat, audio = None, None
        while chat is None or audio is None:
            message = await asyncio.wait_for(caller.recv(), 10)
            if isinstance(message, bytes):
                audio = message
            elif json.loads(message).get("type") == "chat":
                chat = json.loads(message)
        assert chat["text"] == "Dzień dobry, widzę Pana sprawę." and chat["from"] == "agent"
        assert len(audio) > 0 and len(audio) % 2 == 0  # 16-bit PCM from the agent's microphone
        await caller.send(bytes(3200))  # 100 ms of caller audio, played on the agent's speaker
    await page1.click("#complete")
    await expect(card).to_be_hidden()
