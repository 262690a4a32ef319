"""Time expressions that take their time from the story told before them.

A month "of that year", "sindsdien"/"since then", an offset in a story the report looks back
on: each is resolved against the earlier expression it continues, not against the document.
"""

from __future__ import annotations

import pytest

from time_helpers import interval, one, tag

# --- a month, a day or a season of the year named before ---------------------------------


def test_a_month_of_that_year_is_in_the_year_named_before() -> None:
    text = (
        "Kramatorsk was in het voorjaar van 2014 korte tijd in handen van separatisten; in "
        "juli dat jaar heroverde het leger de stad."
    )
    spring, july = tag(text, "2023-06-28")
    assert (spring.value, interval(spring)) == ("2014-SP", ("2014-03-01", "2014-05-31"))
    assert (july.surface, july.value, july.anchor) == ("in juli dat jaar", "2014-07", spring.id)
    assert interval(july) == ("2014-07-01", "2014-07-31")


def test_a_day_or_season_of_the_same_year() -> None:
    text = (
        "De separatisten riepen in 2014 de volksrepubliek uit. Op 5 augustus van datzelfde "
        "jaar begon het beleg. In de winter van dat jaar werd een bestand gesloten."
    )
    assert one(text, "2024-02-10", "Op 5 augustus van datzelfde jaar").value == "2014-08-05"
    winter = one(text, "2024-02-10", "In de winter van dat jaar")
    assert interval(winter) == ("2014-12-01", "2015-02-28")


def test_english_month_and_season_of_that_year() -> None:
    text = (
        "Russia annexed Crimea in March 2014. In July that year, Ukrainian forces retook "
        "Sloviansk, and in the autumn of that year the front froze."
    )
    july = one(text, "2024-03-18", "In July that year", "en")
    assert (july.value, july.anchor) == ("2014-07", "t1")
    autumn = one(text, "2024-03-18", "in the autumn of that year", "en")
    assert interval(autumn) == ("2014-09-01", "2014-11-30")


def test_a_month_of_that_year_without_an_earlier_year_follows_the_tense() -> None:
    m = one("In juli dat jaar werd de stad heroverd.", "2023-10-05", "In juli dat jaar")
    assert m.value == "2023-07"


# --- "sindsdien", "since then": from the time named before up to now ---------------------


def test_since_then_runs_from_the_previous_expression_to_the_document_date() -> None:
    text = (
        "Rusland trok zich in september 2022 uit Koepjansk terug en probeert de stad "
        "sindsdien te heroveren."
    )
    september, since = tag(text, "2025-11")
    assert (since.surface, since.value, since.anchor) == ("sindsdien", "PAST_REF", september.id)
    assert interval(since) == ("2022-09-01", "2025-11-30")
    assert since.granularity == "month"


def test_since_then_in_a_later_sentence_and_in_english() -> None:
    text = (
        "Vorige week kondigde Poetin een mobilisatie aan. Sindsdien zijn tienduizenden "
        "mannen het land ontvlucht."
    )
    assert interval(one(text, "2022-09-28", "Sindsdien")) == ("2022-09-19", "2022-09-28")
    english = (
        "Russian troops withdrew from Kherson on 11 November 2022. Since then the city has "
        "been shelled almost daily."
    )
    m = one(english, "2023-05-04", "Since then", "en")
    assert (m.value, interval(m)) == ("PAST_REF", ("2022-11-11", "2023-05-04"))


def test_since_then_without_an_earlier_time_is_not_a_time() -> None:
    assert tag("Sindsdien is het rustig in de stad.", "2024-01-10") == []
    assert tag("Since then the front has barely moved.", "2024-01-10", "en") == []


# --- a story the report looks back on ------------------------------------------------------


def test_an_offset_continues_the_story_not_the_reports_today() -> None:
    text = (
        "Oekraïne herdenkt vandaag dat op 26 april 1986 een reactor van de kerncentrale van "
        "Tsjornobyl ontplofte. De inwoners van Prypjat werden een dag later geëvacueerd."
    )
    mentions = tag(text, "2021-04-26")
    later = one(text, "2021-04-26", "een dag later")
    assert (later.value, later.anchor) == ("1986-04-27", mentions[1].id)


