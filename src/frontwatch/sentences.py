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
from typing import Any, Final

from frontwatch.records import Document, Span
from frontwatch.resources import load_data, load_lang_data

# spaCy has a blank tokeniser for these; others fall back to the multi-language one.
_SPACY_LANGS: Final = frozenset({"nl", "en", "de", "fr", "uk", "ru", "pl", "es", "it", "af"})
_FINAL_PUNCT: Final = frozenset(".!?:;\"'”’»…)")
_QUOTES: Final = frozenset("\"'“„‘«")
_LINE: Final = re.compile(r"[^\n]+")


@lru_cache(maxsize=16)
def _nlp(lang: str) -> Any:
    import spacy
    from spacy.attrs import IS_PUNCT

    # Any: what follows uses parts of spaCy its type hints do not describe
    nlp: Any = spacy.blank(lang if lang in _SPACY_LANGS else "xx")
    # Every word the tokeniser meets for the first time becomes a lexeme, and spaCy computes
    # some twenty attributes for it in Python (shape, like_num, like_url, ...): most of the
    # cost of splitting an article full of new names. Splitting needs only the punctuation
    # flag; token boundaries come from the affix rules and special cases, not from these.
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {IS_PUNCT: getters[IS_PUNCT]}
    for abbreviation in load_lang_data(lang, "sentences").get("abbreviations", []):
        # Both cases: "Feb." opens a sentence as often as "feb." sits inside one.
        for form in {abbreviation, abbreviation[0].upper() + abbreviation[1:]}:
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    nlp.add_pipe("sentencizer")
    return nlp


# Token kinds for the sentencizer rule: an ordinary token, punctuation that does not end a
# sentence, and a sentence-final character.
_WORD: Final = 0
_PUNCT: Final = 1
_FINAL: Final = 2
_CHUNK_CACHE_MAX: Final = 50_000


