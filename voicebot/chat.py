"""The text channel: the same dialogue engine over HTTP, for chat and for fast tests.

``POST /chat/sessions`` opens a conversation and returns the bot's first messages;
``POST /chat/sessions/{id}/messages`` with ``{"text": ...}`` or ``{"dtmf": "..."}`` returns the bot's
answer, the dialogue state, whether the conversation ended, and the handoff (queue + context) if
one happened. Each session writes a call record like a phone call (channel ``text``). Keys typed on
the keypad are counted, never stored, and what a caller types while entering a telePIN is recorded
as a placeholder.

The session id names the conversation (URLs, the record's file name); what lets a client continue
it is the ``session_token`` returned once by ``POST /chat/sessions`` and sent as ``Authorization:
Bearer`` — never in a URL, so never in an access log. Open chats are bounded in total and per
client address (the peer address: proxy headers are believed only from configured proxies).
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field, field_validator, model_validator

from contracts.handoff import HandoffContext
from dialogue import actions as A
from integrations.handoff import metrics
from integrations.handoff.redaction import redact_caller_text, redact_transcript
from dialogue import events as E
from dialogue.speech import written_form
from integrations.phone import MAX_RAW, e164
from voicebot.call_record import REDACTED_TURN, CallRecord, dialogue_state_fields, is_secret_state, transcript_fields
from voicebot.text_input import visible_text

KEYPAD = set("0123456789*#")
MAX_TEXT = 1000
SESSION_IDLE_S = 900.0  # a chat left alone this long is closed


class ChatMessageIn(BaseModel):
    text: str | None = Field(default=None, max_length=MAX_TEXT)
    dtmf: str | None = Field(default=None, max_length=32)

    def __repr__(self) -> str:  # the text may hold a PIN typed in the wrong place
        return "ChatMessageIn(***)"

    @field_validator("text")
    @classmethod
    def _visible(cls, text: str | None) -> str | None:
        return visible_text(text) if text is not None else None

    @model_validator(mode="after")
    def _exactly_one(self) -> "ChatMessageIn":
        if (self.text is None) == (self.dtmf is None):
            raise ValueError("send either text or dtmf")
        if self.dtmf is not None and (not self.dtmf or set(self.dtmf) - KEYPAD):
            raise ValueError("dtmf may contain only 0-9, * and #")
        return self


class ChatStartIn(BaseModel):
    # Any spelling a front end has (E.164, national, tel:, SIP URI); kept as E.164 or not at all.
    caller_number: str | None = Field(default=None, max_length=MAX_RAW)


class ChatReply(BaseModel):
    session_id: str
    messages: list[str]
    state: str
    ended: bool
    handoff: dict | None = None
    # Only in the answer to POST /chat/sessions: the credential for the rest of the conversation.
    session_token: str | None = None


@dataclass
class ChatSession:
    session_id: str
    record: CallRecord
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    client: str = "unknown"
    state: Any = None
    ended: bool = False
    keys: int = 0
    # Who the identity service rate-limits: a chat has no phone line, so its client address.
    rate_limit_key: str | None = None
    # What was said, for the caller's download: secrets are removed when it is served.
    history: list[dict] = field(default_factory=list)
    last_seen: float = field(default_factory=time.monotonic)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class ChatService:
    def __init__(self, services: Any) -> None:
        self.services = services
        self.sessions: dict[str, ChatSession] = {}
        settings = services.settings
        self.max_sessions = int(getattr(settings, "max_chats", 2000))
        self.max_per_client = int(getattr(settings, "max_chats_per_client", 20))

    def open_sessions(self, client: str | None = None) -> int:
        return sum(1 for s in self.sessions.values() if not s.ended and (client is None or s.client == client))

    async def start(self, caller_number: str | None, client_host: str | None = None) -> ChatReply:
        self._expire()
        client = client_host or "unknown"
        if self.open_sessions(client) >= self.max_per_client:
            raise HTTPException(429, "Z tego adresu otwarto już zbyt wiele rozmów. Zakończ jedną z nich "
                                     "albo spróbuj ponownie za kilka minut.", headers={"Retry-After": "60"})
        if len(self.sessions) >= self.max_sessions:
            self._expire(all_ended=True)
            if len(self.sessions) >= self.max_sessions:
                raise HTTPException(503, "Wszyscy nasi asystenci są teraz zajęci. Spróbuj ponownie za kilka minut.",
                                    headers={"Retry-After": "60"})
        session_id = uuid.uuid4().hex
        record = CallRecord(self.services.settings.calls_dir, f"chat-{session_id}")
        record.emit("call_started", channel="text", protocol="chat")
        # Hashed: an IPv6 address would not fit the contract's 32 characters, and needn't travel.
        host_key = hashlib.sha256(client.encode()).hexdigest()[:16]
        session = ChatSession(session_id, record, client=client, rate_limit_key=f"chat:{host_key}")
        self.sessions[session_id] = session
        metrics.record_call("text")
        reply = await self._step(session, [E.CallStarted(channel="text", caller_number=e164(caller_number))])
        return reply.model_copy(update={"session_token": session.token})

    def session(self, session_id: str, token: str | None) -> ChatSession:
        """The session this token opens; a wrong token looks exactly like an unknown session."""
        session = self.sessions.get(session_id)
        if session is None or not token or not secrets.compare_digest(session.token.encode(), token.encode()):
            raise HTTPException(404, "Nie ma takiej rozmowy.")
        return session

    async def message(self, session_id: str, message: ChatMessageIn, token: str | None = None) -> ChatReply:
        session = self.session(session_id, token)
        async with session.lock:
            if session.ended:
                raise HTTPException(409, "Ta rozmowa została zakończona.")
            session.last_seen = time.monotonic()
            if message.dtmf is not None:
                session.keys += len(message.dtmf)
                session.record.emit("keypress", count=session.keys)
                events = [E.KeyPress(key=k) for k in message.dtmf]
                session.history.append({"role": "caller", "keys": len(message.dtmf)})
            else:
                text = message.text.strip()
                if is_secret_state(getattr(session.state, "name", None)):
                    session.record.emit("transcript", text=REDACTED_TURN, redacted=True)
                    session.history.append({"role": "caller", "text": REDACTED_TURN})
                else:
                    session.record.emit("transcript", **transcript_fields(text))
                    session.history.append({"role": "caller", "text": text})
                events = [E.Transcript(text=text)]
            return await self._step(session, events)

    async def _step(self, session: ChatSession, events: list) -> ChatReply:
        engine, executor = self.services.engine, self.services.executor
        said: list[str] = []
        handoff: dict | None = None
        pending = list(events)
        while pending:
            event = pending.pop(0)
            if isinstance(event, E.CallStarted):
                session.state, actions = engine.start(event)
            else:
                session.state, actions = engine.handle(session.state, event)
            session.record.emit("dialogue_state",
                                **dialogue_state_fields(session.state, type(event).__name__, self.services.record_key))
            for action in actions:
                if isinstance(action, A.Say):
                    session.record.emit("bot_utterance", text=action.record_text, sensitive=action.sensitive)
                    text = written_form(action.text)  # prompts are written for the ear
                    said.append(text)
                    session.history.append({"role": "bot", "text": text, "sensitive": action.sensitive})
                elif isinstance(action, A.HandOff):
                    outcome = await executor.hand_off(action, call_id=session.record.call_id, channel="text")
                    session.record.emit("handoff", queue=action.queue, reason=action.reason, callback=action.callback,
                                        handoff_id=outcome.get("handoff_id"), status=outcome.get("status"))
                    handoff = {**{k: outcome.get(k) for k in ("handoff_id", "status", "queue", "caller_token",
                                                              "callback")},
                               "reason": action.reason, "context": caller_view(action.context)}
                    pending.append(executor.handoff_result(action, outcome))
                elif isinstance(action, A.EndCall):
                    session.record.emit("end_call", reason=action.reason)
                    session.ended = True
                elif isinstance(action, (A.Listen, A.CollectKeys)):
                    continue  # a chat waits for the next message; no timers
                else:
                    session.record.emit("backend_request", action=type(action).__name__)
                    result = await executor.execute(action, caller_number=session.rate_limit_key)
                    session.record.emit("backend_result", action=type(action).__name__, ok=result.error is None)
                    pending.append(result)
        if session.ended:
            ended_by = session.record.last.get("end_call", {}).get("reason")
            self._close(session, "handed off" if ended_by == "handed_off" else "bot ended the call")
        return ChatReply(session_id=session.session_id, messages=said, state=session.state.name,
                         ended=session.ended, handoff=handoff)

    def history(self, session_id: str, token: str | None = None) -> list[dict]:
        """The conversation as the caller may download it: no telePIN, no key digits, no PESEL.

        The bot's answers keep their amounts (they are the caller's own), but a PESEL read back in
        words ("osiem dwa, zero jeden…") is hidden like a number the caller said.
        """
        session = self.session(session_id, token)
        turns = []
        for turn in session.history:
            if turn.get("sensitive"):
                turn = {"role": "bot", "text": redact_caller_text(turn["text"], (), "public")}
            turns.append(turn)
        return redact_transcript(turns, (), "public")

    def _close(self, session: ChatSession, reason: str) -> None:
        # The session stays (ended) until it expires, so a late message gets "ended", not "unknown".
        session.ended = True
        session.record.close(reason=reason, dropped={})

    def _expire(self, *, all_ended: bool = False) -> None:
        """Idle chats are closed; an ended one is kept a while (a late message hears "ended")."""
        now = time.monotonic()
        for session in [s for s in self.sessions.values()
                        if now - s.last_seen > SESSION_IDLE_S or (all_ended and s.ended)]:
            self._close(session, "idle")
            del self.sessions[session.session_id]


def caller_view(context: HandoffContext) -> dict:
    """The handoff context as the caller's page may see it: the conversation redacted like their
    download (no number of five or more digits, no amount, however it was written)."""
    turns = [{"role": "caller" if t.who == "caller" else "bot", "text": t.text} for t in context.transcript]
    shown = [{"who": t["role"], "text": t["text"]} for t in redact_transcript(turns, (), "public")]
    return {**asdict(context), "transcript": shown}


router = APIRouter(prefix="/chat")


def _chat(request: Request) -> ChatService:
    app = request.app
    if getattr(app.state, "chat", None) is None:
        app.state.chat = ChatService(app.state.services)
    return app.state.chat


@router.post("/sessions", response_model=ChatReply)
async def start_chat(request: Request, body: ChatStartIn | None = None) -> ChatReply:
    client = request.client.host if request.client else None
    return await _chat(request).start(body.caller_number if body else None, client)


def _bearer(request: Request) -> str | None:
    authorization = request.headers.get("authorization", "")
    return authorization.removeprefix("Bearer ").strip() if authorization.startswith("Bearer ") else None


@router.post("/sessions/{session_id}/messages", response_model=ChatReply)
async def chat_message(session_id: str, message: ChatMessageIn, request: Request) -> ChatReply:
    return await _chat(request).message(session_id, message, _bearer(request))


@router.get("/sessions/{session_id}/history")
async def chat_history(session_id: str, request: Request, format: str = "json"):
    turns = _chat(request).history(session_id, _bearer(request))
    if format == "text":
        who = {"caller": "Ty", "bot": "Infolinia KAS"}
        body = "\n".join(f"{who.get(t['role'], t['role'])}: {t['text']}" for t in turns)
        return PlainTextResponse(body + "\n", headers={
            "Content-Disposition": f'attachment; filename="rozmowa-{session_id[:8]}.txt"'})
    return {"session_id": session_id, "turns": turns}
