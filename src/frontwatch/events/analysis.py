"""One sentence read for events: its clauses, places, actors, cues and triggers.

There is no parser for Dutch on the project's machines, so clause structure is recovered from
the words that open clauses (relative pronouns, subordinators, complementisers after a verb of
saying) and from punctuation. That is enough for what the engine needs from syntax: which
places, times and actors belong to the same clause as a trigger, what a relative clause's
antecedent is ("Izjoem, dat de Russen ... innamen"), and how far a negation, a modal or an
attribution reaches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter
from typing import Any, Final

from frontwatch.bisection import first_above, first_at_least
from frontwatch.events.countries import country_of_place
from frontwatch.events.lexicon import ActorEntry, Lexicon, TriggerSpec
from frontwatch.events.numbers import AmountSpan, CasualtySpan, find_amounts, find_casualties
from frontwatch.events.tokens import Match, Token, fold, norms_of, scan
from frontwatch.places.gazetteer import WATER_FEATURES
from frontwatch.records import Actor, PlaceMention, Span, TimeMention

_NOUN_CACHE: Final[dict[int, dict[str, str | None]]] = {}
# Per lexicon, per word form: bit flags of what it may be (see SentenceReader._flags).
_FLAGS: Final[dict[int, dict[str, int]]] = {}
# Final, one by one: compiled, a Final int is a constant; a plain global is a dict look-up
_NUMERIC: Final = 1
_PLACE_NOUN: Final = 2
_OPENER: Final = 4
_CAPITAL: Final = 8
_POINTER: Final = 16
_PRONOUN: Final = 32
_I: Final = attrgetter("i")
# Rivers, seas and lakes locate ("aan de oever van de Dnipro"); they are not where events happen.
_CLAUSE_PUNCT: Final = frozenset({";", ":", "—", "–"})
_QUOTES: Final = frozenset({'"', "'", "“", "”", "„", "‘", "’", "«", "»"})
_SAY_LIKE: Final = frozenset({"say", "according_to", "confirm", "deny", "directive"})
# How many words after a verb of saying its "that"/"dat" may open the complement.
_SAY_REACH: Final = 8
# How far after a verb of recognising its "dat"/"that" clause may start.
_SAY_OBJECT_REACH: Final = 16
# How many tokens an apposition ("een dorp in het noorden van de regio X") spans at most.
_APPOSITION_REACH: Final = 10
# Clauses that a comma may close, returning to the clause they interrupt.
_COMMA_CLOSED: Final = frozenset({"relative", "subordinate", "conditional"})

# Place features by specificity: a village beats a district, a district an oblast, an oblast a
# country. Unknown features count as settlements (most unresolved names in news are villages).
_FEATURE_LEVEL: Final = {
    "PCLI": 0,
    "PCL": 0,
    "CONT": 0,
    "RGN": 1,
    "ADM1": 2,
    "ADM2": 3,
    "ADM3": 3,
    "SEA": 1,
    "STM": 1,
    "LK": 1,
}


def place_level(mention: PlaceMention | None, anaphor: str | None = None) -> int:
    """How specific a place is: 0 country ... 5 settlement or site."""
    if mention is None:
        return {"settlement": 5, "island": 5, "peninsula": 3, "region": 2}.get(anaphor or "", 4)
    feature = (mention.feature or "").upper()
    if feature in _FEATURE_LEVEL:
        return _FEATURE_LEVEL[feature]
    return 5


def is_country_level(mention: PlaceMention) -> bool:
    return (mention.feature or "").upper() in ("PCLI", "PCL", "CONT")


def _names_a_state(ref: PlaceRef | None) -> bool:
    """The place phrase names a state: no town's or region's own name, so after "the largest
    town" it is the subject of a clause ("the largest town Ukraine seized")."""
    return ref is not None and ref.mention is not None and is_country_level(ref.mention)


# The records built for every sentence spell their ``__init__`` out: mypyc compiles one written
# in the class, while the one ``@dataclass`` generates runs interpreted, about five times the
# cost of building an instance. ``init=False`` keeps ``__eq__`` and ``__repr__``.
@dataclass(slots=True, init=False)
class PlaceRef:
    """A place slot in a sentence: a mention, an anaphoric noun phrase or a place pronoun."""

    i: int
    j: int
    mention: PlaceMention | None
    anaphor: str | None  # settlement | region | island | peninsula | any
    indefinite: bool  # "een dorp in de regio Loegansk": named by the next sentence
    locator: bool  # "ten zuiden van X": X locates something else
    secondary: bool  # a locator right after another place ("Semenivka, north-west of Avdiivka")
    prep: str | None
    seat: bool  # "het ministerie in Moskou": where an actor sits, not an event place
    group: bool  # "namen de Russen die weer in": may stand for several coordinated places
    count: int | None  # "three villages": how many places the next sentence should name
    plural: bool  # "dorpen", "villages": may stand for several places
    listed: bool  # resolved to the places its own sentence lists after it
    resolved: list[PlaceMention]

    def __init__(
        self,
        i: int,
        j: int,
        mention: PlaceMention | None = None,
        anaphor: str | None = None,
        indefinite: bool = False,
        locator: bool = False,
        secondary: bool = False,
        prep: str | None = None,
        seat: bool = False,
        group: bool = False,
        count: int | None = None,
        plural: bool = False,
        listed: bool = False,
        resolved: list[PlaceMention] | None = None,
    ) -> None:
        self.i = i
        self.j = j
        self.mention = mention
        self.anaphor = anaphor
        self.indefinite = indefinite
        self.locator = locator
        self.secondary = secondary
        self.prep = prep
        self.seat = seat
        self.group = group
        self.count = count
        self.plural = plural
        self.listed = listed
        self.resolved = [] if resolved is None else resolved

    @property
    def level(self) -> int:
        if self.mention is not None:
            return place_level(self.mention)
        if self.resolved:
            return place_level(self.resolved[0])
        return place_level(None, self.anaphor)

    @property
    def places(self) -> list[PlaceMention]:
        return [self.mention] if self.mention is not None else list(self.resolved)


@dataclass(slots=True, init=False)
class ActorRef:
    i: int
    j: int
    actor: Actor
    kind: str  # named | country | metonym | group | role | adjective | pronoun | possessive
    prep: str | None
    needs_country: bool  # a role noun without a country: resolved from the context
    local: bool  # a mayor, a governor: of the country of the place they govern

    def __init__(
        self,
        i: int,
        j: int,
        actor: Actor,
        kind: str,
        prep: str | None = None,
        needs_country: bool = False,
        local: bool = False,
    ) -> None:
        self.i = i
        self.j = j
        self.actor = actor
        self.kind = kind
        self.prep = prep
        self.needs_country = needs_country
        self.local = local


@dataclass(slots=True, init=False)
class TriggerHit:
    i: int
    j: int
    spec: TriggerSpec
    particle: int | None  # separable verbs: the particle's token

    def __init__(self, i: int, j: int, spec: TriggerSpec, particle: int | None = None) -> None:
        self.i = i
        self.j = j
        self.spec = spec
        self.particle = particle


@dataclass(slots=True, init=False)
class CueHit:
    i: int
    j: int
    categories: frozenset[str]

    def __init__(self, i: int, j: int, categories: frozenset[str]) -> None:
        self.i = i
        self.j = j
        self.categories = categories


@dataclass(slots=True, init=False)
class Clause:
    id: int
    kind: str  # main | relative | complement | subordinate | conditional | quote
    introducer: str | None
    parent: int | None
    start: int  # first token
    antecedent: PlaceRef | None

    def __init__(
        self,
        id: int,
        kind: str,
        introducer: str | None,
        parent: int | None,
        start: int,
        antecedent: PlaceRef | None = None,
    ) -> None:
        self.id = id
        self.kind = kind
        self.introducer = introducer
        self.parent = parent
        self.start = start
        self.antecedent = antecedent


