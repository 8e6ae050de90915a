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

Several workers: a chat stays with the worker that opened it (its dialogue state never leaves that
worker's memory); Redis says which worker that is and counts a client's open chats over all workers
(``voicebot.cluster.chat_directory``), and a request reaching another worker is relayed to the
holder (``voicebot.cluster.chat_relay``). A chat whose worker died answers 409, like an ended one.
"""

from __future__ import annotations

import asyncio
import contextlib
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
from dialogue import events as E
from dialogue.speech import written_form
from integrations.handoff import metrics
from integrations.handoff.redaction import redact_caller_text, redact_transcript
from integrations.phone import MAX_RAW, e164
from voicebot.call_record import REDACTED_TURN, CallRecord
from voicebot.cluster import keys
from voicebot.cluster.chat_directory import ChatDirectory
from voicebot.cluster.chat_relay import ChatRelay, RelayedAnswer, RelayedRequest
from voicebot.cluster.redis_client import REDIS_DOWN
from voicebot.session import Session
from voicebot.text_input import visible_text

KEYPAD = set("0123456789*#")
MAX_TEXT = 1000
SESSION_IDLE_S = 900.0  # a chat left alone this long is closed
INTERRUPTED = "Ta rozmowa została przerwana z powodu awarii. Rozpocznij nową rozmowę."


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


class ChatChoice(BaseModel):
    """An answer the page shows as a button: its label, and what it sends (``keys``: as ``dtmf``)."""

    label: str
    reply: str
    keys: bool = False


class ChatReply(BaseModel):
    session_id: str
    messages: list[str]
    state: str
    ended: bool
    handoff: dict | None = None
    # Answers the bot offers as buttons (the survey's ratings, yes/no); typing works as well.
    choices: list[ChatChoice] = []
    # Only in the answer to POST /chat/sessions: the credential for the rest of the conversation.
    session_token: str | None = None


@dataclass
class ChatSession:
    """One chat: its ``Session`` (the conversation) and what HTTP needs around it."""

    session_id: str
    record: CallRecord
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    client: str = "unknown"
    # Who the identity service rate-limits: a chat has no phone line, so its client address.
    rate_limit_key: str | None = None
    # What was said, for the caller's download: secrets are removed when it is served.
    history: list[dict] = field(default_factory=list)
    last_seen: float = field(default_factory=time.monotonic)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    dialogue: Session | None = field(default=None, repr=False)
    # What the current reply collects (the session's ``Channel`` below fills them).
    said: list[str] = field(default_factory=list, repr=False)
    handoff: dict | None = None
    choices: list[ChatChoice] = field(default_factory=list, repr=False)
    closed: bool = False  # the record is closed; the session is kept until it expires
    # The agent's conversation after a handoff (id and queue), for the survey once they finish it.
    handed_off_to: tuple[str, str] | None = None
    survey_opened: bool = False

    @property
    def state(self) -> Any:
        return self.dialogue.state if self.dialogue else None

    @property
    def ended(self) -> bool:
        return self.closed or bool(self.dialogue and self.dialogue.ended)

    # ---- the session's Channel: a chat collects the reply, it has no timers ----------------------

    async def say(self, text: str, *, sensitive: bool) -> None:
        text = written_form(text)  # prompts are written for the ear
        self.said.append(text)
        self.history.append({"role": "bot", "text": text, "sensitive": sensitive})

    async def expect_input(self, action: A.Listen | A.CollectKeys) -> None:
        # A chat waits for the next message; what the bot offers as answers becomes buttons.
        choices = getattr(action, "choices", ())
        self.choices = [ChatChoice(label=c.label, reply=c.reply, keys=c.keys) for c in choices]

    async def handed_off(self, action: A.HandOff, outcome: dict) -> dict:
        self.handoff = {**{k: outcome.get(k) for k in ("handoff_id", "status", "queue", "caller_token", "callback")},
                        "reason": action.reason, "context": caller_view(action.context)}
        if outcome.get("handoff_id") and not action.callback and outcome.get("status") in ("queued", "outboxed"):
            self.handed_off_to = (outcome["handoff_id"], outcome.get("queue") or action.queue)
        return outcome

    async def end(self, action: A.EndCall) -> None:
        pass  # the reply says ``ended``; the record is closed once the reply is made

    async def run_backend(self, call) -> None:
        await call  # the answer is part of this reply


class ChatService:
    def __init__(self, services: Any, directory: ChatDirectory | None = None) -> None:
        self.services = services
        self.sessions: dict[str, ChatSession] = {}
        # With several workers: where each chat is held, and the relay to the holder.
        self.directory = directory
        self.relay: ChatRelay | None = None
        settings = services.settings
        self.max_sessions = int(getattr(settings, "max_chats", 2000))
        self.max_per_client = int(getattr(settings, "max_chats_per_client", 20))

    def open_sessions(self, client: str | None = None) -> int:
        return sum(1 for s in self.sessions.values() if not s.ended and (client is None or s.client == client))

    async def _open_chats(self, client: str) -> int:
        if self.directory is not None:
            try:
                return await self.directory.open_chats(client)
            except REDIS_DOWN:
                pass  # this worker's own count still bounds the client
        return self.open_sessions(client)

    async def start(self, caller_number: str | None, client_host: str | None = None) -> ChatReply:
        await self._expire()
        client = client_host or "unknown"
        if await self._open_chats(client) >= self.max_per_client:
            raise HTTPException(429, "Z tego adresu otwarto już zbyt wiele rozmów. Zakończ jedną z nich "
                                     "albo spróbuj ponownie za kilka minut.", headers={"Retry-After": "60"})
        if len(self.sessions) >= self.max_sessions:
            await self._expire(all_ended=True)
            if len(self.sessions) >= self.max_sessions:
                raise HTTPException(503, "Wszyscy nasi asystenci są teraz zajęci. Spróbuj ponownie za kilka minut.",
                                    headers={"Retry-After": "60"})
        session_id = uuid.uuid4().hex
        record = CallRecord(self.services.settings.calls_dir, f"chat-{session_id}")
        record.emit("call_started", channel="text", protocol="chat")
        # Hashed: an IPv6 address would not fit the contract's 32 characters, and needn't travel.
        host_key = hashlib.sha256(client.encode()).hexdigest()[:16]
        session = ChatSession(session_id, record, client=client, rate_limit_key=f"chat:{host_key}")
        session.dialogue = Session(engine=self.services.engine, executor=self.services.executor, record=record,
                                   channel=session, channel_name="text", caller_number=e164(caller_number),
                                   line_key=session.rate_limit_key, record_key=self.services.record_key)
        self.sessions[session_id] = session
        if self.directory is not None:
            try:
                await self.directory.opened(session_id, client, session.token)
            except REDIS_DOWN:
                pass  # served by this worker only (a request through another one hears "unknown")
        metrics.record_call("text")
        reply = await self._step(session, [session.dialogue.call_started()])
        return reply.model_copy(update={"session_token": session.token})

    def session(self, session_id: str, token: str | None) -> ChatSession:
        """The session this token opens; a wrong token looks exactly like an unknown session."""
        session = self.sessions.get(session_id)
        if session is None or not token or not secrets.compare_digest(session.token.encode(), token.encode()):
            raise HTTPException(404, "Nie ma takiej rozmowy.")
        return session

    async def _relayed(self, request: RelayedRequest) -> RelayedAnswer | None:
        """Ask the worker holding the chat; None when no worker holds it (unknown here too)."""
        if self.directory is None or self.relay is None:
            return None
        try:
            worker, alive, token_digest = await self.directory.holder(request.session_id)
        except REDIS_DOWN:
            return None
        if worker is None or worker == self.relay.worker_id:
            return None
        answer = await self.relay.ask(worker, request) if alive else None
        if answer is None:
            # Only the chat's own caller learns that it was cut off; anyone else, that it is unknown.
            if not request.token or not token_digest or not secrets.compare_digest(
                    keys.digest(request.token), token_digest):
                return None
            raise HTTPException(409, INTERRUPTED)
        if answer.status >= 400:
            raise HTTPException(answer.status, answer.body.get("detail"), headers=answer.headers or None)
        return answer

    async def answer_relayed(self, request: RelayedRequest) -> RelayedAnswer:
        """A request another worker received for a chat held here."""
        try:
            if request.op == "message":
                reply = await self.message(request.session_id, ChatMessageIn(**(request.body or {})),
                                           request.token, relayed=True)
                return RelayedAnswer(200, reply.model_dump())
            if request.op == "history":
                return RelayedAnswer(200, self.history(request.session_id, request.token))
            return RelayedAnswer(400, {"detail": "Nieznane żądanie."})
        except HTTPException as exc:
            return RelayedAnswer(exc.status_code, {"detail": exc.detail}, dict(exc.headers or {}))

    async def message(self, session_id: str, message: ChatMessageIn, token: str | None = None, *,
                      relayed: bool = False) -> ChatReply:
        if session_id not in self.sessions and not relayed:
            answer = await self._relayed(RelayedRequest("message", session_id, token, message.model_dump()))
            if answer is not None:
                return ChatReply(**answer.body)
        session = self.session(session_id, token)
        async with session.lock:
            if session.ended:
                raise HTTPException(409, "Ta rozmowa została zakończona.")
            session.last_seen = time.monotonic()
            if self.directory is not None:
                with contextlib.suppress(*REDIS_DOWN):
                    await self.directory.touched(session_id)
            if message.dtmf is not None:
                session.dialogue.record_keys(len(message.dtmf))
                events = [E.KeyPress(key=k) for k in message.dtmf]
                session.history.append({"role": "caller", "keys": len(message.dtmf)})
            else:
                text = message.text.strip()
                # The caller's download keeps their words (redacted when served), but never what
                # they typed while the bot asked for a secret.
                secret = session.dialogue.secret_input
                session.dialogue.record_transcript(text)
                session.history.append({"role": "caller", "text": REDACTED_TURN if secret else text})
                events = [E.Transcript(text=text)]
            return await self._step(session, events)

    async def start_survey(self, session_id: str, token: str | None) -> ChatReply:
        """The survey after a handoff: once the agent completed it, the chat's bot comes back with
        the survey offer (a new conversation in the same chat, rating the handed-off one)."""
        session = self.session(session_id, token)
        async with session.lock:
            if session.handed_off_to is None or session.survey_opened:
                raise HTTPException(409, "Ankieta nie jest dostępna w tej rozmowie.")
            handoff_id, queue = session.handed_off_to
            queue_store = getattr(self.services.executor, "handoff_queue", None)
            info = await queue_store.info(handoff_id) if queue_store is not None else None
            if info is None or info.status != "completed":
                raise HTTPException(409, "Rozmowa z konsultantem jeszcze trwa.")
            session.survey_opened = True
            session.last_seen = time.monotonic()
            rated_call = session.record.call_id
            session.record = CallRecord(self.services.settings.calls_dir, f"{rated_call}-survey")
            session.record.emit("call_started", channel="text", protocol="chat", survey_for=rated_call)
            session.closed = False
            session.dialogue = Session(engine=self.services.engine, executor=self.services.executor,
                                       record=session.record, channel=session, channel_name="text",
                                       line_key=session.rate_limit_key, record_key=self.services.record_key)
            session.dialogue.survey_for = rated_call
            return await self._step(session, [E.SurveyStarted(channel="text", queue=queue)])

    async def _step(self, session: ChatSession, events: list) -> ChatReply:
        session.said, session.handoff, session.choices = [], None, []
        for event in events:
            await session.dialogue.put(event)
        await session.dialogue.settle()
        if session.dialogue.ended:
            await self._close(session, session.dialogue.end_reason)
        return ChatReply(session_id=session.session_id, messages=session.said, state=session.state.name,
                         ended=session.ended, handoff=session.handoff,
                         choices=[] if session.ended else session.choices)

    async def history_anywhere(self, session_id: str, token: str | None = None) -> list[dict]:
        """``history``, from whichever worker holds the chat."""
        if session_id not in self.sessions:
            answer = await self._relayed(RelayedRequest("history", session_id, token))
            if answer is not None:
                return answer.body
        return self.history(session_id, token)

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

    async def _close(self, session: ChatSession, reason: str) -> None:
        # The session stays (ended) until it expires, so a late message gets "ended", not "unknown".
        if not session.closed and self.directory is not None:
            with contextlib.suppress(*REDIS_DOWN):
                await self.directory.ended(session.session_id, session.client)
        session.closed = True
        session.record.close(reason=reason, dropped={})

    async def _expire(self, *, all_ended: bool = False) -> None:
        """Idle chats are closed; an ended one is kept a while (a late message hears "ended")."""
        now = time.monotonic()
        for session in [s for s in self.sessions.values()
                        if now - s.last_seen > SESSION_IDLE_S or (all_ended and s.ended)]:
            await self._close(session, "idle")
            del self.sessions[session.session_id]
            if self.directory is not None:
                with contextlib.suppress(*REDIS_DOWN):
                    await self.directory.forgotten(session.session_id)


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


@router.post("/sessions/{session_id}/survey", response_model=ChatReply)
async def chat_survey(session_id: str, request: Request) -> ChatReply:
    return await _chat(request).start_survey(session_id, _bearer(request))


@router.get("/sessions/{session_id}/history")
async def chat_history(session_id: str, request: Request, format: str = "json"):
    turns = await _chat(request).history_anywhere(session_id, _bearer(request))
    if format == "text":
        who = {"caller": "Ty", "bot": "Infolinia KAS"}
        body = "\n".join(f"{who.get(t['role'], t['role'])}: {t['text']}" for t in turns)
        return PlainTextResponse(body + "\n", headers={
            "Content-Disposition": f'attachment; filename="rozmowa-{session_id[:8]}.txt"'})
    return {"session_id": session_id, "turns": turns}
