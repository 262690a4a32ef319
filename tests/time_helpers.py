"""Shared helpers of the time-tagger tests: tag a text, pick one mention, its interval."""

from __future__ import annotations

from frontwatch.records import TimeMention
from frontwatch.sentences import SentenceSplitter
from frontwatch.times import tag_times

_SPLITTER = SentenceSplitter()


def tag(text: str, date: str, lang: str = "nl") -> list[TimeMention]:
    return tag_times(text, date, lang, list(_SPLITTER.split(text, lang)))


def one(text: str, date: str, surface: str, lang: str = "nl") -> TimeMention:
    """The mention whose surface is ``surface``; fails if there is none."""
    mentions = tag(text, date, lang)
    matches = [m for m in mentions if m.surface == surface]
    assert matches, f"{surface!r} not tagged in {text!r}: {[m.surface for m in mentions]}"
    return matches[0]


def interval(m: TimeMention) -> tuple[str, str]:
    return m.earliest, m.latest