@dataclass(slots=True, init=False)
class SentenceAnalysis:
    """Everything the extractor reads off one sentence (token indices are document-wide)."""

    span: Span
    lo: int
    hi: int
    tokens: list[Token]
    places: list[PlaceRef]
    times: list[TimeMention]
    actors: list[ActorRef]
    cues: list[CueHit]
    triggers: list[TriggerHit]
    clauses: list[Clause]
    clause_of: list[int]  # token index - lo -> clause id
    amounts: list[AmountSpan]
    casualties: list[CasualtySpan]
    time_tokens: list[tuple[int, int, TimeMention]]
    paragraph: int
    index: int  # the sentence's place among the document's sentences read for events
    # per-token answers the extractor asks for every trigger ("is this actor an agent phrase?")
    memo: dict[tuple[str, int], Any]

    def __init__(
        self,
        span: Span,
        lo: int,
        hi: int,
        tokens: list[Token],
        places: list[PlaceRef],
        times: list[TimeMention],
        actors: list[ActorRef],
        cues: list[CueHit],
        triggers: list[TriggerHit],
        clauses: list[Clause],
        clause_of: list[int],
        amounts: list[AmountSpan],
        casualties: list[CasualtySpan],
        time_tokens: list[tuple[int, int, TimeMention]],
        paragraph: int = 0,
        index: int = 0,
        memo: dict[tuple[str, int], Any] | None = None,
    ) -> None:
        self.span = span
        self.lo = lo
        self.hi = hi
        self.tokens = tokens
        self.places = places
        self.times = times
        self.actors = actors
        self.cues = cues
        self.triggers = triggers
        self.clauses = clauses
        self.clause_of = clause_of
        self.amounts = amounts
        self.casualties = casualties
        self.time_tokens = time_tokens
        self.paragraph = paragraph
        self.index = index
        self.memo = {} if memo is None else memo

    def clause(self, tok: int) -> Clause:
        return self.clauses[self.clause_of[tok - self.lo]]

    def in_clause(self, tok: int, clause_id: int) -> bool:
        return self.clause_of[tok - self.lo] == clause_id

    def ancestors(self, clause_id: int) -> list[int]:
        """The clause and the clauses it is embedded in, innermost first."""
        chain = [clause_id]
        parent = self.clauses[clause_id].parent
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = self.clauses[parent].parent
        return chain

    def cues_of(self, category: str) -> list[CueHit]:
        return [c for c in self.cues if category in c.categories]

    def text(self, i: int, j: int) -> str:
        return " ".join(t.text for t in self.tokens[i:j])


def state_in_genitive(
    ref: ActorRef, actors: list[ActorRef], genitive_preps: frozenset[str]
) -> ActorRef | None:
    """The state named in the genitive right after a role noun: "the leaders of Russia",
    "de president van Rusland"."""
    for a in actors:
        if (
            a.i == ref.j + 1
            and a.prep in genitive_preps
            and a.kind in ("country", "metonym")
            and a.actor.country
        ):
            return a
    return None


def _forward(values: list[int], k: int, limit: int) -> int:
    """``first_at_least(values, limit, k)`` by stepping on from ``k``: a sentence holds few of a
    document's matches of one kind, and compiled, the steps are cheaper than the call."""
    n = len(values)
    while k < n and values[k] < limit:
        k += 1
    return k


def token_span(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int]:
    """The tokens covering characters ``[start, end)``."""
    return first_above(ends, start), first_at_least(starts, end)


