"""Find the place names in a text: gazetteer look-up plus the rules that keep ordinary words,
people, organisations and ships out.

The scan visits only capitalised words (a place name starts with a capital in Dutch, English,
German...). For each, the gazetteer says how many words the longest name starting with that
word has (by folded spelling and by romanisation skeleton); the following words are read and
the longest name that matches wins -- a trie over word keys, the word-level equivalent of
Aho-Corasick, which needs no automaton to be built at load time. A match that a rule rejects
gives way to the shorter names inside it ("Kryvbas Kryvyi Rih" is a club, not "Kryvyi Rih";
the longest-first search then still tries what remains valid).

Rules (all driven by :mod:`frontwatch.places.lexicon` data):

* stop words; words the same text also writes in lower case ("Rich donors ... the rich")
  unless they name an important place; small foreign towns in Title Case headlines;
* a word only matched through an inflection ("Ruslands") must name an important place;
* all-capital abbreviations ("VS", "UK") -- in news they modify or act; datelines in
  capitals ("KYIV -") are kept when they name an important place;
* people: known persons, given names and the word after them, the word after a title
  ("president", "burgemeester");
* organisations, media and bylines (whole names, e.g. "Institute for the Study of War"), a
  name followed by an organisation head ("Black Sea Fleet", "Europa League", "Kalush
  Orchestra") or preceded by a club prefix ("Sjachtar Donetsk"), or followed by "-<digit>"
  ("Dnipro-1");
* ships named after places ("het cruiseschip Volendam");
* demonyms and adjectives ("Oekraïense", "Russen") are never places; :func:`demonym_spans`
  reports them with their country for the events component.

Capitalised words that the gazetteer lacks but a cue presents as a place ("the villages of
Melovoi and Podol", "het dorp X") are kept as unresolved candidates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from frontwatch.places.gazetteer import Gazetteer
from frontwatch.places.keys import fold_key, name_key
from frontwatch.places.lexicon import Lexicon

_UPPER: Final = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper() and chr(c).isalpha())
# A capitalised word not glued to a word before it ("d'Or" is no word start). The capital comes
# first and the look-behinds (over it: ".") after it, so that ``re`` can skip from capital to
# capital instead of testing the look-behinds at every character: twice as fast.
_CAP_WORD: Final = re.compile(
    rf"[{re.escape(_UPPER)}](?<![\w].)(?<![\w]['’].)[^\W_]*(?:['’][^\W\d_]+)*"
)
_NEXT_WORD: Final = re.compile(
    r"(?:[ \u00a0]+|[ \u00a0]?[-‐‑][ \u00a0]?)([^\W_]+(?:['’][^\W\d_]+)*)"
)
_PREV_TOKENS: Final = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*\.?|[,;:!?\"“”‘’'()\[\]|•—–]")
_AFTER_WORD_BODY: Final = r"(?:['’]s)?(?:[ \u00a0]+|[ \u00a0]?[-‐‑][ \u00a0]?)([^\W\d_][\w'’]*)"
_AFTER_WORD: Final = re.compile(_AFTER_WORD_BODY)
# Up to three such words in one match: each group is tried only after the one before matched,
# as three matches one after the other would be.
_AFTER_WORDS: Final = re.compile(
    f"{_AFTER_WORD_BODY}(?:{_AFTER_WORD_BODY}(?:{_AFTER_WORD_BODY})?)?"
)
_SENTENCE_END: Final = set('.!?:"“”|•\n')
# An opening quote after a name, before the words that may be a cue.
_QUOTED_AFTER: Final = {' "', " “", " '", " ‘"}
_QUOTES: Final = set("\"“”‘’'")
_APPOSITION_WORDS: Final = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A name found only by cutting an inflection ("Ruslands") must be at least this important.
_INFLECTED_IMPORTANCE: Final = 0.6
# A one-word name outside the war's area that starts a sentence must weigh this much (a city
# of some size), or be written capitalised elsewhere in the text too.
_SENTENCE_START_IMPORTANCE: Final = 0.65
# Kinds of place whose names take an article in Dutch ("de Krim", "de Donbas", "de Bürgenstock").
_ARTICLE_FEATURES: Final = {
    "RGN",
    "PEN",
    "ISL",
    "ISLS",
    "SPIT",
    "MT",
    "MTS",
    "RSRT",
    "AREA",
    "DAM",
    "BDG",
    "AIRB",
    "AIRP",
    "PS",
    "PSH",
    "PSN",
    "MFG",
}
# Countries whose places are keyed by romanisation skeleton (the war's area).
_SKELETON_COUNTRIES: Final = {"UA", "RU", "BY"}


# ``__init__`` written out: mypyc compiles it, while the one ``@dataclass`` generates runs
# interpreted, about five times the cost of building an instance.
@dataclass(slots=True, init=False)
class Candidate:
    """A stretch of text that names a place, with the gazetteer entries it can mean."""

    start: int
    end: int
    surface: str
    indexes: tuple[int, ...]
    spelled: frozenset[int]  # entries matched by spelling, not only skeleton
    cue: str | None  # region, city, river, district, island, base (see lexicon)
    cue_explicit: bool
    notes: list[str]
    # Where the cue was said, which decides how far along a list it reaches: "before" ("de
    # regio's X, Y en Z" reaches forward), "after" (one name: "Sevastopol and Saky air
    # base"), "after_plural" (the whole list before it: "the Ryazan and Saratov regions").
    cue_source: str

    def __init__(
        self,
        start: int,
        end: int,
        surface: str,
        indexes: tuple[int, ...] = (),
        spelled: frozenset[int] = frozenset(),
        cue: str | None = None,
        cue_explicit: bool = False,
        notes: list[str] | None = None,
        cue_source: str = "",
    ) -> None:
        self.start = start
        self.end = end
        self.surface = surface
        self.indexes = indexes
        self.spelled = spelled
        self.cue = cue
        self.cue_explicit = cue_explicit
        self.notes = [] if notes is None else notes
        self.cue_source = cue_source


def _has_whole_word(text: str, word: str, accept: Callable[[int], bool] = lambda at: True) -> bool:
    """Whether ``word`` stands in ``text`` as a whole word at an offset ``accept`` allows."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (
            (at == 0 or not text[at - 1].isalnum())
            and (end >= len(text) or not text[end].isalnum())
            and accept(at)
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _is_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


