"""The evaluation harness: every matching rule on small hand-written gold/system pairs, then
``frontwatch eval`` end to end on ``tests/data/eval/gold.json``.

System output is built with the real records (``PlaceMention(...).to_dict()``...) so the scorer
is tested on exactly the shape ``frontwatch extract`` writes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontwatch.cli import main
from frontwatch.evaluate import (
    Counts,
    FoldedText,
    GoldFormatError,
    Report,
    evaluate,
    fold,
    haversine_km,
    load_gold,
    place_resolves,
    score_control,
    score_document,
    time_agrees,
)
from frontwatch.readers import iter_inputs
from frontwatch.records import Actor, Document, Event, Evidence, PlaceMention, TimeMention

EVAL_DATA = Path(__file__).parent / "data" / "eval"
GOLD_FILE = EVAL_DATA / "gold.json"

# Gazetteer facts (GeoNames ids and coordinates) used by the gold entries below.
KUPIANSK = {"geonameid": 703656, "name": "Kupiansk", "country": "UA", "feature": "PPLA2",
            "lat": 49.71003, "lon": 37.61581}
BILOHORIVKA_LUHANSK = {"geonameid": 712588, "name": "Bilohorivka", "country": "UA",
                       "feature": "PPL", "lat": 48.92585, "lon": 38.24674}
BILOHORIVKA_RIVNE = {"geonameid": 8432215, "name": "Bilohorivka", "country": "UA",
                     "feature": "PPL", "lat": 50.24958, "lon": 25.3945}
KHARKIV_OBLAST = {"geonameid": 706482, "name": "Kharkiv Oblast", "country": "UA",
                  "feature": "ADM1", "lat": 49.61667, "lon": 36.5}
KHARKIV_CITY = {"geonameid": 706483, "name": "Kharkiv", "country": "UA", "feature": "PPLA",
                "lat": 49.98177, "lon": 36.25475}
UKRAINE = {"geonameid": 690791, "name": "Ukraine", "country": "UA", "feature": "PCLI",
           "lat": 49.0, "lon": 32.0}
IZIUM = {"geonameid": 707292, "name": "Izium", "country": "UA", "feature": "PPLA2",
         "lat": 49.20697, "lon": 37.27679}


def gold_place(surface: str, ref: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A gold place entry: gazetteer fields of ``ref``, gold settlements carry no feature."""
    entry = {"surface": surface, **ref, **extra}
    if str(entry.get("feature", "")).startswith("PPL"):
        del entry["feature"]
    return entry