class _ChunkSentencizer:
    """spaCy's tokeniser plus sentencizer rule, without building a ``Doc`` per line.

    spaCy's tokeniser cuts a line at single spaces and tokenises each space-free chunk on its
    own (prefixes, suffixes, infixes, special cases), and the sentencizer only asks of each
    token whether it is a sentence-final character and whether it is punctuation. So:

    - a chunk of letters and digits only ("Kramatorsk", "2022") is one ordinary word for the
      rule, however spaCy would cut it ("cannot"): no token of it can be punctuation, and
      its first token starts where the chunk does -- no spaCy call, no new lexeme;
    - any other chunk ("Kramatorsk,", "feb.", "'s") is tokenised alone once and kept as
      ``(start, end, kind)`` triples;
    - the rule then runs over plain tuples.

    Building a spaCy ``Doc`` per line, its ``Token`` objects and the sentence spans, and the
    lexeme of every new word, cost several times what the rule needs. Lines holding other
    whitespace than single spaces (which spaCy turns into tokens of their own) go through the
    full spaCy pipeline, as before.
    """

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.tokenizer = nlp.tokenizer
        self.final_chars = frozenset(nlp.get_pipe("sentencizer").punct_chars)
        # (No sentence-final character is a letter or digit; were one, the shortcut for
        # chunks of letters and digits would be wrong, so it is kept off.)
        self.alnum_shortcut = not any(c.isalnum() for c in self.final_chars)
        self.chunks: dict[str, tuple[tuple[int, int, int], ...]] = {}

    def _tokenise(self, chunk: str) -> tuple[tuple[int, int, int], ...]:
        """The ``(start, end, kind)`` tokens of a space-free chunk (cached)."""
        from spacy.attrs import IDX, IS_PUNCT, LENGTH

        final_chars = self.final_chars
        tokens = tuple(
            (
                idx,
                idx + length,
                _FINAL
                if chunk[idx : idx + length] in final_chars
                else _PUNCT
                if is_punct
                else _WORD,
            )
            for idx, length, is_punct in self.tokenizer(chunk)
            .to_array([IDX, LENGTH, IS_PUNCT])
            .tolist()
        )
        if len(self.chunks) >= _CHUNK_CACHE_MAX:
            self.chunks.clear()
        self.chunks[chunk] = tokens
        return tokens

    def spans(self, line: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each sentence of ``line`` (offsets within it), as spaCy's
        sentencizer would cut it: a sentence ends after a final character, at the next token
        that is neither final nor punctuation."""
        if "  " in line or (not line.isprintable() and any(c.isspace() and c != " " for c in line)):
            return [(s.start_char, s.end_char) for s in self.nlp(line).sents]
        # a chunk of letters and digits is one word token, unless a final character is alphanumeric
        shortcut = self.alnum_shortcut
        chunks = self.chunks
        spans: list[tuple[int, int]] = []
        sentence_start = 0
        last_end = 0
        seen_final = False
        offset = 0
        for chunk in line.split(" "):
            end = offset + len(chunk)
            if shortcut and chunk.isalnum():
                if seen_final:
                    spans.append((sentence_start, last_end))
                    sentence_start = offset
                    seen_final = False
                last_end = end
            else:
                for token_start, token_end, kind in chunks.get(chunk) or self._tokenise(chunk):
                    if kind == _FINAL:
                        seen_final = True
                    elif seen_final and kind == _WORD:
                        spans.append((sentence_start, last_end))
                        sentence_start = offset + token_start
                        seen_final = False
                    last_end = offset + token_end
            offset = end + 1
        spans.append((sentence_start, last_end))
        return spans


@lru_cache(maxsize=16)
def _sentencizer(lang: str) -> _ChunkSentencizer:
    return _ChunkSentencizer(_nlp(lang))


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The caption regex, and the byline patterns as one regex (its alternatives are tried in
    order, the first that matches wins: as matching each in turn, in one call a line)."""
    data = load_data("boilerplate.toml")
    credits = sorted(data["photo_credits"], key=len, reverse=True)
    alternatives = "|".join(re.escape(c) for c in credits)
    caption = re.compile(rf"^(?:{alternatives})\s+(?=\S)")
    patterns = data["byline_patterns"]
    byline = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
    return caption, byline


@lru_cache(maxsize=16)
def _link_prefixes(lang: str) -> tuple[str, ...]:
    """The openings of lines that link to other articles (looked up once per language: the
    look-up asks the file system whether the language has the data file)."""
    return tuple(load_lang_data(lang, "sentences").get("link_prefixes", []))


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
        caption_re, byline_re = _boilerplate()
        link_prefixes = _link_prefixes(lang)
        sentencizer = _sentencizer(lang)
        for line in _LINE.finditer(text):
            start, end = _strip(text, line.start(), line.end())
            if start == end:
                continue
            body = text[start:end]
            if link_prefixes and body.startswith(link_prefixes):
                yield Span(start, end, "link")
                continue
            byline = byline_re.match(body) if byline_re is not None else None
            if byline:
                yield Span(start, start + byline.end(), "byline")
                start, end = _strip(text, start + byline.end(), end)
                if start == end:
                    continue
                body = text[start:end]
            if caption_re.match(body) and body[-1] not in _FINAL_PUNCT:
                yield Span(start, end, "caption")
                continue
            yield from self._sentences(sentencizer, text, start, end)

    def _sentences(
        self, sentencizer: _ChunkSentencizer, text: str, start: int, end: int
    ) -> Iterator[Span]:
        spans = [_strip(text, start + s, start + e) for s, e in sentencizer.spans(text[start:end])]
        spans = _reattach_opening_quotes(text, [(s, e) for s, e in spans if s < e])
        if len(spans) == 1:
            s, e = spans[0]
            words = len(text[s:e].split())
            if text[e - 1] not in _FINAL_PUNCT and words <= self.heading_max_words:
                yield Span(s, e, "heading")
                return
        for s, e in spans:
            yield Span(s, e, "sentence")
