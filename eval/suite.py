"""The suite format (docs/eval.md): a folder with ``suite.yaml`` and one folder per call case.

``suite.yaml`` names the sandbox seed (``demo`` = the shipped demo seed, or a path relative to the
suite) and defaults; ``cases/<id>/case.yaml`` gives the caller's audio — either per-turn audio files
with what to send between them, or one recording with timed DTMF — and optional expectations.

Secrets are not written into cases: ``{pesel}``, ``{telepin}`` and ``{pesel_words}`` in keys,
references and expectations are filled in at run time from the seed person the case names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eval.spoken_numbers import number_values
from integrations.sandbox.seed import DEMO_SEED_PATH, Seed, read_seed

AUTH_OUTCOMES = ("verified", "failed", "blocked", "inactive", "identification_failed", "not_attempted")


class SuiteError(ValueError):
    """A suite or case file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class TurnExpect:
    max_latency_s: float | None = None


@dataclass(frozen=True)
class Reply:
    """Another line of the caller's, said instead of the turn's own when its condition holds."""

    audio: Path
    text: str | None = None


@dataclass(frozen=True)
class Turn:
    """One step of the caller: speak ``audio``, press ``keys``, or stay silent ``silence_s`` seconds.

    ``wait`` (default true): first wait until the bot has finished speaking. ``barge_in_after_s``:
    instead, start ``audio`` this long after the bot starts its next utterance (the caller talks
    over the bot). ``only_in_state``: send the turn only when the dialogue is in one of these states
    (read from the call record), so one script covers both a recognised and a failed spoken PESEL.
    ``sensitive``: the audio holds personal data (a spoken PESEL): muted in reports.
    ``if_not_my_pesel``: said instead when the PESEL the bot holds (the one it just read back) is not
    the caller's — "Tak." to a right read-back, "Nie, to nie mój numer." to a wrong one, as a caller
    who listens answers.
    """

    audio: Path | None = None
    text: str | None = None  # the reference transcript of ``audio``
    keys: str | None = None
    silence_s: float | None = None
    wait: bool = True
    barge_in_after_s: float | None = None
    only_in_state: tuple[str, ...] = ()
    key_gap_s: float = 0.15
    sensitive: bool = False
    expect: TurnExpect = TurnExpect()
    if_not_my_pesel: Reply | None = None


@dataclass(frozen=True)
class TimedKeys:
    at_s: float
    keys: str


@dataclass(frozen=True)
class Reference:
    start_s: float
    end_s: float
    text: str


@dataclass(frozen=True)
class Recording:
    """A whole recorded call: the caller's side as one file, DTMF at times from its start."""

    audio: Path
    dtmf: tuple[TimedKeys, ...] = ()
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class BookingExpect:
    """The visit the call must have booked (checked in the booking system and the mail received)."""

    office: str | None = None  # the office id
    matter: str | None = None  # the matter code
    slot_rank: int | None = None  # free slots before the booked one now: 0 = the first free one
    email_to: str | None = None  # the confirmation's recipient (it must have arrived)


@dataclass(frozen=True)
class Expect:
    intent: str | None = None
    topic: str | None = None
    auth: str | None = None
    pesel: str | None = None
    facts: tuple[str, ...] = ()
    handoff_queue: str | None = None  # a queue name, or "none" for no handoff
    contained: bool | None = None
    end_reason: str | None = None
    max_latency_s: float | None = None
    min_barge_ins: int | None = None
    # The satisfaction survey the caller filled in: ratings in the order asked, how each was given
    # (keypad | voice), and whether every question and the comment step were done.
    survey_ratings: tuple[int, ...] | None = None
    survey_by: tuple[str, ...] | None = None
    survey_complete: bool | None = None
    booking: BookingExpect | None = None


@dataclass(frozen=True)
class Case:
    id: str
    directory: Path
    description: str = ""
    person: str | None = None
    caller_number: str = "+48221234567"
    turns: tuple[Turn, ...] = ()
    recording: Recording | None = None
    expect: Expect = Expect()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suite:
    name: str
    directory: Path
    seed_path: Path
    description: str = ""
    cases: tuple[Case, ...] = ()
    seed: Seed | None = field(default=None, repr=False, compare=False)

    def secrets_for(self, case: Case) -> dict[str, str]:
        """Template values for a case's person (empty without one). Never logged or reported."""
        if not case.person or self.seed is None:
            return {}
        person = self.seed.person(case.person)
        values = number_values("pesel", person.pesel)
        if person.telepin and person.telepin.pin:
            values["telepin"] = person.telepin.pin
        return values


