"""Time expressions in Dutch and English news sentences, normalised against the article date.

The sentences are written for these tests in the style of news articles; each test states the
document date (day- or month-precise) and the interval an expression must get.
"""

from __future__ import annotations

import pytest

from frontwatch.records import RecordError
from frontwatch.times import tag_times
from time_helpers import interval, one, tag

# --- relative days and the precision of the document date ---------------------------------


def test_month_dated_document_widens_relative_days_by_the_whole_month() -> None:
    text = "Gisteren viel Rusland de stad aan. Vandaag is het rustig. Morgen spreekt de premier."
    gisteren = one(text, "2023-05", "Gisteren")
    assert interval(gisteren) == ("2023-04-30", "2023-05-30")
    assert (gisteren.value, gisteren.granularity) == ("2023-05", "day")
    assert interval(one(text, "2023-05", "Vandaag")) == ("2023-05-01", "2023-05-31")
    assert interval(one(text, "2023-05", "Morgen")) == ("2023-05-02", "2023-06-01")


def test_day_dated_document_gives_single_days() -> None:
    text = (
        "Sinds gisteren zijn de leiders bijeen. Gisteravond werd er nog onderhandeld. "
        "Vanochtend kwam het akkoord. Eergisteren was er nog niets."
    )
    assert interval(one(text, "2024-06-16", "Sinds gisteren")) == ("2024-06-15", "2024-06-15")
    assert interval(one(text, "2024-06-16", "Gisteravond")) == ("2024-06-15", "2024-06-15")
    assert one(text, "2024-06-16", "Vanochtend").value == "2024-06-16"
    assert interval(one(text, "2024-06-16", "Eergisteren")) == ("2024-06-14", "2024-06-14")


def test_last_night_can_be_yesterday_evening_or_this_morning() -> None:
    m = one("Bij een aanval kwamen vannacht twintig mensen om.", "2022-07-01", "vannacht")
    assert interval(m) == ("2022-06-30", "2022-07-01")
    assert m.value == "2022-07-01"


def test_year_dated_document_widens_by_the_year() -> None:
    m = one("Gisteren werd de brug opgeblazen.", "2015", "Gisteren")
    assert interval(m) == ("2014-12-31", "2015-12-30")


# --- weeks, months, years relative to the document ----------------------------------------


def test_last_week_is_the_monday_to_sunday_week_before() -> None:
    text = "Vorige week trokken de troepen zich terug uit de stad."
    assert interval(one(text, "2024-10-10", "Vorige week")) == ("2024-09-30", "2024-10-06")
    month = one(text, "2024-10", "Vorige week")
    assert interval(month) == ("2024-09-23", "2024-10-27")
    assert (month.value, month.granularity) == ("2024-10", "week")


def test_earlier_this_week_runs_from_monday_to_the_document_date() -> None:
    m = one("Eerder deze week werden inwoners geëvacueerd.", "2024-08-15", "Eerder deze week")
    assert interval(m) == ("2024-08-12", "2024-08-15")
    assert m.value == "2024-W33"


def test_this_next_and_previous_month_and_year() -> None:
    text = (
        "Dit jaar ging er al veel geld naar Oekraïne. Volgend jaar komt er meer. "
        "Vorige maand liep het offensief vast. Volgende week spreekt de minister."
    )
    assert one(text, "2022-09", "Dit jaar").value == "2022"
    assert interval(one(text, "2022-09", "Volgend jaar")) == ("2023-01-01", "2023-12-31")
    assert interval(one(text, "2022-09", "Vorige maand")) == ("2022-08-01", "2022-08-31")
    assert interval(one(text, "2022-09-14", "Volgende week")) == ("2022-09-19", "2022-09-25")


def test_parts_of_months_and_years_are_thirds() -> None:
    text = (
        "Eind mei werd er gevochten. Begin maart nog niet. Half april kwamen de eerste "
        "mannen. Medio juni veranderde dat. Eind 2023 stokte het offensief."
    )
    assert interval(one(text, "2014-07", "Eind mei")) == ("2014-05-21", "2014-05-31")
    assert interval(one(text, "2014-07", "Begin maart")) == ("2014-03-01", "2014-03-10")
    assert interval(one(text, "2014-07", "Half april")) == ("2014-04-11", "2014-04-20")
    assert interval(one(text, "2014-07", "Medio juni")) == ("2014-06-11", "2014-06-20")
    assert interval(one(text, "2014-07", "Eind 2023")) == ("2023-09-01", "2023-12-31")