# The tokens of a chunk of text between white space, by chunk: words repeat.
_CHUNK_TOKENS: Final[dict[str, list[str]]] = {}


def _previous_tokens(text: str, start: int, n: int = 4) -> list[str]:
    """The raw tokens just before ``start`` (punctuation kept as tokens), nearest last."""
    lo = max(0, start - 60)
    newline = text.rfind("\n", lo, start)
    if newline >= 0:
        lo = newline + 1  # a headline, caption or paragraph ends at a line break
    # ``_PREV_TOKENS.findall(text[lo:start])``, chunk by chunk (no token holds white space),
    # from the nearest chunk back until more than ``n`` tokens are read
    tokens: list[str] = []
    chunks = text[lo:start].split()
    for k in range(len(chunks) - 1, -1, -1):
        chunk = chunks[k]
        found = _CHUNK_TOKENS.get(chunk)
        if found is None:
            found = _PREV_TOKENS.findall(chunk)
            if len(_CHUNK_TOKENS) < 200_000:
                _CHUNK_TOKENS[chunk] = found
        tokens[:0] = found
        if len(tokens) > n:
            return tokens[-n:]
    if lo == start - 60 and lo > 0:
        return tokens[1:]  # the first may be cut (when more than n, it is not kept anyway)
    return tokens


def _next_words(text: str, end: int) -> list[str]:
    """Up to three raw words after ``end`` joined by spaces or hyphens."""
    m = _AFTER_WORDS.match(text, end)
    return [w for w in m.groups() if w is not None] if m is not None else []


