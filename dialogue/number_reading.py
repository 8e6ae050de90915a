"""An identification number (PESEL, NIP) from what the recogniser heard, checked by checksum and audio.

How a careful agent takes a PESEL over the phone, as code:

1. every hypothesis (beam n-best of several decodes) is read every plausible way (``numerals.variants``);
2. the candidates are the readings that pass the checksum (for a PESEL also a real, past birth date),
   plus such numbers one edit away (a digit misheard, dropped or added), keeping the caller's grouping;
3. each candidate is *rendered* the way the caller said it (their groups, in Polish words, inside the
   hypothesis's own frame, e.g. "Mój PESEL to …") and the recogniser scores how well the audio supports
   each rendering (``Transcript.scored``: log-probability of the text given the audio);
4. a clear winner is accepted (and read back for a yes/no); when the audio cannot separate the best
   candidates, the groups they share are confirmed and the rest is asked for again.

Without audio scores (typed chat, Vosk's grammar) the readings vote (``dialogue.pesel.recover_pesel``).
Nothing here prints digits: candidates keep them out of their ``repr``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from stdnum.pl import nip as stdnum_nip

from polish.numerals import FIX, parse_items, variants
from dialogue.pesel import is_plausible as pesel_plausible
from dialogue.pesel import recover_pesel
from contracts.secrets import SecretDigits
from polish.spoken import group_words

LENGTHS = {"pesel": 11, "nip": 10}
# A candidate's score: log P(rendering | audio) + SUPPORT_WEIGHT · ln(support), where support counts
# the hypotheses that read it (weighted by rank; a one-edit repair counts a quarter). The audio alone
# sometimes prefers a repair nobody heard; the hypotheses alone cannot tell neighbours apart.
SUPPORT_WEIGHT = 6.0
# How much higher the best score must be than the runner-up's for a clear winner; a sole candidate
# needs SOLE_SUPPORT, a winner among several at least MIN_SUPPORT. A winner is always read back for a
# yes/no, so a wrong winner costs the caller a "nie" and a retry, never a wrong identity. On 192
# synthetic spoken PESELs (eval.pesel_capture, seeds 7–9) 7 instead of 10 gave 164 first tries
# instead of 161 for 5 wrong read-backs instead of 3 (some wrong winners have margins over 20: the
# audio score cannot catch every misreading; the caller's "nie" does).
CLEAR_MARGIN = 7.0
SOLE_SUPPORT = 0.3
MIN_SUPPORT = 0.05
# Candidates within this score of the best are "close": a partial confirmation keeps only the
# digits they all share, so it stays as cautious as before.
CLOSE_MARGIN = 10.0
# The birth-date groups of a PESEL (or a NIP's office prefix): the least a partial confirmation keeps.
MIN_CERTAIN = {"pesel": 6, "nip": 3}
# Each scored text costs 70–100 ms of decoder time on 2 cores (``align``): at most 5 candidates, each
# in the two groupings the hypotheses read it in most (the caller's words: "zero dwa, dwadzieścia pięć"
# is heard as "zero dwa, dwadzieścia, pięć" by one decode and "02.25" by another, and the audio
# supports only a rendering close to what was said), and digit by digit when the caller read (most
# of) it so. On 192 synthetic spoken PESELs (seeds 7–9) two groupings instead of one: 169 first tries
# instead of 165; the digit-by-digit rendering only for digit-by-digit callers cut the texts scored
# by a fifth for the same result.
MAX_CANDIDATES = 5
_MAX_GROUPINGS = 2
DIGIT_BY_DIGIT_GROUPS = 7
# Scoring comes in two rounds: each candidate's most-heard rendering, then every rendering only when
# the first round's winner leads by less than this. Another rendering of a candidate can score far
# better than its first (by up to 59 on 256 synthetic callers), so the lead asked for is wide: on
# those callers (eval.pesel_capture seeds 10-13) a first-round lead of at least 27 never chose
# otherwise than all renderings did, and half the scored turns stopped there (a lead of 17 or 22
# would have read back one wrong number that all renderings got right).
ROUND_ONE_MARGIN = CLEAR_MARGIN + 20.0


@dataclass(frozen=True)
class NumberSpec:
    """What the bot asked for: a whole number, or the rest of one whose first digits are confirmed."""

    kind: str = "pesel"
    known: SecretDigits | None = None

    @property
    def length(self) -> int:
        return LENGTHS[self.kind]

    @property
    def wanted(self) -> int:
        return self.length - (len(self.known) if self.known else 0)

    def valid(self, digits: str, today: date | None = None) -> bool:
        if len(digits) != self.length:
            return False
        if self.kind == "pesel":
            return pesel_plausible(digits, today)
        return stdnum_nip.is_valid(digits)

    def full(self, said: str) -> str | None:
        """The whole number a reading of ``said`` digits stands for: the rest after the known prefix,
        or the whole number said again."""
        if len(said) == self.length:
            return said
        if self.known and len(said) == self.wanted:
            return self.known.reveal() + said
        return None


@dataclass(frozen=True)
class Candidate:
    """A valid number the hypotheses support; ``said`` is the part spoken in this utterance."""

    full: str = field(repr=False)
    said: str = field(repr=False)
    support: float
    edits: int
    groupings: tuple[tuple[str, tuple[str, ...]], ...] = field(repr=False)  # (frame, groups) as spoken


@dataclass(frozen=True)
class NumberReading:
    """The outcome of one spoken attempt (no digits in its repr).

    ``reason``: scored | exact | voted | repaired (a number) · partial (``certain`` holds the confirmed
    first digits) · ambiguous | none (ask again).
    """

    value: SecretDigits | None
    reason: str
    certain: SecretDigits | None = None
    margin: float | None = None


# --- readings and candidates -------------------------------------------------------------------------

_NUMBER_TOKEN = re.compile(r"\d|\w+", re.UNICODE)


def _frame(text: str) -> str:
    """The words before the first number of a hypothesis ("Mój PESEL to"), without trailing commas."""
    for match in _NUMBER_TOKEN.finditer(text):
        if parse_items(match.group(), fuzzy=True):
            return text[: match.start()].strip(" ,.:;-")
    return ""


# How much a one-edit repair counts, by kind: recognisers writing numerals drop a spoken "zero"
# ("siedem sześć zero dwa" → "7602") far more often than they mishear a digit.
DROPPED_ZERO = 0.5
OTHER_EDIT = 0.25


def _one_edit(said: str, lengths: tuple[int, ...], wanted: int) -> list[tuple[str, tuple[int, ...], float]]:
    """Digit strings one edit from ``said`` that have ``wanted`` digits, with the group lengths
    adjusted where the edit fell (a dropped digit lengthens its group) and the edit's weight."""
    out: list[tuple[str, tuple[int, ...], float]] = []
    n = len(said)
    bounds = [sum(lengths[: i + 1]) for i in range(len(lengths))]

    def group_of(position: int) -> int:
        return next((g for g, end in enumerate(bounds) if position < end), len(lengths) - 1)

    if n == wanted:
        for i in range(n):
            for d in "0123456789":
                if d != said[i]:
                    out.append((said[:i] + d + said[i + 1:], lengths, OTHER_EDIT))
    elif n == wanted - 1:
        for i in range(n + 1):
            grown = list(lengths)
            grown[group_of(max(0, i - 1)) if i == n else group_of(i)] += 1
            for d in "0123456789":
                out.append((said[:i] + d + said[i:], tuple(grown), DROPPED_ZERO if d == "0" else OTHER_EDIT))
    elif n == wanted + 1:
        for i in range(n):
            shrunk = list(lengths)
            shrunk[group_of(i)] -= 1
            out.append((said[:i] + said[i + 1:], tuple(x for x in shrunk if x), OTHER_EDIT))
    return out


