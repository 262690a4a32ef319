"""From one analysed sentence to event candidates.

For every trigger the extractor decides, like a reader would:

- whether it reports an event at all: a demanded withdrawal, a condition ("als Oekraïne zich
  terugtrekt"), an indirect question ("welk deel is ingenomen"), a phrase that "captured the
  hearts" of viewers or a football "strijd" with no place and no warring party are not events;
- its arguments: the actor (a passive's ``door``/``by`` agent, the owner of "in Russische
  handen", the subject, a nominalisation's adjective), the place (the most specific place the
  clause governs, coordinated places giving one event each, anaphors resolved by the document
  context), the time (the time expression of the clause, else of the clause it is embedded in);
- who says so (the source of "volgens", of a verb of saying, of a denial or a confirmation) and
  so its status, and its modality (negated, planned, possible).

Every candidate records the rule that produced it, for ``frontwatch explain``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Final

from frontwatch.events.analysis import (
    _SAY_OBJECT_REACH,
    ActorRef,
    Clause,
    CueHit,
    PlaceRef,
    SentenceAnalysis,
    TriggerHit,
    is_country_level,
    place_level,
    state_in_genitive,
)
from frontwatch.events.countries import country_of_place
from frontwatch.events.lexicon import TERRITORIAL, VIOLENT, Lexicon, TriggerSpec
from frontwatch.events.tokens import Token, norms_of, phrase_tokens
from frontwatch.places.gazetteer import WATER_FEATURES
from frontwatch.records import Actor, Amount, PlaceMention, TimeMention

# GeoNames feature codes of what is struck from afar rather than fought over: bridges, dams,
# power stations (an attack on one is a strike).
_STRUCK_FEATURES: Final = frozenset({"BDG", "DAM", "PS", "PSN", "PSH"})

# Roles that fight: a weak territorial trigger ("verlieten", "reached") needs one of them.
ARMED_ROLES: Final = frozenset({"military", "proxy"})
# How far before an agent its preposition may stand ("by an estimated 11,000 soldiers").
_AGENT_PREP_REACH: Final = 5
# How far before "in handen te krijgen" its verb of trying may stand.
_TRIED_STATE_REACH: Final = 16
# How far before a verb of hitting its weapon subject may stand ("rockets fired from X hit").
_WEAPON_SUBJECT_REACH: Final = 8
# How far (in words) around a verb of recognising its object may stand, and its "that" clause.
_OBJECT_REACH: Final = 6
# How many words may stand between the copula and the event noun it predicates ("het was de
# dodelijkste aanval").
_PREDICATE_REACH: Final = 5
# A relative clause dated to more than this many days before the report tells background.
_BACKGROUND_DAYS: Final = 14
# How far after "volgens"/"according to" an agent phrase may name the source's maker.
_SOURCE_AGENT_REACH: Final = 10
# How many words after a verb of agreeing the act agreed on may start ("agreed on Thursday on a
# €50 billion package of support").
_AGREED_ACT_REACH: Final = 10
# The owner of what an attack hit is named in its object, within this many words of the verb
# ("vernietigde een houwitser van de separatisten").
_OWNER_REACH: Final = 5


_WORD_CLASSES: Final[dict[int, tuple[Lexicon, frozenset[str], frozenset[str], frozenset[str]]]] = {}


def _word_classes(lex: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Unions of the lexicon's word sets the extractor tests often, built once per lexicon."""
    known = _WORD_CLASSES.get(id(lex))
    if known is None or known[0] is not lex:
        fillers = lex.determiners | lex.coordination_fillers | lex.object_fillers
        places = (
            lex.settlement_nouns
            | lex.region_nouns
            | lex.island_nouns
            | lex.peninsula_nouns
            | lex.area_nouns
            | lex.facility_nouns
        )
        classifiers = lex.settlement_nouns | lex.region_nouns
        known = _WORD_CLASSES[id(lex)] = (lex, fillers, places, classifiers)
    return known[1], known[2], known[3]


# Both spell their ``__init__`` out: mypyc compiles one written in the class, while the one
# ``@dataclass`` generates runs interpreted, about five times the cost of building an instance.
@dataclass(slots=True, init=False)
class Attribution:
    cue: CueHit
    kind: str  # according_to | say | confirm | deny
    source: ActorRef | None
    negated: bool

    def __init__(
        self, cue: CueHit, kind: str, source: ActorRef | None, negated: bool = False
    ) -> None:
        self.cue = cue
        self.kind = kind
        self.source = source
        self.negated = negated


@dataclass(slots=True, init=False)
class Candidate:
    """An event before merging: the :class:`Event` fields plus what explain and merging need."""

    type: str
    rule: str
    sentence: SentenceAnalysis
    trigger: TriggerHit
    place: PlaceMention | None
    place_ref: PlaceRef | None
    actor: Actor | None
    actor_source: str
    target: Actor | None
    time: TimeMention | None
    claimant: Actor | None
    status: str
    modality: str
    fatalities: int | None
    injured: int | None
    amount: Amount | None
    evidence: list[tuple[int, int]]
    confidence: float
    notes: list[str]
    remention: bool  # "de inname van het stadje": a definite mention of a known event
    heading: bool
    pending_place: bool  # "een dorp in de regio X": the next sentence names it
    denial_of_previous: bool
    actor_ref: ActorRef | None
    symmetric: bool  # a fight whose attacker the words do not tell

    def __init__(
        self,
        type: str,
        rule: str,
        sentence: SentenceAnalysis,
        trigger: TriggerHit,
        place: PlaceMention | None = None,
        place_ref: PlaceRef | None = None,
        actor: Actor | None = None,
        actor_source: str = "none",
        target: Actor | None = None,
        time: TimeMention | None = None,
        claimant: Actor | None = None,
        status: str = "reported",
        modality: str = "asserted",
        fatalities: int | None = None,
        injured: int | None = None,
        amount: Amount | None = None,
        evidence: list[tuple[int, int]] | None = None,
        confidence: float = 0.8,
        notes: list[str] | None = None,
        remention: bool = False,
        heading: bool = False,
        pending_place: bool = False,
        denial_of_previous: bool = False,
        actor_ref: ActorRef | None = None,
        symmetric: bool = False,
    ) -> None:
        self.type = type
        self.rule = rule
        self.sentence = sentence
        self.trigger = trigger
        self.place = place
        self.place_ref = place_ref
        self.actor = actor
        self.actor_source = actor_source
        self.target = target
        self.time = time
        self.claimant = claimant
        self.status = status
        self.modality = modality
        self.fatalities = fatalities
        self.injured = injured
        self.amount = amount
        self.evidence = [] if evidence is None else evidence
        self.confidence = confidence
        self.notes = [] if notes is None else notes
        self.remention = remention
        self.heading = heading
        self.pending_place = pending_place
        self.denial_of_previous = denial_of_previous
        self.actor_ref = actor_ref
        self.symmetric = symmetric

    @property
    def position(self) -> int:
        return self.sentence.tokens[self.trigger.i].start


def _hyphenated_start(toks: list[Token], k: int, lo: int) -> int | None:
    """Where the word written with a hyphen that ends at token ``k`` starts ("long-range",
    "Tu-22M3"), or None when token ``k`` ends no such word."""
    start = k
    while start > lo and toks[start - 1].end == toks[start].start:
        start -= 1
    if start == k or not any(t.text == "-" for t in toks[start : k + 1]):
        return None
    if toks[start].text == "-" or toks[k].text == "-":
        return None  # a dash hanging at either end joins nothing
    return start


