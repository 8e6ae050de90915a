"""The satisfaction survey by text: offered after a contained call and after a handoff, ratings by
keypad and by voice, the optional comment (redacted), partial surveys, and what it must not touch."""

import random

import pytest

from contracts.survey import SurveyQuestion, SurveySource
from dialogue.actions import CollectKeys, EndCall, HandOff, Listen, RecordSurvey
from dialogue.engine import DialogueEngine, EngineConfig
from dialogue.events import SurveyStarted, Transcript
from dialogue.keyword_nlu import KeywordNlu
from dialogue.rating import rating_from_key, rating_from_words
from tests.dialogue.harness import TODAY, Call
from tests.dialogue.spoken import make_pesel


def survey_call() -> Call:
    return Call(engine=DialogueEngine(KeywordNlu(), EngineConfig(today=TODAY, survey=True)))


def answered_call() -> Call:
    """A contained call: a tier I answer, then "anything else?"."""
    call = survey_call()
    call.say("w jakich godzinach pracujecie")
    assert call.state.name == "anything_else"
    return call


def surveys(call: Call) -> list[RecordSurvey]:
    return call.all_of(RecordSurvey)


@pytest.mark.parametrize("farewell", ["nie, dziękuję", "dziękuję, to wszystko, do widzenia"])
def test_contained_call_offers_the_survey(farewell):
    call = answered_call()
    call.say(farewell)
    assert call.state.name == "survey_offer"
    assert "Czy zechcesz ocenić rozmowę? To trzy krótkie pytania." in call.said()
    listen = call.of(Listen)[0]
    assert [c.label for c in listen.choices] == ["Tak", "Nie"]


def test_declined_survey_ends_with_the_original_reason_and_stores_nothing():
    call = answered_call()
    call.say("nie, dziękuję")
    call.say("nie")
    assert call.state.name == "ended" and call.state.end_reason == "caller_done"
    assert call.of(EndCall) and not surveys(call)


def test_keypad_ratings_and_spoken_comment():
    call = answered_call()
    call.say("nie")
    call.say("tak")
    assert call.state.name == "survey_question"
    assert "od jednego do pięciu" in call.said() and "Pierwsze pytanie" in call.said()
    call.keys("5")
    assert "Drugie pytanie" in call.said()
    call.keys("4")
    call.keys("3")
    assert call.state.name == "survey_comment"
    partial = surveys(call)
    assert [len(r.result.answers) for r in partial] == [1, 2, 3]
    assert all(not r.result.complete for r in partial)
    call.say("Wszystko jasne, ale mój numer 82010112345 podałem dwa razy")
    assert call.state.name == "ended"
    final = surveys(call)[-1].result
    assert final.complete and final.source == SurveySource.CONTAINED and final.channel == "voice"
    assert [(a.question, a.rating, a.by) for a in final.answers] == [
        (SurveyQuestion.RESOLVED, 5, "keypad"), (SurveyQuestion.CLARITY, 4, "keypad"),
        (SurveyQuestion.OVERALL, 3, "keypad")]
    assert final.comment is not None and "Wszystko jasne" in final.comment
    assert "82010112345" not in final.comment  # redacted like every transcript
    assert final.queue is None and final.call_id == ""  # the adapter links the call id
    assert "Dziękuję za ocenę" in call.said()


def test_voice_ratings_in_words_and_no_comment_by_hash():
    call = answered_call()
    call.say("nie")
    call.say("tak, chętnie")
    call.say("pięć")
    call.say("bardzo dobrze")
    call.say("średnio")
    call.keys("#")
    final = surveys(call)[-1].result
    assert [(a.rating, a.by) for a in final.answers] == [(5, "voice"), (5, "voice"), (3, "voice")]
    assert final.comment is None and final.complete
    assert call.state.name == "ended" and call.state.end_reason == "caller_done"


def test_not_a_rating_is_asked_again_then_the_survey_stops_with_what_it_has():
    call = answered_call()
    call.say("nie")
    call.say("tak")
    call.keys("4")
    call.keys("9")  # not on the scale
    assert call.state.name == "survey_question" and "od jednego do pięciu" in call.said()
    call.say("nie wiem")
    assert call.state.name == "survey_question"
    call.say("trudno powiedzieć")  # the third answer that is not a rating
    assert call.state.name == "ended" and "zapisuję oceny" in call.said()
    final = surveys(call)[-1].result
    assert len(final.answers) == 1 and not final.complete


