"""Event dicts and documents for the control-layer tests, written for these tests.

Places carry real GeoNames ids and coordinates (GeoNames, CC BY 4.0); the sentences are our
own, in the style of news reports, in English and Dutch.
"""

from __future__ import annotations

import itertools
from typing import Any

from frontwatch.records import (
    Actor,
    Document,
    Event,
    Evidence,
    PlaceMention,
    Span,
    TimeMention,
)

PLACES: dict[str, dict[str, Any]] = {
    "Toretsk": {"geonameid": 709354, "name": "Toretsk", "feature": "PPL",
                "admin1": "Donetska Oblast", "country": "UA", "lat": 48.39477, "lon": 37.8478},
    "Bakhmut": {"geonameid": 713174, "name": "Bakhmut", "feature": "PPLA2",
                "admin1": "Donetska Oblast", "country": "UA", "lat": 48.59419, "lon": 37.99886},
    "Soledar": {"geonameid": 706757, "name": "Soledar", "feature": "PPLA3",
                "admin1": "Donetska Oblast", "country": "UA", "lat": 48.6921, "lon": 38.07098},
    "Kupiansk": {"geonameid": 703656, "name": "Kupyansk", "feature": "PPLA2",
                 "admin1": "Kharkiv Oblast", "country": "UA", "lat": 49.71003, "lon": 37.61581},
    "Robotyne": {"geonameid": 695586, "name": "Robotyne", "feature": "PPL",
                 "admin1": "Zaporizhzhya Oblast", "country": "UA", "lat": 47.44781, "lon": 35.837},
    "Bilohorivka": {"geonameid": 712588, "name": "Bilohorivka", "feature": "PPL",
                    "admin1": "Luhanska Oblast", "country": "UA", "lat": 48.92585,
                    "lon": 38.24674},
    "Lysychansk": {"geonameid": 702972, "name": "Lysychansk", "feature": "PPLA3",
                   "admin1": "Luhanska Oblast", "country": "UA", "lat": 48.91211,
                   "lon": 38.42088},
    "Svatove": {"geonameid": 692118, "name": "Svatove", "feature": "PPLA2",
                "admin1": "Luhanska Oblast", "country": "UA", "lat": 49.40926, "lon": 38.15534},
    "Vuhledar": {"geonameid": 690823, "name": "Vuhledar", "feature": "PPLA3",
                 "admin1": "Donetska Oblast", "country": "UA", "lat": 47.77973, "lon": 37.24999},
    "Kramatorsk": {"geonameid": 704508, "name": "Kramatorsk", "feature": "PPLA2",
                   "admin1": "Donetska Oblast", "country": "UA", "lat": 48.73106,
                   "lon": 37.56779},
    "Luhansk Oblast": {"geonameid": 702657, "name": "Luhanska Oblast", "feature": "ADM1",
                       "admin1": "Luhanska Oblast", "country": "UA", "lat": 48.98333,
                       "lon": 39.01667},
}

_ids = itertools.count()


def event(
    kind: str,
    actor: str | None,
    place: str,
    text: str,
    earliest: str,
    latest: str | None = None,
    *,
    surface: str | None = None,
    status: str = "reported",
    claimant: str | None = None,
    modality: str = "asserted",
    doc: str | None = None,
    source: str | None = None,
    url: str | None = None,
    doc_date: str | None = None,
    lang: str = "en",
    target: str | None = None,
) -> dict[str, Any]:
    """One event dict in the shape ``Store.events()`` yields (``Event.to_dict()`` + doc fields).

    ``surface`` is the place as written in ``text`` (default: the gazetteer name), ``doc`` the
    document id (default: a new one per event, i.e. another article).
    """
    number = next(_ids)
    written = surface or PLACES[place]["name"]
    start = text.find(written)
    place_dict = {**PLACES[place], "surface": written, "start": max(start, 0),
                  "end": max(start, 0) + len(written), "confidence": 0.9}
    doc_id = doc or f"doc{number}"
    return {
        "event_id": f"{doc_id}-e{number}",
        "type": kind,
        "actor": {"country": actor, "role": "military"} if actor else None,
        "target": {"country": target, "role": "military"} if target else None,
        "place": place_dict,
        "time": {"earliest": earliest, "latest": latest or earliest},
        "status": status,
        "modality": modality,
        "claimant": {"country": claimant, "role": "government"} if claimant else None,
        "evidence": [{"start": 0, "end": len(text), "text": text}],
        "confidence": 0.0,
        "doc_id": doc_id,
        "source": source,
        "url": url,
        "lang": lang,
        "doc_date": doc_date or (latest or earliest),
    }


def document(text: str, date: str, items: list[dict[str, Any]], *, lang: str = "en",
             url: str | None = None) -> Document:
    """A Document whose events are built from ``items`` (``kind``, ``actor``, ``place``,
    ``surface``, ``earliest``, ``latest``, ``status``, ``claimant``, ``sentence``): each event's
    evidence is its sentence, located in ``text``."""
    doc = Document(text=text, date=date, lang=lang, url=url)
    doc.sentences = [Span(0, len(text))]
    for ordinal, item in enumerate(items):
        sentence = item["sentence"]
        s_start = text.index(sentence)
        written = item.get("surface") or PLACES[item["place"]]["name"]
        p_start = text.index(written, s_start)
        info = PLACES[item["place"]]
        mention = PlaceMention(
            p_start, p_start + len(written), written, info["geonameid"], info["name"],
            info["feature"], info["admin1"], info["country"], info["lat"], info["lon"], 0.9,
        )
        doc.places.append(mention)
        time = TimeMention(0, 0, "", item["earliest"], item["earliest"],
                           item.get("latest") or item["earliest"], "day")
        claimant = item.get("claimant")
        doc.events.append(
            Event(
                event_id=f"{doc.doc_id}-e{ordinal}",
                type=item["kind"],
                actor=Actor(item["actor"], "military") if item.get("actor") else None,
                place=mention,
                time=time,
                claimant=Actor(claimant, "government") if claimant else None,
                status=item.get("status", "reported"),
                evidence=[Evidence(s_start, s_start + len(sentence), sentence)],
                confidence=0.8,
            )
        )
    return doc
