"""The control timeline: periods opened and closed by captures, withdrawals and fighting."""

from control_samples import event
from frontwatch.control import build_timeline, fuse, periods_from_events
from frontwatch.records import ControlState

CAPTURE, WITHDRAWAL, ADVANCE = "territory.capture", "territory.withdrawal", "territory.advance"


def timeline(*events):
    return [(p.controller, p.to_dict()) for p in periods_from_events(events)]


def span(interval):
    return (interval["earliest"], interval["latest"]) if interval else None


def test_capture_recapture_and_capture_again_open_and_close_periods():
    periods = periods_from_events([
        event(CAPTURE, "RUS", "Kupiansk", "Russian forces took Kupiansk in the first week of "
              "the war.", "2022-02-24", "2022-03-02"),
        event(CAPTURE, "UKR", "Kupiansk", "Ukrainian troops have recaptured Kupiansk, the "
              "railway hub on the Oskil.", "2022-09-10", "2022-09-12"),
        event(CAPTURE, "RUS", "Kupiansk", "Russia says its forces have taken Kupiansk again.",
              "2022-10-20", "2022-10-25"),
    ])
    assert [p.controller for p in periods] == ["RUS", "UKR", "RUS"]
    first, second, third = (p.to_dict() for p in periods)
    assert span(first["since"]) == ("2022-02-24", "2022-03-02")
    assert first["until"] == second["since"]
    assert second["until"] == third["since"]
    assert third["until"] is None
    assert all(not p.after_gap for p in periods)


def test_a_denied_claim_gives_a_claimed_state_weaker_than_an_undisputed_one():
    claim_text = "Moscow announced that its forces had taken full control of Toretsk."
    claim = event(CAPTURE, "RUS", "Toretsk", claim_text, "2025-02-07", status="claimed",
                  claimant="RUS", doc="a")
    denial = event(CAPTURE, "RUS", "Toretsk", "Ukraine's army denied that Toretsk had fallen.",
                   "2025-02-07", status="denied", claimant="UKR", doc="a")
    (disputed,) = periods_from_events([claim, denial])
    (undisputed,) = periods_from_events([dict(claim)])
    assert disputed.controller == "RUS"
    assert disputed.status == "claimed"
    assert disputed.confidence < undisputed.confidence
    assert denial["event_id"] in disputed.event_ids
    assert "denied by UKR" in disputed.note


def test_a_denial_alone_gives_no_state():
    denial = event(CAPTURE, "RUS", "Toretsk", "Kyiv denied that Toretsk had fallen.",
                   "2025-02-07", status="denied", claimant="UKR")
    assert periods_from_events([denial]) == []


def test_more_independent_sources_and_both_sides_raise_confidence():
    one = [event(CAPTURE, "RUS", "Vuhledar", "Russia's defence ministry said its troops had "
                 "liberated Vuhledar.", "2024-10-03", status="claimed", claimant="RUS",
                 url="https://a.example/1")]
    three = one + [
        event(CAPTURE, "RUS", "Vuhledar", "Vuhledar has fallen to Russian troops.",
              "2024-10-01", "2024-10-05", url=f"https://{host}.example/2")
        for host in ("b", "c")
    ]
    (single,) = periods_from_events(one)
    (many,) = periods_from_events(three)
    assert many.confidence > single.confidence
    assert many.sources == 3
    admission = event(WITHDRAWAL, "UKR", "Vuhledar", "The Ukrainian military command said its "
                      "troops had pulled out of Vuhledar.", "2024-10-01", "2024-10-02",
                      status="confirmed", claimant="UKR", url="https://d.example/3")
    admitted = [*one, admission]
    (both,) = periods_from_events(admitted)
    assert both.status == "confirmed"
    assert both.confidence > single.confidence


def test_a_withdrawal_implies_the_other_side_only_weakly():
    withdrawal = event(WITHDRAWAL, "RUS", "Kramatorsk", "Kramatorsk was abandoned by the "
                       "rebels during the night.", "2014-07-05")
    capture = event(CAPTURE, "UKR", "Kramatorsk", "The Ukrainian army took Kramatorsk.",
                    "2014-07-05")
    (inferred,) = periods_from_events([withdrawal])
    (captured,) = periods_from_events([capture])
    assert inferred.controller == "UKR"
    assert inferred.basis == "withdrawal"
    assert "inferred from the RUS's withdrawal" in inferred.note
    assert inferred.confidence < captured.confidence


