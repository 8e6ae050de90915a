"""The log redaction filter: the last line of defence for tax secrecy in logs."""

import pytest
from stdnum.pl import pesel as stdnum_pesel

from voicebot.log_redaction import redact


def a_pesel() -> str:
    base = "9201151234"
    return base + stdnum_pesel.calc_check_digit(base)


@pytest.mark.parametrize("template", [
    "caller {p}", "caller {g}", "PESEL={p}, ok", "url /taxpayers/{p}/balances",
], ids=["plain", "grouped", "key-value", "in-url"])
def test_pesel_never_survives(template):
    p = a_pesel()
    grouped = f"{p[:3]} {p[3:6]} {p[6:9]} {p[9:]}"
    out = redact(template.format(p=p, g=grouped))
    assert p not in out.replace(" ", "")
    assert "[redacted]" in out


@pytest.mark.parametrize("text,gone", [
    ("pin 123456 given", "123456"),
    ("kwota 1 234,56 zł", "234,56"),
    ("nip 526-000-12-46", "526-000-12-46"),
    ("InputDTMFFrame(tone: 7)", "tone: 7"),
], ids=["telepin", "amount", "nip", "dtmf-frame"])
def test_secrets_are_removed(text, gone):
    assert gone not in redact(text)


def test_operational_numbers_stay_readable():
    assert redact("Uvicorn running on http://127.0.0.1:8080") == "Uvicorn running on http://127.0.0.1:8080"
    assert redact("call took 0.52 s on 2 threads") == "call took 0.52 s on 2 threads"


@pytest.mark.parametrize("line", [
    "SynthesizerTTSService#0: Generating TTS [Masz tysiąc dwieście złotych zaległości.]",
    "SynthesizerTTSService#0: service is no longer usable, not speaking [Masz tysiąc złotych.]",
    "Transcription: [osiem dwa zero jeden]",
    "TTS request: ctx-1 - Masz tysiąc złotych.",
], ids=["tts-debug", "tts-warning", "stt-debug", "tts-request"])
def test_spoken_text_in_pipecat_lines_is_hidden(line):
    out = redact(line)
    assert "tysiąc" not in out and "osiem" not in out
    assert "[text hidden]" in out


def test_exception_messages_do_not_reach_the_log(capfd):
    from loguru import logger

    from voicebot.log_redaction import configure_logging

    configure_logging()
    pin, pesel = "".join(map(str, range(1, 7))), a_pesel()  # runtime values, not in the source line
    try:
        raise ValueError(f"telePIN {pin} for caller {pesel}")
    except ValueError:
        logger.exception("verification failed")
    err = capfd.readouterr().err
    assert "ValueError" in err and "verification failed" in err
    assert pin not in err and pesel not in err
