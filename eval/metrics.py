"""Scores of one call (from its case, what the runner saw and the bot's event record) and of a suite.

Everything returned here is already masked (``eval.masking``): it goes straight into reports.
Authentication is read from the session's ``auth_result`` events, never from what the bot said.
What the record does not say is read the way the bot reads it: the intent from the bot's own
transcript with the keyword NLU (unless ``dialogue_state`` events carry ``intent``/``topic``), the
PESEL candidate from the bot's transcript with ``dialogue.pesel.recover_pesel``.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import jiwer
from rapidfuzz import fuzz

from dialogue.keyword_nlu import KeywordNlu, detect_tax, wants_agent
from dialogue.pesel import from_keys, recover_pesel
from voicebot.call_record import AUTH_OUTCOMES, pesel_digest
from dialogue.queues import TAX_TOPICS
from eval.masking import mask_pesel_value, mask_text
from eval.normalise import fold, normalise
from eval.runner import CallRaw
from eval.suite import Case, fill

FACT_MATCH = 85  # rapidfuzz partial_ratio on folded text: a fact is "said" at or above this
RESPONSE_WINDOW_S = 15.0


@dataclass(frozen=True)
class Check:
    name: str
    expected: str
    actual: str
    passed: bool

    def as_dict(self) -> dict:
        return {"name": self.name, "expected": self.expected, "actual": self.actual, "passed": self.passed}


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def spread(values: list[float]) -> dict:
    return {"n": len(values), "p50": percentile(values, 50), "p95": percentile(values, 95),
            "max": max(values) if values else None, "mean": statistics.fmean(values) if values else None}


def word_errors(reference: str, hypothesis: str) -> tuple[int, int, int, int]:
    """(word errors, reference words, char errors, reference chars) after Polish normalisation."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    if not ref:
        return 0, 0, 0, 0
    if not hyp:
        return len(ref.split()), len(ref.split()), len(ref), len(ref)
    w = jiwer.process_words(ref, hyp)
    c = jiwer.process_characters(ref, hyp)
    return (w.substitutions + w.deletions + w.insertions, w.substitutions + w.deletions + w.hits,
            c.substitutions + c.deletions + c.insertions, c.substitutions + c.deletions + c.hits)


def wer(reference: str, hypothesis: str) -> float:
    errors, words, _, _ = word_errors(reference, hypothesis)
    return errors / words if words else 0.0


def fact_found(fact: str, said: str) -> bool:
    want, have = fold(fact), fold(said)
    return bool(want) and (want in have or fuzz.partial_ratio(want, have) >= FACT_MATCH)


def _states_at(events: list[dict]) -> list[str | None]:
    """For each event, the dialogue state in force when it happened."""
    state, out = None, []
    for e in events:
        out.append(state)
        if e["type"] == "dialogue_state":
            state = e.get("state")
    return out


# ``auth_result`` outcomes (voicebot.session) as the suite names them; a back end that did not
# answer counts as a failed authentication, as the caller experienced it.
AUTH_SCORES = {outcome: "failed" if outcome == "error" else outcome for outcome in AUTH_OUTCOMES}


def auth_outcome(events: list[dict]) -> str:
    """How authentication ended: the last ``auth_result`` event the session wrote."""
    results = [e for e in events if e["type"] == "auth_result"]
    return AUTH_SCORES.get(results[-1].get("outcome"), "failed") if results else "not_attempted"


def turns_acted_on(events: list[dict]) -> int:
    """Each transcript in the record is a turn of its own, except one the dialogue processor joined
    to the turn before it (``turn_resumed``: the turn ended as the caller went on)."""
    kinds = [e["type"] for e in events]
    return kinds.count("transcript") - kinds.count("turn_resumed")


