"""Questions the control timeline answers, as pure functions over control state dicts.

The dicts are :meth:`ControlPeriod.to_dict` records (as stored, with ``place_key``), so these
functions serve the CLI, an API or a notebook alike:

- :func:`state_on`: who held a place on a day, and how sure that is (``certain`` when the day
  is past the uncertainty of the change, ``possible`` when the change may not have happened
  yet, ``stale`` when the last report is too old to say the state still held);
- :func:`regional_answer`: the weak fallback for a settlement without evidence of its own;
- :func:`changes_between`: changes of control whose date may lie in a window, optionally
  inside an oblast or a radius;
- :func:`front_geojson`: the settlements and their controller on a day, as GeoJSON points.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from frontwatch.control.fusion import settings
from frontwatch.control.timeline import place_level
from frontwatch.geo import haversine_km
from frontwatch.store import fold

_REGION_WORDS = re.compile(
    r"\b(oblast|oblast'|region|province|autonomous|republic|of|the|city|misto|raion|district)\b"
)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


@dataclass(slots=True)
class Answer:
    """Who held a place on a day, by which state, and how sure the layer is about it."""

    state: dict[str, Any]
    certainty: str  # "certain", "possible" (inside the change's uncertainty) or "stale"
    basis: str = "place"  # "place", or "region" for the weak regional fallback
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "controller": self.state["controller"],
            "certainty": self.certainty,
            "basis": self.basis,
            "confidence": self.confidence,
            "state": self.state,
        }


def _holds(state: dict[str, Any], day: date) -> str | None:
    """``certain``/``possible`` when ``state`` covers ``day``, else None."""
    since, until = state.get("since"), state.get("until")
    certainty = "certain"
    if since:
        first, last = _day(since["earliest"]), _day(since["latest"])
        if first is None or day < first:
            return None
        if last is not None and day < last:
            certainty = "possible"
    if until:
        first, last = _day(until["earliest"]), _day(until["latest"])
        if last is not None and day > last:
            return None
        if first is not None and day >= first:
            certainty = "possible"
    return certainty


def is_stale(state: dict[str, Any], day: date) -> bool:
    """An open-ended state whose newest report is long before ``day``: no continuity invented."""
    if state.get("until"):
        return False
    last = _day(state.get("last_report"))
    if last is None:
        return False
    return (day - last).days > int(settings()["query"]["stale_after_days"])


def state_on(states: Iterable[dict[str, Any]], day: date) -> Answer | None:
    """Who held the place of ``states`` (one place's timeline) on ``day``, or None if unknown.

    Where two states may both cover the day (around a change), the one certain on that day wins,
    then the later one. A state whose last report is more than ``stale_after_days`` before the
    day is answered as ``stale``, with its confidence halved.
    """
    best: tuple[int, int, Answer] | None = None
    for index, state in enumerate(states):
        certainty = _holds(state, day)
        if certainty is None:
            continue
        confidence = float(state.get("confidence") or 0.0)
        if certainty == "certain" and is_stale(state, day):
            certainty, confidence = "stale", confidence / 2
        rank = {"certain": 2, "possible": 1, "stale": 0}[certainty]
        candidate = (rank, index, Answer(state, certainty, "place", round(confidence, 3)))
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best else None


def region_key(name: str | None) -> str:
    """A region name reduced for comparison: "Luhanska Oblast", "Luhansk" -> "luhansk"."""
    text = fold(name or "") or ""
    text = re.sub(r"['’]", "", text)
    text = _REGION_WORDS.sub(" ", text)
    text = re.sub(r"[^a-z0-9]+", "", text)
    # Ukrainian adjectival forms: Luhanska / Donetska -> Luhansk / Donetsk.
    return re.sub(r"([sc]k)a$", r"\1", text)


def same_region(a: str | None, b: str | None) -> bool:
    """Two spellings of one oblast: "Donetska Oblast" / "Donetsk", "Odeska" / "Odessa".

    Equal keys, or a common beginning of at least four letters covering three quarters of the
    shorter key (so "Chernihiv" and "Chernivtsi" stay apart).
    """
    x, y = region_key(a), region_key(b)
    if not x or not y:
        return False
    if x == y:
        return True
    common = 0
    for left, right in zip(x, y, strict=False):
        if left != right:
            break
        common += 1
    return common >= 4 and common >= 0.75 * min(len(x), len(y))


def in_region(place: dict[str, Any], region: dict[str, Any]) -> bool:
    """Whether a settlement lies in a region-level place, by the settlement's ``admin1``."""
    if not place.get("admin1"):
        return False
    if place.get("country") and region.get("country") and place["country"] != region["country"]:
        return False
    return any(
        same_region(place["admin1"], candidate)
        for candidate in (region.get("name"), region.get("admin1"))
    )


def regional_answer(
    place: dict[str, Any], day: date, region_states: Iterable[dict[str, Any]]
) -> Answer | None:
    """A settlement with no state of its own on ``day``: its region's state, weakly.

    Only ever a fallback: callers ask it when :func:`state_on` found nothing for the settlement,
    so region-level statements never override settlement-level evidence.
    """
    by_region: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for state in region_states:
        if in_region(place, state.get("place") or {}):
            by_region[str(state.get("place_key"))].append(state)
    factor = float(settings()["query"]["region_inference_factor"])
    best: Answer | None = None
    for states in by_region.values():
        answer = state_on(states, day)
        if answer is None or answer.state.get("controller") == "contested":
            continue
        answer = Answer(
            answer.state, answer.certainty, "region", round(answer.confidence * factor, 3)
        )
        if best is None or answer.confidence > best.confidence:
            best = answer
    return best


def _by_place(states: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for state in states:
        grouped[str(state.get("place_key"))].append(state)
    return grouped


def changes_between(
    states: Iterable[dict[str, Any]],
    since: date,
    until: date,
    *,
    admin1: str | None = None,
    near: tuple[float, float, float] | None = None,
) -> list[dict[str, Any]]:
    """Changes of control whose date interval overlaps [``since``, ``until``], earliest first.

    Each change: the place, the controller before (None when no earlier state is known, or when
    nothing links the two periods) and after, when (the new state's ``since``), its confidence,
    status and evidence count. ``admin1`` keeps places of that oblast (any spelling the region
    matcher accepts); ``near=(lat, lon, km)`` those within ``km`` of a point.
    """
    found: list[dict[str, Any]] = []
    for timeline in _by_place(states).values():
        for index, state in enumerate(timeline):
            when = state.get("since")
            if not when:
                continue
            first, last = _day(when["earliest"]), _day(when["latest"])
            if first is None or last is None or last < since or first > until:
                continue
            place = state.get("place") or {}
            if admin1 and not _admin1_matches(place, admin1):
                continue
            if near is not None:
                if place.get("lat") is None or place.get("lon") is None:
                    continue
                lat, lon, km = near
                if haversine_km(lat, lon, float(place["lat"]), float(place["lon"])) > km:
                    continue
            previous = timeline[index - 1] if index > 0 else None
            linked = previous is not None and not state.get("after_gap")
            found.append(
                {
                    "place": place,
                    "from": previous["controller"] if previous is not None and linked else None,
                    "to": state["controller"],
                    "when": when,
                    "confidence": state.get("confidence"),
                    "status": state.get("status"),
                    "basis": state.get("basis"),
                    "evidence_count": len(state.get("events") or []),
                    "events": state.get("events") or [],
                    "note": state.get("note"),
                }
            )
    found.sort(
        key=lambda c: (c["when"]["earliest"], c["when"]["latest"], str(c["place"].get("name")))
    )
    return found


def _admin1_matches(place: dict[str, Any], admin1: str) -> bool:
    """``place`` lies in the oblast named ``admin1``, or is that oblast itself."""
    if same_region(place.get("admin1"), admin1):
        return True
    return place_level(place) == "region" and same_region(place.get("name"), admin1)


def front_features(
    states: Iterable[dict[str, Any]],
    day: date,
    *,
    include_stale: bool = False,
    min_confidence: float = 0.0,
) -> list[dict[str, Any]]:
    """GeoJSON point features: each settlement with coordinates and a state on ``day``."""
    features: list[dict[str, Any]] = []
    for timeline in _by_place(states).values():
        place = timeline[0].get("place") or {}
        if (
            place_level(place) != "settlement"
            or place.get("lat") is None
            or place.get("lon") is None
        ):
            continue
        answer = state_on(timeline, day)
        if answer is None or answer.confidence < min_confidence:
            continue
        if answer.certainty == "stale" and not include_stale:
            continue
        state = answer.state
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(place["lon"]), float(place["lat"])],
                },
                "properties": {
                    "name": place.get("name"),
                    "geonameid": place.get("geonameid"),
                    "admin1": place.get("admin1"),
                    "controller": state["controller"],
                    "confidence": answer.confidence,
                    "certainty": answer.certainty,
                    "status": state.get("status"),
                    "since": (state.get("since") or {}).get("earliest"),
                    "since_latest": (state.get("since") or {}).get("latest"),
                    "evidence_count": len(state.get("events") or []),
                    "sources": state.get("sources"),
                    "last_report": state.get("last_report"),
                },
            }
        )
    features.sort(key=lambda f: (str(f["properties"]["name"]), str(f["properties"]["geonameid"])))
    return features


def front_geojson(
    states: Iterable[dict[str, Any]],
    day: date,
    *,
    include_stale: bool = False,
    min_confidence: float = 0.0,
) -> dict[str, Any]:
    """The front on ``day`` as a GeoJSON FeatureCollection (WGS84 points), for QGIS or a map."""
    return {
        "type": "FeatureCollection",
        "name": f"frontwatch control {day.isoformat()}",
        "features": front_features(
            states, day, include_stale=include_stale, min_confidence=min_confidence
        ),
    }


__all__ = [
    "Answer",
    "changes_between",
    "front_features",
    "front_geojson",
    "haversine_km",
    "in_region",
    "is_stale",
    "region_key",
    "regional_answer",
    "same_region",
    "state_on",
]
