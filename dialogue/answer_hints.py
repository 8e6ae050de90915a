"""What the conversation knows about the answer it is waiting for, offered to the recogniser.

Pure functions of (listening mode, what the turn expects, the recogniser's hypotheses). The speech
layer calls them through ``asr.hints.TurnHints``; nothing here touches audio.

- ``texts_to_score``: for a turn that expects a number, the candidate numbers rendered as the caller
  said them, for the recogniser to score against the audio, in rounds (``dialogue.number_reading``).
- ``number_settled``: the candidates of the recogniser's first (free) decode, scored against the
  audio, single out one number by far (``EARLY_MARGIN``): the decode that spells numbers in words is
  skipped. Measured on 128 first PESEL attempts of RHVoice callers (``eval.pesel_capture`` seeds 7
  and 8): 34 of the 89 that needed more than the free decode settled here, the rest as before, and 5
  more were right the first time (the words decode's hypotheses had added look-alike candidates).
- ``answer_complete``: the hypotheses hold the whole answer — a clear yes or no, every digit of a
  number that passes its checksum, "nie wiem" / a refusal instead of a number, a plain "nie, to
  wszystko" to "anything else?" (``MayEndCall``): the recogniser decodes no further.
- ``turn_over``: the caller has plainly finished their turn — every complete answer, a number with
  as many digits as asked even if one was misheard, an e-mail address spelled to its domain's end
  or a whole booking code, a question about a matter the bot answers — so
  the turn may end without waiting for the turn-taking model, which on short phone answers, on a
  PESEL's list intonation and on some questions judges "not yet" (the end-of-turn wait then costs
  0.8 s in free speech, 2 s while a caller spells, 3 s while digits are read).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dialogue.keyword_nlu import asks_about_a_matter, closes, doesnt_know, refuses_identification, wants_agent, yes_no
from dialogue.number_reading import NumberSpec, read_number, said_every_digit, said_in_full
from dialogue.number_reading import texts_to_score as number_texts
from dialogue.numerals import words_to_digits
from polish.email_spelling import spelled_to_the_end
from polish.visits import code_from_text


@dataclass(frozen=True)
class MayEndCall:
    """What a free turn expects after "Czy mogę jeszcze w czymś pomóc?": a plain no ends the call."""


MAY_END_CALL = MayEndCall()

# How far ahead (in log-probability plus weighted support, as ``number_reading.read_number`` ranks)
# the best candidate of the free decode must be to skip the words decode: the margins of the free
# decode's wrong winners reached 23.3 on the tuning seeds; a sole candidate counts as settled.
EARLY_MARGIN = 24.0


class AnswerHints:
    def __init__(self, today: date | None = None) -> None:
        self._today = today

    def texts_to_score(self, vocabulary: str, expect: Any, hypotheses: Sequence[str],
                       scored: Mapping[str, float] | None = None) -> Sequence[str]:
        if vocabulary == "digits" and isinstance(expect, NumberSpec):
            return number_texts(hypotheses, expect, self._today, scored)
        return ()

    def number_settled(self, vocabulary: str, expect: Any, hypotheses: Sequence[str],
                       scored: Mapping[str, float]) -> bool:
        if vocabulary != "digits" or not isinstance(expect, NumberSpec) or not hypotheses or not scored:
            return False
        reading = read_number(hypotheses[0], hypotheses[1:], scored, expect, self._today)
        return reading.value is not None and (reading.margin is None or reading.margin >= EARLY_MARGIN)

    def answer_complete(self, vocabulary: str, expect: Any, hypotheses: Sequence[str]) -> bool:
        if not hypotheses:
            return False
        if vocabulary == "yes_no":
            return yes_no(hypotheses[0]) is not None
        if vocabulary == "digits" and isinstance(expect, NumberSpec):
            return said_in_full(hypotheses, expect, self._today) or _no_number_coming(hypotheses[0])
        if isinstance(expect, MayEndCall):
            return closes(hypotheses[0])
        return False

    def turn_over(self, vocabulary: str, expect: Any, hypotheses: Sequence[str]) -> bool:
        if not hypotheses:
            return False
        if self.answer_complete(vocabulary, expect, hypotheses):
            return True
        if vocabulary == "digits" and isinstance(expect, NumberSpec):
            return said_every_digit(hypotheses, expect)
        if vocabulary == "spelling":  # an e-mail address to its domain's end, or a whole booking code
            return spelled_to_the_end(hypotheses[0]) or code_from_text(hypotheses[0]) is not None
        return vocabulary == "free" and asks_about_a_matter(hypotheses[0])


def _no_number_coming(text: str) -> bool:
    """Instead of the number: "nie pamiętam", "nie chcę podawać", "poproszę konsultanta"."""
    return not words_to_digits(text) and (doesnt_know(text) or refuses_identification(text) or wants_agent(text))
