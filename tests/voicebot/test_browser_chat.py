"""The chat page in a real headless Chromium: authenticate (PESEL typed, telePIN in a password field),
hear the balance, ask for a person, chat with the agent who took it in the console, and download a
history without secrets."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import async_playwright, expect

from tests.voicebot.test_browser_call import CHROMIUM_ARGS, agent_claims_callers_handoff

# Chromium through playwright: the browser tier (tests/conftest.py).
pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


async def test_chat_with_bot_then_agent(bot_stack):
    person = bot_stack.sandbox.seed.person("vat_arrears_sole_trader")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        caller = await (await browser.new_context()).new_page()
        await caller.goto(f"{bot_stack.url}/chat")
        log = caller.locator("#log")
        await expect(log).to_contain_text("W czym mogę pomóc")

        async def send(text: str) -> None:
            await caller.fill("#text", text)
            await caller.click("#text-form button")

        await send("ile mam zaległości w VAT")
        await expect(log).to_contain_text("PESEL")
        await send(person.pesel)
        await expect(log).to_contain_text("Czy się zgadza")
        await send("tak")
        await expect(caller.locator("#pin-form")).to_be_visible()
        await caller.fill("#pin", person.telepin.pin)
        await caller.click("#pin-form button")
        await expect(log).to_contain_text("tożsamość potwierdzona")
        await expect(log).to_contain_text("zł")
        assert person.telepin.pin not in await log.inner_text()

        await send("poproszę z konsultantem")
        await expect(caller.locator("#status")).to_have_text("Czekasz na konsultanta…")

        agent = await agent_claims_callers_handoff(browser, bot_stack.url, "agent2", caller)
        card = agent.locator("#card")
        await expect(card).to_contain_text("PESEL + telePIN")
        assert person.pesel in await card.inner_text()  # the verified agent sees it in full
        await agent.fill("#chat-input", "Dzień dobry, widzę Pana zaległość w VAT.")
        await agent.click("#chat-form button")
        await expect(log).to_contain_text("widzę Pana zaległość")
        await expect(caller.locator("#status")).to_have_text("Rozmawiasz z konsultantem.")
        ARTIFACTS.mkdir(exist_ok=True)
        await caller.screenshot(path=str(ARTIFACTS / "browser-chat-caller.png"), full_page=True)

        history = await caller.evaluate("window.kasHistoryText()")
        assert "Rozmówca" in history or "Ty:" in history or "caller" in history.lower()
        assert person.telepin.pin not in history
        assert person.pesel not in history
        await browser.close()