def test_parts_of_relative_months_and_years() -> None:
    text = (
        "Eind vorige maand werd het akkoord gesloten. Begin deze maand volgde de stemming. "
        "Begin vorig jaar ging het beter."
    )
    assert interval(one(text, "2024-02-17", "Eind vorige maand")) == ("2024-01-21", "2024-01-31")
    assert interval(one(text, "2024-02-17", "Begin deze maand")) == ("2024-02-01", "2024-02-10")
    assert interval(one(text, "2024-02-17", "Begin vorig jaar")) == ("2023-01-01", "2023-04-30")


def test_windows_before_the_document_date() -> None:
    text = (
        "De afgelopen maanden werd er hevig gevochten, de afgelopen dagen minder. "
        "In de regio wordt al weken gevochten."
    )
    months = one(text, "2024-10", "De afgelopen maanden")
    assert (months.value, interval(months)) == ("PAST_REF", ("2024-04-01", "2024-10-31"))
    assert interval(one(text, "2022-04-08", "de afgelopen dagen")) == ("2022-04-01", "2022-04-08")
    assert interval(one(text, "2014-03-18", "al weken")) == ("2014-02-04", "2014-03-18")


# --- "N units ago", numbers in words, decimal commas, approximations ----------------------


def test_months_ago_shifts_both_ends_of_a_month_dated_document() -> None:
    m = one("Die stad werd zo'n 2,5 maand geleden ingenomen.", "2022-09", "zo'n 2,5 maand geleden")
    assert interval(m) == ("2022-06-16", "2022-07-15")
    assert (m.value, m.granularity) == ("2022-07", "month")


def test_months_ago_has_month_precision_in_a_day_dated_document() -> None:
    text = "Het is de grootste verovering sinds de val van de stad, zo'n negen maanden geleden."
    m = one(text, "2024-02-17", "zo'n negen maanden geleden")
    assert (interval(m), m.value) == (("2023-05-01", "2023-05-31"), "2023-05")


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Anderhalf jaar geleden begon het beleg.",
            "Anderhalf jaar geleden",
            ("2021-12-01", "2021-12-31"),
        ),
        ("Drie dagen geleden viel de linie.", "Drie dagen geleden", ("2023-06-12", "2023-06-12")),
        ("Twee weken geleden was er nog hoop.", "Twee weken geleden", ("2023-05-29", "2023-06-04")),
        (
            "Twintig jaar geleden was het hier rustig.",
            "Twintig jaar geleden",
            ("2003-01-01", "2003-12-31"),
        ),
    ],
)
def test_numbers_in_words_before_ago(text: str, surface: str, expected: tuple[str, str]) -> None:
    assert interval(one(text, "2023-06-15", surface)) == expected


def test_ninety_years_ago_is_a_year() -> None:
    m = one(
        "Het is negentig jaar geleden dat de hongersnood begon.",
        "2023-11-25",
        "negentig jaar geleden",
    )
    assert (m.value, m.granularity) == ("1933", "year")


# --- weekdays and bare months: tense decides the direction --------------------------------


def test_weekday_in_present_tense_is_the_next_one() -> None:
    m = one("Zaterdag ontmoet de minister zijn collega's in Brussel.", "2024-10-10", "Zaterdag")
    assert interval(m) == ("2024-10-12", "2024-10-12")


def test_weekday_in_past_tense_is_the_last_one() -> None:
    past = one("Zaterdag ontmoette de minister zijn collega in Parijs.", "2024-10-10", "Zaterdag")
    assert interval(past) == ("2024-10-05", "2024-10-05")
    perfect = one("Het leger heeft zaterdag de stad heroverd.", "2024-10-10", "zaterdag")
    assert interval(perfect) == ("2024-10-05", "2024-10-05")
    # "onder-" takes the place of "ge-" in the participle: still a perfect, still the past
    signed = one("Zelensky heeft dinsdag een wet ondertekend.", "2024-04-03", "dinsdag")
    assert interval(signed) == ("2024-04-02", "2024-04-02")