def test_words_during_the_survey_are_not_commands():
    """"konsultant" in a comment is not a request for a human; "do widzenia" keeps the ratings."""
    call = answered_call()
    call.say("nie")
    call.say("tak")
    call.keys("5")
    call.say("do widzenia")
    assert call.state.name == "ended" and not call.all_of(HandOff)
    assert len(surveys(call)[-1].result.answers) == 1

    call = answered_call()
    call.say("nie")
    call.say("tak")
    call.keys("555")
    call.say("Konsultant był bardzo pomocny")
    assert not call.all_of(HandOff)
    assert surveys(call)[-1].result.comment == "Konsultant był bardzo pomocny"


def test_silence_in_the_comment_finishes_the_survey():
    call = answered_call()
    call.say("nie")
    call.say("tak")
    call.keys("123")
    call.silence()
    assert call.state.name == "ended" and surveys(call)[-1].result.complete


def test_after_handoff_the_conversation_is_the_survey_with_the_queue():
    engine = DialogueEngine(KeywordNlu(), EngineConfig(today=TODAY))  # no contained-call survey needed
    state, actions = engine.start(SurveyStarted(channel="text", queue="vat"))
    assert state.name == "survey_offer"
    assert "Konsultant zakończył rozmowę" in " ".join(a.text for a in actions if hasattr(a, "text"))
    said = []
    for event_text in ("tak", "dobrze", "4", "bardzo dobrze", "bez komentarza"):
        state, actions = engine.handle(state, Transcript(event_text))
        said += [a.text for a in actions if hasattr(a, "text")]
    # In chat the scale and the comment speak of buttons and typing, not of a phone's keypad.
    assert "wybierz przycisk" in " ".join(said) and "klawiaturze" not in " ".join(said)
    records = [a for a in actions if isinstance(a, RecordSurvey)]
    assert state.name == "ended" and records
    result = records[-1].result
    assert result.source == SurveySource.HANDOFF and result.queue == "vat" and result.channel == "text"
    assert [a.rating for a in result.answers] == [4, 4, 5] and result.comment is None


def test_no_survey_unless_enabled_or_when_nothing_was_answered():
    call = Call()  # the default config: survey off
    call.say("w jakich godzinach pracujecie")
    call.say("nie")
    assert call.state.name == "ended"
    call = survey_call()
    call.say("do widzenia")  # before anything was answered: just goodbye
    assert call.state.name == "ended" and not surveys(call)


def test_the_telepin_path_is_untouched():
    call = survey_call()
    call.authenticate(make_pesel(random.Random(13)))
    keys = [a for a in call.actions if isinstance(a, CollectKeys)]
    assert keys and keys[-1].secret and keys[-1].purpose == "telepin"
    assert not surveys(call)


@pytest.mark.parametrize("text,rating", [
    ("pięć", 5), ("na piątkę", 5), ("5", 5), ("bardzo dobrze", 5), ("dobrze", 4), ("cztery", 4),
    ("średnio", 3), ("tak sobie", 3), ("nie najgorzej", 3), ("słabo", 2), ("nie najlepiej", 2),
    ("bardzo źle", 1), ("fatalnie", 1), ("jeden", 1),
    ("Pięci.", 5), ("Średno.", 3),  # the recogniser's near misses of "pięć", "średnio"
    ("trzy albo cztery", None), ("tak", None), ("pieniądze", None), ("dziesięć", None), ("nie wiem", None),
])
def test_rating_from_words(text, rating):
    assert rating_from_words(text) == rating


def test_rating_from_key():
    assert [rating_from_key(k) for k in "0123456789*#"] == [None, 1, 2, 3, 4, 5, None, None, None, None, None, None]


def test_a_misspelt_one_word_rating_is_still_a_rating():
    # What Whisper wrote of RHVoice callers in a full run: "Średno." for "Średnio.", "Pięcie." for "Pięć."
    from dialogue.rating import rating_from_words

    assert rating_from_words("Średno.") == 3
    assert rating_from_words("Pięcie.") == 5
    assert rating_from_words("dziękuję") is None and rating_from_words("dziesięć") is None