def fill(template: str | None, values: dict[str, str]) -> str | None:
    """``{pesel}`` etc. replaced; unknown names are left as they are."""
    if template is None:
        return None
    out = template
    for name, value in values.items():
        out = out.replace("{" + name + "}", value)
    return out


def _float(raw: Any, where: str) -> float | None:
    if raw is None:
        return None
    try:
        return float(raw)
    except (TypeError, ValueError):
        raise SuiteError(f"{where}: expected a number, got {raw!r}") from None


def _expect(raw: dict | None, where: str) -> Expect:
    raw = dict(raw or {})
    known = set(Expect.__dataclass_fields__)
    unknown = set(raw) - known
    if unknown:
        raise SuiteError(f"{where}: unknown expectation(s) {sorted(unknown)}; known: {sorted(known)}")
    if raw.get("auth") is not None and raw["auth"] not in AUTH_OUTCOMES:
        raise SuiteError(f"{where}: auth must be one of {AUTH_OUTCOMES}")
    facts = raw.get("facts") or ()
    if isinstance(facts, str):
        facts = (facts,)
    queue = raw.get("handoff_queue")
    return Expect(
        intent=raw.get("intent"), topic=raw.get("topic"), auth=raw.get("auth"),
        pesel=None if raw.get("pesel") is None else str(raw["pesel"]),
        facts=tuple(str(f) for f in facts),
        handoff_queue=None if queue is None else ("none" if queue is False else str(queue)),
        contained=raw.get("contained"), end_reason=raw.get("end_reason"),
        max_latency_s=_float(raw.get("max_latency_s"), f"{where}.max_latency_s"),
        min_barge_ins=raw.get("min_barge_ins"),
        survey_ratings=None if raw.get("survey_ratings") is None else tuple(int(r) for r in raw["survey_ratings"]),
        survey_by=None if raw.get("survey_by") is None else tuple(str(b) for b in raw["survey_by"]),
        survey_complete=raw.get("survey_complete"),
        booking=_booking_expect(raw.get("booking"), f"{where}.booking"),
    )


def _booking_expect(raw: dict | None, where: str) -> BookingExpect | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise SuiteError(f"{where}: a mapping of office, matter, slot_rank, email_to")
    unknown = set(raw) - set(BookingExpect.__dataclass_fields__)
    if unknown:
        raise SuiteError(f"{where}: unknown field(s) {sorted(unknown)}")
    rank = raw.get("slot_rank")
    return BookingExpect(office=None if raw.get("office") is None else str(raw["office"]), matter=raw.get("matter"),
                         slot_rank=None if rank is None else int(rank), email_to=raw.get("email_to"))


def _audio_file(raw: Any, directory: Path, where: str) -> Path | None:
    if raw is None:
        return None
    audio = directory / str(raw)
    if not audio.is_file():
        raise SuiteError(f"{where}: audio file {audio.name} not found")
    return audio


def _reply(raw: Any, directory: Path, where: str) -> Reply | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or raw.get("audio") is None:
        raise SuiteError(f"{where}: a mapping with audio (and text)")
    return Reply(_audio_file(raw["audio"], directory, where), None if raw.get("text") is None else str(raw["text"]))


