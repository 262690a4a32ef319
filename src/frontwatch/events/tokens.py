"""Tokens and phrase matching for the event engine.

The engine reads text as a sequence of tokens (words, numbers, and every other character on its
own) with character offsets. All matching is done on a folded form (lower case, no diacritics,
straight apostrophes) so that a lexicon entry "Oekraïense" also finds "oekraiense". Phrases are
matched with a token trie, which costs a few dictionary look-ups per token whatever the size of
the lexicon: the event stage has to keep pace with hundreds of articles per second.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

# Numbers keep their decimal and thousands separators ("2,6", "30.000", "2.2"); words keep
# inner digits ("S-300" is three tokens: "S", "-", "300"); anything else is a token of its own.
_TOKEN: Final = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
_APOSTROPHES: Final = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


_FOLDED: Final[dict[str, str]] = {}


def fold(text: str) -> str:
    """Lower case without diacritics and with straight apostrophes: the matching form."""
    folded = _FOLDED.get(text)
    if folded is not None:
        return folded
    folded = text.lower().translate(_APOSTROPHES)
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    if len(_FOLDED) < 200_000:  # words repeat: remember them, within bounds
        _FOLDED[text] = folded
    return folded


# The hot records of the compiled build spell their ``__init__`` out: mypyc compiles one written
# in the class, while the one ``@dataclass`` generates runs interpreted, about five times the
# cost of building an instance (an article makes hundreds of tokens). ``init=False`` keeps the
# rest of what the decorator gives (``__eq__``, ``__repr__``, ``replace``).
@dataclass(slots=True, init=False)
class Token:
    start: int
    end: int
    text: str
    norm: str

    def __init__(self, start: int, end: int, text: str, norm: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.norm = norm

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


# Per white-space separated chunk of text: its folded form when it is one token (most chunks:
# "Russische", "troepen"), else its tokens as (offset, length, text, folded) ("Kyiv,", "S-300").
_CHUNKS: Final[dict[str, str | tuple[tuple[int, int, str, str], ...]]] = {}
_CHUNKS_LIMIT: Final = 200_000


def _chunk_tokens(chunk: str) -> str | tuple[tuple[int, int, str, str], ...]:
    words = _TOKEN.findall(chunk)
    pieces: str | tuple[tuple[int, int, str, str], ...]
    if len(words) == 1:  # the regex covers every non-space character: the word is the chunk
        pieces = fold(chunk)
    else:
        found = []
        pos = 0
        for word in words:
            begin = chunk.find(word, pos)
            pos = begin + len(word)
            found.append((begin, len(word), word, fold(word)))
        pieces = tuple(found)
    if len(_CHUNKS) < _CHUNKS_LIMIT:  # chunks repeat: remember them, within bounds
        _CHUNKS[chunk] = pieces
    return pieces


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]``, with offsets into ``text``.

    Tokens never span white space, so the text is split on it (``str.split`` is far cheaper
    than a regular expression) and each chunk is tokenised once per process: most chunks are
    one word, and words repeat. Only white space separates two chunks: a chunk starts where
    the white space after the previous one ends (``str.split`` and ``str.isspace`` know the
    same white space; stepping over it, compiled, costs a quarter of a ``str.find``).
    """
    end = len(text) if end is None else end
    chunks = (text if start == 0 and end == len(text) else text[start:end]).split()
    # no local aliases of ``out.append`` or ``Token``: compiled, the direct calls are native
    out: list[Token] = []
    pos = start
    for chunk in chunks:
        while text[pos].isspace():
            pos += 1
        begin = pos
        pos = begin + len(chunk)
        pieces = _CHUNKS.get(chunk)
        if pieces is None:
            pieces = _chunk_tokens(chunk)
        if isinstance(pieces, str):
            out.append(Token(begin, pos, chunk, pieces))
        else:
            for offset, length, word, norm in pieces:
                out.append(Token(begin + offset, begin + offset + length, word, norm))
    return out


def norms_of(tokens: list[Token], i: int, j: int) -> tuple[str, ...]:
    """The folded words of tokens ``[i, j)``, for a look-up among phrases; a loop: compiled,
    ``tuple(map(attrgetter("norm"), ...))`` reads each attribute through the object
    protocol, at several times the cost."""
    return tuple([tokens[k].norm for k in range(i, j)])