def test_weekday_in_a_month_dated_document_spans_the_possible_days() -> None:
    text = "Zaterdag ontmoet de Oekraïense president regeringsleiders op de vliegbasis."
    m = one(text, "2024-10", "Zaterdag")
    assert (interval(m), m.value) == (("2024-10-05", "2024-11-02"), "2024-10")
    past = one("Zaterdag bereikten de eenheden het centrum.", "2022-09", "Zaterdag")
    assert interval(past) == ("2022-08-27", "2022-09-24")


def test_weekday_equal_to_the_document_day_is_that_day() -> None:
    text = "Donderdag vergaderen de ministers. De ministers spraken donderdag met elkaar."
    mentions = tag(text, "2024-10-10")
    assert [interval(m) for m in mentions] == [("2024-10-10", "2024-10-10")] * 2


def test_weekday_with_explicit_week_or_direction() -> None:
    text = "Vorige week donderdag werd het akkoord getekend. Komende zondag wordt er gestemd."
    assert interval(one(text, "2024-10-10", "Vorige week donderdag")) == (
        "2024-10-03",
        "2024-10-03",
    )
    assert interval(one(text, "2024-10-10", "Komende zondag")) == ("2024-10-13", "2024-10-13")


def test_bare_month_follows_the_tense() -> None:
    text = (
        "In november begint de campagne. In december zal de regering beslissen. "
        "In december besloot de vorige regering anders. In februari erkende Poetin de "
        "volksrepublieken."
    )
    values = [m.value for m in tag(text, "2024-10")]
    assert values == ["2024-11", "2024-12", "2023-12", "2024-02"]


def test_since_a_month_is_the_most_recent_such_month() -> None:
    assert one("Sinds oktober rukken de troepen op.", "2024-02-17", "Sinds oktober").value == (
        "2023-10"
    )
    assert one("De stad was sinds april bezet.", "2014-07", "sinds april").value == "2014-04"


def test_season_with_a_relative_year_before_or_after_it() -> None:
    text = "De Russen rukken sinds vorig jaar zomer op; in de zomer vorig jaar lag het front stil."
    found = [(m.surface, m.earliest, m.latest) for m in tag(text, "2023-02-10")]
    assert found == [
        ("sinds vorig jaar zomer", "2022-06-01", "2022-08-31"),
        ("in de zomer vorig jaar", "2022-06-01", "2022-08-31"),
    ]


def test_month_with_a_relative_year() -> None:
    text = "Vorig jaar september werd het dorp heroverd, in december vorig jaar volgde de rest."
    assert one(text, "2023-10", "Vorig jaar september").value == "2022-09"
    assert one(text, "2023-10", "in december vorig jaar").value == "2022-12"


# --- absolute dates, years and seasons ----------------------------------------------------


def test_absolute_dates() -> None:
    text = (
        "Op 6 augustus staken de troepen de grens over. Op 24 februari 2022 begon de "
        "invasie, op 24-2-2022 om precies te zijn, of 24 feb. 2022."
    )
    mentions = tag(text, "2024-08-15")
    assert [m.value for m in mentions] == ["2024-08-06", "2022-02-24", "2022-02-24", "2022-02-24"]


def test_day_and_month_without_year_in_the_past_goes_back_a_year() -> None:
    assert one("Op 28 december sloeg een raket in.", "2023-01-05", "Op 28 december").value == (
        "2022-12-28"
    )


def test_years_need_a_word_that_makes_them_years() -> None:
    text = (
        "Sinds 2014 is de stad bezet. Het pakket loopt tot en met 2027. "
        "De hongersnood van 1932 en 1933 kostte miljoenen levens."
    )
    assert [(m.surface, m.value) for m in tag(text, "2024-03")] == [
        ("Sinds 2014", "2014"),
        ("tot en met 2027", "2027"),
        ("van 1932", "1932"),
        ("1933", "1933"),
    ]


