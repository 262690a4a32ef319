"""Offline language identification."""

from frontwatch.language import LanguageIdentifier, identify
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