class _DocState:
    """What the scan of one text learns and caches as it goes."""

    __slots__ = (
        "_lower_words",
        "_mid_sentence",
        "_next",
        "_previous",
        "_title_lines",
        "persons",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.persons: set[str] = set()
        self._previous: dict[int, tuple[list[str], list[str], str | None]] = {}
        self._next: dict[int, tuple[list[str], list[str]]] = {}
        self._title_lines: dict[int, bool] = {}
        self._lower_words: dict[str, bool] = {}
        self._mid_sentence: dict[str, bool] = {}

    def before(self, start: int) -> tuple[list[str], list[str], str | None]:
        """What stands before ``start``, read once for all the rules and cues that ask: the
        raw tokens (nearest last), the same folded, and the word right before ``start`` when
        only blanks separate them."""
        found = self._previous.get(start)
        if found is None:
            text = self.text
            raw = _previous_tokens(text, start)
            last_word = None
            if raw and raw[-1][:1].isalnum() and start >= 1 and text[start - 1].isspace():
                last_word = raw[-1].rstrip(".")
            found = self._previous[start] = (raw, [fold_key(t) or t for t in raw], last_word)
        return found

    def after(self, end: int) -> tuple[list[str], list[str]]:
        """Up to three raw words after ``end`` and the same folded (cached: rules and cues
        both ask)."""
        found = self._next.get(end)
        if found is None:
            words = _next_words(self.text, end)
            found = self._next[end] = (words, [fold_key(w) for w in words])
        return found

    def previous_words(self, start: int) -> list[str]:
        """Folded tokens before ``start``, nearest last."""
        return self.before(start)[1]

    def title_case_line(self, pos: int) -> bool:
        """Whether the line holding ``pos`` is written in Title Case (most words capitalised),
        as English headlines are."""
        start = self.text.rfind("\n", 0, pos) + 1
        cached = self._title_lines.get(start)
        if cached is None:
            end = self.text.find("\n", pos)
            line = self.text[start : end if end >= 0 else len(self.text)]
            words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
            capitalised = sum(w[0].isupper() for w in words)
            cached = self._title_lines[start] = len(words) >= 4 and capitalised >= 0.7 * len(words)
        return cached

    def named_mid_sentence(self, word: str) -> bool:
        """Whether the text writes ``word`` capitalised somewhere other than at the start of a
        sentence or line (where a capital is evidence of a name)."""
        known = self._mid_sentence.get(word)
        if known is None:
            text = self.text
            known = self._mid_sentence[word] = _has_whole_word(
                text, word, lambda at: not _is_sentence_start(text, at)
            )
        return known

    def writes_in_lower_case(self, word: str) -> bool:
        """Whether the text also writes ``word`` in lower case, as a whole word."""
        lower = word.lower()
        known = self._lower_words.get(lower)
        if known is None:
            known = self._lower_words[lower] = _has_whole_word(self.text, lower)
        return known


class Recogniser:
    """Finds :class:`Candidate` place names in texts of one language."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.g = gazetteer
        self.lex = lexicon
        self.lang = lexicon.lang
        # Organisations and people named in full, indexed by their first word.
        self._names_first: dict[str, list[tuple[str, ...]]] = {}
        for name in sorted(self.lex.organisations | self.lex.persons, key=len, reverse=True):
            words = tuple(name.split())
            if words:
                self._names_first.setdefault(words[0], []).append(words)
        self._longest_cache: dict[str, int] = {}
        self._keys_cache: dict[str, tuple[str, str, str]] = {}
        self._suffixes = self.lex.possessive_suffixes + self.lex.inflection_suffixes
        # Words before an unknown capitalised word that make it worth a closer look.
        self._before_unknown = (
            frozenset(self.lex.cues_before)
            | self.lex.gap_words
            | self.lex.connectors
            | self.lex.cue_last_words
        )
        self._before_person = self.lex.given_names | self.lex.person_titles
        # First words of the cues said after a name ("air" of "air base").
        self._after_first = frozenset(k.split()[0] for k in self.lex.cues_after)
        self._importance_cache: dict[tuple[int, ...], float] = {}
        self._static_cache: dict[
            tuple[str, int, tuple[int, ...], bool], tuple[str | None, float, bool, bool]
        ] = {}
        self._readings_cache: dict[
            tuple[str, ...], list[tuple[int, tuple[int, ...], frozenset[int]]]
        ] = {}
        self._lookup_cache: dict[tuple[str, ...], tuple[tuple[int, ...], frozenset[int]]] = {}

    # -- keys ------------------------------------------------------------------------------
    def _keys(self, word: str) -> tuple[str, str, str]:
        # One dict look-up instead of three through lru_cache (which builds a key per call).
        keys = self._keys_cache.get(word)
        if keys is None:
            if len(self._keys_cache) > 200_000:
                self._keys_cache.clear()
            keys = self._keys_cache[word] = (
                fold_key(word),
                name_key(word, self.lang),
                name_key(word, "en"),
            )
        return keys

    def _longest(self, word: str) -> int:
        """How many words the longest gazetteer name starting with ``word`` has (0: none)."""
        cached = self._longest_cache.get(word)
        if cached is None:
            best = 0
            for variant, _ in self._variants(word):
                best = max(best, self.g.longest_from(*self._keys(variant)))
            if len(self._longest_cache) > 200_000:
                self._longest_cache.clear()
            self._longest_cache[word] = cached = best
        return cached

    def _variants(self, word: str) -> list[tuple[str, int]]:
        """The word and its possessive-stripped forms, with how many characters each keeps."""
        suffixes = self._suffixes
        if not suffixes or not word.endswith(suffixes):
            return [(word, len(word))]
        out = [(word, len(word))]
        for suffix in suffixes:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                stem = word[: -len(suffix)]
                out.append((stem, len(stem)))
        return out

    def _readings(
        self, head: tuple[str, ...], last: str
    ) -> list[tuple[int, tuple[int, ...], frozenset[int]]]:
        """The gazetteer readings of ``head`` + ``last`` (with ``last`` possibly stripped of a
        possessive or inflection): how many characters of ``last`` each keeps, the entries
        and those matched by spelling. Cached: the same names recur in every article."""
        key = (*head, last)
        cached = self._readings_cache.get(key)
        if cached is None:
            cached = []
            for variant, keep in self._variants(last):
                indexes, spelled = self._lookup([*head, variant])
                if not indexes:
                    continue
                if (
                    keep < len(last)
                    and last[keep] not in "'’"
                    and self._best_importance(indexes) < _INFLECTED_IMPORTANCE
                ):
                    continue  # "Ruslands" is Rusland's; "Volgens" is no village "Volgen"
                cached.append((keep, indexes, spelled))
            if len(self._readings_cache) > 100_000:
                self._readings_cache.clear()
            self._readings_cache[key] = cached
        return cached

    def _best_importance(self, indexes: tuple[int, ...]) -> float:
        best = self._importance_cache.get(indexes)
        if best is None:
            best = self._importance_cache[indexes] = max(
                self.g.entry(i).importance for i in indexes
            )
        return best

    def _lookup(self, words: list[str]) -> tuple[tuple[int, ...], frozenset[int]]:
        key = tuple(words)
        cached = self._lookup_cache.get(key)
        if cached is None:
            if len(self._lookup_cache) > 100_000:
                self._lookup_cache.clear()
            self._lookup_cache[key] = cached = self._lookup_uncached(words)
        return cached

    def _lookup_uncached(self, words: list[str]) -> tuple[tuple[int, ...], frozenset[int]]:
        folded = " ".join(fold_key(w) for w in words)
        by_spelling = self.g.by_fold(folded)
        found = list(by_spelling)
        graphemes = self.lex.foreign_graphemes
        if graphemes and any(g in folded for g in graphemes):
            # "Staat", "Graan": spelled as no romanisation of Ukrainian or Russian would
            # write a name, so only their own spelling may match, not their skeleton.
            return tuple(found), frozenset(by_spelling)
        for lg in (self.lang, "en"):
            key = " ".join(name_key(w, lg) for w in words)
            for i in self.g.by_skeleton(key):
                if i not in found:
                    found.append(i)
        return tuple(found), frozenset(by_spelling)

    # -- the scan --------------------------------------------------------------------------
    def find(self, text: str) -> list[Candidate]:
        doc = _DocState(text)
        out: list[Candidate] = []
        skip_until = 0
        names_first = self._names_first
        for m in _CAP_WORD.finditer(text):
            # the match read once: a call of a match's method from compiled code goes through
            # the generic protocol, and the helpers below ask for the same three things
            start, end = m.span()
            if start < skip_until:
                continue
            word = text[start:end]
            folded = fold_key(word)
            if folded in names_first:
                entity_end = self._named_entity_end(text, word, end, names_first[folded])
                if entity_end:
                    skip_until = entity_end  # an organisation or person named in full
                    continue
            longest = self._longest(word)
            if longest == 1 and folded in self.lex.stop_words:
                continue  # "De", "The": no one-word place, and no longer name starts here
            if longest == 0:
                # The common case: an ordinary capitalised word. Only the word before it
                # matters (a title makes it a person, a cue an unknown place).
                if folded in self.lex.stop_words or start < 2 or text[start - 1] != " ":
                    continue
                cut = text.rfind(" ", max(0, start - 40), start - 1)
                before = fold_key(text[cut + 1 : start - 1])
                if before in self._before_unknown or (
                    out and out[-1].end > start - 12 and out[-1].cue is not None
                ):
                    unknown = self._unknown_place(text, word, start, end, out, doc)
                    if unknown is not None:
                        out.append(unknown)
                if before in self._before_person or self.lex.is_given_name(before):
                    self._note_person(text, word, start, doc)
                continue
            cand, skip_to = self._match_here(text, word, start, end, longest, doc)
            if cand is None:
                self._note_person(text, word, start, doc)
                skip_until = max(skip_until, skip_to)
                continue
            out.append(cand)
            skip_until = cand.end
        return out

    @staticmethod
    def _named_entity_end(text: str, first: str, pos: int, names: list[tuple[str, ...]]) -> int:
        """The end of the organisation or person name whose first word ``first`` ends at
        ``pos``, if one does."""
        longest = max(len(n) for n in names)
        words = [fold_key(first)]
        ends = [pos]
        while len(words) < longest:
            nxt = _NEXT_WORD.match(text, pos)
            if not nxt:
                break
            begin, pos = nxt.span(1)  # the word closes the match
            words.append(fold_key(text[begin:pos]))
            ends.append(pos)
        for name in names:  # longest first
            if tuple(words[: len(name)]) == name:
                end = ends[len(name) - 1]
                if not text[end : end + 1].isalnum():
                    return end
        return 0

    def _match_here(
        self, text: str, first: str, start: int, pos: int, longest: int, doc: _DocState
    ) -> tuple[Candidate | None, int]:
        """The longest acceptable name starting with the word ``first`` at ``start`` (ending
        at ``pos``), or None and the offset the scan may skip to (past an organisation name,
        whose words are no places either)."""
        words = [(first, start, pos)]
        if longest > 1:
            g = self.g
            f0, s0, e0 = self._keys(first)
            while len(words) < longest:
                nxt = _NEXT_WORD.match(text, pos)
                if not nxt:
                    break
                # one call for the word and its end (the word closes the match): compiled,
                # each method of a match is a generic call
                begin, word_end = nxt.span(1)
                word = text[begin:word_end]
                f1, s1, e1 = self._keys(word)
                f1, s1, e1 = f"{f0} {f1}", f"{s0} {s1}", f"{e0} {e1}"
                if not (
                    f1 in g.fold
                    or f1 in g.fold_prefixes
                    or s1 in g.skeleton
                    or s1 in g.skeleton_prefixes
                    or e1 in g.skeleton
                    or e1 in g.skeleton_prefixes
                    or (self._suffixes and word.endswith(self._suffixes))
                ):
                    break  # no name goes on with this word
                f0, s0, e0 = f1, s1, e1
                pos = word_end
                words.append((word, begin, pos))
        for n in range(len(words), 0, -1):
            head = [w for w, _, _ in words[: n - 1]]
            last, last_start, _ = words[n - 1]
            if n > 1 and not last[0].isupper() and not last[0].isdigit():
                # A name does not end on a lower-case word ("Zee van" is no name).
                continue
            for keep, indexes, spelled in self._readings(tuple(head), last):
                end = last_start + keep
                cand = Candidate(start, end, text[start:end], indexes, spelled)
                reason = self._reject(text, cand, n, doc)
                if reason is None:
                    cand.cue, cand.cue_explicit = self._cue(text, cand, doc)
                    return cand, 0
                if reason.startswith("organisation"):
                    return None, self._capitalised_run_end(text, end)
                if reason.startswith("person") and n == 1:
                    # Once a person, the same name stays one in this text ("Bell said ...
                    # Later, Bell added").
                    doc.persons.add(fold_key(cand.surface))
        return None, 0

    @staticmethod
    def _capitalised_run_end(text: str, pos: int) -> int:
        """The end of the run of capitalised words (an organisation's name) from ``pos``."""
        while True:
            nxt = _NEXT_WORD.match(text, pos)
            if not nxt or not nxt.group(1)[0].isupper():
                return pos
            pos = nxt.end()

    # -- rules -----------------------------------------------------------------------------
    def _reject(self, text: str, cand: Candidate, n_words: int, doc: _DocState) -> str | None:
        """Why a matched name is not a place mention here (None: it is one)."""
        lex = self.lex
        static_key = (cand.surface, n_words, cand.indexes, bool(cand.spelled))
        static = self._static_cache.get(static_key)
        if static is None:
            static = self._static_cache[static_key] = self._static(cand, n_words)
        reason, best, foreign, first_is_given = static
        if reason is not None:
            return reason
        if fold_key(cand.surface) in doc.persons:
            return "person"
        raw_before, prev, raw_prev = doc.before(cand.start)
        prev_word = prev[-1] if prev else ""
        if lex.is_person_title(prev_word) or " ".join(prev[-2:]) in lex.person_titles:
            return "person (title)"  # also "separatistenleider Zachartsjenko"
        if prev_word in lex.org_before:
            return "organisation (entity)"  # "Volksrepubliek Donetsk"
        if raw_prev and raw_prev[0].isupper():
            if lex.is_given_name(fold_key(raw_prev)):
                return "person (given name)"
            if lex.is_club_prefix(raw_prev):
                return "organisation (club)"
            if len(prev) >= 2 and prev[-2] in lex.person_titles:
                return "person (title, given name)"  # "Governor Vyacheslav Gladkov"
            if (
                len(prev) >= 3
                and prev[-2] == ","
                and (prev[-3] in lex.person_titles or " ".join(prev[-4:-2]) in lex.person_titles)
            ):
                return "person (title, given name)"  # "Turkey's defence minister, Hulusi Akar"
            prev_start = cand.start - len(raw_prev) - 1
            if (
                n_words == 1
                and best < 0.7
                and foreign
                and not _is_sentence_start(text, prev_start)
                and not self._longest(raw_prev)
                and fold_key(raw_prev) not in lex.demonyms
            ):
                # "Space Man", "Bank Otkritie": a small foreign town's name inside a longer
                # proper name.
                return "part of a longer name"
        after, folded_after = doc.after(cand.end)
        if first_is_given and after and after[0][0].isupper():
            return "person (given name)"
        if n_words == 1 and after and self._before_surname(text, cand, after[0], best, foreign):
            return "person (given name and surname)"  # "Iga Swiatek"
        if (
            after
            and after[0][0].isupper()
            and folded_after[0] in lex.street_after
            and text[cand.end : cand.end + 1] == " "
        ):
            return "street or square"  # "Pushkin Square" is in Moscow, not the town Pushkin
        if self._after_vessel_noun(raw_before):
            return "ship"
        if after and folded_after[0] in lex.vessels and text[cand.end : cand.end + 1] in (" ", "-"):
            return "ship"  # "the Moskva flagship", "de Moskva-kruiser"
        if best < (0.8 if foreign else 0.6) and self._speaks(
            text, cand, after, folded_after, raw_prev, raw_before
        ):
            return "person (speaks)"  # "Bell said", "zei Bell"
        if (
            best < 0.8
            and text[cand.end : cand.end + 1] == ","
            and self._apposition_is_title(text, cand.end + 1)
            # "the Russian-held city of Bakhmut, the commander ... said": a name its own
            # phrase calls a place is no person, whatever follows the comma
            and self.lex.cue_before(prev) is None
        ):
            return "person (apposition)"  # "Voloshyn, a spokesman for the group, said"
        if (
            raw_prev is not None
            and fold_key(raw_prev) in lex.articles_not_before_towns
            and text[cand.end : cand.end + 1] not in ("-", "‐", "‑")
            and not self._pronoun_after_subordinator(fold_key(raw_prev), prev)
            and self._only_settlements(cand.indexes)
        ):
            # Dutch towns take no article: "de Moskva" is the ship, not Moscow.
            return "article before a town"
        if self._inside_organisation(raw_before):
            return "organisation (inside)"  # "Council of Europe", "Raad van Europa"
        if (
            n_words == 1
            and best < 0.8
            and _is_sentence_start(text, cand.start)
            and (foreign or self._top_is_foreign(cand.indexes))
        ):
            whole = _word_at(text, cand.start)
            if foreign and len(whole) > len(cand.surface) and whole[len(cand.surface)] not in "'’":
                # "Tanks rukken op": a heading's first word read as a foreign town ("Tank")
                # only by cutting an inflection is a plural noun.
                return "inflected sentence start"
            if best < _SENTENCE_START_IMPORTANCE and not doc.named_mid_sentence(cand.surface):
                # A capital at the start of a sentence or heading says nothing: "Summit",
                # "Police", "Handen" are words there, and small foreign towns only when the
                # text also names them where a capital means a name.
                return "sentence start"
        # Organisation heads after the name, across further capitalised words.
        # (by position: ``folded_after`` is ``after`` folded, and compiled, a ``zip`` with
        # ``strict`` builds an iterator where ``enumerate`` runs natively)
        for k, fw in enumerate(folded_after):
            if fw in lex.org_after:
                return "organisation"
            if not after[k][0].isupper():
                break
        if text[cand.end : cand.end + 1] == "-" and text[cand.end + 1 : cand.end + 2].isdigit():
            return "organisation (numbered)"
        if n_words == 1 and best < 0.75 and foreign and doc.title_case_line(cand.start):
            # A title in Title Case capitalises every word: a small foreign town there is
            # more likely a word ("Home", "Key") than a place.
            return "title case"
        if n_words == 1 and best < 0.75 and doc.writes_in_lower_case(cand.surface):
            # The text itself uses the word in lower case: an ordinary word, capitalised at
            # the start of a sentence or in a title ("Name", "Home", "Rich").
            return "ordinary word"
        return None

    def _pronoun_after_subordinator(self, article: str, prev: list[str]) -> bool:
        """Whether the article before a name is the subject pronoun of a subordinate clause
        ("dat het Robotyne heeft ingenomen": "het" is the army, Robotyne the object)."""
        return (
            article in self.lex.pronoun_articles
            and len(prev) >= 2
            and prev[-2] in self.lex.subordinators
        )

    def _before_surname(
        self, text: str, cand: Candidate, nxt: str, best: float, foreign: bool
    ) -> bool:
        """Whether a foreign town's name is rather a given name, the next word the surname:
        "world number one Iga Swiatek", "coach Bell Harrison". The next word must be
        capitalised mid-sentence, unknown to the gazetteer and no word that names a kind of
        place, organisation or thing after a name ("Saky Air Base", "Europa League")."""
        if not (foreign and best < 0.8 and nxt[0].isupper() and not nxt.isupper()):
            return False
        if text[cand.end : cand.end + 1] != " " or _is_sentence_start(text, cand.start):
            return False
        lex = self.lex
        folded = fold_key(nxt)
        return not (
            self._longest(nxt)
            or folded in lex.stop_words
            or folded in lex.demonyms
            or folded in lex.org_after
            or folded in lex.street_after
            or folded in lex.cues_before
            or self._may_start_after_cue(folded)
        )

    def _only_settlements(self, indexes: tuple[int, ...]) -> bool:
        """Whether a name reads first of all as a town and never as a river, lake, sea,
        island or landscape (which take articles: "de Dnipro", "de Krim", "de Donbas")."""
        entries = [self.g.entry(i) for i in indexes]
        if any(e.is_water or e.feature in _ARTICLE_FEATURES for e in entries):
            return False
        return max(entries, key=lambda e: e.importance).is_settlement

    def _top_is_foreign(self, indexes: tuple[int, ...]) -> bool:
        """Whether the weightiest reading lies outside the war's area."""
        top = max((self.g.entry(i) for i in indexes), key=lambda e: e.importance)
        return top.country not in _SKELETON_COUNTRIES

    def _apposition_is_title(self, text: str, pos: int) -> bool:
        """Whether the words after a comma name a function ("a spokesman", "de Russische
        woordvoerder"): then the name before the comma is a person's."""
        lex = self.lex
        for k, m in enumerate(_APPOSITION_WORDS.finditer(text, pos, pos + 60)):
            word = m.group(0)
            folded = fold_key(word)
            if (
                k >= 3
                or word[0].isupper()
                or folded in lex.speech_before
                or folded in lex.speech_after
            ):
                # Another name ("Bakhmut, Soledar"), or a clause ("In Robotyne, zei de
                # gouverneur, ...").
                return False
            if lex.is_person_title(folded):
                # "In Robotyne, the governor said": the title is the subject of a clause.
                nxt = (
                    _APPOSITION_WORDS.match(text, m.end() + 1)
                    if text[m.end() : m.end() + 1] == " "
                    else None
                )
                return nxt is None or fold_key(nxt.group(0)) not in lex.speech_after
        return False

    def _may_start_after_cue(self, folded: str) -> bool:
        """Whether a word can begin a cue after a name, as written or in the plural."""
        first = self._after_first
        if folded in first:
            return True
        return any(
            folded.endswith(s) and folded[: -len(s)] in first for s in self.lex.plural_suffixes
        )

    def _after_vessel_noun(self, raw_before: list[str]) -> bool:
        """Whether a vessel noun introduces the name ("de kruiser Moskva", "the cruiser
        'Moskva'", "het cruiseschip MS Volendam"): only capitalised words or quotes may stand
        between them, so "een veerboot stak de Straat van Kertsj over" names the strait."""
        vessels = self.lex.vessels
        for token in reversed(raw_before[-3:]):
            folded = fold_key(token)
            if folded in vessels:
                return True
            if not (token[:1].isupper() or token in _QUOTES):
                return False
        return False

    def _speaks(
        self,
        text: str,
        cand: Candidate,
        after: list[str],
        folded_after: list[str],
        raw_prev: str | None,
        raw_before: list[str],
    ) -> bool:
        """Whether the name is the subject of a speech verb, as people are ("Bell said",
        "zei Bell", "aldus Bell"), and not a place someone speaks in ("in Bakhmut said")."""
        lex = self.lex
        if raw_prev is not None and fold_key(raw_prev) in lex.speech_before:
            # Only after a quotation or clause ("'...,' said Bell", "..., aldus Bell"): "the
            # general said Soledar was held" reports speech about a place.
            return len(raw_before) >= 2 and not raw_before[-2][:1].isalnum()
        if (
            not after
            or folded_after[0] not in lex.speech_after
            or text[cand.end : cand.end + 1] != " "
        ):
            return False
        return raw_prev is None or raw_prev[0].isupper()

    def _inside_organisation(self, raw: list[str]) -> bool:
        """Whether capitalised words joined by "of"/"van" lead back from the name to an
        organisation head ("Council of Europe", "Orthodox Church of Ukraine")."""
        lex = self.lex
        if not lex.org_heads:
            return False
        if not raw or fold_key(raw[-1]) not in lex.org_joiners:
            return False
        for token in reversed(raw):
            folded = fold_key(token)
            if token[:1].isupper():
                if folded in lex.org_heads:
                    return True
            elif folded not in lex.org_joiners:
                return False
        return False

    def _static(self, cand: Candidate, n_words: int) -> tuple[str | None, float, bool, bool]:
        """The rules that look at the name alone (cached per name): the reason to reject it
        if any, its best importance, whether all its readings lie outside the war's area,
        and whether its first word is a given name."""
        lex = self.lex
        surface = cand.surface
        folded = fold_key(surface)
        best = self._best_importance(cand.indexes)
        foreign = all(self.g.entry(i).country not in _SKELETON_COUNTRIES for i in cand.indexes)
        first_is_given = lex.is_given_name(fold_key(surface.split()[0].split("-")[0]))
        letters = len(surface) if surface.isalpha() else sum(c.isalpha() for c in surface)
        reason = None
        if folded in lex.demonyms:
            reason = "demonym"
        elif letters < 3:
            reason = "too short"
        elif n_words == 1 and letters <= 4 and best < 0.5 and not cand.spelled:
            reason = "short skeleton match"  # "Key", "Doc": English words, not villages
        elif n_words == 1 and folded in lex.stop_words:
            reason = "stop word"
        elif folded in lex.persons:
            reason = "person"
        elif lex.is_club_prefix(surface):
            reason = "organisation (club)"
        elif (
            n_words == 1
            and surface.isupper()
            and len(surface) > 1
            and (len(surface) <= 3 or best < 0.5)
        ):
            reason = "abbreviation"
        if len(self._static_cache) > 100_000:
            self._static_cache.clear()
        return reason, best, foreign, first_is_given

    def _note_person(self, text: str, word: str, start: int, doc: _DocState) -> None:
        """Remember surnames met after a given name or a title (``word``, at ``start``), so
        that a later bare mention of the same person ("Podolyak said") is not taken for a
        place."""
        if start < 2 or text[start - 1] != " ":
            return
        cut = text.rfind(" ", max(0, start - 40), start - 1)
        raw_prev = text[cut + 1 : start - 1]
        if not raw_prev or not raw_prev[-1].isalpha():
            return
        fp = fold_key(raw_prev)
        if (
            (raw_prev[0].isupper() and self.lex.is_given_name(fp))
            or self.lex.is_person_title(fp)
            or fp in self.lex.speech_before
        ):
            doc.persons.add(fold_key(word))

    def _cue(self, text: str, cand: Candidate, doc: _DocState) -> tuple[str | None, bool]:
        raw_before, prev, raw_prev = doc.before(cand.start)
        # Cue words may carry an adjective between them and the name ("de oostelijke regio").
        before = self.lex.cue_before(prev)
        if before is not None:
            raw = [t for t in raw_before if fold_key(t) not in self.lex.gap_words]
            if raw and raw[-1][:1].isupper() and fold_key(raw[-1]) not in self.lex.cues_before:
                # The cue belongs to the name before ("bij Cherson de Dnipro"), not this one.
                before = None
            elif before == "district" and len(raw) >= 2 and raw[-2][:1].isupper():
                # "the Skhidnyi district of Mariupol": the district is named before its noun;
                # the place after it is the city it lies in, not a raion
                before = "city"
        after_kind = None
        plural = False
        folded_after = doc.after(cand.end)[1]
        if text[cand.end : cand.end + 2] in _QUOTED_AFTER:
            # 'Donetsk and Luhansk "people's republics"': a cue may stand in quotes.
            unquoted = f"{text[: cand.end]} {text[cand.end + 2 : cand.end + 80]}"
            folded_after = [fold_key(w) for w in _next_words(unquoted, cand.end)]
        if folded_after and not self._may_start_after_cue(folded_after[0]):
            folded_after = []  # the common case: the next word announces no kind of place
        for n in range(min(self.lex.max_after_words, len(folded_after)), 0, -1):
            fa = " ".join(folded_after[:n])  # "Saky air base"
            after_kind = self.lex.cues_after.get(fa)
            for suffix in self.lex.plural_suffixes:
                stem = fa[: -len(suffix)]
                if fa.endswith(suffix) and stem in self.lex.cues_after:
                    after_kind = after_kind or self.lex.cues_after[stem]
                    plural = True
                    break
            if after_kind:
                break
        if before and not (before == "near" and after_kind):
            if before == "near" and self._apposition_kind(text, cand.end) == "city":
                # "25 kilometer ten noorden van Charkiv, de tweede stad van het land": a point,
                # and the apposition says which (a cue the rest of the document takes)
                cand.cue_source = "apposition"
                return "city", True
            cand.cue_source = "before"
            return before, True  # "near the Zaporizhzhia nuclear plant" is the plant
        if after_kind:
            cand.cue_source = "after_plural" if plural else "after"
            return after_kind, True
        if self._apposition_kind(text, cand.end) == "city":
            # "Zaporizhzhia, the regional capital", "Popasna, een stadje in de regio": the
            # apposition says which kind of place the name is
            cand.cue_source = "apposition"
            return "city", True
        if _is_dateline(text, cand):
            # "DONETSK - An explosion ...": a dateline names the town the report is filed
            # from, a point (a weak cue, local to this mention)
            return "near", False
        if (
            raw_prev is not None
            and fold_key(raw_prev) in self.lex.river_articles
            and any(self.g.entry(i).feature == "STM" for i in cand.indexes)
        ):
            # "de Dnipro", "over de Dnjepr": Dutch and English settlement names take no
            # article, river names do. A weak cue, local to this mention.
            return "river_article", False
        return None, False

    def _apposition_kind(self, text: str, end: int) -> str | None:
        """The kind of place a noun phrase in apposition right after a name announces: a comma,
        an article and, within two more words, a cue noun ("the regional capital")."""
        if text[end : end + 1] != ",":
            return None
        words = [fold_key(w) for w in _next_words(text, end + 1)]
        if not words or words[0] not in self.lex.gap_words:
            return None
        for word in words[1:]:
            kind = self.lex.cues_before.get(word)
            if kind is not None:
                return kind
        return None

    def _unknown_place(
        self, text: str, word: str, start: int, end: int, found: list[Candidate], doc: _DocState
    ) -> Candidate | None:
        """A capitalised word the gazetteer lacks (``word``, from ``start`` to ``end``) that
        the text presents as a place."""
        folded = fold_key(word)
        lex = self.lex
        if (
            folded in lex.stop_words
            or folded in lex.demonyms
            or folded in lex.persons
            or folded in doc.persons
            or word.isupper()
            or _is_sentence_start(text, start)
        ):
            return None
        cut = text.rfind(" ", max(0, start - 40), start - 1)
        before = fold_key(text[cut + 1 : start])
        listed = (
            bool(found) and found[-1].cue in ("city", "district") and found[-1].end > start - 12
        )
        if before not in lex.cues_before and not listed and before not in lex.gap_words:
            return None  # quick test: no cue word, article or listed place right before
        prev = doc.previous_words(start)
        kind = lex.cue_before(prev)
        if kind not in ("city", "district"):
            # "the villages of Melovoi and Podol": a list continues the cue of its first name.
            if not found:
                return None
            gap = text[found[-1].end : start]
            between = fold_key(gap) or gap.strip()
            if between not in lex.connectors or found[-1].cue not in ("city", "district"):
                return None
            kind = found[-1].cue
        after = _AFTER_WORD.match(text, end)
        if after is not None and after.group(1)[0].isupper():
            return None  # more capitalised words: a name we cannot delimit safely
        cand = Candidate(start, end, word, (), frozenset(), kind, True, cue_source="before")
        cand.notes.append("not in gazetteer")
        return cand


def _word_at(text: str, start: int) -> str:
    """The whole word starting at ``start``."""
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] in "'’"):
        end += 1
    return text[start:end]


def demonym_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Adjectives and demonyms with the country they name: ``(start, end, ISO3)``."""
    out = []
    for m in re.finditer(r"(?<![\w'’])[^\W\d_]+(?:-[^\W\d_]+)*", text):
        iso = lexicon.demonyms.get(fold_key(m.group(0)))
        if iso is None and "-" in m.group(0):
            iso = lexicon.demonyms.get(fold_key(m.group(0).split("-")[-1]))
        if iso:
            out.append((m.start(), m.end(), iso))
    return out


_DATELINE_DASHES: Final = (" - ", " – ", " — ", " -- ")


def _is_dateline(text: str, cand: Candidate) -> bool:
    """A name in capitals opening a paragraph and followed by a dash ("KYIV - ", "DONETSK –")."""
    surface = text[cand.start : cand.end]
    if not surface.isupper() or len(surface) < 3:
        return False
    if cand.start > 0 and text[cand.start - 1] != "\n":
        return False
    return text[cand.end : cand.end + 4].startswith(_DATELINE_DASHES)


__all__ = ["Candidate", "Recogniser", "demonym_spans"]
