"""Scoring the control timeline against gold control facts (``frontwatch eval``'s control line)."""

from control_samples import PLACES, event
from frontwatch.control import periods_from_events
from frontwatch.evaluate import score_control

CAPTURE, ADVANCE = "territory.capture", "territory.advance"


def gold_place(name: str) -> dict:
    info = PLACES[name]
    return {"surface": name, "name": name, "geonameid": info["geonameid"], "lat": info["lat"],
            "lon": info["lon"], "country": info["country"]}


def gold_doc(file: str, date: str, places: list[str], control: list[dict]) -> dict:
    return {"file": file, "date": date, "places": [gold_place(p) for p in places],
            "events": [], "control": control}


def test_one_fused_state_finds_the_same_change_reported_by_several_articles():
    states = periods_from_events([
        event(CAPTURE, "RUS", "Vuhledar", "Russia said its troops had liberated Vuhledar.",
              "2024-10-02", status="claimed", claimant="RUS"),
        event(CAPTURE, "RUS", "Vuhledar", "Vuhledar fell to Russian troops this month.",
              "2024-10-01", "2024-10-31"),
    ])
    gold = [
        gold_doc("a.txt", "2024-10-03", ["Vuhledar"], [
            {"place": "Vuhledar", "controller": "RUS",
             "from": {"earliest": "2024-10-01", "latest": "2024-10-03"}}]),
        gold_doc("b.txt", "2024-10", ["Vuhledar"], [
            {"place": "Vuhledar", "controller": "RUS",
             "from": {"earliest": "2024-10-01", "latest": "2024-10-31"}}]),
    ]
    score = score_control(gold, states)
    assert (score.facts.tp, score.facts.fn) == (2, 0)
    assert (score.states.tp, score.states.fp) == (1, 0)
    assert score.precision == score.recall == 1.0


def test_wrong_controller_or_start_is_a_miss_and_a_false_positive():
    states = periods_from_events([
        event(CAPTURE, "UKR", "Robotyne", "Ukraine says it has liberated Robotyne.",
              "2023-08-28"),
        event(CAPTURE, "RUS", "Bakhmut", "Bakhmut fell to Russian forces.", "2023-01-10"),
    ])
    gold = [gold_doc("c.txt", "2023-08", ["Robotyne", "Bakhmut"], [
        {"place": "Robotyne", "controller": "RUS",
         "from": {"earliest": "2023-08-28", "latest": "2023-08-28"}},
        {"place": "Bakhmut", "controller": "RUS",
         "from": {"earliest": "2023-05-01", "latest": "2023-05-31"}},
    ])]
    score = score_control(gold, states)
    assert (score.facts.tp, score.facts.fn) == (0, 2)
    assert (score.states.tp, score.states.fp) == (0, 2)
    assert score.f1 == 0.0
    assert {issue.error for issue in score.issues} == {"miss", "false positive"}


def test_observed_facts_vouch_for_states_but_are_not_counted_for_recall():
    states = periods_from_events([
        event(ADVANCE, "RUS", "Toretsk", "Russian troops reached the eastern outskirts of "
              "Toretsk.", "2024-10-01", "2024-10-31"),
    ])
    observed = gold_doc("d.txt", "2024-10-20", ["Toretsk"], [
        {"place": "Toretsk", "controller": "contested", "note": "observed"}])
    score = score_control([observed], states)
    assert (score.states.tp, score.states.fp) == (1, 0)
    assert score.facts.tp + score.facts.fn == 0 and score.recall is None
    too_early = gold_doc("e.txt", "2024-06-01", ["Toretsk"], [
        {"place": "Toretsk", "controller": "contested", "note": "observed"}])
    assert score_control([too_early], states).states.fp == 1


def test_optional_facts_are_neither_hits_nor_misses():
    states = periods_from_events([
        event(CAPTURE, "UKR", "Bilohorivka", "Ukrainian troops retook Bilohorivka.",
              "2022-09-19"),
    ])
    gold = [gold_doc("f.txt", "2022-09-20", ["Bilohorivka", "Soledar"], [
        {"place": "Bilohorivka", "controller": "UKR", "optional": True,
         "from": {"earliest": "2022-09-19", "latest": "2022-09-19"}},
        {"place": "Soledar", "controller": "RUS", "optional": True,
         "from": {"earliest": "2022-09-01", "latest": "2022-09-30"}},
    ])]
    score = score_control(gold, states)
    assert score.facts.tp + score.facts.fn == 0
    assert score.states.tp + score.states.fp == 0
    assert score_control(gold, None).computed is False
