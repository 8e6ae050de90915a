"""Issue 10, finding 3: redaction judged a number by one way of writing it. A PESEL read in pairs and
hundreds was accepted by the bot and kept word for word in the call record; a telePIN written
without diacritics or as "4.8.2.9.1.3" stayed in the record, the agent card, the bridge chat and the
caller's download. Checked with the secrecy scanner's matcher (every spelling, independent words)."""

from __future__ import annotations

import asyncio
import json

import httpx
from num2words import num2words
from websockets.asyncio.client import connect

from tests.hardening.helpers import Chat, agent_headers, authenticate, caller_bridge, next_message
from tests.secrecy.matcher import Matcher, fold
from tests.secrecy.known import known_secrets

MATCHER = Matcher(known_secrets())


def kinds_in(text: str) -> set[str]:
    return {hit.kind for hit in MATCHER.scan(text)}


def in_pairs_and_hundreds(digits: str, sizes=(2, 2, 2, 3, 2)) -> str:
    """ "osiemdziesiąt pięć, zero trzy, czternaście, sto dwadzieścia trzy, czterdzieści siedem" """
    parts, at = [], 0
    for size in sizes:
        part = digits[at:at + size]
        at += size
        rest = part.lstrip("0")
        parts.append(" ".join(["zero"] * (len(part) - len(rest)) + ([num2words(int(rest), lang="pl")] if rest else [])))
    return ", ".join(parts)


async def test_no_spelling_of_a_pin_or_pesel_survives_anywhere(bot_stack):
    person = bot_stack.sandbox.seed.person("pit_refund")
    pin = person.telepin.pin
    pin_words_plain = fold(" ".join(num2words(int(d), lang="pl") for d in pin))  # "dziewiec", no diacritics
    pin_dotted = ".".join(pin)

    chat = Chat(bot_stack)
    chat.send(text="chcę sprawdzić saldo")
    reply = authenticate(chat, in_pairs_and_hundreds(person.pesel), pin)
    assert "potwierdzon" in " ".join(reply["messages"]), "the PESEL said in pairs and hundreds was taken"
    chat.send(text=f"mój telePIN to {pin_words_plain}")
    chat.send(text=f"albo zapisany tak: {pin_dotted}")
    handoff = chat.send(text="poproszę z konsultantem")["handoff"]
    assert handoff and handoff["status"] == "queued"

    caller = await caller_bridge(bot_stack, handoff["handoff_id"], handoff["caller_token"])
    await next_message(caller, "peer")
    for text in (f"pin: {pin_words_plain}", pin_dotted, "-".join(pin), f"PESEL {in_pairs_and_hundreds(person.pesel)}"):
        await caller.send(json.dumps({"type": "chat", "text": text}))

    agent = agent_headers(bot_stack, "agent2")
    claim = httpx.post(f"{bot_stack.url}/console/api/handoffs/{handoff['handoff_id']}/claim", headers=agent, timeout=10)
    assert claim.status_code == 200
    relayed = []
    ws_url = bot_stack.url.replace("http://", "ws://")
    async with connect(ws_url + f"/console/bridge/{handoff['handoff_id']}/agent", additional_headers=agent) as agent_ws:
        for _ in range(4):
            relayed.append((await next_message(agent_ws, "chat"))["text"])
    await caller.close()
    card = httpx.get(f"{bot_stack.url}/console/api/handoffs/{handoff['handoff_id']}/card", headers=agent,
                     timeout=10).text
    download = httpx.get(f"{bot_stack.url}/console/handoffs/{handoff['handoff_id']}/transcript",
                         params={"format": "text"}, headers={"Authorization": f"Bearer {handoff['caller_token']}"},
                         timeout=10).text
    await asyncio.sleep(0.3)
    record = chat.record_text()

    # The agent is entitled to the verified PESEL; nobody to the telePIN, in any spelling.
    assert "telepin" not in kinds_in(card)
    assert "telepin" not in kinds_in("\n".join(relayed))
    assert len(relayed) == 4 and "[cyfry ukryte]" in relayed[0]
    # The caller's download: amounts the bot told them, no telePIN and no full PESEL.
    assert kinds_in(download) <= {"amount", "nip"}
    # The call record (read by QA): none of them.
    assert kinds_in(record) == set()
