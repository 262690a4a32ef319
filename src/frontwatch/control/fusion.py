"""Cross-article fusion: reports of the same real event, from any number of documents, as one.

A war is reported many times over: the fall of a town appears in the defence ministry's claim,
the mayor's admission, the evening paper and a retrospective a year later. :func:`fuse` turns
the stored events (plain dicts, ``Event.to_dict()`` plus ``doc_id``, ``source``, ``doc_date``)
into :class:`Cluster` records, one per real event, so that counts, maps and the control timeline
rest on events rather than on reports.

Two reports are the same event when they have the same type, the same place, compatible actors
(the same country, or one unknown) and time intervals that overlap: within the tightest interval
the cluster has so far. A territorial change reported with dates a few days apart is still one
change: it joins the cluster as a *date conflict* that stays visible, as does a denial beside a
claim. Nothing is averaged away: a cluster keeps every member with its source and status.

Fusion never compares all pairs. Events are blocked by (type, place) and swept in time order;
only the clusters whose interval can still overlap the next event are kept open, so the cost is
that of sorting, O(n log n).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from frontwatch.records import RecordError, date_interval
from frontwatch.resources import load_data
from frontwatch.store import fold

# Statuses that support an event, and the ones that speak against it.
SUPPORTING_STATUSES = frozenset({"reported", "claimed", "unconfirmed", "confirmed"})
TERRITORY_PREFIX = "territory."

_FILE_LIKE = re.compile(r"[/\\]|\.[A-Za-z0-9]{2,5}(:\d+)?$")


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """``data/control.toml``: the numbers of the control layer, read once."""
    return load_data("control.toml")


# --------------------------------------------------------------------------------------------
# Reading event dicts


def place_key(place: dict[str, Any] | None) -> str | None:
    """The identity of a place across documents: its geonameid, else its folded name.

    ``"g:712451"`` for a resolved place; ``"n:podol"`` for one the gazetteer lacks (its name,
    else its surface, folded like the store folds names), so unresolved places still fuse by
    name. None when there is no place at all.
    """
    if not isinstance(place, dict):
        return None
    geonameid = place.get("geonameid")
    if geonameid is not None:
        try:
            return f"g:{int(geonameid)}"
        except (TypeError, ValueError):
            return None
    name = place.get("name") or place.get("surface")
    key = fold(str(name)) if name else None
    return f"n:{key}" if key else None


def _day(value: Any, *, end: bool) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    bounds = _bounds(value[:10])
    return None if bounds is None else bounds[1 if end else 0]


@lru_cache(maxsize=65536)
def _bounds(value: str) -> tuple[date, date] | None:
    """The first and last day an ISO date of any precision means (cached: dates repeat)."""
    try:
        return date_interval(value)
    except RecordError:
        return None


def event_interval(event: dict[str, Any]) -> tuple[int, int] | None:
    """The days (as ordinals, inclusive) the event happened in.

    Its time's [earliest, latest]; the document date's interval when it has no usable time
    (SCHEMA.md: the time defaults to the document date). None if neither can be read.
    """
    time = event.get("time")
    if isinstance(time, dict):
        first = _day(time.get("earliest"), end=False)
        last = _day(time.get("latest"), end=True)
        if first and last and first <= last:
            return first.toordinal(), last.toordinal()
    doc_date = event.get("doc_date")
    first = _day(doc_date, end=False)
    last = _day(doc_date, end=True)
    if first and last:
        return first.toordinal(), last.toordinal()
    return None


def doc_interval(event: dict[str, Any]) -> tuple[int, int] | None:
    """The days the event's document may have been published on."""
    first = _day(event.get("doc_date"), end=False)
    last = _day(event.get("doc_date"), end=True)
    return (first.toordinal(), last.toordinal()) if first and last else None


def outlet_key(event: dict[str, Any]) -> str:
    """Who published the report, for counting *independent* sources.

    The host of its URL; else a ``source`` that names an outlet (not a file path); else the
    document itself, so two unattributed documents count as two sources.
    """
    url = event.get("url")
    if isinstance(url, str) and url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    source = event.get("source")
    if isinstance(source, str) and source.strip() and not _FILE_LIKE.search(source.strip()):
        return source.strip().casefold()
    return f"doc:{event.get('doc_id') or event.get('event_id')}"


def actor_country(actor: Any) -> str | None:
    if isinstance(actor, dict) and actor.get("country"):
        return str(actor["country"]).upper()
    return None


def iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def interval_dict(interval: tuple[int, int] | None) -> dict[str, str] | None:
    if interval is None:
        return None
    return {"earliest": iso(interval[0]), "latest": iso(interval[1])}


# --------------------------------------------------------------------------------------------
# Clusters


