"""Plays a suite's call cases to the bot over the Twilio Media Streams protocol, like a phone line.

One case = one call: the caller's turns are streamed as 8 kHz µ-law (in real time, or as fast as the
socket takes them with ``realtime=False``), DTMF is sent at its time, the bot's audio is recorded
with arrival times, and the call's event record is read back. A case that fails is recorded as
such; the others go on. Scoring is done afterwards by ``eval.metrics`` from the ``CallRaw`` kept.
"""

from __future__ import annotations

import asyncio
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from asr.audio import mulaw_decode, mulaw_encode, read_audio_file, resample_pcm16
from eval.record import LiveRecord
from eval.suite import Case, Suite, Turn, fill
from eval.twilio_caller import FRAME_BYTES, FRAME_MS, TwilioCaller
from voicebot.call_record import pesel_digest

SILENCE_FRAME = b"\xff" * FRAME_BYTES  # µ-law silence


class KeyDigits:
    """The digits of a key entry, kept only to score PESEL capture; prints masked."""

    __slots__ = ("_digits",)

    def __init__(self, digits: str) -> None:
        self._digits = digits

    def reveal(self) -> str:
        return self._digits

    def __repr__(self) -> str:
        return f"KeyDigits({len(self._digits)} keys)"

    __str__ = __repr__


@dataclass
class CallerSegment:
    t: float  # when its first frame left
    pcm8k: bytes  # after the µ-law round trip: what the bot received
    turn: int
    sensitive: bool = False


@dataclass
class KeyEntry:
    t: float
    turn: int
    digits: KeyDigits = field(repr=False)
    state: str | None = None  # the dialogue state when the keys were sent


@dataclass
class TurnLog:
    index: int
    kind: str  # audio | keys | silence
    sent: bool
    t_start: float | None = None
    t_end: float | None = None
    state: str | None = None  # the dialogue state when it was sent
    note: str = ""
    not_my_pesel: bool = False  # the caller said the turn's if_not_my_pesel line instead of its own


@dataclass
class CallRaw:
    case_id: str
    stream_sid: str = ""
    t0: float = 0.0
    t_end: float = 0.0
    events: list[dict] = field(default_factory=list)
    bot_audio: list[tuple[float, bytes]] = field(default_factory=list, repr=False)
    caller: list[CallerSegment] = field(default_factory=list, repr=False)
    keys: list[KeyEntry] = field(default_factory=list)
    turns: list[TurnLog] = field(default_factory=list)
    error: str | None = None
    record_path: Path | None = None
    booking: object = None  # eval.booking_check.BookingEvidence: the visit booked, as the systems have it


@dataclass
class RunOptions:
    ws_url: str
    calls_dir: Path | None
    concurrency: int = 1
    realtime: bool = True
    bot_timeout_s: float = 30.0
    quiet_s: float = 0.6  # the bot is done when its audio stopped this long (and the record agrees)
    # The key of the bot's PESEL digests: with it the caller knows whether a read-back is their number.
    record_key: str | None = field(default=None, repr=False)


def held_pesel_is_mine(held_digest: str | None, values: dict[str, str], record_key: str | None) -> bool | None:
    """Whether the PESEL the bot holds (its keyed digest in the record) is the caller's own; None
    when that cannot be told: no key, no PESEL held, or a caller without one."""
    if not held_digest or not record_key or not values.get("pesel"):
        return None
    return hmac.compare_digest(held_digest, pesel_digest(values["pesel"], record_key.encode()))


def _caller_audio(path: Path) -> bytes:
    pcm, rate = read_audio_file(path)
    return mulaw_encode(resample_pcm16(pcm, rate, 8000) if rate != 8000 else pcm)


