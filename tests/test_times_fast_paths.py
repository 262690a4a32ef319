"""The speed-ups of the times stage change no answer.

Each shortcut is checked against the straightforward computation it replaces.
"""

from __future__ import annotations

import pytest

from frontwatch.times.grammar import _second_words
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


@pytest.mark.parametrize(
    ("regex", "table"),
    [
        ("(?:in )?de (?:nacht|dag)", {"in": {"de"}, "de": {"nacht", "dag"}}),
        ("de {x} dag", None),  # a class repeated without bound: not listable
        ("(?:de )?maart", {"de": {"maart"}, "maart": None}),
        ("[0-3]?\\d(?:ste|e)? (?:maart|mei)", {"#": {"maart", "mei"}}),
        ("(?:half|mid)\\s*mei", {"half": {"mei"}, "mid": {"mei"}, "halfmei": None, "midmei": None}),
        ("zo['’]n twee", {"zo": {"n"}}),
        ("1500-1600", {"#": {"#"}}),
        ("de,\\s+(?=dag)", {"de": None}),  # a look-ahead is not read: the match may end there
        ("(?i)de dag", None),
    ],
)
def test_second_words_of_a_pattern(regex: str, table: dict[str, set[str] | None] | None) -> None:
    regex = regex.replace("{x}", "[a-z]+")
    expected = None if table is None else {k: v and frozenset(v) for k, v in table.items()}
    assert _second_words(regex) == expected
