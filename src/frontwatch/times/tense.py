"""Is the clause around a time expression about the past or the future?

A bare weekday or month points back in a past-tense clause and forward in a present or future
one: "zaterdag ontmoette" is the last Saturday, "zaterdag ontmoet" the next. Without a parser
we read the finite verbs from word lists of the language's ``[tense]`` table:

- ``future``: auxiliaries and phrases of the future ("zal", "gaat", "will", "due to");
- ``past``: irregular past forms and participles ("zei", "werd", "took", "met");
- ``past_suffix``: the regular past ("-de/-te", "-ed"), minus ``not_past`` look-alikes and
  words right after a ``determiners`` word (an adjective: "de gewapende mannen");
- ``non_finite_before``: a past form right after one of these is a passive infinitive or
  gerund, no past ("is due to be sworn in on Saturday");
- ``perfect_aux`` + a ``participle``-shaped word in the clause: the perfect ("heeft ...
  heroverd") is past;
- ``past_modal``: past forms of future auxiliaries ("zou", "would", "were due to") keep the
  story in the past.

The cue nearest to the expression inside its clause decides (clauses end at punctuation and
at the ``boundaries`` words that open subordinate clauses); without one, and if the clause is
too short to hold a verb of its own ("Op zaterdag, meldde het leger, ..."), the nearest in the
sentence; without any, the tense is ``present``: news reports the past in the past tense, so
a sentence with no past form is about now or what comes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, Final, Literal

# "nearest" is never read from a verb: a ``[[direction]]`` rule of the grammar sets it for a
# day named around the reference ("declared Sunday a day of mourning").
Tense = Literal["past", "present", "future", "nearest"]

_TOKEN: Final = re.compile(r"[\w'’]+(?:-[\w'’]+)*|[^\w\s]")
_CLAUSE_PUNCT: Final = frozenset(',;:()"“”«»—–[]')
_token_start = itemgetter(0)
_token_end = itemgetter(1)
# A clause of at least this many tokens besides the time expression has its own verb: its
# tense is not taken from another clause of the sentence.
_OWN_CLAUSE_TOKENS: Final = 4


# A word's own tense signals: (future phrases it opens, listed kind, participle-shaped,
# regular past suffix).
_WordSignal = tuple[tuple[tuple[str, ...], ...] | None, str | None, bool, bool]
# The signal of most words: none. One object, so a sentence's analysis skips them at once.
_SILENT: Final[_WordSignal] = (None, None, False, False)


def _tokens(sentence: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` of each ``_TOKEN`` match."""
    return _tokens_with(sentence, sentence)[0]


def _tokens_with(sentence: str, other: str) -> tuple[list[tuple[int, int, str]], list[str]]:
    """The tokens of ``sentence`` (see :func:`_tokens`) and the same stretches of ``other``, a
    text as long ("the tokens and their lower case").

    No token holds a blank and every character that is not blank belongs to one, so the
    tokens of a sentence are those of its blank-separated chunks, and inside a chunk they
    follow each other without a gap. Most chunks are a plain word ("isalnum": word
    characters without "_"), one token as it is; only the others ("Kyiv,", "(2022)") are
    matched. Cheaper than a regex match per token."""
    # no local aliases of ``append`` or ``find``: compiled, the direct calls are native
    tokens: list[tuple[int, int, str]] = []
    others: list[str] = []
    end = 0
    for chunk in sentence.split():
        while sentence[end].isspace():  # only blanks lie before the chunk
            end += 1
        start = end
        end = start + len(chunk)
        if chunk.isalnum():
            tokens.append((start, end, chunk))
            others.append(other[start:end])
            continue
        for token in _TOKEN.findall(chunk):
            stop = start + len(token)
            tokens.append((start, stop, token))
            others.append(other[start:stop])
            start = stop
    return tokens, others


