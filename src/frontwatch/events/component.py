"""The ``events`` pipeline component: sentences, places and times in, ``doc.events`` out.

It reads each non-boilerplate sentence (bylines, captions and "Lees ook" links never yield
events; headings may), extracts event candidates, lets the document context fill what one
sentence leaves implicit, merges the mentions of one event, and writes :class:`Event` records
with ids ``<doc_id>:<ordinal>`` in text order.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import Any, Final

from frontwatch.bisection import first_at_least
from frontwatch.events.analysis import SentenceAnalysis, SentenceReader, TriggerHit
from frontwatch.events.context import DocState
from frontwatch.events.extract import Attribution, Candidate, SentenceExtractor, copy_candidate
from frontwatch.events.lexicon import (
    TERRITORIAL,
    VIOLENT,
    Lexicon,
    TriggerSpec,
    has_lexicon,
    list_fillers,
    load_lexicon,
)
from frontwatch.events.merge import (
    drop_attack_rementions,
    infer_actors,
    infer_attackers,
    merge_duplicates,
    merge_headings,
    merge_remention,
    other_side,
    resolve_denials,
)
from frontwatch.events.tokens import norms_of, phrase_tokens, tokenize
from frontwatch.records import Actor, Document, Event, Evidence, PlaceMention, Span, TimeMention

log = logging.getLogger(__name__)

_GRANULARITY: Final = {"day": "day", "month": "month", "year": "year"}
# How far (in sentences of the same paragraph) casualty figures may follow their attack.
_CASUALTY_REACH: Final = 3
# how many place-less sentences may separate "drie dorpen" from the sentence naming them
_CATAPHORA_REACH: Final = 1
# How many sentences of its paragraph an attribution pointing back ("Dat melden de
# autoriteiten.") covers.
_ATTRIBUTION_REACH: Final = 3


def document_time(doc: Document) -> TimeMention:
    """The event time when the text gives none: the publication date, ``anchor: document``."""
    earliest, latest = doc.date_interval
    return TimeMention(
        start=0,
        end=0,
        surface=doc.date,
        value=doc.date,
        earliest=earliest.isoformat(),
        latest=latest.isoformat(),
        granularity=_GRANULARITY[doc.date_precision],  # type: ignore[arg-type]
        anchor="document",
    )


class EventExtractor:
    """Pipeline component adding :class:`Event` records to a document.

    ``sides`` names the two warring parties (ISO 3166-1 alpha-3): a territorial event by one has
    the other as its target, and an implicit capture is inferred from the other side's
    withdrawal. ``min_confidence`` drops weaker events. ``conflict_start`` (ISO date) leaves out
    events wholly before the conflict began: "the allies took Sevastopol in September 1855" is
    history, not part of this record.
    """

    def __init__(
        self,
        sides: Sequence[str] = ("RUS", "UKR"),
        min_confidence: float = 0.0,
        conflict_start: str | None = None,
    ) -> None:
        if len(sides) != 2:
            raise ValueError("sides must name exactly two parties")
        self.sides: tuple[str, str] = (str(sides[0]), str(sides[1]))
        self.min_confidence = float(min_confidence)
        self.conflict_start = (
            date.fromisoformat(conflict_start).isoformat() if conflict_start else None
        )
        self._rejections: list[tuple[int, TriggerHit, str]] | None = None

    def __call__(self, doc: Document) -> Document:
        doc.events = self.extract(doc)
        return doc

    # -- the document loop -----------------------------------------------------------------

    def extract(self, doc: Document) -> list[Event]:
        candidates, _ = self.analyse(doc)
        return self._events(doc, candidates)

    def rejected_triggers(self, doc: Document) -> list[tuple[int, int, int, str, str]]:
        """Why trigger words of ``doc`` gave no event: ``(sentence start, trigger start, trigger
        end, rule, reason)`` for each trigger a filter turned down (for ``frontwatch explain``).
        """
        self._rejections = []
        try:
            self.analyse(doc)
            found = self._rejections
        finally:
            self._rejections = None
        if not found:
            return []
        tokens = tokenize(doc.text)
        return [
            (start, tokens[hit.i].start, tokens[hit.j - 1].end, hit.spec.rule, reason)
            for start, hit, reason in found
        ]

    def analyse(self, doc: Document) -> tuple[list[Candidate], list[SentenceAnalysis]]:
        """The merged candidates of ``doc`` and the analysed sentences they come from."""
        if not has_lexicon(doc.lang) or not doc.sentences:
            return [], []
        lex = load_lexicon(doc.lang)  # type: ignore[arg-type]
        tokens = tokenize(doc.text)
        reader = SentenceReader(lex, tokens)
        if not reader.has_triggers():
            return [], []  # a match report, a cruise ship: no trigger word, no event to find
        extractor = SentenceExtractor(lex, self.sides, doc.date_interval[1])
        extractor.rejections = self._rejections
        state = DocState(
            coordinators=lex.coordinators,
            demonstratives=lex.demonstratives,
            inclusion_markers=lex.inclusion_markers,
            weapons=lex.strike_modifiers,
            theatre=frozenset(self.sides),
            list_fillers=list_fillers(lex),
            minor_settlement_nouns=lex.minor_settlement_nouns,
            prepositions=lex.prepositions,
            agent_preps=lex.agent_preps,
            genitive_preps=lex.genitive_preps,
        )
        places = _Sorted(sorted(doc.places, key=lambda p: p.start))
        times = _Sorted(sorted(doc.times, key=lambda t: t.start))
        analysed: list[SentenceAnalysis] = []
        candidates: list[Candidate] = []
        pending: list[Candidate] = []
        pending_wait = 0
        paragraph = 0
        since_events = since_violent = _CASUALTY_REACH + 1
        previous: Span | None = None
        for span in doc.sentences:
            if previous is not None and "\n\n" in doc.text[previous.end : span.start]:
                paragraph += 1
            previous = span
            if span.is_boilerplate:
                continue
            # Sentences that cannot hold a trigger are read lightly (places and actors, for the
            # memory), unless they may attribute or count for the events just before them.
            full = reader.may_have_triggers(span) or (
                (since_events == 0 or since_violent <= _CASUALTY_REACH)
                and reader.may_attribute_or_count(span)
            )
            sa = reader.read(
                span,
                places.within(span),
                times.within(span),
                state.persons,
                full=full,
            )
            sa.paragraph = paragraph
            sa.index = len(analysed)
            state.resolve_actors(sa, extractor.according_sources(sa))
            state.resolve_places(sa)
            if pending and span.kind != "heading":
                extra = _resolve_cataphora(pending, sa)
                if extra is not None:
                    candidates.extend(extra)
                    pending = []
                else:
                    # "zeven dorpen heroverd. Dat zegt X. Het gaat om A, B en C": a sentence
                    # naming no place (the attribution) leaves the villages still to be named
                    pending_wait += 1
                    if pending_wait > _CATAPHORA_REACH:
                        pending = []
            found = extractor.extract(sa)
            if not found and analysed and span.kind != "heading":
                found = _continued(sa, analysed[-1], candidates, lex)
            if analysed and not found:
                _attribute_back(sa, _told_before(analysed, sa), candidates, extractor)
            found.extend(_blame(sa, found, candidates, analysed, lex))
            for c in found:
                if c.pending_place and c.place is None:
                    pending.append(c)
                    pending_wait = 0
            candidates.extend(found)
            since_events = 0 if found else since_events + 1
            since_violent = 0 if any(c.type in VIOLENT for c in found) else since_violent + 1
            analysed.append(sa)
            state.remember_places(sa)
            state.remember_actors(sa)
        for c in candidates:
            if c.place is None and c.type not in TERRITORIAL:
                c.place = _region_of_unnamed(c)
        # a move, or an attack on "a village" no later sentence names and no region locates,
        # has no place to record
        candidates = [
            c
            for c in candidates
            if not (
                (c.type in TERRITORIAL or (c.type in VIOLENT and c.pending_place))
                and c.place is None
                and not c.remention
                and not c.denial_of_previous
            )
        ]
        _pointing_times(doc, candidates)
        _rest_of_today(doc, candidates, lex.rest_of_today)
        candidates = resolve_denials(candidates, self.sides)
        infer_actors(candidates, self.sides, doc.date_interval[0].isoformat())
        infer_attackers(
            candidates,
            self.sides,
            (doc.date_interval[0].isoformat(), doc.date_interval[1].isoformat()),
        )
        candidates = drop_attack_rementions(candidates)
        candidates = merge_remention(candidates)
        candidates = merge_headings(candidates)
        candidates = merge_duplicates(candidates)
        _casualties_nearby(candidates, analysed)
        return candidates, analysed

    def _events(self, doc: Document, candidates: list[Candidate]) -> list[Event]:
        doc_time = document_time(doc)
        events: list[Event] = []
        for c in sorted(candidates, key=lambda c: c.evidence[0] if c.evidence else (0, 0)):
            if c.type in TERRITORIAL and c.place is None:
                continue
            confidence = _confidence(c)
            if confidence < self.min_confidence:
                continue
            if (
                self.conflict_start is not None
                and c.time is not None
                and c.time.latest < self.conflict_start
            ):
                continue  # history before the conflict
            actor = c.actor or Actor(None, "unknown")
            target = c.target
            if target is None and c.type in VIOLENT | {"territory.capture"}:
                target = other_side(actor, self.sides)
                if target is not None:
                    target = Actor(target.country, "unknown")
            events.append(
                Event(
                    event_id=f"{doc.doc_id}:{len(events) + 1}",
                    type=c.type,
                    actor=actor,
                    target=target,
                    place=_copy_place(c.place),
                    time=c.time or doc_time,
                    fatalities=c.fatalities,
                    injured=c.injured,
                    amount=c.amount,
                    claimant=c.claimant,
                    status=c.status,  # type: ignore[arg-type]
                    modality=c.modality,  # type: ignore[arg-type]
                    evidence=[Evidence(s, e, doc.text[s:e]) for s, e in c.evidence],
                    confidence=confidence,
                    rule=_rule(c),
                )
            )
        return events


class _Sorted:
    """Mentions sorted by start, handed out sentence by sentence."""

    def __init__(self, items: list[PlaceMention] | list[TimeMention]) -> None:
        self.items: list[Any] = list(items)
        # typed: compiled, the comparisons below are then of native ints
        self.starts: list[int] = [x.start for x in self.items]
        self.ends: list[int] = [x.end for x in self.items]
        self._next = 0  # where the mentions of the sentences still to come start

    def within(self, span: Span) -> list[Any]:
        """The mentions inside ``span``; the spans asked for come in the order of the text,
        so the search goes on from where the last one ended (else it starts over)."""
        starts, ends = self.starts, self.ends
        lo = self._next
        if lo > 0 and starts[lo - 1] >= span.start:
            lo = 0
        n = len(starts)
        while lo < n and starts[lo] < span.start:
            lo += 1
        hi = lo
        while hi < n and starts[hi] < span.end:
            hi += 1
        self._next = hi
        return [self.items[k] for k in range(lo, hi) if ends[k] <= span.end]


def _region_of_unnamed(c: Candidate) -> PlaceMention | None:
    """ "attacking a village in the Bryansk region", the village never named: the attack took
    place in that region. (Not for a move: the region is not what was taken.)"""
    ref = c.place_ref
    if ref is None or not ref.indefinite or ref.resolved:
        return None
    return next(
        (
            r.mention
            for r in c.sentence.places
            if r.mention is not None and 0 <= r.i - ref.j <= 2 and r.prep is not None
        ),
        None,
    )


def _resolve_cataphora(pending: list[Candidate], sa: SentenceAnalysis) -> list[Candidate] | None:
    """ "een dorp in de regio Loegansk ... Volgens de gouverneur ... Bilohorivka": the village.

    "three villages in the Donetsk region" followed by a sentence naming them gives one event
    per village named (the count says how many), landmarks ("west of X") included only when
    the other names fall short of the count. Returns the extra candidates made, or None
    when the sentence names no place at all (the pending events may still be resolved by a
    later sentence).
    """
    from frontwatch.events.analysis import is_country_level

    pool = [
        r
        for r in sa.places
        if r.mention is not None
        and not r.secondary
        and not is_country_level(r.mention)
        and (r.mention.feature or "").upper() not in ("ADM1", "ADM2", "RGN")
        # "Kyiv denied the accusation": a capital standing for its government names no village
        and not any(a.kind == "metonym" and a.i <= r.i < a.j for a in sa.actors)
    ]
    named = [r.mention for r in pool if not r.locator]
    if not named:
        return [] if sa.places else None
    extra: list[Candidate] = []
    for c in pending:
        count = c.place_ref.count if c.place_ref is not None else None
        places = named[:1]
        if count is not None:
            places = named[:count] if len(named) >= count else [r.mention for r in pool][:count]
        span = (sa.span.start, sa.span.end)
        for n, place in enumerate(places):
            target = c if n == 0 else copy_candidate(c)
            target.place = place
            if span not in target.evidence:
                target.evidence.append(span)
            if n:
                extra.append(target)
    return extra


def _continued(
    sa: SentenceAnalysis, prev: SentenceAnalysis, candidates: list[Candidate], lex: Lexicon
) -> list[Candidate]:
    """ "Gisteren meldde Moskou de inname van A en B. Vandaag volgden C en D.": a verb of
    following with places but no trigger of its own repeats the previous sentence's
    territorial event, once per settlement it names, dated by its own time if it has one."""
    toks = sa.tokens
    if lex.continuation_verbs.isdisjoint([t.norm for t in toks[sa.lo : sa.hi]]):
        return []
    if sa.paragraph != prev.paragraph:
        return []
    last = next(
        (c for c in reversed(candidates) if c.sentence is prev and c.type in TERRITORIAL), None
    )
    if last is None:
        return []
    refs = [
        r
        for r in sa.places
        if r.mention is not None and not r.locator and not r.secondary and r.level >= 4
    ]
    dating = [t for _, _, t in sa.time_tokens if t.dating]
    out: list[Candidate] = []
    for r in refs:
        c = copy_candidate(last)
        c.sentence = sa
        c.place, c.place_ref = r.mention, r
        c.pending_place = False
        c.remention = False
        c.heading = False
        c.time = dating[0] if dating else None
        c.evidence = [(sa.span.start, sa.span.end)]
        c.rule = last.rule + "+continued"
        out.append(c)
    return out


def _told_before(analysed: list[SentenceAnalysis], sa: SentenceAnalysis) -> list[SentenceAnalysis]:
    """The sentences an attribution pointing back ("Dat melden de autoriteiten.") may cover:
    the ones before it in its paragraph, at most ``_ATTRIBUTION_REACH`` of them; an
    attribution opening a paragraph of its own covers the one sentence before it."""
    told: list[SentenceAnalysis] = []
    for prev in reversed(analysed):
        if prev.paragraph != sa.paragraph or len(told) == _ATTRIBUTION_REACH:
            break
        told.append(prev)
    return told or analysed[-1:]


def _attribute_back(
    sa: SentenceAnalysis,
    told: list[SentenceAnalysis],
    candidates: list[Candidate],
    extractor: SentenceExtractor,
) -> None:
    """ "Dat heeft het Oekraïense leger bekendgemaakt.": the source of what the sentences just
    before it told (in its paragraph; see _told_before)."""
    if not sa.cues:
        return
    toks = sa.tokens
    first = toks[sa.lo].norm if sa.lo < sa.hi else ""
    attributions = extractor._attributions(sa)
    says = [
        a for a in attributions if a.kind in ("say", "according_to", "confirm") and not a.negated
    ]
    if not says:
        return
    a = says[0]
    lex = extractor.lex
    time_starts = {i for i, _, _ in sa.time_tokens}

    def object_pronoun(k: int) -> bool:
        """ "maakte dat zondag bekend", "said this.": the pronoun is the object; in "said that
        Russia ...", "said it would" it opens or is the subject of a reported clause."""
        if toks[k].norm not in lex.clause_pronouns or k in time_starts:
            return False  # "published this month": a time, not the object
        nxt = toks[k + 1] if k + 1 < sa.hi else None
        return (
            nxt is None
            or not nxt.is_word
            or not (
                nxt.is_capitalised
                or nxt.norm in lex.determiners
                or nxt.norm in lex.indefinite
                or nxt.norm in lex.quantifiers  # "found that most Ukrainians ..."
                or nxt.norm[:1].isdigit()
                or nxt.norm in lex.pronouns
                or nxt.norm in lex.possessives
                or nxt.norm in lex.prepositions  # "zegt dat in het depot ... lagen"
            )
        )

    demonstrative = (
        first in lex.clause_pronouns
        or first in lex.proform_adverbs
        or any(object_pronoun(k) for k in range(a.cue.j, min(sa.hi, a.cue.j + 2)))
    )
    if not demonstrative:
        return
    time = extractor._attach_time(sa, sa.triggers[0] if sa.triggers else _fake_hit(a), 0, [0])
    told_ids = {id(prev) for prev in told}
    for c in candidates:
        if id(c.sentence) not in told_ids:
            continue
        src = a.source.actor if a.source is not None else Actor(None, "unknown")
        own_act = (
            c.type in ("aid", "diplomacy", "political")
            and c.actor is not None
            and src.country is not None
            and c.actor.country == src.country
        )  # "Dat maakten premier Rutte en ... bekend": a donor announcing its own pledge
        if c.claimant is None and not own_act:
            c.claimant = Actor(src.country, src.role, src.name)
            c.status = "confirmed" if a.kind == "confirm" else "claimed"
            if (
                c.type == "territory.withdrawal"
                and c.actor is not None
                and c.actor.country == c.claimant.country
                and a.kind == "say"
            ):
                c.status = "confirmed"
        if c.time is None and time is not None:
            c.time = time
        if (sa.span.start, sa.span.end) not in c.evidence:
            c.evidence.append((sa.span.start, sa.span.end))


