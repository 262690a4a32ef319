"""The speed-ups of the times stage change no answer.

Each shortcut is checked against the straightforward computation it replaces.
"""

from __future__ import annotations

import re

import pytest

from frontwatch.times.component import _anaphora_regex, _pointing_words
from frontwatch.times.engine import engine_for
from frontwatch.times.grammar import lower_case
from frontwatch.times.tense import _TOKEN, _tokens, _tokens_with

SENTENCES = [
    "Zaterdag ontmoette hij de Oekraïense president in Kyiv-Zuid, zei de woordvoerder.",
    "Hij zei: ‘we komen terug’ – en toen… niets.\tDag 3 van de 'operatie'.",
    "  The army’s well-known 3rd brigade said it would hold, didn't it?  ",
    "snake_case, -hyphen- a--b (2022), U.S.-backed ’t ٣rd Ⅻ \u00a0non\u2009breaking\n",
    "İstanbul, ǅemal en ﬁnal: the 'Kyiv's' O'Brien—Ivano-Frankivsk",
    "",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tokens_by_chunk_are_the_regex_tokens(sentence: str) -> None:
    expected = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    assert _tokens(sentence) == expected
    other = sentence.upper() if len(sentence.upper()) == len(sentence) else sentence[::-1]
    assert _tokens_with(sentence, other) == (expected, [other[s:e] for s, e, _ in expected])


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    "text",
    [
        "Het dorp werd toen ingenomen. TOEN kwam de winter; destijds,  op  dat moment ook.",
        "xtoen toen'toen toen_ 'toen' standby then, by then. At The Same Time; at that\ntime",
        "İstanbul: toen was het rustig, in die periode, Then, around the same time, ın die tijd.",
        "In dezelfde periode, omstreeks dezelfde tijd, rond dezelfde tijd en op dat ogenblik.",
        "ın die tijd, by theN, ſinds toen, at thaT time",
    ],
)
def test_pointing_words_are_found_where_the_case_blind_regex_finds_them(lang, text) -> None:
    compiled = _anaphora_regex(lang)
    assert compiled is not None
    regex, lowered, first_words, _ = compiled
    found = _pointing_words(text, regex, lowered, first_words)
    assert found == [m.span() for m in regex.finditer(text)]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    "text",
    [
        "op maandag 3 maart, dinsdagavond en de dagen erna; zondagochtend_ xmaart maart-april",
        "on monday, march 3, the days after; sunday morning, mondays_ xmarch march–april",
        "dag dagen dagenlang ’dag’ 'jaar' jaar2022 uur. weekend-dag: nacht\tnacht\nmoment",
        "ﬁnal day, ǅemal‘s year, de ٣ dagen, 2 uur; i̇stanbul, vandaag.",
    ],
)
def test_core_words_are_found_where_the_whole_word_regex_finds_them(lang, text) -> None:
    grammar = engine_for(lang).grammar
    regex = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(grammar.core_words, key=len)[::-1])})(?!\w)")
    lowered = text.lower()
    assert grammar.core_spans(lowered) == [m.span() for m in regex.finditer(lowered)]
    assert grammar.core_spans(lowered)  # each text holds core words of both languages


def test_the_remembered_lower_case_is_that_of_the_text_asked_about() -> None:
    texts = ["Zaterdag IN Kyiv", "Op Maandag", "".join(["Zaterdag ", "IN Kyiv"]), "İstanbul"]
    for text in [*texts, *reversed(texts), texts[0], texts[0]]:
        assert lower_case(text) == text.lower()


def test_a_day_spelled_from_memory_is_spelled_as_isoformat_does() -> None:
    from datetime import date, timedelta

    from frontwatch.times import daymath

    days = [date(1, 1, 1), date(999, 12, 31), date(2022, 2, 24), date(9999, 12, 31)]
    days += [date(2024, 2, 20) + timedelta(days=k) for k in range(0, 400, 7)]
    for day in days + days:  # the second time from memory
        assert daymath.iso(day) == day.isoformat()
    assert daymath.iso(date(2024, 2, 29)) == "2024-02-29"


@pytest.mark.parametrize("shift", [-400, -31, -7, -1, 0, 1, 6, 29, 366])
def test_adding_days_is_adding_a_timedelta(shift: int) -> None:
    from datetime import date, timedelta

    from frontwatch.times import daymath

    for day in (date(2024, 2, 28), date(2023, 12, 31), date(2022, 2, 24)):
        assert daymath.add_days(day, shift) == day + timedelta(days=shift)


def test_a_months_last_day_is_the_calendars() -> None:
    import calendar
    from datetime import date

    from frontwatch.times import daymath

    for year in (1, 1900, 2000, 2023, 2024, 9999):
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            assert daymath.month_end(year, month) == date(year, month, last)
