"""A language's time grammar: lexicons and patterns from ``data/lang/<lang>/times.toml``.

The engine knows a fixed set of *kinds* of time expression (an absolute date, a month, a weekday,
"N units ago", a window such as "de afgelopen maanden", an offset from the previous expression
...) and how to resolve each against a reference date. Which words and word orders express
them is language data: each ``[[pattern]]`` pairs a regular-expression template with a kind,
and its ``{placeholders}`` name lexicons of the same file (``{month}``, ``{weekday}``,
``{num}``, ``{unit}`` ...), so a third language is a new data file, not new code.

All patterns of a language are compiled into one alternation, scanned once over the text
(leftmost, then the first pattern that matches: more specific patterns come first in the
file). A match becomes a :class:`Candidate` with the kind, the slot texts and their lexicon
values; :mod:`frontwatch.times.engine` filters and resolves them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final

from ahocorasick_rs import AhoCorasick, MatchKind

from frontwatch.resources import has_lang_data, load_lang_data

KINDS: Final[frozenset[str]] = frozenset(
    {
        "byline",
        "clock",
        "date",
        "month",
        "month_part",
        "year",
        "year_part",
        "season",
        "relday",
        "weekday",
        "weekend",
        "period",
        "period_edge",
        "ago",
        "window",
        "anchored",
        "anchored_period",
        "relative_to_event",
        "night_around",
        "era",
        "since_previous",
    }
)

# What a ``[[direction]]`` rule can say: back, ahead, or the occurrence nearest the reference
# (a day named for something announced around the reference: "declared Sunday a day of
# mourning").
DIRECTIONS: Final[frozenset[str]] = frozenset({"past", "future", "nearest"})

# Placeholders that are not lexicons: digits and their shapes.
_BUILTIN: Final = {
    "day": r"[0-3]?\d",
    "monthnum": r"[01]?\d",
    "year": r"(?:1[5-9]|20)\d\d",
    "clock": r"[0-2]?\d[:.][0-5]\d",
    "digits": r"\d+(?:[.,]\d+)?",
}
_PLACEHOLDER: Final = re.compile(r"\{(\w+)(?::(\w+))?\}")
_NAMED_GROUP: Final = re.compile(r"\(\?P<\w+>")
_WORD: Final = re.compile(r"\w+")
# Digits an expression can hang on: a year, a time of day ("14:30").
_YEAR_DIGITS: Final = re.compile(r"(?<!\d)(?:(?:1[5-9]|20)\d\d|[0-2]?\d:[0-5]\d)(?!\d)")


@lru_cache(maxsize=1)
def _digit_finder() -> AhoCorasick:
    """Every character ``\\d`` matches, each a pattern of its own (built on first use: listing
    them reads all of Unicode).

    Year digits start only where a run of digits starts. Finding the digits in one pass of an
    automaton and matching there is far faster than letting the pattern try every position.
    """
    return AhoCorasick([chr(c) for c in range(0x110000) if chr(c).isdecimal()])


# Lexicons whose words are the core of an expression (see Grammar._windows), and how much
# text around a core word a pattern may hold: "sinds het begin van de grootschalige invasie".
_CORE_LEXICONS: Final = (
    "month",
    "month_abbr",
    "weekday",
    "relday",
    "unit",
    "units",
    "period",
    "season",
    "era",
)
_BEFORE_CORE: Final = 40
_AFTER_CORE: Final = 16

_APOSTROPHES: Final = str.maketrans({"’": "'", "‘": "'", "`": "'"})

# Scanning by first word (see Grammar._dispatch): where the scanning regex can start a match
# (a word not glued to a word or apostrophe before it), the run of word characters there, and
# the marker standing for every first word that holds a digit ("24", "2022", "3e").
_WORD_START: Final = re.compile(r"(?<![\w'’])\w+")
_WORD_RUN: Final = re.compile(r"\w+")
_WORD_CHAR: Final = re.compile(r"\w")
_HAS_DIGIT: Final = "#"
# Past this many spellings of a pattern's first word, it is taken to start with any word.
_MAX_FIRST_WORDS: Final = 5000
# The word after a first word, past the white space between them.
_GAP_WORD: Final = re.compile(r"\s+(\w+)")
# How far the reading of a pattern's first two words has come (see _extend_words).
_IN_FIRST: Final = 0
_IN_GAP: Final = 1
_IN_SECOND: Final = 2
_READ: Final = 3
_Match = Callable[[str, int, int], "re.Match[str] | None"]


class GrammarError(ValueError):
    """A times data file is malformed (unknown kind or placeholder, bad regex)."""


# The last text lower-cased and its lower case, one tuple (replaced whole, never mutated, so
# that a thread never reads one text's lower case for another's).
_last_lowered: tuple[str, str] = ("", "")


def lower_case(text: str) -> str:
    """``text.lower()``, remembered for the last text: the times stage and the event stage's
    pointing words lower-case the same document."""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    lowered = text.lower()
    _last_lowered = (text, lowered)
    return lowered


def normalise_key(text: str) -> str:
    """Lexicon lookup form: lower case, straight apostrophes, single spaces."""
    return " ".join(text.translate(_APOSTROPHES).lower().split())


def _char_regex(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return "['’‘`]"
    return re.escape(char)


def _alternation(words: list[str]) -> str:
    """A regex matching any of ``words``, as a trie ("gister(?:en|avond)").

    Python's ``re`` tries the branches of an alternation one after the other; sharing
    prefixes makes a lexicon of a hundred words cost a few character tests. A word that is
    the prefix of another is tried after it ("een paar" before "een"), as longest-first.
    """
    trie: dict[str, Any] = {}
    for word in {normalise_key(w) for w in words}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [_char_regex(c) + build(node[c]) for c in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return "(?:" + build(trie) + ")"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One ``[[pattern]]`` entry: a template, its kind and constant slots."""

    index: int
    kind: str
    template: str
    fixed: dict[str, Any]
    slots: tuple[tuple[str, str, str], ...]  # (regex group, slot name, lexicon)
    dating: bool = True


