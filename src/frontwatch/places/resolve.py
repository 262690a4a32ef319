"""Choose, for every recognised name, the gazetteer entry the document means.

Evidence, in the order a reader uses it:

1. **Cue words** around the name ("de regio Loegansk", "Donetsk oblast", "de stad Cherson",
   "de rivier de Dnipro", "vliegbasis Ramstein"), spread along lists ("de regio's Donetsk,
   Loegansk en Cherson") and over the document: a name mentioned without a cue takes the
   sense of its nearest cued mention (one sense per discourse, unless the text itself
   distinguishes "de stad Donetsk" from "de regio Donetsk").
2. **The entry's weight**: feature class and population (a prior computed when the gazetteer
   is built), and whether the spelling itself or only its romanisation skeleton matched.
3. **The rest of the document**: places near the other places it names (within tens of
   kilometres: "in de buurt van Lysytsjansk"), in the same first-level region as the oblasts
   and cities it names, in the countries it is about.

Scores are turned into a confidence per mention. Candidates without entries (a cue said
"village" but the gazetteer has no such village) stay unresolved, with confidence 0.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from frontwatch.bisection import first_above
from frontwatch.geo import haversine_km
from frontwatch.places.gazetteer import (
    REGION_FEATURES,
    WATER_FEATURES,
    Gazetteer,
    GazetteerEntry,
)
from frontwatch.places.keys import fold_key, name_key
from frontwatch.places.lexicon import Lexicon
from frontwatch.places.recognise import Candidate

# How well an entry's feature class fits the kind of place a cue announces.
_CUE_FIT: Final[dict[str, dict[str, float]]] = {
    # "de regio Marioepol" is the area of the city, not the raion named after it: only
    # "raion"/"district" (the district cue) prefers the raion to the city.
    "region": {"ADM1": 1.0, "ADM2": -0.1, "ADMD": -0.1, "RGN": 0.6, "PCLI": 0.3, "PEN": 0.4},
    "city": {"PPL": 1.0},
    "river": {"STM": 2.0},
    "district": {"ADM2": 1.5, "ADM2H": 1.4, "ADMD": 1.2, "ADM3": 1.0},
    "island": {"ISL": 1.0, "ISLS": 1.0, "PEN": 0.8},
    "base": {"AIRB": 1.5, "AIRP": 1.2, "AIRF": 1.2, "MLTRB": 1.5},
    "plant": {"PS": 1.5, "PSN": 1.5, "PSH": 1.5, "DAM": 1.5, "MFG": 1.2},
    "near": {"PPL": 0.5},
    # "de Dnipro": an article that rivers take and towns do not (a weaker cue than "rivier").
    "river_article": {"STM": 1.5},
}
_CUE_MISFIT: Final = {
    "region": -0.2,
    "city": -0.5,
    "river": -0.5,
    "district": -0.5,
    "island": -0.2,
    "base": -0.2,
    "plant": -0.2,
    "near": -0.3,
    "river_article": 0.0,
}
# Cues naming a kind of feature: when no reading is of that kind ("het vliegveld van
# Kupjansk" and the gazetteer has no airfield there), the town is kept, less surely.
_FEATURE_CUES: Final = {"base", "plant", "river", "island"}
_UNMET_CUE_WEIGHT: Final = 0.8
# Without a cue, a region, river or former district is a less likely reading of a bare name;
# so is an airport or a power station named after its town ("Luhansk" is the city).
_NO_CUE: Final = {
    "ADM1": -0.5,
    "ADM2": -0.2,
    "ADM2H": -0.4,
    "ADMD": -0.3,
    "STM": -0.35,
    "LK": -0.3,
    "RSV": -0.2,
    "PEN": -0.1,
    "AREA": -0.3,
    "BDG": -0.2,
    "MFG": -0.2,
    "PS": -0.2,
    "STDM": -0.3,
    "AIRP": -0.3,
    "AIRF": -0.3,
    "AIRB": -0.1,
    "PSH": -0.2,
    "PSN": -0.2,
}
_SENTENCE_END: Final = re.compile(r"[.!?](?=\s)|\n")
_DOCUMENT_CUES: Final = {"region", "city", "river", "district", "island"}
# What matching an entry's own (present, English) name is worth over an alternate name.
_MAIN_NAME_BONUS: Final = 0.35
# At most this many places of the document serve as reference points for proximity.
_MAX_POINTS: Final = 60
# The war's area: its places compete on context; elsewhere fame decides.
_AREA_COUNTRIES: Final = {"UA", "RU", "BY"}
_NOT_POINTS: Final = {"PCLI", "PCLH", "CONT", "SEA", "RGN", "STRT"}
# Features whose one point says little about where they are (GazetteerEntry.is_water and
# .is_region, as one set for the scoring loop). A peninsula's point is its middle too:
# "Simferopol op de Krim" says nothing about whether the peninsula or the republic is meant.
_WATER_OR_REGION: Final = WATER_FEATURES | REGION_FEATURES | {"PEN"}


# ``__init__`` written out: mypyc compiles it, while the one ``@dataclass`` generates runs
# interpreted, about five times the cost of building an instance.
@dataclass(slots=True, init=False)
class Resolution:
    entry: GazetteerEntry | None
    confidence: float
    score: float

    def __init__(self, entry: GazetteerEntry | None, confidence: float, score: float = 0.0) -> None:
        self.entry = entry
        self.confidence = confidence
        self.score = score


def _prior(importance: float) -> float:
    """The score an entry's importance is worth. Below 0.5 (villages, known by a few hundred
    inhabitants or a handful of names) differences say little about which one a text means, so
    they count four times less than among towns, regions and countries."""
    return 2.0 * max(importance, 0.5) + 0.5 * min(importance, 0.5) - 1.0


def _feature_family(feature: str) -> str:
    return "PPL" if feature.startswith("PPL") else feature


def _cue_fit(cue: str | None, entry: GazetteerEntry) -> float:
    family = _feature_family(entry.feature)
    if cue is None:
        return _NO_CUE.get(family, 0.0)
    fits = _CUE_FIT.get(cue, {})
    fit = fits.get(family, _CUE_MISFIT.get(cue, 0.0))
    if family in ("PCLI", "PCLH", "CONT"):
        # "near Russia", "the towns of ... and Russia": a country is never read as a village
        # because a cue word stands before it.
        return max(fit, 0.0)
    return fit


_APPOSITION_START: Final = re.compile(r"[ \u00a0]*[,(][ \u00a0]*")
_DISTANCE_TOKENS: Final = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_][\w'’]*")


def stated_distance_km(text: str, cand: Candidate, lex: Lexicon) -> float | None:
    """The distance an apposition right after a name states ("Ivankiv, zo'n tachtig
    kilometer ten noordwesten van de hoofdstad", "Robotyne, about 10 km south of Orikhiv"):
    up to five lower-case words, a classifier and hedges ("a railway town some", "een dorp
    zo'n"), may precede the number and its unit."""
    if not lex.distance_units:
        return None
    start = _APPOSITION_START.match(text, cand.end)
    if start is None:
        return None
    after = start.end()
    words = _first_tokens(text[after : after + 60], 7)
    # the first word that is not lower case: no number may come after it
    capital = next((k for k, w in enumerate(words) if not w.islower()), len(words))
    for k in range(min(6, len(words) - 1)):
        if capital < k:
            return None
        number = words[k]
        if number[0].isdigit():
            value = float(number.replace(",", "."))
        else:
            value = lex.number_words.get(fold_key(number), 0.0)
        unit = lex.distance_units.get(fold_key(words[k + 1]))
        if value and unit:
            return value * unit
    return None


def _first_tokens(text: str, limit: int) -> list[str]:
    """The first ``limit`` ``_DISTANCE_TOKENS`` of ``text``. A token holds no blank, so the
    tokens are those of the blank-separated chunks; a chunk that is a plain word (a letter,
    then letters or digits) is one token as it is, and only the others are matched: the
    regex's Unicode classes cost hundreds of instructions per character."""
    tokens: list[str] = []
    for chunk in text.split():
        if chunk.isalnum() and chunk[0].isalpha():
            tokens.append(chunk)
        else:
            tokens.extend(_DISTANCE_TOKENS.findall(chunk))
        if len(tokens) >= limit:
            break
    return tokens[:limit]


def _km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _between(text: str, left: Candidate, right: Candidate) -> str:
    gap = text[left.end : right.start]
    return fold_key(gap) or gap.strip()


def propagate_cues(text: str, cands: list[Candidate], lex: Lexicon) -> None:
    """Spread cues along lists and over the document (see the module docstring)."""

    # A cue said before a list reaches forward over it ("de regio's Moermansk, Irkoetsk en
    # Amoer"); a plural one after it reaches back ("the Ryazan and Saratov regions"). A
    # singular cue after a name is that name's only ("Sevastopol and Saky air base"), and a
    # cue before a later name does not reach back ("Sevastopol en de regio Cherson").
    forward = {"before", "list", "document"}
    backward = {"after_plural", "list_back", "document"}
    # Whether a connector alone joins each name to the one before it (listed[i]: cands[i - 1]
    # and cands[i]): it depends on the text only, so it is read once for every pass below.
    connectors = lex.connectors
    listed = [False] + [
        _between(text, cands[i - 1], cands[i]) in connectors for i in range(1, len(cands))
    ]

    def along_lists() -> None:
        for i in range(1, len(cands)):
            if not listed[i]:
                continue
            left, right = cands[i - 1], cands[i]
            if right.cue is None and left.cue is not None and left.cue_source in forward:
                right.cue, right.cue_source = left.cue, "list"
            elif left.cue is None and right.cue is not None and right.cue_source in backward:
                left.cue, left.cue_source = right.cue, "list_back"
        for i in range(len(cands) - 1, 0, -1):
            left, right = cands[i - 1], cands[i]
            if (
                left.cue is None
                and right.cue is not None
                and right.cue_source in backward
                and listed[i]
            ):
                left.cue, left.cue_source = right.cue, "list_back"

    def over_document() -> None:
        groups: dict[str, list[Candidate]] = defaultdict(list)
        for c in cands:
            groups[fold_key(c.surface)].append(c)
        for members in groups.values():
            # A plant, base or "near" reading is local to its sentence ("the Kakhovka dam"
            # ... "left Kakhovka"); regions, cities and rivers hold over the document.
            cued = [c for c in members if c.cue in _DOCUMENT_CUES]
            if not cued or len(cued) == len(members):
                continue
            for c in members:
                if c.cue is not None:
                    continue
                before = [x for x in cued if x.start < c.start]
                source = before[-1] if before else cued[0]
                c.cue, c.cue_source = source.cue, "document"

    along_lists()
    over_document()
    along_lists()


class Resolver:
    """Scores the entries of each candidate in the light of the whole document."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon, temperature: float = 0.2) -> None:
        self.g = gazetteer
        self.lex = lexicon
        self.temperature = temperature
        self._base_cache: dict[tuple, list[_BaseScore]] = {}
        # The pick without context, by the same key as the base scores: it depends on
        # nothing else, and every mention is first picked so (Resolutions are never changed).
        self._plain_cache: dict[tuple, Resolution] = {}
        self._facts_cache: dict[int, _EntryFacts] = {}  # by entry index
        # Distances between entries, by entry and other entry: kept across documents, as
        # the places of a war's news recur from article to article.
        self._distances: dict[int, dict[int, float]] = {}

    def resolve(
        self, text: str, cands: list[Candidate], sentence_ends: list[int] | None = None
    ) -> list[Resolution]:
        """One resolution per candidate. ``sentence_ends`` are the end offsets of the
        document's sentences (``doc.sentences``); without them line breaks and full stops
        delimit sentences."""
        propagate_cues(text, cands, self.lex)
        groups = [fold_key(c.surface) + "|" + (c.cue or "") for c in cands]
        ends = (
            sorted(sentence_ends)
            if sentence_ends
            else [m.end() for m in _SENTENCE_END.finditer(text)]
        )
        sentence = [first_above(ends, c.start) for c in cands]
        stated = [stated_distance_km(text, c, self.lex) for c in cands]
        distances = self._distances
        if len(distances) > 5_000:
            distances.clear()
        chosen: list[Resolution] = [self._pick(c, None, set(), distances) for c in cands]
        members: dict[str, list[int]] = defaultdict(list)
        for i, g_key in enumerate(groups):
            members[g_key].append(i)
        ambiguous = {g_key for g_key, idx in members.items() if len(cands[idx[0]].indexes) > 1}
        surfaces = [g_key.split("|", 1)[0] for g_key in groups]
        seen: tuple[tuple[int | None, bool], ...] | None = None
        for _ in range(2):
            # What a round reads of the previous one: the entries chosen, and which are sure
            # enough to be context. When a round changed none of that, another one would
            # only repeat it.
            signature = tuple(
                (r.entry.index if r.entry is not None else None, r.confidence >= 0.4)
                for r in chosen
            )
            if signature == seen:
                break
            seen = signature
            # A name's context is the other names: not itself, not its other senses. (Plain
            # dicts: a Counter per surface cost more than the counting.)
            everywhere: dict[int, int] = {}
            by_surface: dict[str, dict[int, int]] = {}
            where: dict[int, set[int]] = {}  # entry -> sentences naming it
            for j, r in enumerate(chosen):
                if r.entry is not None and r.confidence >= 0.4:
                    index = r.entry.index
                    everywhere[index] = everywhere.get(index, 0) + 1
                    own = by_surface.get(surfaces[j])
                    if own is None:
                        own = by_surface[surfaces[j]] = {}
                    own[index] = own.get(index, 0) + 1
                    named_in = where.get(index)
                    if named_in is None:
                        named_in = where[index] = set()
                    named_in.add(sentence[j])
            contexts: dict[str, _Context] = {}
            by_own_surface: dict[str, _Context] = {}  # the context leaves out the surface only
            tally = _Tally.of(everywhere, self._facts, where)
            for g_key in ambiguous:
                surface = g_key.split("|", 1)[0]
                context = by_own_surface.get(surface)
                if context is None:
                    context = by_own_surface[surface] = tally.without(by_surface.get(surface))
                contexts[g_key] = context
            regions_by_sentence: dict[int, set[tuple[int, str]]] = defaultdict(set)
            for j, r in enumerate(chosen):
                if r.entry is not None and r.entry.feature == "ADM1":
                    regions_by_sentence[sentence[j]].add((j, r.entry.admin1_code))
            picked: dict[tuple[str, frozenset[str], int, float | None], Resolution] = {}
            updated: list[Resolution] = []
            for i, c in enumerate(cands):
                if groups[i] not in ambiguous:
                    updated.append(chosen[i])
                    continue
                # Regions the same sentence names: "Bilohorivka, near Siversk in the Donetsk
                # region" places the village in that region.
                regions = frozenset(
                    code for j, code in regions_by_sentence.get(sentence[i], ()) if j != i
                )
                key = (groups[i], regions, sentence[i], stated[i])
                if key not in picked:
                    picked[key] = self._pick(
                        c, contexts[groups[i]], set(regions), distances, sentence[i], stated[i]
                    )
                updated.append(picked[key])
            chosen = updated
        # One sense per surface and cue: members of a group agree on the best-scoring entry.
        best: dict[str, Resolution] = {}
        for g_key, r in zip(groups, chosen, strict=True):
            if r.entry is not None and (g_key not in best or r.score > best[g_key].score):
                best[g_key] = r
        return [
            best.get(g_key, r) if r.entry is not None else r
            for g_key, r in zip(groups, chosen, strict=True)
        ]

    def _facts(self, index: int) -> _EntryFacts:
        facts = self._facts_cache.get(index)
        if facts is None:
            if len(self._facts_cache) > 100_000:
                self._facts_cache.clear()
            facts = self._facts_cache[index] = _entry_facts(self.g.entry(index))
        return facts

    def _is_main_name(self, surface: str, e: GazetteerEntry) -> bool:
        if fold_key(surface) == fold_key(e.name):
            return True
        key = name_key(surface, self.lex.lang)
        return bool(key) and (
            key == name_key(e.name)
            or (key == name_key(surface, "en") and key == name_key(e.name, "en"))
        )

    def _base_scores(self, cand: Candidate) -> list[_BaseScore]:
        """Each reading's score before the document's context: importance, cue, own name,
        spelling, with what the context's scoring reads of the entry. Cached per name and
        cue, as the same names recur."""
        key = (cand.surface, cand.cue, cand.indexes, cand.spelled)
        cached = self._base_cache.get(key)
        if cached is not None:
            return cached
        entries = [self.g.entry(i) for i in cand.indexes]
        spelled_fit = any(_cue_fit(cand.cue, e) > 0 for e in entries if e.index in cand.spelled)
        cached = []
        for e in entries:
            fit = _cue_fit(cand.cue, e)
            s = _prior(e.importance) + fit
            if e.country not in _AREA_COUNTRIES:
                # Superlinear in importance abroad: the context of a Ukrainian article may
                # choose among villages, but should not turn "New York" into the Donetsk
                # village of that name.
                s += 2.0 * max(0.0, e.importance - 0.6)
            if self._is_main_name(cand.surface, e):
                # Its own name, not a former or foreign one: "Pokrovsk" is the Donetsk town,
                # not Engels near Saratov, which was called Pokrovsk until 1931.
                s += _MAIN_NAME_BONUS
            if e.index in cand.spelled:
                s += 0.15
            elif cand.spelled:
                # Another entry bears this very spelling; a skeleton-only collision is weaker,
                # unless the cue asks for just this kind of place and none of those is one.
                s -= 0.2 if fit > 0 and not spelled_fit else 0.6
            feature = e.feature
            cached.append(
                (
                    s,
                    e,
                    e.country,
                    e.admin1_code,
                    feature != "PCLI",
                    feature != "ADM1",
                    feature not in _NOT_POINTS and feature not in _WATER_OR_REGION,
                )
            )
        if len(self._base_cache) > 50_000:
            self._base_cache.clear()
        self._base_cache[key] = cached
        return cached

    def _pick(
        self,
        cand: Candidate,
        ctx: _Context | None,
        sentence_regions: set[str],
        distances: dict[int, dict[int, float]],
        sentence: int = -1,
        stated_km: float | None = None,
    ) -> Resolution:
        if not cand.indexes:
            return Resolution(None, 0.0)
        base = self._base_scores(cand)
        use_context = ctx is not None and ctx.total > 0 and len(base) > 1
        if not use_context:
            key = (cand.surface, cand.cue, cand.indexes, cand.spelled)
            plain = self._plain_cache.get(key)
            if plain is None:
                if len(self._plain_cache) > 50_000:
                    self._plain_cache.clear()
                plain = self._plain_cache[key] = self._choose(cand, [(b[0], b[1]) for b in base])
            return plain
        assert ctx is not None
        countries, total, admin1s, ids = ctx.countries, ctx.total, ctx.admin1s, ctx.ids
        has_points = bool(ctx.points)
        scored = []
        for s, e, country, admin1, not_country, not_region, by_proximity in base:
            s += 0.3 * countries.get(country, 0) / total
            if not_country and admin1 in admin1s:
                s += 0.3
            if not_region and admin1 in sentence_regions:
                s += 0.5
            if has_points and by_proximity:
                # (A river's, lake's or district's one point says little about where it
                # is: a raion's centroid lies next to its own town.)
                # Places named in the same or the next sentence count fully ("Bilohorivka,
                # near Lysychansk"); elsewhere in the article, half.
                off = (
                    ctx.nearest_to_distance(e, distances, sentence, stated_km)
                    if stated_km is not None
                    else None
                )
                if off is not None:
                    # "Ivankiv, zo'n tachtig kilometer van de hoofdstad": the reading that far
                    # from a place named around it, not the one next to it. A stated distance
                    # that fits is strong evidence: it outweighs an exact spelling of another
                    # reading ("Krasnyi Lyman, a railway town some 20 km north-east of
                    # Sloviansk" is Lyman, once Krasny Liman, not the hamlet 60 km away).
                    s += 1.5 * math.exp(-off / 20.0)
                else:
                    near_here, near_anywhere = ctx.nearest_km(e, distances, sentence)
                    if near_anywhere is not None:
                        s += max(
                            math.exp(-near_here / 30.0) if near_here is not None else 0.0,
                            0.5 * math.exp(-near_anywhere / 30.0),
                        )
            if e.index in ids:
                s += 0.3
            scored.append((s, e))
        return self._choose(cand, scored)

    def _choose(self, cand: Candidate, scored: list[tuple[float, GazetteerEntry]]) -> Resolution:
        """The best-scoring reading and its confidence: the highest score, then the most
        important entry, then the lowest index."""
        top_score, top = scored[0]
        for s, e in scored:
            if s > top_score or (
                s == top_score
                and (
                    e.importance > top.importance
                    or (e.importance == top.importance and e.index < top.index)
                )
            ):
                top_score, top = s, e
        z = 0.0
        for s, _ in scored:
            z += math.exp((s - top_score) / self.temperature)
        p_top = 1.0 / z
        weight = 0.75 + 0.25 * min(1.0, top.importance / 0.5)
        if top.index not in cand.spelled:
            weight *= 0.9
        if cand.cue in _FEATURE_CUES and _cue_fit(cand.cue, top) <= 0:
            weight *= _UNMET_CUE_WEIGHT
        return Resolution(top, round(p_top * weight, 3), top_score)


# A reading's score before the context, the entry, and what the context's scoring reads of it:
# its country and first-level region, whether that region counts (not for a country),
# whether a region named in the same sentence counts (not for a region), and whether
# proximity to the other places counts (not for countries, seas, rivers and regions).
_BaseScore = tuple[float, GazetteerEntry, str, str, bool, bool, bool]

# An entry with what a context reads of it: its country, the first-level region it places
# the document in ("" when it places it in none) and whether it is a reference point.
_EntryFacts = tuple[GazetteerEntry, str, str, bool]


def _entry_facts(e: GazetteerEntry) -> _EntryFacts:
    """What ``_Context.of`` reads of ``e``, worked out once per entry (they recur in every
    round and for every ambiguous name of a document)."""
    places_region = (e.feature == "ADM1" or e.is_settlement) and e.admin1_code
    return (
        e,
        e.country,
        e.admin1_code if places_region else "",
        e.feature not in _NOT_POINTS and not e.is_water,
    )


# ``__init__`` written out: mypyc compiles it, while the one ``@dataclass`` generates runs
# interpreted, about five times the cost of building an instance.
@dataclass(slots=True, init=False)
class _Context:
    """What the other mentions of a document say about where it is."""

    countries: dict[str, int]
    total: int
    admin1s: set[str]
    points: list[GazetteerEntry]
    ids: set[int]
    where: dict[int, set[int]]
    # The points' entry indexes and the sentences naming each, in the order of ``points``.
    point_indexes: list[int]
    point_sentences: list[set[int] | tuple[()]]
    point_set: frozenset[int]
    every_point: list[int]  # the positions of all points, 0 .. len(points) - 1
    # What nearest_km works out once per context: the points named within one sentence of
    # a sentence (positions in ``points``), and by entry its distances to the points, its own
    # position among them (-1: none) and the distance to the nearest other point: a name
    # named in several sentences has its readings scored once per sentence.
    _near: dict[int, list[int]]
    _rows: dict[int, tuple[list[float], int, float | None]]

    def __init__(
        self,
        countries: dict[str, int],
        total: int,
        admin1s: set[str],
        points: list[GazetteerEntry],
        ids: set[int],
        where: dict[int, set[int]],
        same_points_as: _Context | None = None,
    ) -> None:
        """``same_points_as``: a context with the very same points, whose distances and
        neighbourhoods this one reads and adds to (``points`` is then its list)."""
        self.countries = countries
        self.total = total
        self.admin1s = admin1s
        self.ids = ids
        self.where = where
        base = same_points_as
        if base is None:
            self.points = points
            self.point_indexes = [p.index for p in points]
            self.point_sentences = [where.get(i, ()) for i in self.point_indexes]
            self.point_set = frozenset(self.point_indexes)
            self.every_point = list(range(len(points)))
            self._near = {}
            self._rows = {}
        else:
            self.points = base.points
            self.point_indexes = base.point_indexes
            self.point_sentences = base.point_sentences
            self.point_set = base.point_set
            self.every_point = base.every_point
            self._near = base._near
            self._rows = base._rows

    @classmethod
    def of(cls, entries: Iterable[tuple[_EntryFacts, int]], where: dict[int, set[int]]) -> _Context:
        """The context of entries (as ``_entry_facts`` reads them) chosen so many times each."""
        countries: dict[str, int] = defaultdict(int)
        admin1s: set[str] = set()
        points: dict[int, tuple[int, GazetteerEntry]] = {}
        ids: set[int] = set()
        for (e, country, admin1, is_point), times in entries:
            countries[country] += times
            ids.add(e.index)
            if admin1:
                admin1s.add(admin1)
            if is_point:
                points[e.index] = (times, e)
        # A long document names hundreds of places; the most mentioned ones locate it.
        ranked = sorted(points.values(), key=_by_times)
        top_points = [e for _, e in ranked[:_MAX_POINTS]]
        return cls(countries, sum(countries.values()), admin1s, top_points, ids, where)

    def nearest_km(
        self, e: GazetteerEntry, cache: dict[int, dict[int, float]], sentence: int
    ) -> tuple[float | None, float | None]:
        """Distance from ``e`` to the nearest place named within one sentence of
        ``sentence``, and to the nearest named anywhere. ``cache`` holds the distances
        computed so far, by entry and point."""
        index = e.index
        known = self._rows.get(index)
        if known is None:
            row = cache.get(index)
            if row is None:
                row = cache[index] = {}
            # by the points' boxed indexes: compiled, ``p.index`` would box each anew
            points = self.points
            distances: list[float] = []
            for k, point_index in enumerate(self.point_indexes):
                km = row.get(point_index)
                if km is None:
                    km = row[point_index] = _km(e, points[k])
                distances.append(km)
            own = self.point_indexes.index(index) if index in self.point_set else -1
            known = self._rows[index] = (distances, own, _least(distances, self.every_point, own))
        distances, own, anywhere = known
        near = self._near.get(sentence)
        if near is None:
            near = self._near[sentence] = [
                k
                for k, named_in in enumerate(self.point_sentences)
                if sentence in named_in or sentence - 1 in named_in or sentence + 1 in named_in
            ]
        return _least(distances, near, own), anywhere

    def nearest_to_distance(
        self, e: GazetteerEntry, cache: dict[int, dict[int, float]], sentence: int, km: float
    ) -> float | None:
        """How far the distance from ``e`` to the places named within one sentence of
        ``sentence`` comes to ``km`` at best (None: no such place)."""
        self.nearest_km(e, cache, sentence)  # fills the row and the sentence's points
        distances, own, _ = self._rows[e.index]
        offs = [abs(distances[k] - km) for k in self._near[sentence] if k != own]
        return min(offs) if offs else None


def _least(distances: list[float], positions: list[int], skip: int) -> float | None:
    """The least of ``distances`` at ``positions`` but ``skip`` (None: there is none); a loop
    rather than ``min`` over a list built for it: compiled, it compares unboxed floats and
    walks the list natively."""
    least: float | None = None
    for k in positions:
        if k != skip:
            km = distances[k]
            if least is None or km < least:
                least = km
    return least


def _by_times(pair: tuple[int, GazetteerEntry]) -> tuple[int, int]:
    """Points ranked by how often the document names them, most first (then by index)."""
    return -pair[0], pair[1].index


@dataclass(slots=True)
class _Tally:
    """The confident choices of one round over the whole document, summed once. The context
    of a name is what the *other* names chose: this tally minus the name's own choices,
    which costs a few subtractions instead of summing the others anew for every name."""

    counts: dict[int, int]  # entry -> times chosen
    facts: dict[int, _EntryFacts]
    where: dict[int, set[int]]
    countries: dict[str, int]
    total: int
    admin1s: dict[str, int]  # first-level region -> times its entries were chosen
    ranked: list[tuple[int, GazetteerEntry]]  # every point with its times, by _by_times
    full: _Context  # the context of a name that chose nothing

    @classmethod
    def of(
        cls,
        counts: dict[int, int],
        facts: Callable[[int], _EntryFacts],
        where: dict[int, set[int]],
    ) -> _Tally:
        read: dict[int, _EntryFacts] = {}
        countries: dict[str, int] = {}
        admin1s: dict[str, int] = {}
        ranked: list[tuple[int, GazetteerEntry]] = []
        for i, times in counts.items():
            fact = read[i] = facts(i)
            e, country, admin1, is_point = fact
            countries[country] = countries.get(country, 0) + times
            if admin1:
                admin1s[admin1] = admin1s.get(admin1, 0) + times
            if is_point:
                ranked.append((times, e))
        ranked.sort(key=_by_times)
        total = sum(countries.values())
        full = _Context(
            countries,
            total,
            set(admin1s),
            [e for _, e in ranked[:_MAX_POINTS]],
            set(counts),
            where,
        )
        return cls(counts, read, where, countries, total, admin1s, ranked, full)

    def without(self, own: dict[int, int] | None) -> _Context:
        """The context of a name whose own confident choices are ``own`` (entry -> times):
        the same as ``_Context.of`` over the positive counts that remain."""
        if not own:
            return self.full
        full, counts, facts = self.full, self.counts, self.facts
        countries = dict(self.countries)
        total = self.total
        taken: dict[str, int] = {}  # first-level region -> times this name took from it
        gone: set[int] = set()  # entries no other name chose
        for i, times in own.items():
            _, country, admin1, _ = facts[i]
            left = countries[country] - times
            if left:
                countries[country] = left
            else:
                del countries[country]
            total -= times
            if admin1:
                taken[admin1] = taken.get(admin1, 0) + times
            if times == counts[i]:
                gone.add(i)
        gone_admin1s = {a for a, times in taken.items() if self.admin1s[a] == times}
        admin1s = full.admin1s - gone_admin1s if gone_admin1s else full.admin1s
        ids = full.ids - gone if gone else full.ids
        if len(self.ranked) <= _MAX_POINTS:
            # Every point of the document is one of the context's, in any order (the
            # distances are only ever compared): only the points the name alone chose go.
            if gone.isdisjoint(full.point_set):
                return _Context(countries, total, admin1s, full.points, ids, self.where, full)
            points = [e for _, e in self.ranked if e.index not in gone]
        else:
            # More points than are kept: which ones make the cut depends on the counts left.
            remaining = [
                (times - own.get(e.index, 0), e)
                for times, e in self.ranked
                if times > own.get(e.index, 0)
            ]
            remaining.sort(key=_by_times)
            points = [e for _, e in remaining[:_MAX_POINTS]]
        return _Context(countries, total, admin1s, points, ids, self.where)


__all__ = ["Resolution", "Resolver", "propagate_cues"]
