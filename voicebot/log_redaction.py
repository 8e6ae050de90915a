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

# Any run of 3+ digits, also with separators ("82 01 15", "1 234,56"); single key digits are never
# logged by our code, and pipecat's DTMF frame repr is covered by the tone pattern.
_DIGIT_RUN = re.compile(r"\d(?:[\d\s.,-]*\d){2,}")
_TONE = re.compile(r"(tone|digit|button|KeypadEntry)([=:. ]+'?)[0-9*#A-D]", re.IGNORECASE)


def redact(text: str) -> str:
    text = _TONE.sub(r"\1\2•", text)
    return _DIGIT_RUN.sub("[redacted]", text)


def _patch(record) -> None:
    record["message"] = redact(record["message"])
    if record["exception"] is not None:
        # Exception messages may carry values; keep the type, drop the text.
        exc_type, _, tb = record["exception"]
        record["exception"] = record["exception"].__class__(exc_type, None, tb)


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
