"""Logging that cannot leak tax secrets.

pipecat logs through loguru; at DEBUG it prints the text it synthesises (amounts) and frames such as
``InputDTMFFrame(tone: 5)``. We run it at INFO and, as a second line of defence, every record passes
through ``redact``: digit runs that could be a PESEL, NIP, telePIN, account or amount are replaced.
"""

from __future__ import annotations

import logging
import re
import sys

from loguru import logger

# Identifiers: 5+ digits, also split by spaces or dashes ("820 115 123 45" is a PESEL said in
# groups; a telePIN has 6 digits, a NIP 10, a bank account 26).
_LONG_NUMBER = re.compile(r"(?<![\d.])\d(?:[ \-]?\d){4,}(?![\d.]*\.\d)")
# Amounts as Polish writes them, with a decimal comma ("1234,56", "1 234,56 zł"); a dot is left
# alone so durations ("0.52 s") stay readable. Spoken amounts are words and are only ever in TTS
# text, which is logged at DEBUG only (we run at INFO).
_AMOUNT = re.compile(r"\d(?:[\d ]*\d)?,\d{1,2}(?!\d)")
# Addresses are not secrets and make logs usable: 127.0.0.1:8080 stays.
_IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![.\d])(?::\d{1,5})?\b")
# A single key is never logged by our code; pipecat's DTMF frame repr shows its tone.
_TONE = re.compile(r"(tone|digit|button|KeypadEntry)([=:. (]+'?)[0-9*#A-D]", re.IGNORECASE)


# pipecat lines that carry what was said or is about to be said (amounts in words, a PESEL read
# back): the text goes, the line stays.
_SPOKEN = re.compile(r"(Generating TTS |not speaking |Transcription: |eager end of turn: )\[.*\]", re.DOTALL)
_TTS_REQUEST = re.compile(r"(TTS request: \S+) - .*", re.DOTALL)


def redact(text: str) -> str:
    text = _SPOKEN.sub(r"\1[text hidden]", text)
    text = _TTS_REQUEST.sub(r"\1 - [text hidden]", text)
    text = _TONE.sub(r"\1\2•", text)
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    text = _IPV4.sub(keep, text)
    text = _LONG_NUMBER.sub("[redacted]", text)
    text = _AMOUNT.sub("[redacted]", text)
    text = _hide_numbers(text)
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], text)


def _hide_numbers(text: str) -> str:
    """What the patterns above miss: numbers written with other separators ("4.8.2.9.1.3") or in
    words, read the way transcripts are redacted (integrations/handoff/redaction.py)."""
    from polish.redaction import sensitive_numbers

    for start, end, _digits, _amount in reversed(sensitive_numbers(text, spoken=False)):
        text = text[:start] + "[redacted]" + text[end:]
    return text


def _patch(record) -> None:
    record["message"] = redact(record["message"])
    if record["exception"] is not None:
        # Exception messages may carry values; keep the type, drop the text.
        exc_type, _, tb = record["exception"]
        try:
            hidden = exc_type.__new__(exc_type)
            hidden.args = ("[message hidden]",)
        except Exception:  # an exotic exception type: drop the value altogether
            hidden = None
        record["exception"] = record["exception"].__class__(exc_type, hidden, tb)


class _InterceptHandler(logging.Handler):
    """Route stdlib logging (uvicorn, httpx) through the same redaction."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            level = logger.level(record.levelname).name
        except ValueError:
            level = record.levelno
        logger.opt(depth=6, exception=record.exc_info).log(level, record.getMessage())


def configure_logging(level: str = "INFO") -> None:
    logger.remove()
    logger.configure(patcher=_patch)
    logger.add(sys.stderr, level=level, backtrace=False, diagnose=False)
    logging.basicConfig(handlers=[_InterceptHandler()], level=logging.INFO, force=True)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "httpx"):
        logging.getLogger(name).handlers = [_InterceptHandler()]
        logging.getLogger(name).propagate = False
