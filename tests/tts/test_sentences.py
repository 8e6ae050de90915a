"""The pieces a reply is synthesised in."""

from __future__ import annotations

from tts.sentences import pieces_of, speech_pieces


def test_a_sentence_is_cut_after_a_colon_that_introduces_what_follows():
    assert speech_pieces("Najbliższy wolny termin: wtorek, 9:30. Czy ten termin Ci odpowiada?") == [
        "Najbliższy wolny termin:", "wtorek, 9:30.", "Czy ten termin Ci odpowiada?"]


def test_a_time_or_a_colon_without_a_space_does_not_cut():
    assert speech_pieces("Konsultanci pracują od 8:00 do 16:00.") == ["Konsultanci pracują od 8:00 do 16:00."]


def test_the_cache_holds_each_piece_once():
    assert pieces_of(["Mam: osiem.", "Mam:  dwa.", "Czy się zgadza?"]) == ["Czy się zgadza?", "Mam:", "dwa.", "osiem."]
