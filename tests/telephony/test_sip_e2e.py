"""End to end over real SIP: a baresip caller dials the hotline at kamailio, which dispatches the call to
the bot's SIP endpoint (``voicebot serve``, Whisper, espeak-ng bot voice, sandbox back ends).

- The caller says what they want (an RHVoice voice played by ``aufile``), gives the PESEL and the
  telePIN on the keypad (RFC 4733), and hears the balance: the call record shows the verification
  and the lookup, and the caller's recording holds the bot's speech after the lookup.
- A caller who asks for a consultant is transferred: the bot's REFER goes through kamailio, the
  caller's phone calls the queue, kamailio hands it to the agent's baresip, which answers.
- When the agent's phone rejects the transferred call, the caller stays with the bot, which
  apologises and offers a callback.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from integrations.handoff.queue import HandoffQueue
from tests.telephony.conftest import SipStack
from tests.telephony.sip_tools import Baresip, speech_seconds, speech_wav
from tests.voice_audio import natural_polish
from voicebot.call_record import read_call_record

MAX_TURNS = 14


class SipCaller:
    """A baresip caller driven by what the bot's call record says it waits for."""

    def __init__(self, stack: SipStack, workdir: Path, number: str = "+48601234567") -> None:
        self.stack = stack
        self.workdir = workdir
        self.phone = Baresip(workdir / "phone", number, answer="manual").start()
        self.clips: dict[str, Path] = {}
        self.record: Path | None = None

    def clip(self, text: str, **voice) -> Path:
        if text not in self.clips:
            pcm, rate = natural_polish(text, **voice)
            self.clips[text] = speech_wav(self.workdir / f"clip{len(self.clips)}.wav", pcm, rate)
        return self.clips[text]

    def say(self, text: str, **voice) -> None:
        self.phone.play(self.clip(text, **voice))

    def call(self) -> None:
        before = set(self.stack.bot.calls_dir.glob("sip-*.jsonl"))
        self.phone.dial(self.stack.hotline)
        assert self.phone.wait_event("CALL_ESTABLISHED", timeout=60), self.phone.log_text()[-2000:]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            new = set(self.stack.bot.calls_dir.glob("sip-*.jsonl")) - before
            if new:
                self.record = new.pop()
                return
            time.sleep(0.1)
        raise AssertionError("the bot wrote no call record")

    def events(self) -> list[dict]:
        return read_call_record(self.record)

    def wait_for(self, predicate, timeout: float) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            events = self.events()
            if predicate(events):
                return events
            time.sleep(0.2)
        raise AssertionError(f"timed out; last events: {[e['type'] for e in self.events()[-15:]]}")

    def wait_turn(self, seen: int, timeout: float = 90) -> list[dict]:
        """Wait until the bot asks for something new (a listen/collect_keys after ``seen`` events) and
        has finished saying it, or the call reached an outcome."""
        def ready(events: list[dict]) -> bool:
            if any(e["type"] in ("call_ended", "handoff", "sip_transfer") for e in events[seen:]):
                return True
            asks = [i for i, e in enumerate(events) if i >= seen and e["type"] in ("listen", "collect_keys")]
            if not asks:
                return False
            return any(e["type"] == "bot_stopped_speaking" for e in events[asks[-1]:]) or not any(
                e["type"] == "bot_started_speaking" for e in events[asks[-1] - 3:])
        return self.wait_for(ready, timeout)

    def stop(self) -> None:
        self.phone.stop()


def last_request(events: list[dict]) -> dict | None:
    for event in reversed(events):
        if event["type"] in ("listen", "collect_keys"):
            return event
    return None


@pytest.fixture
def caller(sip_stack: SipStack, tmp_path: Path):
    caller = SipCaller(sip_stack, tmp_path)
    yield caller
    caller.stop()


