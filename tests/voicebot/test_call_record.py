"""The call record keeps no PESEL, no PIN and no key digits, yet lets the evaluation check the PESEL."""

from __future__ import annotations

import json
import stat

from stdnum.pl import pesel as stdnum_pesel

from dialogue.secrets import Pesel
from dialogue.speech import pesel_readback
from voicebot.call_record import (CallRecord, dialogue_state_fields, pesel_digest, read_call_record,
                                  transcript_fields)


def a_pesel() -> str:
    base = "8501150123"
    return base + stdnum_pesel.calc_check_digit(base)


def test_spoken_or_written_pesel_is_hidden_in_transcripts():
    pesel = a_pesel()
    for said in (f"mój PESEL to {pesel}", f"mój PESEL to {pesel_readback(pesel)}"):
        fields = transcript_fields(said, (said.upper(),))
        dump = json.dumps(fields, ensure_ascii=False)
        assert pesel not in dump and pesel_readback(pesel) not in dump
        assert fields["digits_hidden"] is True
    plain = transcript_fields("chcę sprawdzić saldo za 2024")
    assert plain == {"text": "chcę sprawdzić saldo za 2024", "alternatives": []}


def test_an_answer_to_the_pesel_question_is_hidden_whole_if_it_says_any_number():
    """The recogniser broke the number around a garbled word: no piece of it may show."""
    pesel = a_pesel()
    broken = f"Pięćdziesiąt osiemdzierodła, {pesel_readback(pesel[2:])}."
    fields = transcript_fields(broken, (f"{pesel[:2]}, {pesel[2:6]}",), number_answer=True)
    dump = json.dumps(fields, ensure_ascii=False)
    assert "Pięćdziesiąt" not in dump and "osiemdzierodła" not in dump and pesel[2:6] not in dump
    assert fields["digits_hidden"] is True
    assert transcript_fields("Nie wiem.", number_answer=True) == {"text": "Nie wiem.", "alternatives": []}
    # Elsewhere a short number is the caller's matter, not a secret ("za 2024").
    assert transcript_fields("saldo za 2024")["text"] == "saldo za 2024"


class _State:
    name = "telepin"
    intent = "balance"
    topic = "pit"
    pesel = None

    def __init__(self, pesel: str) -> None:
        self.pesel_candidate = Pesel(pesel)


def test_dialogue_state_carries_a_masked_pesel_and_a_keyed_digest():
    pesel = a_pesel()
    fields = dialogue_state_fields(_State(pesel), "KeyPress", b"k1")
    assert fields["pesel"] == f"{pesel[:3]}***{pesel[-2:]}"
    assert fields["pesel_digest"] == pesel_digest(pesel, b"k1") != pesel_digest(pesel, b"k2")
    assert pesel not in json.dumps(fields)
    assert (fields["intent"], fields["topic"], fields["state"]) == ("balance", "pit", "telepin")


def test_record_file_is_private_and_closed_once(tmp_path):
    record = CallRecord(tmp_path / "calls", "c1")
    record.emit("keypress", count=1)
    record.close(reason="caller hung up")
    record.close(reason="again")
    record.emit("late", x=1)
    assert stat.S_IMODE(record.path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "calls").stat().st_mode) == 0o700
    events = read_call_record(record.path)
    assert [e["type"] for e in events] == ["keypress", "call_ended"]
    assert events[-1]["reason"] == "caller hung up"
