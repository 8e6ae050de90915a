"""A call driven by text: feeds events to the engine and keeps every action it returned."""

from __future__ import annotations

from datetime import date

from dialogue.actions import Say
from dialogue.engine import DialogueEngine, EngineConfig
from dialogue.events import (BackendResult, BargeIn, CallStarted, HangUp, KeyPress, SilenceTimeout,
                             Transcript)
from dialogue.keyword_nlu import KeywordNlu
from tests.dialogue.spoken import say_digits

TODAY = date(2026, 6, 1)


class Call:
    def __init__(self, channel: str = "voice", engine: DialogueEngine | None = None) -> None:
        self.engine = engine or DialogueEngine(KeywordNlu(), EngineConfig(today=TODAY))
        self.events: list = []
        self.state, self.last = self.engine.start(CallStarted(channel, "+48500100200"))
        self.actions: list = list(self.last)

    def send(self, event) -> list:
        self.events.append(event)
        self.state, self.last = self.engine.handle(self.state, event)
        self.actions.extend(self.last)
        return self.last

    def say(self, text: str, alternatives: tuple[str, ...] = ()) -> list:
        return self.send(Transcript(text, alternatives))

    def keys(self, keys: str) -> list:
        out: list = []
        for key in keys:
            out = self.send(KeyPress(key))
        return out

    def silence(self) -> list:
        return self.send(SilenceTimeout())

    def barge_in(self) -> list:
        return self.send(BargeIn())

    def hang_up(self) -> list:
        return self.send(HangUp())

    def reply(self, value=None, error=None) -> list:
        assert self.state.pending is not None, "no request is waiting"
        return self.send(BackendResult(self.state.pending.request_id, value, error))

    def said(self) -> str:
        """Everything the last step said, as one text."""
        return " ".join(a.text for a in self.last if isinstance(a, Say))

    def of(self, kind) -> list:
        return [a for a in self.last if isinstance(a, kind)]

    def all_of(self, kind) -> list:
        return [a for a in self.actions if isinstance(a, kind)]

    # Common stretches of a call.
    def to_telepin(self, pesel: str, matter: str = "saldo") -> None:
        """A matter that needs identity, the PESEL spoken and confirmed: the bot now asks for the telePIN."""
        self.say(matter)
        assert self.state.name == "pesel"
        self.say(say_digits(pesel))
        assert self.state.name == "pesel_confirm"
        self.say("tak")
        assert self.state.name == "telepin"

    def authenticate(self, pesel: str, pin: str = "123456", matter: str = "jakie mam saldo w PIT") -> None:
        self.to_telepin(pesel, matter)
        self.keys(pin + "#")
        assert self.state.name == "verifying"

    def verified(self, pesel: str, principals: list | None = None, **kw) -> None:
        self.authenticate(pesel, **kw)
        self.reply({"result": "verified"})
        assert self.state.name == "principals_wait"
        self.reply({"principals": principals or []})