_PHRASES: Final[dict[str, tuple[str, ...]]] = {}


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the folded token sequence the text will be compared with (asked
    for every candidate's time phrase too: remembered, within bounds)."""
    found = _PHRASES.get(phrase)
    if found is None:
        found = tuple(fold(m.group()) for m in _TOKEN.finditer(phrase))
        if len(_PHRASES) < 200_000:
            _PHRASES[phrase] = found
    return found


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


# Not frozen: a frozen dataclass is built through object.__setattr__, more than twice as slow,
# and a document makes hundreds of matches. Treat them as values (they hash as values).
@dataclass(slots=True, unsafe_hash=True, init=False)
class Match:
    """Tokens ``[i, j)`` matched a phrase carrying ``payloads``."""

    i: int
    j: int
    payloads: tuple[Any, ...]

    def __init__(self, i: int, j: int, payloads: tuple[Any, ...]) -> None:
        self.i = i
        self.j = j
        self.payloads = payloads


# The key under which a trie node keeps what the phrases ending there carry (a module constant:
# compiled, a class variable is read through the generic protocol).
_TRIE_END: Final = "\x00end"


class PhraseMatcher:
    """Longest-match lookup of token phrases, with payloads.

    A phrase with an acronym in it ("VS", "EU") is stored with that token's exact spelling and
    only matches text that has it in capitals, so Dutch "vs" or English "us" are left alone.
    """

    def __init__(self) -> None:
        self._root: dict[str, Any] = {}
        self._suffixes: dict[str, list[Any]] = {}
        self._suffix_lengths: list[int] = []
        self._suffix_cache: dict[str, bool] = {}

    def add(self, phrase: str, payload: Any) -> None:
        raw = [m.group() for m in _TOKEN.finditer(phrase)]
        if not raw:
            return
        exact = tuple((k, w) for k, w in enumerate(raw) if _is_acronym(w))
        node = self._root
        for word in raw:
            node = node.setdefault(fold(word), {})
        _, entries = node.get(_TRIE_END, (None, []))
        entries = [*entries, (exact, payload)]
        free = all(not e for e, _ in entries)
        node[_TRIE_END] = (tuple(p for _, p in entries) if free else None, entries)

    def words(self) -> set[str]:
        """Every folded word of every phrase."""
        out: set[str] = set()
        stack = [self._root]
        while stack:
            node = stack.pop()
            for key, child in node.items():
                if key != _TRIE_END:
                    out.add(key)
                    stack.append(child)
        return out

    def may_start(self, word: str) -> bool:
        """Whether some phrase starts with the folded ``word``."""
        return word in self._root

    def add_suffix(self, suffix: str, payload: Any) -> None:
        """Match any single word ending in ``suffix`` (compounds: "artilleriebeschietingen")."""
        key = fold(suffix)
        self._suffixes.setdefault(key, []).append(payload)
        self._suffix_cache.clear()
        self._suffix_lengths = sorted({len(k) for k in self._suffixes}, reverse=True)

    def match_at(self, tokens: list[Token], i: int, hi: int) -> Match | None:
        """The longest phrase starting at token ``i`` and ending before ``hi``."""
        node = self._root
        best_j = 0
        best: tuple[Any, ...] | None = None
        end_key = _TRIE_END
        j = i
        while j < hi:
            child: dict[str, Any] | None = node.get(tokens[j].norm)
            if child is None:
                break
            node = child
            j += 1
            entries = node.get(end_key)
            if entries:
                if entries[0] is not None:  # no case constraint at this node: precomputed
                    best_j, best = j, entries[0]
                    continue
                payloads = tuple(
                    payload
                    for exact, payload in entries[1]
                    if not exact or all(tokens[i + k].text == w for k, w in exact)
                )
                if payloads:
                    best_j, best = j, payloads
        if best is not None:
            return Match(i, best_j, best)
        if self._suffixes and self.suffix_match(tokens[i].norm):
            word = tokens[i].norm
            for length in self._suffix_lengths:
                if len(word) > length and word[-length:] in self._suffixes:
                    return Match(i, i + 1, tuple(self._suffixes[word[-length:]]))
        return None

    def find(self, tokens: list[Token], lo: int = 0, hi: int | None = None) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        hi = len(tokens) if hi is None else hi
        found: list[Match] = []
        root = self._root
        suffixes = self._suffixes
        lengths = self._suffix_lengths
        i = lo
        while i < hi:
            word = tokens[i].norm
            if word not in root and (
                not suffixes or not any(len(word) > n and word[-n:] in suffixes for n in lengths)
            ):
                i += 1
                continue
            m = self.match_at(tokens, i, hi)
            if m is None:
                i += 1
            else:
                found.append(m)
                i = m.j
        return found

    def suffix_match(self, word: str) -> bool:
        """Whether ``word`` ends in one of the suffix entries (cached per word)."""
        hit = self._suffix_cache.get(word)
        if hit is None:
            hit = self._suffix_cache[word] = any(
                len(word) > n and word[-n:] in self._suffixes for n in self._suffix_lengths
            )
        return hit

    def may_match(self, tokens: list[Token], lo: int, hi: int) -> bool:
        """Whether any phrase could start in ``[lo, hi)`` (a cheap first test)."""
        root = self._root
        for k in range(lo, hi):
            word = tokens[k].norm
            if word in root:
                return True
            if self._suffixes:
                for length in self._suffix_lengths:
                    if len(word) > length and word[-length:] in self._suffixes:
                        return True
        return False


def word_set(words: Iterable[str]) -> frozenset[str]:
    """Folded single words, for membership tests."""
    return frozenset(fold(w) for w in words)


def phrase_set(phrases: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Folded token sequences, for membership tests of multi-word phrases."""
    return frozenset(phrase_tokens(p) for p in phrases)


# The first-word index of a set of matchers, built once per set (which it keeps alive, so
# that the ids in its key stay theirs): word -> (position, matcher, trie node of the word) of
# the matchers a phrase may start with there, whether by its first word or (node None) by a
# suffix entry ("artilleriebeschietingen"). Words are added as they are met, so that a token
# costs one dictionary look-up. A matcher is known by its position in the set: its state in
# the scan is kept in lists, not in dictionaries by name.
_Starts = tuple[tuple[int, "PhraseMatcher", dict[str, Any] | None], ...]
_SCAN_INDEX: Final[dict[tuple[tuple[str, int], ...], tuple[dict[str, _Starts], list[Any]]]] = {}
_SCAN_INDEX_LIMIT: Final = 400_000


def scan(
    tokens: list[Token],
    matchers: dict[str, PhraseMatcher],
    norms: list[str] | None = None,
) -> dict[str, list[Match]]:
    """Run several matchers over a whole document in one pass.

    Each matcher keeps its own longest-match, non-overlapping semantics. A token no matcher's
    phrases start with (most tokens) costs one dictionary look-up of its folded word (``norms``:
    the tokens' ``norm`` in order, when the caller has them already).
    """
    key = tuple((name, id(m)) for name, m in matchers.items())
    index = _SCAN_INDEX.get(key)
    if index is None:
        table: dict[str, list[tuple[int, PhraseMatcher, dict[str, Any] | None]]] = {}
        for k, m in enumerate(matchers.values()):
            for word, node in m._root.items():
                table.setdefault(word, []).append((k, m, node))
        index = _SCAN_INDEX[key] = (
            {w: tuple(n) for w, n in table.items()},
            list(matchers.values()),
        )
    starts_of = index[0]
    if norms is None:
        norms = [t.norm for t in tokens]
    found: list[list[Match]] = [[] for _ in matchers]
    free = [0] * len(matchers)  # where each matcher's next match may start
    hi = len(tokens)
    end_key = _TRIE_END
    with_suffixes: list[tuple[int, PhraseMatcher]] | None = None
    # one plain loop (no map, set or compress over the words): compiled, it runs natively
    for i, word in enumerate(norms):
        starts = starts_of.get(word)
        if starts is None:  # a word not met before: only a suffix entry may start there
            if with_suffixes is None:
                with_suffixes = [(k, m) for k, m in enumerate(matchers.values()) if m._suffixes]
            starts = tuple((k, m, None) for k, m in with_suffixes if m.suffix_match(word))
            if len(starts_of) < _SCAN_INDEX_LIMIT:
                starts_of[word] = starts
        for k, matcher, node in starts:  # most words start no phrase: an empty tuple
            if i < free[k]:
                continue
            if (
                node is not None
                and end_key not in node
                and not matcher._suffixes
                and (i + 1 >= hi or norms[i + 1] not in node)
            ):
                continue  # "de" starts "de Russen" but is followed by something else
            match = matcher.match_at(tokens, i, hi)
            if match is not None:
                found[k].append(match)
                free[k] = match.j
    return dict(zip(matchers, found, strict=True))