def test_an_offset_after_todays_news_in_the_past_still_counts_from_today() -> None:
    # "vandaag" in a past-tense clause is the story's own moment.
    text = (
        "Het leger heroverde vandaag het dorp, dat in 2014 was bezet. Een dag later volgde "
        "de volgende aanval."
    )
    assert one(text, "2024-10-10", "Een dag later").value == "2024-10-11"


# --- deadlines and spans that went before the event ---------------------------------------


def test_before_the_end_of_the_year_is_a_deadline_from_now() -> None:
    text = "Ze spraken af dat voor het einde van het jaar alle gevangenen worden uitgewisseld."
    m = one(text, "2019-12-10", "voor het einde van het jaar")
    assert (m.value, interval(m)) == ("2019", ("2019-12-10", "2019-12-31"))
    english = "They agreed to exchange all prisoners by the end of the year."
    m = one(english, "2019-05-02", "by the end of the year", "en")
    assert interval(m) == ("2019-05-02", "2019-12-31")
    # Without a deadline word the end of the year is its last third.
    text = "Aan het einde van het jaar moet de brug klaar zijn."
    plain = one(text, "2020-02-01", "Aan het einde van het jaar")
    assert interval(plain) == ("2020-09-01", "2020-12-31")


def test_after_days_of_fighting_is_the_span_up_to_the_clause() -> None:
    text = (
        "Russian forces have failed to break through around Avdiivka after three days of "
        "assaults, Ukrainian officials said on Friday."
    )
    m = one(text, "2023-10-13", "after three days", "en")
    assert (m.value, interval(m), m.dating) == ("PAST_REF", ("2023-10-10", "2023-10-13"), False)
    dutch = "De val van de stad volgt op weken van beschietingen."
    assert interval(one(dutch, "2022-04-01", "op weken")) == ("2022-02-18", "2022-04-01")


def test_after_weeks_of_fighting_right_after_a_time_adds_no_time() -> None:
    text = "Izium, which Russia took in April after weeks of fighting, was its main base."
    assert [m.surface for m in tag(text, "2022-09-10", "en")] == ["in April"]
    dutch = "Izjoem, dat de Russen in het voorjaar na weken van gevechten innamen, is bevrijd."
    assert [m.surface for m in tag(dutch, "2022-09-10")] == ["in het voorjaar"]


def test_the_years_of_a_range_are_years() -> None:
    text = "Het geld wordt verdeeld over de jaren 2023 tot en met 2027."
    assert [(m.value, m.surface) for m in tag(text, "2023-02")] == [
        ("2023", "jaren 2023"),
        ("2027", "tot en met 2027"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "surface", "expected"),
    [
        # The commas of a list of names close no clause: the weekday is in the clause of the
        # past verb before the list, so it is last Thursday (document: Friday 25 February).
        (
            "Russische troepen trokken de regio's Tsjernihiv, Soemy, Charkiv en Loehansk "
            "op donderdag binnen, meldde de grenswacht.",
            "nl",
            "op donderdag",
            "2022-02-24",
        ),
        (
            "Russian troops crossed into the Chernihiv, Sumy, Kharkiv and Luhansk regions on "
            "Thursday and advanced from Crimea, the border guard service said.",
            "en",
            "on Thursday",
            "2022-02-24",
        ),
        (
            "On Tuesday the prime ministers of Poland, the Czech Republic and Slovenia "
            "travelled to Kyiv by train.",
            "en",
            "On Tuesday",
            "2022-02-22",
        ),
    ],
)
def test_a_list_of_names_does_not_cut_the_clause_of_its_verb(
    text: str, lang: str, surface: str, expected: str
) -> None:
    assert interval(one(text, "2022-02-25", surface, lang)) == (expected, expected)


