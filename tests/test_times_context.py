"""Time expressions whose meaning comes from their context rather than their words alone.

- parts of the day and nights that continue the story ("die avond", "in de vroege ochtend",
  "during the night", "in dezelfde nacht");
- spans counted in a clause ("in een week tijd heroverd", "in the space of two weeks");
- the first days of the war;
- weekdays whose direction is not the clause's tense: photo captions (a picture already
  taken), a meeting called *for* a day, a day proclaimed a day of mourning;
- anchoring: "vier jaar eerder" in a present-tense clause still counts from the previous
  expression (and is no anchor for the story after it), "X kwam een dag na Y" dates Y before
  the news of the report, "twee dagen na het begin van de invasie" is one expression.

The sentences are written for these tests in the style of news articles.
"""

from __future__ import annotations

import pytest

from frontwatch.times.grammar import Grammar, GrammarError
from time_helpers import interval, one, tag

# --- parts of the day and nights that continue the story ------------------------------------


def test_part_of_the_day_takes_the_day_of_the_previous_expression() -> None:
    text = (
        "Eergisteren trok het leger de stad binnen. Mariniers bezetten in de vroege ochtend "
        "het station. Die avond sprak de burgemeester de inwoners toe."
    )
    ochtend = one(text, "2023-04-12", "in de vroege ochtend")
    assert interval(ochtend) == ("2023-04-10", "2023-04-10")
    assert ochtend.anchor != "document"
    assert interval(one(text, "2023-04-12", "Die avond")) == ("2023-04-10", "2023-04-10")


def test_part_of_the_day_prefers_the_day_its_own_sentence_names() -> None:
    text = "Gisteren was het rustig. De troepen staken dinsdag in de vroege ochtend de rivier over."
    # 2023-04-13 is a Thursday: the past Tuesday is the 11th, yesterday the 12th.
    assert interval(one(text, "2023-04-13", "in de vroege ochtend")) == (
        "2023-04-11", "2023-04-11",
    )
    english = "It was quiet on Wednesday. Troops crossed the river early in the morning on Monday."
    assert interval(one(english, "2023-04-13", "early in the morning", "en")) == (
        "2023-04-10", "2023-04-10",
    )


def test_english_evening_and_night_continue_from_the_previous_day() -> None:
    text = (
        "Drones hit a fuel depot near the port on Tuesday, the governor said. That evening "
        "the mayor ordered an evacuation. During the night rescuers searched the rubble."
    )
    # 2022-06-09 is a Thursday: the Tuesday before is the 7th.
    assert interval(one(text, "2022-06-09", "That evening", "en")) == ("2022-06-07", "2022-06-07")
    night = one(text, "2022-06-09", "During the night", "en")
    assert interval(night) == ("2022-06-06", "2022-06-07")


def test_a_night_without_a_day_in_a_document_without_other_times_is_last_night() -> None:
    m = one("In de nacht werden drie dorpen met raketten bestookt.", "2022-10-09", "In de nacht")
    assert interval(m) == ("2022-10-08", "2022-10-09")


def test_the_same_night_repeats_the_night_named_before() -> None:
    text = (
        "In de nacht van vrijdag op zaterdag vielen drones een olieraffinaderij aan. "
        "Het leger vuurde in dezelfde nacht twintig raketten af op de hoofdstad."
    )
    # A month-dated document: the night can be any Friday-Saturday of the month around it.
    named = one(text, "2024-03", "In de nacht van vrijdag op zaterdag")
    same = one(text, "2024-03", "in dezelfde nacht")
    assert interval(same) == interval(named)
    assert same.granularity == "day"
    english = "Rescuers worked through Saturday. The same night a second missile struck the city."
    assert interval(one(english, "2024-03-05", "The same night", "en")) == (
        "2024-03-02", "2024-03-02",
    )


def test_a_part_of_the_day_with_its_date_after_it_is_left_to_the_date() -> None:
    text = "In de avond van 5 mei werd de stad beschoten. In the evening of 7 May it was quiet."
    surfaces = [m.surface for m in tag(text, "2022-10-09")]
    assert "In de avond" not in surfaces
    assert "5 mei" in surfaces
    english = [m.surface for m in tag("In the evening of 7 May it was quiet.", "2022-10-09", "en")]
    assert english == ["7 May"]


