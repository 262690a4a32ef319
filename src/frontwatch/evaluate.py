"""Scoring frontwatch output against a gold annotation (``frontwatch eval``).

The gold format is the one of ``spec/seeds.gold.json`` and ``dev/gold.json``: ``{"documents":
[{file, date, lang, places, not_places, times, events, control}]}`` with ``file`` relative to
the gold file. Scoring is a pure function of one gold document (a ``dict``) and the system's
output for it (a ``dict`` in the :meth:`frontwatch.records.Document.to_dict` shape), so it can be
tested, and reused on stored output, without running the pipeline:

- :func:`score_document` scores one document and returns a :class:`DocScore`;
- :func:`evaluate` runs a pipeline over the gold's documents and returns a :class:`Report`
  (micro-averaged over all documents) with :meth:`Report.to_dict` and
  :meth:`Report.format_text`.

Matching rules (the project's issue fixes them; they are written out here because the numbers
mean nothing without them):

Places
    A gold place is *found* when a system mention with the same surface (case- and
    diacritic-insensitive) or a span overlapping an occurrence of the gold surface in the text
    *resolves* to it: the same ``geonameid`` when the gold gives one, else the same country and
    the same normalised name; failing that, for settlements (gold ``feature`` absent or
    ``PPL*``, and a system mention that is a settlement too), coordinates within 15 km of the
    gold's. Gold places have no offsets, so every whole-word occurrence of the gold surface is
    located in the text. Scoring is per distinct gold entry (a surface mentioned five times is
    one hit or one miss). System mentions that resolve to no gold place are false positives,
    counted once per distinct system (surface, geonameid). A mention overlapping an occurrence
    of a ``not_places`` surface ("Sjachtar Donetsk", "Kyivstar") is a false positive even when
    its surface also names a gold place elsewhere. An ``optional`` gold place is neither a hit
    nor a miss, and a mention matching it is not a false positive.

Times
    A system time mention overlapping an occurrence of the gold surface is correct when the
    middle of its [earliest, latest] lies in the gold interval widened by 3 days on each side and
    its length (inclusive days) is at most twice the gold's plus 7 days. Per distinct gold entry;
    system times correct for no gold time are false positives, counted once per distinct
    (surface, earliest, latest). Optional gold times are neither hits nor misses, and a system
    time correct for one is not a false positive.

Events
    A system event is *admissible* for a gold event when it has the gold type or one of its
    ``alt_types``, the gold actor country (when the gold gives one), a place that resolves to the
    gold place by the place rule (when the gold gives one and it is not ``place_optional``; the
    gold ``place`` is the ``name`` of an entry of the document's ``places``) and a time correct
    by the time rule. Matching is greedy and one-to-one: gold events in order, non-optional ones
    first, each taking among the free admissible system events the one with the exact type
    before an alt type, then an agreeing status, then an agreeing claimant (remaining ties: an
    agreeing modality, then fatalities, then the system event fewest waiting gold events
    admit, then the first).
    Optional gold events are neither hits nor misses. Unmatched system events are false
    positives, except the other party's version of a matched event (same type, actor country and
    place, another claimant: a denial beside a claim). Status agrees when it equals the gold's
    or one of its ``alt_status``.

Accuracies
    On matched non-optional events: status (with ``alt_status``), claimant country (no claimant
    on both sides agrees), modality, fatalities (exact integer equality; none on both sides
    agrees).

Control
    :func:`score_control` scores the control timeline built from ALL documents together (the
    cross-article :mod:`frontwatch.control` layer) against the gold ``control`` facts of every
    document. A gold fact with a ``from`` interval is *found* when some state has a place that
    resolves to the fact's place by the place rule, the same ``controller``, and a ``since``
    correct for the ``from`` by the time rule. Precision is over the system's states that have a
    ``since``: a state is correct when it finds some gold fact, or when it agrees with a gold
    fact *observed* without ``from`` ("nog in Oekraïense handen": same place and controller, the
    gold document's date inside the state's span). Recall is over the gold facts with a
    ``from``; observed facts have no start to agree on and are not counted. One state may find
    several gold facts: articles report the same change again and fusion makes it one state.
    Optional facts are neither hits nor misses, and a state they support is not a false
    positive.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from frontwatch.geo import haversine_km
from frontwatch.records import (
    EVENT_TYPES,
    Document,
    RecordError,
    date_interval,
    parse_document_date,
)

# Matching tolerances of the issue; named so a report can quote them.
PLACE_RADIUS_KM = 15.0
TIME_MIDDLE_SLACK_DAYS = 3
TIME_WIDTH_FACTOR = 2
TIME_WIDTH_SLACK_DAYS = 7
TERRITORY = "territory.*"
ACCURACY_FIELDS: tuple[str, ...] = ("status", "claimant", "modality", "fatalities")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"})


class GoldFormatError(ValueError):
    """The gold file is not valid JSON in the expected structure."""


class EvaluationError(RuntimeError):
    """A gold document could not be turned into system output (unreadable file...)."""


# --------------------------------------------------------------------------------------------
# Text helpers


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.translate(_APOSTROPHES).translate(_DASHES).casefold()


def fold(text: str) -> str:
    """Case-, diacritic- and blank-insensitive form of a surface: "Oekraïne" -> "oekraine"."""
    return re.sub(r"\s+", " ", "".join(_fold_char(c) for c in text)).strip()


def fold_name(name: str | None) -> str:
    """A gazetteer name reduced for comparison: folded, punctuation and blanks dropped."""
    return re.sub(r"[\W_]+", "", fold(name or ""))


class FoldedText:
    """A text searchable case- and diacritic-insensitively, with offsets into the original.

    Folding can change a character's length ("ß" -> "ss"), so every folded character keeps the
    index of the original character it came from.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        chars: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(text):
            folded = _fold_char(char)
            if folded.isspace():
                folded = " "
            for piece in folded:
                chars.append(piece)
                origin.append(index)
        self._folded = "".join(chars)
        self._origin = origin

    def find_all(self, surface: str) -> list[tuple[int, int]]:
        """Spans ``(start, end)`` of whole-word occurrences of ``surface`` in the text."""
        needle = "".join(" " if c.isspace() else c for c in (_fold_char(ch) for ch in surface))
        needle = needle.strip()
        if not needle:
            return []
        spans: list[tuple[int, int]] = []
        start = self._folded.find(needle)
        while start >= 0:
            end = start + len(needle)
            first, last = self._origin[start], self._origin[end - 1] + 1
            if self._is_boundary(first - 1) and self._is_boundary(last):
                spans.append((first, last))
            start = self._folded.find(needle, start + 1)
        return spans

    def _is_boundary(self, index: int) -> bool:
        return index < 0 or index >= len(self.text) or not self.text[index].isalnum()


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _span(record: dict[str, Any]) -> tuple[int, int] | None:
    start, end = record.get("start"), record.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return start, end
    return None


