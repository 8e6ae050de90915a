"""The browser call page in a real headless Chromium (Debian's chromium, fake microphone from a WAV):
the page connects, the greeting plays, a key press reaches the bot (shown as a dot, never echoed);
a caller who asks for a person is handed to an agent who takes the call in the console."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from playwright.async_api import async_playwright, expect

from tests.voice_audio import natural_polish
from tts.pcm import silence, to_wav
from voicebot.call_record import read_call_record

# Chromium through playwright: the browser tier (tests/conftest.py).
pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--use-fake-ui-for-media-stream",
                 "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required"]


def caller_wav(tmp_path: Path, text: str) -> Path:
    pcm, rate = natural_polish(text)  # espeak-ng's "konsultantem" is not heard as such
    # Chromium loops the file: the caller says it, then stays quiet for a while.
    path = tmp_path / "caller.wav"
    path.write_bytes(to_wav(silence(1.0, rate) + pcm + silence(6.0, rate), rate))
    return path


async def launch(playwright, wav: Path):
    return await playwright.chromium.launch(
        executable_path="/usr/bin/chromium", args=[*CHROMIUM_ARGS, f"--use-file-for-fake-audio-capture={wav}"])


async def agent_claims_callers_handoff(browser, url: str, login: str, caller):
    """An agent signs in to the console and claims the handoff the caller's page was given
    (other tests' callers may be waiting in the same queues)."""
    agent = await (await browser.new_context(permissions=["microphone"])).new_page()
    await agent.goto(f"{url}/console/")
    await agent.fill("#login", login)
    await agent.fill("#password", f"demo-{login}")
    await agent.click("#login-form button[type=submit]")
    handoff_id = await caller.evaluate("document.body.dataset.handoffId")
    claim = agent.locator(f'#waiting button[data-claim="{handoff_id}"]')
    await expect(claim).to_be_visible(timeout=15_000)
    await claim.click()
    return agent


def newest_browser_record(bot, since: float) -> list[dict]:
    for path in sorted(bot.calls_dir.glob("MZbrowser*.jsonl"), key=lambda p: p.stat().st_mtime, reverse=True):
        events = read_call_record(path)
        if events and events[0]["t"] >= since:
            return events
    return []


async def test_page_connects_greeting_plays_and_key_reaches_bot(bot_stack, tmp_path):
    wav = tmp_path / "quiet.wav"
    wav.write_bytes(to_wav(silence(3.0, 16000), 16000))
    started = time.time()
    async with async_playwright() as playwright:
        browser = await launch(playwright, wav)
        page = await browser.new_page()
        await page.goto(bot_stack.url)
        await page.click("#call")
        await expect(page.locator("#status")).to_have_text("Połączono z infolinią.")
        await page.wait_for_function("Number(document.body.dataset.botAudioChunks || 0) > 20", timeout=30_000)
        await page.click('#keypad button[data-key="5"]')
        await expect(page.locator("#keys")).to_have_text("•")
        ARTIFACTS.mkdir(exist_ok=True)
        await page.screenshot(path=str(ARTIFACTS / "browser-call.png"))
        await asyncio.sleep(1.0)
        await page.click("#hangup")
        await browser.close()
    deadline = time.time() + 15
    while time.time() < deadline:
        events = newest_browser_record(bot_stack, started)
        if events and events[-1]["type"] == "call_ended":
            break
        await asyncio.sleep(0.2)
    assert events[0]["channel"] == "browser"
    assert any(e["type"] == "bot_started_speaking" for e in events)
    assert [e for e in events if e["type"] == "keypress"] == [
        {"t": pytest.approx(e["t"]), "type": "keypress", "count": 1} for e in events if e["type"] == "keypress"]
    assert len([e for e in events if e["type"] == "keypress"]) == 1
    assert events[-1]["type"] == "call_ended"


async def test_caller_handed_off_talks_to_agent_in_console(bot_stack, tmp_path):
    wav = caller_wav(tmp_path, "Chcę rozmawiać z konsultantem.")
    async with async_playwright() as playwright:
        browser = await launch(playwright, wav)
        caller = await (await browser.new_context(permissions=["microphone"])).new_page()
        await caller.goto(bot_stack.url)
        await caller.click("#call")
        await expect(caller.locator("#status")).to_have_text("Czekasz na konsultanta. Nie rozłączaj się.",
                                                            timeout=90_000)

        agent = await agent_claims_callers_handoff(browser, bot_stack.url, "agent1", caller)
        await expect(agent.locator("#card")).to_be_visible()
        await expect(agent.locator("#card")).to_contain_text("konsultant")
        await agent.click("#take-call")
        await expect(caller.locator("#status")).to_have_text("Rozmawiasz z konsultantem.", timeout=15_000)
        await caller.screenshot(path=str(ARTIFACTS / "browser-call-handoff-caller.png"))
        await agent.screenshot(path=str(ARTIFACTS / "browser-call-handoff-agent.png"))
        await browser.close()
