"""Spoken-PESEL capture, call by call: synthetic callers → phone line → the bot's recogniser → the
bot's dialogue, through read-back, partial confirmation, a second try and the keypad.

Each simulated call generates a valid PESEL (python-stdnum; never printed) and a caller: an RHVoice
voice (``magda``/``natan``) at one of three speeds, or an espeak-ng voice for comparison, reading the
number digit by digit, in pairs, in triples or mixed, with or without a filler ("Mój PESEL to…"),
with or without background noise, through the 8 kHz µ-law phone codec. The real ``DialogueEngine``
asks; the caller answers what it is asked: the number, "Tak, zgadza się." / "Nie, to nie ten numer."
to a read-back (spoken and recognised too), the last digits when the bot confirms the first groups,
the keypad when the bot offers it. Counted per call:

- ``first_try``: the first utterance led to the right number being read back;
- ``right_in_call``: the call reached the telePIN step with the right PESEL (voice or keypad);
- ``wrong_read_back``: a wrong number was read back at least once (the caller said no);
- ``wrong_accepted``: the call went on with a PESEL that is not the caller's.

    .venv/bin/python -m eval.pesel_capture --calls 64                 # RHVoice callers
    .venv/bin/python -m eval.pesel_capture --calls 64 --voices espeak # espeak-ng callers
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from stdnum.pl import pesel as stdnum_pesel

from asr.audio import phone_line
from asr.hints import decode_hooks
from dialogue import events as E
from dialogue.actions import CollectKeys, Listen
from dialogue.engine import DialogueEngine, EngineConfig
from dialogue.keyword_nlu import KeywordNlu
from eval.spoken_numbers import STYLES, spoken
from eval.synth import RHVOICE_RATES, add_noise
from tts.pcm import silence
from voicebot.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]
FILLERS = ("", "", "Mój PESEL to ", "Yyy, już mówię. ", "Proszę bardzo: ")
SNRS = (None, 30, 20)
ESPEAK_VOICES = (("pl", 140), ("pl+m3", 150), ("pl+f2", 135), ("pl+m1", 145))


def random_pesel(rng: random.Random) -> str:
    year = rng.randint(1940, 2005)
    month = rng.randint(1, 12) + (20 if year >= 2000 else 0)
    base = f"{year % 100:02d}{month:02d}{rng.randint(1, 28):02d}{rng.randint(0, 9999):04d}"
    return base + stdnum_pesel.calc_check_digit(base)


@dataclass(frozen=True)
class Caller:
    voice: str  # rhvoice:magda | espeak:pl+m3 …
    rate: float
    pitch: float
    style: str
    filler: str
    snr_db: float | None


class Voices:
    """One synthesizer per (voice, rate, pitch)."""

    def __init__(self) -> None:
        self._cache: dict = {}

    def say(self, caller: Caller, text: str, rng: random.Random) -> tuple[bytes, int]:
        key = (caller.voice, caller.rate, caller.pitch)
        if key not in self._cache:
            engine, name = caller.voice.split(":", 1)
            if engine == "rhvoice":
                from tts.rhvoice_engine import RHVoiceSynthesizer

                self._cache[key] = RHVoiceSynthesizer(name, rate=caller.rate, pitch=caller.pitch)
            else:
                from tts.espeak_engine import EspeakSynthesizer

                self._cache[key] = EspeakSynthesizer(name, speed=int(caller.rate), pitch=int(caller.pitch))
        synthesizer = self._cache[key]
        pcm = silence(0.3, synthesizer.sample_rate) + synthesizer.synthesize(text) + silence(0.4, synthesizer.sample_rate)
        return phone_line(add_noise(pcm, caller.snr_db, rng), synthesizer.sample_rate)


def callers(n: int, kind: str, rng: random.Random) -> list[Caller]:
    out = []
    for i in range(n):
        style = STYLES[i % len(STYLES)]
        if kind == "espeak":
            voice, speed = ESPEAK_VOICES[(i // len(STYLES)) % len(ESPEAK_VOICES)]
            rate, pitch, name = float(speed + rng.randint(-10, 10)), float(rng.randint(40, 60)), f"espeak:{voice}"
        else:
            name = ("rhvoice:magda", "rhvoice:natan")[(i // len(STYLES)) % 2]
            rate = RHVOICE_RATES[(i // (2 * len(STYLES))) % len(RHVOICE_RATES)]
            pitch = round(rng.uniform(-0.2, 0.2), 2)
        out.append(Caller(name, rate, pitch, style, FILLERS[i % len(FILLERS)], SNRS[(i // 3) % len(SNRS)]))
    return out


def run_call(engine: DialogueEngine, recognizer, voices: Voices, caller: Caller, pesel: str, rng: random.Random,
             hints) -> dict:
    outcome = {"first_try": False, "right_in_call": False, "wrong_read_back": 0, "wrong_accepted": False,
               "attempts": 0, "partial": 0, "keypad": False, "asr_ms": []}
    state, actions = engine.start(E.CallStarted(channel="voice"))
    state, actions = engine.handle(state, E.Transcript("Chcę sprawdzić saldo."))

    def hear(text: str, listen: Listen) -> E.Transcript:
        pcm, rate = voices.say(caller, text, rng)
        digits = listen.vocabulary == "digits"
        heard = recognizer.transcribe(pcm, rate, listen.vocabulary, **decode_hooks(hints, listen.vocabulary, listen.expect))
        outcome["asr_ms"].append((listen.vocabulary, heard.asr_ms))
        if digits and state.name == "pesel" and outcome["attempts"] == 1:
            outcome["diagnosis"] = diagnose(heard, listen.expect, pesel)
        return E.Transcript(heard.text, heard.alternatives, scored=heard.scored)

    for _step in range(12):
        listen = next((a for a in actions if isinstance(a, Listen)), None)
        if state.name == "pesel" and listen:
            outcome["attempts"] += 1
            style = caller.style if outcome["attempts"] == 1 else "digits"  # "powoli, cyfra po cyfrze"
            text = (caller.filler if outcome["attempts"] == 1 else "") + spoken(pesel, style, rng)
            state, actions = engine.handle(state, hear(text, listen))
        elif state.name == "pesel_rest" and listen:
            outcome["partial"] += 1
            rest = pesel[len(state.pesel_known):]
            state, actions = engine.handle(state, hear(spoken(rest, "digits", rng), listen))
        elif state.name == "pesel_confirm" and listen:
            right = state.pesel_candidate.reveal() == pesel
            if outcome["attempts"] == 1 and outcome["partial"] == 0 and right:
                outcome["first_try"] = True
            if not right:
                outcome["wrong_read_back"] += 1
            answer = "Tak, zgadza się." if right else "Nie, to nie ten numer."
            state, actions = engine.handle(state, hear(answer, listen))
        elif state.name == "pesel_keys" and any(isinstance(a, CollectKeys) for a in actions):
            outcome["keypad"] = True
            for key in pesel + "#":
                state, actions = engine.handle(state, E.KeyPress(key))
        elif state.name == "telepin":
            outcome["right_in_call"] = state.pesel.reveal() == pesel
            outcome["wrong_accepted"] = state.pesel.reveal() != pesel
            break
        else:
            break
    return outcome


def diagnose(heard, spec, pesel: str) -> dict:
    """Why a first attempt went as it did, in categories only (never a digit): the decoding stage,
    the reading's outcome, whether the caller's number was among the candidates and where it ranked,
    and how far the top hypothesis read literally was from it."""
    import math

    from dialogue.number_reading import SUPPORT_WEIGHT, audio_score, propose, read_number
    from polish.numerals import variants

    hypotheses = [heard.text, *heard.alternatives]
    scored = dict(heard.scored)
    reading = read_number(heard.text, heard.alternatives, scored, spec)
    candidates = propose(hypotheses, spec)
    audio = {c.full: audio_score(c, scored) for c in candidates}
    ranked = sorted(
        (((audio[c.full] if audio[c.full] is not None else -1e9) + SUPPORT_WEIGHT * math.log(c.support),
          c.full, c.support) for c in candidates), reverse=True)
    literal = "".join(next(iter(variants(heard.text)), ()))
    return {
        "stage": heard.extra.get("stage"), "reason": reading.reason,
        "right": bool(reading.value) and reading.value.reveal() == pesel,
        "candidates": len(candidates),
        "true_in_candidates": any(c.full == pesel for c in candidates),
        "true_rank_scored": next((i for i, (_, full, _s) in enumerate(ranked) if full == pesel), None),
        "top_right": bool(ranked) and ranked[0][1] == pesel,
        "top_support": round(ranked[0][2], 2) if ranked else None,
        "literal_len": len(literal), "literal_distance": _distance(literal, pesel),
        "literal_edits": _edit_kinds(literal, pesel),
        "hypotheses_with_true": sum(pesel in "".join(g) for h in hypotheses for g in variants(h)),
        "margin": None if reading.margin is None else round(reading.margin, 1),
        # Per candidate, to tune the choice offline: audio log-probability, support, edits, right, and
        # the score of its most-heard rendering alone (what the first round of scoring sees).
        "features": [(None if audio[c.full] is None else round(audio[c.full], 2), round(c.support, 3), c.edits,
                      c.full == pesel, _first_rendering_score(c, scored)) for c in candidates],
    }


def _first_rendering_score(candidate, scored) -> float | None:
    """The audio score of the candidate's most-heard rendering (what a first round of scoring sees)."""
    from dialogue.number_reading import renderings

    first = renderings(candidate)[0]
    return round(scored[first], 2) if first in scored else None