# --- spans counted in a clause ----------------------------------------------------------------


def test_span_of_time_counts_back_in_a_past_clause_and_ahead_otherwise() -> None:
    past = one(
        "Het leger heeft in twee weken tijd vier dorpen heroverd.",
        "2023-08-20",
        "in twee weken tijd",
    )
    assert (past.value, interval(past)) == ("PAST_REF", ("2023-08-06", "2023-08-20"))
    within = one(
        "De troepen hadden de stad binnen drie dagen tijd omsingeld.",
        "2023-08-20",
        "binnen drie dagen tijd",
    )
    assert (within.value, interval(within)) == ("PAST_REF", ("2023-08-17", "2023-08-20"))
    ahead = one(
        "De regering wil de brug in een maand tijd herstellen.", "2023-08-20", "in een maand tijd"
    )
    assert (ahead.value, interval(ahead)) == ("FUTURE_REF", ("2023-08-21", "2023-09-20"))
    english = one(
        "Ukrainian troops retook three villages in the space of a week, the general staff said.",
        "2023-06",
        "in the space of a week",
        "en",
    )
    assert (english.value, interval(english)) == ("PAST_REF", ("2023-05-25", "2023-06-30"))


def test_a_week_without_tijd_is_not_a_span() -> None:
    assert tag("Het duurde een week tijd voor de hulp aankwam, zegt hij.", "2023-08-20") == []


# --- the first days of the war ----------------------------------------------------------------


def test_first_days_of_the_invasion_are_its_first_week() -> None:
    nl = one(
        "Het dorp werd in de eerste dagen van de invasie bezet.",
        "2024-05",
        "in de eerste dagen van de invasie",
    )
    assert interval(nl) == ("2022-02-24", "2022-03-02")
    en = one(
        "The village was occupied in the first days of the invasion.",
        "2024-05",
        "in the first days of the invasion",
        "en",
    )
    assert interval(en) == ("2022-02-24", "2022-03-02")


# --- weekdays whose direction is not the tense of the clause -----------------------------------


def test_weekday_in_a_photo_caption_is_in_the_past() -> None:
    # 2023-03-19 is a Sunday: the Friday before is the 17th, the next one the 24th.
    nl = (
        "EPA Brandweerlieden bij een uitgebrand flatgebouw na de aanval van vrijdagavond\n\n"
        "Buitenland • vandaag, 11:02\n\nDe stad wordt weer beschoten."
    )
    assert interval(one(nl, "2023-03-19", "vrijdagavond")) == ("2023-03-17", "2023-03-17")
    en = (
        "Reuters Firefighters put out a fire at a warehouse in Odesa on Friday\n\n"
        "Drone attack sets port ablaze\n\nThe port is burning."
    )
    assert interval(one(en, "2023-03-19", "on Friday", "en")) == ("2023-03-17", "2023-03-17")


def test_weekday_outside_a_caption_keeps_the_direction_of_its_tense() -> None:
    # The same words as a headline of the body (no photo credit): present tense, ahead.
    text = "Brandweer rukt vrijdagavond uit voor oefening\n\nDe stad bereidt zich voor."
    assert interval(one(text, "2023-03-19", "vrijdagavond")) == ("2023-03-24", "2023-03-24")


def test_a_meeting_called_for_a_day_is_ahead_even_in_a_past_clause() -> None:
    text = "The EU's foreign policy chief called an emergency meeting of ministers for Monday."
    # 2023-03-15 is a Wednesday.
    assert interval(one(text, "2023-03-15", "Monday", "en")) == ("2023-03-20", "2023-03-20")
    nl = "De voorzitter heeft een spoedoverleg bijeengeroepen voor maandag."
    assert interval(one(nl, "2023-03-15", "maandag")) == ("2023-03-20", "2023-03-20")
    # "for Monday's attack" names a past day.
    blame = "Kyiv blamed Moscow for Monday's attack on the station."
    assert interval(one(blame, "2023-03-15", "Monday", "en")) == ("2023-03-13", "2023-03-13")