def _pointing_times(doc: Document, candidates: list[Candidate]) -> None:
    """ "Het werd toen ingenomen", "destijds": the time the pointing word refers back to."""
    missing = [c for c in candidates if c.time is None]
    if not missing or not doc.times or not doc.lang:
        return
    try:
        from frontwatch.times.component import anaphoric_mentions
    except ImportError:  # the times package is optional for this component
        return
    # one pass over the document for every pointing word, not one per candidate
    mentions = anaphoric_mentions(doc.text, doc.lang, doc.times)
    if not mentions:
        return
    starts = [m.start for m in mentions]
    for c in missing:
        span = c.sentence.span
        k = first_at_least(starts, span.start)
        if k < len(mentions) and mentions[k].start < span.end:
            c.time = mentions[k]


def _rest_of_today(
    doc: Document, candidates: list[Candidate], words: frozenset[tuple[str, ...]]
) -> None:
    """ "De Veiligheidsraad komt vanavond bijeen": dated by the rest of the report's day, an
    event in a clause that is not in the past is still to come ("zei vanavond" is a fact)."""
    timed = [
        c
        for c in candidates
        if c.time is not None
        and c.modality == "asserted"
        and phrase_tokens(c.time.surface) in words
        and c.sentence.span.start <= c.time.start < c.sentence.span.end
    ]
    if not timed:
        return
    try:
        from frontwatch.times.component import clause_tense
    except ImportError:  # the times package is optional for this component
        return
    for c in timed:
        t = c.time
        if t is None:  # for the type checker: the list holds timed candidates only
            continue
        s = c.sentence.span.start
        tense = clause_tense(
            doc.text[s : c.sentence.span.end], doc.lang or "", t.start - s, t.end - s
        )
        if tense in ("present", "future"):
            c.modality = "planned"