def test_an_advance_into_the_outskirts_makes_the_place_contested_an_approach_does_not():
    into = event(ADVANCE, "RUS", "Toretsk", "Russische troepen hebben de oostelijke "
                 "buitenwijken van het stadje Toretsk bereikt.", "2024-10-01", "2024-10-31",
                 lang="nl")
    towards = event(ADVANCE, "RUS", "Toretsk", "Russian forces are also closing in on the "
                    "town of Toretsk.", "2024-10-01", "2024-10-31")
    (contested,) = periods_from_events([into])
    assert contested.controller == "contested"
    assert periods_from_events([towards]) == []


def test_a_partial_capture_is_contested_not_a_change_of_hands():
    part = event(CAPTURE, "RUS", "Bakhmut", "Wagner zegt het oostelijke deel van Bachmoet te "
                 "hebben veroverd.", "2023-03-01", "2023-03-31", surface="Bachmoet",
                 status="claimed", claimant="RUS", lang="nl")
    (period,) = periods_from_events([part])
    assert period.controller == "contested"


def test_fighting_long_before_a_capture_is_a_period_fighting_at_the_capture_is_its_dispute():
    outskirts = event(ADVANCE, "UKR", "Robotyne", "Ukrainian units have pushed into the "
                      "outskirts of Robotyne.", "2023-08-01", "2023-08-10")
    liberated = event(CAPTURE, "UKR", "Robotyne", "Ukraine says it has liberated Robotyne.",
                      "2023-08-28")
    still = event("combat", "UKR", "Robotyne", "Fighting continues inside Robotyne, Russian "
                  "bloggers say.", "2023-08-28", "2023-08-30")
    periods = periods_from_events([outskirts, liberated, still])
    assert [p.controller for p in periods] == ["contested", "UKR"]
    assert periods[0].until == periods[1].since
    assert periods[1].disputes and "fighting reported inside" in periods[1].note


def test_what_happened_next_to_a_place_is_not_about_it():
    flank = event(CAPTURE, "UKR", "Bakhmut", "Ukrainian forces retook another square "
                  "kilometre on the southern flank of Bakhmut.", "2023-08-22", "2023-08-29")
    assert periods_from_events([flank]) == []
    relative = event(CAPTURE, "UKR", "Robotyne", "The village lies near Robotyne, which was "
                     "liberated at the end of August.", "2023-08-21", "2023-08-31")
    assert [p.controller for p in periods_from_events([relative])] == ["UKR"]


def test_a_region_changes_hands_only_by_a_statement_about_all_of_it():
    partial = event(WITHDRAWAL, "RUS", "Luhansk Oblast", "Russian troops pulled out of parts "
                    "of the Luhansk region.", "2022-10-01", "2022-10-31", surface="Luhansk")
    vague = event(CAPTURE, "RUS", "Luhansk Oblast", "Russia now holds territory in the "
                  "Luhansk region.", "2022-07-03", surface="Luhansk")
    whole = event(CAPTURE, "RUS", "Luhansk Oblast", "Shoigu said Russian forces had taken "
                  "the whole Luhansk region.", "2022-07-03", surface="Luhansk")
    assert periods_from_events([partial, vague]) == []
    (region,) = periods_from_events([whole])
    assert region.controller == "RUS" and region.place["feature"] == "ADM1"
    fighting = event(ADVANCE, "RUS", "Luhansk Oblast", "Russian troops entered the outskirts "
                     "of the Luhansk region's last towns.", "2022-06-01", surface="Luhansk")
    assert periods_from_events([fighting]) == []  # a region is never 'contested'


def test_region_statements_do_not_create_or_change_settlement_states():
    region = event(CAPTURE, "RUS", "Luhansk Oblast", "De regio Loegansk was volledig in "
                   "handen van Rusland.", "2022-07-03", surface="Loegansk", lang="nl")
    village = event(CAPTURE, "UKR", "Bilohorivka", "Volgens de gouverneur hebben Oekraïense "
                    "troepen Bilohorivka heroverd.", "2022-09-19", lang="nl",
                    status="claimed", claimant="UKR")
    periods = periods_from_events([region, village])
    by_place = {p.place["name"]: p.controller for p in periods}
    assert by_place == {"Luhanska Oblast": "RUS", "Bilohorivka": "UKR"}


def test_no_continuity_is_invented_across_years_without_evidence():
    early = event(CAPTURE, "RUS", "Toretsk", "Toretsk was briefly seized by Russia-backed "
                  "groups.", "2014-04-12", "2014-04-20")
    late = event(CAPTURE, "RUS", "Toretsk", "Russia claims to have captured Toretsk.",
                 "2025-02-07", status="claimed", claimant="RUS")
    first, second = periods_from_events([early, late])
    assert second.after_gap
    assert "no evidence links it" in second.note
    # It ended some time between its own evidence (the capture may have been on 12 April) and
    # the new capture, not exactly at the new capture.
    assert first.to_dict()["until"] == {"earliest": "2014-04-12", "latest": "2025-02-07"}


