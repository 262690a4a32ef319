"""The speed-ups of the sentence, place and time stages change no answer.

Each shortcut is checked against the straightforward computation it replaces, on text written
to hit its edge cases: abbreviations, quotes and brackets around full stops, URLs, numbers,
tabs and double spaces, Cyrillic, accents, repeated lines (the cached paths).
"""

from __future__ import annotations

import random
import re
import unicodedata
from bisect import bisect_left
from pathlib import Path

import pytest

from frontwatch.events.analysis import _forward
from frontwatch.events.component import _Sorted
from frontwatch.geo import haversine_km
from frontwatch.places.gazetteer import load_gazetteer
from frontwatch.places.keys import (
    _FOLD_SPECIAL,
    _LATIN_DIACRITICS,
    canonical,
    cyrillic_to_latin,
    romanisation_table,
    strip_accents,
)
from frontwatch.places.recognise import _CAP_WORD, _UPPER
from frontwatch.places.resolve import _Context, _entry_facts
from frontwatch.records import PlaceMention, Span
from frontwatch.sentences import _ChunkSentencizer, _nlp
from frontwatch.times.grammar import (
    _YEAR_DIGITS,
    _first_words,
    _regex_matches,
    _year_digit_spans,
    load_grammar,
)
from frontwatch.times.tense import _TOKEN, TenseRules, _tokens

LINES = {
    "nl": [
        "Op 24 feb. 2022 viel Rusland Oekraïne binnen. Sindsdien is er gevochten.",
        "De stad ligt ca. 10 km ten oosten van Kramatorsk, o.a. volgens het ISW.",
        'Zelensky zei: "We geven niet op." De Russen (zo meldt de NOS.) trokken zich terug.',
        "Het leger meldt dat om 14.30 uur 2,5 ton munitie ontplofte!En daarna?Niets.",
        "Lees meer op https://nos.nl/artikel/2468.html. Of mail naar redactie@nos.nl.",
        "De   stad\twerd 's nachts beschoten … Er vielen 3 doden. ‘Verschrikkelijk’, zei hij.",
        "Kyiv’s burgemeester Klitsjko: het is 1.000.000 keer erger. Dat is (nog) niet alles",
        "U.S. en V.K. steunen Kyiv. Wat nu?! Niemand weet het... Behalve mr. Rutte.",
    ],
    "en": [
        "Russia invaded on Feb. 24, 2022. Since then the U.S. has sent aid to Kyiv.",
        "Mr. Zelensky said at 5 p.m.: \"We cannot give up.\" He didn't say more.",
        "The town (pop. 12,000) lies 3.5 km from Bakhmut.It fell on May 20th.",
        "Read more at https://example.com/a.b?c=1. Contact press@example.org. Done",
        "Shelling hit Kharkiv :) overnight -- no, not really; it's a test!  Two spaces.",
        "Officials said\u00a0three people died. Others were hurt.\tA tab, too.",
    ],
    "uk": [
        "Російські війська дійшли до Торецька. За словами ЗСУ, бої тривають.",
        "О 14:30 було чути вибухи… Мер міста (В. Кличко) закликав до спокою!",
    ],
}


def _spacy_spans(lang: str, line: str) -> list[tuple[int, int]]:
    return [(s.start_char, s.end_char) for s in _nlp(lang)(line).sents]


@pytest.mark.parametrize("lang", sorted(LINES))
def test_chunk_sentencizer_cuts_where_spacy_does(lang: str) -> None:
    splitter = _ChunkSentencizer(_nlp(lang))  # empty chunk cache: every chunk is new
    for _ in range(2):  # then again from the cache
        for line in LINES[lang]:
            assert splitter.spans(line) == _spacy_spans(lang, line), line


def test_chunk_sentencizer_agrees_on_lines_cut_anywhere() -> None:
    splitter = _ChunkSentencizer(_nlp("en"))
    text = " ".join(LINES["en"] + LINES["nl"])
    for start in range(0, len(text), 7):
        line = text[start : start + 90].strip()
        if line:
            assert splitter.spans(line) == _spacy_spans("en", line), line