# ``__init__`` written out: mypyc compiles it, while the one ``@dataclass`` generates runs
# interpreted, about five times the cost of building an instance.
@dataclass(slots=True, init=False)
class Candidate:
    """A pattern match before resolution."""

    start: int
    end: int
    kind: str
    pattern: Pattern
    texts: dict[str, str]  # slot -> matched text
    lead: str | None
    values: dict[str, Any]  # slot -> lexicon value

    def __init__(
        self,
        start: int,
        end: int,
        kind: str,
        pattern: Pattern,
        texts: dict[str, str],
        lead: str | None = None,
        values: dict[str, Any] | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.pattern = pattern
        self.texts = texts
        self.lead = lead
        self.values = {} if values is None else values


@dataclass(frozen=True, slots=True)
class Veto:
    """Context in which a match is not a time ("de morgen", "2000 mensen")."""

    kinds: frozenset[str]
    surface: re.Pattern[str] | None
    left: re.Pattern[str] | None
    right: re.Pattern[str] | None

    def applies(self, kind: str, surface: str, left: str, right: str) -> bool:
        if self.kinds and kind not in self.kinds:
            return False
        if self.surface is not None and not self.surface.search(surface):
            return False
        if self.left is not None and not self.left.search(left):
            return False
        return not (self.right is not None and not self.right.search(right))


class Grammar:
    """The compiled time grammar of one language."""

    def __init__(self, lang: str, data: dict[str, Any]) -> None:
        self.lang = lang
        self.data = data
        self.lexicons: dict[str, dict[str, Any]] = {
            name: {normalise_key(k): v for k, v in table.items()}
            for name, table in data.get("lexicon", {}).items()
        }
        self.capitalized = frozenset(data.get("capitalized", []))
        self.needs_context = frozenset(normalise_key(w) for w in data.get("needs_context", []))
        self.patterns: dict[str, Pattern] = {}
        leads = data.get("lead", [])
        self._lead = re.compile(rf"{_alternation(leads)}\s+") if leads else None
        self._alternatives: list[re.Pattern[str]] = []
        self._pattern_at: list[Pattern] = []  # by index, as ``_alternatives``
        plain: list[str] = []
        for index, entry in enumerate(data.get("pattern", [])):
            pattern, regex = self._compile_pattern(index, entry)
            self.patterns[f"p{index}"] = pattern
            self._pattern_at.append(pattern)
            try:
                self._alternatives.append(re.compile(rf"(?:{regex})(?![\w])"))
            except re.error as exc:
                raise GrammarError(f"{lang}: pattern {index} does not compile: {exc}") from None
            plain.append("(?:" + _NAMED_GROUP.sub("(?:", regex) + ")")
        if not plain:
            raise GrammarError(f"{lang}: times data has no [[pattern]]")
        self._plain = plain
        self._lead_regex = rf"(?:{_alternation(leads)}\s+)?" if leads else ""
        self._firsts = [_first_chars(_parser.parse(p).data) for p in plain]
        self._dispatch = _FirstWordDispatch.build(self._alternatives, plain, leads, self._firsts)
        self.core_words = self._core_words(data)
        # Every core word is one word: the longest one starting leftmost, taken where it is a
        # whole word of the text, is the match of ``(?<!\w)(?:word|...)(?!\w)``, found in one
        # pass of an automaton instead of a regex tried at every offset of the text.
        self._core = AhoCorasick(sorted(self.core_words), matchkind=MatchKind.LeftmostLongest)
        self.vetoes = [self._compile_veto(v) for v in data.get("veto", [])]
        # Contexts that fix the direction of a tensed expression whatever the verb says:
        # "a meeting for Thursday" is ahead, "declared Sunday a day of mourning" the Sunday
        # nearest the report.
        self.directions: list[tuple[Veto, str]] = []
        for entry in data.get("direction", []):
            tense = entry.get("tense")
            if tense not in DIRECTIONS:
                raise GrammarError(f"{lang}: [[direction]] with unknown tense {tense!r}")
            self.directions.append((self._compile_veto(entry), tense))
        # The vetoes and direction rules that can apply to a kind, in their order: a candidate
        # is checked against those of its kind only.
        self.vetoes_by_kind: dict[str, list[Veto]] = {
            kind: [v for v in self.vetoes if not v.kinds or kind in v.kinds] for kind in KINDS
        }
        self.directions_by_kind: dict[str, list[tuple[Veto, str]]] = {
            kind: [(v, d) for v, d in self.directions if not v.kinds or kind in v.kinds]
            for kind in KINDS
        }
        # What lookup() found for a (lexicon, matched text): the same words recur in every text.
        self._looked_up: dict[tuple[str, str], Any] = {}
        self.tense = data.get("tense", {})
        self.years = data.get("years", {})
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        """All patterns in one regex, an optional lead word before them, dispatching on the
        first character. Scanning uses it only when the patterns cannot be dispatched by their
        first word (see :class:`_FirstWordDispatch`); built on first use, as it is the costliest
        part of a grammar to compile. (Kept in an attribute of its own, not a cached_property,
        which a class compiled by mypyc does not cache: every scan would build it again.)"""
        if self._regex is None:
            self._regex = _dispatching_regex(
                self._plain, self._lead_regex, [f for f, _ in self._firsts]
            )
        return self._regex

    # -- compilation ---------------------------------------------------------------------------

    def _core_words(self, data: dict[str, Any]) -> frozenset[str]:
        """Words at least one of which every pattern holds (digits of years aside)."""
        words: set[str] = {normalise_key(w) for w in data.get("core_words", [])}
        for name in _CORE_LEXICONS:
            for key in self.lexicons.get(name, {}):
                last = key.split()[-1].rstrip(".")
                words.update(_WORD.findall(last))
        for weekday in list(self.lexicons.get("weekday", {})):
            words.update(weekday + part for part in self.lexicons.get("daypart", {}))
        phrases = sorted(w for w in words if not _WORD.fullmatch(w))
        if phrases:
            raise GrammarError(f"{self.lang}: core words must be single words: {phrases}")
        return frozenset(words)

    def _placeholder(self, name: str) -> str:
        if name in _BUILTIN:
            return _BUILTIN[name]
        if name == "num":
            words = list(self.lexicons.get("number", {}))
            return (
                rf"(?:{_BUILTIN['digits']}|{_alternation(words)})" if words else _BUILTIN["digits"]
            )
        if name in self.lexicons:
            return _alternation(list(self.lexicons[name]))
        raise GrammarError(f"{self.lang}: unknown placeholder {{{name}}}")

    def _compile_pattern(self, index: int, entry: dict[str, Any]) -> tuple[Pattern, str]:
        kind = entry.get("kind")
        template = entry.get("regex")
        if kind not in KINDS:
            raise GrammarError(f"{self.lang}: pattern {index}: unknown kind {kind!r}")
        if not isinstance(template, str) or not template.strip():
            raise GrammarError(f"{self.lang}: pattern {index}: missing regex")
        slots: list[tuple[str, str, str]] = []
        used: set[str] = set()

        def expand(m: re.Match[str]) -> str:
            lexicon, slot = m.group(1), m.group(2) or m.group(1)
            if slot in used:
                raise GrammarError(f"{self.lang}: pattern {index}: slot {slot!r} used twice")
            used.add(slot)
            group = f"p{index}_{slot}"
            slots.append((group, slot, lexicon))
            return f"(?P<{group}>{self._placeholder(lexicon)})"

        # A space in a template is any run of blanks; an apostrophe any apostrophe.
        body = template.strip().replace("'", "['’]")
        body = re.sub(r" +", r"\\s+", body)
        regex = _PLACEHOLDER.sub(expand, body)
        fixed = {k: v for k, v in entry.items() if k not in ("kind", "regex", "dating")}
        pattern = Pattern(
            index, kind, template, fixed, tuple(slots), bool(entry.get("dating", True))
        )
        return pattern, regex

    def _compile_veto(self, entry: dict[str, Any]) -> Veto:
        def rx(key: str) -> re.Pattern[str] | None:
            value = entry.get(key)
            return re.compile(value, re.IGNORECASE) if value else None

        kinds = entry.get("kind", [])
        if isinstance(kinds, str):
            kinds = [kinds]
        return Veto(frozenset(kinds), rx("surface"), rx("left"), rx("right"))

    # -- lookup --------------------------------------------------------------------------------

    def lookup(self, lexicon: str, text: str) -> Any:
        """The lexicon value of a matched word (numbers also as digits, "2,5" = 2.5)."""
        cache_key = (lexicon, text)
        if cache_key in self._looked_up:
            return self._looked_up[cache_key]
        value = self._lookup(lexicon, text)
        if len(self._looked_up) > 50_000:
            self._looked_up.clear()
        self._looked_up[cache_key] = value
        return value

    def _lookup(self, lexicon: str, text: str) -> Any:
        key = normalise_key(text)
        if lexicon in _BUILTIN or lexicon == "num":
            table = self.lexicons.get("number", {})
            if key in table:
                return table[key]
            try:
                return float(key.replace(",", ".")) if re.search(r"[.,]", key) else int(key)
            except ValueError:
                return None
        return self.lexicons.get(lexicon, {}).get(key)

    # -- scanning ------------------------------------------------------------------------------

    def scan(self, text: str) -> list[Candidate]:
        """Every non-overlapping pattern match, left to right, with slot values looked up.

        Matching runs on the lower-cased text (patterns and lexicons are lower case), which
        is much faster than case-insensitive matching; offsets are the same, and the
        original text is used for what the match says.
        """
        lowered = lower_case(text)
        text_lower: str | None = lowered  # text.lower(), when it is ``lowered``
        if len(lowered) != len(text):  # a character whose lower case is longer ("İ")
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
            text_lower = None
        found: list[Candidate] = []
        dispatch = self._dispatch
        for window_start, window_end in self._windows(lowered):
            if dispatch is not None:
                matches = dispatch.matches(lowered, window_start, window_end)
            else:
                matches = _regex_matches(self.regex, lowered, window_start, window_end)
            for start, end, index in matches:
                cand = self._candidate(text, lowered, start, end, index, text_lower)
                if cand is not None:
                    found.append(cand)
        return found

    def _windows(self, lowered: str) -> list[tuple[int, int]]:
        """Stretches of text around the words every time expression contains.

        Each pattern holds at least one *core* word: a month, a weekday, a unit ("dagen"),
        a relative day, a season, a year in digits. Only the text around them (what a
        pattern can hold before and after its core word) is matched against the patterns,
        which is most of the speed of tagging: most sentences hold no time at all.
        """
        hits = _year_digit_spans(lowered)
        hits.extend(self.core_spans(lowered))
        if not hits:
            return []
        hits.sort()
        size = len(lowered)
        windows: list[tuple[int, int]] = []
        for start, end in hits:
            lo = max(0, start - _BEFORE_CORE)
            while lo > 0 and not lowered[lo - 1].isspace():
                lo -= 1
            hi = min(size, end + _AFTER_CORE)
            while hi < size and (lowered[hi].isalnum() or lowered[hi] == "_"):
                hi += 1
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
            else:
                windows.append((lo, hi))
        return windows

    def core_spans(self, lowered: str) -> list[tuple[int, int]]:
        """Where the core words stand in ``lowered`` as whole words."""
        size = len(lowered)
        return [
            (start, end)
            for _, start, end in self._core.find_matches_as_indexes(lowered)
            if (start == 0 or not _is_word_char(lowered[start - 1]))
            and (end == size or not _is_word_char(lowered[end]))
        ]

    def _candidate(
        self,
        text: str,
        lowered: str,
        start: int,
        end: int,
        index: int,
        text_lower: str | None = None,
    ) -> Candidate | None:
        """The candidate for pattern ``index`` matching ``[start, end)``: its slots re-read.

        The scanning regex took a leading word ("in", "sinds") when the pattern matched after
        it; the pattern alone is tried there first, then at ``start``.
        """
        lead_match = self._lead.match(lowered, start) if self._lead is not None else None
        starts = [lead_match.end(), start] if lead_match else [start]
        alternative = self._alternatives[index]
        for body_start in starts:
            m = alternative.match(lowered, body_start)
            if m is not None and m.end() == end:
                return self._make(text, m, index, start, end, body_start, text_lower)
        return None

    def _make(
        self,
        text: str,
        m: re.Match[str],
        index: int,
        start: int,
        end: int,
        body_start: int,
        text_lower: str | None = None,
    ) -> Candidate | None:
        pattern = self._pattern_at[index]
        texts: dict[str, str] = {}
        values: dict[str, Any] = dict(pattern.fixed)
        for group, slot, lexicon in pattern.slots:
            group_start, group_end = m.span(group)  # one call: compiled, each is generic
            if group_start < 0:
                continue
            value_text = text[group_start:group_end]
            if lexicon in self.capitalized and not value_text[:1].isupper():
                return None
            texts[slot] = value_text
            values[slot] = self.lookup(lexicon, value_text)
        lead = text[start:body_start].strip() if body_start > start else None
        if (
            lead
            and self._lead is not None
            and self._lead.match(text.lower() if text_lower is None else text_lower, body_start)
        ):
            # "gone on since 2014": the pattern brings its own preposition.
            start, lead = body_start, None
        return Candidate(start, end, pattern.kind, pattern, texts, lead, values)


def _regex_matches(
    regex: re.Pattern[str], lowered: str, lo: int, hi: int
) -> list[tuple[int, int, int]]:
    """``(start, end, pattern index)`` of the matches of a dispatching regex in ``[lo, hi)``."""
    found = []
    for m in regex.finditer(lowered, lo, hi):
        index = int(m.lastgroup[1:].split("_", 1)[0]) if m.lastgroup else -1
        if index >= 0:
            found.append((m.start(), m.end(), index))
    return found


def _class_chars(name: str, av: Any, *, max_range: int, spaces: bool) -> set[str] | None:
    """The characters a parsed ``LITERAL`` or ``IN`` (character class) item matches, or
    ``None`` when they cannot be listed (a wide range, a category such as ``\\w``)."""
    if name == "LITERAL":
        return {chr(av)}
    chars: set[str] = set()
    for item_op, item_av in av:
        item = str(item_op)
        if item == "LITERAL":
            chars.add(chr(item_av))
        elif item == "RANGE" and item_av[1] - item_av[0] < max_range:
            chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
        elif item == "CATEGORY" and str(item_av) == "CATEGORY_DIGIT":
            chars.update("0123456789")
        elif item == "CATEGORY" and str(item_av) == "CATEGORY_SPACE" and spaces:
            chars.add(" ")
        else:
            return None
    return chars


class _Unbounded(Exception):
    """A pattern's first word cannot be listed (a class of letters, a wildcard...)."""


# What reading a regex's start gives: (first word, second word, phase); see _extend_words.
_Readings = set[tuple[str, str | None, int]]


def _word_readings(regex: str) -> _Readings | None:
    """What :func:`_extend_words` reads of ``regex`` from its start, or ``None`` when its
    first words cannot be listed."""
    parsed = _parser.parse(regex)
    if parsed.state.flags & ~re.UNICODE:
        return None  # (?i) and the like: the listed spellings would not be all
    try:
        return _extend_words(parsed.data, {("", None, _IN_FIRST)})
    except _Unbounded:
        return None


def _first_words(regex: str) -> frozenset[str] | None:
    """Every run of word characters a match of ``regex`` can start with (``_HAS_DIGIT`` for
    those holding a digit), or ``None`` when they cannot be listed."""
    return _firsts_of(_word_readings(regex))


def _firsts_of(states: _Readings | None) -> frozenset[str] | None:
    """The first words of the readings of a regex (see :func:`_first_words`)."""
    return None if states is None else frozenset(first for first, _, _ in states)


def _read_chars(
    state: tuple[str, str | None, int], chars: set[str] | None
) -> set[tuple[str, str | None, int]]:
    """The states after ``state`` reads one of ``chars`` (``None``: characters that cannot be
    listed); see :func:`_extend_words`."""
    first, second, phase = state
    if chars is None:
        if phase == _IN_FIRST:
            raise _Unbounded
        return {(first, None, _READ)}
    found: set[tuple[str, str | None, int]] = set()
    for char in chars:
        if char.isdigit():
            # a word holding a digit stands for them all, as first words do
            found.add(
                (_HAS_DIGIT, None, _READ) if phase == _IN_FIRST else (first, _HAS_DIGIT, _READ)
            )
        elif _WORD_CHAR.match(char):
            if phase == _IN_FIRST:
                found.add((first + char, None, _IN_FIRST))
            else:
                found.add((first, (second or "") + char, _IN_SECOND))
        elif phase == _IN_SECOND:
            found.add((first, second, _READ))
        elif char.isspace():
            found.add((first, None, _IN_GAP))
        else:
            found.add((first, None, _READ))  # no second word after white space
    return found


def _extend_words(
    items: Any, states: set[tuple[str, str | None, int]]
) -> set[tuple[str, str | None, int]]:
    """Run the parsed regex ``items`` over ``states``: the first word read so far, the second
    word after the white space that follows it, and how far the reading has come. Returns
    the states after it. It over-approximates: look-arounds are skipped, and every path
    through a repeat or a branch is kept, so the words listed include every pair a match can
    start with. A word holding a digit reads as ``_HAS_DIGIT``; a second word that cannot be
    listed (or a first word followed by anything but white space and a word) as ``None``,
    any. A first word that cannot be listed raises ``_Unbounded``."""
    for op, av in items:
        opened = {state for state in states if state[2] != _READ}
        if not opened:
            return states
        closed = states - opened
        name = str(op)
        new: set[tuple[str, str | None, int]] = set()
        if name in ("LITERAL", "IN"):
            chars = _class_chars(name, av, max_range=128, spaces=True)
            for state in opened:
                new |= _read_chars(state, chars)
        elif name == "BRANCH":
            for branch in av[1]:
                new |= _extend_words(branch, opened)
        elif name == "SUBPATTERN":
            new = _extend_words(av[-1], opened)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            least, most, body = av
            if least == 0:
                new |= opened
            current = opened
            count = 0
            while current and count < most:
                count += 1
                if count > 8:
                    raise _Unbounded
                after = _extend_words(body, current)
                reading = {state for state in after if state[2] != _READ}
                new |= {state for state in after if state[2] == _READ or count >= least}
                if reading == current:  # "\s+" between the words: more of it reads the same
                    new |= reading
                    break
                current = reading
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            new = opened  # zero-width: they only narrow what matches
        else:
            for first, _, phase in opened:
                if phase == _IN_FIRST:
                    raise _Unbounded
                new.add((first, None, _READ))
        states = closed | new
        if len(states) > _MAX_FIRST_WORDS:
            raise _Unbounded
    return states


def _seconds_of(states: _Readings | None) -> dict[str, frozenset[str] | None] | None:
    """From the readings of a regex: by first word a match can start with, every word that
    can follow it after white space (``None``: any, or no such word); ``None`` when the first
    words cannot be listed."""
    if states is None:
        return None
    seconds: dict[str, set[str] | None] = {}
    for first, second, phase in states:
        if first == _HAS_DIGIT or second is None or phase not in (_IN_SECOND, _READ):
            seconds[first] = None
        else:
            known = seconds.setdefault(first, set())
            if known is not None:
                known.add(second)
    return {w: (frozenset(f) if f is not None else None) for w, f in seconds.items()}


class _FirstWordDispatch:
    """Match the patterns only where one of them can start, and only those that can.

    The scanning regex (:attr:`Grammar.regex`) dispatches on the first character, so at each
    word of a window it still tries every pattern starting with that letter: "the", "de", "in"
    try dozens. A pattern's first word is mostly one of a few listed words (a lexicon, a
    literal), so here each word of a window is looked up instead and only the patterns that
    can start with it are tried, in the order of the file, in one ``match`` call ("the" starts
    some thirty: see :meth:`_combined`); a word no pattern starts with costs a dictionary
    look-up. Where the patterns list the words that can follow their first word after white
    space ("de" + "afgelopen", "eerste", ...), a first word followed by another word is not
    tried at all (see :func:`_seconds_of`). A lead word ("in", "sinds") is tried first with
    the patterns of the word after it, longest lead first, as the scanning regex's optional
    lead backtracks. The matches are exactly the scanning regex's.
    """

    def __init__(
        self,
        alternatives: list[re.Pattern[str]],
        plain: list[str],
        words: list[frozenset[str] | None],
        leads: dict[str, list[re.Pattern[str]]],
        seconds: list[dict[str, frozenset[str] | None] | None],
    ) -> None:
        self.alternatives = alternatives
        self.plain = plain
        self.words = words
        self.leads = leads
        self.seconds = seconds
        # word -> how to try the patterns it can start (None where the word after it picks
        # them: _for_second), and the words that may follow it in them (None: any); None when
        # no pattern starts with the word
        self._by_word: dict[str, tuple[_Match | None, int, frozenset[str] | None] | None] = {}
        # the same by the indices of those patterns: few sets, each compiled once
        self._by_members: dict[tuple[int, ...], tuple[_Match, int]] = {}
        # word -> second word -> how to try the patterns listing that second word after it
        # (see _for_second): bounded by the grammar, only listed second words are asked
        self._by_second: dict[str, dict[str, tuple[_Match, int]]] = {}

    @classmethod
    def build(
        cls,
        alternatives: list[re.Pattern[str]],
        plain: list[str],
        leads: list[str],
        firsts: list[tuple[set[str] | None, bool]],
    ) -> _FirstWordDispatch | None:
        """The dispatch for these patterns, or ``None`` where it could differ from the
        scanning regex: a pattern that may start with a character outside ``\\w`` or match
        the empty string (the regex would try it in another order or advance differently), a
        lead that cannot be listed."""
        for chars, nullable in firsts:
            if nullable or chars is None or not all(_WORD_CHAR.match(c) for c in chars):
                return None
        lead_regexes: dict[str, list[re.Pattern[str]]] = {}
        for lead in {normalise_key(w) for w in leads}:
            alternation = _alternation([lead])
            words = _first_words(alternation)
            chars, nullable = _first_chars(_parser.parse(alternation).data)
            if words is None or nullable or chars is None:
                return None
            if not all(_WORD_CHAR.match(c) for c in chars):
                return None
            compiled = re.compile(rf"{alternation}\s+")
            for word in words:
                lead_regexes.setdefault(word, []).append(compiled)
        readings = [_word_readings(p) for p in plain]  # each pattern read once, for both
        return cls(
            alternatives,
            plain,
            [_firsts_of(r) for r in readings],
            lead_regexes,
            [_seconds_of(r) for r in readings],
        )

    def _for_word(self, word: str) -> tuple[_Match | None, int, frozenset[str] | None] | None:
        """How to try the patterns that can start with ``word`` (see :meth:`_combined`) and
        the words that may follow it in them (``None``: any), or ``None`` when none can. Where
        those words are listed, the word after ``word`` picks the patterns to try
        (:meth:`_for_second`), and no regex of them all is compiled."""
        if word in self._by_word:
            return self._by_word[word]
        key = _HAS_DIGIT if any(c.isdigit() for c in word) else word
        members = tuple(i for i, words in enumerate(self.words) if words is None or key in words)
        found: tuple[_Match | None, int, frozenset[str] | None] | None = None
        if members:
            followers = self._followers(key, members)
            if followers is not None:
                found = (None, -1, followers)
            else:
                match, index = self._combined(members)
                found = (match, index, None)
        if len(self._by_word) > 100_000:
            self._by_word.clear()
        self._by_word[word] = found
        return found

    def _followers(self, key: str, members: tuple[int, ...]) -> frozenset[str] | None:
        """Every word that can follow the first word ``key`` after white space in the
        patterns ``members`` (``None``: any word, or none)."""
        if key == _HAS_DIGIT:
            return None
        followers: set[str] = set()
        for i in members:
            seconds = self.seconds[i]
            after = seconds.get(key) if seconds is not None else None
            if after is None:
                return None
            followers |= after
        return frozenset(followers)

    def _combined(self, members: tuple[int, ...]) -> tuple[_Match, int]:
        """The ``match`` of the patterns ``members`` as one regex, and the pattern index when
        there is only one (else ``-1``: the match's ``lastgroup`` names the pattern).

        An alternation tries its branches in order and the first that matches wins, exactly
        as calling each pattern's ``match`` in turn, but inside the regex engine: one call
        instead of one per pattern. Each branch ends in an empty group named after its
        pattern, the last group a match of it closes, so ``lastgroup`` says which matched.
        """
        found = self._by_members.get(members)
        if found is None:
            if len(members) == 1:
                found = (self.alternatives[members[0]].match, members[0])
            else:
                body = "|".join(rf"{self.plain[i]}(?![\w])(?P<t{i}>)" for i in members)
                found = (re.compile(f"(?:{body})").match, -1)
            self._by_members[members] = found
        return found

    def _for_second(self, word: str, second: str) -> tuple[_Match, int]:
        """How to try the patterns that can start with ``word`` followed by ``second``: of
        the patterns ``word`` can start, those that list ``second`` after it ("in" starts
        "in de nacht van", "in januari", "in 2022"...; after "in de" only the first is tried).
        Only asked where every such pattern lists its second words (``_followers``)."""
        by_second = self._by_second.get(word)
        if by_second is None:
            by_second = self._by_second[word] = {}
        found = by_second.get(second)
        if found is None:
            members = []
            for i, words in enumerate(self.words):
                seconds = self.seconds[i]
                if (words is None or word in words) and seconds is not None:
                    after = seconds.get(word)
                    if after is not None and second in after:
                        members.append(i)
            found = by_second[second] = self._combined(tuple(members))
        return found

    def _match_at(self, lowered: str, at: int, hi: int, word: str) -> tuple[int, int] | None:
        """The end and pattern index of the first pattern matching at ``at`` (no lead)."""
        tried = self._for_word(word)
        if tried is None:
            return None
        match, index, followers = tried
        if followers is not None:
            # Most words that start a pattern start few matches ("de", "in", "the"): the word
            # after them decides it, found by one small regex instead of trying them all.
            after = _GAP_WORD.match(lowered, at + len(word), hi)
            if after is None:
                return None
            second = after.group(1)
            if not second.isalpha() and any(c.isdigit() for c in second):
                second = _HAS_DIGIT
            if second not in followers:
                return None
            match, index = self._for_second(word, second)
        if match is None:
            return None  # (not reached: a word without listed followers has its regex)
        m = match(lowered, at, hi)
        if m is None:
            return None
        if index < 0:
            index = _pattern_index(str(m.lastgroup))
        return m.end(), index

    def matches(self, lowered: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """What ``Grammar.regex.finditer(lowered, lo, hi)`` finds, as ``(start, end, index)``."""
        found: list[tuple[int, int, int]] = []
        last = lo
        leads = self.leads
        by_word = self._by_word
        for at, word in _window_words(lowered, lo, hi):
            if at < last:
                continue
            if not by_word.get(word, True) and word not in leads:
                continue  # the common case: no pattern starts with this word
            hit = None
            if word in leads:
                # Longest lead first, as the optional lead group of the regex backtracks.
                ends = sorted(
                    {m.end() for r in leads[word] if (m := r.match(lowered, at, hi))},
                    reverse=True,
                )
                for body in ends:
                    nxt = _WORD_RUN.match(lowered, body, hi)
                    if nxt is not None:
                        hit = self._match_at(lowered, body, hi, nxt.group())
                        if hit is not None:
                            break
            if hit is None:
                hit = self._match_at(lowered, at, hi, word)
            if hit is not None:
                found.append((at, hit[0], hit[1]))
                last = hit[0]
        return found


_PATTERN_INDEX: Final[dict[str, int]] = {}


def _pattern_index(group: str) -> int:
    """The index of the pattern whose group ``group`` is ("p12": 12), parsed once per name."""
    index = _PATTERN_INDEX.get(group)
    if index is None:
        index = _PATTERN_INDEX[group] = int(group[1:])
    return index


# The words of a chunk of text between white space, where a match can start: (offset, word).
_CHUNK_WORDS: Final[dict[str, list[tuple[int, str]]]] = {}


def _window_words(lowered: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """``(start, word)`` of ``_WORD_START.finditer(lowered, lo, hi)``, read chunk by chunk
    between white space and each chunk's words remembered (words repeat). No word holds white
    space and the look-behind sees no further back than the white space before a chunk, so
    the words of a chunk are the same wherever it stands."""
    if lo > 0 and not lowered[lo - 1].isspace():  # a window opening inside a chunk
        return [(m.start(), m.group()) for m in _WORD_START.finditer(lowered, lo, hi)]
    found: list[tuple[int, str]] = []
    pos = lo
    for chunk in lowered[lo:hi].split():
        while lowered[pos].isspace():  # only white space lies before the chunk
            pos += 1
        at = pos
        pos = at + len(chunk)
        words = _CHUNK_WORDS.get(chunk)
        if words is None:
            words = [(m.start(), m.group()) for m in _WORD_START.finditer(chunk)]
            if len(_CHUNK_WORDS) < 200_000:
                _CHUNK_WORDS[chunk] = words
        for offset, word in words:
            found.append((at + offset, word))
    return found


def _is_word_char(char: str) -> bool:
    """Whether ``char`` is one that ``\\w`` matches."""
    return char.isalnum() or char == "_"


def _year_digit_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``_YEAR_DIGITS.finditer(text)`` yields, tried where a run of digits starts."""
    spans: list[tuple[int, int]] = []
    last_end = 0
    for _, start, _ in _digit_finder().find_matches_as_indexes(text):
        if start < last_end or (start > 0 and text[start - 1].isdecimal()):
            continue
        m = _YEAR_DIGITS.match(text, start)
        if m is not None:
            spans.append(m.span())
            last_end = m.end()
    return spans


def _first_chars(items: Any) -> tuple[set[str] | None, bool]:
    """The characters a parsed regex can start with (``None``: any) and whether it can be empty."""
    first: set[str] = set()
    for op, av in items:
        name = str(op)
        chars: set[str] | None
        nullable = False
        if name in ("LITERAL", "IN"):
            chars = _class_chars(name, av, max_range=512, spaces=False)
        elif name == "BRANCH":
            chars, nullable = set(), False
            for branch in av[1]:
                sub, sub_nullable = _first_chars(branch)
                if sub is None:
                    chars = None
                    break
                chars |= sub
                nullable = nullable or sub_nullable
        elif name == "SUBPATTERN":
            chars, nullable = _first_chars(av[-1])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            chars, nullable = _first_chars(av[2])
            nullable = nullable or av[0] == 0
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            chars, nullable = set(), True
        else:
            return None, False
        if chars is None:
            return None, False
        first |= chars
        if not nullable:
            return first, False
    return first, True


def _dispatching_regex(
    alternatives: list[str], lead: str, firsts: list[set[str] | None]
) -> re.Pattern[str]:
    """One regex for all alternatives that looks at the first character before trying any.

    Python's ``re`` tries the branches of an alternation one by one at every position; with
    dozens of patterns that is the whole cost of tagging. Grouping the branches by the
    characters they can start with (keeping their order inside each group) lets one
    character test skip all the others.
    """
    alphabet = sorted(set().union(*(f for f in firsts if f is not None)))
    groups: dict[tuple[int, ...], list[str]] = {}
    for char in alphabet:
        members = tuple(i for i, f in enumerate(firsts) if f is None or char in f)
        groups.setdefault(members, []).append(char)
    # Each copy of an alternative ends in an empty group named after it, so the match's
    # ``lastgroup`` says which pattern matched ("a12_3": pattern 12, its third copy).
    copies: dict[int, int] = {}

    def tagged(i: int) -> str:
        copies[i] = copies.get(i, 0) + 1
        return f"{alternatives[i]}(?P<a{i}_{copies[i]}>)"

    leaves = [
        ("".join(re.escape(c) for c in chars), "|".join(tagged(i) for i in members))
        for members, chars in groups.items()
    ]

    def tree(part: list[tuple[str, str]]) -> str:
        # A binary split on the first character: a handful of tests instead of one per group.
        if len(part) == 1:
            charset, body = part[0]
            return f"(?=[{charset}])(?:{body})"
        half = len(part) // 2
        left = "".join(charset for charset, _ in part[:half])
        return f"(?=[{left}])(?:{tree(part[:half])})|(?:{tree(part[half:])})"

    branches = [tree(leaves)] if leaves else []
    anywhere = [tagged(i) for i, f in enumerate(firsts) if f is None]
    if anywhere:
        branches.append("(?:" + "|".join(anywhere) + ")")
    return re.compile(rf"(?<![\w'’]){lead}(?:{'|'.join(branches)})(?![\w])")


@lru_cache(maxsize=16)
def load_grammar(lang: str) -> Grammar | None:
    """The grammar of ``lang``, or ``None`` when there are no times data for it."""
    if not has_lang_data(lang, "times"):
        return None
    return Grammar(lang, load_lang_data(lang, "times"))


__all__ = [
    "DIRECTIONS",
    "KINDS",
    "Candidate",
    "Grammar",
    "GrammarError",
    "Pattern",
    "Veto",
    "load_grammar",
]