def _short(text: str | None, limit: int = 100) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------------------
# Scores


@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1 (None when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        # 2tp / (2tp + fp + fn) is the harmonic mean of P and R, and stays defined (0) when the
        # system predicted nothing but the gold expected something.
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


@dataclass
class Accuracy:
    """How many of ``n`` matched events agree with the gold on one field."""

    correct: int = 0
    n: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.n if self.n else None

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.n += other.n

    def record(self, agrees: bool) -> None:
        self.n += 1
        self.correct += int(agrees)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "n": self.n, "accuracy": _round(self.value)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass
class Issue:
    """One miss or false positive, with the reason, for ``--details``."""

    file: str
    kind: str  # "place", "time", "event"
    error: str  # "miss", "false positive", or "wrong" (a matched event with a wrong attribute)
    text: str  # the surface, or the evidence of an event
    why: str
    type: str | None = None  # event type

    def to_dict(self) -> dict[str, Any]:
        d = {"file": self.file, "kind": self.kind, "error": self.error, "text": self.text}
        if self.type is not None:
            d["type"] = self.type
        d["why"] = self.why
        return d


def _empty_type_counts() -> dict[str, Counts]:
    return {t: Counts() for t in EVENT_TYPES}


def _empty_accuracies() -> dict[str, Accuracy]:
    return {name: Accuracy() for name in ACCURACY_FIELDS}


@dataclass
class DocScore:
    """Everything scored on one document."""

    file: str
    places: Counts = field(default_factory=Counts)
    times: Counts = field(default_factory=Counts)
    events_by_type: dict[str, Counts] = field(default_factory=_empty_type_counts)
    accuracy: dict[str, Accuracy] = field(default_factory=_empty_accuracies)
    issues: list[Issue] = field(default_factory=list)
    # (gold event index, system event index) of every match, optional gold events included.
    event_matches: list[tuple[int, int]] = field(default_factory=list)

    @property
    def events(self) -> Counts:
        return _sum_counts(self.events_by_type.values())

    @property
    def territory(self) -> Counts:
        return _sum_counts(c for t, c in self.events_by_type.items() if t.startswith("territory."))

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "places": self.places.to_dict(),
            "times": self.times.to_dict(),
            "events": self.events.to_dict(),
        }


def _sum_counts(parts: Iterable[Counts]) -> Counts:
    total = Counts()
    for part in parts:
        total.add(part)
    return total


@dataclass
class ControlScore:
    """Scores of the territorial control timeline, or why there are none.

    ``states`` counts system states (tp correct, fp not) for precision; ``facts`` counts gold
    facts with a start (tp found, fn missed) for recall: one state may find several facts.
    """

    gold_facts: int
    computed: bool = False
    reason: str | None = None
    counts: Counts | None = None
    states: Counts | None = None
    facts: Counts | None = None
    issues: list[Issue] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.states.precision if self.states is not None else None

    @property
    def recall(self) -> float | None:
        return self.facts.recall if self.facts is not None else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"computed": self.computed, "gold_facts": self.gold_facts}
        if self.reason:
            d["reason"] = self.reason
        if self.counts is not None:
            d.update(self.counts.to_dict())
        if self.states is not None and self.facts is not None:
            d.update(
                precision=_round(self.precision),
                recall=_round(self.recall),
                f1=_round(self.f1),
                states={"correct": self.states.tp, "wrong": self.states.fp},
                facts={"found": self.facts.tp, "missed": self.facts.fn},
            )
        return d


