"""The speed-ups of the places stage change no answer: each shortcut is checked against the
straightforward computation it replaces."""

from __future__ import annotations

import random

import pytest

from frontwatch.places.gazetteer import load_gazetteer
from frontwatch.places.recognise import (
    _AFTER_WORD,
    _PREV_TOKENS,
    _next_words,
    _previous_tokens,
)
from frontwatch.places.resolve import (
    _DISTANCE_TOKENS,
    _MAX_POINTS,
    _Context,
    _entry_facts,
    _first_tokens,
    _Tally,
)


@pytest.mark.parametrize("n_entries", [8, 40, _MAX_POINTS + 25])
def test_context_of_a_name_by_subtraction_as_by_summing_the_others(n_entries: int) -> None:
    g = load_gazetteer()
    rng = random.Random(n_entries)
    indexes = rng.sample(range(len(g)), n_entries)
    counts = {i: rng.randint(1, 4) for i in indexes}
    where = {i: {rng.randrange(6) for _ in range(rng.randint(1, 2))} for i in indexes}
    facts = {i: _entry_facts(g.entry(i)) for i in indexes}
    tally = _Tally.of(counts, facts.__getitem__, where)
    owns: list[dict[int, int] | None] = [None, {}]
    for _ in range(30):  # a name's own choices: some of the entries, some of their times
        chosen = rng.sample(indexes, rng.randint(1, 3))
        owns.append({i: rng.randint(1, counts[i]) for i in chosen})
    owns.append(dict(counts))  # a name that made every choice: nothing is left
    cache: dict[int, dict[int, float]] = {}
    for own in owns:
        own = own or {}
        others = [(facts[i], n - own.get(i, 0)) for i, n in counts.items() if n > own.get(i, 0)]
        expected = _Context.of(others, where)
        context = tally.without(own)
        assert dict(context.countries) == dict(expected.countries)
        assert context.total == expected.total
        assert context.admin1s == expected.admin1s
        assert context.ids == expected.ids
        assert context.point_set == expected.point_set
        for i in rng.sample(indexes, 6):
            e = g.entry(i)
            for sentence in range(-1, 7):
                assert context.nearest_km(e, cache, sentence) == expected.nearest_km(
                    e, cache, sentence
                )
                assert context.nearest_to_distance(
                    e, cache, sentence, 25.0
                ) == expected.nearest_to_distance(e, cache, sentence, 25.0)


# Texts mixing what the chunk-by-chunk readings must get right: punctuation glued to words,
# curly and straight apostrophes, tabs, no-break and thin spaces, line breaks, digits of
# other scripts, ligatures and title-case letters.
_MIXED_TEXTS = [
    "Volgens gouverneur Oleh Synjehoebov (Charkiv) werd het dorp Kozatsja Lopan – vlak bij de"
    " grens – beschoten; ‘de Russen’ trokken zich terug uit Vovtsjansk.",
    "The U.S.-backed brigade’s 3rd battalion said:\tit's\u00a0held,  “again” near Kurakhove."
    "\nHeadline: Kyiv\u2009says • Lyman holds … Pokrovsk—Myrnohrad snake_case O'Brien Bakhmut",
    "ﬁnal İstanbul ǅemal ٣ dagen Ⅻ l'Ukraine d’Or. Toretsk",
    "Ivankiv, zo'n tachtig kilometer ten noordwesten van Kyiv (Київ), en Robotyne, about 10,5"
    " km south of Orikhiv; pro-Russian McDonald’s Zaporizhzhia-based ‑Kherson 2,6km ½mile",
]


@pytest.mark.parametrize("text", _MIXED_TEXTS)
def test_previous_tokens_chunk_by_chunk_are_those_of_the_window(text: str) -> None:
    for start in range(len(text) + 1):
        lo = max(0, start - 60)
        newline = text.rfind("\n", lo, start)
        lo = newline + 1 if newline >= 0 else lo
        tokens = _PREV_TOKENS.findall(text[lo:start])
        cut = lo == start - 60 and lo > 0 and len(tokens) <= 4
        assert _previous_tokens(text, start) == (tokens[1:] if cut else tokens[-4:])


@pytest.mark.parametrize("text", _MIXED_TEXTS)
def test_words_of_a_distance_chunk_by_chunk_are_those_of_the_regex(text: str) -> None:
    for start in range(len(text)):
        window = text[start : start + 60]
        assert _first_tokens(window, 7) == _DISTANCE_TOKENS.findall(window)[:7]


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv’s army-backed de Oekraïense troepen\u00a0bij Lyman - Kreminna ‑ Svatove, a 3rd try",
        "het dorp Robotyne ten zuiden van Orichiv; Marinka's  ruïnes-in oorlog's nachts 2 km",
    ],
)
def test_three_words_after_a_name_in_one_match_as_in_three(text: str) -> None:
    for end in range(len(text) + 1):
        words, pos = [], end
        while len(words) < 3 and (m := _AFTER_WORD.match(text, pos)) is not None:
            words.append(m.group(1))
            pos = m.end()
        assert _next_words(text, end) == words


def test_the_best_reading_by_one_pass_as_by_sorting() -> None:
    """The highest score, then the most important entry, then the lowest index; the
    confidence from the same top score."""
    from frontwatch.places.lexicon import lexicon
    from frontwatch.places.recognise import Candidate
    from frontwatch.places.resolve import Resolver

    g = load_gazetteer()
    resolver = Resolver(g, lexicon("en"))
    rng = random.Random(3)
    cand = Candidate(0, 4, "Name")
    for _ in range(200):
        entries = [g.entry(i) for i in rng.sample(range(len(g)), rng.randint(1, 6))]
        # ties of score, and of score and importance, are common
        scored = [(rng.choice([0.5, 1.0, 1.0, 2.0]), rng.choice([e, entries[0]])) for e in entries]
        ranked = sorted(scored, key=lambda p: (-p[0], -p[1].importance, p[1].index))
        found = resolver._choose(cand, list(scored))
        assert found.entry is ranked[0][1]
        assert found.score == ranked[0][0]