def test_places_with_no_territorial_evidence_have_no_state():
    only_strikes = [
        event("strike", "RUS", "Kramatorsk", "A missile struck a pizzeria in Kramatorsk.",
              "2023-06-27"),
        event(ADVANCE, "RUS", "Kramatorsk", "Russian forces could advance towards Kramatorsk.",
              "2023-06-27", modality="possible"),
        event(CAPTURE, "RUS", "Kramatorsk", "Analysts say Kramatorsk could fall within weeks.",
              "2023-06-27", modality="possible"),
        event(CAPTURE, "RUS", "Kramatorsk", "Russia will try to take Kramatorsk next.",
              "2023-06-27", modality="planned"),
    ]
    assert periods_from_events(only_strikes) == []


def test_build_timeline_gives_schema_control_states_that_round_trip():
    (state,) = build_timeline(fuse([
        event(CAPTURE, "RUS", "Vuhledar", "Russia's defence ministry said its troops had "
              "liberated Vuhledar.", "2024-10-03", status="claimed", claimant="RUS"),
    ]))
    assert isinstance(state, ControlState)
    assert state.place.geonameid == 690823 and state.place.lat == 47.77973
    assert state.controller == "RUS"
    assert state.since == {"earliest": "2024-10-03", "latest": "2024-10-03"}
    assert state.until is None and state.status == "claimed"
    assert 0.0 < state.confidence < 1.0
    assert ControlState.from_dict(state.to_dict()) == state


def test_contradictory_reports_about_one_change_do_not_flip_the_place_back_and_forth():
    spring = event(CAPTURE, "RUS", "Kramatorsk", "In April armed separatists occupied the "
                   "town hall of Kramatorsk.", "2014-04-12", "2014-04-20")
    left = event(WITHDRAWAL, "RUS", "Kramatorsk", "The separatists left Kramatorsk during the "
                 "night.", "2014-07-05", doc="july")
    garbled = event(CAPTURE, "RUS", "Kramatorsk", "The separatists left Kramatorsk the night "
                    "before it was taken.", "2014-07-05", doc="july")
    retaken = event(CAPTURE, "UKR", "Kramatorsk", "The Ukrainian army regained control of "
                    "Kramatorsk on Saturday.", "2014-07-05", doc="july")
    periods = periods_from_events([spring, left, garbled, retaken])
    assert [p.controller for p in periods] == ["RUS", "UKR"]
    assert garbled["event_id"] in periods[1].event_ids  # kept, as a dispute of the change
    assert periods[1].disputes


def test_a_third_party_never_holds_territory():
    observer = event(CAPTURE, "USA", "Toretsk", "The Institute for the Study of War assessed "
                     "that Russian forces had captured Toretsk.", "2025-02-10")
    assert periods_from_events([observer]) == []


def test_pulling_back_to_lines_beyond_a_village_is_leaving_it():
    pulled = event(WITHDRAWAL, "UKR", "Bilohorivka", "The commander said units had pulled back "
                   "to new lines west of Bilohorivka.", "2024-04-01", "2024-04-28",
                   status="confirmed", claimant="UKR")
    (period,) = periods_from_events([pulled])
    assert period.controller == "RUS" and period.basis == "withdrawal"


def test_a_handover_inside_one_side_does_not_change_the_controller():
    taken = event(CAPTURE, "RUS", "Bakhmut", "Wagner says it has taken Bakhmut.",
                  "2023-05-20", status="claimed", claimant="RUS")
    handover = event(WITHDRAWAL, "RUS", "Bakhmut", "Prigozhin says Wagner is leaving Bakhmut "
                     "and handing it over to the regular Russian army.", "2023-05-25",
                     target="RUS")
    periods = periods_from_events([taken, handover])
    assert [p.controller for p in periods] == ["RUS"]
    assert handover["event_id"] in periods[0].event_ids


def test_a_capture_by_the_side_holding_the_place_before_fighting_is_not_a_continuation():
    held = event(CAPTURE, "UKR", "Vuhledar", "Ukrainian forces recaptured Vuhledar.",
                 "2022-03-10")
    fighting = event("combat", "RUS", "Vuhledar", "Fighting is going on in the streets of "
                     "Vuhledar, the governor said.", "2023-02-05")
    retaken = event(CAPTURE, "UKR", "Vuhledar", "Ukraine says it has retaken Vuhledar.",
                    "2023-02-07")
    first, second = periods_from_events([held, fighting, retaken])
    assert (first.controller, second.controller) == ("UKR", "UKR")
    assert second.after_gap and second.disputes