def test_seasons() -> None:
    text = (
        "Afgelopen zomer namen de Russen het dorp in. In de zomer van 2023 was het nog "
        "Oekraïens. Zelensky vroeg om luchtafweer voor de komende winter."
    )
    assert one(text, "2024-10", "Afgelopen zomer").value == "2024-SU"
    assert one(text, "2024-07", "Afgelopen zomer").value == "2023-SU"  # summer not over yet
    assert interval(one(text, "2024-10", "In de zomer van 2023")) == ("2023-06-01", "2023-08-31")
    winter = one(text, "2023-10", "de komende winter")
    assert (winter.value, interval(winter)) == ("2023-WI", ("2023-12-01", "2024-02-29"))
    assert (
        one("Sinds de zomer proberen ze de stad in te nemen.", "2023-01", "Sinds de zomer").value
        == "2022-SU"
    )


def test_a_season_of_last_or_this_year_is_one_expression() -> None:
    text = "De Russen proberen het stadje sinds het voorjaar van vorig jaar in te nemen."
    spring = one(text, "2025-08-01", "sinds het voorjaar van vorig jaar")
    assert (spring.value, interval(spring)) == ("2024-SP", ("2024-03-01", "2024-05-31"))
    english = "They have held the town since the summer of this year."
    summer = one(english, "2025-10-01", "since the summer of this year", "en")
    assert (summer.value, interval(summer)) == ("2025-SU", ("2025-06-01", "2025-08-31"))


def test_the_first_or_last_week_of_a_month_is_its_first_or_last_seven_days() -> None:
    text = "Kherson, which fell in the first week of March, was retaken in November."
    assert interval(one(text, "2022-12-01", "in the first week of March", "en")) == (
        "2022-03-01",
        "2022-03-07",
    )
    dutch = "In de laatste week van augustus trokken de Russen zich terug."
    assert interval(one(dutch, "2022-09-10", "In de laatste week van augustus")) == (
        "2022-08-25",
        "2022-08-31",
    )


def test_a_day_of_last_year_is_one_expression_in_english_too() -> None:
    text = "The first Minsk agreement, signed on 5 September last year, collapsed within weeks."
    assert interval(one(text, "2015-02-12", "on 5 September last year", "en")) == (
        "2014-09-05",
        "2014-09-05",
    )


# --- anchoring on the previous expression --------------------------------------------------


def test_a_few_days_later_is_anchored_on_the_previous_expression() -> None:
    mentions = tag(
        "In februari erkende Poetin de volksrepublieken. Een paar dagen later begon de oorlog.",
        "2022-09",
    )
    february, later = mentions
    assert later.anchor == february.id == "t1"
    assert interval(later) == ("2022-02-03", "2022-03-07")


def test_later_that_year_and_chains() -> None:
    mentions = tag(
        "Sinds 2014 vormt het stadje een belangrijke plek. Het werd toen ingenomen. "
        "Later dat jaar heroverde het leger de stad.",
        "2024-10",
    )
    assert [(m.surface, m.value, m.anchor) for m in mentions] == [
        ("Sinds 2014", "2014", "document"),
        ("Later dat jaar", "2014", "t1"),
    ]
    chain = tag(
        "Het leger heeft zaterdag de stad heroverd. Een dag later volgden twee andere "
        "steden. Twee dagen later trok het leger verder.",
        "2024-10-10",
    )
    assert [(m.value, m.anchor) for m in chain] == [
        ("2024-10-05", "document"),
        ("2024-10-06", "t1"),
        ("2024-10-08", "t2"),
    ]


def test_a_day_after_a_clause_in_the_present_is_before_the_document_date() -> None:
    text = "De aanval komt een dag nadat Rusland zich terugtrok van het eiland."
    assert one(text, "2022-07-01", "een dag nadat").value == "2022-06-30"


def test_a_day_before_a_noun_phrase_is_anchored_on_the_previous_time() -> None:
    mentions = tag(
        "Woensdag reisde Zelensky naar Washington. Een dag voor zijn reis bezocht hij het front.",
        "2022-12-22",
    )
    assert [(m.value, m.anchor) for m in mentions] == [
        ("2022-12-21", "document"),
        ("2022-12-20", "t1"),
    ]