def mention(text: str, surface: str, ref: dict[str, Any] | None = None, nth: int = 0,
            **fields: Any) -> dict[str, Any]:
    """A system place mention of the ``nth`` occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return PlaceMention(start, start + len(surface), surface, **(ref or {}), confidence=0.9,
                        **fields).to_dict()


def time_mention(text: str, surface: str, earliest: str, latest: str,
                 granularity: str = "day") -> dict[str, Any]:
    start = text.index(surface)
    return TimeMention(start, start + len(surface), surface, earliest[:7], earliest, latest,
                       granularity).to_dict()


def system_event(event_type: str, *, actor: str | None = "RUS", place: dict[str, Any] | None,
                 time: tuple[str, str], status: str = "reported", claimant: str | None = None,
                 modality: str = "asserted", fatalities: int | None = None,
                 evidence: str = "") -> dict[str, Any]:
    """A system event in ``Event.to_dict()`` shape; ``place`` is a mention dict."""
    when = TimeMention(0, 0, "", time[0], time[0], time[1], "day", anchor="document")
    return Event(
        event_id=f"d#{event_type}",
        type=event_type,
        actor=Actor(actor, "military"),
        place=PlaceMention.from_dict(place) if place else None,
        time=when,
        status=status,  # type: ignore[arg-type]
        claimant=Actor(claimant, "government") if claimant else None,
        modality=modality,  # type: ignore[arg-type]
        fatalities=fatalities,
        evidence=[Evidence(0, len(evidence), evidence)],
    ).to_dict()


def system_doc(text: str, places: list[dict[str, Any]] | None = None,
               times: list[dict[str, Any]] | None = None,
               events: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    doc = Document(text=text, date="2022-09-11", lang="nl").to_dict()
    doc.update(places=places or [], times=times or [], events=events or [])
    return doc


def gold_doc(**parts: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"file": "a.txt", "date": "2022-09-11", "lang": "nl", "places": [],
                           "not_places": [], "times": [], "events": [], "control": []}
    doc.update(parts)
    return doc


def counts(c: Counts) -> tuple[int, int, int]:
    return c.tp, c.fp, c.fn


# --------------------------------------------------------------------------------------------
# Text helpers


def test_fold_ignores_case_and_diacritics() -> None:
    assert fold("Oekraïne") == fold("OEKRAINE") == "oekraine"
    assert fold("Zaporizja ") == "zaporizja"
    assert fold("Kyiv") != fold("Kiev")


def test_folded_text_finds_whole_words_with_original_offsets() -> None:
    text = "In OEKRAÏNE en Oekraine, niet in Oekraïners of Oekraïne-steun; Straße in Groß."
    spans = FoldedText(text).find_all("Oekraïne")
    assert [text[a:b] for a, b in spans] == ["OEKRAÏNE", "Oekraine", "Oekraïne"]
    # Folding "ß" to "ss" must not shift offsets of what follows.
    ((a, b),) = FoldedText(text).find_all("Gross")
    assert text[a:b] == "Groß"
    assert FoldedText(text).find_all("") == []


def test_haversine_distance_is_in_kilometres() -> None:
    # Kharkiv city to Kupiansk: about 105 km.
    distance = haversine_km(KHARKIV_CITY["lat"], KHARKIV_CITY["lon"], KUPIANSK["lat"],
                            KUPIANSK["lon"])
    assert 95 < distance < 115


# --------------------------------------------------------------------------------------------
# Places


def test_place_resolves_by_geonameid_when_gold_gives_one() -> None:
    gold = gold_place("Bilohorivka", BILOHORIVKA_LUHANSK)
    assert place_resolves(BILOHORIVKA_LUHANSK, gold)
    # The namesake village in Rivne oblast has the same name and country but is the wrong one.
    assert not place_resolves(BILOHORIVKA_RIVNE, gold)


def test_place_resolves_by_country_and_name_without_geonameid() -> None:
    gold = {"surface": "Warschau", "name": "Warsaw", "country": "PL"}
    assert place_resolves({"geonameid": 756135, "name": "Warsaw", "country": "PL"}, gold)
    assert place_resolves({"name": "warsaw", "country": "pl"}, gold)
    assert not place_resolves({"name": "Warsaw", "country": "US"}, gold)
    # A sea has no country on either side.
    sea = {"surface": "Zwarte Zee", "name": "Black Sea", "country": None, "feature": "SEA"}
    assert place_resolves({"name": "Black Sea", "feature": "SEA"}, sea)


def test_place_resolves_settlements_within_15_km() -> None:
    gold = gold_place("Koepjansk", KUPIANSK)
    # Another gazetteer entry of the same town, 4 km from the gold's point.
    near = {"geonameid": 703652, "name": "Kupiansk-Vuzlovyi", "country": "UA", "feature": "PPL",
            "lat": 49.67061, "lon": 37.64319}
    assert place_resolves(near, gold)
    # 20 km north: too far.
    far = {**near, "geonameid": 1, "lat": KUPIANSK["lat"] + 0.18}
    assert haversine_km(far["lat"], far["lon"], gold["lat"], gold["lon"]) > 15
    assert not place_resolves(far, gold)
    # The radius is for settlements: an oblast near its capital is not the capital.
    oblast_gold = gold_place("Charkiv", KHARKIV_OBLAST)
    close_city = {**KHARKIV_CITY, "lat": 49.65, "lon": 36.5}
    assert not place_resolves(close_city, oblast_gold)
    assert not place_resolves({**KHARKIV_OBLAST, "geonameid": 2, "feature": "ADM1"},
                              gold_place("Koepjansk", KUPIANSK, lat=49.61667, lon=36.5))
    # Unresolved mentions resolve to nothing.
    assert not place_resolves({"geonameid": None, "name": None}, gold)


def test_place_found_by_surface_case_and_diacritic_insensitive() -> None:
    text = "OEKRAINE: de oorlog in Oekraïne duurt voort."
    gold = gold_doc(places=[gold_place("Oekraïne", UKRAINE)])
    # The system's offsets point at the headline, its surface is written without diaeresis.
    system = system_doc(text, places=[mention(text, "OEKRAINE", UKRAINE)])
    score = score_document(gold, system)
    assert counts(score.places) == (1, 0, 0)


def test_place_found_by_overlapping_span_with_another_surface() -> None:
    text = "De Russen trekken troepen samen in Oost-Oekraïne."
    gold = gold_doc(places=[gold_place("Oost-Oekraïne", UKRAINE)])
    system = system_doc(text, places=[mention(text, "Oekraïne", UKRAINE)])
    assert counts(score_document(gold, system).places) == (1, 0, 0)
    # The same surface elsewhere, not overlapping the gold's and not the gold's surface: FP.
    text2 = "Oekraïne en Oost-Oekraïne."
    system2 = system_doc(text2, places=[mention(text2, "Oekraïne", UKRAINE)])
    score2 = score_document(gold, system2)
    assert counts(score2.places) == (0, 1, 1)


def test_wrong_referent_is_a_miss_and_a_false_positive() -> None:
    text = "Bilohorivka ligt bij Lysytsjansk."
    gold = gold_doc(places=[gold_place("Bilohorivka", BILOHORIVKA_LUHANSK)])
    system = system_doc(text, places=[mention(text, "Bilohorivka", BILOHORIVKA_RIVNE)])
    score = score_document(gold, system)
    assert counts(score.places) == (0, 1, 1)
    miss = next(i for i in score.issues if i.error == "miss")
    assert "8432215" in miss.why and "712588" in miss.why


def test_place_matching_name_and_country_or_radius_in_a_document() -> None:
    text = "Warschau en Koepjansk."
    gold = gold_doc(places=[
        {"surface": "Warschau", "name": "Warsaw", "country": "PL"},
        gold_place("Koepjansk", KUPIANSK),
    ])
    near = {**KUPIANSK, "geonameid": 703652, "lat": 49.67061, "lon": 37.64319}
    system = system_doc(text, places=[
        mention(text, "Warschau", {"geonameid": 756135, "name": "Warsaw", "country": "PL",
                                   "feature": "PPLC", "lat": 52.23, "lon": 21.01}),
        mention(text, "Koepjansk", near),
    ])
    assert counts(score_document(gold, system).places) == (2, 0, 0)


def test_not_places_occurrence_is_a_false_positive_even_for_a_gold_surface() -> None:
    text = "Sjachtar Donetsk speelt thuis in Lviv, ver van Donetsk."
    donetsk = {"geonameid": 709717, "name": "Donetsk", "country": "UA", "lat": 48.023,
               "lon": 37.80224}
    gold = gold_doc(places=[gold_place("Donetsk", donetsk)], not_places=["Sjachtar Donetsk"])
    in_club_name = mention(text, "Donetsk", donetsk, nth=0)
    real_city = mention(text, "Donetsk", donetsk, nth=1)
    score = score_document(gold, system_doc(text, places=[in_club_name, real_city]))
    assert counts(score.places) == (1, 1, 0)
    (false_positive,) = [i for i in score.issues if i.error == "false positive"]
    assert "not_places" in false_positive.why
    # Without the club-name mention the system is perfect.
    assert counts(score_document(gold, system_doc(text, places=[real_city])).places) == (1, 0, 0)


def test_not_places_surface_reported_alone_is_a_false_positive() -> None:
    text = "Het Kremlin ontkent alles."
    gold = gold_doc(not_places=["Kremlin"])
    kremlin = {"geonameid": 6619960, "name": "Moscow Kremlin", "country": "RU", "feature": "CSTL"}
    score = score_document(gold, system_doc(text, places=[mention(text, "Kremlin", kremlin)]))
    assert counts(score.places) == (0, 1, 0)


def test_optional_place_is_neither_hit_nor_miss_nor_false_positive() -> None:
    text = "BERLIJN - Duitsland levert tanks. Berlijn zegt dat."
    berlin = {"name": "Berlin", "country": "DE"}
    gold = gold_doc(places=[
        {"surface": "BERLIJN", **berlin, "optional": True},
        {"surface": "Duitsland", "name": "Germany", "country": "DE", "feature": "PCLI"},
    ])
    germany = {"geonameid": 2921044, "name": "Germany", "country": "DE", "feature": "PCLI"}
    found = system_doc(text, places=[mention(text, "BERLIJN", {**berlin, "geonameid": 2950159}),
                                     mention(text, "Duitsland", germany)])
    assert counts(score_document(gold, found).places) == (1, 0, 0)
    not_found = system_doc(text, places=[mention(text, "Duitsland", germany)])
    assert counts(score_document(gold, not_found).places) == (1, 0, 0)


def test_repeated_mentions_count_once_per_surface_and_referent() -> None:
    text = "Koepjansk, Koepjansk, Koepjansk. Izjoem en Izjoem; Balakliia, Balakliia."
    gold = gold_doc(places=[gold_place("Koepjansk", KUPIANSK), gold_place("Izjoem", IZIUM)])
    balakliia = {"geonameid": 712886, "name": "Balakliia", "country": "UA", "lat": 49.46,
                 "lon": 36.86}
    other = {**balakliia, "geonameid": 712887, "lat": 47.0, "lon": 33.0}
    system = system_doc(text, places=[
        *(mention(text, "Koepjansk", KUPIANSK, nth=n) for n in range(3)),
        *(mention(text, "Izjoem", IZIUM, nth=n) for n in range(2)),
        mention(text, "Balakliia", balakliia, nth=0),
        mention(text, "Balakliia", balakliia, nth=1),
    ])
    assert counts(score_document(gold, system).places) == (2, 1, 0)
    # The same surface resolved two ways is two decisions, two false positives.
    system["places"][-1] = mention(text, "Balakliia", other, nth=1)
    assert counts(score_document(gold, system).places) == (2, 2, 0)


def test_gold_surface_found_once_counts_once_and_unresolved_mentions_are_false() -> None:
    text = "Koepjansk is heroverd; in Koepjansk wordt gevierd."
    gold = gold_doc(places=[gold_place("Koepjansk", KUPIANSK)])
    unresolved = mention(text, "Koepjansk")  # geonameid None: reported, not resolved
    score = score_document(gold, system_doc(text, places=[unresolved]))
    assert counts(score.places) == (0, 1, 1)


# --------------------------------------------------------------------------------------------
# Times


def _interval(a: str, b: str) -> tuple[Any, Any]:
    from datetime import date

    return date.fromisoformat(a), date.fromisoformat(b)


def test_time_rule_middle_within_three_days_at_the_edges() -> None:
    gold = _interval("2022-09-15", "2022-09-15")
    assert time_agrees(_interval("2022-09-18", "2022-09-18"), gold)[0]
    assert time_agrees(_interval("2022-09-12", "2022-09-12"), gold)[0]
    ok, why = time_agrees(_interval("2022-09-19", "2022-09-19"), gold)
    assert not ok and "middle" in why
    # Middle 2022-09-18.5: half a day past the widened interval.
    assert not time_agrees(_interval("2022-09-17", "2022-09-20"), gold)[0]
    assert time_agrees(_interval("2022-09-17", "2022-09-19"), gold)[0]


def test_time_rule_width_at_most_twice_gold_plus_seven_days() -> None:
    day = _interval("2022-09-15", "2022-09-15")
    assert time_agrees(_interval("2022-09-11", "2022-09-19"), day)[0]  # 9 days = 2*1 + 7
    ok, why = time_agrees(_interval("2022-09-11", "2022-09-20"), day)  # 10 days
    assert not ok and "wider" in why
    # "September" (30 days) does not pass for "15 September", nor for "late September"
    # (10 days: 27 allowed), but does for the 14 days of "earlier this month" (35 allowed).
    month = _interval("2022-09-01", "2022-09-30")
    assert not time_agrees(month, day)[0]
    assert not time_agrees(month, _interval("2022-09-21", "2022-09-30"))[0]
    assert time_agrees(month, _interval("2022-09-01", "2022-09-14"))[0]
    # A month-precision system value stands for its whole month.
    assert time_agrees(_interval("2022-09-01", "2022-09-30"),
                       _interval("2022-08-31", "2022-09-29"))[0]


def test_time_rule_rejects_missing_or_reversed_intervals() -> None:
    gold = _interval("2022-09-15", "2022-09-15")
    assert not time_agrees(None, gold)[0]
    assert not time_agrees(gold, None)[0]


def test_times_scored_by_overlap_and_interval() -> None:
    text = "Het leger heroverde zaterdag de stad. Woensdag speelt de club. Gisteren was het rustig."
    gold = gold_doc(times=[
        {"surface": "zaterdag", "earliest": "2022-09-10", "latest": "2022-09-10"},
        {"surface": "Woensdag", "earliest": "2022-09-14", "latest": "2022-09-14"},
        {"surface": "Gisteren", "earliest": "2022-09-10", "latest": "2022-09-10",
         "optional": True},
    ])
    system = system_doc(text, times=[
        time_mention(text, "zaterdag", "2022-09-10", "2022-09-10"),
        # Past reading of a future weekday: a week off.
        time_mention(text, "Woensdag", "2022-09-07", "2022-09-07"),
        time_mention(text, "Gisteren", "2022-09-10", "2022-09-10"),
        time_mention(text, "de club", "2022-09-11", "2022-09-11"),
    ])
    score = score_document(gold, system)
    # tp zaterdag; fn Woensdag; fp Woensdag (wrong value) and "de club" (no gold); optional
    # Gisteren neither.
    assert counts(score.times) == (1, 2, 1)
    whys = {i.text.split(" = ")[0]: i.why for i in score.issues if i.kind == "time"}
    assert "middle" in whys["Woensdag"]
    assert whys["de club"] == "overlaps no gold time"


def test_wrong_value_on_an_optional_time_is_a_false_positive() -> None:
    text = "Voor de oorlog woonde ze in Marioepol."
    gold = gold_doc(times=[{"surface": "Voor de oorlog", "earliest": "2021-02-24",
                            "latest": "2022-02-23", "optional": True}])
    wrong = system_doc(text, times=[time_mention(text, "Voor de oorlog", "2014-01-01",
                                                 "2014-12-31", "year")])
    assert counts(score_document(gold, wrong).times) == (0, 1, 0)
    nothing = system_doc(text)
    assert counts(score_document(gold, nothing).times) == (0, 0, 0)


# --------------------------------------------------------------------------------------------
# Events

EVENT_TEXT = "Het Oekraïense leger heeft zaterdag Koepjansk heroverd. Izjoem is omsingeld."
SATURDAY = ("2022-09-10", "2022-09-10")


def gold_event(event_type: str, place: str | None = "Kupiansk", actor: str | None = "UKR",
               **extra: Any) -> dict[str, Any]:
    event = {"type": event_type, "actor": {"country": actor, "role": "military"},
             "place": place, "time": {"earliest": SATURDAY[0], "latest": SATURDAY[1]},
             "status": "reported", "modality": "asserted",
             "evidence": f"{event_type} at {place}"}
    event.update(extra)
    return event


def event_gold_doc(*events: dict[str, Any]) -> dict[str, Any]:
    return gold_doc(
        places=[gold_place("Koepjansk", KUPIANSK), gold_place("Izjoem", IZIUM)],
        events=list(events),
    )


def kupiansk() -> dict[str, Any]:
    return mention(EVENT_TEXT, "Koepjansk", KUPIANSK)


def sys_event(event_type: str, **kw: Any) -> dict[str, Any]:
    kw.setdefault("actor", "UKR")
    kw.setdefault("place", kupiansk())
    kw.setdefault("time", SATURDAY)
    return system_event(event_type, **kw)


def test_event_matches_with_type_actor_place_and_time() -> None:
    gold = event_gold_doc(gold_event("territory.capture"))
    score = score_document(gold, system_doc(EVENT_TEXT, events=[sys_event("territory.capture")]))
    assert counts(score.events) == (1, 0, 0)
    assert counts(score.territory) == (1, 0, 0)
    assert counts(score.events_by_type["territory.capture"]) == (1, 0, 0)
    assert score.event_matches == [(0, 0)]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"actor": "RUS"}, "actor RUS not UKR"),
        ({"place": None}, "no place"),
        ({"time": ("2022-09-05", "2022-09-15")}, "wider"),
        ({"time": ("2022-09-20", "2022-09-20")}, "middle"),
    ],
)
def test_event_needs_actor_place_and_time(change: dict[str, Any], reason: str) -> None:
    gold = event_gold_doc(gold_event("territory.capture"))
    score = score_document(
        gold, system_doc(EVENT_TEXT, events=[sys_event("territory.capture", **change)])
    )
    assert counts(score.events) == (0, 1, 1)
    miss = next(i for i in score.issues if i.kind == "event" and i.error == "miss")
    assert reason in miss.why


def test_event_place_by_other_gazetteer_entry_within_radius() -> None:
    gold = event_gold_doc(gold_event("territory.capture"))
    near = mention(EVENT_TEXT, "Koepjansk", {**KUPIANSK, "geonameid": 703652, "lat": 49.67061,
                                             "lon": 37.64319})
    wrong = mention(EVENT_TEXT, "Izjoem", IZIUM)
    assert counts(score_document(gold, system_doc(
        EVENT_TEXT, events=[sys_event("territory.capture", place=near)])).events) == (1, 0, 0)
    assert counts(score_document(gold, system_doc(
        EVENT_TEXT, events=[sys_event("territory.capture", place=wrong)])).events) == (0, 1, 1)


def test_gold_actor_without_country_accepts_any_actor() -> None:
    gold = event_gold_doc(gold_event("diplomacy", actor=None))
    system = system_doc(EVENT_TEXT, events=[sys_event("diplomacy", actor="USA")])
    assert counts(score_document(gold, system).events) == (1, 0, 0)


def test_place_optional_ignores_the_system_place() -> None:
    gold = event_gold_doc(gold_event("territory.capture", place_optional=True))
    izjoem = mention(EVENT_TEXT, "Izjoem", IZIUM)
    for place in (izjoem, None):
        system = system_doc(EVENT_TEXT, events=[sys_event("territory.capture", place=place)])
        assert counts(score_document(gold, system).events) == (1, 0, 0)


def test_alt_type_is_accepted_but_exact_type_is_preferred() -> None:
    # Both gold events fit both system events by alt_types; the first gold event must take the
    # system event of its exact type although the other one comes first in the text.
    gold = event_gold_doc(
        gold_event("territory.advance", alt_types=["territory.capture"]),
        gold_event("territory.capture", alt_types=["territory.advance"]),
    )
    system = system_doc(EVENT_TEXT, events=[sys_event("territory.capture"),
                                            sys_event("territory.advance")])
    score = score_document(gold, system)
    assert score.event_matches == [(0, 1), (1, 0)]
    assert counts(score.events) == (2, 0, 0)
    # An alt type alone is a hit, counted under the gold's type.
    only_alt = score_document(
        event_gold_doc(gold_event("territory.advance", alt_types=["territory.capture"])),
        system_doc(EVENT_TEXT, events=[sys_event("territory.capture")]),
    )
    assert counts(only_alt.events_by_type["territory.advance"]) == (1, 0, 0)
    assert counts(only_alt.events_by_type["territory.capture"]) == (0, 0, 0)


def test_type_outside_alt_types_is_a_miss_and_a_false_positive_by_system_type() -> None:
    gold = event_gold_doc(gold_event("territory.capture"))
    score = score_document(gold, system_doc(EVENT_TEXT, events=[sys_event("combat")]))
    assert counts(score.events_by_type["territory.capture"]) == (0, 0, 1)
    assert counts(score.events_by_type["combat"]) == (0, 1, 0)
    assert counts(score.territory) == (0, 0, 1)


def test_non_optional_gold_events_choose_first() -> None:
    # The optional gold event comes first in the file but must not take the only system event.
    gold = event_gold_doc(
        gold_event("territory.capture", optional=True, status="claimed"),
        gold_event("territory.capture"),
    )
    score = score_document(gold, system_doc(EVENT_TEXT, events=[sys_event("territory.capture")]))
    assert score.event_matches == [(1, 0)]
    assert counts(score.events) == (1, 0, 0)


def test_optional_gold_event_is_neither_hit_nor_miss_and_absorbs_its_system_event() -> None:
    gold = event_gold_doc(gold_event("combat", optional=True))
    found = score_document(gold, system_doc(EVENT_TEXT, events=[sys_event("combat")]))
    assert counts(found.events) == (0, 0, 0)
    assert found.event_matches == [(0, 0)]
    assert counts(score_document(gold, system_doc(EVENT_TEXT)).events) == (0, 0, 0)


def test_greedy_matching_is_one_to_one() -> None:
    gold = event_gold_doc(gold_event("territory.capture"), gold_event("territory.capture"))
    score = score_document(gold, system_doc(EVENT_TEXT, events=[sys_event("territory.capture")]))
    assert counts(score.events) == (1, 0, 1)
    miss = next(i for i in score.issues if i.kind == "event" and i.error == "miss")
    assert "taken" in miss.why
    duplicate = system_doc(EVENT_TEXT, events=[sys_event("territory.capture")] * 3)
    assert counts(score_document(event_gold_doc(gold_event("territory.capture")),
                                 duplicate).events) == (1, 2, 0)


def test_greedy_prefers_agreeing_status_then_claimant() -> None:
    gold = event_gold_doc(gold_event("territory.capture", status="claimed",
                                     claimant={"country": "UKR", "role": "government"}))
    system = system_doc(EVENT_TEXT, events=[
        sys_event("territory.capture", status="reported"),
        sys_event("territory.capture", status="claimed", claimant="RUS"),
        sys_event("territory.capture", status="claimed", claimant="UKR"),
    ])
    score = score_document(gold, system)
    assert score.event_matches == [(0, 2)]
    assert score.accuracy["status"].correct == score.accuracy["claimant"].correct == 1


def test_denial_beside_a_matched_claim_is_not_a_false_positive() -> None:
    gold = event_gold_doc(gold_event("territory.capture", actor="RUS", status="claimed",
                                     claimant={"country": "RUS", "role": "government"}))
    claim = sys_event("territory.capture", actor="RUS", status="claimed", claimant="RUS")
    denial = sys_event("territory.capture", actor="RUS", status="denied", claimant="UKR")
    score = score_document(gold, system_doc(EVENT_TEXT, events=[claim, denial]))
    assert counts(score.events) == (1, 0, 0)
    # Not exempt: the same claimant again, another place, or another actor.
    for other in (
        sys_event("territory.capture", actor="RUS", status="claimed", claimant="RUS"),
        sys_event("territory.capture", actor="RUS", status="denied", claimant="UKR",
                  place=mention(EVENT_TEXT, "Izjoem", IZIUM)),
        sys_event("territory.capture", actor="UKR", status="denied", claimant="UKR"),
    ):
        score = score_document(gold, system_doc(EVENT_TEXT, events=[claim, other]))
        assert counts(score.events) == (1, 1, 0)


def test_status_accuracy_accepts_alt_status() -> None:
    gold = event_gold_doc(gold_event("territory.capture", status="claimed",
                                     alt_status=["unconfirmed"]))
    for status, right in (("unconfirmed", 1), ("claimed", 1), ("reported", 0)):
        score = score_document(
            gold, system_doc(EVENT_TEXT, events=[sys_event("territory.capture", status=status)])
        )
        assert counts(score.events) == (1, 0, 0)
        assert (score.accuracy["status"].correct, score.accuracy["status"].n) == (right, 1)


def test_accuracies_of_claimant_modality_and_fatalities() -> None:
    gold = event_gold_doc(
        gold_event("strike", actor="RUS", fatalities=7, modality="asserted",
                   claimant={"country": "UKR", "role": "government"}),
        gold_event("territory.advance", place="Izium", actor="UKR", modality="possible"),
    )
    system = system_doc(EVENT_TEXT, events=[
        sys_event("strike", actor="RUS", fatalities=7, claimant="UKR"),
        sys_event("territory.advance", place=mention(EVENT_TEXT, "Izjoem", IZIUM),
                  modality="asserted", fatalities=3),
    ])
    score = score_document(gold, system)
    assert counts(score.events) == (2, 0, 0)
    acc = {name: (a.correct, a.n) for name, a in score.accuracy.items()}
    # claimant: UKR=UKR and None=None; modality: the advance is wrong; fatalities: 3 != None.
    assert acc == {"status": (2, 2), "claimant": (2, 2), "modality": (1, 2),
                   "fatalities": (1, 2)}
    # --details names each wrong attribute of a matched event
    wrong = [i for i in score.issues if i.error == "wrong"]
    assert [(i.type, i.why) for i in wrong] == [
        ("territory.advance", "modality asserted not possible; fatalities 3 not None")
    ]


def test_optional_matches_do_not_count_in_accuracies() -> None:
    gold = event_gold_doc(gold_event("combat", optional=True, status="claimed"))
    score = score_document(gold, system_doc(EVENT_TEXT, events=[sys_event("combat")]))
    assert all(a.n == 0 for a in score.accuracy.values())


def test_event_place_refers_to_any_gold_entry_with_that_name() -> None:
    text = "Kiev en Kyiv."
    kyiv = {"geonameid": 703448, "name": "Kyiv", "country": "UA", "lat": 50.45466,
            "lon": 30.5238}
    gold = gold_doc(
        places=[gold_place("Kiev", kyiv), gold_place("Kyiv", kyiv)],
        events=[gold_event("diplomacy", place="Kyiv")],
    )
    system = system_doc(text, events=[sys_event("diplomacy", place=mention(text, "Kiev", kyiv))])
    assert counts(score_document(gold, system).events) == (1, 0, 0)


# --------------------------------------------------------------------------------------------
# Reports


def test_counts_precision_recall_f1_and_undefined_values() -> None:
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))
    nothing_predicted = Counts(fn=4)
    assert nothing_predicted.precision is None
    assert nothing_predicted.recall == 0.0
    assert nothing_predicted.f1 == 0.0
    assert Counts().f1 is None


def test_report_is_micro_averaged_over_documents() -> None:
    text = "Koepjansk. Izjoem."
    one = gold_doc(file="one.txt", places=[gold_place("Koepjansk", KUPIANSK)])
    three = gold_doc(file="three.txt", places=[
        gold_place("Koepjansk", KUPIANSK), gold_place("Izjoem", IZIUM),
        {"surface": "Warschau", "name": "Warsaw", "country": "PL"},
    ])
    perfect = system_doc(text, places=[mention(text, "Koepjansk", KUPIANSK)])
    report = Report("gold.json", documents=[score_document(one, perfect),
                                            score_document(three, system_doc(text))])
    # Micro: 1 of 4 found (macro would average 1.0 and 0.0 to 0.5).
    assert report.places.recall == pytest.approx(0.25)
    data = report.to_dict(details=True)
    assert data["places"] == {"tp": 1, "fp": 0, "fn": 3, "precision": 1.0, "recall": 0.25,
                              "f1": 0.4}
    assert [d["file"] for d in data["per_document"]] == ["one.txt", "three.txt"]
    assert {i["text"] for i in data["issues"]} == {"Koepjansk", "Izjoem", "Warschau"}
    assert all(i["file"] == "three.txt" and i["error"] == "miss" for i in data["issues"])
    text_table = report.format_text(details=True)
    assert "places" in text_table and "25.0" in text_table and "three.txt" in text_table
    assert "issues" not in report.to_dict()


def test_control_hook_reports_not_computed() -> None:
    docs = [gold_doc(control=[{"place": "Kupiansk", "controller": "UKR"}]), gold_doc()]
    score = score_control(docs)
    assert score.computed is False and score.counts is None
    assert score.gold_facts == 1
    assert "not computed" in (score.reason or "")
    # Given states (here none usable), it scores; the fact has no start, so recall is undefined.
    given = score_control(docs, control_states=[object()])
    assert given.computed is True and given.reason is None
    assert given.precision is None and given.recall is None


def test_load_gold_rejects_malformed_files(tmp_path: Path) -> None:
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{not json", encoding="utf-8")
    no_documents = tmp_path / "empty.json"
    no_documents.write_text('{"about": "x"}', encoding="utf-8")
    bad_date = tmp_path / "date.json"
    bad_date.write_text('{"documents": [{"file": "a.txt", "date": "2022-13"}]}',
                        encoding="utf-8")
    for path in (bad_json, no_documents, bad_date, tmp_path / "missing.json"):
        with pytest.raises(GoldFormatError):
            load_gold(path)


# --------------------------------------------------------------------------------------------
# Running the pipeline over a gold file


def test_evaluate_overrides_date_and_lang_and_scores_pipeline_output(tmp_path: Path) -> None:
    article = tmp_path / "art.txt"
    article.write_text(" date 2022-09 Het leger heroverde Koepjansk.", encoding="utf-8")
    gold = {"documents": [gold_doc(file="art.txt", date="2022-09-11", lang="nl",
                                   places=[gold_place("Koepjansk", KUPIANSK)])]}
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    seen: list[tuple[str, str, str | None]] = []

    def pipeline(doc: Document) -> Document:
        seen.append((doc.date, doc.date_precision, doc.lang))
        start = doc.text.index("Koepjansk")
        doc.places.append(PlaceMention(start, start + 9, "Koepjansk", **KUPIANSK))
        return doc

    report = evaluate(gold_path, pipeline)
    assert seen == [("2022-09-11", "day", "nl")]
    assert counts(report.places) == (1, 0, 0)
    assert report.failures == []


def test_unreadable_document_is_a_failure_scored_as_nothing_found(tmp_path: Path) -> None:
    gold = {"documents": [gold_doc(file="missing.txt",
                                   places=[gold_place("Koepjansk", KUPIANSK)])]}
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate(gold_path, lambda doc: doc)
    assert [f.file for f in report.failures] == ["missing.txt"]
    assert counts(report.places) == (0, 0, 1)


def _gold_as_system_output(gold_doc: dict[str, Any], text: str) -> dict[str, Any]:
    """What a perfect system would output for a gold document: every gold item, in place."""
    folded = FoldedText(text)
    club_names = [span for s in gold_doc["not_places"] for span in folded.find_all(s)]
    places = [
        PlaceMention(a, b, text[a:b], geonameid=p.get("geonameid"), name=p["name"],
                     feature=p.get("feature"), country=p.get("country"), lat=p.get("lat"),
                     lon=p.get("lon")).to_dict()
        for p in gold_doc["places"]
        for a, b in folded.find_all(p["surface"])
        if not any(a < end and start < b for start, end in club_names)
    ]
    times = [
        TimeMention(a, b, text[a:b], t["value"], t["earliest"], t["latest"],
                    t["granularity"]).to_dict()
        for t in gold_doc["times"]
        for a, b in folded.find_all(t["surface"])
    ]
    by_name = {p["name"]: p for p in places}
    events = [
        system_event(
            e["type"], actor=e["actor"].get("country"), place=by_name.get(e.get("place") or ""),
            time=(e["time"]["earliest"], e["time"]["latest"]), status=e["status"],
            claimant=(e.get("claimant") or {}).get("country"), modality=e["modality"],
            fatalities=e.get("fatalities"), evidence=e["evidence"],
        )
        for e in gold_doc["events"]
    ]
    return {"text": text, "places": places, "times": times, "events": events}


def test_gold_as_system_output_scores_perfectly_and_each_loss_costs_one() -> None:
    gold = load_gold(GOLD_FILE)
    outputs = []
    for gold_doc_ in gold["documents"]:
        path = GOLD_FILE.parent / gold_doc_["file"]
        (doc,) = iter_inputs([str(path)])
        assert isinstance(doc, Document)
        text = doc.text
        outputs.append(_gold_as_system_output(gold_doc_, text))
    report = Report(str(GOLD_FILE), [score_document(g, o)
                                     for g, o in zip(gold["documents"], outputs, strict=True)])
    for key in ("places", "times", "events"):
        assert report.to_dict()[key]["fp"] == report.to_dict()[key]["fn"] == 0
        assert report.to_dict()[key]["f1"] == 1.0
    assert all(a.value == 1.0 for a in report.accuracy.values())
    # Drop the Dnipro strike and resolve Uman to Cherkasy Oblast: one event and one place lost.
    uman = outputs[1]
    uman["events"] = [e for e in uman["events"] if e["fatalities"] != 2]
    assert counts(score_document(gold["documents"][1], uman).events) == (1, 0, 1)
    for place in uman["places"]:
        if place["surface"] == "Uman":
            place.update(geonameid=710802, name="Cherkasy Oblast", feature="ADM1")
    assert counts(score_document(gold["documents"][1], uman).places) == (3, 1, 1)


def _non_optional(gold: dict[str, Any], key: str) -> int:
    return sum(1 for d in gold["documents"] for item in d[key] if not item.get("optional"))


def test_cli_eval_json_on_the_test_gold(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(GOLD_FILE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    gold = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
    assert data["documents"] == 2 and data["failures"] == []
    for key in ("places", "times", "events"):
        assert set(data[key]) == {"tp", "fp", "fn", "precision", "recall", "f1"}
        # Whatever the pipeline finds, every counted gold item is a hit or a miss.
        assert data[key]["tp"] + data[key]["fn"] == _non_optional(gold, key)
    assert set(data["events_by_type"]) >= {"territory.capture", "strike", "diplomacy"}
    territory = data["territory.*"]
    assert territory["tp"] + territory["fn"] == 3
    assert data["events_by_type"]["strike"]["tp"] + data["events_by_type"]["strike"]["fn"] == 2
    assert set(data["accuracy"]) == {"status", "claimant", "modality", "fatalities"}
    control = data["control"]  # the timeline of all documents together (frontwatch.control)
    assert control["computed"] is True and control["gold_facts"] == 1
    assert control["facts"]["found"] + control["facts"]["missed"] == 1
    assert "issues" not in data


def test_cli_eval_text_with_details(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(GOLD_FILE), "--details"]) == 0
    out = capsys.readouterr().out
    for row in ("places", "times", "events", "territory.*", "territory.capture", "strike",
                "status", "fatalities", "control: P"):
        assert row in out
    # Every miss and false positive is listed with its reason.
    assert main(["eval", str(GOLD_FILE), "--json", "--details"]) == 0
    issues = json.loads(capsys.readouterr().out)["issues"]
    assert out.count("why: ") == len(issues)
    for issue in issues:
        assert issue["file"] in out


def test_cli_eval_json_details_lists_issues(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(GOLD_FILE), "--json", "--details"]) == 0
    data = json.loads(capsys.readouterr().out)
    misses = [i for i in data["issues"] if i["error"] == "miss"]
    assert len(misses) == sum(data[k]["fn"] for k in ("places", "times", "events"))
    assert all(i["why"] for i in data["issues"])


def test_cli_eval_bad_gold_is_a_usage_error(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    assert main(["eval", str(bad)]) == 2
    assert "documents" in capsys.readouterr().err


def test_cli_eval_missing_article_exits_1(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"documents": [gold_doc(file="gone.txt")]}), encoding="utf-8")
    assert main(["eval", str(gold), "--json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["failures"][0]["file"] == "gone.txt"
    assert "gone.txt" in captured.err