class TenseRules:
    """The ``[tense]`` table of a language, compiled.

    Its word lists are read once, here: they were cached properties, which a class compiled by
    mypyc (``scripts/build_compiled.py``) does not cache, so the compiled build rebuilt them
    at every look-up (several per sentence read).
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self._cache: dict[str, _Sentence] = {}
        # What a lower-cased word signals on its own, whatever its neighbours (see
        # _word_signal): kept across texts, as the same words recur in every article.
        self._signals: dict[str, _WordSignal] = {}
        self.future = self._words("future")
        # Multi-word future cues by their first word.
        phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in data.get("future_phrases", []):
            words = tuple(phrase.lower().split())
            phrases.setdefault(words[0], []).append(words)
        self.future_phrases: dict[str, tuple[tuple[str, ...], ...]] = {
            k: tuple(v) for k, v in phrases.items()
        }
        self.past = self._words("past")
        self.past_modal = self._words("past_modal")
        self.not_past = self._words("not_past")
        self.determiners = self._words("determiners")
        self.non_finite_before = self._words("non_finite_before")
        self.perfect_aux = self._words("perfect_aux")
        self.boundaries = self._words("boundaries")
        self.list_conjunctions = self._words("list_conjunctions")
        self.separable_prefixes: tuple[str, ...] = tuple(
            sorted(self._words("separable_prefixes"), key=len, reverse=True)
        )
        past_suffix = data.get("past_suffix")
        self.past_suffix: re.Pattern[str] | None = re.compile(past_suffix) if past_suffix else None
        participle = data.get("participle")
        self.participle: re.Pattern[str] | None = re.compile(participle) if participle else None
        # Listed words and what they signal, in the order of precedence.
        known: dict[str, str] = {}
        for word in self.perfect_aux:
            known[word] = "aux"
        for word in self.past:
            known[word] = "past"
        # Single-word future cues win over a past form that looks the same; past modals
        # ("zou", "would") over both.
        for word in self.future:
            known[word] = "future"
        for word in self.past_modal:
            known[word] = "past"
        self.known_words = known
        # Lower-case tokens that end a clause: punctuation and ``boundaries`` words.
        self.clause_stops = _CLAUSE_PUNCT | self.boundaries
        self.min_length = int(data.get("past_suffix_min_length", 5))

    def _words(self, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in self.data.get(key, []))

    # -- classification ----------------------------------------------------------------------

    def forget(self) -> None:
        """Drop the cached sentence analyses (start of a new text)."""
        self._cache.clear()

    def analyse(self, sentence: str) -> _Sentence:
        """Tokens, clause boundaries and tense cues of a sentence (cached: many expressions
        of one sentence ask)."""
        cached = self._cache.get(sentence)
        if cached is not None:
            return cached
        lowered = sentence.lower().replace("’", "'")
        if len(lowered) == len(sentence):
            tokens, lower = _tokens_with(sentence, lowered)
        else:  # a character whose lower case is longer ("İ")
            tokens = _tokens(sentence)
            lower = [t[2].lower().replace("’", "'") for t in tokens]
        # A punctuation token is its own lower case: it can be looked up there.
        stops = self.clause_stops
        boundary = [word in stops for word in lower]
        if "," in sentence:
            self._join_name_lists(tokens, lower, boundary)
        cues: list[tuple[int, Tense]] = []
        aux: list[int] = []
        participles: list[int] = []
        signals = self._signals
        determiners = self.determiners
        non_finite = self.non_finite_before
        for i, word in enumerate(lower):
            signal = signals.get(word)
            if signal is None:
                signal = self._word_signal(word)
            if signal is _SILENT:
                continue
            phrases, kind, is_participle, past_suffix = signal
            if phrases and any(tuple(lower[i : i + len(p)]) == p for p in phrases):
                before = lower[i - 1] if i else ""
                cues.append((i, "past" if before in self.past else "future"))
                continue
            if kind is not None:
                if kind == "aux":
                    aux.append(i)
                elif not (kind == "past" and i and lower[i - 1] in non_finite):
                    cues.append((i, kind))  # type: ignore[arg-type]
                continue
            if is_participle:
                participles.append(i)
            if (
                past_suffix
                and not (i and lower[i - 1] in determiners)
                and not (i and lower[i - 1] in non_finite)
                and not (i and tokens[i][2][:1].isupper())
            ):
                cues.append((i, "past"))
        analysis = _Sentence(tokens, boundary, cues, aux, participles)
        if len(self._cache) > 1024:
            self._cache.clear()
        self._cache[sentence] = analysis
        return analysis

    def _join_name_lists(
        self, tokens: list[tuple[int, int, str]], lower: list[str], boundary: list[bool]
    ) -> None:
        """Commas of an enumeration of names close no clause: in "crossed into the Chernihiv,
        Sumy and Luhansk regions on Thursday" the weekday belongs to the clause of "crossed".
        A comma is a list comma when a capitalised word stands before it, one (after
        determiners) after it, and a ``list_conjunctions`` word followed by a capitalised word
        closes the list before the next punctuation."""
        conjunctions = self.list_conjunctions
        determiners = self.determiners
        n = len(tokens)

        def name_at(i: int) -> bool:
            while i < n and lower[i] in determiners:
                i += 1
            return i < n and tokens[i][2][:1].isupper()

        i = -1
        for _ in range(lower.count(",")):  # the commas, found by list.index, not one by one
            i = lower.index(",", i + 1)
            if not i or not tokens[i - 1][2][:1].isupper() or not name_at(i + 1):
                continue
            for j in range(i + 1, n):
                if lower[j] in conjunctions and name_at(j + 1):
                    boundary[i] = False
                    break
                if tokens[j][2] in _CLAUSE_PUNCT and tokens[j][2] != ",":
                    break
                if tokens[j][2] == "," and not (tokens[j - 1][2][:1].isupper() and name_at(j + 1)):
                    break

    def _word_signal(self, word: str) -> _WordSignal:
        """What ``word`` (lower case) says on its own: the future phrases it may open, its
        listed kind ("aux", "past", "future"), whether it is shaped like a participle and
        whether it has the regular past suffix (in a sentence it is a past form unless a
        determiner precedes it or it is capitalised). Cached: the regexes were most of the
        cost of analysing a sentence."""
        phrases = self.future_phrases.get(word)
        kind = self.known_words.get(word)
        is_participle = past_suffix = False
        if kind is None and len(word) >= self.min_length and word.isalpha():
            participle = self.participle
            suffix = self.past_suffix
            is_participle = participle is not None and participle.match(word) is not None
            past_suffix = (
                suffix is not None and word not in self.not_past and suffix.search(word) is not None
            )
            if not past_suffix and word not in self.not_past:
                # a separable verb closing a subordinate clause joins its particle to the past
                # form: "(waaruit ze zich) terugtrokken", "(dat Rusland de stad) innam"
                past_suffix = any(
                    word.startswith(p) and self.known_words.get(word[len(p) :]) == "past"
                    for p in self.separable_prefixes
                    if len(word) - len(p) >= 3
                )
        signal = (phrases, kind, is_participle, past_suffix)
        if signal == _SILENT:
            signal = _SILENT  # the one object, which analyse() tests by identity
        if len(self._signals) > 50_000:
            self._signals.clear()
        self._signals[word] = signal
        return signal

    def tense_of(self, sentence: str, start: int, end: int, side: str = "both") -> Tense:
        """The tense governing ``sentence[start:end]`` (offsets inside the sentence).

        ``side="left"`` reads only the words before the expression: the main clause in front
        of "een dag nadat ..." / "a day after ...". ``side="sentence"`` takes the nearest cue
        of the whole sentence: a reporting verb ("zei woensdag dat ..."). ``side="clause"``
        reads only the expression's own clause, however short ("Oekraïne herdenkt vandaag
        dat ... ontplofte": present).
        """
        a = self.analyse(sentence)
        # The tokens overlapping [start, end): tokens are in order and do not overlap, so they
        # run from the first ending after ``start`` to the last starting before ``end``.
        first = bisect_right(a.tokens, start, key=_token_end)
        last = bisect_left(a.tokens, end, key=_token_start) - 1
        if first > last:
            return "present"
        left = first
        while left > 0 and not a.boundary[left - 1]:
            left -= 1
        right = last
        while right + 1 < len(a.tokens) and not a.boundary[right + 1]:
            right += 1
        scopes = [(left, right), (0, len(a.tokens) - 1)]
        if side == "left":
            scopes = [(left, first - 1)]
        elif side == "sentence":
            scopes = [(0, len(a.tokens) - 1)]
        elif side == "clause":
            scopes = [(left, right)]

        def outside(i: int, lo: int, hi: int) -> bool:
            return lo <= i <= hi and not first <= i <= last

        for n, (lo, hi) in enumerate(scopes):
            if n and (right - left) - (last - first) >= _OWN_CLAUSE_TOKENS:
                # The clause has words enough to hold its own verb; we just do not know it
                # as past or future ("ontmoet"): present, whatever the next clause says.
                break
            cues = [c for c in a.cues if outside(c[0], lo, hi)]
            # A perfect: an auxiliary with a participle after it in the clause.
            cues.extend(
                (i, "past")
                for i in a.aux
                if outside(i, lo, hi) and any(i < p and outside(p, lo, hi) for p in a.participles)
            )
            if cues:

                def distance(cue: tuple[int, Tense]) -> tuple[int, int]:
                    i = cue[0]
                    gap = first - i if i < first else i - last
                    return gap, 0 if i < first else 1

                return min(cues, key=distance)[1]
        return "present"


# ``__init__`` written out: mypyc compiles it, while the one ``@dataclass`` generates (a frozen
# one, through ``object.__setattr__``) runs interpreted; a sentence with a time makes one.
@dataclass(slots=True, init=False)
class _Sentence:
    tokens: list[tuple[int, int, str]]
    boundary: list[bool]
    cues: list[tuple[int, Tense]]
    aux: list[int]
    participles: list[int]

    def __init__(
        self,
        tokens: list[tuple[int, int, str]],
        boundary: list[bool],
        cues: list[tuple[int, Tense]],
        aux: list[int],
        participles: list[int],
    ) -> None:
        self.tokens = tokens
        self.boundary = boundary
        self.cues = cues
        self.aux = aux
        self.participles = participles

    def cue_words(self) -> list[str]:
        return [self.tokens[i][2] for i, _ in self.cues]


__all__ = ["Tense", "TenseRules"]