def test_windows_in_a_past_clause_lean_on_the_time_of_the_sentence() -> None:
    text = (
        "Een woordvoerder zei zondag dat de stad al een week werd aangevallen. "
        "In de stad wordt al een week gevochten."
    )
    sunday, reported, present = tag(text, "2024-10-28")
    assert sunday.value == "2024-10-27"
    assert (reported.anchor, interval(reported)) == ("t1", ("2024-10-20", "2024-10-27"))
    assert (present.anchor, interval(present)) == ("document", ("2024-10-21", "2024-10-28"))
    future = tag(
        "Stoltenberg zei woensdag dat de stad in de komende dagen kan vallen.", "2023-03-09"
    )
    assert [(m.value, m.anchor) for m in future] == [
        ("2023-03-08", "document"),
        ("FUTURE_REF", "t1"),
    ]
    assert interval(future[1]) == ("2023-03-09", "2023-03-15")


def test_start_of_the_war_is_world_knowledge_from_data() -> None:
    text = (
        "Het dorp werd in het begin van de oorlog bezet. Sinds het begin van de invasie "
        "zijn er veel doden gevallen."
    )
    begin, since = tag(text, "2023-10")
    assert interval(begin) == ("2022-02-24", "2022-04-30")
    assert interval(since) == ("2022-02-24", "2022-02-24")
    # Before 2022 "de oorlog" is the war in the Donbas.
    assert (
        one(
            "Hij vocht al in het begin van de oorlog.", "2016-05", "in het begin van de oorlog"
        ).earliest
        == "2014-04-06"
    )


def test_nth_weekday_of_a_month() -> None:
    m = one(
        "De herdenking valt op de vierde zaterdag van november.",
        "2023-11-25",
        "op de vierde zaterdag van november",
    )
    assert m.value == "2023-11-25"


# --- boilerplate and things that are not times ---------------------------------------------


def test_byline_time_is_tagged_but_never_dates_an_event() -> None:
    text = "NOS Nieuws • vandaag, 12:39\n\nVandaag begint de top in New York."
    byline, body = tag(text, "2024-10")
    assert (byline.surface, byline.dating) == ("vandaag, 12:39", False)
    assert interval(byline) == ("2024-10-01", "2024-10-31")
    assert body.dating is True


@pytest.mark.parametrize(
    "text",
    [
        "Dit kost 2,5 miljard euro.",
        "Zo'n 40 kilometer noordelijker werd gevochten.",
        "Het is de 25ste keer dat de bondgenoten overleggen.",
        "De 110de gemechaniseerde brigade hield stand.",
        "Feyenoord won met 7-1 van Sjachtar, Dnipro-1 verloor met 3-0.",
        "In 2000 huizen viel de stroom uit.",
        "Er wonen nog ongeveer 1300 van de 30.000 inwoners.",
        "Het was een koude morgen in Kyiv.",
        "'s Morgens was het rustig in de stad.",
        "Vandaag de dag is dat anders.",
        "De luchtmacht heeft er 42, en Oekraïne wil er 2027 hebben.",
        "Verwarring ontstond toen Zelensky antwoordde.",
        "De F-16 en de S-300 zijn wapens.",
    ],
)
def test_not_times(text: str) -> None:
    assert tag(text, "2023-03") == []


# --- English ------------------------------------------------------------------------------


def test_english_weekdays_by_tense_and_modifiers() -> None:
    text = (
        "Russian forces took the village on Saturday. The ministers will meet on Friday. "
        "Leaders are due to meet on Monday. Moscow announced last Friday that the town fell."
    )
    assert [m.value for m in tag(text, "2024-10-10", "en")] == [
        "2024-10-05",
        "2024-10-11",
        "2024-10-14",
        "2024-10-04",
    ]


def test_a_passive_infinitive_is_no_past_tense() -> None:
    text = (
        "Poroshenko, who won the election on May 25, is due to be sworn in on Saturday. "
        "The talks will be held in Minsk on Monday. The bridge was destroyed on Tuesday."
    )
    assert [m.value for m in tag(text, "2014-06-03", "en")] == [
        "2014-05-25",
        "2014-06-07",  # the next Saturday: "to be sworn in" is no past
        "2014-06-09",
        "2014-06-03",  # "was destroyed" is: the Tuesday on or before the date
    ]


def test_english_last_friday_is_strictly_before_the_document_date() -> None:
    m = one(
        "Moscow announced last Friday that it had taken the town.", "2025-02", "last Friday", "en"
    )
    assert interval(m) == ("2025-01-31", "2025-02-21")