def _regroup(digits: str, lengths: tuple[int, ...]) -> tuple[str, ...]:
    groups, start = [], 0
    for length in lengths:
        groups.append(digits[start:start + length])
        start += length
    if start < len(digits):
        groups.append(digits[start:])
    return tuple(g for g in groups if g)


def _said_readings(text: str) -> list[tuple[tuple[str, ...], float]]:
    """Group readings of one hypothesis with a weight (the literal reading first); a self-correction
    ("…, nie, …") keeps what followed it."""
    out = []
    for rank, groups in enumerate(variants(text)):
        if FIX in groups:
            last = len(groups) - 1 - groups[::-1].index(FIX)
            after = tuple(g for g in groups[last + 1:])
            whole = tuple(g for g in groups if g != FIX)
            options = [after, whole]
        else:
            options = [tuple(groups)]
        for option in options:
            if option:
                out.append((option, 1.0 if rank == 0 else 0.8))
    return out


def propose(hypotheses: Sequence[str], spec: NumberSpec, today: date | None = None,
            limit: int = MAX_CANDIDATES) -> list[Candidate]:
    """Valid candidates supported by the hypotheses (best first), at most ``limit``."""
    found: dict[str, dict] = {}
    for rank, text in enumerate(h for h in hypotheses if h and h.strip()):
        weight = 1.0 / (1 + rank)
        frame = _frame(text)
        for groups, literal in _said_readings(text):
            said = "".join(groups)
            lengths = tuple(len(g) for g in groups)
            options: list[tuple[str, tuple[int, ...], float]] = []
            for target in {spec.wanted, spec.length}:
                if len(said) == target:
                    options.append((said, lengths, 1.0))
                if abs(len(said) - target) <= 1:
                    options += _one_edit(said, lengths, target)
            for digits, ls, edit_weight in options:
                full = spec.full(digits)
                if full is None or not spec.valid(full, today):
                    continue
                edits = 0 if edit_weight == 1.0 else 1
                entry = found.setdefault(full, {"said": digits, "support": 0.0, "edits": edits, "groupings": {}})
                entry["support"] += weight * literal * edit_weight
                entry["edits"] = min(entry["edits"], edits)
                grouping = (frame, _regroup(digits, ls))
                entry["groupings"][grouping] = entry["groupings"].get(grouping, 0.0) + weight
    ranked = sorted(found.items(), key=lambda kv: (-kv[1]["support"], kv[1]["edits"]))[:limit]
    return [
        Candidate(full, e["said"], e["support"], e["edits"],
                  tuple(g for g, _ in sorted(e["groupings"].items(), key=lambda kv: -kv[1])[:_MAX_GROUPINGS]))
        for full, e in ranked
    ]


