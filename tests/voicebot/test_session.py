"""The session driver with the real dialogue engine, the real back-end client and the real KAS
sandbox: what it records (auth_result, redaction of secret input, key counts), and why it ended.

The line is the smallest ``Channel`` there is: it keeps what the bot said and runs each back-end
look-up before the next event (as chat does)."""

from __future__ import annotations

import pytest

from dialogue import actions as A
from dialogue import events as E
from dialogue.engine import DialogueEngine
from dialogue.keyword_nlu import KeywordNlu
from integrations.backend import KasBackend
from voicebot.action_executor import ActionExecutor
from voicebot.call_record import REDACTED_TURN, CallRecord, read_call_record
from voicebot.session import BOT_ENDED, Session


class Line:
    def __init__(self) -> None:
        self.said: list[str] = []
        self.ended: str | None = None

    async def say(self, text: str, *, sensitive: bool) -> None:
        self.said.append(text)

    async def expect_input(self, action) -> None:
        pass

    async def handed_off(self, action, outcome: dict) -> dict:
        return outcome

    async def end(self, action) -> None:
        self.ended = action.reason

    async def run_backend(self, call) -> None:
        await call


async def tell(session: Session, *events) -> None:
    for event in events:
        await session.put(event)
    await session.settle()


async def hear(session: Session, text: str) -> None:
    """The caller said ``text``: recorded as the adapters do, then handed to the engine."""
    session.record_transcript(text)
    await tell(session, E.Transcript(text=text))


async def press(session: Session, digits: str) -> None:
    """Keys pressed: counted as the adapters do, then handed to the engine."""
    session.record_keys(len(digits))
    await tell(session, *(E.KeyPress(key=k) for k in digits))


@pytest.fixture
async def open_session(tmp_path):
    backends: list[KasBackend] = []

    def open_(url: str, token: str, engine=None) -> Session:
        backend = KasBackend(url, token, timeout_s=5.0)
        backends.append(backend)
        record = CallRecord(tmp_path / "calls", f"session-{len(backends)}")
        return Session(engine=engine or DialogueEngine(KeywordNlu()), executor=ActionExecutor(backend),
                       record=record, channel=Line(), channel_name="text", line_key=f"test:{len(backends)}",
                       record_key=b"k")

    yield open_
    for backend in backends:
        await backend.aclose()


async def identify(session: Session, pesel: str) -> None:
    await tell(session, session.call_started())
    await hear(session, "chcę sprawdzić saldo")
    await hear(session, pesel)
    if session.state.name == "pesel_confirm":
        await hear(session, "tak")
    assert session.state.name == "telepin", session.channel.said


async def test_verified_caller_leaves_an_auth_result_and_no_secret(sandbox_server, open_session):
    person = sandbox_server.seed.person("pit_refund")
    session = open_session(sandbox_server.url, sandbox_server.token)
    await identify(session, person.pesel)
    assert session.secret_input  # the engine asked for the telePIN
    # A caller who reads the PIN aloud: the engine hears it, the record gets a placeholder.
    await hear(session, " ".join(person.telepin.pin))
    await press(session, person.telepin.pin + "#")
    await hear(session, "dziękuję, to wszystko, do widzenia")

    events = read_call_record(session.record.path)
    auth = [e for e in events if e["type"] == "auth_result"]
    assert [(a["outcome"], a["method"], a["attempts"]) for a in auth] == [("verified", "voice", 1)]
    redacted = [e for e in events if e["type"] == "transcript" and e.get("redacted")]
    assert [e["text"] for e in redacted] == [REDACTED_TURN]
    text = "\n".join(str(e) for e in events)
    assert person.telepin.pin not in text and " ".join(person.telepin.pin) not in text
    assert person.pesel not in text
    assert session.ended and session.end_reason == BOT_ENDED and session.channel.ended == "caller_goodbye"


async def test_wrong_pin_then_right_pin_counts_attempts(make_sandbox, open_session):
    sandbox = make_sandbox()
    person = sandbox.seed.person("lockout_drill")
    wrong = "000000" if person.telepin.pin != "000000" else "111111"
    session = open_session(sandbox.url, sandbox.token)
    await identify(session, person.pesel)
    await press(session, wrong + "#")
    assert session.state.name == "telepin"
    await press(session, person.telepin.pin + "#")

    auth = [e for e in read_call_record(session.record.path) if e["type"] == "auth_result"]
    assert [(a["outcome"], a["attempts"]) for a in auth] == [("failed", 1), ("verified", 2)]


async def test_back_end_down_is_an_error_outcome(open_session, sandbox_server):
    person = sandbox_server.seed.person("pit_refund")
    # Port 9 (discard) has no listener here: the connection is refused, as with a dead back end.
    session = open_session("http://127.0.0.1:9", sandbox_server.token)
    await identify(session, person.pesel)
    await press(session, person.telepin.pin + "#")

    events = read_call_record(session.record.path)
    assert [e["outcome"] for e in events if e["type"] == "auth_result"] == ["error"]
    assert [e["ok"] for e in events if e["type"] == "backend_result"] == [False]


async def test_giving_up_on_the_pesel_is_an_identification_failure(open_session, sandbox_server):
    session = open_session(sandbox_server.url, sandbox_server.token)
    await tell(session, session.call_started(), E.Transcript(text="chcę sprawdzić saldo"))
    for _ in range(10):
        if session.state.name != "pesel":
            break
        await tell(session, E.Transcript(text="nie pamiętam"))
    assert session.state.name == "pesel_keys"
    for _ in range(10):
        if session.state.name != "pesel_keys":
            break
        await press(session, "12345678901")
    assert session.state.name == "offer_agent"

    events = read_call_record(session.record.path)
    auth = [e for e in events if e["type"] == "auth_result"]
    assert [(a["outcome"], a["method"], a["attempts"]) for a in auth] == [("identification_failed", "keypad", 0)]
    # Keys are counted, never written.
    assert [e["count"] for e in events if e["type"] == "keypress"][-1] == session.keys_pressed
    assert "12345678901" not in "\n".join(str(e) for e in events)


class ScriptedEngine:
    """Asks for input with the secret flag the test chooses (the contract the state engine keeps)."""

    def __init__(self, *asks) -> None:
        self.asks = list(asks)

    def start(self, event):
        return "start", [A.Say("Dzień dobry."), self.asks.pop(0)]

    def handle(self, state, event):
        return state, [self.asks.pop(0)] if self.asks else []


async def test_input_is_hidden_exactly_while_the_engine_asked_for_a_secret(tmp_path):
    engine = ScriptedEngine(A.Listen(secret=True), A.Listen(), A.CollectKeys("code", 4, secret=True), A.Listen())
    record = CallRecord(tmp_path, "scripted")
    session = Session(engine=engine, executor=None, record=record, channel=Line(), channel_name="text")
    await tell(session, session.call_started())
    said = ["jeden dwa trzy", "saldo proszę", "cztery pięć", "dziękuję"]
    for text in said:
        await hear(session, text)
    written = [e["text"] for e in read_call_record(record.path) if e["type"] == "transcript"]
    assert written == [REDACTED_TURN, "saldo proszę", REDACTED_TURN, "dziękuję"]
