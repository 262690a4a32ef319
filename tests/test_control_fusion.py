"""Cross-article fusion: one cluster per real event, every report and disagreement kept."""

import random

from control_samples import event
from frontwatch.control import fuse
from frontwatch.control.fusion import event_interval, outlet_key, place_key

CAPTURE = "territory.capture"


def test_one_capture_reported_by_three_outlets_is_one_cluster_with_the_tightest_interval():
    reports = [
        event(CAPTURE, "RUS", "Soledar", "Russia's defence ministry said its forces had "
              "captured Soledar, a salt-mining town in the Donetsk region.",
              "2023-01-01", "2023-01-31", url="https://www.example-wire.com/a", status="claimed",
              claimant="RUS"),
        event(CAPTURE, "RUS", "Soledar", "Het Russische ministerie van Defensie zei vrijdag dat "
              "het mijnstadje Soledar is ingenomen.", "2023-01-13", lang="nl",
              url="https://nieuws.example.nl/b", status="claimed", claimant="RUS"),
        event(CAPTURE, "RUS", "Soledar", "Soledar fell to Russian forces in mid-January.",
              "2023-01-11", "2023-01-20", url="https://daily.example.org/c"),
    ]
    clusters = fuse(reports)
    assert len(clusters) == 1
    cluster = clusters[0]
    assert (cluster.earliest, cluster.latest) == ("2023-01-13", "2023-01-13")
    assert cluster.sources == 3 and cluster.documents == 3
    assert sorted(cluster.event_ids) == sorted(r["event_id"] for r in reports)
    assert cluster.statuses == {"claimed": 2, "reported": 1}
    assert cluster.contradictions == []
    assert cluster.actor == {"country": "RUS", "role": "military"}


def test_the_same_outlet_twice_counts_as_one_independent_source():
    reports = [
        event(CAPTURE, "UKR", "Robotyne", "Ukraine says it has liberated Robotyne.",
              "2023-08-28", url="https://wire.example.com/1"),
        event(CAPTURE, "UKR", "Robotyne", "The village of Robotyne was retaken on Monday.",
              "2023-08-28", url="https://wire.example.com/2"),
    ]
    (cluster,) = fuse(reports)
    assert cluster.documents == 2
    assert cluster.sources == 1


def test_a_claim_and_its_denial_stay_visible_in_one_cluster():
    claim = event(CAPTURE, "RUS", "Toretsk", "Moscow announced that its forces had taken full "
                  "control of Toretsk.", "2025-02-07", status="claimed", claimant="RUS",
                  doc="d1")
    denial = event(CAPTURE, "RUS", "Toretsk", "A Ukrainian brigade said its soldiers were "
                   "still holding their positions in Toretsk.", "2025-02-07", status="denied",
                   claimant="UKR", doc="d1")
    (cluster,) = fuse([claim, denial])
    assert cluster.denials == [denial["event_id"]]
    assert "denied" in cluster.contradictions
    assert cluster.statuses == {"claimed": 1, "denied": 1}


def test_reports_a_few_days_apart_are_one_change_with_a_visible_date_conflict():
    friday = event(CAPTURE, "RUS", "Soledar", "Russia said on Friday it had captured Soledar.",
                   "2023-01-13")
    weds = event(CAPTURE, "RUS", "Soledar", "Wagner claimed on Wednesday that Soledar was "
                 "in its hands.", "2023-01-11")
    (cluster,) = fuse([friday, weds])
    assert "dates" in cluster.contradictions
    assert len(cluster.date_conflicts) == 1
    assert cluster.interval[1] - cluster.interval[0] == 0  # a single day, not widened


def test_captures_weeks_apart_or_by_opposite_sides_are_different_events():
    first = event(CAPTURE, "RUS", "Kupiansk", "Russian forces took Kupiansk in the first week "
                  "of the war.", "2022-02-24", "2022-03-02")
    back = event(CAPTURE, "UKR", "Kupiansk", "Ukrainian troops recaptured Kupiansk.",
                 "2022-02-24", "2022-03-02")
    later = event(CAPTURE, "RUS", "Kupiansk", "Russia claims to have taken Kupiansk again.",
                  "2022-03-20")
    clusters = fuse([first, back, later])
    assert len(clusters) == 3


def test_strikes_on_consecutive_days_are_not_merged():
    monday = event("strike", "RUS", "Kramatorsk", "A missile hit the centre of Kramatorsk.",
                   "2023-06-26")
    tuesday = event("strike", "RUS", "Kramatorsk", "Kramatorsk was shelled again overnight.",
                    "2023-06-27")
    assert len(fuse([monday, tuesday])) == 2


def test_an_event_of_unknown_actor_joins_the_matching_cluster():
    known = event(CAPTURE, "UKR", "Bilohorivka", "Ukrainian troops retook Bilohorivka.",
                  "2022-09-19")
    vague = event(CAPTURE, None, "Bilohorivka", "Bilohorivka changed hands again, the "
                  "governor said.", "2022-09-15", "2022-09-21")
    (cluster,) = fuse([known, vague])
    assert cluster.actor["country"] == "UKR"


def test_unresolved_places_fuse_by_name_and_events_without_place_or_date_are_skipped():
    a = event(CAPTURE, "RUS", "Toretsk", "Russia claimed the village of Podol.", "2025-03-13")
    b = event(CAPTURE, "RUS", "Toretsk", "Podol was taken on Thursday, Moscow said.",
              "2025-03-13")
    for item, surface in ((a, "Podol"), (b, "Podol")):
        item["place"] = {"surface": surface, "geonameid": None, "name": None}
    no_place = event(CAPTURE, "RUS", "Toretsk", "Russia took two villages.", "2025-03-13")
    no_place["place"] = None
    no_date = event(CAPTURE, "RUS", "Toretsk", "Toretsk fell.", "2025-03-13")
    no_date["time"], no_date["doc_date"] = None, "not a date"
    clusters = fuse([a, b, no_place, no_date])
    assert len(clusters) == 1
    assert clusters[0].place_key == "n:podol"
    assert clusters[0].documents == 2


def test_fusion_does_not_depend_on_the_order_of_the_reports():
    reports = [
        event(CAPTURE, "RUS", "Bakhmut", f"Report {i}: Bakhmut has fallen, Wagner says.",
              f"2023-05-{day:02d}", f"2023-05-{day + 6:02d}")
        for i, day in enumerate((1, 3, 5, 10, 18, 20, 21))
    ] + [event("strike", "RUS", "Bakhmut", "Shelling hit Bakhmut.", "2023-05-04")]
    expected = [(c.cluster_id, c.interval, c.event_ids) for c in fuse(reports)]
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert [(c.cluster_id, c.interval, c.event_ids) for c in fuse(shuffled)] == expected


def test_helpers_read_keys_intervals_and_outlets():
    item = event(CAPTURE, "RUS", "Vuhledar", "Vuhledar fell.", "2024-10-02")
    assert place_key(item["place"]) == "g:690823"
    item["time"] = None
    item["doc_date"] = "2024-10"
    first, last = event_interval(item)
    assert (last - first) == 30  # the month of a month-dated article
    assert outlet_key({"url": "https://www.nos.nl/artikel/1"}) == "nos.nl"
    assert outlet_key({"source": "NOS", "doc_id": "x"}) == "nos"
    assert outlet_key({"source": "corpus/dev-nl-001.txt", "doc_id": "x"}) == "doc:x"
    assert outlet_key({"source": "feed.jsonl:12", "doc_id": "y"}) == "doc:y"
