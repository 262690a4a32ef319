"""Sentence splitting on Dutch and English news, with offsets and segment kinds."""

import pytest

from frontwatch.records import Document
from frontwatch.sentences import SentenceSplitter

split = SentenceSplitter()


def segments(text: str, lang: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in split.split(text, lang)]


def texts(text: str, lang: str) -> list[str]:
    return [t for _, t in segments(text, lang)]


def test_offsets_point_at_the_sentence_text() -> None:
    text = "  Kyiv werd beschoten.  Er vielen twee doden.\n\nDe stad is  zwaar beschadigd. "
    doc = SentenceSplitter()(Document(text=text, date="2024-10-10", lang="nl"))
    assert [text[s.start : s.end] for s in doc.sentences] == [
        "Kyiv werd beschoten.",
        "Er vielen twee doden.",
        "De stad is  zwaar beschadigd.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Op 24 feb. 2022 viel Rusland Oekraïne binnen. Daarna volgde de oorlog.",
            ["Op 24 feb. 2022 viel Rusland Oekraïne binnen.", "Daarna volgde de oorlog."],
        ),
        (
            "Dhr. J. de Vries zei dat het 2,5 keer zo veel was. Prof. dr. Jansen is het eens.",
            ["Dhr. J. de Vries zei dat het 2,5 keer zo veel was.", "Prof. dr. Jansen is het eens."],
        ),
        (
            "Het leger (o.a. de 5e brigade) rukte ca. 40 km op. Volgens gen. Syrski is dat zo.",
            [
                "Het leger (o.a. de 5e brigade) rukte ca. 40 km op.",
                "Volgens gen. Syrski is dat zo.",
            ],
        ),
    ],
)
def test_dutch_abbreviations_initials_and_decimal_commas(text: str, expected: list[str]) -> None:
    assert texts(text, "nl") == expected


def test_quotes_stay_with_their_sentence() -> None:
    text = (
        'Dat heeft het leger bekendgemaakt. "De situatie is instabiel, er wordt gevochten", '
        'zegt een woordvoerder. "We houden stand." Daarna viel het stil.'
    )
    assert texts(text, "nl") == [
        "Dat heeft het leger bekendgemaakt.",
        '"De situatie is instabiel, er wordt gevochten", zegt een woordvoerder.',
        '"We houden stand."',
        "Daarna viel het stil.",
    ]


def test_english_titles_and_abbreviations() -> None:
    text = (
        "Gen. Mark Milley said on Feb. 24 that U.S. forces were ready. "
        "It cost $2.5 billion. The St. Petersburg forum opened."
    )
    assert texts(text, "en") == [
        "Gen. Mark Milley said on Feb. 24 that U.S. forces were ready.",
        "It cost $2.5 billion.",
        "The St. Petersburg forum opened.",
    ]


def test_page_boilerplate_gets_its_own_kind() -> None:
    text = (
        "AFP Een verwoest gebouw in Toretsk afgelopen zomer\n\n"
        "NOS Nieuws • vandaag, 12:39 Russen bereiken buitenwijken van Toretsk\n\n"
        "Russische troepen hebben de buitenwijken bereikt. Dat meldt het leger.\n\n"
        "Voehledar\n\n"
        "Lees ook: Oekraïne trekt zich terug uit Voehledar\n"
    )
    assert segments(text, "nl") == [
        ("caption", "AFP Een verwoest gebouw in Toretsk afgelopen zomer"),
        ("byline", "NOS Nieuws • vandaag, 12:39"),
        ("heading", "Russen bereiken buitenwijken van Toretsk"),
        ("sentence", "Russische troepen hebben de buitenwijken bereikt."),
        ("sentence", "Dat meldt het leger."),
        ("heading", "Voehledar"),
        ("link", "Lees ook: Oekraïne trekt zich terug uit Voehledar"),
    ]


def test_a_sentence_starting_with_an_agency_name_is_not_a_caption() -> None:
    text = "Reuters meldt dat Russische troepen Avdiivka hebben ingenomen."
    assert segments(text, "nl") == [("sentence", text)]


def test_english_byline_and_headline() -> None:
    text = "Updated 14:05 GMT\nRussia says Azovstal siege over\nRussia's defence ministry said so."
    assert segments(text, "en") == [
        ("byline", "Updated 14:05 GMT"),
        ("heading", "Russia says Azovstal siege over"),
        ("sentence", "Russia's defence ministry said so."),
    ]


def test_unknown_language_and_empty_text() -> None:
    assert texts("Ceci est une phrase. Et une autre.", "fr") == [
        "Ceci est une phrase.",
        "Et une autre.",
    ]
    assert texts("Zdanie pierwsze. Zdanie drugie.", "qq") == ["Zdanie pierwsze.", "Zdanie drugie."]
    assert texts("   \n\n  ", "nl") == []