def renderings(candidate: Candidate) -> list[str]:
    """The texts whose likelihood given the audio ranks ``candidate``: its digits in the caller's
    groupings (in words, in the hypothesis's frame) and, for a caller who read digit by digit, in
    single digits; each ends with a full stop, so a rendering that stops before the caller did is
    penalised."""
    out: list[str] = []
    for frame, groups in candidate.groupings:
        out.append(_sentence(frame, ", ".join(group_words(g) for g in groups)))
    if not candidate.groupings or any(len(groups) >= DIGIT_BY_DIGIT_GROUPS for _, groups in candidate.groupings):
        frame = candidate.groupings[0][0] if candidate.groupings else ""
        out.append(_sentence(frame, ", ".join(group_words(d) for d in candidate.said)))
    return list(dict.fromkeys(out))


def _sentence(frame: str, numbers: str) -> str:
    return f"{frame}, {numbers}." if frame else f"{numbers[:1].upper()}{numbers[1:]}."


def texts_to_score(hypotheses: Sequence[str], spec: NumberSpec, today: date | None = None,
                   scored: Mapping[str, float] | None = None) -> list[str]:
    """What the recogniser should score against the audio for this turn, given what it has scored
    (``asr`` asks again after each round, until nothing new is asked): first each candidate's
    most-heard rendering; every rendering unless those scores single out a winner by
    ``ROUND_ONE_MARGIN``. Each text costs the decoder 70-100 ms."""
    candidates = propose(hypotheses, spec, today)
    first = list(dict.fromkeys(renderings(c)[0] for c in candidates))
    scored = scored or {}
    if any(text not in scored for text in first):
        return first
    every = list(dict.fromkeys(text for c in candidates for text in renderings(c)))
    ranked = _ranked(candidates, scored)
    decided = len(ranked) == 1 or (  # a sole candidate: other renderings could not change the choice
        len(ranked) > 1 and ranked[0][0] - ranked[1][0] >= ROUND_ONE_MARGIN and ranked[0][1].support >= MIN_SUPPORT)
    # Decided: every rendering already scored (an earlier stage may have scored more than the first
    # ones) goes on to the reader, which must rank on the same scores as this choice did.
    return [text for text in every if text in scored] if decided else every