def intent_and_topic(events: list[dict], states: list[str | None]) -> tuple[str | None, str | None]:
    carried = [e for e in events if e["type"] == "dialogue_state" and e.get("intent")]
    if carried:
        return carried[-1].get("intent"), carried[-1].get("topic")
    nlu = KeywordNlu()
    intent, topic = None, None
    for e, state in zip(events, states):
        if e["type"] != "transcript" or e.get("redacted") or state not in ("intent", "anything_else", None):
            continue
        text = e.get("text", "")
        parsed = nlu.parse(text)
        said_intent = "agent" if wants_agent(text) else parsed.intent
        said_topic = parsed.topic if parsed.topic != "general" else TAX_TOPICS.get(detect_tax(text) or "", "general")
        if intent is None or (intent == "other" and said_intent != "other"):
            intent = said_intent
        if topic in (None, "general") and said_topic:
            topic = said_topic
    handoffs = [e for e in events if e["type"] == "handoff"]
    if handoffs and handoffs[-1].get("queue") not in (None, "general"):
        topic = handoffs[-1]["queue"]
    return intent, topic


def pesel_capture(events: list[dict], states: list[str | None], raw: CallRaw) -> tuple[str | None, int, str | None]:
    """(captured PESEL digits or None, attempts, entry "voice"|"keypad"). The PESEL is the one the
    dialogue accepted: the last candidate or keypad entry before it first asked for the telePIN."""
    moments: list[tuple[float, str | None, str]] = []
    for e, state in zip(events, states):
        if e["type"] == "transcript" and not e.get("redacted") and state in ("pesel", "pesel_confirm"):
            reading = recover_pesel(e.get("text", ""), tuple(e.get("alternatives") or ()))
            if state == "pesel" or reading.pesel is not None:
                moments.append((e["t"], reading.pesel.reveal() if reading.pesel else None, "voice"))
    for entry in raw.keys:
        if entry.state == "pesel_keys":
            digits = entry.digits.reveal().replace("#", "")
            pesel = from_keys(digits)
            moments.append((entry.t, pesel.reveal() if pesel else None, "keypad"))
    moments.sort(key=lambda m: m[0])
    accepted = next((e["t"] for e, s in zip(events, states)
                     if e["type"] == "dialogue_state" and e.get("state") == "telepin"
                     and s in ("pesel_confirm", "pesel_keys", "pesel")), None)
    if accepted is None:
        return None, len(moments), moments[-1][2] if moments else None
    before = [m for m in moments if m[0] <= accepted + 0.5 and m[1]]
    return (before[-1][1], len(moments), before[-1][2]) if before else (None, len(moments), None)


# The caller (or the line) made a sound again: the bot's next words answer that, not the stop before.
_SPEECH_AGAIN = ("user_started_speaking", "user_speech_started", "silence_timeout")


def answered_speech_ends(events: list[dict]) -> Iterator[tuple[int, float, int]]:
    """(index of the VAD's stop, end of the caller's speech, index of the bot's next
    ``bot_started_speaking``) for every end of speech the bot answered before the caller spoke again
    and within ``RESPONSE_WINDOW_S``. A pause the caller broke by speaking on is no end of speech,
    even when the VAD reported it."""
    for i, e in enumerate(events):
        if e["type"] != "user_speech_ended":
            continue
        end = e["t"] + float(e.get("offset_s") or 0.0)
        for j in range(i + 1, len(events)):
            kind = events[j]["type"]
            if kind in _SPEECH_AGAIN:
                break
            if kind == "bot_started_speaking":
                if events[j]["t"] - end <= RESPONSE_WINDOW_S:
                    yield i, end, j
                break


def _heard_at(raw: CallRaw, bot_started: dict) -> float:
    """When the bot's audio reached the caller (the line's arrival of its first packet)."""
    return next((t for t, _ in raw.bot_audio if t >= bot_started["t"] - 0.05), bot_started["t"])


def latencies(events: list[dict], raw: CallRaw) -> list[tuple[float, float]]:
    """(end of caller speech, seconds to the first bot audio heard on the line) per answered turn."""
    return [(end, _heard_at(raw, events[j]) - end) for _i, end, j in answered_speech_ends(events)]


