"""The ``sentences`` component: split a document into sentences with character offsets.

spaCy's rule-based tokeniser (``spacy.blank(lang)``, no model to download) knows the usual
abbreviations of each language and keeps "2,5", "zo'n" and initials whole; its sentencizer ends a
sentence at final punctuation, closing quotes included. On top of that:

- a line break always ends a segment: news pages put headlines, bylines, captions and
  paragraphs on lines of their own, and none of them ends in a period;
- abbreviations that news text needs beyond spaCy's lists ("24 feb. 2022") come from
  ``data/lang/<lang>/sentences.toml``;
- each segment gets a ``kind``: ``sentence``, ``heading`` (a line without final punctuation),
  or boilerplate that must never yield events: ``byline`` ("NOS Nieuws • vandaag, 12:39"),
  ``caption`` (a line opening with a photo credit such as "AFP"), ``link`` ("Lees ook: ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from frontwatch.records import Document, Span
from frontwatch.resources import load_data, load_lang_data

# spaCy has a blank tokeniser for these; others fall back to the multi-language one.
_SPACY_LANGS = frozenset({"nl", "en", "de", "fr", "uk", "ru", "pl", "es", "it", "af"})
_FINAL_PUNCT = frozenset(".!?:;\"'”’»…)")
_QUOTES = frozenset("\"'“„‘«")
_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=16)
def _nlp(lang: str) -> Any:
    import spacy

    nlp = spacy.blank(lang if lang in _SPACY_LANGS else "xx")
    for abbreviation in load_lang_data(lang, "sentences").get("abbreviations", []):
        # Both cases: "Feb." opens a sentence as often as "feb." sits inside one.
        for form in {abbreviation, abbreviation[0].upper() + abbreviation[1:]}:
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[re.Pattern[str], list[re.Pattern[str]]]:
    data = load_data("boilerplate.toml")
    credits = sorted(data["photo_credits"], key=len, reverse=True)
    alternatives = "|".join(re.escape(c) for c in credits)
    caption = re.compile(rf"^(?:{alternatives})\s+(?=\S)")
    bylines = [re.compile(p) for p in data["byline_patterns"]]
    return caption, bylines


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _reattach_opening_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give an opening quote back to the sentence it opens.

    The sentencizer treats every quote after a full stop as closing the sentence, so in
    ``bekendgemaakt. "De situatie ...`` the quote lands on the wrong side. A quote preceded by a
    space and followed by the next sentence's first letter opens that sentence.
    """
    fixed = list(spans)
    for i in range(len(fixed) - 1):
        s, e = fixed[i]
        if e - s >= 3 and text[e - 1] in _QUOTES and text[e - 2].isspace():
            fixed[i] = _strip(text, s, e - 1)
            fixed[i + 1] = (e - 1, fixed[i + 1][1])
    return fixed


class SentenceSplitter:
    """Set ``doc.sentences``: one :class:`Span` per sentence or boilerplate segment."""

    def __init__(self, heading_max_words: int = 20) -> None:
        self.heading_max_words = heading_max_words

    def __call__(self, doc: Document) -> Document:
        doc.sentences = list(self.split(doc.text, doc.lang or "xx"))
        return doc

    def split(self, text: str, lang: str) -> Iterator[Span]:
        caption_re, byline_res = _boilerplate()
        link_prefixes = tuple(load_lang_data(lang, "sentences").get("link_prefixes", []))
        nlp = _nlp(lang)
        for line in _LINE.finditer(text):
            start, end = _strip(text, line.start(), line.end())
            if start == end:
                continue
            body = text[start:end]
            if link_prefixes and body.startswith(link_prefixes):
                yield Span(start, end, "link")
                continue
            byline = next((m for r in byline_res if (m := r.match(body))), None)
            if byline:
                yield Span(start, start + byline.end(), "byline")
                start, end = _strip(text, start + byline.end(), end)
                if start == end:
                    continue
                body = text[start:end]
            if caption_re.match(body) and body[-1] not in _FINAL_PUNCT:
                yield Span(start, end, "caption")
                continue
            yield from self._sentences(nlp, text, start, end)

    def _sentences(self, nlp: Any, text: str, start: int, end: int) -> Iterator[Span]:
        spans = [
            _strip(text, start + s.start_char, start + s.end_char)
            for s in nlp(text[start:end]).sents
        ]
        spans = _reattach_opening_quotes(text, [(s, e) for s, e in spans if s < e])
        if len(spans) == 1:
            s, e = spans[0]
            words = len(text[s:e].split())
            if text[e - 1] not in _FINAL_PUNCT and words <= self.heading_max_words:
                yield Span(s, e, "heading")
                return
        for s, e in spans:
            yield Span(s, e, "sentence")
