"""What a reader remembers from one sentence to the next.

- places: "het stadje", "de stad", "die stad", "the town" pick up the most recent compatible
  place; "een dorp in de regio Loegansk" waits for the village the next sentence names;
- actors: "ze", "they", "its forces" pick up the most recent actor; a bare "het ministerie van
  Defensie" takes the country of the last actor named, a mayor or a governor the country of the
  place in question; "burgemeester Strjoek" makes a later "Strjoek" the same official.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Final

from frontwatch.events.analysis import (
    ActorRef,
    PlaceRef,
    SentenceAnalysis,
    is_country_level,
    state_in_genitive,
)
from frontwatch.events.countries import country_of_place
from frontwatch.events.tokens import norms_of
from frontwatch.records import Actor, PlaceMention

# How many sentences back a place stays in focus for an event that names none.
_FOCUS_REACH: Final = 2
_REGION_FEATURES: Final = frozenset({"ADM1", "ADM2", "ADM3", "RGN", "AREA"})
_ISLAND_FEATURES: Final = frozenset({"ISL", "ISLS", "PEN"})
# Airports and airfields, power stations, dams, bridges, ports (GeoNames feature codes).
_FACILITY_FEATURES: Final = frozenset(
    {"AIRP", "AIRF", "AIRB", "AIRH", "PS", "PSN", "PSH", "DAM", "BDG", "PRT"}
)


def compatible(kind: str | None, place: PlaceMention) -> bool:
    """Can an anaphor of this kind ("het stadje": settlement) refer to ``place``?"""
    if is_country_level(place):
        return False
    feature = (place.feature or "").upper()
    if kind == "capital":
        return feature == "PPLC"
    if kind == "settlement":
        return feature == "" or feature.startswith("PPL") or feature in ("AIRB", "MNMT", "BLDG")
    if kind == "region":
        return feature in _REGION_FEATURES
    if kind == "island":
        return feature in _ISLAND_FEATURES or feature == ""
    if kind == "facility":
        return feature in _FACILITY_FEATURES
    if kind == "site":
        # where a strike without a place of its own happened: a town, an island, a facility
        return (
            compatible("settlement", place)
            or compatible("island", place)
            or feature in _FACILITY_FEATURES
        )
    if kind == "peninsula":
        # a peninsula may be governed as a region of its own (Crimea is an ADM1)
        return feature in _ISLAND_FEATURES or feature in ("", "ADM1")
    return True


# ``__init__`` written out: mypyc compiles it, the one ``@dataclass`` generates runs interpreted.
@dataclass(slots=True, init=False)
class Remembered:
    position: int  # token index of the mention
    place: PlaceMention
    locator: bool
    sentence: int

    def __init__(
        self, position: int, place: PlaceMention, locator: bool, sentence: int = 0
    ) -> None:
        self.position = position
        self.place = place
        self.locator = locator
        self.sentence = sentence


def _key(place: PlaceMention) -> str:
    if place.geonameid is not None:
        return f"g{place.geonameid}"
    return (place.name or place.surface).casefold()


@dataclass
class DocState:
    """The running memory of one document."""

    places: list[Remembered] = field(default_factory=list)
    actors: list[tuple[int, Actor]] = field(default_factory=list)
    persons: dict[str, Actor] = field(default_factory=dict)
    sentence: int = 0  # index of the sentence being read
    # words joining coordinated places ("Staromajorske en Oerozjajne"), from the lexicon
    coordinators: frozenset[str] = frozenset()
    # "die stad", "that town": words that make a place noun point back
    demonstratives: frozenset[str] = frozenset()
    # the warring countries (ISO3): "the town" in a war report is one of theirs when it can be
    theatre: frozenset[str] = frozenset()
    # "raket", "missile": a strike whose weapon is named may take the place in focus
    weapons: frozenset[str] = frozenset()
    # the side a weapon noun belonged to when last named with one ("Kyiv's drones")
    weapon_sides: dict[str, str] = field(default_factory=dict)
    # "waaronder", "including": words before the places an indefinite plural names
    inclusion_markers: frozenset[tuple[str, ...]] = frozenset()
    # words that may stand between the members of a list of places ("ten zuiden van X in de
    # regio Y"): prepositions, determiners, place nouns, locator words
    list_fillers: frozenset[str] = frozenset()
    last_group: list[PlaceMention] = field(default_factory=list)
    # the nouns an apposition described a place with ("Avdiivka, the industrial town"), by
    # place: "the town" later prefers the place called a town to the one called a village
    described: dict[str, set[str]] = field(default_factory=dict)
    # "the town", "het dorp": nouns of a small settlement, which a capital is not
    minor_settlement_nouns: frozenset[str] = frozenset()
    # "Bij hun opmars ...": a possessive in a fronted phrase may point forward
    prepositions: frozenset[str] = frozenset()
    # "by", "door": the preposition of a passive's agent
    agent_preps: frozenset[str] = frozenset()
    # "of", "van": the preposition of a genitive ("the leaders of Russia")
    genitive_preps: frozenset[str] = frozenset()

    # -- places ----------------------------------------------------------------------------

    def resolve_places(self, sa: SentenceAnalysis) -> None:
        """Fill ``resolved`` of the sentence's anaphoric place phrases."""
        self._implicit_origin(sa)
        for ref in sa.places:
            if ref.indefinite and ref.mention is None and (ref.count or ref.plural):
                ref.resolved = self._listed_after(sa, ref)
                ref.listed = bool(ref.resolved)
            elif ref.indefinite and ref.mention is None:
                self._remember_description(sa, ref)  # "Popasna, een stadje in de regio ..."
        if all(ref.mention is not None or ref.indefinite for ref in sa.places):
            return  # nothing to resolve (most sentences)
        acting = self._acting(sa)
        local = [
            Remembered(r.i, r.mention, r.locator or r.secondary, self.sentence)
            for r in sa.places
            if r.mention is not None
            and not r.seat
            and not any(k in acting for k in range(r.i, r.j))
        ]
        toks = sa.tokens
        for ref in sa.places:
            if ref.mention is not None or ref.indefinite:
                continue
            if ref.group:
                # "de dorpen", "namen de Russen die in": the list just named, in this
                # sentence or the one before
                before = [r for r in sa.places if r.j <= ref.i]
                group = self._last_list(sa, before) or (
                    self.last_group if len(self.last_group) > 1 else []
                )
                if group:
                    ref.resolved = list(group)
                    continue
            apposed = self._remember_description(sa, ref)
            if apposed is not None:
                ref.resolved = [apposed]
                continue
            demonstrative = ref.group or toks[ref.i].norm in self.demonstratives
            found = self._recent(ref, local, demonstrative, toks[ref.j - 1].norm)
            if found is not None:
                ref.resolved = [found]

    def _remember_description(self, sa: SentenceAnalysis, ref: PlaceRef) -> PlaceMention | None:
        """The place an apposition describes, its noun remembered for that place."""
        apposed = self._apposed_to(sa, ref)
        if apposed is not None:
            self.described.setdefault(_key(apposed), set()).add(sa.tokens[ref.j - 1].norm)
        return apposed

    @staticmethod
    def _apposed_to(sa: SentenceAnalysis, ref: PlaceRef) -> PlaceMention | None:
        """ "Avdiivka, the industrial town north of Donetsk": a place noun phrase right after
        a named place and a comma describes that place."""
        if ref.i - 1 <= sa.lo or sa.tokens[ref.i - 1].text != ",":
            return None
        named = next(
            (r.mention for r in sa.places if r.j == ref.i - 1 and r.mention is not None), None
        )
        if named is None or not compatible(ref.anaphor, named):
            return None
        return named

    def _implicit_origin(self, sa: SentenceAnalysis) -> None:
        """ "Na twee dagen trokken de aanvallers zich terug", "his forces had fallen back to new
        positions": a withdrawal naming no place leaves the settlement in focus, when one was
        named in the last two sentences; "In July a missile hit the children's hospital": a
        strike (its weapon named) or a deadly attack in a sentence naming no place at all
        happened at the settlement in focus, named in the last two sentences. The place gets a
        slot at the verb."""
        hit = next((t for t in sa.triggers if t.spec.type == "territory.withdrawal"), None)
        if hit is None and not sa.places:
            # only a strike with its weapon named, or an attack that killed or wounded: "de
            # strijd", "trof" alone are too vague
            toks = sa.tokens
            hit = next(
                (
                    t
                    for t in sa.triggers
                    if (
                        t.spec.type == "strike"
                        and any(
                            toks[k].norm in self.weapons
                            for k in range(max(sa.lo, t.i - 3), min(sa.hi, t.j + 3))
                        )
                    )
                    # "bij een Oekraïense aanval zeven mensen om het leven gekomen"
                    or (t.spec.type == "combat" and not t.spec.symmetric and sa.casualties)
                ),
                None,
            )
        if hit is None or any(
            r.mention is not None or r.resolved or r.anaphor is not None
            for r in sa.places
            # "naar de oostelijke oever van de Dnipro": where to, and a river, name no origin
            if r.prep not in hit.spec.exclude_preps and not r.locator
        ):
            return
        toks = sa.tokens
        if any(toks[k].norm in hit.spec.place_preps for k in range(hit.j, min(sa.hi, hit.j + 2))):
            return  # "terugtrokken van de westoever": the verb names where from, unrecognised
        # a withdrawal leaves a settlement; a strike may have hit an island or a plant too
        kind = "settlement" if hit.spec.type == "territory.withdrawal" else "site"
        probe = PlaceRef(hit.i, hit.j, anaphor=kind)
        found = self._recent(probe, [], False)
        if found is None or not any(
            m.place is found and self.sentence - m.sentence <= _FOCUS_REACH for m in self.places
        ):
            return
        probe.resolved = [found]
        sa.places.append(probe)
        sa.places.sort(key=lambda r: r.i)

    def _recent(
        self,
        ref: PlaceRef,
        local: list[Remembered],
        demonstrative: bool,
        noun: str | None = None,
    ) -> PlaceMention | None:
        """The place an anaphor means.

        "Die stad" (that city) is the last one named; "de stad" (the city) is the place in
        focus: mentioned often and lately, and not merely as a landmark ("vlak bij X").
        """
        history = [m for m in self.places if m.position < ref.i] + [
            m for m in local if m.position < ref.i
        ]
        history = [m for m in history if compatible(ref.anaphor, m.place)]
        if noun in self.minor_settlement_nouns:
            # "appealing to Kyiv for reinforcements. Government forces had entered the town"
            history = [m for m in history if (m.place.feature or "").upper() != "PPLC"]
        if not history:
            return None
        if ref.anaphor == "settlement":
            # "the fighters now had full control of the town", after a summit in Minsk
            at_war = [m for m in history if country_of_place(m.place) in self.theatre]
            history = at_war or history
        if demonstrative:
            return history[-1].place
        scores: dict[str, float] = {}
        latest: dict[str, Remembered] = {}
        for m in history:
            key = _key(m.place)
            weight = 0.25 if m.locator else 0.75
            scores[key] = min(scores.get(key, 0.0) + weight, 3.0)
            latest[key] = m

        def salience(key: str) -> tuple[float, bool, int]:
            m = latest[key]
            age = self.sentence - m.sentence
            recency = 2.0 if age <= 1 else 1.0 if age <= 3 else 0.0
            if m.locator:
                recency /= 2
            # "the town" is the place called a town before rather than the one called a village
            described = 1.5 if noun is not None and noun in self.described.get(key, ()) else 0.0
            # on a tie, a place named for itself before one named as a point of reference
            return scores[key] + recency + described, not m.locator, m.position

        best = max(latest, key=salience)
        return latest[best].place

    def _remember_group(self, sa: SentenceAnalysis) -> None:
        """The last run of coordinated named places ("dorpen als A, B en C"), which a plural
        demonstrative in a later sentence may stand for."""
        group = self._last_list(sa, sa.places)
        if group:
            self.last_group = group
            return
        named = [r for r in sa.places if r.mention is not None and not r.locator and not r.seat]
        if named:
            self.last_group = [named[-1].mention]  # type: ignore[list-item]

    def _listed_after(self, sa: SentenceAnalysis, ref: PlaceRef) -> list[PlaceMention]:
        """ "negen dorpen in, waaronder A en B", "two villages in the Donetsk region, A and
        B": the settlements an indefinite plural names later in its own sentence, after a
        comma, colon or inclusion word (regions in between only locate them)."""
        toks = sa.tokens

        def fits(r: PlaceRef) -> bool:
            # "vier regio's, waaronder Donetsk": regions for a region noun, else settlements
            return 1 <= r.level <= 3 if ref.anaphor == "region" else r.level >= 4

        after = [r for r in sa.places if r.i >= ref.j and r.mention is not None]
        first = next((r for r in after if fits(r) and not r.locator and not r.seat), None)
        if first is None or first.i - ref.j > 12:
            return []
        if any(r.i < first.i and fits(r) for r in after):
            return []
        introduced = toks[first.i - 1].text in (",", ":") or any(
            first.i - len(p) >= ref.j and norms_of(toks, first.i - len(p), first.i) == p
            for p in self.inclusion_markers
        )
        if not introduced:
            return []
        # the list goes on across commas, coordinators and what locates its members ("A en B
        # ten zuiden van X in de regio Donetsk, en C")
        run = [first]
        k = first.j
        for r in after:
            if r.i < first.j or r.locator or r.secondary or r.seat or not fits(r):
                continue
            if not self._list_gap(sa, k, r.i):
                break
            run.append(r)
            k = r.j
        limit = ref.count or len(run)
        return [r.mention for r in run[:limit]]  # type: ignore[misc]

    def _list_gap(self, sa: SentenceAnalysis, a: int, b: int) -> bool:
        """Tokens ``[a, b)`` join two members of a list: commas and coordinators, and between
        them only phrases locating the previous member (prepositions, region names)."""
        toks = sa.tokens
        placed = {k for r in sa.places if r.mention is not None for k in range(r.i, r.j)}
        words = range(a, b)
        if not any(toks[k].text == "," or toks[k].norm in self.coordinators for k in words):
            return False
        return all(
            toks[k].text == ","
            or toks[k].norm in self.coordinators
            or toks[k].norm in self.list_fillers
            or k in placed
            for k in words
        )

    def _last_list(self, sa: SentenceAnalysis, refs: list[PlaceRef]) -> list[PlaceMention]:
        """The places of the last list of two or more named places among ``refs`` ("A, B en
        C"); a seat ("the ministry in Moscow") or a locator is no member."""
        toks = sa.tokens
        named = [r for r in refs if r.mention is not None and not r.locator and not r.seat]
        runs: list[list[PlaceRef]] = [[r] for r in named[:1]]
        for a, b in pairwise(named):
            between = [t.norm for t in toks[a.j : b.i]]
            if between and all(w == "," or w in self.coordinators for w in between):
                runs[-1].append(b)
            else:
                runs.append([b])
        run = next((run for run in reversed(runs) if len(run) > 1), [])
        return [r.mention for r in run]  # type: ignore[misc]

    def _acting(self, sa: SentenceAnalysis) -> set[int]:
        """Tokens of names that act here ("Kyiv denied", "held by Kiev"): actors, not places
        in focus. A name right after an event verb is its object ("Russia pounded Kyiv"), a
        place."""
        objects = {t.j for t in sa.triggers if sa.tokens[t.j - 1].norm not in self.agent_preps}
        return {
            k
            for a in sa.actors
            if a.kind in ("metonym", "country", "named")
            and (a.prep is None or a.prep in self.agent_preps)
            and a.i not in objects
            for k in range(a.i, a.j)
        }

    def remember_places(self, sa: SentenceAnalysis) -> None:
        if not sa.places:
            self.sentence += 1
            return
        self._remember_group(sa)
        acting = self._acting(sa) if sa.actors else set()
        for r in sa.places:
            if r.mention is not None and (r.seat or any(k in acting for k in range(r.i, r.j))):
                continue  # "since Moscow launched its invasion": an actor, not a place in focus
            if r.mention is not None:
                self.places.append(
                    Remembered(r.i, r.mention, r.locator or r.secondary, self.sentence)
                )
            elif r.resolved and not r.indefinite:
                self.places.append(Remembered(r.i, r.resolved[0], False, self.sentence))
        self.sentence += 1

    # -- actors ----------------------------------------------------------------------------

    def resolve_actors(self, sa: SentenceAnalysis, sources: frozenset[int] = frozenset()) -> None:
        """Give pronouns, possessives and bare role nouns a country from the context.

        ``sources``: where the sentence's actors named as a source ("volgens het stadsbestuur",
        "according to officials") start. A pronoun does not stand for such a source of its own
        sentence while an actor named before can be meant: "De Russische troepen naderen
        Pokrovsk. Volgens het stadsbestuur bevinden ze zich tien kilometer van de stad": "ze"
        are the troops."""
        seen: list[tuple[int, Actor]] = []
        for ref in sa.actors:
            if ref.kind in ("pronoun", "possessive") and ref.actor.country is None:
                prev = self._cataphor(sa, ref)
                if prev is None and ref.kind == "pronoun" and sources:
                    prev = self._last_actor(ref.i, [s for s in seen if s[0] not in sources])
                if prev is None:
                    prev = self._last_actor(ref.i, seen)
                if prev is not None:
                    role = ref.actor.role if ref.kind == "possessive" else prev.role
                    ref.actor = Actor(
                        prev.country,
                        role if role != "unknown" else prev.role,
                        prev.name if ref.kind == "pronoun" else None,
                    )
            elif ref.needs_country and ref.actor.country is None:
                # "een bataljon Russische tanks", "a battalion of Russian tanks": the country
                # adjective inside or right after the role noun's phrase is its country
                inner = next(
                    (
                        a
                        for a in sa.actors
                        if a is not ref
                        and a.kind == "adjective"
                        and a.actor.country
                        and ref.i < a.i <= ref.j + 1
                        and all(t.is_word for t in sa.tokens[ref.i : a.i])
                    ),
                    None,
                )
                # "the leaders of Russia, Ukraine, Germany and France": the state in the genitive
                owner = state_in_genitive(ref, sa.actors, self.genitive_preps)
                if inner is not None:
                    ref.actor.country = inner.actor.country
                elif owner is not None:
                    ref.actor.country = owner.actor.country
                elif ref.actor.role == "media":
                    pass  # "analysts say", "military bloggers": no party's voice by default
                elif ref.j - ref.i == 1 and sa.tokens[ref.i].norm in self.weapon_sides:
                    # "Kyiv's long-range drones ... In March drones hit a refinery": a weapon
                    # named again is the side's that had it last, not the last actor's
                    ref.actor.country = self.weapon_sides[sa.tokens[ref.i].norm]
                elif ref.local:
                    ref.actor.country = self._local_country(sa, ref.i)
                else:
                    prev = self._clause_actor(sa, ref)
                    if prev is None:
                        # "minister Avakov", "de regering": a state's office is a state's,
                        # not that of the separatists or civilians named just before it
                        prev = self._last_actor(
                            ref.i, seen, states_only=ref.actor.role == "government"
                        )
                    if prev is not None:
                        ref.actor.country = prev.country
                        if prev.role == "proxy" and ref.actor.role == "military":
                            # "die de separatisten in handen hebben, beschoot het leger": rebels
                            # have no army; the army is the state's they fight
                            other = sorted(self.theatre - {prev.country})
                            ref.actor.country = other[0] if len(other) == 1 else prev.country
            if ref.actor.country is not None and ref.kind != "adjective":
                seen.append((ref.i, ref.actor))

    def _cataphor(self, sa: SentenceAnalysis, ref: ActorRef) -> Actor | None:
        """ "Bij hun opmars in de regio Charkiv hebben Oekraïense eenheden ...", "During their
        advance, Ukrainian units ...": a possessive in a phrase opening the sentence points
        forward to the subject of the main clause, the first force or state named after it."""
        if ref.kind != "possessive" or ref.i != sa.lo + 1:
            return None
        if sa.tokens[sa.lo].norm not in self.prepositions:
            return None
        after = next(
            (
                a
                for a in sa.actors
                if a.i > ref.j
                and a.prep is None
                and a.kind in ("group", "country", "role", "named")
                and sa.clause_of[a.i - sa.lo] == sa.clause_of[ref.i - sa.lo]
            ),
            None,
        )
        if after is None or after.actor.country is None:
            return None
        return after.actor

    @staticmethod
    def _clause_actor(sa: SentenceAnalysis, ref: ActorRef) -> Actor | None:
        """A bare "officials", "het ministerie": the country of an actor of its own clause
        before it, else of the main clause's first actor."""
        clause = sa.clause_of[ref.i - sa.lo]
        before = [
            a
            for a in sa.actors
            if a.j <= ref.i
            and a.actor.country
            and a.kind != "pronoun"
            and a.actor.role != "international"
            and sa.clause_of[a.i - sa.lo] == clause
        ]
        if before:
            return before[-1].actor
        main = [
            a
            for a in sa.actors
            if a.actor.country
            and a.kind not in ("pronoun", "adjective")
            and a.actor.role != "international"
            and sa.clause_of[a.i - sa.lo] == 0
            and a is not ref
            and a.prep is None
        ]
        return main[0].actor if main and main[0].i < ref.i else None

    def _last_actor(
        self, pos: int, seen: list[tuple[int, Actor]], *, states_only: bool = False
    ) -> Actor | None:
        history = [a for p, a in self.actors if p < pos] + [a for p, a in seen if p < pos]
        for actor in reversed(history):
            if actor.country is not None and not (
                states_only and actor.role not in ("government", "military")
            ):
                return actor
        return None

    def _local_country(self, sa: SentenceAnalysis, pos: int) -> str | None:
        """A mayor's or governor's country: that of the nearest place named, else the last."""
        here = sorted(
            (r for r in sa.places if r.mention is not None and not is_country_level(r.mention)),
            key=lambda r: abs(r.i - pos),
        )
        for r in here:
            country = country_of_place(r.mention)  # type: ignore[arg-type]
            if country:
                return country
        for m in reversed(self.places):
            if not is_country_level(m.place):
                country = country_of_place(m.place)
                if country:
                    return country
        return None

    def remember_actors(self, sa: SentenceAnalysis) -> None:
        for ref in sa.actors:
            if ref.actor.country is not None and ref.kind != "adjective":
                self.actors.append((ref.i, ref.actor))
                head = sa.tokens[ref.j - 1].norm
                if head in self.weapons:
                    self.weapon_sides[head] = ref.actor.country