class CallDriver:
    """Drives one call: the caller's side of the conversation."""

    def __init__(self, case: Case, values: dict[str, str], options: RunOptions,
                 stop: asyncio.Event | None = None) -> None:
        self.case = case
        self.stop = stop or asyncio.Event()
        self.values = values
        self.options = options
        self.caller = TwilioCaller(options.ws_url, caller_number=case.caller_number, realtime=options.realtime)
        self.record = LiveRecord(options.calls_dir, self.caller.stream_sid)
        self.raw = CallRaw(case.id, stream_sid=self.caller.stream_sid)
        self.last_sent = 0.0
        self.last_kind = ""

    @property
    def closed(self) -> bool:
        """The call is over: the bot hung up, or the run was interrupted (Ctrl-C)."""
        return self.caller.trace.closed_at is not None or self.stop.is_set()

    async def _tick(self, seconds: float = 0.1) -> None:
        """A phone line sends silence while nobody speaks, paced in real time in every mode."""
        if not self.closed:
            for _ in range(max(1, int(seconds * 1000 / FRAME_MS) // 1)):
                await self.caller.send_media(SILENCE_FRAME)
        await asyncio.sleep(seconds)

    async def wait_for_bot(self) -> bool:
        """Until the bot spoke since our last send, went quiet, and (from its record) waits for us."""
        deadline = time.monotonic() + self.options.bot_timeout_s
        use_record = self.options.calls_dir is not None
        while time.monotonic() < deadline and not self.closed:
            later = self.caller.trace.bot_audio_after(self.last_sent)
            quiet = bool(later) and time.time() - later[-1].t >= self.options.quiet_s
            if use_record:
                if self.record.bot_waits_for_caller():
                    if quiet:
                        return True
                    # After keys the bot may wait without a word (mid-entry, a stray '#'); after
                    # speech it always answers, once its recogniser and turn detector are done.
                    said = any(e["type"] == "bot_utterance" and e["t"] >= self.last_sent for e in self.record.events())
                    if self.last_kind == "keys" and not later and not said and time.time() - self.last_sent > 3.0:
                        return True
            elif quiet:
                return True
            await self._tick()
        return self.closed

    async def wait_bot_starts(self) -> float | None:
        deadline = time.monotonic() + self.options.bot_timeout_s
        while time.monotonic() < deadline and not self.closed:
            first = self.caller.trace.first_bot_audio_after(self.last_sent)
            if first:
                return first
            await self._tick(0.04)
        return None

    async def play(self, ulaw: bytes, turn: int, sensitive: bool) -> tuple[float, float]:
        start = time.time()
        self.raw.caller.append(CallerSegment(start, mulaw_decode(ulaw), turn, sensitive))
        t0 = time.monotonic()
        for i in range(0, len(ulaw), FRAME_BYTES):
            if self.closed:
                break
            await self.caller.send_media(ulaw[i:i + FRAME_BYTES])
            if self.options.realtime:
                due = t0 + (i // FRAME_BYTES + 1) * FRAME_MS / 1000
                await asyncio.sleep(max(0.0, due - time.monotonic()))
        return start, time.time()

    async def press(self, keys: str, turn: int, gap_s: float, state: str | None) -> tuple[float, float]:
        start = time.time()
        self.raw.keys.append(KeyEntry(start, turn, KeyDigits(keys), state))
        for key in keys:
            await self.caller.send_json({"event": "dtmf", "streamSid": self.caller.stream_sid,
                                         "dtmf": {"track": "inbound_track", "digit": key}})
            await self._tick(gap_s)
        return start, time.time()

    async def run_turn(self, index: int, turn: Turn) -> None:
        kind = "audio" if turn.audio else "keys" if turn.keys is not None else "silence"
        log = TurnLog(index, kind, sent=False)
        self.raw.turns.append(log)
        if turn.barge_in_after_s is not None:
            started = await self.wait_bot_starts()
            if started is None:
                log.note = "bot się nie odezwał: bez wejścia w słowo"
            else:
                while time.time() < started + turn.barge_in_after_s and not self.closed:
                    await self._tick(0.02)
        elif turn.wait:
            if not await self.wait_for_bot():
                log.note = "bot nie skończył mówić na czas"
        if self.closed:
            log.note = "rozmowa już się zakończyła"
            return
        log.state = self.record.state() if self.options.calls_dir else None
        if turn.only_in_state and log.state not in turn.only_in_state:
            log.note = f"pominięta w stanie {log.state}"
            return
        log.sent = True
        if kind == "audio":
            log.t_start, log.t_end = await self.play(_caller_audio(self._line_for(turn, log)), index, turn.sensitive)
        elif kind == "keys":
            log.t_start, log.t_end = await self.press(fill(turn.keys, self.values), index, turn.key_gap_s, log.state)
        else:
            log.t_start = time.time()
            end = time.monotonic() + turn.silence_s
            while time.monotonic() < end and not self.closed:
                await self._tick()
            log.t_end = time.time()
        self.last_sent, self.last_kind = log.t_end, kind

    def _line_for(self, turn: Turn, log: TurnLog) -> Path:
        """The turn's audio, or its ``if_not_my_pesel`` line when the bot holds another number: the
        runner knows it as a caller hearing the read-back would, from the record's keyed digest."""
        if turn.if_not_my_pesel is None:
            return turn.audio
        mine = held_pesel_is_mine(self.record.pesel_digest(), self.values, self.options.record_key)
        if mine is None:
            log.note = "odczytu PESEL nie sprawdzono: w zapisie rozmowy nie ma skrótu numeru albo brak klucza"
        elif not mine:
            log.not_my_pesel = True
            log.note = "bot odczytał inny PESEL: rozmówca zaprzeczył"
            return turn.if_not_my_pesel.audio
        return turn.audio

    async def run_recording(self) -> None:
        rec = self.case.recording
        ulaw = _caller_audio(rec.audio)
        start = time.time()
        self.raw.caller.append(CallerSegment(start, mulaw_decode(ulaw), 0, False))
        self.raw.turns.append(TurnLog(0, "audio", True, start))
        pending = list(rec.dtmf)
        t0 = time.monotonic()
        for i in range(0, len(ulaw), FRAME_BYTES):
            at = i / 8000
            while pending and pending[0].at_s <= at:
                entry = pending.pop(0)
                keys = fill(entry.keys, self.values)
                self.raw.keys.append(KeyEntry(time.time(), 0, KeyDigits(keys), self.record.state()))
                for key in keys:
                    await self.caller.send_json({"event": "dtmf", "streamSid": self.caller.stream_sid,
                                                 "dtmf": {"track": "inbound_track", "digit": key}})
            if self.closed:
                break
            await self.caller.send_media(ulaw[i:i + FRAME_BYTES])
            if self.options.realtime:
                await asyncio.sleep(max(0.0, t0 + (i // FRAME_BYTES + 1) * FRAME_MS / 1000 - time.monotonic()))
        self.raw.turns[0].t_end = self.last_sent = time.time()

    async def run(self) -> CallRaw:
        raw = self.raw
        try:
            raw.t0 = time.time()
            await self.caller.connect()
            if self.case.recording:
                await self.run_recording()
            else:
                for index, turn in enumerate(self.case.turns):
                    await self.run_turn(index, turn)
            await self.wait_for_bot()
            if self.stop.is_set():
                raw.error = "interrupted"
        except asyncio.CancelledError:
            raw.error = "interrupted"
            raise
        except Exception as exc:  # one case failing never stops the run
            raw.error = f"{type(exc).__name__}: {exc}"[:300]
        finally:
            try:
                await asyncio.shield(self._finish())
            except Exception as exc:
                raw.error = raw.error or f"{type(exc).__name__} while hanging up"
        return raw

    async def _finish(self) -> None:
        await self.caller.hang_up()
        self.raw.t_end = time.time()
        self.raw.bot_audio = [(a.t, a.ulaw) for a in self.caller.trace.bot_audio]
        if self.options.calls_dir is not None:
            self.raw.events = await self.record.wait_closed()
            self.raw.record_path = self.record.path
            if not self.raw.events and self.raw.error is None:
                self.raw.error = "no call record found"


async def run_cases(suite: Suite, options: RunOptions, results: dict[str, CallRaw],
                    on_done: Callable[[CallRaw], None] | None = None, stop: asyncio.Event | None = None) -> None:
    """Run every case (``options.concurrency`` at a time), filling ``results`` as calls finish, so
    an interrupted run still has every finished call. Setting ``stop`` hangs up the calls under
    way and starts no new one."""
    gate = asyncio.Semaphore(max(1, options.concurrency))
    stop = stop or asyncio.Event()

    async def one(case: Case) -> None:
        async with gate:
            if stop.is_set():
                return
            driver = CallDriver(case, suite.secrets_for(case), options, stop)
            results[case.id] = driver.raw  # an interrupted run still reports the calls under way
            raw = await driver.run()
            if on_done:
                on_done(raw)

    await asyncio.gather(*(one(case) for case in suite.cases))