def audio_score(candidate: Candidate, scored: Mapping[str, float]) -> float | None:
    """How well the audio supports ``candidate``: its best-scored rendering's log-probability (None
    when none of its renderings is scored)."""
    return max((scored[r] for r in renderings(candidate) if r in scored), default=None)


def _ranked(candidates: Sequence[Candidate], scored: Mapping[str, float]) -> list[tuple[float, Candidate]]:
    """The candidates with an audio score, best first: the audio score plus the weighted support of
    the hypotheses."""
    ranked = []
    for candidate in candidates:
        audio = audio_score(candidate, scored)
        if audio is not None:
            ranked.append((audio + SUPPORT_WEIGHT * math.log(candidate.support), candidate))
    ranked.sort(key=lambda sc: -sc[0])
    return ranked


def _literal_full(text: str, spec: NumberSpec, today: date | None = None) -> str | None:
    """The whole number ``text`` spells when read literally (its first reading), if it is valid."""
    for groups, _weight in _said_readings(text)[:1]:
        full = spec.full("".join(groups))
        if full is not None and spec.valid(full, today):
            return full
    return None


def said_in_full(hypotheses: Sequence[str], spec: NumberSpec, today: date | None = None) -> bool:
    """True when the best hypothesis, read literally, holds every digit the turn wants and they pass the
    checksum: the caller has finished saying the number (a repair one digit away does not count —
    that is what a caller who paused before the last digit looks like)."""
    return bool(hypotheses) and _literal_full(hypotheses[0], spec, today) is not None


def said_every_digit(hypotheses: Sequence[str], spec: NumberSpec) -> bool:
    """True when the best hypothesis, read literally, holds at least as many digits as the turn asked
    for: the caller has said a whole number, even if a digit was misheard (the checksum then fails
    and the scored candidates sort it out). A caller who paused before the last digits has fewer."""
    readings = _said_readings(hypotheses[0]) if hypotheses else []
    return bool(readings) and len("".join(readings[0][0])) >= spec.wanted


# --- the choice --------------------------------------------------------------------------------------

def _common_prefix(numbers: list[str]) -> str:
    prefix = numbers[0]
    for number in numbers[1:]:
        while not number.startswith(prefix):
            prefix = prefix[:-1]
    return prefix


def read_number(text: str, alternatives: Sequence[str] = (), scored: Mapping[str, float] | None = None,
                spec: NumberSpec | None = None, today: date | None = None) -> NumberReading:
    """The number the caller said, a confirmed part of it, or nothing."""
    spec = spec or NumberSpec()
    hypotheses = [text, *[a for a in alternatives if a and a != text]]
    literal = _literal_full(text, spec, today)
    if literal is not None:
        # The best hypothesis, read as written, is a whole valid number: on 216 synthetic callers
        # such a reading was right every time it occurred (and the recogniser stops there).
        return NumberReading(SecretDigits(literal), "exact")
    candidates = propose(hypotheses, spec, today)
    if scored:
        ranked = _ranked(candidates, scored)
        if ranked:
            best_score, best = ranked[0]
            margin = best_score - ranked[1][0] if len(ranked) > 1 else None
            clear = best.support >= SOLE_SUPPORT if margin is None else (
                margin >= CLEAR_MARGIN and best.support >= MIN_SUPPORT)
            if clear:
                return NumberReading(SecretDigits(best.full), "scored", margin=margin)
            close = [c.full for score, c in ranked if best_score - score < CLOSE_MARGIN]
            certain = _common_prefix(close)
            floor = max(MIN_CERTAIN[spec.kind], len(spec.known) if spec.known else 0)
            if len(certain) >= floor and len(certain) < spec.length:
                return NumberReading(None, "partial", certain=SecretDigits(certain), margin=margin)
            return NumberReading(None, "ambiguous", margin=margin)
    if spec.kind == "pesel" and not spec.known:
        voted = recover_pesel(text, tuple(alternatives), today)
        value = SecretDigits(voted.pesel.reveal()) if voted.pesel else None
        return NumberReading(value, voted.reason)
    if len(candidates) == 1 or (candidates and candidates[0].support > 2 * candidates[1].support):
        return NumberReading(SecretDigits(candidates[0].full), "voted")
    return NumberReading(None, "ambiguous" if candidates else "none")