def _edit_kinds(heard: str, truth: str) -> list[str]:
    """How the literal reading differs from the truth, by kind only: a digit dropped (and whether it
    was a zero), added, or misheard."""
    from rapidfuzz.distance import Levenshtein

    kinds = []
    for op in Levenshtein.editops(heard, truth):
        if op.tag == "insert":  # the truth has a digit the hearing lacks
            kinds.append("dropped zero" if truth[op.dest_pos] == "0" else "dropped")
        else:
            kinds.append({"delete": "added", "replace": "misheard"}[op.tag])
    return kinds


def _distance(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b)


def run(calls: int, kind: str, seed: int, models_dir: Path, threads: int, workers: int) -> dict:
    from asr.factory import create_recognizer
    from dialogue.answer_hints import AnswerHints

    rng = random.Random(seed)
    # Two workers, as the bot: a number's words decode runs beside its free decode.
    recognizer = create_recognizer("whisper", None, threads, models_dir=models_dir, workers=workers)
    engine = DialogueEngine(KeywordNlu(), EngineConfig(today=date.today()))
    voices = Voices()
    rows = []
    started = time.time()
    for i, caller in enumerate(callers(calls, kind, rng)):
        # Each call draws from its own generator: a change that alters one call (a retry more or
        # less) leaves every other call's number, wording and noise as they were, so two variants
        # of the recogniser can be compared call by call.
        call_rng = random.Random(f"{seed}:{i}")
        pesel = random_pesel(call_rng)
        result = run_call(engine, recognizer, voices, caller, pesel, call_rng, AnswerHints())
        rows.append({"caller": caller, **result})
        print(f"{i + 1}/{calls} {caller.voice} rate={caller.rate} {caller.style} snr={caller.snr_db} "
              f"first_try={result['first_try']} in_call={result['right_in_call']} "
              f"wrong_read_back={result['wrong_read_back']} wrong_accepted={result['wrong_accepted']} "
              f"{result.get('diagnosis', {})}", flush=True)
    return summarise(rows, kind, time.time() - started)