def test_caller_through_kamailio_authenticates_on_the_keypad_and_hears_the_balance(sip_stack, caller):
    person = sip_stack.bot.sandbox.seed.person("pit_refund")
    pesel, pin = person.pesel, person.telepin.pin
    caller.call()
    seen = 0
    spoken_pesel_tries = 0
    for _ in range(MAX_TURNS):
        events = caller.wait_turn(seen)
        seen = len(events)
        if any(e["type"] == "backend_result" and e["action"] == "LookupSettlements" for e in events) or any(
                e["type"] in ("handoff", "call_ended") for e in events):
            break
        request = last_request(events)
        if request and request["type"] == "collect_keys":
            caller.phone.press(pesel + "#" if request["purpose"] == "pesel" else pin + "#")
        elif request and request["vocabulary"] == "digits":
            # Not a PESEL: after two spoken tries the bot offers the keypad.
            spoken_pesel_tries += 1
            caller.say("jeden dwa trzy")
        elif request and request["vocabulary"] == "yes_no":
            caller.say("Tak, proszę.")
        else:
            caller.say("Saldo. Ile mam do zapłaty?")
    events = caller.wait_for(lambda ev: any(e["type"] == "backend_result" and e["action"] == "LookupSettlements"
                                            for e in ev), timeout=30)
    lookup_t = next(e["t"] for e in events if e["type"] == "backend_result" and e["action"] == "LookupSettlements")
    # The answer is spoken to the end before the caller hangs up: the bot has stopped speaking after
    # the lookup and stayed quiet for a second (a stop right after the lookup may end the sentence
    # before the answer, when the back end answers fast).
    def answered(ev: list[dict]) -> bool:
        speaking = [e for e in ev if e["type"] in ("bot_started_speaking", "bot_stopped_speaking")]
        return bool(speaking) and speaking[-1]["type"] == "bot_stopped_speaking" and (
            speaking[-1]["t"] > lookup_t and time.time() - speaking[-1]["t"] > 1.0)
    events = caller.wait_for(answered, timeout=90)
    caller.phone.hangup()
    events = caller.wait_for(lambda ev: ev[-1]["type"] == "call_ended", timeout=30)

    started = events[0]
    assert started["protocol"] == "sip" and started["transport"] == "udp" and started["codec"] in ("PCMA", "PCMU")
    assert started["caller"] and "601234" not in started["caller"]  # the number, masked
    results = {e["action"]: e["ok"] for e in events if e["type"] == "backend_result"}
    assert results.get("VerifyIdentity") is True and results.get("LookupSettlements") is True
    states = [e.get("state") for e in events if e["type"] == "dialogue_state"]
    assert "pesel_keys" in states and "telepin" in states  # both entered on the keypad
    assert any(e["type"] == "bot_utterance" and e["sensitive"] for e in events if e["t"] >= lookup_t)
    assert events[-1]["reason"] == "caller hung up"

    # What the caller heard: the bot's speech, also after the lookup (the balance).
    heard, rate = caller.phone.heard()
    assert speech_seconds(heard, rate) > 3.0
    call_start = started["t"]
    after_lookup = heard[int(max(0.0, lookup_t - call_start) * rate):]
    assert speech_seconds(after_lookup, rate) > 1.0

    # Keys are counted, never written; neither the PIN nor the PESEL reaches the record or the log.
    assert all(set(e) <= {"t", "type", "count"} for e in events if e["type"] == "keypress")
    assert sum(1 for e in events if e["type"] == "keypress") >= len(pesel) + len(pin)
    record_text = caller.record.read_text(encoding="utf-8")
    for secret in (pin, pesel):
        assert secret not in record_text
        assert secret not in sip_stack.bot.log_text()
        assert secret not in sip_stack.kamailio.log_text()


def drive_to_handoff(caller: SipCaller) -> list[dict]:
    caller.call()
    seen = 0
    for _ in range(MAX_TURNS):
        events = caller.wait_turn(seen)
        seen = len(events)
        if any(e["type"] in ("handoff", "call_ended") for e in events):
            return events
        request = last_request(events)
        if request and request.get("vocabulary") == "yes_no":
            caller.say("Tak, proszę.")
        else:
            caller.say("Chcę rozmawiać z konsultantem.")
    raise AssertionError("no handoff within the turn budget")