@dataclass(slots=True)
class Cluster:
    """One real event and every report of it.

    ``interval`` is the tightest interval consistent with the reports (the intersection of the
    members' intervals, leaving out date conflicts); ``date_conflicts`` lists the members whose
    own dates do not contain it, ``denials`` the members that deny the event. ``sources`` counts
    independent outlets, ``documents`` distinct documents.
    """

    cluster_id: str
    type: str
    place_key: str
    place: dict[str, Any]
    actor: dict[str, Any] | None
    target: dict[str, Any] | None
    interval: tuple[int, int]
    members: list[dict[str, Any]]
    date_conflicts: list[str] = field(default_factory=list)
    denials: list[str] = field(default_factory=list)
    documents: int = 0
    sources: int = 0
    statuses: dict[str, int] = field(default_factory=dict)

    @property
    def earliest(self) -> str:
        return iso(self.interval[0])

    @property
    def latest(self) -> str:
        return iso(self.interval[1])

    @property
    def event_ids(self) -> list[str]:
        return [str(m.get("event_id")) for m in self.members]

    @property
    def contradictions(self) -> list[str]:
        """What the reports disagree on: ``"denied"``, ``"negated"``, ``"dates"``."""
        found = []
        if self.denials:
            found.append("denied")
        if any(m.get("modality") == "negated" for m in self.members):
            found.append("negated")
        if self.date_conflicts:
            found.append("dates")
        return found

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary: the cluster and, per member, what the report said and where."""
        return {
            "cluster_id": self.cluster_id,
            "type": self.type,
            "place_key": self.place_key,
            "place": self.place,
            "actor": self.actor,
            "target": self.target,
            "time": interval_dict(self.interval),
            "documents": self.documents,
            "sources": self.sources,
            "statuses": self.statuses,
            "contradictions": self.contradictions,
            "date_conflicts": self.date_conflicts,
            "denials": self.denials,
            "events": self.event_ids,
            "members": [member_summary(m) for m in self.members],
        }


def cluster_from_stored(data: dict[str, Any], members: list[dict[str, Any]]) -> Cluster:
    """A :class:`Cluster` again, from its stored ``to_dict()`` and its members' event dicts."""
    time = data.get("time") or {}
    first, last = _day(time.get("earliest"), end=False), _day(time.get("latest"), end=True)
    if first is None or last is None:
        raise ValueError(f"stored cluster {data.get('cluster_id')} has no interval")
    return Cluster(
        cluster_id=str(data["cluster_id"]),
        type=str(data["type"]),
        place_key=str(data["place_key"]),
        place=data.get("place") or {},
        actor=data.get("actor"),
        target=data.get("target"),
        interval=(first.toordinal(), last.toordinal()),
        members=sorted(members, key=lambda e: str(e.get("event_id"))),
        date_conflicts=list(data.get("date_conflicts") or []),
        denials=list(data.get("denials") or []),
        documents=int(data.get("documents") or 0),
        sources=int(data.get("sources") or 0),
        statuses=dict(data.get("statuses") or {}),
    )


def fusion_tolerance(event_type: str) -> int:
    """Days by which two reports' dates may miss each other and still be one event."""
    return _tolerance(event_type)


def member_summary(event: dict[str, Any]) -> dict[str, Any]:
    """What a query needs of one report: who said what, when, where it was published."""
    evidence = event.get("evidence") or []
    text = " ".join(str(e.get("text", "")) for e in evidence if isinstance(e, dict)).strip()
    interval = event_interval(event)
    return {
        "event_id": event.get("event_id"),
        "doc_id": event.get("doc_id"),
        "source": event.get("source"),
        "url": event.get("url"),
        "doc_date": event.get("doc_date"),
        "type": event.get("type"),
        "actor": event.get("actor"),
        "status": event.get("status") or "reported",
        "modality": event.get("modality") or "asserted",
        "claimant": event.get("claimant"),
        "time": interval_dict(interval),
        "text": text,
    }


class _Open:
    """A cluster being built by the sweep."""

    __slots__ = ("core", "countries", "members", "outliers")

    def __init__(self, event: dict[str, Any], interval: tuple[int, int]) -> None:
        self.members: list[dict[str, Any]] = [event]
        self.core = interval
        self.outliers: list[str] = []
        country = actor_country(event.get("actor"))
        self.countries: set[str] = {country} if country else set()

    def accepts(self, country: str | None, interval: tuple[int, int], tolerance: int) -> bool:
        if country and self.countries and country not in self.countries:
            return False
        return interval[0] <= self.core[1] + tolerance and self.core[0] <= interval[1] + tolerance

    def add(self, event: dict[str, Any], country: str | None, interval: tuple[int, int]) -> None:
        self.members.append(event)
        if country:
            self.countries.add(country)
        low, high = max(self.core[0], interval[0]), min(self.core[1], interval[1])
        if low <= high:
            self.core = (low, high)
        else:  # dates a few days apart: one change, reported with conflicting dates
            self.outliers.append(str(event.get("event_id")))