def test_english_relative_periods() -> None:
    text = (
        "The general staff said last week that troops had withdrawn. Earlier this week the "
        "Kremlin denied it. In recent weeks fighting intensified. In the past week little "
        "changed."
    )
    mentions = tag(text, "2024-10-10", "en")
    assert [(m.surface, m.earliest, m.latest) for m in mentions] == [
        ("last week", "2024-09-30", "2024-10-06"),
        ("Earlier this week", "2024-10-07", "2024-10-10"),
        ("In recent weeks", "2024-08-29", "2024-10-10"),
        ("In the past week", "2024-10-03", "2024-10-10"),
    ]


def test_english_absolute_and_parts() -> None:
    text = (
        "The town fell in 2014. Later that year it was retaken. Fighting has gone on since "
        "2014. The offensive stalled in late 2023. The siege began in early March. Talks "
        "resumed in mid-June and again in mid-2023. The House passed the bill on April 20."
    )
    got = {m.surface: (m.earliest, m.latest, m.anchor) for m in tag(text, "2024-04", "en")}
    assert got["Later that year"] == ("2014-01-01", "2014-12-31", "t1")
    assert got["since 2014"][:2] == ("2014-01-01", "2014-12-31")
    assert got["in late 2023"][:2] == ("2023-09-01", "2023-12-31")
    assert got["in early March"][:2] == ("2024-03-01", "2024-03-10")
    assert got["in mid-June"][:2] == ("2023-06-11", "2023-06-20")
    assert got["in mid-2023"][:2] == ("2023-05-01", "2023-08-31")
    assert got["on April 20"][:2] == ("2024-04-20", "2024-04-20")


def test_english_ago_and_seasons() -> None:
    text = "Russia captured Avdiivka a year ago. Fighting intensified last summer."
    year_ago, summer = tag(text, "2025-02", "en")
    assert (year_ago.value, interval(year_ago)) == ("2024-02", ("2024-02-01", "2024-02-29"))
    assert summer.value == "2024-SU"
    winter = one(
        "Storage sites have calmed fears of shortages this winter.", "2022-11", "this winter", "en"
    )
    assert interval(winter) == ("2022-12-01", "2023-02-28")


def test_english_anchored_expressions() -> None:
    text = "On Thursday, Blinken visited Kyiv. On the same day, Austin met allies."
    thursday, same = tag(text, "2022-09-10", "en")
    assert (same.anchor, same.value) == (thursday.id, "2022-09-08")
    later = tag(
        "The corridor looked in jeopardy late last month. Moscow returned to the deal "
        "a few days later.",
        "2022-11",
        "en",
    )
    assert later[1].anchor == "t1"
    assert interval(later[1]) == ("2022-10-23", "2022-11-07")


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        (
            "On Tuesday drones hit a depot in Engels. The base was first struck in December "
            "2022. On the same day Russian bombs fell on Zaporizhzhia.",
            "en",
            "On the same day",
        ),
        (
            "Dinsdag troffen drones een depot in Engels. De basis werd in december 2022 voor "
            "het eerst geraakt. Diezelfde dag vielen Russische bommen op Zaporizja.",
            "nl",
            "Diezelfde dag",
        ),
    ],
)
def test_the_same_day_goes_back_to_a_day_not_to_a_month_of_background(
    text: str, lang: str, surface: str
) -> None:
    mentions = tag(text, "2025-01-08", lang)
    tuesday = mentions[0]
    same = next(m for m in mentions if m.surface == surface)
    assert (same.anchor, interval(same)) == (tuesday.id, ("2025-01-07", "2025-01-07"))


def test_english_a_day_after_a_clause() -> None:
    text = (
        "Russia's defence ministry said on Thursday that its troops had recaptured the town. "
        "The announcement came a day after President Vladimir Putin, dressed in fatigues, "
        "visited the region."
    )
    thursday, after = tag(text, "2025-03-13", "en")
    assert thursday.value == "2025-03-13"
    assert (after.value, after.anchor) == ("2025-03-12", thursday.id)