class SentenceExtractor:
    """Turns the triggers of one analysed sentence into candidates."""

    def __init__(self, lexicon: Lexicon, sides: tuple[str, str], doc_latest: date) -> None:
        self.lex = lexicon
        self.sides = sides
        self.doc_latest = doc_latest
        self._doc_latest_iso = doc_latest.isoformat()
        self._object_fillers, self._place_nouns, self._classifier_nouns = _word_classes(lexicon)
        # the head words of "drie doden", "twee gewonden": what may "fall" without a place
        numbers = lexicon.numbers
        self._casualty_nouns = frozenset(p[-1] for p in numbers.death_nouns | numbers.injury_nouns)
        # (sentence start, trigger, reason) of triggers that gave no event, when a caller
        # such as ``frontwatch explain`` wants to show why; ``None`` keeps nothing.
        self.rejections: list[tuple[int, TriggerHit, str]] | None = None

    # -- entry point -----------------------------------------------------------------------

    def extract(self, sa: SentenceAnalysis) -> list[Candidate]:
        attributions = self._attributions(sa)
        claimant_refs = {id(a.source) for a in attributions if a.source is not None}
        out: list[Candidate] = []
        for hit in self._one_per_phrase(sa):
            out.extend(self._candidates(sa, hit, attributions, claimant_refs))
        out.extend(self._anaphoric_denials(sa, attributions, out))
        return out

    def _one_per_phrase(self, sa: SentenceAnalysis) -> list[TriggerHit]:
        """ "repelled Ukrainian attacks", "beschoten met raketaanvallen": a verb and the event
        noun it governs, a few words on, are one event; the verb is kept."""
        toks = sa.tokens
        kept: list[TriggerHit] = []
        for hit in sa.triggers:
            prev = kept[-1] if kept else None
            if (
                prev is not None
                and prev.spec.type == hit.spec.type
                and hit.spec.type in VIOLENT
                and prev.spec.kind == "verb"
                and hit.spec.kind == "noun"
                and 0 <= hit.i - prev.j <= 3
                and all(
                    t.is_word and t.norm not in self.lex.coordinators for t in toks[prev.j : hit.i]
                )
            ):
                continue
            kept.append(hit)
        # "het leger sloeg een grote aanval af", "waar het leger aanvallen afslaat": the attack
        # an active verb of repelling takes as its object, standing between the verb and its
        # particle or right before the verb at the end of the clause, is the event the verb
        # reports (in the passive, "de aanvallen zijn afgeslagen", it is the subject)
        repels = [
            h
            for h in kept
            if h.spec.defender_subject and h.spec.kind == "verb" and not self._passive(sa, h)
        ]
        if repels:
            kept = [h for h in kept if not any(self._object_of(sa, h, r) for r in repels)]
        return kept

    def _object_of(self, sa: SentenceAnalysis, noun: TriggerHit, verb: TriggerHit) -> bool:
        """The event noun ``noun`` is the object of ``verb`` written around or before it."""
        if noun.spec.kind != "noun" or noun.spec.type != verb.spec.type:
            return False
        toks = sa.tokens
        if verb.spec.particle is not None and verb.j <= noun.i:
            end = noun.j
            while end < sa.hi and toks[end].is_word and toks[end].norm != verb.spec.particle:
                end += 1
            return end < sa.hi and toks[end].norm == verb.spec.particle
        return 0 <= verb.i - noun.j <= 3 and all(
            t.is_word and t.norm not in self.lex.coordinators for t in toks[noun.j : verb.i]
        )

    # -- attribution -----------------------------------------------------------------------

    def _attributions(self, sa: SentenceAnalysis) -> list[Attribution]:
        found: list[Attribution] = []
        for cue in sa.cues:
            kinds = cue.categories & {"according_to", "say", "confirm", "deny"}
            if "characterize" in cue.categories:
                labelled = self._labelled_false(sa, cue)
                if labelled is not None:
                    cue, kinds = labelled, frozenset({"deny"})
            if not kinds:
                continue
            kind = next(k for k in ("deny", "confirm", "according_to", "say") if k in kinds)
            if kind == "according_to":
                source = next((a for a in sa.actors if cue.j <= a.i <= cue.j + 4), None)
                if source is None:
                    # "according to maps published on Monday by DeepState": the maker of
                    # the document the source is
                    source = next(
                        (
                            a
                            for a in sa.actors
                            if cue.j <= a.i <= cue.j + _SOURCE_AGENT_REACH
                            and self._agent_before(sa, a.i)
                            and not any(t.text == "," for t in sa.tokens[cue.j : a.i])
                        ),
                        None,
                    )
                if source is not None:
                    # "volgens Oekraïne en westerse inlichtingendiensten": every source
                    for extra in self._coordinated_actors(sa, source)[1:]:
                        found.append(Attribution(cue, kind, extra, False))
            elif (
                found
                and found[-1].kind != "according_to"
                and sa.tokens[cue.i].norm in self.lex.cue_participles
                and cue.i - 1 >= sa.lo
                and sa.tokens[cue.i - 1].text == ","
            ):
                # "Hanna Maliar said on national television, adding that ...": the participle
                # speaks with the voice of the verb before it
                source = found[-1].source
            else:
                source = self._speaker(sa, cue)
            negated = any(
                "negation" in c.categories and (0 <= cue.i - c.j <= 3 or 0 <= c.i - cue.j <= 1)
                for c in sa.cues
            )
            found.append(Attribution(cue, kind, source, negated))
        return found

    def _labelled_false(self, sa: SentenceAnalysis, cue: CueHit) -> CueHit | None:
        """ "noemt dat een leugen", "called the claim a lie", "described the reports as
        fake": a characterising verb whose object points back at what was told and whose
        label calls it false is a denial; the cue then runs from the verb to the label."""
        toks, lex = sa.tokens, self.lex
        words = norms_of(toks, cue.j, min(sa.hi, cue.j + 7))
        anaphor = next((n for n in (3, 2, 1) if words[:n] in lex.deny_anaphora), 0)
        if not anaphor:
            return None
        k = anaphor
        while k < len(words) and words[k] in lex.falsehood_links:
            k += 1
        label = next((n for n in (2, 1) if words[k : k + n] in lex.falsehood_labels), 0)
        if not label:
            return None
        return CueHit(cue.i, cue.j + k + label, cue.categories | {"deny"})

    def _speaker(self, sa: SentenceAnalysis, cue: CueHit) -> ActorRef | None:
        """The subject of a verb of saying: the nearest actor in its clause, either side."""
        clause = sa.clause_of[cue.i - sa.lo]
        best: tuple[int, ActorRef] | None = None
        for a in sa.actors:
            if sa.clause_of[a.i - sa.lo] != clause and not (a.j <= cue.i and cue.i - a.j <= 2):
                continue
            if a.prep is not None and a.prep not in self.lex.genitive_preps:
                continue
            if a.kind == "adjective":
                continue
            dist = self._gap_to_cue(sa, a.j, cue.i) if a.j <= cue.i else (a.i - cue.j) + 1
            if dist < 0 or dist > 12:
                continue
            if best is None or dist < best[0]:
                best = (dist, a)
        if best is None and sa.clauses[clause].kind == "relative":
            # "fired by the rebels, who denied it": the relative pronoun speaks for the actor
            # it stands for
            return self._antecedent(sa, sa.clauses[clause])
        return best[1] if best else None

    def _gap_to_cue(self, sa: SentenceAnalysis, end: int, cue: int) -> int:
        """Words between an actor ending at ``end`` and the verb of saying at ``cue``, not
        counting the phrase right after the actor that only places it ("Roman Busargin, the
        governor of the Saratov region, said drones had hit ...": the governor is next to
        "said"; the drones after it are not the speaker)."""
        toks, lex = sa.tokens, self.lex
        placed = sa.memo.get(("named_place_tokens", 0))
        if placed is None:
            placed = sa.memo[("named_place_tokens", 0)] = {
                k for r in sa.places if r.mention is not None for k in range(r.i, r.j)
            }
        k = end
        while k < cue and (
            k in placed
            or toks[k].norm in lex.determiners
            or toks[k].norm in lex.genitive_preps
            or toks[k].norm in lex.region_nouns
        ):
            k += 1
        return cue - k

    def _governing(
        self, sa: SentenceAnalysis, hit: TriggerHit, attributions: list[Attribution]
    ) -> Attribution | None:
        """The attribution whose scope holds the trigger: the nearest before it, else after."""
        before = [a for a in attributions if a.cue.j <= hit.i and not a.negated]
        after = [a for a in attributions if a.cue.i >= hit.j and not a.negated]
        own = sa.clause_of[hit.i - sa.lo]
        chain = set(sa.ancestors(own))
        # "Russia said it had withdrawn from Snake Island, which it seized on the first day of
        # the invasion": a relative clause dated well before the report is presupposed
        # background, not part of the claim
        background = sa.clauses[own].kind == "relative" and self._dated_before_report(sa, own)
        for a in sorted(before, key=lambda a: -a.cue.i):
            if a.kind == "according_to":
                return a
            cue_clause = sa.clause_of[a.cue.i - sa.lo]
            if background and cue_clause != own:
                continue
            if cue_clause in chain or cue_clause == own:
                return a
            # the complement clause opened right after the verb
            if any(
                sa.clauses[c].kind == "complement" and sa.clauses[c].parent == cue_clause
                for c in chain
            ):
                return a
        for a in sorted(after, key=lambda a: a.cue.i):
            cue_clause = sa.clause_of[a.cue.i - sa.lo]
            if (
                a.kind == "according_to"
                or cue_clause in chain
                or sa.clauses[cue_clause].kind == "main"
            ):
                return a
        return None

    @staticmethod
    def _force_object(sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """ "largely destroyed a Russian motor-rifle brigade": an armed force heads the noun
        phrase right after the verb."""
        toks = sa.tokens
        return any(
            a.prep is None
            and a.kind == "role"
            and a.actor.role in ARMED_ROLES
            and hit.j <= a.i <= hit.j + 5
            and all(t.is_word or t.text == "-" for t in toks[hit.j : a.i])
            for a in sa.actors
        )

    def _dated_before_report(self, sa: SentenceAnalysis, clause: int) -> bool:
        """The clause holds a time expression that ends weeks before the document's date."""
        horizon = (self.doc_latest - timedelta(days=_BACKGROUND_DAYS)).isoformat()
        return any(
            sa.clause_of[i - sa.lo] == clause and t.dating and t.latest < horizon
            for i, _, t in sa.time_tokens
            if sa.lo <= i < sa.hi
        )

    # -- candidates ------------------------------------------------------------------------

    def _candidates(
        self,
        sa: SentenceAnalysis,
        hit: TriggerHit,
        attributions: list[Attribution],
        claimant_refs: set[int],
    ) -> list[Candidate]:
        spec = hit.spec
        own = sa.clause_of[hit.i - sa.lo]
        chain = sa.ancestors(own)
        clause = sa.clauses[own]
        rule = spec.rule
        etype = spec.type
        # "overleg over een annexatie", "talks on sanctions": the political act is the fact;
        # the talks are its setting, not a second event
        if etype == "diplomacy" and self._talks_about_political(sa, hit):
            return self._reject(sa, hit, "talks about a political act")
        if etype == "diplomacy" and self._agrees_to_act(sa, hit, own):
            return self._reject(sa, hit, "an agreement on another act")
        if etype == "diplomacy" and self._acknowledges(sa, hit):
            return self._reject(sa, hit, "acknowledging a fact, not recognising a state")
        if spec.kind == "noun" and self._described_event(sa, hit):
            return self._reject(sa, hit, "a description of an event already told")
        # "supply lines", "supply routes": the trigger word is half of another noun
        if spec.not_before and hit.j < sa.hi and sa.tokens[hit.j].norm in spec.not_before:
            return self._reject(sa, hit, "part of a compound noun")
        if spec.thing_object and self._force_object(sa, hit):
            return self._reject(sa, hit, "its object is an armed force, beaten in a fight")
        # Not an event: demanded, conditional, prevented, asked about.
        if clause.kind == "conditional" or any(sa.clauses[c].kind == "conditional" for c in chain):
            return self._reject(sa, hit, "in a conditional clause")
        if clause.introducer and clause.introducer in self._cue_words(sa, "interrogative"):
            return self._reject(sa, hit, "in an indirect question")
        if self._cue_in(
            sa,
            "interrogative",
            hit,
            before=8,
            same_clause=True,
            exclude=tuple(self.lex.weak_interrogatives),
        ):
            return self._reject(sa, hit, "asked about")
        if self._directive_governs(sa, hit, chain):
            return self._reject(sa, hit, "demanded, not done")
        if self._unconfirmed_by(sa, hit, chain):
            # "heeft niet bevestigd dat de stad is ingenomen" asserts nothing
            return self._reject(sa, hit, "object of a refusal to confirm")
        if self._prevented(sa, hit):
            return self._reject(sa, hit, "prevented")
        # A tried capture is an advance; a combat noun with a missile word is a strike.
        # (one tries to take a town, never to have taken it)
        toks = sa.tokens
        tried_state = spec.kind == "state" and any(
            toks[k].norm in self.lex.infinitive_markers for k in range(hit.j, min(sa.hi, hit.j + 2))
        )  # "proberen het stadje ... in handen te krijgen": trying to get it into their hands
        # a Dutch state phrase ends its clause, far from the verb of trying
        reach = _TRIED_STATE_REACH if tried_state else 8
        attempt = self._cue_in(sa, "attempt", hit, before=reach, same_clause=False)
        if attempt is not None and (
            (spec.kind == "verb" and self._infinitive(sa, hit, perfect=False)) or tried_state
        ):
            if etype == "territory.capture":
                etype, rule = "territory.advance", rule + "+attempt"
        elif (
            attempt is not None
            and spec.kind == "noun"
            and sa.tokens[attempt.i].norm in self.lex.purpose_openers
            and spec.type in TERRITORIAL
        ):
            # "om zich te concentreren op de bevrijding van": a purpose, not an event
            return self._reject(sa, hit, "the goal of a purpose clause")
        if spec.kind in ("noun", "verb") and self._cue_in(
            sa, "risk", hit, before=3, same_clause=True
        ):
            return self._reject(sa, hit, "a risk, not an event")  # "het gevaar van omsingeling"
        if etype == "combat" and self._strike_modified(sa, hit):
            etype, rule = "strike", rule + "+weapon"
        elif (
            etype == "combat"
            and spec.kind == "noun"
            and not spec.symmetric
            and sa.casualties
            and not any(a.actor.role in ARMED_ROLES and a.kind != "adjective" for a in sa.actors)
        ):
            # "the death toll from the attack on the centre of Belgorod": an attack that
            # kills people where no ground force is named is a strike from afar
            etype, rule = "strike", rule + "+casualties"
        if etype == "political" and spec.kind == "noun" and self._under_state(sa, hit):
            return self._reject(sa, hit, "a standing state ('under martial law')")
        if etype == "combat" and self._background_or_compound(sa, hit):
            return self._reject(sa, hit, "background of another event")
        if (
            spec.kind == "fall"
            and hit.j < sa.hi
            and sa.tokens[hit.j].norm in self.lex.fall_not_before
        ):
            # "valt onder het verdrag", "falls short"
            return self._reject(sa, hit, "'fall' in another sense")
        if spec.kind == "fall" and self._casualties_fall(sa, hit):
            # "waarbij drie doden vielen", "er vielen geen gewonden": casualties, no place
            return self._reject(sa, hit, "casualties 'fall'")
        if (
            spec.kind == "noun"
            and etype not in VIOLENT  # "spreekt van een terroristische aanslag": it happened
            and self._cue_in(sa, "characterize", hit, before=3, same_clause=True)
        ):
            # "spreekt van schijnreferenda", "called it a provocation"
            return self._reject(sa, hit, "a characterisation")
        if (
            spec.kind == "noun"
            and etype in VIOLENT
            and (cue := self._cue_in(sa, "abate", hit, after=8)) is not None
            and not any(hit.j <= t.i < cue.i for t in sa.triggers)
        ):
            # "Shelling of Kharkiv's northern districts has eased": how attacks went on, no
            # attack of its own
            return self._reject(sa, hit, "attacks said to have eased")
        # State triggers report a change only with a change marker.
        change = self._state_changed(sa, hit, own) if spec.kind == "state" else None
        if spec.kind == "state" and not change:
            return self._reject(sa, hit, "a state without a change marker")
        cand = Candidate(etype, rule, sa, hit)
        cand.symmetric = spec.symmetric
        cand.evidence = [(sa.span.start, sa.span.end)]
        cand.heading = sa.span.kind == "heading"
        # Where first: most triggers that are no event fail on it, and it is cheap to know.
        places = self._attach_places(sa, hit, cand, own, chain)
        cand.remention = self._is_remention(sa, hit)
        if not self._place_anchored(sa, hit, cand, places) and not (
            not places and self._denied_attack(sa, hit, cand, attributions)
        ):
            return self._reject(sa, hit, "no place it can be anchored to")
        self._attach_actor(sa, hit, cand, own, claimant_refs)
        if cand.actor is None:
            self._controlled_actor(sa, hit, cand, own, attributions)
        if (cand.actor is None or cand.actor.country is None) and etype in VIOLENT:
            owner = self._object_owner(sa, hit, own)
            if owner is not None:
                # "Missiles hit the headquarters of Russia's Black Sea Fleet": what was hit
                # belongs to one side, so the other side struck it
                cand.target = Actor(owner.country, "unknown")
                cand.actor, cand.actor_source = self._other_side(owner), "target-owner"
        if spec.kind == "loss" and cand.actor is not None:
            loser = cand.actor
            cand.actor = self._other_side(loser)
            cand.target = loser
            cand.actor_source = "loss:" + cand.actor_source
        cand.time = self._attach_time(sa, hit, own, chain, etype)
        self._attribute(sa, hit, cand, attributions)
        cand.modality = self._modality(sa, hit, cand, own, chain)
        self._numbers(sa, hit, cand)
        # Selectional restrictions: what the trigger needs to be an event.
        if not self._anchored(sa, hit, cand, places):
            return self._reject(sa, hit, "its actor or place does not fit the trigger")
        if change == "since" and self._own_ground(cand, places):
            # "a town they had held since the start of the invasion": no change
            return self._reject(sa, hit, "holding its own ground since a date")
        return self._split(sa, hit, cand, places)

    def _reject(self, sa: SentenceAnalysis, hit: TriggerHit, reason: str) -> list[Candidate]:
        if self.rejections is not None:
            self.rejections.append((sa.span.start, hit, reason))
        return []

    # -- filters ---------------------------------------------------------------------------

    def _cue_words(self, sa: SentenceAnalysis, category: str) -> set[str]:
        return {sa.tokens[c.i].norm for c in sa.cues if category in c.categories}

    def _cue_in(
        self,
        sa: SentenceAnalysis,
        category: str,
        hit: TriggerHit,
        *,
        before: int = 0,
        after: int = 0,
        same_clause: bool = True,
        exclude: tuple[str, ...] = (),
    ) -> CueHit | None:
        own = sa.clause_of[hit.i - sa.lo]
        for c in sa.cues:
            if category not in c.categories or sa.tokens[c.i].norm in exclude:
                continue
            if same_clause and sa.clause_of[c.i - sa.lo] != own:
                continue
            if before and 0 <= hit.i - c.j <= before:
                return c
            if after and 0 <= c.i - hit.j <= after:
                return c
        return None

    def _unconfirmed_by(self, sa: SentenceAnalysis, hit: TriggerHit, chain: list[int]) -> bool:
        """The trigger is in the complement of a negated verb of confirming."""
        own = chain[0]
        if sa.clauses[own].kind != "complement":
            return False
        parent = sa.clauses[own].parent
        for c in sa.cues:
            if "confirm" not in c.categories or c.j > hit.i or sa.clause_of[c.i - sa.lo] != parent:
                continue
            if any("negation" in n.categories and 0 <= c.i - n.j <= 3 for n in sa.cues):
                return True
        return False

    def _background_or_compound(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """ "battle tanks", "infantry fighting vehicles"; "na weken van gevechten" (background)."""
        toks, lex = sa.tokens, self.lex
        if hit.j < sa.hi and toks[hit.j].norm in lex.not_before:
            return True
        if any(toks[k].norm in lex.background for k in range(max(sa.lo, hit.i - 6), hit.i)):
            return True
        # "the town seized by Ukraine in its surprise offensive", "heroverd tijdens het
        # tegenoffensief": a fight named in a phrase of a territorial verb frames that move
        if hit.spec.kind == "noun" and self._in_pp(sa, hit):
            own = sa.clause_of[hit.i - sa.lo]
            if any(
                t.spec.territorial
                and t.spec.kind in ("verb", "fall")
                and sa.clause_of[t.i - sa.lo] == own
                for t in sa.triggers
            ):
                return True
        # "in a counteroffensive", "met een snel tegenoffensief": the frame of another event,
        # unless no other event is told and the attack is what people died in ("Bij een
        # aanval op een controlepost zijn zestien militairen om het leven gekomen")
        if sa.casualties and all(t is hit for t in sa.triggers):
            return False
        for k in range(max(sa.lo, hit.i - 3), hit.i):
            if (
                toks[k].norm in lex.indefinite
                and k - 1 >= sa.lo
                and toks[k - 1].norm in (lex.prepositions)
            ):
                return True
        return False

    def _prevented(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """ "to avoid being encircled", "om omsingeling te voorkomen": what is avoided."""
        if self._cue_in(sa, "prevent", hit, before=3, same_clause=True):
            return True
        after = self._cue_in(sa, "prevent", hit, after=4, same_clause=True)
        if after is None:
            return False
        toks = sa.tokens
        return any(
            toks[k].norm in self.lex.purpose_markers for k in range(max(sa.lo, hit.i - 3), hit.i)
        )

    def _infinitive(self, sa: SentenceAnalysis, hit: TriggerHit, *, perfect: bool = True) -> bool:
        """ "in te nemen", "te veroveren", "to take", and with ``perfect`` also "to have taken",
        "te hebben ingenomen", "ingenomen te hebben": the trigger is an infinitive."""
        toks, lex = sa.tokens, self.lex

        def norm(k: int) -> str:
            return toks[k].norm if sa.lo <= k < sa.hi else ""

        if any(t.norm in lex.infinitive_markers for t in toks[hit.i : hit.j]):
            return True
        if norm(hit.i - 1) in lex.infinitive_markers:
            return True
        if not perfect:
            return False
        if norm(hit.i - 1) in lex.perfect_auxiliaries and norm(hit.i - 2) in lex.infinitive_markers:
            return True
        return norm(hit.j) in lex.infinitive_markers and norm(hit.j + 1) in lex.perfect_auxiliaries

    def _directive_governs(self, sa: SentenceAnalysis, hit: TriggerHit, chain: list[int]) -> bool:
        """ "eisen dat Rusland zich terugtrekt", "demand that Russia withdraw": not an event."""
        time_ends = {j for _, j, _ in sa.time_tokens}
        for c in sa.cues_of("directive"):
            if c.i in time_ends and sa.tokens[c.i].norm in self.lex.time_adverbs:
                continue  # "Vrijdagochtend vroeg staken ...": "vroeg" (early) after a time
            if c.j <= hit.i and hit.i - c.j <= 12:
                cue_clause = sa.clause_of[c.i - sa.lo]
                if (cue_clause in chain and cue_clause != chain[0]) or sa.clause_of[
                    c.i - sa.lo
                ] == chain[0]:
                    return True
        return False

    def _under_state(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """ "under martial law", "onder de staat van beleg": a state one lives under."""
        toks, lex = sa.tokens, self.lex
        k = hit.i - 1
        while k >= sa.lo and toks[k].norm in lex.determiners:
            k -= 1
        return k >= sa.lo and toks[k].norm in lex.state_preps

    def _strike_modified(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        toks, lex = sa.tokens, self.lex
        near = range(max(sa.lo, hit.i - 3), min(sa.hi, hit.j + 3))
        if any(toks[k].norm in lex.strike_modifiers for k in near):
            # "met tanks en artillerie een aanval begonnen": the guns support an assault
            return not any(
                toks[k].norm in lex.assault_weapons
                for k in range(max(sa.lo, hit.i - 6), min(sa.hi, hit.j + 6))
            )
        # "de aanval op de brug", "attacks on Ukraine's power system": what is attacked is
        # infrastructure, not a position fought over
        targets, endings = lex.infrastructure_nouns, lex.infrastructure_endings
        if targets:
            after = toks[hit.j : min(sa.hi, hit.j + 2)]
            if any(t.norm in lex.attack_target_preps for t in after):
                window = toks[hit.j : min(sa.hi, hit.j + 7)]
                if any(
                    t.norm in targets or (endings and t.norm.endswith(endings))
                    for t in window
                    if t.is_word
                ):
                    return True
        # "the Crimean Bridge was attacked": bridges, dams and power stations are struck from
        # afar, not fought over (a verb: "na hevige gevechten de kerncentrale in handen
        # gekregen" tells of fighting before a capture)
        own = sa.clause_of[hit.i - sa.lo]
        if hit.spec.kind == "verb" and any(
            r.mention is not None
            and (r.mention.feature or "").upper() in _STRUCK_FEATURES
            and sa.clause_of[r.i - sa.lo] == own
            for r in sa.places
        ):
            return True
        # "met drones aangevallen", "attacked with missiles": the weapon as instrument
        for k in range(sa.lo, sa.hi):
            if toks[k].norm in lex.instrument_preps and sa.clause_of[k - sa.lo] == own:
                window = toks[k + 1 : min(sa.hi, k + 4)]
                if any(t.norm in lex.strike_modifiers for t in window):
                    return not any(t.norm in lex.assault_weapons for t in window)
        return False

    def _own_ground(self, cand: Candidate, places: list[PlaceRef]) -> bool:
        """The holder holds its own country's ground: held "since" then, it never changed hands."""
        if cand.actor is None or cand.actor.country is None:
            return False
        mentions = [p for r in places for p in r.places]
        return bool(mentions) and all(country_of_place(p) == cand.actor.country for p in mentions)

    def _state_changed(self, sa: SentenceAnalysis, hit: TriggerHit, own: int) -> str | None:
        """ "marker" when a word says the state is new ("kwam in handen van", "now"), "since"
        when a "since" phrase dates its start, else None."""
        toks, lex = sa.tokens, self.lex
        lo = max(sa.lo, hit.i - 10)
        end = min(sa.hi, hit.j + 2)
        words = [toks[k].norm for k in range(lo, end) if sa.clause_of[k - sa.lo] == own]
        if any(w in lex.state_keep for w in words):
            return None
        markers = [
            toks[k].norm
            for k in range(lo, end)
            if sa.clause_of[k - sa.lo] == own
            and toks[k].norm in lex.state_change
            and not (k + 1 < sa.hi and toks[k + 1].text == "-")  # "full-scale" is no "full"
        ]
        # Dutch puts the participle last: "hebben de controle over het dorp X overgenomen"
        markers += [
            toks[k].norm
            for k in range(end, min(sa.hi, hit.j + 8))
            if sa.clause_of[k - sa.lo] == own
            and toks[k].norm in lex.state_change
            and toks[k].norm.endswith(lex.participle_endings)
        ]
        if any(w not in lex.since_preps for w in markers):
            return "marker"
        if markers:
            return "since"
        # "sinds maart bezet", "held ... since January": a time phrase opened by "since"
        for i, _, _t in sa.time_tokens:
            if (
                sa.lo <= i < sa.hi
                and toks[i].norm in lex.since_preps
                and sa.clause_of[i - sa.lo] == own
            ):
                return "since"
        if any(toks[k].norm in lex.since_preps for k in range(hit.j, min(sa.hi, hit.j + 6))):
            return "since"
        return None

    # -- actors ----------------------------------------------------------------------------

    def _attach_actor(
        self,
        sa: SentenceAnalysis,
        hit: TriggerHit,
        cand: Candidate,
        own: int,
        claimant_refs: set[int],
    ) -> None:
        spec, toks, lex = hit.spec, sa.tokens, self.lex
        clause_actors = [
            a
            for a in sa.actors
            if (sa.clause_of[a.i - sa.lo] == own and a.actor.country)
            or (sa.clause_of[a.i - sa.lo] == own and a.kind in ("pronoun", "possessive", "role"))
        ]
        if not any(a.actor.country for a in sa.actors):
            # "Donderdag praten de Europese regeringsleiders in Brussel": with no state named
            # in the sentence, an international body is the one that acts
            clause_actors = sorted(
                clause_actors
                + [
                    a
                    for a in sa.actors
                    if sa.clause_of[a.i - sa.lo] == own
                    and a.actor.role == "international"
                    and a not in clause_actors
                ],
                key=lambda a: a.i,
            )
        # "werden de Russen van het eiland verdreven door dagenlange beschietingen": an attack
        # named as the agent of a passive hits the passive's subject, so it is the other side's
        # (whatever actor its own phrase names: "met artillerie" is its weapon)
        if cand.type in VIOLENT and spec.kind == "noun" and self._agent_of_passive(sa, hit, own):
            patient = next(
                (
                    a
                    for a in clause_actors
                    if a.j <= hit.i
                    and a.prep is None
                    and a.kind != "adjective"
                    and id(a) not in claimant_refs
                ),
                None,
            )
            if patient is not None and patient.actor.country in self.sides:
                cand.target = Actor(patient.actor.country, "unknown")
                cand.actor, cand.actor_source = self._other_side(patient.actor), "patient"
                return
        # 1. An agent phrase: "door de Russen", "by Russian forces".
        for a in clause_actors:
            if (
                self._agent_before(sa, a.i)
                and not self._agent_of_later_participle(sa, hit, a)
                and not any(
                    min(a.i, hit.i) < t.i < max(a.i, hit.i)
                    and t.spec.territorial == spec.territorial
                    for t in sa.triggers
                    if t is not hit
                )
                and not self._agent_of_earlier_conjunct(sa, a, hit)
            ):
                # "door een bataljon Russische tanks": a unit of a force named right after it
                nxt = next((b for b in sa.actors if a.i < b.i <= a.j and b.actor.country), None)
                if a.needs_country and nxt is not None:
                    a = nxt
                cand.actor, cand.actor_source = self._role_for(a.actor, cand.type, a.kind), "agent"
                return
        # 2. The actor slot of the trigger: "in handen van X", "fell to X", "held by X".
        if spec.actor_preps:
            for a in sa.actors:
                if hit.j <= a.i <= hit.j + 4:
                    between = tuple(
                        t.norm for t in toks[hit.j : a.i] if t.norm not in lex.determiners
                    )
                    if not between and (toks[hit.j - 1].norm,) in spec.actor_preps:
                        between = (toks[hit.j - 1].norm,)  # "in handen van" + X
                    if (between and between in spec.actor_preps) or (
                        between[-1:] and (between[-1],) in spec.actor_preps
                    ):
                        cand.actor, cand.actor_source = (
                            self._role_for(a.actor, cand.type, a.kind),
                            "slot",
                        )
                        return
            # verb-final clauses put the slot before the verb: "is in handen van de Russen
            # gevallen", "viel gisteren aan de separatisten"
            own_actors = [a for a in sa.actors if a.j <= hit.i and sa.clause_of[a.i - sa.lo] == own]
            for a in reversed(own_actors):
                k = a.i
                while k > sa.lo and toks[k - 1].norm in lex.determiners:
                    k -= 1
                if any(
                    k - len(prep) >= sa.lo and norms_of(toks, k - len(prep), k) == prep
                    for prep in spec.actor_preps
                ):
                    cand.actor, cand.actor_source = (
                        self._role_for(a.actor, cand.type, a.kind),
                        "slot",
                    )
                    return
        # 3. An adjective or possessive right before a nominal or state trigger:
        # "Russische raketaanval", "in Russische handen", "under its control".
        for a in sa.actors:
            if (
                a.j <= hit.i
                and hit.i - a.j <= 4
                and a.prep is None
                and a.kind in ("adjective", "possessive", "country", "group", "metonym", "named")
                # "Volgens de Oekraïense grenswacht rukken de rebellen op": the source's
                # adjective is no modifier of the event
                and id(a) not in claimant_refs
                # "een Russische tankcolonne in een hinderlaag gelokt": a trigger that opens
                # with a preposition is a phrase of its own; the adjective before it belongs
                # to the noun before it
                and toks[hit.i].norm not in lex.prepositions
            ):
                if a.kind == "adjective" and a.j < sa.hi and toks[a.j].norm in lex.defence_nouns:
                    # "de eerste Russische verdedigingslinie doorbroken", "breached the Russian
                    # defences": the side whose defences they are is the one attacked
                    cand.target = Actor(a.actor.country, "military")
                    continue
                genitive = [t.norm for t in toks[a.j : a.j + 2]] == ["'", "s"]
                # "a new US package", "EU sanctions": a name used attributively is the giver
                # or the one who imposes, unless it is a warring side that receives the aid
                # or is punished ("Ukraine aid", "Russia sanctions")
                attributive = (
                    a.j == hit.i
                    and spec.kind == "noun"
                    and cand.type in ("aid", "political")
                    and a.actor.country not in self.sides
                )
                if a.kind not in ("adjective", "possessive") and not genitive and not attributive:
                    continue
                if (spec.kind in ("noun", "state") or a.kind == "adjective") and (
                    self._genitive_or_adjacent(sa, a, hit)
                ):
                    cand.actor, cand.actor_source = (
                        self._role_for(a.actor, cand.type, a.kind),
                        "modifier",
                    )
                    if attributive:
                        # "de Europese Unie en de Verenigde Staten sancties": each name of a
                        # list before the noun imposes them
                        cand.actor_ref = a
                    return
        if spec.kind in ("state", "noun") or self._nominal(sa, hit):
            k = hit.i - 1
            if k >= sa.lo and toks[k].norm in lex.possessives:
                poss = next((a for a in sa.actors if a.i == k), None)
                if poss is not None:
                    cand.actor, cand.actor_source = (
                        self._role_for(poss.actor, cand.type, "possessive"),
                        "possessive",
                    )
                    return
        # 3b. "troffen Russische kruisraketten een stuwdam": the side whose weapons hit,
        # wherever the subject stands
        if cand.type in VIOLENT and spec.kind == "verb":
            user = self._weapon_user(sa, own)
            if user is not None:
                cand.actor, cand.actor_source = (
                    self._role_for(user, cand.type, "adjective"),
                    "weapon",
                )
                return
        # 4. "de terugtrekking van Oekraïense troepen": a nominalisation's "van"/"of" actor.
        if spec.kind == "noun":
            for a in sa.actors:
                if hit.j <= a.i <= hit.j + 2 and (
                    toks[hit.j].norm in self.lex.genitive_preps
                    or toks[hit.j].norm in self.lex.agent_preps
                ):
                    cand.actor, cand.actor_source = self._role_for(a.actor, cand.type, a.kind), "of"
                    return
        # A nominalisation inside a prepositional phrase ("in de nacht voor de inname") is
        # not predicated of the clause's subject.
        if (
            spec.kind in ("noun", "fall")
            # a political act named in a phrase ("stemde in met de invoering van de staat van
            # beleg") is still the subject's, and so are talks ("was in Kyiv voor overleg met
            # Zelensky")
            and cand.type not in ("political", "diplomacy")
            and self._in_pp(sa, hit)
            and not self._gerund(sa, hit)
        ):
            return
        # "ending a siege", "the swift advance": a territorial nominalisation says its actor
        # through its own modifiers, not through the clause's subject, unless a light verb
        # makes it the subject's act ("Russian forces made a breakthrough near X", "hebben een
        # doorbraak geforceerd")
        if spec.territorial and self._nominal(sa, hit) and not self._light_verb_object(sa, hit):
            return
        # 5. The subject: the nearest actor of the clause, before the trigger first.
        # A passive without an agent phrase ("was taken on Thursday after fighting with its
        # Ukrainian guards") has its subject before the verb: what follows is no subject.
        passive = self._passive(sa, hit)
        subjects = [
            a
            for a in clause_actors
            if id(a) not in claimant_refs
            and not (passive and a.i >= hit.j)
            and a.kind != "adjective"
            and (a.prep is None or (a.prep in self.lex.genitive_preps and a.kind == "group"))
            and not self._in_target_slot(sa, a, hit)
            and not self._agent_before(sa, a.i)  # an agent phrase is no subject
            and not self._in_according_phrase(sa, a)
            # "Kyiv in te nemen": the name taken as the event's place is no subject
            and not (cand.place_ref is not None and cand.place_ref.i <= a.i < cand.place_ref.j)
            # "a missile hit the children's hospital": civilians and reporters attack nobody
            and not (cand.type in VIOLENT and a.actor.role in ("civilian", "media"))
            # a noun is predicated of a subject before it ("Kyiv meldt de bevrijding van X"),
            # not of a name after it ("Wagner claimt verovering Bachmoet, Kyiv: ...")
            and (spec.kind != "noun" or not spec.territorial or a.j <= hit.i)
            # in an embedded clause the subject precedes its verb in both languages (Dutch is
            # verb-final there): "a counteroffensive that struggled to break through Russia's
            # defences" says nothing of what Russia did
            and (sa.clauses[own].kind == "main" or a.j <= hit.i or not spec.territorial)
        ]
        # The subject comes first in its clause (SVO, and Dutch V2 puts it right after the verb).
        pick = subjects[0] if subjects else None
        rel = sa.clauses[own]
        if (
            rel.kind == "relative"
            and toks[rel.start].norm in lex.plain_relatives
            and all(t.norm in lex.auxiliaries for t in toks[rel.start + 1 : hit.i])
        ):
            # "Zelensky, who met Biden at the White House": a relative pronoun right before
            # its verb is the subject, and stands for the actor before it; what follows the
            # verb is its object
            pick = self._antecedent(sa, rel) or pick
        if (pick is None or pick.i > hit.i) and self._non_finite(sa, hit):
            # "before travelling to Washington to meet Biden": an infinitive or gerund has
            # the subject of the clause it depends on; what follows it is its object
            matrix = self._matrix_subject(sa, hit, own, claimant_refs)
            if matrix is not None:
                pick = matrix
        if pick is None:
            # a clause without its own subject: "..., zetten ... voort", relative clauses
            if rel.kind == "relative":
                pick = self._antecedent(sa, rel)
            if rel.kind == "main":
                for a in sa.actors:
                    if (
                        id(a) in claimant_refs
                        or a.prep is not None
                        or a.kind == "adjective"
                        or self._agent_before(sa, a.i)
                    ):
                        continue
                    if a.j <= hit.i and sa.clauses[sa.clause_of[a.i - sa.lo]].kind == "main":
                        pick = a
        if (
            pick is not None
            and spec.type in ("aid", "political", "diplomacy")
            and self._passive(sa, hit)
        ):
            pick = None  # "Russia was barred": the subject undergoes it
        if pick is not None and cand.type in VIOLENT and self._passive(sa, hit):
            # "Kyiv werd bestookt", "Ukrainian positions were shelled": the subject is hit;
            # the attacker is named by an agent phrase (taken above) or inferred later. What
            # follows a passive without "door"/"by" ("..., killing four people") is no agent.
            if pick.j <= hit.i and pick.kind not in ("pronoun", "possessive"):
                cand.target = Actor(pick.actor.country, "unknown")
                if spec.defender_subject:
                    # "The Russians were repelled near X": the subject of a passive of
                    # repelling is the side that attacked
                    cand.actor = self._role_for(pick.actor, cand.type, pick.kind)
                    cand.actor_source = "repelled"
                    cand.target = self._other_side(cand.actor)
            return
        if (
            pick is None
            and spec.type in ("aid", "political", "diplomacy")
            and sa.clauses[own].kind in ("relative", "subordinate")
        ):
            # "een verdrag ondertekend waarmee de Krim bij Rusland wordt gevoegd": the act is the
            # matrix subject's
            parent = sa.clauses[own].parent
            subjects = [
                a
                for a in sa.actors
                if parent is not None
                and sa.clause_of[a.i - sa.lo] == parent
                and a.prep is None
                and a.kind != "adjective"
                and id(a) not in claimant_refs
            ]
            pick = subjects[0] if subjects else None
        if pick is not None:
            cand.actor_ref = pick
            cand.actor, cand.actor_source = (
                self._role_for(pick.actor, cand.type, pick.kind),
                "subject",
            )
            if pick.kind == "pronoun":
                cand.actor_source = "pronoun"
            if spec.defender_subject and not self._passive(sa, hit):
                # "Een Oekraïense tegenaanval heeft de Russische eenheden teruggedrongen": the
                # subject is an attack, and its adjective the side that attacks
                attack = next(
                    (
                        a
                        for a in sa.actors
                        if a.kind == "adjective"
                        and a.j < pick.i
                        and sa.clause_of[a.i - sa.lo] == own
                        and any(t.i == a.j and t.spec.type in VIOLENT for t in sa.triggers)
                    ),
                    None,
                )
                if attack is not None and attack.actor.country != pick.actor.country:
                    cand.actor = self._role_for(attack.actor, cand.type, attack.kind)
                # "its forces repelled the attack": the attackers are the other side ("were
                # pushed back": in a passive the subject is the side pushed)
                cand.target = cand.actor
                cand.actor = self._other_side(cand.actor)
                cand.actor_source = "defender"
            if spec.patient_subject and pick.j <= hit.i and self._stative(sa, hit):
                # "5000 Russische militairen zaten ingesloten": the subject is the encircled side
                cand.target = cand.actor
                cand.actor = self._other_side(cand.actor)
                cand.actor_source = "patient"
        if spec.patient_subject and cand.actor is None:
            cand.symmetric = True  # "Mariupol remained encircled": by whom, the context tells

    @staticmethod
    def _antecedent(sa: SentenceAnalysis, rel: Clause) -> ActorRef | None:
        """ "Russian troops, who took Avdiivka": the actor right before a relative clause,
        which its pronoun stands for."""
        return next(
            (
                a
                for a in sa.actors
                if a.kind != "adjective"
                and (a.j == rel.start or (a.j == rel.start - 1 and sa.tokens[a.j].text == ","))
            ),
            None,
        )

    def according_sources(self, sa: SentenceAnalysis) -> frozenset[int]:
        """Where the actors named as a source after "volgens"/"according to" start."""
        if not sa.cues_of("according_to"):
            return frozenset()  # most sentences
        return frozenset(a.i for a in sa.actors if self._in_according_phrase(sa, a))

    def _in_according_phrase(self, sa: SentenceAnalysis, a: ActorRef) -> bool:
        """ "Volgens Oekraïne en westerse inlichtingendiensten zijn de Russen ...": the sources
        named right after "volgens"/"according to", and those coordinated with them, are no
        subject."""
        cues = sa.cues_of("according_to")
        if not cues:
            return False  # most sentences: nothing to look up
        toks, lex = sa.tokens, self.lex
        inside = {k for b in sa.actors for k in range(b.i, b.j)}
        for c in cues:
            if a.i < c.j:
                continue
            if all(
                k in inside
                or (
                    (toks[k].norm in lex.determiners or toks[k].norm in lex.coordinators)
                    and toks[k].norm not in lex.auxiliaries  # "zijn": his, or the verb
                )
                for k in range(c.j, a.i)
            ):
                return True
        return False

    def _controlled_actor(
        self,
        sa: SentenceAnalysis,
        hit: TriggerHit,
        cand: Candidate,
        own: int,
        attributions: list[Attribution],
    ) -> None:
        """ "Moscow claimed to have taken Robotyne", "Rusland zegt Robotyne te hebben
        ingenomen": the infinitive has no subject of its own; the speaker is its subject."""
        if not self._infinitive(sa, hit):
            return
        for a in attributions:
            if (
                a.source is not None
                and a.kind == "say"
                and a.cue.j <= hit.i
                and sa.clause_of[a.cue.i - sa.lo] == own
                and a.source.actor.country is not None
            ):
                actor = self._role_for(a.source.actor, cand.type, a.source.kind)
                if cand.type in TERRITORIAL | VIOLENT and actor.role == "government":
                    # "the ministry says it has struck X": its forces did, as with claimants
                    actor = Actor(actor.country, "military", actor.name)
                cand.actor, cand.actor_source = actor, "speaker"
                return

    def _agent_of_earlier_conjunct(
        self, sa: SentenceAnalysis, a: ActorRef, hit: TriggerHit
    ) -> bool:
        """ "werd bezet door het Russische leger en in september heroverd": the agent phrase
        follows the first participle and a coordinator opens the second conjunct, whose verb
        the agent does not reach."""
        if a.j > hit.i:
            return False
        toks, lex = sa.tokens, self.lex
        if not any(toks[k].norm in lex.coordinators for k in range(a.j, hit.i)):
            return False
        return any(t is not hit and t.j <= a.i and a.i - t.j <= 4 for t in sa.triggers)

    def _stative(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """ "zaten ingesloten", "werd omsingeld", "remained encircled" - not "hebben omsingeld"."""
        toks = sa.tokens
        clause = sa.clause_of[hit.i - sa.lo]
        words = [
            toks[k].norm
            for k in range(sa.lo, sa.hi)
            if sa.clause_of[k - sa.lo] == clause and k != hit.i
        ]
        lex = self.lex
        return any(w in lex.stative_auxiliaries for w in words) and not any(
            w in lex.perfect_auxiliaries for w in words
        )

    def _nominal(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """The trigger is used as a noun: "de inname", "the swift advance", "its fall",
        "Andriivka's recapture" (not "zijn bevrijd", where "zijn" is the verb)."""
        toks, lex = sa.tokens, self.lex
        if toks[hit.j - 1].norm not in lex.nominal_forms:
            return False
        k = hit.i - 1
        if (
            k >= sa.lo
            and toks[k].is_word
            and not toks[k].is_capitalised
            and (toks[k].norm not in lex.determiners and toks[k].norm not in lex.possessives)
        ):
            k -= 1  # one adjective: "de snelle opmars", "the swift advance"
            if k >= sa.lo and toks[k].norm not in lex.determiners:
                return False
        if k < sa.lo:
            return False
        norm = toks[k].norm
        if norm in self.lex.not_nominal:
            return False
        return (
            norm in lex.determiners
            or norm in lex.possessives
            or (norm == "s" and k - 1 >= sa.lo and toks[k - 1].text in ("'", "’"))
        )

    def _non_finite(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """An infinitive ("to meet", "te ontmoeten") or a gerund after a preposition or
        subordinator ("before travelling"; not the progressive "was withdrawing")."""
        if self._infinitive(sa, hit):
            return True
        toks, lex = sa.tokens, self.lex
        word = toks[hit.i].norm
        prev = toks[hit.i - 1].norm if hit.i > sa.lo else ""
        return (prev in lex.prepositions or prev in lex.subordinators) and any(
            word.endswith(s) and len(word) > len(s) + 2 for s in lex.gerund_suffixes
        )

    def _matrix_subject(
        self, sa: SentenceAnalysis, hit: TriggerHit, own: int, claimant_refs: set[int]
    ) -> ActorRef | None:
        """The first actor without a preposition before ``hit`` in its clause or the
        clauses it depends on."""
        chain = set(sa.ancestors(own)) | {own}
        for a in sa.actors:
            if a.i >= hit.i:
                break
            if (
                sa.clause_of[a.i - sa.lo] in chain
                and a.prep is None
                and a.kind != "adjective"
                and id(a) not in claimant_refs
            ):
                return a
        clause = sa.clauses[own]
        if clause.kind == "subordinate" and clause.start == sa.lo and clause.parent is not None:
            # "After meeting Zelensky, Blinken announced ...": a fronted adverbial clause has
            # the subject of the clause after it, a speaker or not
            return next(
                (
                    a
                    for a in sa.actors
                    if a.i >= hit.j
                    and sa.clause_of[a.i - sa.lo] == clause.parent
                    and a.prep is None
                    and a.kind != "adjective"
                ),
                None,
            )
        return None

    def _gerund(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """ "would join Washington in supplying the systems": a gerund right after its
        preposition is a verb whose subject is the clause's subject, not a noun in a phrase."""
        toks = sa.tokens
        word = toks[hit.i].norm
        return (
            hit.j - hit.i == 1
            and hit.i - 1 >= sa.lo
            and toks[hit.i - 1].norm in self.lex.prepositions
            and any(word.endswith(s) and len(word) > len(s) + 2 for s in self.lex.gerund_suffixes)
        )

    def _in_pp(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        toks, lex = sa.tokens, self.lex
        k = hit.i - 1
        hyphens = 0
        # "voert sinds eind augustus een tegenoffensief": a time phrase is no noun phrase's head
        timed = {n for i, j, _ in sa.time_tokens for n in range(i, j)}
        while (
            k >= sa.lo
            and k not in timed
            and (
                toks[k].norm in lex.determiners
                or (
                    toks[k].is_word
                    and not toks[k].is_capitalised
                    and hit.i - k <= 3 + 2 * hyphens
                    and toks[k].norm not in lex.prepositions
                )
                # "its surprise cross-border offensive": a hyphenated modifier
                or (toks[k].text == "-" and k - 1 >= sa.lo and toks[k - 1].is_word and hyphens < 2)
            )
        ):
            if toks[k].text == "-":
                hyphens += 1
            k -= 1
        return (
            k >= sa.lo and toks[k].norm in lex.prepositions and toks[k].norm not in lex.agent_preps
        )

    def _light_verb_object(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """The event noun is the object of a light verb, before its article ("made a
        breakthrough") or, Dutch verb-final, right after the noun ("een doorbraak geforceerd")."""
        toks, lex = sa.tokens, self.lex
        k = hit.i - 1
        while k >= sa.lo and toks[k].norm in lex.determiners:
            k -= 1
        before = toks[k].norm if k >= sa.lo and k < hit.i - 1 else ""
        after = toks[hit.j].norm if hit.j < sa.hi else ""
        return before in lex.light_verbs or after in lex.light_verbs

    def _agent_of_passive(self, sa: SentenceAnalysis, hit: TriggerHit, own: int) -> bool:
        """The noun ``hit`` heads the agent phrase ("door"/"by" and at most three modifiers)
        of a passive verb of its clause."""
        toks, lex = sa.tokens, self.lex
        k = hit.i - 1
        while k >= sa.lo and hit.i - k <= 3 and toks[k].norm not in lex.agent_preps:
            if not toks[k].is_word or toks[k].norm in lex.prepositions:
                return False
            k -= 1
        return (
            k >= sa.lo
            and toks[k].norm in lex.agent_preps
            and any(
                t is not hit
                and t.spec.kind == "verb"
                and sa.clause_of[t.i - sa.lo] == own
                and self._passive(sa, t)
                for t in sa.triggers
            )
        )

    def _passive(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """A participle after a passive auxiliary: "werd verbannen", "was barred" (asked for
        places and actors alike: once per trigger)."""
        key = ("passive", hit.i)
        known = sa.memo.get(key)
        if known is None or known[0] is not hit:
            known = sa.memo[key] = (hit, self._passive_uncached(sa, hit))
        return known[1]

    def _passive_uncached(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        toks = sa.tokens
        aux = self.lex.passive_auxiliaries
        transitive = hit.spec.defender_subject or hit.spec.type not in (
            "territory.withdrawal",
            "territory.advance",
        )
        if transitive and not any(t.norm in self.lex.unaccusatives for t in toks[hit.i : hit.j]):
            # "is bestookt", "zijn heroverd", "zijn teruggedrongen": with a transitive verb
            # "zijn" makes a passive (with "teruggetrokken", "aangekomen" an active perfect)
            aux = aux | self.lex.passive_perfect_auxiliaries
        # the trigger may hold its auxiliary ("was hit")
        if any(t.norm in aux for t in toks[hit.i : hit.j - 1]):
            return toks[hit.j - 1].norm.endswith(self.lex.participle_endings)
        if not toks[hit.i].norm.endswith(self.lex.participle_endings):
            return False
        # "werd in de nacht bestookt": adverbials may stand between, within the clause
        own = sa.clause_of[hit.i - sa.lo]
        for k in range(hit.i - 1, max(sa.lo, hit.i - 7) - 1, -1):
            if sa.clause_of[k - sa.lo] != own:
                return False
            if toks[k].norm in aux:
                return True
        return False

    def _agent_of_later_participle(
        self, sa: SentenceAnalysis, hit: TriggerHit, agent: ActorRef
    ) -> bool:
        """ "pushed north, according to maps published on Monday by DeepState": an agent
        phrase after the trigger belongs to the nearest participle before it, when that is
        not the trigger."""
        toks, lex = sa.tokens, self.lex
        # "Helped by North Korean soldiers, Russian forces retook Sudzha": the word before the
        # agent's preposition is a participle of its own
        k = agent.i - 1  # the agent's preposition, past determiners and numbers
        while (
            k > sa.lo and toks[k].norm not in lex.agent_preps and agent.i - k <= _AGENT_PREP_REACH
        ):
            k -= 1
        k -= 1  # the word before it
        if (
            agent.i < hit.i
            and k >= sa.lo
            and toks[k + 1].norm in lex.agent_preps
            and not hit.i <= k < hit.j
            and toks[k].is_word
            and toks[k].norm.endswith(lex.participle_endings)
            and toks[k].norm not in lex.passive_auxiliaries  # "..., werd door X verlaten"
            and toks[k].norm not in lex.auxiliaries
            and (k == sa.lo or toks[k - 1].text == ",")
        ):
            return True
        if agent.i < hit.j or hit.spec.kind != "verb":
            return False  # "de annexatie van de gebieden door Rusland": the noun's own agent
        return any(
            toks[k].is_word
            and not toks[k].is_capitalised
            and toks[k].norm.endswith(lex.participle_endings)
            and toks[k - 1].norm not in lex.determiners  # "de gebieden" is a noun
            for k in range(hit.j, agent.i - 1)
        )

    def _agent_before(self, sa: SentenceAnalysis, i: int) -> bool:
        key = ("agent", i)
        known = sa.memo.get(key)
        if known is None:
            known = sa.memo[key] = self._agent_before_uncached(sa, i)
        return known

    def _agent_before_uncached(self, sa: SentenceAnalysis, i: int) -> bool:
        toks, lex = sa.tokens, self.lex
        k = i - 1
        joined = 0  # tokens of hyphenated words beyond their first: one word each
        while k >= sa.lo:
            if toks[k].norm in lex.determiners:
                k -= 1
                continue
            if i - k - joined > 4:
                break
            compound = _hyphenated_start(toks, k, sa.lo)
            if compound is not None and (
                not toks[compound].is_capitalised
                or any(c.isdigit() for t in toks[compound : k + 1] for c in t.text)
            ):
                # "by Tu-22M3 long-range bombers": a compound or a model written with a
                # hyphen is one modifier
                joined += k - compound
                k = compound - 1
                continue
            if (
                not toks[k].is_capitalised
                and toks[k].norm not in lex.agent_preps
                and toks[k].is_word
                and toks[k].norm not in lex.place_preps
            ):
                k -= 1
                continue
            break
        if k >= sa.lo and toks[k].norm in lex.agent_preps:
            # "braken door de Oekraïense linies": a particle of the trigger, no agent
            return not any(t.i <= k < t.j for t in sa.triggers)
        # "ingenomen door Rusland gesteunde gewapende groepen": the proxy marker's "door" is
        # also the agent's (one "door" serves both)
        return (
            k - 1 >= sa.lo
            and toks[k].is_capitalised
            and toks[k - 1].norm in lex.agent_preps
            and any(a.i == k for a in sa.actors) is False
        )

    def _genitive_or_adjacent(self, sa: SentenceAnalysis, a: ActorRef, hit: TriggerHit) -> bool:
        toks = sa.tokens
        between = toks[a.j : hit.i]
        if not between:
            return True
        words = [t.norm for t in between]
        if words[:2] == ["'", "s"]:
            return len(words) <= 4
        return all(
            t.is_word
            and not t.is_capitalised
            and t.norm not in self.lex.determiners
            and t.norm not in self.lex.place_preps
            for t in between
        )

    def _in_target_slot(self, sa: SentenceAnalysis, a: ActorRef, hit: TriggerHit) -> bool:
        """ "heroverd op de Russen", "bevrijd van de bezetter", "tegen Rusland": not the actor."""
        toks = sa.tokens
        k = a.i - 1
        while k >= sa.lo and toks[k].norm in self.lex.determiners:
            k -= 1
        if k < sa.lo:
            return False
        prep = toks[k].norm
        return prep in hit.spec.target_preps or prep in self.lex.target_preps

    def _role_for(self, actor: Actor, etype: str, kind: str = "country") -> Actor:
        """A country or capital acting in a fight is its military; elsewhere its government.

        Only names of countries and capitals (and adjectives, pronouns) stand for an army:
        "regeringsleiders" or a ministry stay what they are.
        """
        out = Actor(actor.country, actor.role, actor.name)
        if etype in TERRITORIAL or etype in VIOLENT:
            if (
                kind in ("country", "metonym", "adjective", "pronoun", "possessive")
                and out.role in ("government", "unknown")
                and out.country
                and out.name is None
            ):
                out.role = "military"
        elif out.role == "unknown" and out.country:
            out.role = "government"
        return out

    def _weapon_user(self, sa: SentenceAnalysis, own: int) -> Actor | None:
        """A warring side's adjective on a weapon that is a subject of the clause ("Russische
        kruisraketten"), not part of a compound ("a Ukrainian drone factory") or of a phrase
        ("from Russian air defence")."""
        toks, lex = sa.tokens, self.lex
        time_starts = {i for i, _, _ in sa.time_tokens}
        for a in sa.actors:
            if (
                a.kind != "adjective"
                or a.actor.country not in self.sides
                or sa.clause_of[a.i - sa.lo] != own
                or a.j >= sa.hi
                or toks[a.j].norm not in lex.strike_modifiers
            ):
                continue
            prev = toks[a.i - 1].norm if a.i > sa.lo else ""
            if prev in lex.prepositions or prev in lex.determiners:
                continue
            nxt = a.j + 1
            if (
                nxt >= sa.hi
                or not toks[nxt].is_word
                or toks[nxt].norm in lex.determiners
                or toks[nxt].norm in lex.prepositions
                or nxt in time_starts
            ):
                return a.actor
        return None

    def _object_owner(self, sa: SentenceAnalysis, hit: TriggerHit, own: int) -> Actor | None:
        """The warring side that owns what a verb of attack hit: an adjective, possessive or
        genitive in its object ("hit a Russian ammunition depot", "struck Russia's fleet",
        "een houwitser van de separatisten"), not a place of origin ("from Russian
        territory")."""
        toks, lex = sa.tokens, self.lex
        for a in sa.actors:
            if a.i < hit.j or sa.clause_of[a.i - sa.lo] != own or a.actor.country not in self.sides:
                continue
            if a.i - hit.j > _OWNER_REACH:
                break  # past the object: "fired at the city had been launched by bombers
                # flying over Russia's Kursk region"
            if a.j < sa.hi and toks[a.j].norm in lex.strike_modifiers:
                # Dutch puts the subject after the verb: "troffen Russische kruisraketten
                # een stuwdam": the side whose weapons hit is the attacker
                return None
            k = a.i - 1
            while k > hit.j and toks[k].norm in lex.determiners:
                k -= 1
            if toks[k].text == "," or (
                toks[k].norm in lex.prepositions and toks[k].norm not in lex.genitive_preps
            ):
                continue  # another phrase: "from Russian territory", ", Ukraine's army said"
            if any(0 <= t.i - a.j <= 1 for t in sa.triggers if t is not hit):
                continue  # the attacker of another attack: "een golf Russische aanvallen"
            if (
                a.kind in ("adjective", "possessive", "group")
                or [t.norm for t in toks[a.j : a.j + 2]] == ["'", "s"]
                # "vernietigde een houwitser van de separatisten"
                or (a.prep in lex.genitive_preps and a.i > hit.j + 1)
            ):
                return a.actor
        return None

    def _other_side(self, actor: Actor | None) -> Actor | None:
        if actor is None or actor.country not in self.sides:
            return None
        other = self.sides[1] if actor.country == self.sides[0] else self.sides[0]
        return Actor(other, "military")

    # -- places ----------------------------------------------------------------------------

    def _attach_places(
        self, sa: SentenceAnalysis, hit: TriggerHit, cand: Candidate, own: int, chain: list[int]
    ) -> list[PlaceRef]:
        spec = hit.spec
        clause = sa.clauses[own]
        actor_toks = sa.memo.get(("named_actor_tokens", 0))
        if actor_toks is None:
            actor_toks = sa.memo[("named_actor_tokens", 0)] = {
                k
                for a in sa.actors
                for k in range(a.i, a.j)
                if a.kind in ("metonym", "country", "named")
            }

        # "Kyiv werd bestookt", "Kharkiv was shelled": the subject of a passive is what the
        # act was done to, a place, even where a capital elsewhere stands for its government
        passive = self._passive(sa, hit)
        toks, lex = sa.tokens, self.lex

        relative_antecedent = clause.antecedent if clause.kind == "relative" else None

        def usable(r: PlaceRef) -> bool:
            if (
                any(k in actor_toks for k in range(r.i, r.j))
                and r.mention is not None
                and r.prep is None
                and not (passive and r.j <= hit.i and sa.clause_of[r.i - sa.lo] == own)
                # "Rusland bestookte Kyiv", "Russia captured Kherson": the object of an attack
                # or a capture is the place it happened to
                and not ((cand.type in VIOLENT or spec.territorial) and r.i == hit.j)
                # "er niet in geslaagd Kyiv in te nemen": the object before a Dutch infinitive
                and not (spec.territorial and r.j == hit.i and self._infinitive(sa, hit))
                # "erkende de onafhankelijkheid van de Volksrepublieken Donetsk en Loegansk":
                # what a recognition or visit is about follows its verb
                and not (cand.type == "diplomacy" and r.i >= hit.j)
                and not self._listed_with_places(sa, r, actor_toks)
            ):
                return False
            if r.seat or (
                # the antecedent's preposition is its own clause's ("in de regio Charkiv, waar
                # de Russische troepen zich terugtrokken")
                r.prep in spec.exclude_preps and r is not relative_antecedent
            ):
                return False
            if (
                r.prep in lex.agent_preps
                and (r.prep,) in spec.actor_preps
                and any(k in actor_toks for k in range(r.i, r.j))
            ):
                return False  # "has been held by Kiev": the holder, named by its capital
            if (
                r.j + 2 < hit.i
                and toks[r.j].text in ("'", "’")
                and toks[r.j + 1].norm == "s"
                and any(a.i <= r.j + 4 and a.j > r.j + 2 for a in sa.actors)
            ):
                # "Moscow's troops took X": the possessor of an actor, not a place
                # ("Andriivka's recapture" is: the event noun itself is possessed, and so is
                # "Mariupol's drama theatre": a building in the town)
                return False
            if r.mention is not None and (r.mention.feature or "").upper() in WATER_FEATURES:
                return False
            if r.mention is None and not r.resolved and not r.indefinite:
                return False
            places = r.places
            return not (
                cand.type in TERRITORIAL and places and all(is_country_level(p) for p in places)
            )

        cands = [r for r in sa.places if sa.clause_of[r.i - sa.lo] == own and usable(r)]
        if spec.territorial and self._nominal(sa, hit):
            # "de inname van het stadje", "the advance on Tokmak", "Andriivka's recapture":
            # a nominalisation's place is in its own complement or genitive
            # ... up to the next trigger: "the swift advance follows the recapture of X"
            later = [t.i for t in sa.triggers if t.i >= hit.j]
            stop = min(later) if later else sa.hi
            own_places = [
                r
                for r in cands
                if (0 <= r.i - hit.j <= 6 and r.i < stop and r.prep in spec.place_preps)
                or (0 <= hit.i - r.j <= 3)
            ]
            if not own_places:
                return []
            coordinable = cands
            cands = own_places
        else:
            coordinable = cands
        antecedent = clause.antecedent if clause.kind == "relative" else None
        if antecedent is not None and usable(antecedent) and not _holds(cands, antecedent):
            cands.insert(0, antecedent)
        if not cands:
            for c in chain[1:]:
                cands = [r for r in sa.places if sa.clause_of[r.i - sa.lo] == c and usable(r)]
                if cand.type in VIOLENT:
                    # "told reporters in Vienna that a projectile had hit the training
                    # centre": where the news was told is no battlefield
                    cands = [r for r in cands if not self._outside_the_war([r])]
                if cands:
                    break
        if not cands and cand.type in VIOLENT:
            # "Toen de colonnes Ilovajsk verlieten, werden ze van alle kanten beschoten": a
            # "when" clause tells the attack's setting ("the attack came a day after Russia
            # withdrew from X" tells when, by another event elsewhere)
            setting = {
                c.id
                for c in sa.clauses
                if c.kind == "subordinate"
                and c.introducer in self.lex.setting_subordinators
                and c.parent is not None
                and c.parent in chain
            }
            cands = [
                r
                for r in sa.places
                if sa.clause_of[r.i - sa.lo] in setting and usable(r) and r.level >= 4
            ]
            if len({r.places[0].name for r in cands if r.places}) > 1:
                cands = []  # several settings: none is the attack's
        if not cands:
            return []

        settlements = [r for r in cands if r.level >= 4]
        verbs = [t.i for t in sa.triggers if t is not hit and t.spec.kind == "verb"]

        def score(r: PlaceRef) -> float:
            s = float(r.level)
            if any(min(r.i, hit.i) < v < max(r.i, hit.i) for v in verbs):
                # "crossed into the Chernihiv and Sumy regions and advanced towards Kyiv": a
                # place past another verb is that verb's
                s -= 4
            # "de inname van X": a genitive only counts right after the trigger
            if (r.prep is not None and r.prep in spec.place_preps) and (
                r.prep not in self.lex.genitive_preps or 0 <= r.i - hit.j <= 4
            ):
                s += 3
            if r.level <= 3 and any(o.i < r.i for o in settlements):
                s -= 2  # "Selydove in de regio Donetsk": the region contains the place
            if r is antecedent:
                s += 2.5
            if r.locator:
                s -= 3
            if r.secondary:
                s -= 4
            if r.prep in self.lex.origin_preps and cand.type != "territory.withdrawal":
                s -= 3
            if spec.kind == "fall" and r.prep is None and r.j <= hit.i:
                s += 3
            if r.indefinite:
                # ... unless it closes a list of named places ("in Kramatorsk, Horlivka en
                # een handvol andere steden"): the named members lead
                named_before = (
                    r.i > 0
                    and sa.tokens[r.i - 1].norm in self.lex.coordinators
                    and any(o.mention is not None and o.j < r.i and r.i - o.j <= 2 for o in cands)
                ) or (
                    # "het dorp Doedtsjany hebben bereikt, een dorp aan de Dnipro": after a
                    # comma it describes the place just named
                    r.i > 0
                    and sa.tokens[r.i - 1].text == ","
                    and any(o.mention is not None and o.j < r.i and r.i - o.j <= 4 for o in cands)
                )
                s += -3 if named_before else 1
            dist = abs(r.i - hit.i)
            return s - dist / 12.0

        head = max(cands, key=score)
        if cand.type in VIOLENT and sa.clause_of[head.i - sa.lo] != own:
            # "the first gains since launching its counteroffensive": a fight whose clause
            # names no place happened somewhere about the places of the clause above, not at
            # each of them
            cand.place_ref = head
            return [head]
        extra = [r for r in coordinable if not _holds(cands, r) and r.i > head.i]
        if head is antecedent:
            # "entered Kramatorsk, Druzhkivka and Kostiantynivka, which the rebels left":
            # a relative clause after a list is about every member
            extra += [r for r in sa.places if r.j <= head.i and not _holds(cands, r) and usable(r)]
        if cand.type in TERRITORIAL | VIOLENT:  # one event per place: moves and attacks
            extra += self._list_across_comma(
                sa, head, [r for r in sa.places if usable(r)], cands + extra
            )
        group = self._coordinated(sa, head, cands + extra)
        cand.place_ref = head
        if head.indefinite and not head.resolved:
            cand.pending_place = True
        return group

    def _listed_with_places(self, sa: SentenceAnalysis, r: PlaceRef, actor_toks: set[int]) -> bool:
        """A capital that could be a metonym ("Kyiv") stands in a list with places that are no
        actors ("struck Kyiv, Kryvyi Rih and Dnipro"): it is one of the places, not an actor.

        The list must be closed by a coordinator: "Wagner claimt verovering Bachmoet, Kyiv:
        ..." is a headline's place followed by a speaker, not a list; three names in a row
        are a list without one.
        """
        toks, lex = sa.tokens, self.lex

        def joint(lo: int, hi: int) -> str | None:
            """'and' for a coordinator, ',' for a bare comma, None for no joint at all."""
            words = [t.norm for t in toks[lo:hi]]
            if not words or len(words) > 2:
                return None
            if not all(w == "," or w in lex.coordinators for w in words):
                return None
            return "and" if any(w in lex.coordinators for w in words) else ","

        chain = sorted((o for o in sa.places if o.mention is not None), key=lambda o: o.i)
        k = next((n for n, o in enumerate(chain) if o is r), None)
        if k is None:
            return False
        lo = hi = k
        while lo > 0 and joint(chain[lo - 1].j, chain[lo].i):
            lo -= 1
        while hi + 1 < len(chain) and joint(chain[hi].j, chain[hi + 1].i):
            hi += 1
        members = chain[lo : hi + 1]
        if len(members) < 2:
            return False
        # three names in a row are a list even when it runs on ("Dnipro and other cities")
        closed = len(members) >= 3 or any(joint(a.j, b.i) == "and" for a, b in pairwise(members))
        plain = any(
            o is not r and not any(n in actor_toks for n in range(o.i, o.j)) for o in members
        )
        return closed and plain

    def _talks_about_political(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """A political trigger is the topic of these talks: "over"/"about"/"on" + at most a
        determiner and a modifier + the political noun. A word between the verb and the
        preposition may be a time adverb ("agreed overnight on sanctions")."""
        toks = sa.tokens
        for prep in range(hit.j, min(hit.j + 2, sa.hi)):
            if toks[prep].norm in self.lex.topic_preps:
                return any(
                    t.spec.type == "political" and prep < t.i <= prep + 3 for t in sa.triggers
                )
            if not toks[prep].is_word or toks[prep].is_capitalised:
                return False
        return False

    def _weapon_subject(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """A weapon word stands before the verb in its clause, as its subject: "rockets fired
        from rebel-held territory hit Kramatorsk"."""
        own = sa.clause_of[hit.i - sa.lo]
        weapons = self.lex.strike_modifiers
        return any(
            sa.tokens[k].norm in weapons and sa.clause_of[k - sa.lo] == own
            for k in range(max(sa.lo, hit.i - _WEAPON_SUBJECT_REACH), hit.i)
        )

    def _acknowledges(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """A verb of recognising whose object is a "that" clause or an event noun: "erkende
        dat kleine groepen ...", "heeft het verlies van de dorpen niet erkend"."""
        toks, lex = sa.tokens, self.lex
        if toks[hit.i].norm not in lex.recognition_verbs:
            return False
        own = sa.clause_of[hit.i - sa.lo]
        window = range(max(sa.lo, hit.i - _OBJECT_REACH), min(sa.hi, hit.j + _OBJECT_REACH))
        # Dutch puts the subject between the fronted verb and its "dat" clause
        clause_reach = min(sa.hi, hit.j + _SAY_OBJECT_REACH)
        return any(toks[k].norm in lex.complementizers for k in range(hit.j, clause_reach)) or any(
            t is not hit and t.i in window and sa.clause_of[t.i - sa.lo] == own for t in sa.triggers
        )

    def _described_event(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """ "Het was de dodelijkste aanval op het leger sinds ...", "It is the largest attack
        since ...": a pronoun, a copula and the event noun as predicate describe an event the
        text has told, they tell no new one."""
        toks, lex = sa.tokens, self.lex
        k = sa.lo
        while k < hit.i and not toks[k].is_word:
            k += 1
        if k + 1 >= hit.i:
            return False
        pronoun = toks[k].norm in lex.expletives or toks[k].norm in lex.clause_pronouns
        return (
            pronoun
            and toks[k + 1].norm in lex.copulas
            and hit.i - (k + 1) <= _PREDICATE_REACH
            and all(t.is_word and not t.is_capitalised for t in toks[k + 2 : hit.i])
        )

    def _agrees_to_act(self, sa: SentenceAnalysis, hit: TriggerHit, own: int) -> bool:
        """A verb of agreeing with an aid or political act after it in its clause ("EU leaders
        agreed a package of support for Ukraine", "agreed on Thursday to lend Ukraine $50
        billion"): the act agreed on is the event."""
        if sa.tokens[hit.i].norm not in self.lex.agreement_verbs:
            return False
        # ... or before it, where Dutch puts the object of a final verb: "had Poetin de
        # annexatie van vier regio's ondertekend"
        return any(
            t.spec.type in ("aid", "political")
            and -_AGREED_ACT_REACH <= t.i - hit.j <= _AGREED_ACT_REACH
            and sa.clause_of[t.i - sa.lo] == own
            for t in sa.triggers
        )

    def _coordinated(
        self, sa: SentenceAnalysis, head: PlaceRef, cands: list[PlaceRef]
    ) -> list[PlaceRef]:
        """The head place and the places coordinated with it ("Hirske en Zolote")."""
        ordered = sorted(cands, key=lambda r: r.i)
        # by identity: ``list.index`` compares with the generated ``__eq__``, interpreted
        idx = next(k for k, r in enumerate(ordered) if r is head)
        group = [head]
        last = head
        for nxt in ordered[idx + 1 :]:
            if self._coord_between(sa, last, nxt):
                if not nxt.locator or head.locator:
                    group.append(nxt)
                last = nxt
            elif self._region_of(sa, last, nxt):
                # "at Engels in the Saratov region and Dyagilevo in the Ryazan region": a
                # conjunct's own region, the list goes on after it
                last = nxt
            elif not self._inside_apposition(sa, last, nxt):
                break
        k = idx
        while k - 1 >= 0 and self._coord_between(sa, ordered[k - 1], ordered[k]):
            if not ordered[k - 1].locator or head.locator:
                group.insert(0, ordered[k - 1])
            k -= 1
        return group

    def _list_across_comma(
        self, sa: SentenceAnalysis, head: PlaceRef, usable: list[PlaceRef], taken: list[PlaceRef]
    ) -> list[PlaceRef]:
        """The rest of a list the head begins, where a comma made the clause reader close the
        head's clause: "after Russian troops pulled back from towns including Bucha, Hostomel
        and Irpin". Only a list closed by a coordinator ("and Irpin") counts: "left Bucha,
        Irpin residents said" is no list."""
        run: list[PlaceRef] = []
        last = head
        later = [r for r in usable if r.i > head.i and not _holds(taken, r)]
        for r in sorted(later, key=lambda r: r.i):
            if not self._coord_between(sa, last, r):
                break
            run.append(r)
            last = r
        if not run:
            return []
        joint = {t.norm for t in sa.tokens[run[-2].j if len(run) > 1 else head.j : run[-1].i]}
        return run if joint & self.lex.coordinators else []

    def _region_of(self, sa: SentenceAnalysis, a: PlaceRef, b: PlaceRef) -> bool:
        """``b`` is the larger unit ``a`` lies in, told right after it ("Engels in the Saratov
        region", "Djagilevo bij Rjazan" is not: a town beside a town)."""
        if a.mention is None or b.mention is None or b.locator:
            return False
        if place_level(b.mention) >= place_level(a.mention) or is_country_level(b.mention):
            return False
        words = [t.norm for t in sa.tokens[a.j : b.i]]
        return (
            bool(words)
            and words[0] == b.prep
            and all(
                w in self.lex.prepositions
                or w in self.lex.determiners
                or w in self._classifier_nouns  # "in de regio Donetsk"
                for w in words
            )
        )

    def _inside_apposition(self, sa: SentenceAnalysis, a: PlaceRef, b: PlaceRef) -> bool:
        """``b`` sits in a comma-delimited apposition right after ``a``."""
        toks = sa.tokens
        if a.j >= sa.hi or toks[a.j].text != ",":
            return False
        close = next((n for n in range(a.j + 1, sa.hi) if toks[n].text == ","), None)
        return close is not None and b.j <= close

    def _coord_between(self, sa: SentenceAnalysis, a: PlaceRef, b: PlaceRef) -> bool:
        if a.mention is None or b.mention is None:
            return False
        toks, lex = sa.tokens, self.lex
        k, end = a.j, b.i
        if k >= end:
            return False
        # skip an apposition: ", een mijnstadje ten zuiden van Selydove,", ", north-west of X,"
        if toks[k].text == ",":
            close = next((n for n in range(k + 1, end) if toks[n].text == ","), None)
            if close is not None:
                inner = [t.norm for t in toks[k + 1 : close]]
                if inner and (inner[0] in lex.determiners or lex.locators.find(toks, k + 1, close)):
                    k = close
        words = [t.norm for t in toks[k:end]]
        if not words:
            return False
        joined = any(w in lex.coordinators or w == "," for w in words)
        # "de verovering van Hirnyk, ..., en van de dorpen X en Y": the repeated preposition
        # and a classifier noun may open the second conjunct
        nouns = self._classifier_nouns
        allowed = all(
            w == ","
            or w in lex.coordinators
            or w in lex.coordination_fillers
            or w in lex.determiners
            or (a.prep is not None and w == a.prep)
            or w in nouns
            for w in words
        )
        if any(w == a.prep or w in nouns for w in words) and not any(
            w in lex.coordinators for w in words
        ):
            return False  # "Serhiivka, in de regio Odesa": an apposition, not a conjunct
        return joined and allowed

    # -- time ------------------------------------------------------------------------------

    def _attach_time(
        self,
        sa: SentenceAnalysis,
        hit: TriggerHit,
        own: int,
        chain: list[int],
        etype: str | None = None,
    ) -> TimeMention | None:
        """The time expression of the trigger's clause, else of the clause it depends on.

        A time closer to another trigger of the same clause is that trigger's ("recaptured
        Sudzha, the largest town seized by Ukraine last August": August dates the seizure).
        """
        toks = sa.tokens
        etype = etype or hit.spec.type
        # "sinds april", "since 2014" date a state ("held since 2014"), not an act
        # ("dat sinds maart bezet was": a participle with a stative auxiliary is a state too)
        state = (
            hit.spec.kind == "state"
            # "dat sinds zondag onder vuur ligt": ongoing fighting and shelling, dated by
            # when they began
            or etype in ("combat", "strike", "territory.advance")
            or (
                hit.spec.territorial
                and hit.spec.kind == "verb"
                and any(toks[i].norm in self.lex.since_preps for i, _, _ in sa.time_tokens)
                # "which Russian troops have occupied since March": a capture verb with
                # "since" dates the start of the holding, which is when the place was taken
                and (
                    self._stative(sa, hit)
                    or (
                        etype == "territory.capture"
                        and any(toks[n].norm in self.lex.holding_forms for n in range(hit.i, hit.j))
                    )
                )
            )
        )
        # other predicates compete for times; a noun in a phrase ("na zware gevechten") does not
        others = [
            t.i for t in sa.triggers if t.i != hit.i and t.spec.kind in ("verb", "fall", "loss")
        ]
        coordinators = self.lex.coordinators

        def other_conjunct(i: int, c: int) -> bool:
            """ "werd in maart bezet en in september heroverd": a time across "en"/"and" with
            a predicate of its own belongs to that conjunct."""
            lo_, hi_ = sorted((i, hit.i))
            cuts = [n for n in range(lo_, hi_) if toks[n].norm in coordinators]
            if not cuts:
                return False
            if i > hit.i:
                return any(o > cuts[0] and sa.clause_of[o - sa.lo] == c for o in others)
            return any(o < cuts[-1] and sa.clause_of[o - sa.lo] == c for o in others)

        for c in chain:
            times = [
                (i, t)
                for i, _, t in sa.time_tokens
                if sa.lo <= i < sa.hi
                and t.dating
                and sa.clause_of[i - sa.lo] == c
                and (state or toks[i].norm not in self.lex.since_preps)
                and (
                    c != own
                    or not any(
                        min(i, hit.i) < o < max(i, hit.i) and sa.clause_of[o - sa.lo] == c
                        for o in others
                    )
                )
            ]
            if c == own and others and len(times) > 1:
                # ... but a conjunct without a time of its own shares its neighbour's
                # ("abandoned the city overnight and retreated towards Donetsk")
                times = [item for item in times if not other_conjunct(item[0], c)] or times
            if times:
                # a time set off by commas from the trigger (an apposition's "before the war")
                # yields to one in the trigger's own stretch of the clause
                def rank(item: tuple[int, TimeMention]) -> tuple[int, int]:
                    i = item[0]
                    lo_, hi_ = min(i, hit.i), max(i, hit.i)
                    comma = any(toks[n].text == "," for n in range(lo_, hi_))
                    return (1 if comma else 0, abs(i - hit.i))

                return min(times, key=rank)[1]
        since = self._since_clause(sa, own) if hit.spec.kind == "state" else None
        if since is not None:
            # "has been held by Kiev since government forces drove the rebels out in June":
            # the clause "since" opens dates the start of the holding
            for i, _, t in sa.time_tokens:
                if sa.lo <= i < sa.hi and t.dating and sa.clause_of[i - sa.lo] == since:
                    return t
        return None

    def _since_clause(self, sa: SentenceAnalysis, own: int) -> int | None:
        """The clause "since"/"sinds" opens under clause ``own``, if any."""
        return next(
            (c.id for c in sa.clauses if c.parent == own and c.introducer in self.lex.since_preps),
            None,
        )

    # -- claimant, status, modality --------------------------------------------------------

    def _attribute(
        self,
        sa: SentenceAnalysis,
        hit: TriggerHit,
        cand: Candidate,
        attributions: list[Attribution],
    ) -> None:
        gov = self._governing(sa, hit, attributions)
        if gov is not None and cand.type in ("aid", "diplomacy", "political") and gov.kind == "say":
            # "Slowakije maakte bekend dat het ... heeft geschonken": a donor announcing its act
            source = gov.source.actor if gov.source is not None else None
            if cand.actor is None and source is not None and source.country is not None:
                cand.actor, cand.actor_source = self._role_for(source, cand.type), "speaker"
            if (
                cand.actor is not None
                and source is not None
                and (
                    (source.country == cand.actor.country and source.country is not None)
                    or (source.name is not None and source.name == cand.actor.name)
                )
            ):
                gov = None
        if gov is None:
            if sa.cues_of("unconfirmed") or self._cue_in(sa, "hearsay", hit, before=12, after=4):
                cand.status = "unconfirmed"
            return
        source = gov.source.actor if gov.source is not None else Actor(None, "unknown")
        cand.claimant = Actor(source.country, source.role, source.name)
        if (
            cand.type in VIOLENT
            and (cand.actor is None or cand.actor.country is None)
            and gov.kind == "say"
            and source.country in self.sides
            and self._infinitive(sa, hit)
        ):
            # "meldde schade te hebben toegebracht": the speaker reports its own strike
            cand.actor, cand.actor_source = Actor(source.country, "military"), "speaker"
        if gov.kind == "deny":
            cand.status = "denied"
        elif gov.kind == "confirm":
            cand.status = "confirmed"
        elif (
            gov.kind == "say"
            and cand.type not in TERRITORIAL | VIOLENT
            and self._announces(cand.claimant)
        ):
            # A gift, a meeting or a decision is made public by those who make it: "Biden said
            # Germany would join in supplying the systems" reports the pledge. What is fought
            # over (ground, fighting, strikes), a figure given "volgens" someone, or an
            # observer's reading ("volgens analisten wordt overlegd over een annexatie") stays
            # a claim.
            cand.status, cand.claimant = "reported", None
        else:
            cand.status = "claimed"
            own_loss = (
                gov.kind == "say"
                and cand.claimant.country is not None
                and (
                    cand.type == "territory.withdrawal"
                    and cand.actor is not None
                    and cand.actor.country == cand.claimant.country
                )
            )
            if own_loss:
                cand.status = "confirmed"

    def _modality(
        self, sa: SentenceAnalysis, hit: TriggerHit, cand: Candidate, own: int, chain: list[int]
    ) -> str:
        toks = sa.tokens
        in_scope = set(chain)
        negated = False
        for c in sa.cues_of("negation"):
            cc = sa.clause_of[c.i - sa.lo]
            if cc != own:
                continue
            if (0 <= hit.i - c.j <= 10) or (
                0 <= c.i - hit.j <= 1 and self.lex.negation_follows_verb
            ):
                # "niet alleen", "not only" do not negate
                if c.j < sa.hi and toks[c.j].norm in self.lex.negation_exceptions:
                    continue
                if any(
                    "say" in a.categories or "confirm" in a.categories
                    for a in sa.cues
                    if a.i == c.j or a.j == c.i
                ):
                    continue
                negated = True
        if negated:
            return "negated"
        if cand.time is not None and (
            cand.time.earliest > self._doc_latest_iso
            or phrase_tokens(cand.time.surface) in self.lex.later_today
        ):
            return "planned"  # "eind volgende week", "later vandaag reist hij door"
        planned = [
            c
            for c in sa.cues_of("planned")
            if sa.clause_of[c.i - sa.lo] in in_scope and c.j <= hit.i + 1
        ]
        for c in planned:
            word = toks[c.i].norm
            nxt = toks[c.j].norm if c.j < sa.hi else ""
            if word in self.lex.go_verbs and (
                nxt in self.lex.go_not_future_before or self._particle_closes(sa, c.j)
            ):
                continue  # "gaan de gevechten volgens het leger door": "doorgaan", no future
            if cand.type == "aid" and word in self.lex.pledge_auxiliaries:
                continue
            return "planned"
        possible = [
            c
            for c in sa.cues_of("possible")
            if sa.clause_of[c.i - sa.lo] in in_scope and c.j <= hit.i + 1
        ]
        if possible:
            return "possible"
        return "asserted"

    def _particle_closes(self, sa: SentenceAnalysis, k: int) -> bool:
        """A particle that makes "gaan" a verb of its own ("door", "verder") ends the clause
        that starts at token ``k``."""
        own = sa.clause_of[k - sa.lo] if sa.lo <= k < sa.hi else None
        end = k
        while end < sa.hi and sa.clause_of[end - sa.lo] == own and sa.tokens[end].is_word:
            end += 1
        return end > k and sa.tokens[end - 1].norm in self.lex.go_not_future_before

    # -- numbers ---------------------------------------------------------------------------

    def _numbers(self, sa: SentenceAnalysis, hit: TriggerHit, cand: Candidate) -> None:
        if cand.type in VIOLENT:
            killed = [c.value for c in sa.casualties if c.kind == "killed" and c.value is not None]
            injured = [
                c.value for c in sa.casualties if c.kind == "injured" and c.value is not None
            ]
            cand.fatalities = max(killed) if killed else None
            cand.injured = max(injured) if injured else None
        if cand.type == "aid" and sa.amounts:
            nearest = min(sa.amounts, key=lambda a: abs(a.i - hit.i))
            cand.amount = Amount(nearest.value, nearest.currency)

    # -- anchoring and splitting -----------------------------------------------------------

    def _is_remention(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        if hit.spec.kind not in ("noun", "fall", "loss"):
            return False
        toks, lex = sa.tokens, self.lex
        if hit.spec.kind != "noun" and toks[hit.j - 1].norm not in lex.nominal_forms:
            return False  # "that the town had fallen": a verb; "its fall": a noun
        k = hit.i - 1
        while (
            k >= sa.lo
            and toks[k].is_word
            and not toks[k].is_capitalised
            and toks[k].norm not in lex.determiners
            and hit.i - k <= 3
        ):
            k -= 1
        if k < sa.lo:
            return False
        if any(k < cue.i < hit.i for cue in sa.cues):
            return False  # "The rebels denied shelling Mariupol": the walk crossed a verb
        if any(
            toks[n].norm in lex.series_ordinals or toks[n].norm[:1].isdigit()
            for n in range(k + 1, hit.i)
        ):
            # "haar twaalfde sanctiepakket", "its 14th sanctions package": the next of a
            # series, a new event
            return False
        if toks[k].norm in lex.definite or toks[k].norm in lex.possessives:
            return True
        return toks[k].norm == "s" and k - 1 >= sa.lo and toks[k - 1].text in ("'", "’")

    def _casualties_fall(self, sa: SentenceAnalysis, hit: TriggerHit) -> bool:
        """The subject of "vallen" is a count of the dead or injured: the word before the verb
        or one of the three after it is a death or injury noun ("drie doden vielen", "vielen
        er twee doden")."""
        nouns = self._casualty_nouns
        before = sa.tokens[hit.i - 1].norm if hit.i > sa.lo else ""
        return before in nouns or any(
            t.norm in nouns for t in sa.tokens[hit.j : min(sa.hi, hit.j + 3)]
        )

    def _place_anchored(
        self, sa: SentenceAnalysis, hit: TriggerHit, cand: Candidate, places: list[PlaceRef]
    ) -> bool:
        """The part of :meth:`_anchored` that needs only the places: a move needs a place its
        verb governs, a fight or strike a place more precise than a country."""
        spec = hit.spec
        if cand.type in TERRITORIAL:
            if not places and not cand.remention:
                return False
            if spec.object_check and not self._object_is_place(sa, hit, places):
                return False
            if (
                spec.kind == "fall"
                and not self._fall_subject(sa, hit, places)
                and not cand.remention
            ):
                return False
            # "verloor tientallen tanks": what was lost is no place; before the verb a place
            # is the object only where the verb comes last ("dat Oekraïne Bachmoet verloor"):
            # in a main clause it is the subject ("de centrale verloor haar laatste lijn")
            verb_last = sa.clauses[sa.clause_of[hit.i - sa.lo]].kind != "main"
            return not (
                spec.kind == "loss"
                and not any(
                    0 <= r.i - hit.j <= 4 or (verb_last and 0 <= hit.i - r.j <= 3) for r in places
                )
            )
        # "fired 13 missiles at Lviv", "dropped bombs on X": the place aimed at follows the
        # weapon ("the bombers that Russia uses to fire cruise missiles at Ukrainian cities" aim
        # at no place named, whatever the sentence names before)
        particle = hit.particle
        if (
            cand.type in VIOLENT
            and particle is not None
            and spec.particle_next & self.lex.prepositions
            and not any(r.i > particle for r in places)
        ):
            return False
        if cand.type in VIOLENT:
            # where it happened: a fight or strike "in Ukraine" alone is too vague to keep,
            # unless the whole country is what was attacked ("bestookte Oekraïne met 472
            # drones")
            return (
                any(not all(is_country_level(p) for p in r.places) for r in places if r.places)
                or any(r.indefinite for r in places)
                or any(r.i == hit.j and r.places for r in places)
                # "fired 13 missiles at Ukraine": the place the weapon was aimed at
                or (
                    hit.particle is not None
                    and any(
                        r.places and r.i > hit.particle and r.prep in spec.particle_next
                        for r in places
                    )
                )
                # "vuurde 479 drones op Oekraïne af", "fired missiles at Ukraine": the country
                # is what the strike was aimed at, not where something happened somewhere
                or (
                    cand.type == "strike"
                    and any(
                        r.places
                        and r.prep in spec.place_preps
                        and r.prep not in self.lex.seat_preps
                        and r.i > hit.i
                        for r in places
                    )
                )
            )
        return True

    def _denied_attack(
        self,
        sa: SentenceAnalysis,
        hit: TriggerHit,
        cand: Candidate,
        attributions: list[Attribution],
    ) -> bool:
        """ "Russia's defence ministry denied bombing the theatre": a denied attack naming no
        place takes the place of the attack it denies (or is dropped); one placed too vaguely
        ("denied fighting in Ukraine") stays unanchored."""
        if cand.type not in VIOLENT:
            return False
        gov = self._governing(sa, hit, attributions)
        return gov is not None and gov.kind == "deny"

    def _anchored(
        self, sa: SentenceAnalysis, hit: TriggerHit, cand: Candidate, places: list[PlaceRef]
    ) -> bool:
        # The checks on places alone were made by _place_anchored before the actor was
        # attached (with the same places and remention); what is left needs the actor.
        spec = hit.spec
        armed = cand.actor is not None and (
            cand.actor.role in ARMED_ROLES or cand.actor.country in self.sides
        )
        if cand.type in TERRITORIAL:
            if cand.actor is not None and cand.actor.role in ("civilian", "media"):
                return False
            if spec.needs_force and (cand.actor is None or cand.actor.role not in ARMED_ROLES):
                return False  # "President Zelensky left Kyiv for Warsaw"
            ref = cand.actor_ref
            if (
                cand.type == "territory.advance"
                and ref is not None
                and any(t.norm in self.lex.strike_modifiers for t in sa.tokens[ref.i : ref.j])
            ):
                return False  # "Russian artillery could reach Kramatorsk": a range, no move
            if not armed and self._outside_the_war(places):
                # "Barcelona laid siege to the goal", "to reach the Wimbledon semi-finals":
                # ground changes hands here only in the warring countries, unless a force
                # of one of the sides is named
                return False
            if cand.type == "territory.withdrawal" and not armed and not cand.remention:
                return False
            weak = spec.strength == "weak" and spec.kind != "fall" and not cand.remention
            return not (weak and not armed and not (spec.kind == "loss" and places))
        if cand.type in VIOLENT:
            if self._outside_the_war(places) and not (
                self._weapon_subject(sa, hit)
                # "a Russian-made missile hit ...": a weapon by the trigger or as instrument
                or self._strike_modified(sa, hit)
                or (
                    cand.actor_ref is not None
                    and cand.actor_ref.kind not in ("country", "metonym")
                    and cand.actor is not None
                    and cand.actor.role in ARMED_ROLES
                )
            ):
                # "Mudryk struck as Ukraine beat Iceland in Wroclaw", "Usyk stormed back in
                # Riyadh": abroad, an attack needs a force or a weapon named, not a country
                return False
            # "their positions were destroyed": a common verb is an attack only with an
            # armed actor named, or a weapon as what hit ("a missile hit the school")
            return spec.strength != "weak" or armed or self._weapon_subject(sa, hit)
        if cand.type == "aid":
            if cand.actor is None or (
                cand.actor.country is None and cand.actor.role != "international"
            ):
                return False
            if spec.recipient_object and not any(
                hit.j <= a.i <= hit.j + 1
                and a.actor.country
                and a.kind in ("country", "metonym", "named")
                for a in sa.actors
            ):
                return False  # "give its forces a way through": no country receives
            recipient = self._aid_recipient(sa, hit, cand)
            # "the United States would supply 31 Abrams tanks": a verb of giving with a
            # counted object is aid even when the receiver is left implicit
            counted = spec.kind == "verb" and any(
                hit.j <= k < min(sa.hi, hit.j + 4) for k in self._number_positions(sa)
            )
            return cand.amount is not None or recipient or counted
        if cand.type in ("diplomacy", "political"):
            if cand.actor is None or (
                cand.actor.country is None and cand.actor.role != "international"
            ):
                return False
            ref = cand.actor_ref
            if cand.type == "diplomacy" and ref is not None and ref.actor.role in ARMED_ROLES:
                return False  # "commanders were meeting Western instructors": no diplomacy
            if cand.type == "diplomacy":
                # a meeting or an agreement with someone: the counterpart, preferably the
                # object after the verb ("to meet President Biden"); without a place one
                # must be named
                actor = cand.actor
                others = [
                    a
                    for a in sa.actors
                    if (
                        a.actor.country
                        and a.actor.country != actor.country
                        and a.kind != "adjective"
                    )
                    or (a.actor.role == "international" and a.actor.name != actor.name)
                    # "Poetin erkende de Volksrepubliek Donetsk": the separatists are a
                    # party of their own at the table, though counted on Russia's side
                    or (a.actor.role == "proxy" and actor.role != "proxy" and a.kind != "adjective")
                ]
                if not others and (not places or spec.needs_counterpart):
                    return False
                if not others and self._home_visit(sa, hit, actor, places):
                    return False  # "Zelensky bezocht Izjoem": a visit at home, no diplomacy
                own = sa.clause_of[hit.i - sa.lo]
                after = [a for a in others if a.i >= hit.j and sa.clause_of[a.i - sa.lo] == own]
                # "hebben met Poetin gebeld": "met"/"with" names the counterpart wherever
                # the verb stands
                accompanied = [a for a in others if a.prep in self.lex.counterpart_preps]
                if spec.counterpart_with and not accompanied:
                    # "sprak over Rusland": talking about, not with; "Trump and Zelensky
                    # spoke": with each other
                    partners = (
                        self._coordinated_actors(sa, cand.actor_ref)[1:]
                        if cand.actor_ref is not None
                        else []
                    )
                    if not any(p.actor.country not in (None, actor.country) for p in partners):
                        return False
                counterpart = (
                    accompanied[0]
                    if accompanied
                    else after[0]
                    if after
                    else others[0]
                    if others and not places
                    else None
                )
                if cand.target is None and counterpart is not None:
                    cand.target = Actor(
                        counterpart.actor.country, counterpart.actor.role, counterpart.actor.name
                    )
            return True
        return True

    @staticmethod
    def _announces(speaker: Actor) -> bool:
        """A government, an armed force or an international body (the EU, NATO: no country)
        makes a gift, a meeting or a decision public by saying it; a think tank (ISW: a
        country and the international role), the media or a witness only claim it."""
        if speaker.role == "international":
            return speaker.country is None
        return speaker.role in ("government", "military")

    def _home_visit(
        self, sa: SentenceAnalysis, hit: TriggerHit, actor: Actor, places: list[PlaceRef]
    ) -> bool:
        """A verb of visiting whose every place lies in the visitor's own country."""
        if actor.country is None or sa.tokens[hit.i].norm not in self.lex.visit_words:
            return False
        mentions = [p for r in places for p in r.places]
        return bool(mentions) and all(country_of_place(p) == actor.country for p in mentions)

    @staticmethod
    def _number_positions(sa: SentenceAnalysis) -> list[int]:
        """Tokens of the sentence that are digits ("31", "2.6")."""
        return [k for k in range(sa.lo, sa.hi) if sa.tokens[k].norm[:1].isdigit()]

    def _outside_the_war(self, places: list[PlaceRef]) -> bool:
        """Every place is known to lie in a country that is not one of the sides."""
        mentions = [p for r in places for p in r.places]
        return bool(mentions) and all(
            country_of_place(p) is not None and country_of_place(p) not in self.sides
            for p in mentions
        )

    def _object_is_place(
        self, sa: SentenceAnalysis, hit: TriggerHit, places: list[PlaceRef]
    ) -> bool:
        """The object after the verb is a place: "captured Soledar", not "the hearts"."""
        toks, lex = sa.tokens, self.lex
        clause = sa.clauses[sa.clause_of[hit.i - sa.lo]]
        if clause.kind == "relative" and clause.antecedent is not None and hit.i > clause.start:
            # "Izium, which Russia took in April": the object is the antecedent
            first_after = hit.j
            timed = {n for i, j, _ in sa.time_tokens for n in range(i, j)}
            if (
                first_after >= sa.hi
                or not toks[first_after].is_word
                or toks[first_after].norm in lex.place_preps
                # "which the rebels left without a fight"
                or toks[first_after].norm in lex.prepositions
                or first_after in timed  # "that Russia said it had captured two weeks ago"
            ):
                return True
        starts = {r.i for r in places}
        actor_toks = {n for a in sa.actors for n in range(a.i, a.j)}
        k = hit.j
        fillers = self._object_fillers
        nouns = self._place_nouns
        steps = 0
        area = False  # "retaken another square kilometre on the southern flank of Bakhmut"
        while k < sa.hi and steps < 8:
            if k in starts:
                return True
            tok = toks[k]
            if tok.norm in lex.area_units:
                area = True
                k += 1
                steps += 1
                continue
            if area and tok.norm in lex.place_preps:
                # the ground taken lies where the preposition says
                return any(r.i > k and r.i - k <= 6 for r in places)
            place_noun_ahead = any(
                toks[n].norm in nouns for n in range(k, min(sa.hi, k + 3))
            )  # "the logistics hub of Pokrovsk"
            if (
                k in actor_toks
                or tok.norm in fillers
                or tok.norm[:1].isdigit()
                or tok.text in ("'", "’", '"', "“", "”")
                or (tok.is_word and not tok.is_capitalised and place_noun_ahead)
                # "seizing the defunct Chernobyl nuclear power plant": an adjective before
                # the name
                or (tok.is_word and not tok.is_capitalised and k + 1 in starts)
            ):
                k += 1
                steps += 1
                continue
            if any(r.i <= k < r.j for r in places):
                return True
            if tok.norm in lex.place_preps or tok.norm in lex.agent_preps or not tok.is_word:
                # "retook from", "took in April", "the town seized by Ukraine": the object came
                # before (passive, relative)
                return any(r.j <= hit.i for r in places) or tok.text in (",", ".")
            return False
        return bool(places)

    def _fall_subject(self, sa: SentenceAnalysis, hit: TriggerHit, places: list[PlaceRef]) -> bool:
        """ "Bakhmut fell", "de stad viel", "dat Bachmoet is gevallen": the place is the subject."""
        for r in places:
            # "Zes dagen later viel Debaltseve ... in handen van": after a fronted phrase the
            # Dutch subject follows its verb
            if r.prep is None and (r.j <= hit.i or r.i == hit.j):
                return True
        clause = sa.clauses[sa.clause_of[hit.i - sa.lo]]
        if clause.kind == "relative" and clause.antecedent is not None:
            return True
        # "de val van X", "its fall"
        return hit.spec.kind == "fall" and self._is_remention(sa, hit)

    def _aid_recipient(self, sa: SentenceAnalysis, hit: TriggerHit, cand: Candidate) -> bool:
        """The receiving country: one after "aan"/"to" first, else another country named; the
        donors coordinated with the actor ("Germany, the Netherlands and Italy") are none."""
        donors = {cand.actor.country} if cand.actor else set()
        if cand.actor_ref is not None:
            donors |= {a.actor.country for a in self._coordinated_actors(sa, cand.actor_ref)}
        others = [a for a in sa.actors if a.actor.country and a.actor.country not in donors]
        marked = [a for a in others if a.prep in self.lex.recipient_preps]
        # a verb of giving takes its receiver as an object ("sends Ukraine tanks"); an aid noun
        # only through a preposition: "to let it use Western weapons against targets inside
        # Russia" gives Russia nothing
        named = [
            a
            for a in others
            if a.kind in ("country", "metonym")
            # ... or right before it: "a Ukraine aid package"
            and (hit.spec.kind == "verb" or a.j == hit.i)
        ]
        for a in marked + named:
            cand.target = Actor(a.actor.country, "government")
            return True
        return False

    def _split(
        self, sa: SentenceAnalysis, hit: TriggerHit, cand: Candidate, places: list[PlaceRef]
    ) -> list[Candidate]:
        out: list[Candidate] = []
        mentions: list[tuple[PlaceRef | None, PlaceMention | None]] = []
        if (
            cand.type == "diplomacy"
            and len(places) > 1
            and (places[0].prep is None or places[0].prep in self.lex.genitive_preps)
        ):
            # "erkende de onafhankelijkheid van A en B": one act about them, placed at the
            # first ("tekende in A en B akkoorden" are two, one where each was signed)
            places = places[:1]
        for r in places:
            if r.places and r.group and cand.type not in TERRITORIAL | VIOLENT:
                # "een annexatie van de gebieden": one political act, placed at the first
                mentions.append((r, r.places[0]))
            elif r.places:
                mentions.extend((r, p) for p in r.places)
            else:
                mentions.append((r, None))
        if not mentions:
            mentions = [(None, None)]
        actors: list[Actor | None] = [cand.actor]
        if cand.type == "diplomacy" and cand.actor_ref is not None:
            parties = self._coordinated_actors(sa, cand.actor_ref)
            if len(parties) > 1 and cand.target is None:
                # "Rutte en Zelensky bezochten X": one meeting, the second party its counterpart
                other = parties[1].actor
                cand.target = Actor(other.country, other.role, other.name)
            elif (
                len(parties) > 1
                and cand.target is not None
                and not any(
                    (a.actor.country, a.actor.name) == (cand.target.country, cand.target.name)
                    for a in parties
                )
            ):
                # "Macron and Scholz met Putin": with a counterpart outside the list, each
                # member of the list is a party that meets it
                actors = [self._role_for(a.actor, cand.type) for a in parties]
        # "Nederland en Denemarken leveren": one gift per donor
        if cand.type in ("aid", "political") and cand.actor_ref is not None:
            actors = [
                self._role_for(a.actor, cand.type)
                for a in self._coordinated_actors(sa, cand.actor_ref)
            ]
        single = len(actors) * len(mentions) == 1
        for actor in actors:
            for ref, mention in mentions:
                c = cand if single else copy_candidate(cand)
                c.actor = actor
                c.place = mention
                c.place_ref = ref
                if ref is not None and ref.indefinite and mention is None:
                    c.pending_place = True
                out.append(c)
        return out

    def _coordinated_actors(self, sa: SentenceAnalysis, first: ActorRef) -> list[ActorRef]:
        """ "Nederland en Denemarken", "the EU, the United States, Britain and Canada"; the
        list may begin before ``first`` ("the prime ministers of Poland, the Czech Republic and
        Slovenia travelled": the subject found is a later member)."""
        toks, lex = sa.tokens, self.lex

        def joined(a: ActorRef, b: ActorRef) -> bool:
            between = [t.norm for t in toks[a.j : b.i]]
            return (
                bool(between)
                and all(w == "," or w in lex.coordinators or w in lex.determiners for w in between)
                and any(w == "," or w in lex.coordinators for w in between)
            )

        refs = sorted(
            (a for a in sa.actors if a.actor.country or a.actor.role == "international"),
            key=lambda a: a.i,
        )
        if first.kind == "role":
            # "the leaders of Russia, Ukraine, Germany and France": the states in the genitive
            # are the parties
            first = state_in_genitive(first, refs, lex.genitive_preps) or first
        group = [first]
        for a in (a for a in refs if a.i > first.i):
            if not joined(group[-1], a):
                break
            group.append(a)
        for a in reversed([a for a in refs if a.j <= first.i]):
            if not joined(a, group[0]):
                break
            group.insert(0, a)
        # A list closes with a coordinator ("A, B and C"); commas alone part phrases:
        # "According to Ukrainian officials, Russian troops captured ..." names one source.
        if len(group) > 1 and not any(
            toks[k].norm in lex.coordinators for a, b in pairwise(group) for k in range(a.j, b.i)
        ):
            return [first]
        return group

    # -- denials that point back -----------------------------------------------------------

    def _anaphoric_denials(
        self, sa: SentenceAnalysis, attributions: list[Attribution], made: list[Candidate]
    ) -> list[Candidate]:
        """ "maar Kyiv ontkent dat", "Oekraïne spreekt dat tegen": a denial of the last claim."""
        out: list[Candidate] = []
        toks = sa.tokens
        for a in attributions:
            if a.kind != "deny" or a.negated:
                continue
            if any(c.status == "denied" for c in made):
                continue
            # the denial's object: "dat", "it", "the accusation", "any direct involvement",
            # or the end of the clause
            obj = norms_of(toks, a.cue.j, min(sa.hi, a.cue.j + 3))
            anaphor = next((obj[:n] for n in (3, 2, 1) if obj[:n] in self.lex.deny_anaphora), None)
            if anaphor is None and obj[:1] and obj[0] not in self.lex.that_words:
                # "denied any direct involvement", "ontkent elke betrokkenheid": a part denied
                anaphor = next(
                    (obj[: n + 1] for n, w in enumerate(obj) if w in self.lex.deny_object_nouns),
                    None,
                )
            # ... or before it: "Kyiv disputed that", "said the claim was untrue"
            words = norms_of(toks, max(sa.lo, a.cue.i - 2), a.cue.i)
            if not (
                anaphor is not None
                or words[-1:] in self.lex.deny_anaphora
                or words in self.lex.deny_anaphora
                or a.cue.j >= sa.hi
                or any(t.norm in self.lex.that_words for t in toks[a.cue.i : a.cue.j])
                or "characterize" in a.cue.categories  # its object is in the cue
            ):
                continue
            if (
                anaphor == obj[:1]
                and obj[0] in self.lex.that_words
                and a.cue.j + 1 < sa.hi
                and toks[a.cue.j + 1].is_word
            ):
                continue  # "ontkent dat Rusland ...": a complement, handled by its trigger
            cand = Candidate(
                "?", "denial.anaphoric", sa, TriggerHit(a.cue.i, a.cue.j, _DENIAL_SPEC)
            )
            cand.evidence = [(sa.span.start, sa.span.end)]
            cand.status = "denied"
            src = a.source.actor if a.source is not None else Actor(None, "unknown")
            cand.claimant = Actor(src.country, src.role, src.name)
            cand.time = self._attach_time(
                sa,
                cand.trigger,
                sa.clause_of[a.cue.i - sa.lo],
                sa.ancestors(sa.clause_of[a.cue.i - sa.lo]),
            )
            cand.denial_of_previous = True
            out.append(cand)
        return out


def _holds(refs: list[PlaceRef], ref: PlaceRef) -> bool:
    """Whether ``ref`` itself is one of ``refs``: a test of identity, not of the fields the
    records' generated ``__eq__`` compares (which runs interpreted, even compiled)."""
    return any(r is ref for r in refs)


def copy_candidate(c: Candidate) -> Candidate:
    """A copy of ``c`` that can take another place, actor or status."""
    return Candidate(
        type=c.type,
        rule=c.rule,
        sentence=c.sentence,
        trigger=c.trigger,
        place=c.place,
        place_ref=c.place_ref,
        actor=c.actor,
        actor_source=c.actor_source,
        target=c.target,
        time=c.time,
        claimant=c.claimant,
        status=c.status,
        modality=c.modality,
        fatalities=c.fatalities,
        injured=c.injured,
        amount=c.amount,
        evidence=list(c.evidence),
        confidence=c.confidence,
        notes=list(c.notes),
        remention=c.remention,
        heading=c.heading,
        pending_place=c.pending_place,
        denial_of_previous=c.denial_of_previous,
        actor_ref=c.actor_ref,
        symmetric=c.symmetric,
    )


_DENIAL_SPEC: Final = TriggerSpec(type="?", rule="denial.anaphoric", kind="noun")