def test_a_comma_before_a_new_clause_still_closes_the_clause() -> None:
    # "Kyiv, where ... will" is no list: the future clause keeps its own tense.
    text = "Zelensky sprak in Kyiv, waar de leiders op dinsdag zullen vergaderen."
    assert interval(one(text, "2022-02-25", "op dinsdag")) == ("2022-03-01", "2022-03-01")


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        (
            "Rusland vuurde 479 drones af, het grootste aantal in één nacht sinds het begin "
            "van de oorlog.",
            "nl",
            "sinds het begin van de oorlog",
        ),
        (
            "Het zou de eerste keer zijn sinds het begin van de invasie dat Russische "
            "grondtroepen in die regio vechten.",
            "nl",
            "sinds het begin van de invasie",
        ),
        ("It was the largest attack on the capital since 2022.", "en", "since 2022"),
        (
            "Russische tanks zijn de regio Dnipropetrovsk binnengetrokken, voor het eerst sinds "
            "het begin van de oorlog.",
            "nl",
            "sinds het begin van de oorlog",
        ),
        (
            "Russian tanks entered the Dnipropetrovsk region, for the first time since the start "
            "of the war.",
            "en",
            "since the start of the war",
        ),
    ],
)
def test_since_after_a_superlative_is_a_baseline_not_a_time_of_the_event(
    text: str, lang: str, surface: str
) -> None:
    assert one(text, "2025-06-10", surface, lang).dating is False


def test_since_without_a_comparison_dates_the_state() -> None:
    assert one("Russia has held the town since 2022.", "2025-06-10", "since 2022", "en").dating


def test_a_date_days_ahead_in_a_past_clause_is_what_was_agreed_this_year() -> None:
    text = (
        "The leaders agreed in Minsk on Thursday on a ceasefire in eastern Ukraine from "
        "15 February."
    )
    assert interval(one(text, "2015-02-12", "from 15 February", "en")) == (
        "2015-02-15",
        "2015-02-15",
    )
    # "agreed" is a past form ("-eed" is otherwise no regular past): Thursday is the 12th
    assert interval(one(text, "2015-02-13", "on Thursday", "en")) == ("2015-02-12", "2015-02-12")


def test_a_date_weeks_ahead_in_a_past_clause_is_what_was_announced_this_year() -> None:
    text = "On Monday the Kremlin announced a three-day truce from 9 May."
    assert interval(one(text, "2023-04-20", "from 9 May", "en")) == ("2023-05-09", "2023-05-09")
    text = "The rebel assembly scheduled an election for the post on November 11."
    assert interval(one(text, "2018-09-30", "on November 11", "en")) == (
        "2018-11-11",
        "2018-11-11",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Het verlies van Lyman, waaruit de Russische troepen zich zaterdag terugtrokken.",
        "Het dorp, dat het leger zaterdag innam, ligt aan de rivier.",
    ],
)
def test_a_separable_verb_joined_to_its_past_form_is_past(text: str) -> None:
    # 4 October 2022 is a Tuesday: the Saturday before it
    assert interval(one(text, "2022-10-04", "zaterdag", "nl")) == ("2022-10-01", "2022-10-01")


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        ("Witkoff met Putin in Moscow for the fourth time this year.", "en", "this year"),
        ("Kyiv werd gisteren voor de derde keer deze maand aangevallen.", "nl", "deze maand"),
    ],
)
def test_the_period_occasions_are_counted_in_dates_nothing(
    text: str, lang: str, surface: str
) -> None:
    assert one(text, "2025-04-28", surface, lang).dating is False


def test_a_day_after_the_first_time_still_dates_the_event() -> None:
    text = "Zelensky and Putin met for the first time on Monday at a summit in Paris."
    assert one(text, "2019-12-10", "on Monday", "en").dating is True


def test_a_date_months_ahead_in_a_past_clause_is_last_years() -> None:
    text = "Russian troops entered the town on 15 May."
    assert interval(one(text, "2015-02-12", "on 15 May", "en")) == ("2014-05-15", "2014-05-15")