def score_control(
    gold_docs: Sequence[dict[str, Any]], control_states: Sequence[Any] | None = None
) -> ControlScore:
    """Score control states against the gold ``control`` facts of all ``gold_docs``.

    ``control_states`` are ``ControlState`` records, ``ControlPeriod`` records or their dicts
    (``place``, ``controller``, ``since``, ``until``), built from all documents together. None
    means no timeline was built: "not computed". The rules are in the module docstring.
    """
    gold_facts = sum(len(doc.get("control") or []) for doc in gold_docs)
    if control_states is None:
        return ControlScore(gold_facts, reason="not computed: no control states given")
    states = [s.to_dict() if hasattr(s, "to_dict") else s for s in control_states]
    states = [s for s in states if isinstance(s, dict) and isinstance(s.get("place"), dict)]
    facts = Counts()
    state_counts = Counts()
    issues: list[Issue] = []
    # verdict per state: "correct", "optional" (only optional facts support it) or None
    verdicts: list[str | None] = [None] * len(states)
    for doc in gold_docs:
        file = str(doc.get("file", "?"))
        places_by_name: dict[str, list[dict[str, Any]]] = {}
        for place in doc.get("places") or []:
            places_by_name.setdefault(str(place.get("name", "")), []).append(place)
        doc_span = _interval({"earliest": doc.get("date"), "latest": doc.get("date")})
        for fact in doc.get("control") or []:
            name = str(fact.get("place", ""))
            gold_places = places_by_name.get(name) or [{"name": name}]
            start = _interval(fact.get("from"))
            found = False
            for index, state in enumerate(states):
                if state.get("controller") != fact.get("controller"):
                    continue
                if not any(place_resolves(state["place"], g) for g in gold_places):
                    continue
                if start is not None:
                    agrees = time_agrees(_interval(state.get("since")), start)[0]
                else:
                    agrees = _span_covers(state, doc_span)
                if not agrees:
                    continue
                found = True
                if not fact.get("optional"):
                    verdicts[index] = "correct"
                elif verdicts[index] is None:
                    verdicts[index] = "optional"
            if start is None or fact.get("optional"):
                continue
            if found:
                facts.tp += 1
            else:
                facts.fn += 1
                issues.append(
                    Issue(
                        file,
                        "control",
                        "miss",
                        f"{name} {fact.get('controller')}",
                        f"no state with this place, controller and a start agreeing with "
                        f"{fact['from'].get('earliest')}..{fact['from'].get('latest')}",
                    )
                )
    for state, verdict in zip(states, verdicts, strict=True):
        if not state.get("since"):
            continue
        if verdict == "correct":
            state_counts.tp += 1
        elif verdict is None:
            state_counts.fp += 1
            since = state["since"]
            issues.append(
                Issue(
                    "(all documents)",
                    "control",
                    "false positive",
                    f"{_describe_place(state['place'])} {state.get('controller')}",
                    f"since {since.get('earliest')}..{since.get('latest')} agrees with no "
                    "gold fact",
                )
            )
    return ControlScore(gold_facts, computed=True, states=state_counts, facts=facts, issues=issues)


def _span_covers(state: dict[str, Any], span: tuple[date, date] | None) -> bool:
    """Whether a state may hold during ``span`` (an observed gold fact's document date)."""
    if span is None:
        return False
    since, until = _interval(state.get("since")), _interval(state.get("until"))
    if since is not None and since[0] > span[1]:
        return False
    return not (until is not None and until[1] < span[0])


# --------------------------------------------------------------------------------------------
# Places


def _is_settlement(feature: str | None) -> bool:
    return feature is None or str(feature).upper().startswith("PPL")


def _describe_place(place: dict[str, Any]) -> str:
    parts = [str(place.get("name") or "?")]
    if place.get("geonameid") is not None:
        parts.append(str(place["geonameid"]))
    if place.get("country"):
        parts.append(str(place["country"]))
    return "/".join(parts)