def _turn(raw: dict, directory: Path, where: str) -> Turn:
    if not isinstance(raw, dict):
        raise SuiteError(f"{where}: a turn is a mapping")
    audio = _audio_file(raw.get("audio"), directory, where)
    kinds = [k for k in ("audio", "keys", "silence_s") if raw.get(k) is not None]
    if len(kinds) != 1:
        raise SuiteError(f"{where}: give exactly one of audio, keys, silence_s")
    states = raw.get("only_in_state") or ()
    if isinstance(states, str):
        states = (states,)
    expect = raw.get("expect") or {}
    reply = _reply(raw.get("if_not_my_pesel"), directory, f"{where}.if_not_my_pesel")
    if reply is not None and audio is None:
        raise SuiteError(f"{where}: if_not_my_pesel answers instead of the turn's audio; give audio")
    return Turn(
        audio=audio, text=raw.get("text"), keys=None if raw.get("keys") is None else str(raw["keys"]),
        silence_s=_float(raw.get("silence_s"), f"{where}.silence_s"), wait=bool(raw.get("wait", True)),
        barge_in_after_s=_float(raw.get("barge_in_after_s"), f"{where}.barge_in_after_s"),
        only_in_state=tuple(states), key_gap_s=float(raw.get("key_gap_s", 0.15)),
        sensitive=bool(raw.get("sensitive", False)),
        expect=TurnExpect(max_latency_s=_float(expect.get("max_latency_s"), f"{where}.expect.max_latency_s")),
        if_not_my_pesel=reply,
    )


def _recording(raw: dict, directory: Path, where: str) -> Recording:
    audio = directory / str(raw.get("audio", ""))
    if not audio.is_file():
        raise SuiteError(f"{where}.audio: file not found")
    dtmf = tuple(TimedKeys(float(d["at_s"]), str(d["keys"])) for d in raw.get("dtmf") or ())
    refs = tuple(Reference(float(r["start_s"]), float(r["end_s"]), str(r["text"]))
                 for r in raw.get("references") or ())
    return Recording(audio, tuple(sorted(dtmf, key=lambda d: d.at_s)), refs)


def load_case(directory: Path, defaults: dict | None = None) -> Case:
    path = directory / "case.yaml"
    where = f"{directory.name}/case.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SuiteError(f"{where}: cannot read ({type(exc).__name__})") from None
    turns = tuple(_turn(t, directory, f"{where}.turns[{i}]") for i, t in enumerate(raw.get("turns") or ()))
    recording = _recording(raw["recording"], directory, f"{where}.recording") if raw.get("recording") else None
    if bool(turns) == bool(recording):
        raise SuiteError(f"{where}: give either turns or recording")
    expect_raw = {**(defaults or {}).get("expect", {}), **(raw.get("expect") or {})}
    return Case(
        id=directory.name, directory=directory, description=str(raw.get("description", "")),
        person=raw.get("person"), caller_number=str(raw.get("caller_number", "+48221234567")),
        turns=turns, recording=recording, expect=_expect(expect_raw, f"{where}.expect"),
        tags=tuple(raw.get("tags") or ()),
    )


def resolve_seed(raw: str | None, directory: Path) -> Path:
    if raw in (None, "", "demo"):
        return DEMO_SEED_PATH
    path = Path(raw)
    return path if path.is_absolute() else (directory / path).resolve()


def load_suite(directory: Path, *, only: tuple[str, ...] = ()) -> Suite:
    """Read a suite folder. ``only``: case ids (or id prefixes) to keep."""
    directory = Path(directory)
    suite_file = directory / "suite.yaml"
    if not suite_file.is_file():
        raise SuiteError(f"{directory}: no suite.yaml")
    raw = yaml.safe_load(suite_file.read_text(encoding="utf-8")) or {}
    seed_path = resolve_seed(raw.get("seed"), directory)
    try:
        seed = read_seed(seed_path)
    except Exception as exc:  # the seed reader's own errors carry no values
        raise SuiteError(f"suite.yaml: seed {seed_path.name} cannot be read: {exc}") from None
    cases_dir = directory / "cases"
    case_dirs = sorted(p for p in cases_dir.iterdir() if (p / "case.yaml").is_file()) if cases_dir.is_dir() else []
    if only:
        case_dirs = [p for p in case_dirs if any(p.name == o or p.name.startswith(o) for o in only)]
    defaults = raw.get("defaults") or {}
    cases = tuple(load_case(p, defaults) for p in case_dirs)
    for case in cases:
        if case.person:
            try:
                seed.person(case.person)
            except Exception:
                raise SuiteError(f"{case.id}/case.yaml: person role {case.person!r} is not in the seed") from None
    return Suite(name=str(raw.get("name", directory.name)), directory=directory, seed_path=seed_path,
                 description=str(raw.get("description", "")), cases=cases, seed=seed)