def latency_parts(events: list[dict], raw: CallRaw) -> list[dict[str, float]]:
    """Where the time of each answered turn goes, in seconds: the VAD's silence before it reports the
    stop, the recogniser after that (the transcript may be ready before the stop when it came from an
    earlier pause), the wait for the turn to end, the dialogue's step, and TTS plus the line to the
    first audio heard."""
    parts = []
    for i, end, j in answered_speech_ends(events):
        vad_stop = events[i]["t"]
        heard = turn_end = decided = None
        for later in events[i + 1:j]:
            kind = later["type"]
            if kind == "transcript" and later.get("heard_at") and heard is None:
                heard = float(later["heard_at"])
            elif kind == "user_stopped_speaking" and turn_end is None:
                turn_end = later["t"]
            elif kind == "bot_utterance" and decided is None and turn_end is not None:
                decided = later["t"]
        if None in (heard, turn_end, decided):
            continue
        spoken = _heard_at(raw, events[j])
        parts.append({"vad_stop": vad_stop - end, "asr": max(0.0, heard - vad_stop),
                      "turn_wait": max(0.0, turn_end - max(heard, vad_stop)), "dialogue": decided - turn_end,
                      "tts_and_line": spoken - decided, "total": spoken - end})
    return parts


def tts_first_audio(events: list[dict]) -> list[float]:
    """From the dialogue's decision to speak to the bot's audio starting (when it was silent)."""
    out, speaking = [], False
    for i, e in enumerate(events):
        if e["type"] == "bot_started_speaking":
            speaking = True
        elif e["type"] == "bot_stopped_speaking":
            speaking = False
        elif e["type"] == "bot_utterance" and not speaking:
            start = next((x["t"] for x in events[i + 1:] if x["type"] == "bot_started_speaking"), None)
            if start is not None and start - e["t"] < 10:
                out.append(start - e["t"])
    return out


def accepted_pesel_digest(events: list[dict]) -> str | None:
    """The keyed digest of the PESEL the dialogue accepted: the one in hand when it first asked
    for the telePIN (the bot's record never holds the number itself)."""
    for e in events:
        if e["type"] == "dialogue_state" and e.get("state") == "telepin" and e.get("pesel_digest"):
            return e["pesel_digest"]
    return None


