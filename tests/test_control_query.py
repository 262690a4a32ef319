"""Queries over control states: who held a place on a day, changes in a window, the front."""

from datetime import date

from control_samples import event
from frontwatch.control import periods_from_events
from frontwatch.control.query import (
    changes_between,
    front_geojson,
    regional_answer,
    same_region,
    state_on,
)

CAPTURE, ADVANCE = "territory.capture", "territory.advance"


def states(*events):
    return [{**p.to_dict(evidence=True), "place_key": p.place_key}
            for p in periods_from_events(events)]


def kupiansk():
    return states(
        event(CAPTURE, "RUS", "Kupiansk", "Kupiansk had been under Russian control since the "
              "first week of the war.", "2022-02-24", "2022-03-02", doc_date="2022-09-10"),
        event(ADVANCE, "UKR", "Kupiansk", "Ukrainian troops have entered the centre of "
              "Kupiansk.", "2022-09-10"),
        event(CAPTURE, "UKR", "Kupiansk", "Kyiv says Kupiansk has been fully liberated.",
              "2022-09-20", "2022-09-25", status="claimed", claimant="UKR"),
    )


def test_who_held_the_place_on_a_day_with_certainty_around_changes():
    timeline = kupiansk()
    assert [s["controller"] for s in timeline] == ["RUS", "contested", "UKR"]
    assert state_on(timeline, date(2022, 2, 20)) is None  # before anything is known
    during = state_on(timeline, date(2022, 2, 27))
    assert during.state["controller"] == "RUS"
    assert during.certainty == "possible"  # the capture may not have happened yet
    assert state_on(timeline, date(2022, 6, 1)).state["controller"] == "RUS"
    assert state_on(timeline, date(2022, 6, 1)).certainty == "certain"
    assert state_on(timeline, date(2022, 9, 15)).state["controller"] == "contested"
    assert state_on(timeline, date(2022, 9, 22)).state["controller"] in ("contested", "UKR")
    assert state_on(timeline, date(2022, 10, 1)).state["controller"] == "UKR"


def test_a_state_without_reports_for_over_a_year_is_stale_not_certain():
    timeline = kupiansk()
    later = state_on(timeline, date(2024, 6, 1))
    assert later.state["controller"] == "UKR"
    assert later.certainty == "stale"
    assert later.confidence < timeline[-1]["confidence"]


def test_region_only_informs_settlements_without_their_own_evidence():
    region = states(event(CAPTURE, "RUS", "Luhansk Oblast", "Shoigu said Russian forces had "
                          "taken the whole Luhansk region.", "2022-07-03", surface="Luhansk"))
    village = states(event(CAPTURE, "UKR", "Bilohorivka", "Ukrainian troops retook "
                           "Bilohorivka, the governor said.", "2022-09-19"))
    svatove = {"name": "Svatove", "admin1": "Luhanska Oblast", "country": "UA"}
    weak = regional_answer(svatove, date(2022, 8, 1), region)
    assert weak.state["controller"] == "RUS" and weak.basis == "region"
    assert weak.confidence < region[0]["confidence"] / 2
    # Bilohorivka has its own state: the caller asks the region only when that gives nothing.
    own = state_on(village, date(2022, 10, 1))
    assert own.state["controller"] == "UKR" and own.basis == "place"
    kherson_village = {"name": "Snihurivka", "admin1": "Mykolayiv Oblast", "country": "UA"}
    assert regional_answer(kherson_village, date(2022, 8, 1), region) is None


def test_oblast_spellings_match_and_neighbours_do_not():
    assert same_region("Luhanska Oblast", "Luhansk")
    assert same_region("Donetska Oblast", "Donetsk Oblast")
    assert same_region("Zaporizhzhya Oblast", "Zaporizhia Oblast")
    assert same_region("Odeska Oblast", "Odessa")
    assert not same_region("Chernihiv Oblast", "Chernivtsi Oblast")
    assert not same_region("Kharkiv Oblast", "Kherson Oblast")
    assert not same_region(None, "Kyiv")


def test_changes_in_a_window_with_region_and_radius_filters():
    timeline = kupiansk() + states(
        event(CAPTURE, "RUS", "Soledar", "Russia said it had captured Soledar.", "2023-01-13"),
        event(CAPTURE, "RUS", "Vuhledar", "Russia said it had taken Vuhledar.", "2022-09-21"),
    )
    autumn = changes_between(timeline, date(2022, 9, 1), date(2022, 9, 30))
    assert [(c["place"]["name"], c["from"], c["to"]) for c in autumn] == [
        ("Kupyansk", "RUS", "contested"),  # 10 September
        ("Kupyansk", "contested", "UKR"),  # 20-25 September
        ("Vuhledar", None, "RUS"),  # 21 September; nothing known before
    ]
    donetsk = changes_between(timeline, date(2022, 1, 1), date(2023, 12, 31), admin1="Donetsk")
    assert {c["place"]["name"] for c in donetsk} == {"Soledar", "Vuhledar"}
    near_bakhmut = changes_between(
        timeline, date(2022, 1, 1), date(2023, 12, 31), near=(48.59419, 37.99886, 20.0)
    )
    assert [c["place"]["name"] for c in near_bakhmut] == ["Soledar"]  # ~12 km away
    assert changes_between(timeline, date(2021, 1, 1), date(2021, 12, 31)) == []


def test_front_is_geojson_points_of_settlements_with_their_controller():
    timeline = kupiansk() + states(
        event(CAPTURE, "RUS", "Luhansk Oblast", "Russia took the whole Luhansk region.",
              "2022-07-03", surface="Luhansk"),
        event(CAPTURE, "RUS", "Soledar", "Russia said it had captured Soledar.", "2023-01-13"),
    )
    front = front_geojson(timeline, date(2022, 9, 15))
    assert front["type"] == "FeatureCollection"
    (feature,) = front["features"]  # Soledar not yet taken; the oblast is not a settlement
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.61581, 49.71003]}
    props = feature["properties"]
    assert props["controller"] == "contested"
    assert props["since"] == "2022-09-10" and props["evidence_count"] == 1
    later = front_geojson(timeline, date(2023, 2, 1))["features"]
    assert {f["properties"]["name"]: f["properties"]["controller"] for f in later} == {
        "Kupyansk": "UKR", "Soledar": "RUS"}
    stale = front_geojson(timeline, date(2025, 1, 1))["features"]
    assert stale == []
    kept = front_geojson(timeline, date(2025, 1, 1), include_stale=True)["features"]
    assert {f["properties"]["certainty"] for f in kept} == {"stale"}