def _tolerance(event_type: str) -> int:
    fusion = settings()["fusion"]
    if event_type.startswith(TERRITORY_PREFIX):
        return int(fusion["territory_date_tolerance_days"])
    return int(fusion["other_date_tolerance_days"])


def _sort_key(item: tuple[tuple[int, int], dict[str, Any]]) -> tuple[int, int, str]:
    interval, event = item
    return interval[0], interval[1], str(event.get("event_id"))


def fuse(events: Iterable[dict[str, Any]]) -> list[Cluster]:
    """Cluster ``events`` (dicts) into real events; events without a place or date are skipped.

    Deterministic: the result depends on the set of events, not on the order they come in, so
    ingesting an old article after a new one gives the same clusters.
    """
    blocks: dict[tuple[str, str], list[tuple[tuple[int, int], dict[str, Any]]]] = defaultdict(list)
    for event in events:
        key = place_key(event.get("place"))
        interval = event_interval(event)
        event_type = event.get("type")
        if key is None or interval is None or not event_type:
            continue
        blocks[(str(event_type), key)].append((interval, event))

    clusters: list[Cluster] = []
    for (event_type, key), items in sorted(blocks.items()):
        items.sort(key=_sort_key)
        tolerance = _tolerance(event_type)
        done: list[_Open] = []
        active: list[_Open] = []
        for interval, event in items:
            # Sorted by earliest day: a cluster ending before this event (with tolerance) can
            # never take a later one either, so it leaves the sweep.
            still: list[_Open] = []
            for candidate in active:
                if candidate.core[1] + tolerance < interval[0]:
                    done.append(candidate)
                else:
                    still.append(candidate)
            active = still
            country = actor_country(event.get("actor"))
            home = next((c for c in active if c.accepts(country, interval, tolerance)), None)
            if home is None:
                active.append(_Open(event, interval))
            else:
                home.add(event, country, interval)
        done.extend(active)
        clusters.extend(_finish(event_type, key, c) for c in done)
    clusters.sort(key=lambda c: (c.place_key, c.interval, c.type, c.cluster_id))
    return clusters


def _consensus_actor(members: list[dict[str, Any]], field_name: str) -> dict[str, Any] | None:
    """The actor most members name (by country, then role), in the members' own shape."""
    actors = [m.get(field_name) for m in members if isinstance(m.get(field_name), dict)]
    with_country = [a for a in actors if a.get("country")]
    pool = with_country or actors
    if not pool:
        return None
    counts = Counter((a.get("country"), a.get("role")) for a in pool)
    (country, role), _ = max(counts.items(), key=lambda kv: (kv[1], str(kv[0])))
    names = sorted({str(a["name"]) for a in pool if a.get("name") and a.get("country") == country})
    actor: dict[str, Any] = {"country": country, "role": role or "unknown"}
    if names:
        actor["name"] = names[0]
    return actor


def _representative_place(members: list[dict[str, Any]]) -> dict[str, Any]:
    """The members' place as one PlaceMention-shaped dict: the most confident resolution."""
    places = [m["place"] for m in members if isinstance(m.get("place"), dict)]
    best = max(places, key=lambda p: (p.get("lat") is not None, p.get("confidence") or 0.0))
    keys = ("geonameid", "name", "surface", "feature", "admin1", "country", "lat", "lon")
    place = {k: best.get(k) for k in keys}
    if not place.get("name"):
        place["name"] = best.get("surface")
    return place


def _finish(event_type: str, key: str, built: _Open) -> Cluster:
    members = sorted(built.members, key=lambda e: str(e.get("event_id")))
    ids = [str(m.get("event_id")) for m in members]
    digest = hashlib.sha1(f"{event_type}|{key}|{'|'.join(ids)}".encode()).hexdigest()[:16]
    core = built.core
    # A member whose own interval misses the core disagrees on the date (whatever the order
    # the sweep met it in).
    conflicts = [
        str(m.get("event_id"))
        for m in members
        if (iv := event_interval(m)) is not None and (iv[1] < core[0] or iv[0] > core[1])
    ]
    return Cluster(
        cluster_id=digest,
        type=event_type,
        place_key=key,
        place=_representative_place(members),
        actor=_consensus_actor(members, "actor"),
        target=_consensus_actor(members, "target"),
        interval=core,
        members=members,
        date_conflicts=conflicts,
        denials=[str(m.get("event_id")) for m in members if m.get("status") == "denied"],
        documents=len({m.get("doc_id") or m.get("event_id") for m in members}),
        sources=len({outlet_key(m) for m in members}),
        statuses=dict(sorted(Counter(str(m.get("status") or "reported") for m in members).items())),
    )


__all__ = [
    "SUPPORTING_STATUSES",
    "Cluster",
    "actor_country",
    "cluster_from_stored",
    "doc_interval",
    "event_interval",
    "fuse",
    "fusion_tolerance",
    "interval_dict",
    "iso",
    "member_summary",
    "outlet_key",
    "place_key",
    "settings",
]