def score_call(case: Case, raw: CallRaw, values: dict[str, str], *, bot_heard: list[str] = (),
               bot_heard_alternatives: list[str] = (), show_amounts: bool = False,
               record_key: str | None = None) -> dict:
    """The call's figures and checks, masked. ``bot_heard``: transcripts of the bot's audio (and the
    recogniser's other hypotheses of it, searched for facts only)."""
    events = raw.events
    states = _states_at(events)
    expected_pesel = fill(case.expect.pesel, values)
    pesels = tuple(p for p in (values.get("pesel"), expected_pesel) if p)

    def masked(text: str | None) -> str:
        return mask_text(text, show_amounts=show_amounts, pesels=pesels)

    # Caller turns: reference vs what the bot's recogniser wrote while (and just after) they spoke.
    transcripts = [e for e in events if e["type"] == "transcript"]
    sent = [t for t in raw.turns if t.sent and t.t_start is not None]
    turns_out, totals, unscored = [], [0, 0, 0, 0], 0
    lat = latencies(events, raw)
    for n, log in enumerate(raw.turns):
        turn = case.turns[log.index] if case.turns and log.index < len(case.turns) else None
        row = {"index": log.index, "kind": log.kind, "sent": log.sent, "state": log.state, "note": log.note,
               "t": None if log.t_start is None else round(log.t_start - raw.t0, 3)}
        if log.sent and log.t_start is not None:
            following = [t.t_start for t in sent if t.t_start > log.t_start]
            until = following[0] if following else raw.t_end + 1
            heard = [e for e in transcripts if log.t_start <= e["t"] < until]
            redacted = any(e.get("redacted") for e in heard)
            # The record hides digit runs (a PESEL) of what the bot heard: such a turn has no transcript
            # to score, and counting "[cyfry ukryte]" against eleven spoken digits made the suite's WER
            # mostly PESEL turns (43 % on the starter suite, 13 % without them). The PESEL check scores them.
            digits_hidden = any(e.get("digits_hidden") for e in heard)
            hypothesis = " ".join(e.get("text", "") for e in heard if not e.get("redacted")).strip()
            sensitive = turn is not None and turn.sensitive
            row["hypothesis"] = "[ukryto]" if redacted else "[ukryto: dane osobowe]" if sensitive else masked(hypothesis)
            said = turn.if_not_my_pesel if turn is not None and log.not_my_pesel else turn
            reference = fill(said.text, values) if said is not None and log.kind == "audio" else None
            if case.recording:
                reference = " ".join(r.text for r in case.recording.references) or None
            if reference:
                # What the caller said in a secret turn is as secret as what the bot heard.
                row["reference"] = "[ukryto: dane osobowe]" if sensitive else masked(reference)
                if digits_hidden:
                    unscored += 1
                elif not redacted:
                    counts = word_errors(reference, hypothesis)
                    totals = [a + b for a, b in zip(totals, counts)]
                    row["wer"] = counts[0] / counts[1] if counts[1] else None
                    row["cer"] = counts[2] / counts[3] if counts[3] else None
            mine = [s for end, s in lat if log.t_start <= end <= until]
            row["latency_s"] = mine[0] if mine else None
        turns_out.append(row)

    intent, topic = intent_and_topic(events, states)
    auth = auth_outcome(events)
    captured, attempts, entry = pesel_capture(events, states, raw)
    accepted = accepted_pesel_digest(events)
    if expected_pesel and accepted and record_key:
        right = accepted == pesel_digest(expected_pesel, record_key.encode())
        pesel_result = "right" if right else "wrong"
        captured = expected_pesel if right else None
        entry = entry or "voice"
    elif expected_pesel:
        pesel_result = "not_captured" if captured is None else "right" if captured == expected_pesel else "wrong"
    else:
        pesel_result = "captured" if captured or accepted else "not_captured"
    handoffs = [e for e in events if e["type"] == "handoff"]
    queue = handoffs[-1]["queue"] if handoffs else "none"
    end_call = [e for e in events if e["type"] == "end_call"]
    ended = [e for e in events if e["type"] == "call_ended"]
    end_reason = end_call[-1]["reason"] if end_call else (ended[-1].get("reason") if ended else None)
    said_plain = [e.get("text", "") for e in events if e["type"] == "bot_utterance" and not e.get("sensitive")]
    said_all = " ".join(said_plain + list(bot_heard))
    lat_values = [s for _, s in lat]
    keys_entries = len(raw.keys)
    caller_turns = turns_acted_on(events) + keys_entries

    checks: list[Check] = []
    x = case.expect
    if x.intent is not None:
        checks.append(Check("intent", x.intent, str(intent), intent == x.intent))
    if x.topic is not None:
        checks.append(Check("topic", x.topic, str(topic), topic == x.topic))
    if x.auth is not None:
        checks.append(Check("auth", x.auth, auth, auth == x.auth))
    if expected_pesel:
        checks.append(Check("pesel", mask_pesel_value(expected_pesel), pesel_result, pesel_result == "right"))
    facts_out = []
    for fact in x.facts:
        found = fact_found(fill(fact, values), said_all) or any(
            fact_found(fill(fact, values), alternative) for alternative in bot_heard_alternatives)
        facts_out.append({"fact": masked(fact), "found": found})
        checks.append(Check("fact", masked(fact), "said" if found else "not said", found))
    if x.handoff_queue is not None:
        checks.append(Check("handoff_queue", x.handoff_queue, queue, queue == x.handoff_queue))
    if x.contained is not None:
        checks.append(Check("contained", str(x.contained).lower(), str(not handoffs).lower(),
                            (not handoffs) == x.contained))
    if x.end_reason is not None:
        checks.append(Check("end_reason", x.end_reason, str(end_reason), end_reason == x.end_reason))
    if x.max_latency_s is not None:
        worst = max(lat_values) if lat_values else None
        checks.append(Check("max_latency_s", f"≤ {x.max_latency_s:g}", "—" if worst is None else f"{worst:.2f}",
                            worst is None or worst <= x.max_latency_s))
    if x.min_barge_ins is not None:
        n = sum(1 for e in events if e["type"] == "barge_in")
        checks.append(Check("barge_ins", f"≥ {x.min_barge_ins}", str(n), n >= x.min_barge_ins))
    surveys = [e for e in events if e["type"] == "survey"]
    survey = surveys[-1] if surveys else {}
    ratings, given_by = list(survey.get("ratings") or []), list(survey.get("by") or [])
    if x.survey_ratings is not None:
        checks.append(Check("survey_ratings", " ".join(map(str, x.survey_ratings)), " ".join(map(str, ratings)) or "—",
                            ratings == list(x.survey_ratings)))
    if x.survey_by is not None:
        checks.append(Check("survey_by", " ".join(x.survey_by), " ".join(given_by) or "—",
                            given_by == list(x.survey_by)))
    if x.survey_complete is not None:
        done = bool(survey.get("complete"))
        checks.append(Check("survey_complete", str(x.survey_complete).lower(), str(done).lower(),
                            done == x.survey_complete))
    if x.booking is not None:
        checks.extend(booking_checks(x.booking, raw.booking))
    for row in turns_out:
        turn = case.turns[row["index"]] if case.turns and row["index"] < len(case.turns) else None
        if turn is not None and turn.expect.max_latency_s is not None and row.get("latency_s") is not None:
            checks.append(Check(f"turn {row['index']} latency", f"≤ {turn.expect.max_latency_s:g}",
                                f"{row['latency_s']:.2f}", row["latency_s"] <= turn.expect.max_latency_s))

    if raw.error == "interrupted":
        status = "interrupted"
    elif raw.error or not events:
        status = "error"
    else:
        status = "pass" if all(c.passed for c in checks) else "fail"
    return {
        "id": case.id, "description": case.description, "person": case.person, "status": status,
        "error": raw.error, "duration_s": round(raw.t_end - raw.t0, 2) if raw.t_end else None,
        "checks": [c.as_dict() for c in checks], "turns": turns_out,
        "wer": totals[0] / totals[1] if totals[1] else None, "cer": totals[2] / totals[3] if totals[3] else None,
        "word_counts": {"errors": totals[0], "words": totals[1], "char_errors": totals[2], "chars": totals[3],
                        "turns_unscored": unscored},  # turns whose heard digits the record hides
        "intent": intent, "topic": topic, "auth": auth, "expected": {
            "intent": x.intent, "topic": x.topic, "auth": x.auth, "handoff_queue": x.handoff_queue},
        "pesel": {"result": pesel_result, "attempts": attempts, "entry": entry,
                  "captured": mask_pesel_value(captured), "expected": mask_pesel_value(expected_pesel),
                  # read-backs of another number the caller said no to (a misrecognition caught in time)
                  "read_backs_refused": sum(1 for log in raw.turns if log.not_my_pesel)},
        "booking": raw.booking.as_dict() if raw.booking is not None else None,
        "handoff_queue": queue, "contained": not handoffs, "end_reason": end_reason,
        "facts": facts_out, "bot_said": [masked(t) for t in said_plain],
        "bot_heard": [masked(t) for t in bot_heard],
        "bot_turns": sum(1 for e in events if e["type"] == "bot_utterance"), "caller_turns": caller_turns,
        "barge_ins": sum(1 for e in events if e["type"] == "barge_in"),
        "latencies_s": lat_values, "latency": spread(lat_values),
        "asr_ms": [e["asr_ms"] for e in transcripts if e.get("asr_ms") is not None],
        "tts_first_audio_s": tts_first_audio(events),
        "latency_parts_s": latency_parts(events, raw),
        "dropped": (ended[-1].get("dropped") if ended else None) or {},
        "survey": {"ratings": ratings, "by": given_by, "complete": bool(survey.get("complete"))} if survey else None,
    }


