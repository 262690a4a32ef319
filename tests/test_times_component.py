"""The ``times`` pipeline component, pointing words, the language data and calendar arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.pipeline import load_pipeline
from frontwatch.records import Document
from frontwatch.sentences import SentenceSplitter
from frontwatch.times import TimeTagger, anaphoric_time
from frontwatch.times import daymath as dm
from frontwatch.times.engine import TimeEngine
from frontwatch.times.grammar import Grammar, GrammarError, load_grammar
from frontwatch.times.tense import TenseRules

ARTICLE = (
    "NOS Nieuws • vandaag, 12:39 Russen bereiken buitenwijken van het stadje\n\n"
    "Sinds 2014 vormt het stadje een belangrijke plek in de frontlinie. Het werd toen korte "
    "tijd ingenomen door separatisten. Later dat jaar heroverde het leger de stad.\n\n"
    "Verwarring ontstond toen de woordvoerder zei dat de stad gisteren was gevallen."
)


def _doc(text: str = ARTICLE, date_: str = "2024-10", lang: str = "nl") -> Document:
    doc = Document(text=text, date=date_, lang=lang)
    return SentenceSplitter()(doc)


def test_component_sets_doc_times_with_ids_and_anchors() -> None:
    doc = TimeTagger()(_doc())
    assert [t.surface for t in doc.times] == [
        "vandaag, 12:39", "Sinds 2014", "Later dat jaar", "gisteren",
    ]
    assert [t.id for t in doc.times] == ["t1", "t2", "t3", "t4"]
    assert doc.times[0].dating is False
    assert doc.times[2].anchor == "t2"
    ids = {t.id for t in doc.times}
    assert all(t.anchor == "document" or t.anchor in ids for t in doc.times)
    # The output is plain data the store and the exports can take.
    assert doc.to_dict()["times"][1]["value"] == "2014"


def test_component_leaves_languages_without_data_alone() -> None:
    doc = TimeTagger()(Document(text="Вчора росіяни обстріляли місто.", date="2024-10", lang="uk"))
    assert doc.times == []
    assert TimeTagger()(Document(text="Gisteren viel de stad.", date="2024-10")).times == []
    untagged = Document(text="Gisteren viel de stad.", date="2024-10")
    fallback = TimeTagger(default_lang="nl")(untagged)
    assert [t.surface for t in fallback.times] == ["Gisteren"]


def test_anaphoric_time_gives_the_time_then_refers_to() -> None:
    doc = TimeTagger()(_doc())
    then_sentence = next(s for s in doc.sentences if "toen korte" in doc.text[s.start : s.end])
    then = anaphoric_time(doc, then_sentence)
    assert then is not None
    assert (then.surface, then.value, then.anchor) == ("toen", "2014", "t2")
    # "toen" before a subject is the conjunction "when", not a time.
    when = next(s for s in doc.sentences if "Verwarring" in doc.text[s.start : s.end])
    assert anaphoric_time(doc, when) is None
    assert anaphoric_time(doc, 0) is None  # the byline has no pointing word


def test_component_can_emit_pointing_words() -> None:
    doc = TimeTagger(emit_anaphoric=True)(_doc())
    surfaces = [t.surface for t in doc.times]
    assert surfaces == ["vandaag, 12:39", "Sinds 2014", "toen", "Later dat jaar", "gisteren"]
    assert [t.id for t in doc.times] == ["t1", "t2", "t3", "t4", "t5"]
    assert doc.times[2].anchor == "t2"
    assert doc.times[3].anchor == "t2"  # renumbered along with the ids


def test_registered_in_the_pipeline() -> None:
    config = {"pipeline": {"components": ["sentences", "times"]}, "components": {"times": {}}}
    nlp = load_pipeline(config)
    doc = nlp(Document(text="Gisteren viel de stad. Morgen komt de minister.", date="2024-10-10",
                       lang="nl"))
    assert [t.value for t in doc.times] == ["2024-10-09", "2024-10-11"]


# --- the grammar is data: another language is another table ---------------------------------

_GERMAN = {
    "lead": ["im", "seit"],
    "lexicon": {
        "month": {"januar": 1, "februar": 2, "märz": 3},
        "relday": {"gestern": [-1, -1], "heute": [0, 0]},
        "unit": {"tag": "day", "woche": "week"},
        "units": {"tagen": "day", "wochen": "week"},
        "number": {"zwei": 2, "drei": 3},
    },
    "pattern": [
        {"kind": "ago", "regex": "vor {num} (?:{unit}|{units})"},
        {"kind": "month", "regex": "{month}"},
        {"kind": "relday", "regex": "{relday}"},
    ],
    "tense": {"past": ["war", "griff", "fiel"], "future": ["wird"]},
}


def test_a_new_language_is_a_data_table() -> None:
    engine = TimeEngine(Grammar("de", _GERMAN))
    mentions = engine.tag(
        "Gestern griff Russland an. Im Februar fiel die Stadt, vor drei Wochen das Dorf.",
        "2024-03-13",
    )
    assert [(m.surface, m.value) for m in mentions] == [
        ("Gestern", "2024-03-12"), ("Im Februar", "2024-02"), ("vor drei Wochen", "2024-W08"),
    ]


def test_malformed_grammar_is_reported() -> None:
    with pytest.raises(GrammarError, match="unknown kind"):
        Grammar("xx", {"pattern": [{"kind": "fortnight", "regex": "x"}]})
    with pytest.raises(GrammarError, match="placeholder"):
        Grammar("xx", {"pattern": [{"kind": "month", "regex": "{maand}"}]})
    with pytest.raises(GrammarError, match="no \\[\\[pattern\\]\\]"):
        Grammar("xx", {"lexicon": {"month": {"jan": 1}}})
    with pytest.raises(GrammarError, match="does not compile"):
        Grammar("xx", {"lexicon": {"month": {"jan": 1}},
                       "pattern": [{"kind": "month", "regex": "({month}"}]})


def test_packaged_grammars_load() -> None:
    for lang in ("nl", "en"):
        grammar = load_grammar(lang)
        assert grammar is not None
        assert "maand" in grammar.core_words or "month" in grammar.core_words
    assert load_grammar("zz") is None


def test_tense_rules() -> None:
    nl = TenseRules(load_grammar("nl").tense)  # type: ignore[union-attr]
    sentence = "Zaterdag ontmoet de minister zijn collega's, zaterdag ontmoette hij de president."
    assert nl.tense_of(sentence, 0, 8) == "present"
    second = sentence.index("zaterdag ontmoette")
    assert nl.tense_of(sentence, second, second + 8) == "past"
    perfect = "Het leger heeft zaterdag de stad heroverd."
    assert nl.tense_of(perfect, 16, 24) == "past"
    en = TenseRules(load_grammar("en").tense)  # type: ignore[union-attr]
    future = "Leaders were due to meet on Sunday, and ministers are due to meet on Monday."
    assert en.tense_of(future, future.index("on Sunday"), future.index(",")) == "past"
    monday = future.index("on Monday")
    assert en.tense_of(future, monday, monday + 9) == "future"


# --- calendar arithmetic -----------------------------------------------------------------


def test_thirds_of_months_and_years() -> None:
    feb = dm.month_interval(2024, 2)
    assert dm.thirds(*feb, "late", "month") == (date(2024, 2, 21), date(2024, 2, 29))
    assert dm.thirds(*feb, "mid", "month") == (date(2024, 2, 11), date(2024, 2, 20))
    year = dm.year_interval(2023)
    assert dm.thirds(*year, "early", "year") == (date(2023, 1, 1), date(2023, 4, 30))
    assert dm.thirds(*year, "late", "year") == (date(2023, 9, 1), date(2023, 12, 31))
    assert dm.halves(*year, 2) == (date(2023, 7, 1), date(2023, 12, 31))


def test_seasons_and_weeks() -> None:
    assert dm.season_interval(2022, "WI") == (date(2022, 12, 1), date(2023, 2, 28))
    assert dm.season_of(date(2023, 1, 15)) == (2022, "WI")
    assert dm.last_complete_season(date(2024, 8, 31), "SU") == (2023, "SU")
    assert dm.last_complete_season(date(2024, 9, 1), "SU") == (2024, "SU")
    assert dm.latest_started_season(date(2023, 1, 10), "SU") == (2022, "SU")
    assert dm.next_season(date(2023, 10, 1), "WI") == (2023, "WI")
    assert dm.week_interval(date(2024, 10, 10)) == (date(2024, 10, 7), date(2024, 10, 13))
    assert dm.week_value(date(2024, 10, 3)) == "2024-W40"
    thursday = date(2024, 10, 10)
    assert dm.latest_weekday_on_or_before(thursday, 3) == thursday
    assert dm.latest_weekday_before(thursday, 3) == date(2024, 10, 3)
    assert dm.first_weekday_after(thursday, 5) == date(2024, 10, 12)


def test_month_shifts_clamp_to_the_month_end() -> None:
    assert dm.add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert dm.add_fractional_months(date(2022, 9, 1), -2.5) == date(2022, 6, 16)
    assert dm.shift_month(2024, 1, -1) == (2023, 12)
    assert dm.clamp_day(2023, 2, 29) is None