def _blame(
    sa: SentenceAnalysis,
    found: list[Candidate],
    candidates: list[Candidate],
    analysed: list[SentenceAnalysis],
    lex: Lexicon,
) -> list[Candidate]:
    """ "Oekraïne geeft Rusland de schuld", "Moscow blamed Ukraine": who is said to have attacked.

    An attack told inside the accusation ("accused Ukraine of shelling Klimovo", "beschuldigt
    Oekraïne van een aanslag") is the accused party's, claimed by the accuser; "accuse each
    other of" gives each party's version. Otherwise the blamer becomes the source of the last
    attack told (this or the two sentences before); an attack already ascribed to someone else
    gets a second version, the blamer's. ``found`` holds this sentence's candidates.
    """
    blames = sa.cues_of("blame")
    if not blames:
        return []
    recent = {id(a) for a in analysed[-2:]} | {id(sa)}
    out: list[Candidate] = []
    toks = sa.tokens
    for cue in blames:
        speakers = [
            a for a in sa.actors if a.j <= cue.i and a.actor.country and a.kind != "adjective"
        ]
        speaker = speakers[-1] if speakers else None
        if speaker is None:
            continue
        after = norms_of(toks, cue.j, min(sa.hi, cue.j + 2))
        if after[:1] in lex.reciprocals or after in lex.reciprocals:
            # "Russia and Ukraine accuse each other of shelling the plant"
            parties: list[Actor] = []
            for a in reversed(speakers):
                if all(p.country != a.actor.country for p in parties):
                    parties.append(a.actor)
            inner = _accused_attacks(found, cue.j, rementions=True)
            if len(parties) < 2 or not inner:
                continue
            for accused in inner:
                version = copy_candidate(accused)
                _ascribe(accused, parties[0], parties[1])
                _ascribe(version, parties[1], parties[0])
                version.rule = accused.rule + "+blame"
                out.append(version)
            continue
        blamed = next((a for a in sa.actors if cue.j <= a.i <= cue.j + 4 and a.actor.country), None)
        if blamed is None or speaker.actor.country == blamed.actor.country:
            continue
        inner = _accused_attacks(found, blamed.j, rementions=False)
        told = [
            c
            for c in reversed(candidates + found)
            if c.type in VIOLENT and id(c.sentence) in recent and c.trigger.i < cue.i
        ]
        # the last attack told, a new one rather than a mention ("the most serious attack")
        attack = next((c for c in told if not c.remention), told[0] if told else None)
        if not inner and attack is None:
            # "blamed Ukraine for the attack" with no attack told before: this one
            inner = _accused_attacks(found, blamed.j, rementions=True)
        if inner:
            for accused in inner:
                _ascribe(accused, blamed.actor, speaker.actor)
            continue
        if attack is None:
            continue
        claimant = Actor(speaker.actor.country, speaker.actor.role, speaker.actor.name)
        if attack.actor is None or attack.actor.country is None:
            attack.actor = Actor(blamed.actor.country, "military")
            attack.actor_source = "blame"
            if attack.claimant is None:
                attack.claimant, attack.status = claimant, "claimed"
            if (sa.span.start, sa.span.end) not in attack.evidence:
                attack.evidence.append((sa.span.start, sa.span.end))
        elif attack.actor.country != blamed.actor.country:
            version = copy_candidate(attack)
            version.sentence = sa
            version.actor = Actor(blamed.actor.country, "military")
            version.actor_source = "blame"
            version.claimant, version.status = claimant, "claimed"
            version.evidence = [(sa.span.start, sa.span.end)]
            version.rule = attack.rule + "+blame"
            out.append(version)
    return out


