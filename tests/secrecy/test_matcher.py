"""The scanner finds every secret in every spelling, finds nothing in innocent text, and the
redaction leaves no spelling of a PESEL or telePIN behind (the two check each other: the scanner's
words come from num2words, the redaction's from the dialogue's numeral parser)."""

from __future__ import annotations

import random

import pytest
from num2words import num2words

from integrations.handoff.redaction import redact_caller_text
from tests.secrecy.known import Secret, known_secrets
from tests.secrecy.matcher import Matcher, fold

SECRETS = known_secrets()
MATCHER = Matcher(SECRETS)
NUMBERS = [s for s in SECRETS if s.kind in ("pesel", "telepin", "nip")]


def _said(part: str) -> str:
    """A part as a caller says it: leading zeros one by one, the rest as a number."""
    rest = part.lstrip("0")
    zeros = ["zero"] * (len(part) - len(rest))
    return " ".join(zeros + ([num2words(int(rest), lang="pl")] if rest else []))


def spellings(digits: str, rng: random.Random) -> list[str]:
    """Digits with separators, and words in random splits into parts of 1-3 digits."""
    out = [digits, " ".join(digits), ".".join(digits), "-".join(digits), ", ".join(digits),
           f"{digits[:3]} {digits[3:6]} {digits[6:]}"]
    for _ in range(12):
        parts, rest = [], digits
        while rest:
            size = rng.choice([1, 2, 3])
            parts.append(rest[:size])
            rest = rest[size:]
        said = ", ".join(_said(p) for p in parts)
        out += [said, fold(said)]
    return out


@pytest.mark.parametrize("secret", NUMBERS, ids=[s.label for s in NUMBERS])
def test_every_spelling_is_found_and_redaction_removes_it(secret):
    rng = random.Random(secret.label)
    for index, text in enumerate(spellings(secret.value, rng)):
        found = {hit.label for hit in MATCHER.scan(f"rozmówca: {text} i tyle")}
        if secret.label not in found:
            raise AssertionError(f"spelling #{index} of {secret.label} not found")
        left = {hit.label for hit in MATCHER.scan(redact_caller_text(f"mój numer to {text}, dziękuję"))}
        if secret.label in left:
            raise AssertionError(f"spelling #{index} of {secret.label} survived the redaction")


def test_amounts_are_found_as_written_and_said():
    from polish.spoken import amount_words

    for secret in (s for s in SECRETS if s.kind == "amount"):
        grosze = int(secret.value)
        zl, gr = divmod(grosze, 100)
        grouped = f"{zl:,}".replace(",", " ")
        for text in (f"{zl},{gr:02d} zł", f"{grouped},{gr:02d}", f"{zl}.{gr:02d} PLN", amount_words(grosze)):
            if secret.label not in {hit.label for hit in MATCHER.scan(f"kwota: {text}.")}:
                raise AssertionError(f"{secret.label} not found in one of its spellings")


def test_in_a_report_a_bare_decimal_is_a_figure_and_money_is_still_money():
    """A call that lasted as many seconds as an amount has złoty (junit's time="18.47") is no leak;
    the same amount written as money in the same report is one, and elsewhere the bare form counts
    unless it is followed by a unit of time."""
    for secret in (s for s in SECRETS if s.kind == "amount"):
        zl, gr = divmod(int(secret.value), 100)
        timing = f'<testcase name="balance" time="{zl}.{gr:02d}">'
        assert secret.label not in {h.label for h in MATCHER.scan(timing, figures=True)}
        assert secret.label in {h.label for h in MATCHER.scan(timing)}
        assert secret.label not in {h.label for h in MATCHER.scan(f"synthesised in {zl}.{gr:02d} s")}
        for money in (f"saldo {zl}.{gr:02d} zł", f"saldo {zl},{gr:02d}", f"saldo {zl}.{gr:02d} PLN"):
            if secret.label not in {h.label for h in MATCHER.scan(money, figures=True)}:
                raise AssertionError(f"{secret.label} written as money in a report not found")


def test_a_log_line_s_date_and_time_are_no_secret_and_the_same_digits_elsewhere_are():
    """A sandbox log line written at 18:47:00 is no amount of 1847,00 zł, nor one dated 2012-02-18 a
    telePIN 201202, nor a clock at 12:02:18 a telePIN 120218 (a CI run failed on the first); the same
    digits written as a number still are."""
    matcher = Matcher([Secret("amount", "amount#x", "184700"), Secret("telepin", "telepin#x", "201202"),
                       Secret("telepin", "telepin#y", "120218"), Secret("telepin", "telepin#z", "122026")])
    for line in ("2026-12-02 18:47:00,437 INFO integrations.sandbox: GET /health 200 5ms",
                 '{"ts": "2012-02-18T18:47:00.437912+00:00", "event": "turn"}',
                 "[12:02:18] rozmowa zakończona", "Stan na 02.12.2026 r."):
        assert matcher.scan(line) == [], line
    for text in ("kwota w groszach: 184700", "PIN 201202", "PIN 12 2026", "PIN 2012 02", "PIN 12 02 18", "1847,00 zł",
                 "o 18:47 kwota 1847,00 zł"):
        assert matcher.scan(text), text


@pytest.mark.parametrize("text", [
    '{"t": 1764581234.482913, "type": "keypress", "count": 6}',
    "127.0.0.1:41200 - WS /telephony/twilio accepted",
    "stream MZ482913aa85031412347ff: dropped message",
    "PIT-37 za 2025 rok, infolinia od 8 do 16",
    "backend identity.verify: 200 in 35ms",
], ids=["timestamp", "address", "ids", "years-hours", "timing"])
def test_innocent_text_has_no_hits(text):
    assert MATCHER.scan(text) == []