def _rate(hits: int, total: int) -> float | None:
    return hits / total if total else None


def score_suite(calls: list[dict]) -> dict:
    ran = [c for c in calls if c["status"] in ("pass", "fail")]
    statuses = Counter(c["status"] for c in calls)
    totals = [sum(c["word_counts"][k] for c in ran) for k in ("errors", "words", "char_errors", "chars")]
    lat = [v for c in ran for v in c["latencies_s"]]
    asr = [v for c in ran for v in c["asr_ms"]]
    tts = [v for c in ran for v in c["tts_first_audio_s"]]
    parts = [p for c in ran for p in c.get("latency_parts_s", ())]
    pesel_cases = [c for c in ran if c["pesel"]["expected"]]
    confusion: dict[str, Counter] = {}
    for c in ran:
        if c["expected"]["intent"]:
            confusion.setdefault(c["expected"]["intent"], Counter())[str(c["intent"])] += 1

    def accuracy(field: str) -> dict:
        labelled = [c for c in ran if c["expected"][field] is not None]
        actual = "handoff_queue" if field == "handoff_queue" else field
        hits = sum(1 for c in labelled if c[actual] == c["expected"][field])
        return {"n": len(labelled), "correct": hits, "rate": _rate(hits, len(labelled))}

    facts = [f for c in ran for f in c["facts"]]
    checks = Counter()
    passed = Counter()
    for c in ran:
        for check in c["checks"]:
            checks[check["name"]] += 1
            passed[check["name"]] += check["passed"]
    return {
        "calls": len(calls), "status": dict(statuses),
        "pass_rate": _rate(statuses["pass"], len(ran)),
        "wer": _rate(totals[0], totals[1]), "cer": _rate(totals[2], totals[3]), "reference_words": totals[1],
        "wer_turns_unscored": sum(c["word_counts"].get("turns_unscored", 0) for c in ran),
        "pesel": {"n": len(pesel_cases), **Counter(c["pesel"]["result"] for c in pesel_cases),
                  "right_rate": _rate(sum(c["pesel"]["result"] == "right" for c in pesel_cases), len(pesel_cases)),
                  "attempts_mean": statistics.fmean([c["pesel"]["attempts"] for c in pesel_cases]) if pesel_cases else None,
                  "read_backs_refused": sum(c["pesel"].get("read_backs_refused", 0) for c in pesel_cases),
                  "by_entry": dict(Counter(str(c["pesel"]["entry"]) for c in pesel_cases
                                           if c["pesel"]["result"] == "right"))},
        "auth": {"outcomes": dict(Counter(c["auth"] for c in ran)), **accuracy("auth")},
        "intent": {**accuracy("intent"), "confusion": {k: dict(v) for k, v in confusion.items()}},
        "topic": accuracy("topic"),
        "handoff_queue": accuracy("handoff_queue"),
        "facts": {"n": len(facts), "found": sum(f["found"] for f in facts),
                  "rate": _rate(sum(f["found"] for f in facts), len(facts))},
        "containment": _rate(sum(c["contained"] for c in ran), len(ran)),
        "turns_per_call": {"caller": statistics.fmean([c["caller_turns"] for c in ran]) if ran else None,
                           "bot": statistics.fmean([c["bot_turns"] for c in ran]) if ran else None},
        "barge_ins": sum(c["barge_ins"] for c in ran),
        "latency_s": spread(lat), "asr_ms": spread(asr), "tts_first_audio_s": spread(tts),
        # Median seconds per part of an answered turn (eval.metrics.latency_parts), and the p95 total.
        "latency_parts_s": {k: round(statistics.median(p[k] for p in parts), 3)
                            for k in ("vad_stop", "asr", "turn_wait", "dialogue", "tts_and_line", "total")}
        if parts else {},
        "checks": {name: {"n": n, "passed": passed[name]} for name, n in sorted(checks.items())},
    }


def booking_checks(expected, evidence) -> list[Check]:
    """The visit booked (``eval.booking_check``) against the case's ``booking`` expectation."""
    if evidence is None:
        return [Check("booking", "a visit booked", "none", False)]
    checks = [Check("booking", "booked", str(evidence.status), evidence.status == "booked")]
    if expected.office is not None:
        checks.append(Check("booking_office", expected.office, evidence.office_id, evidence.office_id == expected.office))
    if expected.matter is not None:
        checks.append(Check("booking_matter", expected.matter, evidence.matter, evidence.matter == expected.matter))
    if expected.slot_rank is not None:
        checks.append(Check("booking_slot_rank", str(expected.slot_rank), str(evidence.slot_rank),
                            evidence.slot_rank == expected.slot_rank))
    if expected.email_to is not None:
        mail = evidence.email
        checks.append(Check("booking_email", f"to {expected.email_to}", "none" if mail is None else f"to {mail.to}",
                            mail is not None and mail.to == expected.email_to))
        complete = mail is not None and mail.has_code and mail.has_office and mail.has_date_and_time \
            and mail.calendar_start_matches
        checks.append(Check("booking_email_content", "code, office, date, time, .ics", "complete" if complete
                            else "incomplete", complete))
    return checks
