"""Offline language identification."""

from frontwatch.language import (
    _OPENING_CONFIDENCE,
    _OPENINGS,
    _SAMPLE_CHARS,
    LanguageIdentifier,
    _identifier,
    identify,
)
from frontwatch.records import Document

NL = "Russische troepen hebben de oostelijke buitenwijken van het stadje Toretsk bereikt."
EN = "Russian troops have reached the eastern outskirts of the mining town of Toretsk."
UK = "Російські війська дійшли до східних околиць міста Торецьк."


def test_identifies_dutch_english_and_ukrainian() -> None:
    assert identify(NL)[0] == "nl"
    assert identify(EN)[0] == "en"
    assert identify(UK)[0] == "uk"


def test_component_sets_lang_only_when_missing() -> None:
    component = LanguageIdentifier(languages=["nl", "en"])
    assert component(Document(text=NL, date="2024-10")).lang == "nl"
    given = Document(text=NL, date="2024-10", lang="en")
    assert component(given).lang == "en"


def test_restricting_the_languages_restricts_the_answer() -> None:
    component = LanguageIdentifier(languages=["nl", "en"])
    assert component(Document(text=UK, date="2024-10")).lang in {"nl", "en"}


LANGUAGES = ("nl", "en", "de", "fr", "uk", "ru", "pl", "af", "es", "it")


def test_a_plain_opening_decides_alone() -> None:
    text = (NL + " ") * 20
    opening = _identifier(LANGUAGES).classify(text[: _OPENINGS[0]])
    assert opening[0] == "nl" and opening[1] >= _OPENING_CONFIDENCE
    assert identify(text, LANGUAGES) == (opening[0], opening[1])


def test_an_opening_in_doubt_is_read_on_to_the_next() -> None:
    # One list of city names fills the shortest opening; the Dutch sentence after it decides
    # within the longer one.
    names = "Kyiv, Lviv, Odesa, Kharkiv, Dnipro, Zaporizhzhia, Mykolaiv, Kherson, Poltava. " * 2
    text = names[: _OPENINGS[0]] + (NL + " ") * 20
    identifier = _identifier(LANGUAGES)
    assert identifier.classify(text[: _OPENINGS[0]])[1] < _OPENING_CONFIDENCE
    second = identifier.classify(text[: _OPENINGS[1]])
    assert second[0] == "nl" and second[1] >= _OPENING_CONFIDENCE
    assert identify(text, LANGUAGES) == (second[0], second[1])


def test_a_doubtful_opening_is_read_on_to_the_whole_sample() -> None:
    # A list of city names says little about the language (the model leans to Italian);
    # the Dutch article after it decides.
    names = "Kyiv, Lviv, Odesa, Kharkiv, Dnipro, Zaporizhzhia, Mykolaiv, Kherson, Poltava. " * 5
    text = names[: _OPENINGS[-1]] + (NL + " ") * 20
    identifier = _identifier(LANGUAGES)
    assert all(
        identifier.classify(text[:opening])[1] < _OPENING_CONFIDENCE for opening in _OPENINGS
    )
    whole = identifier.classify(text[:_SAMPLE_CHARS])
    assert whole[0] == "nl"
    assert identify(text, LANGUAGES) == (whole[0], whole[1])