class SentenceReader:
    """Builds :class:`SentenceAnalysis` objects for one document and language."""

    def __init__(self, lexicon: Lexicon, tokens: list[Token]) -> None:
        self._time_starts: set[int] = set()
        self._last_span: Span | None = None
        self._last_bounds = (0, 0)
        self._noun_cache = _NOUN_CACHE.setdefault(id(lexicon), {})
        self.lex = lexicon
        self.tokens = tokens
        # comprehensions rather than ``map(attrgetter)``: compiled, they read the attributes
        # natively
        self.starts = [t.start for t in tokens]
        self.ends = [t.end for t in tokens]
        norms = [t.norm for t in tokens]
        # One pass over the document for every phrase list; sentences take their slices.
        self._found = scan(
            tokens,
            {
                "trigger": lexicon.triggers,
                "separable": lexicon.separable,
                "separable_cue": lexicon.separable_cues,
                "cue": lexicon.cues,
                "actor": lexicon.actors,
                "proxy": lexicon.proxy_markers,
                "locator": lexicon.locators,
            },
            norms,
        )
        self._found_starts = {name: [m.i for m in ms] for name, ms in self._found.items()}
        flags_of = _FLAGS.setdefault(id(lexicon), {})
        if len(flags_of) > 200_000:  # a long-running process meets ever new forms
            flags_of.clear()
        self._numeric: list[int] = []
        self._place_nouns: list[int] = []
        self._openers: list[int] = []
        self._capitalised: list[int] = []  # may be a person met before
        self._pronouns: list[int] = []
        self._pointers: list[int] = []  # "it", "them", "daar", "die": words that may be places
        if not self.has_triggers():
            return  # nothing will be read: the word classes are not needed
        # one test per class rather than a loop over (flag, list) pairs: compiled, such a
        # loop boxes its tuple of pairs anew for every word
        for k, token in enumerate(tokens):
            text = token.text
            word_flags = flags_of.get(text)
            if word_flags is None:  # a word form not met before
                word_flags = flags_of[text] = self._flags(text, fold(text))
            if word_flags:  # most words are none of these
                if word_flags & _NUMERIC:
                    self._numeric.append(k)
                if word_flags & _PLACE_NOUN:
                    self._place_nouns.append(k)
                if word_flags & _OPENER:
                    self._openers.append(k)
                if word_flags & _CAPITAL:
                    self._capitalised.append(k)
                if word_flags & _POINTER:
                    self._pointers.append(k)
                if word_flags & _PRONOUN:
                    self._pronouns.append(k)

    def _flags(self, text: str, norm: str) -> int:
        """What a word form may be, once per form: a number, a place noun, a clause opener..."""
        lex, numbers = self.lex, self.lex.numbers
        flags = 0
        if (
            norm[:1].isdigit()
            or norm in numbers.units
            or norm in numbers.currencies
            or any(p[0] == norm for p in numbers.vague if p)
        ):
            flags |= _NUMERIC
        if self._place_noun(norm) is not None:
            flags |= _PLACE_NOUN
        if (
            norm in lex.relative
            or norm in lex.subordinators
            or norm in lex.complementizers
            or norm in lex.coordinators
            or text in _CLAUSE_PUNCT
            or text in (",", "-")
        ):
            flags |= _OPENER
        if text[:1].isupper():
            flags |= _CAPITAL
        if norm in lex.pronouns and text[:1].isalnum():
            flags |= _PRONOUN
        if (
            norm in lex.object_pronouns
            or norm in lex.place_pronouns
            or (norm in lex.demonstrative_pronouns)
        ):
            flags |= _POINTER
        return flags

    def _matches(self, name: str, lo: int, hi: int) -> list[Match]:
        starts = self._found_starts[name]
        a = first_at_least(starts, lo)
        b = _forward(starts, a, hi)
        if a == b:
            return []
        found = self._found[name]
        # one matcher's matches do not overlap, so their ends rise with their starts: when the
        # last one ends in time, all do
        if found[b - 1].j <= hi:
            return found[a:b]
        return [m for m in found[a:b] if m.j <= hi]

    def _positions(self, positions: list[int], lo: int, hi: int) -> list[int]:
        a = first_at_least(positions, lo)
        return positions[a : _forward(positions, a, hi)]

    def has_triggers(self) -> bool:
        """Whether any trigger word occurs in the whole document (most do not, in a stream of
        general news): without one there is no event to find."""
        return bool(self._found["trigger"] or self._found["separable"])

    def _bounds(self, span: Span) -> tuple[int, int]:
        """The tokens of a sentence (the last one asked for is remembered: the caller asks
        whether to read it fully, then reads it)."""
        if span is not self._last_span:
            self._last_span = span
            self._last_bounds = token_span(self.starts, self.ends, span.start, span.end)
        return self._last_bounds

    def may_have_triggers(self, span: Span) -> bool:
        """A cheap first test: could any trigger start in this sentence?"""
        lo, hi = self._bounds(span)
        return bool(self._matches("trigger", lo, hi) or self._matches("separable", lo, hi))

    def _separable_cues(self, lo: int, hi: int, found: list[CueHit]) -> list[CueHit]:
        """ "maakte dat zondag bekend", "maakte gisteren bekend dat ...": a cue verb whose
        particle comes later in the sentence (before a comma or a new clause). The hit covers
        the verb, where a cue phrase would start."""
        out: list[CueHit] = []
        toks = self.tokens
        taken = {c.i for c in found}
        for m in self._matches("separable_cue", lo, hi):
            if m.i in taken:
                continue
            for particle, category in m.payloads:
                for k in range(m.j, min(hi, m.j + 8)):
                    boundary = toks[k].text in (",", ";", ":") or (
                        toks[k].norm in self.lex.complementizers and k != m.j  # "maakte dat bekend"
                    )
                    if boundary:
                        break
                    if toks[k].norm == particle:
                        out.append(CueHit(m.i, m.j, frozenset({category})))
                        break
                else:
                    continue
                break
        return out

    def may_attribute_or_count(self, span: Span) -> bool:
        """A cheap first test: could this sentence attribute, blame or count casualties for the
        events just before it ("Dat meldt het leger.", "Zes mensen raakten gewond.")?"""
        lo, hi = self._bounds(span)
        return bool(
            self._matches("cue", lo, hi)
            or self._matches("separable_cue", lo, hi)
            or self._positions(self._numeric, lo, hi)
        )

    def read(
        self,
        span: Span,
        places: Sequence[PlaceMention],
        times: Sequence[TimeMention],
        persons: dict[str, Actor],
        *,
        full: bool = True,
    ) -> SentenceAnalysis:
        """Analyse a sentence; ``full=False`` reads only its places and actors (for the memory
        of later sentences), which is all a sentence without triggers contributes."""
        lo, hi = self._bounds(span)
        starts, ends = self.starts, self.ends
        time_tokens = []
        for t in times:
            time_tokens.append((first_above(ends, t.start), first_at_least(starts, t.end), t))
        self._time_starts = {i for i, _, _ in time_tokens}
        place_refs = self._places(lo, hi, places, time_tokens, anaphors=full)
        actors = self._actors(lo, hi, persons, place_refs)
        if not full:
            # a sentence without triggers is read for its places and actors only
            cue_hits: list[CueHit] = []
            triggers: list[TriggerHit] = []
            clauses, clause_of = [Clause(0, "main", None, None, lo)], [0] * (hi - lo)
            numeric: list[int] = []
        else:
            cue_hits, clauses, clause_of, triggers = self._structure(lo, hi, actors, place_refs)
            numeric = self._positions(self._numeric, lo, hi)
            actors = self._possessive_owners(lo, triggers, actors)
        numbers = self.lex.numbers
        return SentenceAnalysis(
            span=span,
            lo=lo,
            hi=hi,
            tokens=self.tokens,
            places=place_refs,
            times=list(times),
            actors=actors,
            cues=cue_hits,
            triggers=triggers,
            clauses=clauses,
            clause_of=clause_of,
            amounts=find_amounts(self.tokens, lo, hi, numbers, numeric) if numeric else [],
            casualties=find_casualties(
                self.tokens,
                lo,
                hi,
                numbers,
                numeric,
                frozenset(k for i, j, _t in time_tokens for k in range(i, j)),
            )
            if numeric
            else [],
            time_tokens=time_tokens,
        )

    def _possessive_owners(
        self, lo: int, triggers: list[TriggerHit], actors: list[ActorRef]
    ) -> list[ActorRef]:
        """ "Bij hun opmars", "During their advance": a possessive right before an event noun
        in a phrase opening the sentence is its actor, which the context resolves forward to
        the main clause's subject ("zijn" is left alone: "zijn aanvallen" may be "are
        attacks")."""
        toks, lex = self.tokens, self.lex
        taken = {a.i for a in actors}
        owners = [
            ActorRef(t.i - 1, t.i, Actor(None, "unknown"), "possessive", needs_country=True)
            for t in triggers
            if (t.spec.kind in ("noun", "state") or toks[t.j - 1].norm in lex.nominal_forms)
            and t.i - 1 >= lo
            and toks[t.i - 1].norm in lex.possessives
            and toks[t.i - 1].norm not in lex.not_nominal
            and t.i - 1 not in taken
            # only in a phrase opening the sentence, where it points forward to the subject
            # ("Bij hun opmars ... hebben Oekraïense eenheden"); elsewhere "its", "their"
            # point back to what may be no actor at all
            and t.i - 2 == lo
            and toks[lo].norm in lex.prepositions
        ]
        return sorted(actors + owners, key=_I) if owners else actors

    def _structure(
        self, lo: int, hi: int, actors: list[ActorRef], place_refs: list[PlaceRef]
    ) -> tuple[list[CueHit], list[Clause], list[int], list[TriggerHit]]:
        """The cues, clauses and triggers of a sentence that may hold an event."""
        cues = self._matches("cue", lo, hi)
        spans = [(a.i, a.j) for a in actors if a.kind in ("group", "role", "named", "country")]
        cue_hits = [
            CueHit(m.i, m.j, frozenset(m.payloads))
            for m in cues
            if not any(i <= m.i and m.j <= j and j - i > m.j - m.i for i, j in spans)
        ]
        cue_hits.extend(self._separable_cues(lo, hi, cue_hits))
        cue_hits.extend(self._acknowledging(lo, hi, cue_hits))
        clauses, clause_of = self._clauses(lo, hi, cue_hits, place_refs)
        triggers = self._triggers(lo, hi, clause_of, clauses)
        # "Russia's defence ministry" holds no combat, "United States" no verb of saying.
        triggers = [
            t
            for t in triggers
            if t.spec.type in ("diplomacy", "political")
            or not any(i <= t.i and t.j <= j and j - i > t.j - t.i for i, j in spans)
        ]
        # "erkende dat ..." confirms; it is no recognition (diplomacy). A separable verb whose
        # particle closes the clause is that verb, not the cue: "stelt ... beschikbaar"
        # (makes available) says nothing.
        completed = {t.i for t in triggers if t.particle is not None}
        # ... and a cue word inside a longer trigger phrase is part of it: "pressing on
        # Pokrovsk" is no "pressing" (urging)
        completed.update(
            c.i
            for c in cue_hits
            for t in triggers
            if t.i <= c.i and c.j <= t.j and t.j - t.i > c.j - c.i
        )
        if completed:
            cue_hits = [c for c in cue_hits if c.i not in completed]
        said = {c.i for c in cue_hits if c.categories & {"say", "confirm", "deny"}}
        triggers = [t for t in triggers if t.i not in said or t.spec.territorial]
        return cue_hits, clauses, clause_of, triggers

    # -- places ----------------------------------------------------------------------------

    def _places(
        self,
        lo: int,
        hi: int,
        places: Sequence[PlaceMention],
        time_tokens: list[tuple[int, int, TimeMention]],
        *,
        anaphors: bool = True,
    ) -> list[PlaceRef]:
        lex, toks = self.lex, self.tokens
        refs: list[PlaceRef] = []
        taken: set[int] = set()
        ends: set[int] = set()  # the token after each named place
        tok_starts, tok_ends = self.starts, self.ends
        for p in places:
            i, j = first_above(tok_ends, p.start), first_at_least(tok_starts, p.end)  # token_span
            if i >= j:
                continue
            refs.append(PlaceRef(i, j, mention=p))
            taken.update(range(i, j))
            ends.add(j)
        if not anaphors:
            for r in refs:
                r.locator = self._locator_before(r.i, lo)
            return refs
        time_toks = {k for i, j, _ in time_tokens for k in range(i, j)}
        # Anaphoric noun phrases: a determiner, up to three modifiers, a place noun.
        for k in self._positions(self._place_nouns, lo, hi):
            if k in taken or k in time_toks:
                continue
            kind = self._place_noun(toks[k].norm)
            if kind is None:
                continue
            det = self._determiner_before(k, lo)
            if det is None:
                continue
            nxt = k + 1
            if nxt + 1 < hi and toks[nxt].text in ("'", "’") and toks[nxt + 1].norm == "s":
                nxt += 2  # "de regio's Tsjernihiv en Soemy"
            if nxt < hi and toks[nxt].norm in lex.genitive_preps:
                nxt += 1
            # "het stadje Toretsk", "the village of Robotyne": a classifier, not an anaphor.
            if nxt < hi and (nxt in taken or (toks[nxt].is_capitalised and toks[nxt].is_word)):
                continue
            # "the area around Izium", "de gebieden rond Kyiv": the area is named by its centre
            if (
                kind == "any"
                and nxt + 1 < hi
                and toks[nxt].norm in lex.around_preps
                and nxt + 1 in taken
            ):
                continue
            if kind == "capital" and toks[k - 1].norm in lex.regional_adjectives:
                kind = "settlement"  # "the regional capital": an oblast's seat, not the country's
            indefinite = toks[det].norm in lex.indefinite
            if (
                toks[det].norm not in lex.definite
                and not indefinite
                and toks[det].norm not in lex.possessives
            ):
                continue
            if indefinite and det - 2 >= lo and toks[det - 1].text == "," and det - 1 in ends:
                continue  # "Mariupol, a city of 400,000": an apposition to the name
            refs.append(
                PlaceRef(
                    det,
                    k + 1,
                    anaphor=kind,
                    indefinite=indefinite,
                    count=self._count(toks[det].norm),
                    plural=toks[k].norm in lex.plural_place_nouns,
                    # "the villages", "de dorpen": the places just listed, all of them;
                    # "de gebieden ten noorden van Kyiv" are named by their locator instead
                    group=not indefinite
                    and toks[k].norm in lex.plural_place_nouns
                    and not (
                        nxt < hi
                        and (
                            toks[nxt].norm in lex.prepositions
                            or lex.locators.may_start(toks[nxt].norm)
                        )
                    ),
                )
            )
        # "Het werd toen ingenomen", "It fell in May": a sentence-initial pronoun subject of a
        # passive or of "fall" is the place last in focus
        if (
            hi - lo > 2
            and toks[lo].norm in lex.expletives
            and toks[lo + 1].norm in lex.place_subject_verbs
        ):
            refs.append(PlaceRef(lo, lo + 1, anaphor="settlement"))
        pointers = self._positions(self._pointers, lo, hi)
        if pointers:
            # "Russian forces occupied it": the object pronoun of a trigger is a place
            trigger_ends = {m.j for m in self._matches("trigger", lo, hi)}
            for k in pointers:
                norm = toks[k].norm
                if (
                    k > lo
                    and norm in lex.object_pronouns
                    and (
                        k in trigger_ends
                        or any(
                            k - len(prep) >= lo and norms_of(toks, k - len(prep), k) == prep
                            for prep in lex.place_pronoun_preps
                        )
                    )
                ):
                    refs.append(PlaceRef(k, k + 1, anaphor="settlement"))
                # "namen de Russen die weer in": a demonstrative pronoun object stands for places
                elif k not in taken and self._demonstrative_object(k, lo, hi):
                    refs.append(PlaceRef(k, k + 1, anaphor="settlement", group=True))
                # "daar", "there": the place last named
                elif norm in lex.place_pronouns and k not in taken:
                    refs.append(PlaceRef(k, k + 1, anaphor="any"))
        refs.sort(key=_I)
        for r in refs:
            r.prep = self._prep_before(r.i, lo)
            r.locator = self._locator_before(r.i, lo) or (
                r.mention is not None and (r.mention.feature or "").upper() in WATER_FEATURES
            )
        toks = self.tokens
        for a, b in pairwise(refs):
            # A locator that directly follows another place locates that place.
            if b.locator and self._only_locator_between(a.j, b.i):
                b.secondary = True
                if (
                    a.prep in self.lex.goal_preps
                    and norms_of(toks, a.j, b.i) in self.lex.proximity_locators
                ):
                    # "towards Sloviansk near Dovhenke": the goal is not what "near" locates;
                    # the movement happens near Dovhenke
                    b.secondary = b.locator = False
            # "between Donetsk and Luhansk", "ten noorden van Kyiv en Tsjernihiv": a place
            # coordinated with a locator's place is part of the locator
            if (
                a.locator
                and not b.locator
                and b.mention is not None
                and b.i == a.j + 1
                and toks[a.j].norm in self.lex.coordinators
            ):
                b.locator = True
        return refs

    def _object_position(self, k: int, hi: int) -> bool:
        """Whether the pronoun at ``k``, which may be subject or object ("it"), is an object:
        a particle, a preposition or punctuation follows it, where a subject has its verb. A
        time may stand between a subject and its verb ("said it on Sunday shot down"): a
        preposition opening one says nothing."""
        if k + 1 >= hi:
            return True
        nxt = self.tokens[k + 1]
        if not nxt.is_word or nxt.norm in self.lex.object_particles:
            return True
        return (
            nxt.norm in self.lex.prepositions
            and k + 1 not in self._time_starts
            and k + 2 not in self._time_starts
        )

    def _demonstrative_object(self, k: int, lo: int, hi: int) -> bool:
        """ "Afgelopen zomer namen de Russen die weer in", "hebben die ingenomen": a
        demonstrative pronoun with no noun after it, right before the end of its clause where a
        separable verb's particle or a trigger closes it. It is the verb's object, not the
        opener of a relative clause."""
        toks, lex = self.tokens, self.lex
        if toks[k].norm not in lex.demonstrative_pronouns or k == lo or k + 1 >= hi:
            return False
        nxt = toks[k + 1]
        if nxt.is_capitalised or self._place_noun(nxt.norm) is not None:
            return False  # "die stad", "die Bachmoet": a determiner
        end = k + 1
        while end < hi and toks[end].is_word and end - k <= 4:
            end += 1
        if end < hi and toks[end].is_word:
            return False  # the clause runs on: a relative clause or a determiner
        last = end - 1
        if last == k:
            return False
        particles = {
            spec.particle
            for m in self._matches("separable", lo, k)
            for spec in m.payloads
            if spec.particle
        }
        if toks[last].norm in particles:
            return True
        return any(m.i == k + 1 and m.j == end for m in self._matches("trigger", k + 1, end))

    def _place_noun(self, norm: str) -> str | None:
        cache = self._noun_cache
        if norm in cache:
            return cache[norm]
        kind = cache[norm] = self._place_noun_kind(norm)
        return kind

    def _place_noun_kind(self, norm: str) -> str | None:
        lex = self.lex
        if norm in lex.capital_nouns:
            return "capital"
        if norm in lex.settlement_nouns:
            return "settlement"
        if norm in lex.region_nouns:
            return "region"
        if norm in lex.peninsula_nouns:
            return "peninsula"
        if norm in lex.island_nouns:
            return "island"
        if norm in lex.area_nouns:
            return "any"
        if norm in lex.facility_nouns:
            return "facility"
        for suffix in lex.settlement_suffixes:
            if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
                return "island" if suffix.endswith("eiland") else "settlement"
        return None

    def _count(self, norm: str) -> int | None:
        """ "three villages", "drie dorpen": an indefinite count word of two or more."""
        if norm not in self.lex.indefinite:
            return None
        value = self.lex.numbers.units.get(norm)
        return int(value) if value is not None and value >= 2 else None

    def _determiner_before(self, k: int, lo: int) -> int | None:
        """The determiner opening the noun phrase whose head is token ``k``."""
        toks, lex = self.tokens, self.lex
        for back in range(1, 5):
            d = k - back
            if d < lo:
                return None
            norm = toks[d].norm
            if norm in lex.determiners or norm in lex.possessives or self._count(norm):
                return d
            # "the salt-mining town": a hyphen inside a modifier
            if toks[d].text == "-" and d - 1 >= lo and toks[d - 1].is_word and d + 1 < k:
                continue
            # "de Oekraïense stad": a capitalised adjective is fine, a name is not
            if (not toks[d].is_word or (toks[d].is_capitalised and d > lo)) and not (
                toks[d].is_word and norm.endswith(("se", "sche", "an", "ian"))
            ):
                return None
        return None

    def _acknowledging(self, lo: int, hi: int, found: list[CueHit]) -> list[CueHit]:
        """ "erkende op de Russische televisie dat ...": a verb of recognising with a "dat"
        clause further on acknowledges a fact (it recognises no state); the hit covers the
        verb, like a cue phrase "erkende dat"."""
        toks, lex = self.tokens, self.lex
        taken = {c.i for c in found}
        out: list[CueHit] = []
        for k in range(lo, hi):
            if toks[k].norm not in lex.recognition_verbs or k in taken:
                continue
            for m in range(k + 1, min(hi, k + _SAY_OBJECT_REACH)):
                if toks[m].norm in lex.complementizers:
                    # "erkende het verdrag dat ...": a relative clause of the object
                    if m - 2 < k or toks[m - 2].norm not in lex.neuter_determiners:
                        out.append(CueHit(k, k + 1, frozenset({"confirm"})))
                    break
        return out

    def _maker_follows(self, j: int, hi: int) -> bool:
        """A word of making right after a country adjective ("-designed", "-made", "makelij")."""
        toks = self.tokens
        if j < hi and toks[j].text == "-":
            j += 1
        return j < hi and toks[j].norm in self.lex.maker_words

    def _prep_before(self, i: int, lo: int) -> str | None:
        """The preposition governing the phrase at token ``i``.

        Determiners, classifier nouns and their adjectives are skipped: in "uit de stad Lyman",
        "in de zuidelijke stad Cherson", "de regio's Tsjernihiv", "the village of Robotyne" the
        name is governed by "uit", "in", "uit", and whatever governs "the village".
        """
        toks, lex = self.tokens, self.lex
        k = i - 1
        skipped_noun = False
        adjectives = 0
        # "the logistics hub of Pokrovsk", "het dorp van X": the classifier governs the name
        if (
            k - 1 >= lo
            and toks[k].norm in lex.genitive_preps
            and self._place_noun(toks[k - 1].norm)
        ):
            k -= 1
        while k >= lo:
            norm = toks[k].norm
            if k == i - 1 and (norm in lex.relative or norm in lex.complementizers):
                break  # "the region that Russia occupied", "dat Bachmoet viel": no determiner
            if (
                norm in lex.determiners
                or norm in lex.phrase_skippable
                or norm in ("'", "s")  # "de regio's", "Russia's"
            ):
                k -= 1
                continue
            # "in the south of the Donetsk region": a part of the place, governed by "in"
            if norm in lex.genitive_preps and k - 1 >= lo and toks[k - 1].norm in lex.part_nouns:
                k -= 2
                # "on the southern flank of Bakhmut": the part noun's own adjective
                if (
                    k > lo
                    and toks[k].is_word
                    and not toks[k].is_capitalised
                    and toks[k].norm not in lex.determiners
                    and toks[k].norm not in lex.prepositions
                    and toks[k - 1].norm in lex.determiners
                ):
                    k -= 1
                continue
            if self._place_noun(norm) is not None and not skipped_noun:
                skipped_noun = True
                k -= 1
                continue
            if skipped_noun and norm in lex.genitive_preps and k == i - 1:
                k -= 1
                continue
            if (
                skipped_noun
                and adjectives < 3
                and toks[k].is_word
                and norm not in lex.prepositions
                and norm not in lex.place_preps
                and not norm[:1].isdigit()
                and norm not in lex.coordinators
            ):
                adjectives += 1
                k -= 1
                continue
            break
        if k >= lo:
            norm = toks[k].norm
            if (
                norm in lex.place_preps
                or norm in lex.origin_preps
                or norm in lex.agent_preps
                or norm in lex.counterpart_preps
            ):
                return norm
        return None

    def _locator_before(self, i: int, lo: int) -> bool:
        toks, lex = self.tokens, self.lex
        starts = self._found_starts["locator"]
        if not starts or first_at_least(starts, i) == first_at_least(starts, max(lo, i - 8)):
            return False  # no locator phrase starts in the window (the usual case)
        for m in self._matches("locator", max(lo, i - 8), i):
            if (
                m.i > lo
                and toks[m.i - 1].norm in lex.determiners
                and toks[m.i].norm in lex.part_nouns
            ):
                continue  # "in the south of X" is a part of X, not a place beside it
            # "ten noorden van het belegerde Marioepol", "the village of": a genitive and
            # lower-case words (determiners, place nouns, adjectives) may stand between the
            # locator and its place, but no other preposition or conjunction
            if m.j >= i - 3 and all(
                t.norm in lex.genitive_preps
                or (
                    t.is_word
                    and not t.is_capitalised
                    and t.norm not in lex.prepositions
                    and t.norm not in lex.coordinators
                )
                for t in toks[m.j : i]
            ):
                return True
        return False

    def _only_locator_between(self, a: int, b: int) -> bool:
        """Between two places there is only a comma and a locator phrase."""
        toks = self.tokens
        k = a
        if k < b and toks[k].text == ",":
            k += 1
        while k < b and toks[k].norm[:1].isdigit():
            k += 1
        m = self._matches("locator", k, b)
        return bool(m) and m[0].i <= k + 3

    # -- actors ----------------------------------------------------------------------------

    def _actors(
        self, lo: int, hi: int, persons: dict[str, Actor], places: list[PlaceRef]
    ) -> list[ActorRef]:
        lex, toks = self.lex, self.tokens
        proxy_spans = [(m.i, m.j) for m in self._matches("proxy", lo, hi)]
        proxy_toks = {k for i, j in proxy_spans for k in range(i, j)}
        place_at = {k: r for r in places if r.mention is not None for k in range(r.i, r.j)}
        raw: list[tuple[int, int, ActorEntry]] = []
        for m in self._matches("actor", lo, hi):
            # "Russia" inside "Russia-backed" is part of the marker; a lexicon actor that
            # spans the marker ("Russia-backed forces") is the actor itself
            if (
                proxy_spans
                and any(k in proxy_toks for k in range(m.i, m.j))
                and not any(
                    m.i <= pi and pj <= m.j and (m.i, m.j) != (pi, pj) for pi, pj in proxy_spans
                )
            ):
                continue
            entry = _best_entry(m.payloads)
            raw.append((m.i, m.j, entry))
        refs: list[ActorRef] = []
        k = 0
        while k < len(raw):
            i, j, e = raw[k]
            nxt = raw[k + 1] if k + 1 < len(raw) else None
            # "US officials", "European Union leaders": a role noun right after a name is the
            # role of what the name names
            role_after = (
                nxt is not None
                and nxt[2].kind == "role"
                and (nxt[0] == j or (e.kind == "named" and self._genitive_between(j, nxt[0])))
            )
            proxy = bool(proxy_spans) and any(pj <= i and i - pj <= 3 for _, pj in proxy_spans)
            if e.kind == "demonym":
                if self._maker_follows(j, hi):
                    # "Iranian-designed drones", "een drone van Turkse makelij": who made a
                    # weapon, not who uses it
                    k += 1
                    continue
                # "Oekraïense militaire inlichtingendienst", "Russische staatspersbureau Tass"
                if (
                    nxt is not None
                    and nxt[2].kind in ("role", "named")
                    and nxt[0] - j <= 2
                    and self._modifiers_only(j, nxt[0])
                ):
                    role = nxt[2].role
                    name = nxt[2].name
                    country = e.country if nxt[2].kind == "role" else (nxt[2].country or e.country)
                    end = nxt[1]
                    after = raw[k + 2] if k + 2 < len(raw) else None
                    # "de Oekraïense president Zelensky": the title and the person are one actor
                    # (not "Ukrainian forces pushed the Russians": a verb between, and a
                    # name with its article names a group, not the title's holder)
                    if (
                        nxt[2].kind == "role"
                        and after is not None
                        and after[2].kind == "named"
                        and after[0] - end <= 1
                        and self._modifiers_only(end, after[0])
                        and toks[after[0]].norm not in lex.determiners
                    ):
                        end = after[1]
                        k += 1
                    refs.append(
                        ActorRef(i, end, Actor(country, "proxy" if proxy else role, name), "group")
                    )
                    k += 2
                    continue
                # "Ukrainian and Russian delegations"
                if (
                    nxt is not None
                    and nxt[2].kind == "demonym"
                    and j + 1 == nxt[0]
                    and toks[j].norm in lex.coordinators
                ):
                    after = raw[k + 2] if k + 2 < len(raw) else None
                    if after is not None and after[2].kind == "role" and after[0] - nxt[1] <= 1:
                        refs.append(ActorRef(i, j, Actor(e.country, after[2].role), "group"))
                        refs.append(
                            ActorRef(
                                nxt[0], after[1], Actor(nxt[2].country, after[2].role), "group"
                            )
                        )
                        k += 3
                        continue
                # "de Oekraïense stad Dnipro": the adjective describes a place.
                if j < hi and (
                    j in place_at
                    or self._place_noun(toks[j].norm) is not None
                    or (
                        j + 1 < hi
                        and self._place_noun(toks[j + 1].norm) is not None
                        and self._modifiers_only(j, j + 1)
                    )
                ):
                    k += 1
                    continue
                refs.append(ActorRef(i, j, Actor(e.country, "unknown"), "adjective"))
                k += 1
                continue
            if e.kind in ("country", "metonym"):
                # "Russia's defence ministry", "Ukraine's armed forces"
                if nxt is not None and nxt[2].kind == "role" and self._genitive_between(j, nxt[0]):
                    refs.append(ActorRef(i, nxt[1], Actor(e.country, nxt[2].role), "group"))
                    k += 2
                    continue
                if self._owns_place(j, hi, place_at):
                    k += 1  # "Russia's Kursk region": the state a place lies in
                    continue
                prep = self._prep_before(i, lo)
                if (
                    e.kind == "metonym"
                    and prep in lex.place_preps
                    and prep not in lex.genitive_preps
                ):
                    k += 1
                    continue
                if i - 1 >= lo and (
                    (
                        self._place_noun(toks[i - 1].norm) is not None
                        and not _names_a_state(place_at.get(i))
                    )
                    or (toks[i - 1].norm in lex.determiners and e.kind == "metonym")
                ):
                    k += 1  # "de regio Kyiv", "de hoofdstad Kyiv": a place
                    continue
                if i in place_at and place_at[i].locator:
                    k += 1  # "100 kilometres north of Kyiv": a point of reference
                    continue
                if (
                    i in place_at
                    and prep in lex.place_preps
                    and prep not in lex.beneficiary_preps
                    and prep not in lex.genitive_preps
                ):
                    k += 1
                    continue
                if role_after and nxt is not None:
                    refs.append(ActorRef(i, nxt[1], Actor(e.country, nxt[2].role), "group", prep))
                    k += 2
                    continue
                refs.append(ActorRef(i, j, Actor(e.country, "government"), e.kind, prep=prep))
                k += 1
                continue
            if e.kind == "role":
                # "President Volodymyr Zelensky", "Wagner-leider Prigozjin": the name says who
                if (
                    nxt is not None
                    and nxt[2].kind == "named"
                    and nxt[0] - j <= 2
                    and all(t.is_capitalised for t in toks[j : nxt[0]])
                ):
                    named = nxt[2]
                    role = named.role if named.role != "unknown" else e.role
                    refs.append(
                        ActorRef(i, nxt[1], Actor(named.country, role, named.name), "named")
                    )
                    k += 2
                    continue
                if (
                    nxt is not None
                    and nxt[2].country
                    and norms_of(toks, j, nxt[0]) in lex.allegiance_phrases
                ):
                    # "troops loyal to Kiev", "eenheden trouw aan Moskou": whose they are; the
                    # capital is no place of what they do
                    refs.append(ActorRef(i, nxt[1], Actor(nxt[2].country, e.role), "group"))
                    for r in places:
                        if nxt[0] <= r.i < nxt[1]:
                            r.seat = True
                    k += 2
                    continue
                poss = i - 1 >= lo and toks[i - 1].norm in lex.possessives
                ref = ActorRef(
                    i,
                    j,
                    Actor(None, "proxy" if proxy else e.role),
                    "possessive" if poss else "role",
                    needs_country=not proxy,
                )
                ref.local = norms_of(toks, i, j) in lex.local_officials
                # "a Kharkiv regional official": of the country of the place named before it
                for back in (1, 2):
                    owner = place_at.get(i - back)
                    if owner is not None and owner.mention is not None and owner.mention.country:
                        ref.actor.country = country_of_place(owner.mention)
                        ref.needs_country = ref.actor.country is None
                        break
                if proxy:
                    ref.actor.country = "RUS"
                refs.append(ref)
                k += 1
                continue
            if (
                e.role == "international"
                and e.country is None
                and i > lo
                and toks[i - 1].norm in lex.possessives
            ):
                # "een overleg met zijn veiligheidsraad": a leader's own council, no body of
                # the United Nations
                k += 1
                continue
            actor = Actor(e.country, "proxy" if proxy and e.role != "media" else e.role, e.name)
            if proxy and actor.country is None:
                actor.country = "RUS"
            end = j
            if role_after:  # the body named speaks or acts through its role
                end = nxt[1]  # type: ignore[index]
                k += 1
            refs.append(ActorRef(i, end, actor, "named", prep=self._prep_before(i, lo)))
            k += 1
        # Titles with a name register the person: "burgemeester Strjoek", "Mayor Ihor Kolykhaiev".
        for ref in refs:
            if ref.kind in ("role", "group") and ref.actor.role in ("government", "military"):
                n = ref.j
                names: list[int] = []
                while n < hi and toks[n].is_capitalised and toks[n].is_word and n not in place_at:
                    names.append(n)
                    n += 1
                if names and len(names) <= 3:
                    ref.j = n
                    persons.setdefault(toks[names[-1]].norm, ref.actor)
        # Known persons met before (capitalised), then pronoun subjects, resolved to the most
        # recent actor by the extractor (one pass over the words that may be either).
        names = self._positions(self._capitalised, lo, hi) if persons else []
        pronouns = self._positions(self._pronouns, lo, hi)
        if names or pronouns:
            covered = {k for r in refs for k in range(r.i, r.j)}
            known: list[ActorRef] = []
            for n in names:
                if n not in covered and toks[n].norm in persons:
                    known.append(ActorRef(n, n + 1, persons[toks[n].norm], "named"))
            for n in pronouns:
                if n in covered:
                    continue
                norm = toks[n].norm
                if norm in lex.expletives and n + 1 < hi and toks[n + 1].norm in lex.copulas:
                    continue
                if norm in lex.object_pronouns and n > lo and self._object_position(n, hi):
                    continue  # "and said the fighters had blown it up": the object, no actor
                known.append(
                    ActorRef(n, n + 1, Actor(None, "unknown"), "pronoun", needs_country=True)
                )
            refs.extend(known)
        refs.sort(key=_I)
        # "Oesyk, geboren in Simferopol", "born in Kharkiv": where someone was born is no
        # place of what they do
        born_end: int | None = None
        for r in places:
            if r.mention is None:
                continue
            if (
                r.i - 2 >= lo
                and toks[r.i - 1].norm in lex.prepositions
                and toks[r.i - 2].norm in lex.birth_words
            ) or (
                # ... and where that lies: "geboren in Simferopol op de Krim"
                born_end is not None
                and 0 < r.i - born_end <= 2
                and all(
                    t.norm in lex.prepositions or t.norm in lex.determiners
                    for t in toks[born_end : r.i]
                )
            ):
                r.seat = True
                born_end = r.j
        for force in refs:
            if force.kind in ("role", "group") and force.actor.role in ("military", "proxy"):
                side = self._side_taken(force, refs, hi)
                if side is not None:
                    force.actor.country, force.needs_country = side, False
        # "het ministerie van Defensie in Moskou", "de regering in Kiev": the seat of an actor
        # (checked only where a place follows "in"/"at", which is rare)
        seated = [
            r
            for r in places
            if r.mention is not None and r.i - 1 >= lo and toks[r.i - 1].norm in lex.seat_preps
        ]
        ends = (
            {r.j for r in refs if r.kind in ("role", "group", "named") and self._institution(r)}
            if seated
            else set()
        )
        for r in seated:
            # "het ministerie van Binnenlandse Zaken in Kiev": the institution's own name
            # (a genitive and capitalised words) may stand between it and its seat
            k = r.i - 1
            if k not in ends:
                n = k
                while n - 1 >= lo and toks[n - 1].is_capitalised:
                    n -= 1
                if lo <= n - 1 < n < k and toks[n - 1].norm in lex.genitive_preps:
                    k = n - 1
            if k in ends:
                r.seat = True
                # "de regering in Kiev": the government of the seat's country
                seated_ref = next((a for a in refs if a.j == k), None)
                if (
                    seated_ref is not None
                    and seated_ref.actor.country is None
                    and r.mention is not None
                ):
                    seated_ref.actor.country = country_of_place(r.mention)
                    seated_ref.needs_country = seated_ref.actor.country is None
        return refs

    def _side_taken(self, ref: ActorRef, refs: list[ActorRef], hi: int) -> str | None:
        """ "Russische vrijwilligerseenheden die aan Oekraïense zijde vechten", "Russian
        volunteers who fight on Ukraine's side": the side a force fights on is its allegiance,
        whatever its nationality."""
        toks, lex = self.tokens, self.lex
        k = ref.j
        if k < hi and toks[k].text == ",":
            k += 1
        if k < hi and toks[k].norm in lex.relative:
            k += 1
        if not (k < hi and toks[k].norm in lex.side_preps):
            return None
        k += 1
        while k < hi and toks[k].norm in lex.determiners:
            k += 1
        side = next((a for a in refs if a.i == k and a.actor.country), None)
        if side is None:
            return None
        k = side.j
        if k + 1 < hi and toks[k].text in ("'", "’") and toks[k + 1].norm == "s":
            k += 2
        return side.actor.country if k < hi and toks[k].norm in lex.side_nouns else None

    def _institution(self, r: ActorRef) -> bool:
        """The actor phrase names an institution with a seat ("het ministerie van Defensie")."""
        toks, lex = self.tokens, self.lex
        core = tuple(
            t.norm
            for t in toks[r.i : r.j]
            if t.norm not in lex.numbers.units and not t.is_capitalised
        )
        return core in lex.institutions or any(
            norms_of(toks, r.j - n, r.j) in lex.institutions for n in (1, 2, 3, 4) if n <= r.j
        )

    def _modifiers_only(self, a: int, b: int) -> bool:
        """Tokens ``[a, b)`` are lower-case modifiers (no punctuation, no determiner, no
        event word: "Oekraïense beschieting drie burgers" is an attack and its victims)."""
        if b > a and self._matches("trigger", a, b):
            return False
        return all(
            t.is_word
            and not t.is_capitalised
            and t.norm not in self.lex.determiners
            and t.norm not in self.lex.coordinators
            for t in self.tokens[a:b]
        )

    def _genitive_between(self, a: int, b: int) -> bool:
        """ "Russia 's defence ministry", "the rebels ' command": an English genitive (a
        plural's is the apostrophe alone), then at most two modifiers."""
        toks = self.tokens
        if b - a < 1 or toks[a].text not in ("'", "’"):
            return False
        if b - a >= 2 and toks[a + 1].norm == "s":
            return b - (a + 2) <= 2
        plural = a > 0 and toks[a - 1].end == toks[a].start and toks[a - 1].norm.endswith("s")
        return plural and b - (a + 1) <= 2

    def _owns_place(self, j: int, hi: int, place_at: dict[int, PlaceRef]) -> bool:
        """An English genitive at ``j`` whose head is a place ("Russia's Kursk region",
        "Ukraine's eastern cities"): the name before it says where, not who acts."""
        toks = self.tokens
        if j + 2 >= hi or toks[j].text not in ("'", "’") or toks[j + 1].norm != "s":
            return False
        for k in range(j + 2, min(hi, j + 5)):
            if k in place_at or self._place_noun(toks[k].norm) is not None:
                return self._modifiers_only(j + 2, k)
        return False

    # -- clauses ---------------------------------------------------------------------------

    def _clauses(
        self, lo: int, hi: int, cues: list[CueHit], places: list[PlaceRef]
    ) -> tuple[list[Clause], list[int]]:
        lex, toks = self.lex, self.tokens
        say_ends = {c.j for c in cues if c.categories & _SAY_LIKE}
        negation_ends = {c.j for c in cues if "negation" in c.categories}
        say_near: set[int] = set()
        for end in say_ends:
            # Dutch puts the subject after a fronted verb: "meldde gouverneur Hajdaj van
            # Loegansk maandag dat ..."
            say_near.update(range(end, end + _SAY_REACH))
        place_ends = {r.j for r in places}
        clauses = [Clause(0, "main", None, None, lo)]
        clause_of = [0] * (hi - lo)
        current = 0
        segment = lo  # clause_of[segment - lo : k - lo] is ``current`` until the next change
        stack: list[int] = []  # clauses to return to after a comma
        zero = self._zero_relatives(lo, hi, places)
        openers = self._positions(self._openers, lo, hi)
        if zero:
            openers = sorted(set(openers) | zero)
        for k in openers:
            tok = toks[k]
            prev = toks[k - 1] if k > lo else None
            opens: str | None = None
            if k in zero:
                opens = "relative"
            elif (
                tok.norm in lex.relative
                or tok.norm in lex.subordinators
                or tok.norm in lex.complementizers
            ):
                after_comma = prev is not None and prev.text == ","
                # "meldde dat X ... en dat Y": a complement coordinated with the open one
                second_complement = (
                    prev is not None
                    and prev.norm in lex.coordinators
                    and clauses[current].kind == "complement"
                )
                # "Institute for the Study of War": a word inside a name opens nothing
                in_name = (
                    prev is not None
                    and prev.is_capitalised
                    and k + 1 < hi
                    and toks[k + 1].is_capitalised
                )
                if (
                    tok.norm in lex.open_questions
                    and not in_name
                    and (
                        k == lo
                        or (tok.norm not in lex.coordinators and k in say_near)
                        # Dutch "of" is also "or": only right after the verb of saying or
                        # its negation ("zei niet of ..."), not in "wapens of militairen"
                        or k in say_ends
                        or k in negation_ends
                        or (after_comma and k - 1 in say_near)
                    )
                ):
                    # "Of Rusland een aanval voorbereidt, durft niemand te zeggen", "did not say
                    # whether its troops had left": an open question asserts nothing
                    opens = "conditional"
                elif (
                    tok.norm in lex.complementizers
                    and not in_name
                    and (k in say_near or (after_comma and k - 1 in say_near) or second_complement)
                ):
                    opens = "complement"
                elif (
                    tok.norm in lex.relative
                    and (after_comma or k in place_ends or self._noun_before(k, lo, cues))
                    and not self._demonstrative_object(k, lo, hi)
                ):
                    # "die stad" is a determiner, not a relative pronoun
                    nxt = toks[k + 1].norm if k + 1 < hi else ""
                    if not (nxt and self._place_noun(nxt)):
                        opens = "relative"
                elif (
                    tok.norm in lex.subordinators
                    and tok.norm not in lex.coordinators
                    # "When a drone hit X, it had flown ...": at the start of a sentence a
                    # relative word has no antecedent; it opens an adverbial clause
                    and (tok.norm not in lex.relative or k == lo)
                ):
                    ambiguous = tok.norm in lex.ambiguous_subordinators
                    time_phrase = tok.norm in lex.temporal_preps and self._time_follows(k)
                    # "have since entered X": after an auxiliary "since" is an adverb
                    adverb = (
                        prev is not None
                        and prev.norm in lex.auxiliaries
                        and (tok.norm in lex.temporal_preps)
                    )
                    if (after_comma or k == lo or not ambiguous) and not time_phrase and not adverb:
                        opens = "conditional" if tok.norm in lex.conditionals else "subordinate"
                elif (
                    tok.norm in lex.coordinators
                    and after_comma
                    # ", en van de dorpen X en Y": coordinated phrases, not a new clause; but a
                    # time phrase opens one (", and at the start of the month units withdrew")
                    and not (
                        k + 1 < hi
                        and toks[k + 1].norm in lex.prepositions
                        and not self._time_follows(k + 1)
                    )
                ):
                    opens = "main"
            new = current
            if (
                tok.text == ","
                and stack
                and self._closes_at_comma(clauses, current)
                # "since they withdrew from Avdiivka, a fortified town near X,": an apposition
                # to the place just named stays in its clause
                and not (k in place_ends and k + 1 < hi and toks[k + 1].norm in lex.indefinite)
            ):
                new = stack.pop()
            if tok.text in _CLAUSE_PUNCT or (
                tok.text in ("-",)
                and prev is not None
                and prev.end < tok.start
                and k + 1 < hi
                and tok.end < toks[k + 1].start
            ):
                stack.clear()
                clauses.append(Clause(len(clauses), "main", None, None, k + 1))
                new = clauses[-1].id
            elif opens is not None:
                parent: int | None = new
                if opens == "main":
                    parent = 0
                elif (
                    opens == "complement"
                    and clauses[new].kind == "complement"
                    and (prev is not None and prev.norm in lex.coordinators)
                ):
                    parent = clauses[new].parent  # a sister of the open complement
                clause = Clause(len(clauses), opens, tok.norm, parent, k)
                if opens == "relative":
                    clause.antecedent = self._antecedent(k, lo, places)
                clauses.append(clause)
                if opens in _COMMA_CLOSED:
                    stack.append(new)
                elif not (opens == "complement" and clauses[new].kind in _COMMA_CLOSED):
                    # "officials, who had said that the airfield was retaken, said ...": a
                    # complement inside a relative clause ends with it
                    stack.clear()
                new = clause.id
            if new != current:
                clause_of[segment - lo : k - lo] = [current] * (k - segment)
                segment, current = k, new
        clause_of[segment - lo : hi - lo] = [current] * (hi - segment)
        return clauses, clause_of

    def _zero_relatives(self, lo: int, hi: int, places: list[PlaceRef]) -> set[int]:
        """Where a relative clause without a relative word opens: "Sudzha, the largest town
        Ukraine seized last August", "the villages Russian troops have taken" (English leaves
        out "that" before a subject). A place noun, then a name of a side and a territorial
        verb (after its auxiliaries) whose object is the noun; not the noun's own name ("the
        region Kyiv", and so not "the capital Moscow had seized" either)."""
        toks, lex = self.tokens, self.lex
        found: set[int] = set()
        if not lex.zero_relatives:
            return found
        for p in self._positions(self._place_nouns, lo, hi - 2):
            k = p + 1
            if toks[p].is_capitalised or not toks[k].is_capitalised:
                continue
            named = next((r for r in places if r.i <= k < r.j), None)
            if named is not None and not _names_a_state(named):
                continue  # "the region Kyiv": the noun's own name
            actor = next((m for m in self._matches("actor", k, min(hi, k + 4)) if m.i == k), None)
            if actor is None:
                continue
            v = actor.j
            while v < hi and toks[v].norm in lex.auxiliaries:
                v += 1
            if any(
                m.i == v and any(s.territorial and s.kind == "verb" for s in m.payloads)
                for m in self._matches("trigger", v, min(hi, v + 3))
            ):
                found.add(k)
        return found

    @staticmethod
    def _closes_at_comma(clauses: list[Clause], current: int) -> bool:
        """A relative, subordinate or conditional clause ends at a comma, and so does a
        complement opened inside one."""
        clause = clauses[current]
        if clause.kind == "complement" and clause.parent is not None:
            clause = clauses[clause.parent]
        return clause.kind in _COMMA_CLOSED

    def _noun_before(self, k: int, lo: int, cues: list[CueHit]) -> bool:
        """ "het land die maandenlang ...": a relative pronoun after a noun.

        Without part-of-speech tags, a lower-case word that is no preposition, determiner,
        conjunction, cue verb or auxiliary is taken for the noun the clause qualifies.
        """
        if k - 1 < lo:
            return False
        prev = self.tokens[k - 1]
        lex = self.lex
        if not prev.is_word or prev.norm[:1].isdigit():
            return False
        if (
            prev.norm in lex.prepositions
            or prev.norm in lex.determiners
            or prev.norm in lex.coordinators
            or prev.norm in lex.subordinators
            or prev.norm in lex.relative
        ):
            return False
        if any(c.i <= k - 1 < c.j for c in cues):
            return False
        return prev.norm not in lex.auxiliaries

    def _time_follows(self, k: int) -> bool:
        """ "sinds april", "na de oorlog": a time phrase, not a clause."""
        return k in self._time_starts or k + 1 in self._time_starts

    def _antecedent(self, k: int, lo: int, places: list[PlaceRef]) -> PlaceRef | None:
        """The place a relative pronoun at token ``k`` refers back to.

        After a comma (", which", ", dat") the clause adds to the noun phrase just before it,
        landmark or not ("north of Horlivka, which ... have held"); without one ("the town
        north-east of Bakhmut that Russia captured") it restricts the head, not the landmark.
        """
        if k - 1 >= lo and self.tokens[k - 1].text == ",":
            before = [r for r in places if r.j <= k - 1 and k - 1 - r.j <= 3]
            if before:
                return self._apposition_head(before[-1], places, lo) or before[-1]
        elif (
            k - 1 >= lo
            and self.tokens[k].norm in self.lex.plain_relatives
            and self.tokens[k - 1].is_word
            and not self.tokens[k - 1].is_capitalised
            and self._place_noun(self.tokens[k - 1].norm) is None
            and not any(r.i <= k - 1 < r.j for r in places)
        ):
            return None  # "a counteroffensive that ...": the noun right before is the head
        # The nearest non-locator place before the pronoun, else the nearest place.
        candidates = [r for r in places if r.j <= k and k - r.j <= 14]
        for r in reversed(candidates):
            if not r.locator and not r.secondary:
                return self._apposition_head(r, places, lo) or r
        return candidates[-1] if candidates else None

    def _apposition_head(
        self, region: PlaceRef, places: list[PlaceRef], lo: int
    ) -> PlaceRef | None:
        """The named place an apposition describes, when ``region`` is only where the apposition
        locates it: "Kupiansk, a rail hub in the Kharkiv region that Ukraine recaptured", "Popasna,
        een stadje in de regio Loegansk waar ...": the relative clause is about Kupiansk and
        Popasna, the regions locate them."""
        if region.mention is None or region.prep is None:
            return None
        toks = self.tokens
        # an apposition is a short noun phrase: its comma stands a few words before the region
        start = max(lo, region.i - _APPOSITION_REACH)
        comma = next((n for n in range(region.i - 1, start - 1, -1) if toks[n].text == ","), None)
        if comma is None or comma + 1 >= region.i:
            return None
        if toks[comma + 1].norm not in self.lex.determiners:
            return None  # not a noun phrase in apposition
        # right before the comma, or before a verb that closes its clause ("hebben Popasna
        # heroverd, een stadje in de regio Loegansk waar ...")
        named = next(
            (r for r in reversed(places) if r.mention is not None and 0 <= comma - r.j <= 2),
            None,
        )
        if named is None or place_level(region.mention) >= place_level(named.mention):
            return None
        return named

    # -- triggers --------------------------------------------------------------------------

    def _triggers(
        self, lo: int, hi: int, clause_of: list[int], clauses: list[Clause]
    ) -> list[TriggerHit]:
        hits: list[TriggerHit] = []
        toks = self.tokens
        for m in self._matches("trigger", lo, hi):
            spec = self._choose_spec(m.payloads, m.i, lo)
            if spec is None or self._attributive(m.i, m.j, lo, hi, spec):
                continue
            if (
                m.i > lo
                and toks[m.i].is_capitalised
                and toks[m.i - 1].is_capitalised
                and toks[m.i - 1].is_word
            ):
                continue  # "the 80th Air Assault Brigade", "Operation Spiderweb Strike": a name
            hits.append(TriggerHit(m.i, m.j, spec))
        taken = {k for h in hits for k in range(h.i, h.j)}
        for m in self._matches("separable", lo, hi):
            # a one-word trigger gives way to the separable verb its particle completes:
            # "pushed Russian forces back from X" is no "pushed" (advance)
            single = next((h for h in hits if h.i == m.i and h.j == h.i + 1), None)
            if m.i in taken and single is None:
                continue
            for spec in m.payloads:
                particle = self._particle(m.j, hi, spec, clause_of, lo)
                if particle is not None:
                    if single is not None:
                        hits.remove(single)
                    if spec.type != "none":  # "troffen ... aan" (found) blocks "troffen"
                        hits.append(TriggerHit(m.i, m.j, spec, particle))
                    break
        hits.sort(key=_I)
        return hits

    def _choose_spec(
        self, payloads: tuple[TriggerSpec, ...], i: int, lo: int
    ) -> TriggerSpec | None:
        if len(payloads) == 1:
            return payloads[0]
        prev = self.tokens[i - 1].norm if i > lo else ""
        nominal = prev in self.lex.determiners or prev in self.lex.possessives or prev == "s"
        for spec in payloads:
            if (spec.kind == "noun") == nominal:
                return spec
        return payloads[0]

    def _attributive(self, i: int, j: int, lo: int, hi: int, spec: TriggerSpec) -> bool:
        """ "het bezette Donetsk", "the occupied city", "Russian-held", "the annexed Crimean
        peninsula": a modifier, not an event."""
        if j - i != 1:
            return False
        toks, lex = self.tokens, self.lex
        word = toks[i].norm
        if spec.kind != "verb" and not (
            spec.type == "political" and word.endswith(lex.participle_endings)
        ):
            return False
        prev = toks[i - 1] if i > lo else None
        nxt = toks[j] if j < hi else None
        if (
            nxt is None
            or not nxt.is_word
            or nxt.norm in lex.agent_preps
            or nxt.norm in lex.place_preps
        ):
            return False
        if nxt.norm in lex.determiners or nxt.norm in lex.coordinators:
            return False
        if prev is None or prev.norm in lex.infinitive_markers:
            return False  # "to take Chasiv Yar", "te veroveren": an infinitive
        if prev.text == "-" or prev.norm in lex.determiners or prev.norm in lex.place_preps:
            # "een neergeschoten helikopter": a strong participle stands uninflected, after an
            # article (not after a relative "die", "dat": "de stad die beschoten werd")
            article = (prev.norm in lex.definite or prev.norm in lex.indefinite) and (
                prev.norm not in lex.relative
            )
            return word.endswith(lex.attributive_ending) or (
                article and word.endswith(lex.uninflected_attributive_endings)
            )
        # "de door Rusland bezette oostelijke oever"
        window = [t.norm for t in toks[max(lo, i - 5) : i]]
        agent = next((d for d, w in enumerate(window) if w in lex.agent_preps), None)
        if agent is not None and word.endswith(lex.attributive_ending):
            return agent > 0 and window[agent - 1] in lex.determiners
        return False

    def _particle(
        self, j: int, hi: int, spec: TriggerSpec, clause_of: list[int], lo: int
    ) -> int | None:
        """Where a separable verb's particle closes its clause, if it does."""
        toks, lex = self.tokens, self.lex
        clause = clause_of[j - 1 - lo] if j - 1 >= lo else 0
        for k in range(j, min(hi, j + 14)):
            if (
                clause_of[k - lo] != clause
                and toks[k].text != ","
                and (toks[k].norm not in lex.relative)
            ):
                break
            if toks[k].norm == spec.particle:
                after = toks[k + 1] if k + 1 < hi else None
                if (
                    after is None
                    or not after.is_word
                    or after.norm in spec.particle_next
                    or after.norm in lex.coordinators
                    or after.norm in lex.subordinators
                    or after.norm in lex.relative
                    or (
                        after.norm in lex.prepositions
                        and after.norm not in spec.particle_next
                        and not spec.particle_next
                    )
                ):
                    return k
        return None


_ENTRY_ORDER: Final = {"named": 0, "country": 1, "metonym": 2, "role": 3, "demonym": 4}
# payload tuples live in the lexicon's trie, so the same tuple comes back: remember its choice
_BEST_ENTRY: Final[dict[int, tuple[tuple[ActorEntry, ...], ActorEntry]]] = {}


def _best_entry(payloads: tuple[ActorEntry, ...]) -> ActorEntry:
    known = _BEST_ENTRY.get(id(payloads))
    if known is not None and known[0] is payloads:
        return known[1]
    best = min(payloads, key=lambda e: _ENTRY_ORDER.get(e.kind, 9))
    if len(_BEST_ENTRY) < 100_000:
        _BEST_ENTRY[id(payloads)] = (payloads, best)
    return best