def test_day_of_mourning_is_the_day_nearest_the_report() -> None:
    # Reported on Friday 2023-03-17: the Saturday proclaimed is tomorrow, though the clause
    # is past; a Thursday proclaimed is yesterday.
    nl = "De burgemeester heeft zaterdag uitgeroepen tot dag van rouw om de slachtoffers."
    assert interval(one(nl, "2023-03-17", "zaterdag")) == ("2023-03-18", "2023-03-18")
    en = "The governor declared Thursday a day of mourning in the region."
    assert interval(one(en, "2023-03-17", "Thursday", "en")) == ("2023-03-16", "2023-03-16")
    en_ahead = "The governor declared Saturday a day of mourning in the region."
    assert interval(one(en_ahead, "2023-03-17", "Saturday", "en")) == ("2023-03-18", "2023-03-18")


def test_an_ordinary_past_weekday_still_points_back() -> None:
    text = "De burgemeester riep zaterdag de inwoners op om te vertrekken."
    assert interval(one(text, "2023-03-17", "zaterdag")) == ("2023-03-11", "2023-03-11")


# --- anchoring --------------------------------------------------------------------------------


def test_counted_offset_in_a_present_clause_counts_from_the_previous_expression() -> None:
    text = (
        "De haven werd in 2016 heropend. Ze is het symbool van de inname van de stad, drie jaar "
        "eerder. Later dat jaar liepen de eerste schepen uit."
    )
    eerder = one(text, "2023-09-12", "drie jaar eerder")
    assert interval(eerder) == ("2013-01-01", "2013-12-31")
    assert eerder.anchor != "document"
    # The aside is not where the story goes on: "later dat jaar" is still 2016.
    assert interval(one(text, "2023-09-12", "Later dat jaar")) == ("2016-01-01", "2016-12-31")
    english = (
        "The bridge was opened in 2018. It is a symbol of the annexation, four years earlier."
    )
    assert interval(one(english, "2022-10-09", "four years earlier", "en")) == (
        "2014-01-01", "2014-12-31",
    )


def test_news_that_came_a_day_after_an_event_dates_the_event_before_the_report() -> None:
    text = (
        "Vorige maand begon de oogst. De onderhandelingen kwamen een dag na een zware "
        "raketaanval op de haven."
    )
    m = one(text, "2023-08-15", "een dag na")
    assert interval(m) == ("2023-08-14", "2023-08-14")
    english = "Last month the harvest began. The talks came a day after a heavy missile strike."
    assert interval(one(english, "2023-08-15", "a day after", "en")) == (
        "2023-08-14", "2023-08-14",
    )


def test_a_day_before_a_trip_still_counts_from_the_trip() -> None:
    text = (
        "Woensdag reisde de president naar Washington. "
        "Een dag voor zijn reis bezocht hij het front."
    )
    # 2022-12-23 is a Friday: Wednesday is the 21st, the day before it the 20th.
    assert interval(one(text, "2022-12-23", "Een dag voor")) == ("2022-12-20", "2022-12-20")


def test_offset_from_the_start_of_the_invasion_is_one_expression() -> None:
    text = "Het leger meldde de inname op 27 februari, drie dagen na het begin van de invasie."
    mentions = tag(text, "2022-03-12")
    surfaces = [m.surface for m in mentions]
    assert "drie dagen na het begin van de invasie" in surfaces
    assert "het begin van de invasie" not in surfaces
    m = one(text, "2022-03-12", "drie dagen na het begin van de invasie")
    assert interval(m) == ("2022-02-27", "2022-02-27")
    english = "Moscow claimed the town two days after the start of the invasion."
    m = one(english, "2022-03-12", "two days after the start of the invasion", "en")
    assert interval(m) == ("2022-02-26", "2022-02-26")


def test_direction_rule_with_an_unknown_direction_is_a_grammar_error() -> None:
    data = {
        "lexicon": {"weekday": {"maandag": 0}},
        "pattern": [{"kind": "weekday", "regex": "{weekday}"}],
        "direction": [{"kind": "weekday", "left": r"\bvoor\s+$", "tense": "sideways"}],
    }
    with pytest.raises(GrammarError, match="sideways"):
        Grammar("xx", data)