def _accused_attacks(found: list[Candidate], start: int, *, rementions: bool) -> list[Candidate]:
    """The attacks of this sentence told from ``start`` on (after the accused). Without
    ``rementions``, only new ones: "blamed Ukraine for the attack" names an attack already
    told, whose version the caller makes."""
    return [
        c
        for c in found
        if c.type in VIOLENT and c.trigger.i >= start and (rementions or not c.remention)
    ]


def _ascribe(attack: Candidate, accused: Actor, accuser: Actor) -> None:
    """The attack is the accused party's, by the accuser's account."""
    attack.actor, attack.actor_source = Actor(accused.country, "military"), "blame"
    attack.claimant = Actor(accuser.country, accuser.role, accuser.name)
    attack.status = "claimed"
    if attack.target is not None and attack.target.country == accused.country:
        attack.target = None


def _fake_hit(a: Attribution) -> TriggerHit:
    """The attribution cue as a stand-in trigger, to date a sentence without one."""
    return TriggerHit(a.cue.i, a.cue.j, TriggerSpec(type="?", rule="attribution"))


def _casualties_nearby(candidates: list[Candidate], analysed: list[SentenceAnalysis]) -> None:
    """Counts told in the sentences after an attack ("Zes mensen raakten gewond.") are its own."""
    index = {id(sa): k for k, sa in enumerate(analysed)}
    # a sentence with an attack of its own counts for that attack
    violent = {id(c.sentence) for c in candidates if c.type in VIOLENT}
    for c in candidates:
        if c.type not in VIOLENT:
            continue
        k = index.get(id(c.sentence))
        if k is None:
            continue
        for sa in analysed[k + 1 : k + 1 + _CASUALTY_REACH]:
            if sa.paragraph != c.sentence.paragraph:
                break
            if id(sa) in violent or any(
                t.spec.type in VIOLENT for t in sa.triggers if t.spec.kind != "noun"
            ):
                break
            killed = [x.value for x in sa.casualties if x.kind == "killed" and x.value is not None]
            injured = [
                x.value for x in sa.casualties if x.kind == "injured" and x.value is not None
            ]
            if c.fatalities is None and killed:
                c.fatalities = max(killed)
            if c.injured is None and injured:
                c.injured = max(injured)