def place_resolves(system: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether a system place (mention dict) resolves to a gold place entry.

    The same geonameid when the gold gives one, else the same country and normalised name;
    failing that, two settlements within :data:`PLACE_RADIUS_KM` (two gazetteer entries for one
    town). A namesake village in another oblast is far away, so the radius does not let the
    wrong Bilohorivka through; the system side must be a settlement too, or an oblast whose
    centroid lies near its capital would pass for the city.
    """
    gold_id = gold.get("geonameid")
    if gold_id is not None:
        if system.get("geonameid") is not None and str(system["geonameid"]) == str(gold_id):
            return True
    elif (
        # Seas, continents and the Soviet Union have no country on either side: None agrees.
        str(system.get("country") or "").upper() == str(gold.get("country") or "").upper()
        and fold_name(system.get("name"))
        and fold_name(system.get("name")) == fold_name(gold.get("name"))
    ):
        return True
    if not (_is_settlement(gold.get("feature")) and _is_settlement(system.get("feature"))):
        return False
    distance = _distance_km(system, gold)
    return distance is not None and distance <= PLACE_RADIUS_KM


def _distance_km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    try:
        return haversine_km(float(a["lat"]), float(a["lon"]), float(b["lat"]), float(b["lon"]))
    except (KeyError, TypeError, ValueError):
        return None


def _score_places(
    file: str, gold_doc: dict[str, Any], system_doc: dict[str, Any], text: FoldedText
) -> tuple[Counts, list[Issue]]:
    gold_places: list[dict[str, Any]] = list(gold_doc.get("places") or [])
    mentions: list[dict[str, Any]] = list(system_doc.get("places") or [])
    occurrences = [text.find_all(g.get("surface", "")) for g in gold_places]
    gold_spans = {span for spans in occurrences for span in spans}
    # A not_places occurrence that is also exactly a gold place occurrence cannot be told apart
    # from it by surface; the gold place wins there.
    not_place_spans = [
        span
        for surface in gold_doc.get("not_places") or []
        for span in text.find_all(surface)
        if span not in gold_spans
    ]

    found: set[int] = set()
    matched_mentions: set[int] = set()
    not_place_mentions: set[int] = set()
    candidates_of_gold: dict[int, list[int]] = {i: [] for i in range(len(gold_places))}
    candidates_of_mention: dict[int, list[int]] = {}
    for mi, mention in enumerate(mentions):
        span = _span(mention)
        if span is not None and any(_overlaps(span, np_span) for np_span in not_place_spans):
            not_place_mentions.add(mi)
            continue
        surface = fold(mention.get("surface") or "")
        candidates = [
            gi
            for gi, gold in enumerate(gold_places)
            if (surface and surface == fold(gold.get("surface") or ""))
            or (span is not None and any(_overlaps(span, occ) for occ in occurrences[gi]))
        ]
        candidates_of_mention[mi] = candidates
        for gi in candidates:
            candidates_of_gold[gi].append(mi)
            if place_resolves(mention, gold_places[gi]):
                found.add(gi)
                matched_mentions.add(mi)

    def why_missed(gi: int) -> str:
        tried = candidates_of_gold[gi]
        if not tried:
            return "no system mention with this surface or overlapping it"
        seen = sorted({_describe_place(mentions[mi]) for mi in tried})
        return f"system resolved it to {', '.join(seen)}; gold: {_describe_place(gold_places[gi])}"

    counts, issues = _count_gold(file, "place", gold_places, found, why_missed)

    # One false positive per distinct (surface, geonameid): a name repeated ten times and
    # resolved the same way is one decision of the system, as a gold entry is one item.
    false_positives: dict[tuple[str, Any], tuple[dict[str, Any], str]] = {}
    for mi, mention in enumerate(mentions):
        if mi in matched_mentions:
            continue
        key = (fold(mention.get("surface") or ""), mention.get("geonameid"))
        if mi in not_place_mentions:
            false_positives[key] = (mention, "listed in not_places (part of a name, no place)")
        elif key not in false_positives:
            tried = candidates_of_mention.get(mi) or []
            if tried:
                wanted = ", ".join(sorted({_describe_place(gold_places[gi]) for gi in tried}))
                why = f"resolved to {_describe_place(mention)}, gold has {wanted}"
            else:
                why = "no gold place with this surface or overlapping it"
            false_positives[key] = (mention, why)
    counts.fp = len(false_positives)
    for mention, why in false_positives.values():
        surface = f"{mention.get('surface', '')} -> {_describe_place(mention)}"
        issues.append(Issue(file, "place", "false positive", surface, why))
    return counts, issues


def _count_gold(
    file: str,
    kind: str,
    golds: list[dict[str, Any]],
    found: set[int],
    why_missed: Callable[[int], str],
) -> tuple[Counts, list[Issue]]:
    """True positives and misses over gold items (optional ones count neither way), with one
    :class:`Issue` per miss explaining it."""
    counts = Counts()
    issues: list[Issue] = []
    for gi, gold in enumerate(golds):
        if gold.get("optional"):
            continue
        if gi in found:
            counts.tp += 1
            continue
        counts.fn += 1
        issues.append(Issue(file, kind, "miss", gold.get("surface", ""), why_missed(gi)))
    return counts, issues


# --------------------------------------------------------------------------------------------
# Times


def _day(value: Any, *, end: bool) -> date | None:
    """An ISO date of any precision as a day: its first day, or its last when ``end``."""
    if not isinstance(value, str):
        return None
    try:
        first, last = date_interval(value)
    except RecordError:
        return None
    return last if end else first


def _interval(record: dict[str, Any] | None) -> tuple[date, date] | None:
    if not record:
        return None
    earliest = _day(record.get("earliest"), end=False)
    latest = _day(record.get("latest"), end=True)
    if earliest is None or latest is None or latest < earliest:
        return None
    return earliest, latest


def time_agrees(
    system: tuple[date, date] | None, gold: tuple[date, date] | None
) -> tuple[bool, str]:
    """The time rule: ``(correct, why not)`` for a system interval against a gold one.

    The middle of the system interval must lie in the gold interval widened by
    :data:`TIME_MIDDLE_SLACK_DAYS` on each side, and the system interval may be at most
    :data:`TIME_WIDTH_FACTOR` times the gold's length plus :data:`TIME_WIDTH_SLACK_DAYS` days
    (lengths in inclusive days), so "some day in September" does not pass for "15 September".
    """
    if gold is None:
        return False, "gold interval unreadable"
    if system is None:
        return False, "no valid [earliest, latest]"
    (s_first, s_last), (g_first, g_last) = system, gold
    middle = (s_first.toordinal() + s_last.toordinal()) / 2
    low = g_first.toordinal() - TIME_MIDDLE_SLACK_DAYS
    high = g_last.toordinal() + TIME_MIDDLE_SLACK_DAYS
    interval = f"{s_first.isoformat()}..{s_last.isoformat()}"
    gold_text = f"{g_first.isoformat()}..{g_last.isoformat()}"
    if not low <= middle <= high:
        return False, (f"{interval}: middle outside gold {gold_text} ±{TIME_MIDDLE_SLACK_DAYS} d")
    system_days = (s_last - s_first).days + 1
    gold_days = (g_last - g_first).days + 1
    allowed = TIME_WIDTH_FACTOR * gold_days + TIME_WIDTH_SLACK_DAYS
    if system_days > allowed:
        return False, (
            f"{interval}: {system_days} d, wider than {allowed} d allowed for gold {gold_text}"
        )
    return True, ""


def _score_times(
    file: str, gold_doc: dict[str, Any], system_doc: dict[str, Any], text: FoldedText
) -> tuple[Counts, list[Issue]]:
    gold_times: list[dict[str, Any]] = list(gold_doc.get("times") or [])
    mentions: list[dict[str, Any]] = list(system_doc.get("times") or [])
    occurrences = [text.find_all(g.get("surface", "")) for g in gold_times]
    gold_intervals = [_interval(g) for g in gold_times]

    found: set[int] = set()
    matched: set[int] = set()
    reasons_of_gold: dict[int, list[str]] = {i: [] for i in range(len(gold_times))}
    reasons_of_mention: dict[int, list[str]] = {}
    for mi, mention in enumerate(mentions):
        span = _span(mention)
        interval = _interval(mention)
        for gi in range(len(gold_times)):
            if span is None or not any(_overlaps(span, occ) for occ in occurrences[gi]):
                continue
            ok, why = time_agrees(interval, gold_intervals[gi])
            if ok:
                found.add(gi)
                matched.add(mi)
            else:
                reasons_of_gold[gi].append(f"system {mention.get('surface', '')!r} {why}")
                reasons_of_mention.setdefault(mi, []).append(
                    f"gold {gold_times[gi].get('surface', '')!r}: {why}"
                )

    counts, issues = _count_gold(
        file,
        "time",
        gold_times,
        found,
        lambda gi: "; ".join(reasons_of_gold[gi]) or "no system time overlapping it",
    )

    false_positives: dict[tuple[str, Any, Any], Issue] = {}
    for mi, mention in enumerate(mentions):
        if mi in matched:
            continue
        key = (fold(mention.get("surface") or ""), mention.get("earliest"), mention.get("latest"))
        if key in false_positives:
            continue
        why = "; ".join(reasons_of_mention.get(mi, [])) or "overlaps no gold time"
        shown = f"{mention.get('surface', '')} = {mention.get('earliest')}..{mention.get('latest')}"
        false_positives[key] = Issue(file, "time", "false positive", shown, why)
    counts.fp = len(false_positives)
    issues.extend(false_positives.values())
    return counts, issues


# --------------------------------------------------------------------------------------------
# Events


def _country(actor: Any) -> str | None:
    if isinstance(actor, dict):
        value = actor.get("country")
        return str(value).upper() if value else None
    return None


def _claimant_key(event: dict[str, Any]) -> tuple[str | None, str | None]:
    claimant = event.get("claimant")
    name = claimant.get("name") if isinstance(claimant, dict) else None
    return _country(claimant), fold(name) if name else None


def _status_agrees(gold: dict[str, Any], system: dict[str, Any]) -> bool:
    accepted = {gold.get("status") or "reported", *(gold.get("alt_status") or [])}
    return (system.get("status") or "reported") in accepted


def _same_place(a: Any, b: Any) -> bool:
    """Whether two system places are the same referent (for the claim/denial exemption)."""
    if not isinstance(a, dict) or not isinstance(b, dict):
        return a is None and b is None
    if a.get("geonameid") is not None or b.get("geonameid") is not None:
        return a.get("geonameid") == b.get("geonameid")
    return fold_name(a.get("name") or a.get("surface")) == fold_name(
        b.get("name") or b.get("surface")
    ) and _country(a) == _country(b)


class _EventJudge:
    """Admissibility of system events for the gold events of one document."""

    def __init__(self, gold_doc: dict[str, Any]) -> None:
        self.places_by_name: dict[str, list[dict[str, Any]]] = {}
        for place in gold_doc.get("places") or []:
            self.places_by_name.setdefault(place.get("name", ""), []).append(place)

    def gold_places(self, name: str) -> list[dict[str, Any]]:
        # A name the gold's places lack (a gold error check_gold.py catches) still scores
        # against the name alone rather than crashing.
        return self.places_by_name.get(name) or [{"name": name}]

    def failures(self, gold: dict[str, Any], system: dict[str, Any]) -> list[str]:
        """Why ``system`` is not admissible for ``gold`` (empty when it is)."""
        reasons: list[str] = []
        types = {gold.get("type"), *(gold.get("alt_types") or [])}
        if system.get("type") not in types:
            reasons.append(f"type {system.get('type')} not {'/'.join(sorted(map(str, types)))}")
        gold_actor = _country(gold.get("actor"))
        if gold_actor is not None and _country(system.get("actor")) != gold_actor:
            reasons.append(f"actor {_country(system.get('actor'))} not {gold_actor}")
        place_name = gold.get("place")
        if place_name and not gold.get("place_optional"):
            place = system.get("place")
            if not isinstance(place, dict):
                reasons.append(f"no place, gold {place_name}")
            elif not any(place_resolves(place, g) for g in self.gold_places(place_name)):
                reasons.append(f"place {_describe_place(place)} not {place_name}")
        system_time = system.get("time")
        ok, why = time_agrees(
            _interval(system_time if isinstance(system_time, dict) else None),
            _interval(gold.get("time")),
        )
        if not ok:
            reasons.append(f"time {why}")
        return reasons


def _event_text(event: dict[str, Any]) -> str:
    evidence = event.get("evidence")
    if isinstance(evidence, str):
        return evidence
    if isinstance(evidence, list):
        return " ".join(str(e.get("text", "")) for e in evidence if isinstance(e, dict))
    return ""


def _score_events(
    file: str, gold_doc: dict[str, Any], system_doc: dict[str, Any]
) -> tuple[dict[str, Counts], dict[str, Accuracy], list[Issue], list[tuple[int, int]]]:
    gold_events: list[dict[str, Any]] = list(gold_doc.get("events") or [])
    system_events: list[dict[str, Any]] = list(system_doc.get("events") or [])
    judge = _EventJudge(gold_doc)
    failures = [[judge.failures(g, s) for s in system_events] for g in gold_events]

    order = [i for i, g in enumerate(gold_events) if not g.get("optional")]
    order += [i for i, g in enumerate(gold_events) if g.get("optional")]
    taken: dict[int, int] = {}  # system index -> gold index
    match_of_gold: dict[int, int] = {}
    for position, gi in enumerate(order):
        gold = gold_events[gi]
        free = [si for si in range(len(system_events)) if si not in taken and not failures[gi][si]]
        if not free:
            continue
        later = order[position + 1 :]
        best = min(free, key=lambda si: _preference(gold, system_events[si], si, later, failures))
        taken[best] = gi
        match_of_gold[gi] = best

    by_type = _empty_type_counts()
    accuracy = _empty_accuracies()
    issues: list[Issue] = []
    for gi, gold in enumerate(gold_events):
        if gold.get("optional"):
            continue
        counts = by_type.setdefault(str(gold.get("type")), Counts())
        si = match_of_gold.get(gi)
        if si is not None:
            counts.tp += 1
            system = system_events[si]
            accuracy["status"].record(_status_agrees(gold, system))
            accuracy["claimant"].record(
                _country(gold.get("claimant")) == _country(system.get("claimant"))
            )
            accuracy["modality"].record(
                (gold.get("modality") or "asserted") == (system.get("modality") or "asserted")
            )
            accuracy["fatalities"].record(gold.get("fatalities") == system.get("fatalities"))
            wrong = _attribute_errors(gold, system)
            if wrong:
                issues.append(
                    Issue(
                        file,
                        "event",
                        "wrong",
                        _event_text(gold),
                        "; ".join(wrong),
                        type=str(gold.get("type")),
                    )
                )
            continue
        counts.fn += 1
        issues.append(
            Issue(
                file,
                "event",
                "miss",
                _event_text(gold),
                _why_missed(gi, failures),
                type=str(gold.get("type")),
            )
        )

    matched_systems = [system_events[si] for si in taken]
    for si, system in enumerate(system_events):
        if si in taken:
            continue
        if any(
            system.get("type") == other.get("type")
            and _country(system.get("actor")) == _country(other.get("actor"))
            and _same_place(system.get("place"), other.get("place"))
            and _claimant_key(system) != _claimant_key(other)
            for other in matched_systems
        ):
            continue  # the other party's version of a matched event: a denial beside a claim
        by_type.setdefault(str(system.get("type")), Counts()).fp += 1
        issues.append(
            Issue(
                file,
                "event",
                "false positive",
                _event_text(system),
                _why_false(si, failures, gold_events),
                type=str(system.get("type")),
            )
        )
    matches = sorted((gi, si) for si, gi in taken.items())
    return by_type, accuracy, issues, matches


def _attribute_errors(gold: dict[str, Any], system: dict[str, Any]) -> list[str]:
    """How a matched system event differs from its gold event in the attributes scored by
    accuracy (status, claimant, modality, fatalities)."""
    out = []
    if not _status_agrees(gold, system):
        out.append(f"status {system.get('status')} not {gold.get('status')}")
    if _country(gold.get("claimant")) != _country(system.get("claimant")):
        out.append(
            f"claimant {_country(system.get('claimant'))} not {_country(gold.get('claimant'))}"
        )
    gold_modality = gold.get("modality") or "asserted"
    if gold_modality != (system.get("modality") or "asserted"):
        out.append(f"modality {system.get('modality') or 'asserted'} not {gold_modality}")
    if gold.get("fatalities") != system.get("fatalities"):
        out.append(f"fatalities {system.get('fatalities')} not {gold.get('fatalities')}")
    return out


def _preference(
    gold: dict[str, Any],
    system: dict[str, Any],
    si: int,
    later: list[int],
    failures: list[list[list[str]]],
) -> tuple[Any, ...]:
    """Sort key of an admissible system event for a gold event: smaller is preferred."""
    return (
        system.get("type") != gold.get("type"),
        not _status_agrees(gold, system),
        _country(gold.get("claimant")) != _country(system.get("claimant")),
        # Ties the issue leaves open: the closer reading, then the system event fewer of the
        # gold events still waiting could take, then text order.
        (gold.get("modality") or "asserted") != (system.get("modality") or "asserted"),
        gold.get("fatalities") != system.get("fatalities"),
        sum(1 for other in later if not failures[other][si]),
        si,
    )


def _why_missed(gi: int, failures: list[list[list[str]]]) -> str:
    row = failures[gi]
    admissible = [si for si, reasons in enumerate(row) if not reasons]
    if admissible:
        return "every admissible system event was taken by an earlier gold event"
    same_type = [reasons for reasons in row if not any(r.startswith("type ") for r in reasons)]
    if not same_type:
        return "no system event of this type" if row else "no system events"
    closest = min(same_type, key=len)
    return "closest system event: " + "; ".join(closest)


def _why_false(si: int, failures: list[list[list[str]]], gold_events: list[dict[str, Any]]) -> str:
    column = [(gi, failures[gi][si]) for gi in range(len(gold_events))]
    if any(not reasons for _, reasons in column):
        return "its gold event(s) were matched by other system events"
    same_type = [
        (gi, reasons) for gi, reasons in column if not any(r.startswith("type ") for r in reasons)
    ]
    if not same_type:
        return "no gold event of this type"
    gi, closest = min(same_type, key=lambda item: len(item[1]))
    gold_text = _short(_event_text(gold_events[gi]), 60)
    return f"closest gold event ({gold_text!r}): " + "; ".join(closest)


# --------------------------------------------------------------------------------------------
# Documents and reports


def score_document(
    gold_doc: dict[str, Any], system_doc: dict[str, Any], file: str | None = None
) -> DocScore:
    """Score one system document (``Document.to_dict()`` shape) against one gold document.

    Pure: no files, no pipeline. ``file`` names the document in issues (default: the gold's
    ``file``). Gold surfaces are located in the system document's ``text``.
    """
    name = file if file is not None else str(gold_doc.get("file", "?"))
    text = FoldedText(str(system_doc.get("text") or ""))
    score = DocScore(name)
    score.places, place_issues = _score_places(name, gold_doc, system_doc, text)
    score.times, time_issues = _score_times(name, gold_doc, system_doc, text)
    score.events_by_type, score.accuracy, event_issues, score.event_matches = _score_events(
        name, gold_doc, system_doc
    )
    score.issues = place_issues + time_issues + event_issues
    return score


@dataclass
class Failure:
    """A gold document that could not be processed (it is scored as if nothing was found)."""

    file: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"file": self.file, "error": self.error}


@dataclass
class Report:
    """Micro-averaged scores over all documents of a gold file."""

    gold: str
    documents: list[DocScore] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    control: ControlScore = field(default_factory=lambda: score_control([]))

    @property
    def places(self) -> Counts:
        return _sum_counts(d.places for d in self.documents)

    @property
    def times(self) -> Counts:
        return _sum_counts(d.times for d in self.documents)

    @property
    def events(self) -> Counts:
        return _sum_counts(d.events for d in self.documents)

    @property
    def territory(self) -> Counts:
        return _sum_counts(d.territory for d in self.documents)

    @property
    def events_by_type(self) -> dict[str, Counts]:
        totals = _empty_type_counts()
        for doc in self.documents:
            for event_type, counts in doc.events_by_type.items():
                totals.setdefault(event_type, Counts()).add(counts)
        return totals

    @property
    def accuracy(self) -> dict[str, Accuracy]:
        totals = _empty_accuracies()
        for doc in self.documents:
            for name, acc in doc.accuracy.items():
                totals[name].add(acc)
        return totals

    @property
    def issues(self) -> list[Issue]:
        return [issue for doc in self.documents for issue in doc.issues]

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "gold": self.gold,
            "documents": len(self.documents),
            "failures": [f.to_dict() for f in self.failures],
            "places": self.places.to_dict(),
            "times": self.times.to_dict(),
            "events": self.events.to_dict(),
            TERRITORY: self.territory.to_dict(),
            "events_by_type": {t: c.to_dict() for t, c in self.events_by_type.items()},
            "accuracy": {name: acc.to_dict() for name, acc in self.accuracy.items()},
            "control": self.control.to_dict(),
        }
        if details:
            d["per_document"] = [doc.to_dict() for doc in self.documents]
            d["issues"] = [issue.to_dict() for issue in self.issues]
            d["control_issues"] = [issue.to_dict() for issue in self.control.issues]
        return d

    def format_text(self, details: bool = False) -> str:
        """A compact plain-text table (and, with ``details``, every miss and false positive)."""
        lines = [
            f"gold: {self.gold}  ({len(self.documents)} documents, {len(self.failures)} failed)"
        ]
        for failure in self.failures:
            lines.append(f"  FAILED {failure.file}: {failure.error}")
        header = f"{'':<22}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}"
        lines += ["", header, "-" * len(header)]
        rows: list[tuple[str, Counts]] = [
            ("places", self.places),
            ("times", self.times),
            ("events", self.events),
            (f"  {TERRITORY}", self.territory),
        ]
        rows += [(f"  {t}", c) for t, c in self.events_by_type.items()]
        for label, counts in rows:
            lines.append(
                f"{label:<22}{counts.tp:>6}{counts.fp:>6}{counts.fn:>6}"
                f"{_pct(counts.precision):>8}{_pct(counts.recall):>8}{_pct(counts.f1):>8}"
            )
        header = f"{'matched events':<22}{'right':>6}{'n':>6}{'acc':>8}"
        lines += ["", header, "-" * len(header)]
        for name, acc in self.accuracy.items():
            lines.append(f"{name:<22}{acc.correct:>6}{acc.n:>6}{_pct(acc.value):>8}")
        control = self.control
        if control.computed and control.states is not None and control.facts is not None:
            st, fa = control.states, control.facts
            lines.append(
                f"\ncontrol: P {_pct(control.precision)} ({st.tp}/{st.tp + st.fp} states) "
                f"R {_pct(control.recall)} ({fa.tp}/{fa.tp + fa.fn} gold facts with a start) "
                f"F1 {_pct(control.f1)} ({control.gold_facts} gold facts)"
            )
        elif control.computed and control.counts is not None:
            c = control.counts
            lines.append(
                f"\ncontrol: tp {c.tp} fp {c.fp} fn {c.fn} P {_pct(c.precision)} "
                f"R {_pct(c.recall)} F1 {_pct(c.f1)} ({control.gold_facts} gold facts)"
            )
        else:
            lines.append(f"\ncontrol: {control.reason} ({control.gold_facts} gold facts)")
        if details:
            lines += ["", "misses and false positives:"]
            current = None
            for issue in self.issues:
                if issue.file != current:
                    current = issue.file
                    lines.append(f"{issue.file}")
                kind = f"{issue.kind} {issue.type}" if issue.type else issue.kind
                lines.append(
                    f"  {issue.error:<14} {kind:<26} «{_short(issue.text)}»  why: {issue.why}"
                )
            if self.control.issues:
                lines += ["", "control timeline (all documents together):"]
                for issue in self.control.issues:
                    lines.append(f"  {issue.error:<14} «{issue.text}»: {issue.why}")
        return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


# --------------------------------------------------------------------------------------------
# Running the pipeline over a gold file


def load_gold(path: str | Path) -> dict[str, Any]:
    """A gold file, checked for the structure the scorer relies on."""
    try:
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read gold file: {exc}") from None
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}: not valid JSON: {exc}") from None
    documents = gold.get("documents") if isinstance(gold, dict) else None
    if not isinstance(documents, list):
        raise GoldFormatError(f"{path}: expected an object with a 'documents' list")
    for index, doc in enumerate(documents):
        if not isinstance(doc, dict) or not isinstance(doc.get("file"), str):
            raise GoldFormatError(f"{path}: document {index} has no 'file'")
        for key in ("places", "times", "events", "not_places", "control"):
            if not isinstance(doc.get(key, []), list):
                raise GoldFormatError(f"{path}: {doc['file']}: '{key}' must be a list")
        if "date" in doc:
            try:
                parse_document_date(str(doc["date"]))
            except RecordError as exc:
                raise GoldFormatError(f"{path}: {doc['file']}: {exc}") from None
    return gold


def read_with_readers(path: Path) -> Document:
    """The one document in ``path``, read by :func:`frontwatch.readers.iter_inputs`."""
    from frontwatch.readers import iter_inputs  # the CLI's own reader, imported when needed

    documents: list[Document] = []
    problems: list[str] = []
    for item in iter_inputs([str(path)]):
        if isinstance(item, Document):
            documents.append(item)
        else:
            problems.append(str(item))
    if len(documents) != 1:
        detail = f": {'; '.join(problems)}" if problems else ""
        raise EvaluationError(f"expected one document, the reader gave {len(documents)}{detail}")
    return documents[0]


def evaluate(
    gold_path: str | Path,
    pipeline: Callable[[Document], Document],
    *,
    read_document: Callable[[Path], Document] = read_with_readers,
    control_states: Sequence[Any] | None = None,
) -> Report:
    """Run ``pipeline`` over the documents of a gold file and score the output.

    Paths in the gold file are relative to it. The gold document's ``date`` and ``lang``
    override what the reader found (the gold is the reference for them). A document that cannot
    be read or processed is listed in ``Report.failures`` and scored as if the system found
    nothing in it, so a crash never flatters the numbers.
    """
    gold_file = Path(gold_path)
    gold = load_gold(gold_file)
    report = Report(str(gold_path))
    systems: list[dict[str, Any]] = []
    for gold_doc in gold["documents"]:
        path = gold_file.parent / gold_doc["file"]
        try:
            doc = read_document(path)
            if gold_doc.get("date"):
                doc.date, doc.date_precision = parse_document_date(str(gold_doc["date"]))
            if gold_doc.get("lang"):
                doc.lang = str(gold_doc["lang"])
            system = pipeline(doc).to_dict()
        except (OSError, EvaluationError, RecordError, UnicodeDecodeError) as exc:
            report.failures.append(Failure(gold_doc["file"], str(exc)))
            system = {"text": "", "places": [], "times": [], "events": []}
        report.documents.append(score_document(gold_doc, system))
        systems.append(system)
    if control_states is None:
        # The timeline is built across articles, as with all of them ingested in a store.
        from frontwatch.control import build_timeline, events_of_documents, fuse

        control_states = build_timeline(fuse(events_of_documents(systems)))
    report.control = score_control(gold["documents"], control_states)
    return report


__all__ = [
    "PLACE_RADIUS_KM",
    "TIME_MIDDLE_SLACK_DAYS",
    "TIME_WIDTH_FACTOR",
    "TIME_WIDTH_SLACK_DAYS",
    "Accuracy",
    "ControlScore",
    "Counts",
    "DocScore",
    "EvaluationError",
    "Failure",
    "FoldedText",
    "GoldFormatError",
    "Issue",
    "Report",
    "evaluate",
    "fold",
    "haversine_km",
    "load_gold",
    "place_resolves",
    "read_with_readers",
    "score_control",
    "score_document",
    "time_agrees",
]