@pytest.mark.parametrize(
    "text",
    [
        "Russia may withdraw some troops.",
        "The aid package is worth a $95 billion.",
        "The 80th Air Assault Brigade held the line.",
        "A 30-day ceasefire was proposed.",
        "Some 1500 soldiers were killed.",
        "They pledged 2,000 drones.",
        "The Sunday Times reported it first.",
    ],
)
def test_english_not_times(text: str) -> None:
    assert tag(text, "2023-07", "en") == []


def test_english_may_is_a_month_with_context() -> None:
    text = "May 9 is Victory Day. In May the city fell."
    assert [m.value for m in tag(text, "2023-07", "en")] == ["2023-05-09", "2023-05"]


# --- input handling -----------------------------------------------------------------------


def test_unknown_language_gives_no_times() -> None:
    assert tag_times("Вчора росіяни обстріляли місто.", "2024-10-10", "uk") == []


def test_invalid_document_date_is_an_error() -> None:
    with pytest.raises(RecordError):
        tag_times("Gisteren viel de stad.", "2024-13-40", "nl")


def test_empty_and_numberless_text() -> None:
    assert tag_times("", "2024-10-10", "nl") == []
    assert tag_times("12 34 56 7,5 1.000.000", "2024-10-10", "nl") == []


def test_works_without_sentences() -> None:
    text = "Zaterdag ontmoette de minister zijn collega. Zaterdag ontmoet hij de president."
    assert [m.value for m in tag_times(text, "2024-10-10", "nl")] == ["2024-10-05", "2024-10-12"]


def test_ids_follow_text_order() -> None:
    mentions = tag("Gisteren en vandaag, maar ook vorige week.", "2024-10-10")
    assert [m.id for m in mentions] == ["t1", "t2", "t3"]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


# --- ranges, the future, the war as anchor, the year of the sentence ------------------------


def test_ranges_of_days() -> None:
    assert interval(one("De top duurt van 9 tot 11 juli.", "2024-07-01", "van 9 tot 11 juli")) == (
        "2024-07-09",
        "2024-07-11",
    )
    text = "NATO leaders will gather in Washington from July 9 to 11."
    m = one(text, "2024-07", "from July 9 to 11", "en")
    assert interval(m) == ("2024-07-09", "2024-07-11")


def test_from_now_on() -> None:
    text = (
        "Over twee weken komt de EU met nieuwe sancties. Binnen een week moet er een "
        "besluit liggen."
    )
    weeks, within = tag(text, "2023-02-15")
    assert interval(weeks) == ("2023-02-27", "2023-03-05")
    assert (within.value, interval(within)) == ("FUTURE_REF", ("2023-02-16", "2023-02-22"))


def test_offset_from_the_war_itself() -> None:
    m = one("Een jaar na de invasie houdt Oekraïne nog altijd stand.", "2023-03", "Een jaar na")
    assert interval(m) == ("2023-02-24", "2023-02-24")


def test_a_date_without_year_takes_the_year_written_earlier_in_the_sentence() -> None:
    text = "Russia invaded on Feb. 24, 2022, and took Kherson on the 2nd of March."
    assert [m.value for m in tag(text, "2024-10", "en")] == ["2022-02-24", "2022-03-02"]
    # Not across sentences: "in februari" here is the latest February.
    text = "Het was de grootste winst sinds maart 2022. In februari viel Avdiivka."
    assert [m.value for m in tag(text, "2024-10")] == ["2022-03", "2024-02"]


def test_this_season_in_the_future_tense_after_it_is_over() -> None:
    m = one("This spring will be decisive, officials said.", "2024-10-10", "This spring", "en")
    assert m.value == "2025-SP"
    past = one("This spring was decisive, officials said.", "2024-10-10", "This spring", "en")
    assert past.value == "2024-SP"


def test_clock_times_are_tagged_but_never_date_an_event() -> None:
    text = "Om 14.30 uur sloeg de raket in. Het pakket kost 2,50 euro per inwoner, 1.5 miljard."
    (clock,) = tag(text, "2024-10-10")
    assert (clock.surface, clock.dating, clock.value) == ("Om 14.30 uur", False, "2024-10-10")
    (english,) = tag("The missile hit at 9:15 a.m. on the square.", "2024-10", "en")
    assert (english.surface, english.dating) == ("at 9:15 a.m.", False)