def summarise(rows: list[dict], kind: str, wall_s: float) -> dict:
    n = len(rows)

    def rate(key: str, subset=None) -> float:
        subset = rows if subset is None else subset
        return round(sum(bool(r[key]) for r in subset) / len(subset), 3) if subset else 0.0

    digits_ms = [ms for r in rows for v, ms in r["asr_ms"] if v == "digits"]
    by_style = {s: rate("first_try", [r for r in rows if r["caller"].style == s]) for s in STYLES}
    by_snr = {str(snr): rate("first_try", [r for r in rows if r["caller"].snr_db == snr]) for snr in SNRS}
    by_rate = {str(x): rate("first_try", [r for r in rows if r["caller"].rate == x])
               for x in sorted({r["caller"].rate for r in rows})}
    return {
        "callers": kind, "calls": n,
        "first_try_by_voice": rate("first_try"), "right_in_call": rate("right_in_call"),
        "wrong_accepted": sum(r["wrong_accepted"] for r in rows),
        "wrong_read_back": sum(r["wrong_read_back"] for r in rows),
        "keypad_used": sum(r["keypad"] for r in rows), "partial_confirmations": sum(r["partial"] for r in rows),
        "spoken_attempts_mean": round(statistics.fmean(r["attempts"] for r in rows), 2),
        "first_try_by_style": by_style, "first_try_by_snr_db": by_snr, "first_try_by_rate": by_rate,
        "digits_asr_ms_p50": round(statistics.median(digits_ms)) if digits_ms else None,
        "digits_asr_ms_p95": round(sorted(digits_ms)[int(0.95 * (len(digits_ms) - 1))]) if digits_ms else None,
        "outcomes": dict(Counter("right" if r["right_in_call"] else "wrong" if r["wrong_accepted"] else "none"
                                 for r in rows)),
        "wall_s": round(wall_s, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=64)
    parser.add_argument("--voices", choices=("rhvoice", "espeak"), default="rhvoice")
    parser.add_argument("--seed", type=int, default=7)
    # The bot's own defaults (voicebot.settings): threads per decode, decodes at once.
    bot = Settings.model_fields
    parser.add_argument("--threads", type=int, default=bot["asr_threads"].default)
    parser.add_argument("--workers", type=int, default=bot["asr_workers"].default, help="decodes at once")
    parser.add_argument("--models-dir", type=Path, default=REPO_ROOT / "var" / "models")
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON here")
    args = parser.parse_args()
    result = run(args.calls, args.voices, args.seed, args.models_dir, args.threads, args.workers)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