def _copy_place(place: PlaceMention | None) -> PlaceMention | None:
    """An event's own copy of its place (all fields are immutable values: a shallow copy).

    Built field by field: ``copy.copy`` goes through the pickling protocol, interpreted."""
    if place is None:
        return None
    return PlaceMention(
        place.start,
        place.end,
        place.surface,
        place.geonameid,
        place.name,
        place.feature,
        place.admin1,
        place.country,
        place.lat,
        place.lon,
        place.confidence,
    )


def _confidence(c: Candidate) -> float:
    score = 0.75 if c.trigger.spec.strength == "strong" else 0.6
    if c.actor_source in ("agent", "slot", "modifier", "subject", "of"):
        score += 0.1
    elif c.actor is None or c.actor.country is None:
        score -= 0.15
    if c.place_ref is not None and c.place_ref.mention is None:
        score -= 0.1
    if c.status in ("unconfirmed",) or c.modality == "possible":
        score -= 0.1
    return round(max(0.05, min(0.95, score)), 2)


def _rule(c: Candidate) -> str:
    place_source = "none"
    if c.place_ref is not None:
        if c.place_ref.mention is not None:
            place_source = "named"
        elif c.place_ref.listed:
            place_source = "listed"
        elif c.place_ref.indefinite:
            place_source = "next-sentence"
        else:
            place_source = "coreference"
    return f"{c.rule}/actor:{c.actor_source}/place:{place_source}"