def _strip_accents_reference(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


WORDS = ["Kramatorsk", "Oekraïne", "Łódź", "Ærø", "Kyiv`s", "Zaporizjzja", "Świnoujście",
         "ﬁnal", "Дніпро", "İstanbul", "Mykolaïv", "Sjachtar's", "²km", "Ǆemal", "Bilohorivka"]


def _canonical_reference(text: str, lang: str | None) -> str:
    """canonical() without its shortcut: every letter through the diacritics table."""
    lowered = unicodedata.normalize("NFC", text.translate(_FOLD_SPECIAL).lower())
    if re.search(r"[\u0400-\u04FF]", lowered):
        lowered = cyrillic_to_latin(lowered)
    table = romanisation_table(lang)
    if table.pattern is not None:
        lowered = table.pattern.sub(lambda m: table.rules[m.group(0)], lowered)
    lowered = "".join(_LATIN_DIACRITICS.get(c, c) for c in lowered)
    return _strip_accents_reference(lowered)


@pytest.mark.parametrize("word", WORDS)
def test_ascii_shortcuts_of_place_keys_change_no_key(word: str) -> None:
    assert strip_accents(word) == _strip_accents_reference(word)
    for lang in (None, "nl", "en", "de"):
        assert canonical(word, lang) == _canonical_reference(word, lang)


@pytest.mark.parametrize("text", [
    "In 2022, om 14:30 en 9:05 uur; niet 12345 of 20222 of 1234:56, wel 1999 en 2014.",
    "٣:٤٥ en 1500-1600; 2023/2024; 07:59:00; 123:45 en 0:00",
    "geen cijfers hier",
    "2024",
])
def test_year_digits_found_from_digit_runs_as_by_the_full_scan(text: str) -> None:
    assert _year_digit_spans(text) == [m.span() for m in _YEAR_DIGITS.finditer(text)]


@pytest.mark.parametrize("sentence", [
    "Zaterdag ontmoette hij de Oekraïense president in Kyiv-Zuid, zei de woordvoerder.",
    "Hij zei: ‘we komen terug’ – en toen… niets.\tDag 3 van de 'operatie'.",
    "  The army’s well-known 3rd brigade said it would hold, didn't it?  ",
    "",
])
def test_tense_tokens_match_the_regex_tokens(sentence: str) -> None:
    expected = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    assert _tokens(sentence) == expected


# The capitalised-word scan with its look-behinds in front, as first written.
_CAP_WORD_REFERENCE = re.compile(
    rf"(?<![\w])(?<![\w]['’])[{re.escape(_UPPER)}][^\W_]*(?:['’][^\W\d_]+)*"
)


@pytest.mark.parametrize("text", [
    *LINES["nl"], *LINES["en"], *LINES["uk"],
    "Kyiv d'Or l’Ukraine O'Brien 'Bakhmut' “Soledar” ÉÉN Дніпро\nZaporizja 3Kramatorsk _Odesa",
    "A", "x'Y aB a-B a’Bc 'Kyiv's' Ivano-Frankivsk S.Petersburg",
])
def test_capitalised_words_found_as_with_the_look_behinds_first(text: str) -> None:
    found = [m.span() for m in _CAP_WORD.finditer(text)]
    assert found == [m.span() for m in _CAP_WORD_REFERENCE.finditer(text)]


def test_nearest_places_as_by_a_scan_of_every_point() -> None:
    g = load_gazetteer()
    names = ["Kramatorsk", "Sloviansk", "Bakhmut", "Lysychansk", "Kyiv", "Odesa", "Donetsk"]
    entries = [g.lookup(name, "en")[0][0] for name in names]
    # Named in sentences 0, 2, 2, 5 ...; Donetsk (the last) is left out of the context.
    where = {e.index: {k // 2 * 2 + (k % 3)} for k, e in enumerate(entries[:-1])}
    context = _Context.of([(_entry_facts(e), 1 + k % 2) for k, e in enumerate(entries[:-1])],
                          where)
    cache: dict[int, dict[int, float]] = {}
    for _ in range(2):  # cold, then from the caches
        for e in entries:
            for sentence in range(-1, 8):
                others = [p for p in context.points if p.index != e.index]
                distances = [haversine_km(e.lat, e.lon, p.lat, p.lon) for p in others]
                near = [d for d, p in zip(distances, others, strict=True)
                        if where[p.index] & {sentence - 1, sentence, sentence + 1}]
                expected = (min(near) if near else None, min(distances) if distances else None)
                assert context.nearest_km(e, cache, sentence) == expected


TENSE_SENTENCES = [
    "Zaterdag ontmoette hij de president, zei de woordvoerder.",
    "De gewapende mannen hebben de stad heroverd en zullen morgen verder trekken.",
    "Het leger meldde dat het dorp werd ingenomen; Kyiv ontkende dat.",
    "Volgende week gaat de delegatie naar Brussel, waar zij zou spreken.",
]


def test_tense_analysis_does_not_depend_on_the_words_met_before() -> None:
    grammar = load_grammar("nl")
    assert grammar is not None
    warm = TenseRules(grammar.tense)
    for _ in range(2):
        warm.forget()  # sentence analyses go; what words signal stays
        for sentence in TENSE_SENTENCES:
            assert warm.analyse(sentence) == TenseRules(grammar.tense).analyse(sentence)


EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
SCAN_TEXTS = [
    "Tot en met 24 februari 2022, tot eind maart en tot  zaterdagavond;",
    "in de nacht van 3 op 4 mei, tot en met de  zomer, tot en met.",
    "Sinds het begin van de grootschalige invasie, op 24-2-2022 om 14.30 uur, drie dagen later.",
    "As of Tuesday, since the start of Russia's invasion, on March 3rd, 2022 and in mid-March.",
    "Early2022 en de 3e week, 1500-1600; the past two weeks;",
    "'zondag' (maandag) en dinsdag-ochtend, midmaart, half mei.",
    "In in op op sinds sinds vanaf; at at on; De Dag, DE WEEK, vorige week dinsdag om 9:05",
    "zo'n twee weken geleden, twee weken ago, a couple of days from now, ten years earlier",
    "de 3e week, in\n2022, the 24th, the\u00a0past two weeks, een  paar dagen, de-eerste dag",
    "het\tbegin van de oorlog, de eerste_dag, a few\u2009hours, the day’s end, in 2022's lente",
]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_first_word_dispatch_finds_what_the_scanning_regex_finds(lang: str) -> None:
    grammar = load_grammar(lang)
    assert grammar is not None and grammar._dispatch is not None
    texts = [*SCAN_TEXTS, *LINES["nl"], *LINES["en"]]
    texts += [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for text in texts:
        lowered = text.lower()
        # The windows the scan uses, and the whole text (every word a possible start).
        for lo, hi in [*grammar._windows(lowered), (0, len(lowered))]:
            expected = _regex_matches(grammar.regex, lowered, lo, hi)
            assert grammar._dispatch.matches(lowered, lo, hi) == expected, text[lo:hi]


@pytest.mark.parametrize(
    ("regex", "words"),
    [
        ("(?:de |het )?{x}", None),
        ("(?:in |op )?(?:de|het) (?:nacht|dag)", {"in", "op", "de", "het"}),
        ("[0-3]?\\d(?:ste|e)? maart", {"#"}),
        (
            "(?:half|mid)\\s*(?:maart|mei)",
            {"half", "mid", "halfmaart", "halfmei", "midmaart", "midmei"},
        ),
        ("zo['’]n twee", {"zo"}),
        ("(?=ab)abc|x.y", None),
        ("(?i)maart", None),
    ],
)
def test_first_words_of_a_pattern(regex: str, words: set[str] | None) -> None:
    if "{x}" in regex:
        regex = regex.replace("{x}", "[a-z]+")  # a class repeated without bound: not listable
    found = _first_words(regex)
    assert found == (frozenset(words) if words is not None else None)


def test_mentions_by_sentence_as_a_search_of_each_sentence_finds_them() -> None:
    rng = random.Random(7)
    spans = [(s, s + rng.randint(1, 9)) for s in sorted(rng.sample(range(300), 60))]
    mentions = [PlaceMention(start=s, end=e, surface="x" * (e - s)) for s, e in spans]
    sentences = [Span(k, k + 25) for k in range(0, 300, 25)]
    sorted_mentions = _Sorted(mentions)
    # the text's order, then a few out of order (the search starts over)
    for span in [*sentences, sentences[3], sentences[0], sentences[7], sentences[7]]:
        expected = [m for m in mentions if span.start <= m.start and m.end <= span.end]
        assert sorted_mentions.within(span) == expected


def test_stepping_forward_finds_what_bisect_finds() -> None:
    rng = random.Random(11)
    for _ in range(300):
        values = sorted(rng.randint(0, 40) for _ in range(rng.randint(0, 12)))
        k = rng.randint(0, len(values))
        limit = rng.randint(-2, 45)
        assert _forward(values, k, limit) == bisect_left(values, limit, k)