def test_handoff_transfers_the_call_by_refer_through_kamailio_to_an_answering_agent(sip_stack, caller):
    agent = sip_stack.agent
    agent.poll()
    mark = len(agent.events)
    drive_to_handoff(caller)
    incoming = agent.wait_event("CALL_INCOMING", timeout=60, after=mark)
    assert incoming, "the agent's phone did not ring"
    agent.accept()
    assert agent.wait_event("CALL_ESTABLISHED", timeout=30, after=mark)
    events = caller.wait_for(lambda ev: ev[-1]["type"] == "call_ended", timeout=60)

    handoff = next(e for e in events if e["type"] == "handoff")
    transfer = next(e for e in events if e["type"] == "sip_transfer")
    assert transfer["transferred"] is True and transfer["sip_code"] == 200
    assert transfer["handoff_id"] == handoff["handoff_id"]
    assert events[-1]["reason"] == "handed off"
    # The PBX saw the handoff id in the REFER and gave it to the agent's call.
    log = sip_stack.kamailio.log_text()
    assert f"handoff={handoff['handoff_id']}" in log.split("KAS REFER", 1)[1]
    assert f"KAS INVITE queue=queue-{handoff['queue']} handoff={handoff['handoff_id']}" in log
    agent.hangup()


def test_a_rejected_transfer_returns_the_caller_to_the_bot_with_a_callback_offer(sip_stack, caller):
    agent = sip_stack.agent
    agent.poll()
    mark = len(agent.events)
    drive_to_handoff(caller)
    assert agent.wait_event("CALL_INCOMING", timeout=60, after=mark), "the agent's phone did not ring"
    agent.hangup()  # the agent's phone rejects the call (486 Busy Here)
    events = caller.wait_for(lambda ev: any(e["type"] == "sip_transfer" for e in ev), timeout=60)
    transfer = next(e for e in events if e["type"] == "sip_transfer")
    assert transfer["transferred"] is False and transfer["sip_code"] and transfer["sip_code"] >= 400

    # Still connected to the bot: it apologises and offers a callback, and the caller hears it.
    events = caller.wait_for(lambda ev: any(e["type"] == "dialogue_state" and e.get("state") == "callback_offer"
                                            for e in ev), timeout=30)
    failed_t = transfer["t"]
    assert any(e["type"] == "bot_utterance" and "nie udało się połączyć" in e["text"] for e in events)
    events = caller.wait_for(lambda ev: any(e["type"] == "bot_stopped_speaking" and e["t"] > failed_t for e in ev),
                             timeout=60)
    assert not any(e["type"] == "call_ended" for e in events)
    heard, rate = caller.phone.heard()
    started_t = events[0]["t"]
    assert speech_seconds(heard[int((failed_t - started_t) * rate):], rate) > 1.0

    # Yes to the callback: it is queued, and the bot says goodbye.
    caller.say("Tak, proszę.")
    events = caller.wait_for(lambda ev: ev[-1]["type"] == "call_ended", timeout=90)
    callbacks = [e for e in events if e["type"] == "handoff" and e["callback"]]
    assert callbacks and callbacks[0]["status"] == "queued"
    assert events[-1]["reason"] == "bot ended the call"
    # One card for the agents: the failed transfer's card left the queue, the callback's waits.
    first = next(e for e in events if e["type"] == "handoff" and not e["callback"])
    assert asyncio.run(handoff_status(sip_stack, first["handoff_id"])) == "withdrawn"
    assert asyncio.run(handoff_status(sip_stack, callbacks[0]["handoff_id"])) == "waiting"


async def handoff_status(sip_stack: SipStack, handoff_id: str) -> str | None:
    queue = HandoffQueue(sip_stack.bot.redis.url)
    try:
        info = await queue.info(handoff_id)
        return info.status if info else None
    finally:
        await queue.aclose()
