"""The ``times`` pipeline component, and pointing words that take the time of another one.

"Sinds 2014 vormt het stadje ... Het werd toen korte tijd ingenomen": "toen" (then, at that
time) has no time of its own; it is the previous expression's. The gold annotations of this
project do not list such words as time expressions, so the component leaves them out of
``doc.times`` by default (``emit_anaphoric = true`` puts them in, anchored on the expression
they repeat), and :func:`anaphoric_time` gives the event extractor the time a sentence with
"toen" refers to.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from ahocorasick_rs import AhoCorasick, MatchKind

from frontwatch.records import Document, Span, TimeMention
from frontwatch.times.engine import engine_for
from frontwatch.times.grammar import lower_case
from frontwatch.times.tense import Tense

_TOKEN: Final = re.compile(r"[\w'’]+")


class TimeTagger:
    """Set ``doc.times``: every time expression of the text with its interval.

    Needs ``doc.date``; uses ``doc.lang`` (no time data for the language: no times) and
    ``doc.sentences`` when an earlier component set them (tense is judged within the sentence;
    bylines never date events).
    """

    def __init__(self, emit_anaphoric: bool = False, default_lang: str | None = None) -> None:
        self.emit_anaphoric = emit_anaphoric
        self.default_lang = default_lang

    def __call__(self, doc: Document) -> Document:
        lang = doc.lang or self.default_lang
        engine = engine_for(lang) if lang else None
        if engine is None:
            doc.times = []
            return doc
        times = engine.tag(doc.text, doc.date, doc.sentences or None)
        if self.emit_anaphoric:
            extra = [
                m
                for m in anaphoric_mentions(doc.text, lang or "", times)
                if not any(t.start < m.end and m.start < t.end for t in times)
            ]
            times = sorted(times + extra, key=lambda t: t.start)
            renumber(times)
        doc.times = times
        return doc


def renumber(times: list[TimeMention]) -> None:
    """Ids ``t1, t2, ...`` in text order, anchors rewritten to follow."""
    new_ids = {t.id: f"t{n}" for n, t in enumerate(times, start=1)}
    for t in times:
        t.id = new_ids.get(t.id, t.id)
    for t in times:
        if t.anchor != "document":
            t.anchor = new_ids.get(t.anchor, t.anchor)


# Built once per language: the event extractor asks for every document with an undated event.
@lru_cache(maxsize=16)
def _anaphora_regex(
    lang: str,
) -> tuple[re.Pattern[str], re.Pattern[str], AhoCorasick, frozenset[str]] | None:
    """The pointing words of ``lang`` as a regex, the same on lower-cased text without its
    look-behind, their first words (see :func:`_pointing_words`), and the words after which
    "toen" is "when"."""
    engine = engine_for(lang)
    if engine is None:
        return None
    data = engine.grammar.data.get("anaphora", {})
    words = data.get("words", [])
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    regex = re.compile(rf"(?<![\w'’])(?:{alternatives})(?![\w'’])", re.IGNORECASE)
    lowered = "|".join(re.escape(w.lower()).replace(r"\ ", r"\s+") for w in ordered)
    first_words = sorted({w.lower().split()[0] for w in words})
    if not all(re.fullmatch(r"\w+", w) for w in first_words):
        raise ValueError(f"{lang}: a pointing word must start with a whole word: {words}")
    subjects = frozenset(w.lower() for w in data.get("conjunction_before", []))
    return (
        regex,
        re.compile(rf"(?:{lowered})(?![\w'’])"),
        AhoCorasick(first_words, matchkind=MatchKind.LeftmostLongest),
        subjects,
    )


def _pointing_words(
    text: str, regex: re.Pattern[str], lowered: re.Pattern[str], first_words: AhoCorasick
) -> list[tuple[int, int]]:
    """The spans of the matches of ``regex`` in ``text`` (``finditer``).

    A pattern that opens with a look-behind or ignores case makes the regex engine try every
    offset of the text, over a hundred microseconds an article. Here an automaton finds the
    first words of the pointing words in the lower-cased text in one pass; where one starts a
    word (the look-behind of ``regex``), ``lowered``, the same words in lower case, is tried
    there. A first word is made of word characters, so one that does not start a word cannot
    hide one that does. Lower-casing differs from ignoring case for the two letters that
    ignoring case equates with ASCII ones (the dotless "ı" is "i", the long "ſ" is "s"), which
    are replaced, and for a letter whose lower case is longer ("İ"), which moves the offsets: a
    text with one of these is read with ``regex``.
    """
    folded = lower_case(text)
    if len(folded) != len(text):
        return [m.span() for m in regex.finditer(text)]
    if "ı" in folded or "ſ" in folded:
        folded = folded.replace("ı", "i").replace("ſ", "s")
    spans: list[tuple[int, int]] = []
    end = 0
    for _, start, _ in first_words.find_matches_as_indexes(folded):
        if start < end:
            continue  # inside the pointing word found last
        if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in "_'’"):
            continue  # inside a word, where the look-behind of ``regex`` fails
        m = lowered.match(folded, start)
        if m is not None:
            spans.append((start, m.end()))
            end = m.end()
    return spans


def anaphoric_mentions(text: str, lang: str, times: list[TimeMention]) -> list[TimeMention]:
    """A mention for each pointing word ("toen", "destijds", "then") with the time it repeats.

    "toen" is also the conjunction "when" ("toen Zelensky antwoordde"): followed by a subject
    (a capitalised word or one of the language's ``conjunction_before`` words) it is skipped.
    """
    compiled = _anaphora_regex(lang)
    if compiled is None:
        return []
    regex, lowered, first_words, subjects = compiled
    found = []
    for start, end in _pointing_words(text, regex, lowered, first_words):
        surface = text[start:end]
        following = _TOKEN.search(text, end)
        nxt = following.group() if following else ""
        if nxt and (nxt[0].isupper() or nxt.lower() in subjects) and " " not in surface:
            continue
        earlier = [t for t in times if t.end <= start and t.dating and not t.value.endswith("_REF")]
        if not earlier:
            continue
        source = earlier[-1]
        found.append(
            TimeMention(
                start=start,
                end=end,
                surface=surface,
                value=source.value,
                earliest=source.earliest,
                latest=source.latest,
                granularity=source.granularity,
                anchor=source.id or "document",
                id=f"a{start}",
                dating=True,
            )
        )
    return found


def anaphoric_time(doc: Document, sentence: Span | int) -> TimeMention | None:
    """The time a pointing word in ``sentence`` refers to, if the sentence has one.

    ``sentence`` is a :class:`Span` or a character offset inside it. The result is anchored on
    (and copies the interval of) the last dating time expression before the word.
    """
    span = sentence if isinstance(sentence, Span) else doc.sentence_at(sentence)
    if span is None or not doc.lang:
        return None
    for mention in anaphoric_mentions(doc.text, doc.lang, doc.times):
        if span.start <= mention.start < span.end:
            return mention
    return None


__all__ = ["TimeTagger", "anaphoric_mentions", "anaphoric_time", "renumber"]


def clause_tense(sentence: str, lang: str, start: int, end: int) -> Tense | None:
    """The tense of the clause holding ``sentence[start:end]`` ("komt vanavond bijeen":
    present; "zei vanavond": past), or ``None`` when there are no time data for ``lang``.
    It asks the language's engine, whose tense reader has already seen the text."""
    engine = engine_for(lang)
    if engine is None:
        return None
    return engine.rules.tense_of(sentence, start, end, side="clause")
