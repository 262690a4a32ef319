"""The ``events`` component on real-looking Dutch and English sentences.

Place and time mentions are given by hand (as the places and times components would give them),
so these tests exercise the event engine alone: triggers, actors, places, times, claims and
denials, negation, plans, numbers, coreference, merging and the boilerplate rule.
"""

from __future__ import annotations

import pytest

from frontwatch.events import EventExtractor
from frontwatch.records import Document, Event, PlaceMention, Span, TimeMention

# surface -> (name, feature, ISO2 country, geonameid)
GAZETTEER = {
    "Kreminna": ("Kreminna", "PPL", "UA", 704403),
    "Marinka": ("Marinka", "PPL", "UA", 701404),
    "Popasna": ("Popasna", "PPL", "UA", 696643),
    "Klishchiivka": ("Klishchiivka", "PPL", "UA", 705999),
    "Vovchansk": ("Vovchansk", "PPL", "UA", 689560),
    "Zaporizja": ("Zaporizhzhia", "PPLA", "UA", 687700),
    "Soledar": ("Soledar", "PPL", "UA", 692261),
    "Hroza": ("Hroza", "PPL", "UA", 707000),
    "Charkiv": ("Kharkiv Oblast", "ADM1", "UA", 706482),
    "Vuhledar": ("Vuhledar", "PPLA3", "UA", 690823),
    "Krasnohorivka": ("Krasnohorivka", "PPL", "UA", 704226),
    "Tsjasiv Jar": ("Chasiv Yar", "PPL", "UA", 711390),
    "Oekraïne": ("Ukraine", "PCLI", "UA", 690791),
    "Ukraine": ("Ukraine", "PCLI", "UA", 690791),
    "Rusland": ("Russia", "PCLI", "RU", 2017370),
    "Europe": ("Europe", "CONT", None, 6255148),
    "Chicago": ("Chicago", "PPL", "US", 4887398),
    "Donetsk": ("Donetsk Oblast", "ADM1", "UA", 709716),
    "Pokrovsk": ("Pokrovsk", "PPL", "UA", 704422),
    "Kupiansk": ("Kupiansk", "PPLA3", "UA", 703656),
    "Kyiv": ("Kyiv", "PPLC", "UA", 703448),
    "Lyman": ("Lyman", "PPL", "UA", 702320),
    "Siversk": ("Siversk", "PPL", "UA", 693163),
    "Bilohorivka": ("Bilohorivka", "PPL", "UA", 711660),
    "Lysychansk": ("Lysychansk", "PPL", "UA", 702972),
}


def make_doc(
    text: str,
    lang: str,
    date: str = "2024-10-16",
    *,
    times: dict[str, tuple[str, str]] | None = None,
    kinds: list[str] | None = None,
) -> Document:
    """A document whose sentences are its lines, with the gazetteer's places marked."""
    doc = Document(text=text, date=date, lang=lang)
    offset = 0
    for k, line in enumerate(text.split("\n")):
        if line.strip():
            kind = kinds[k] if kinds else "sentence"
            doc.sentences.append(Span(offset, offset + len(line), kind))
        offset += len(line) + 1
    for surface, (name, feature, country, gid) in GAZETTEER.items():
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if (start == 0 or not text[start - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            ):
                doc.places.append(
                    PlaceMention(
                        start, end, surface, gid, name, feature, None, country, None, None, 0.9
                    )
                )
            start = text.find(surface, end)
    doc.places.sort(key=lambda p: p.start)
    for n, (surface, (earliest, latest)) in enumerate((times or {}).items()):
        start = text.index(surface)
        doc.times.append(
            TimeMention(
                start,
                start + len(surface),
                surface,
                earliest[:7],
                earliest,
                latest,
                "day" if earliest == latest else "month",
                id=f"t{n}",
            )
        )
    return doc


def extract(text: str, lang: str, **kwargs) -> list[Event]:
    return EventExtractor()(make_doc(text, lang, **kwargs)).events


def only(events: list[Event], etype: str) -> list[Event]:
    return [e for e in events if e.type == etype]


# -- territory -------------------------------------------------------------------------------


def test_passive_with_agent_gives_the_agent_as_actor_and_the_clause_time():
    events = extract(
        "Het stadje Kreminna werd vorige maand ingenomen door de Russen.",
        "nl",
        times={"vorige maand": ("2024-09-01", "2024-09-30")},
    )
    [e] = only(events, "territory.capture")
    assert e.actor.country == "RUS" and e.actor.role == "military"
    assert e.target.country == "UKR"
    assert e.place.name == "Kreminna"
    assert (e.time.earliest, e.time.latest) == ("2024-09-01", "2024-09-30")
    assert e.status == "reported" and e.modality == "asserted"


def test_separable_reflexive_verb_is_a_withdrawal_of_its_subject():
    events = extract(
        "Gisteren trok het Oekraïense leger zich terug uit Marinka.",
        "nl",
        times={"Gisteren": ("2024-10-15", "2024-10-15")},
    )
    [e] = only(events, "territory.withdrawal")
    assert e.actor.country == "UKR"
    assert e.place.name == "Marinka"
    assert e.time.earliest == "2024-10-15"


def test_separable_capture_with_particle_at_clause_end():
    [e] = only(extract("Rusland nam Popasna in mei in.", "nl"), "territory.capture")
    assert e.actor.country == "RUS" and e.place.name == "Popasna"


def test_particle_that_is_a_preposition_does_not_make_a_capture():
    events = extract("Het Russische leger nam deel aan oefeningen in Rusland.", "nl")
    assert only(events, "territory.capture") == []


def test_claim_and_its_denial_are_two_events_with_their_claimants():
    text = (
        "Het Russische ministerie van Defensie zegt dat het dorp Klishchiivka is ingenomen, "
        "maar Kyiv ontkent dat."
    )
    captures = only(extract(text, "nl"), "territory.capture")
    assert len(captures) == 2
    claim = next(e for e in captures if e.status == "claimed")
    denial = next(e for e in captures if e.status == "denied")
    assert claim.claimant.country == "RUS" and claim.claimant.role == "government"
    assert claim.actor.country == "RUS"  # a party announcing a capture announces its own gain
    assert denial.claimant.country == "UKR"
    assert denial.actor.country == "RUS" and denial.place.name == "Klishchiivka"


def test_volgens_makes_a_claim():
    [e] = only(
        extract("Volgens de Oekraïense generale staf heroverden Oekraïense troepen Lyman.", "nl"),
        "territory.capture",
    )
    assert e.status == "claimed" and e.claimant.country == "UKR"
    assert e.actor.country == "UKR"


def test_not_yet_taken_is_negated():
    [e] = only(
        extract("Het Russische leger heeft Vovchansk nog niet ingenomen.", "nl"),
        "territory.capture",
    )
    assert e.modality == "negated" and e.actor.country == "RUS"


def test_trying_to_take_is_an_advance():
    events = extract("Russische troepen proberen al maanden Tsjasiv Jar in te nemen.", "nl")
    assert only(events, "territory.capture") == []
    [e] = only(events, "territory.advance")
    assert e.actor.country == "RUS" and e.place.name == "Chasiv Yar"


def test_coordinated_places_give_one_event_each_and_locators_none():
    text = (
        "Het ministerie meldt dat de dorpen Popasna en Soledar, ten noorden van Pokrovsk, "
        "zijn bevrijd."
    )
    names = sorted(e.place.name for e in only(extract(text, "nl"), "territory.capture"))
    assert names == ["Popasna", "Soledar"]


def test_anaphoric_town_refers_to_the_place_in_focus():
    text = (
        "Vorige week trok het Oekraïense leger zich terug uit Soledar.\n"
        "Door de inname van het stadje ligt de weg naar Siversk open."
    )
    events = extract(text, "nl")
    capture = only(events, "territory.capture")
    assert [e.place.name for e in capture] == ["Soledar"]
    # the other side of the withdrawal took it
    assert capture[0].actor.country == "RUS"


def test_a_village_named_in_the_next_sentence():
    text = (
        "Oekraïense troepen hebben een dorp in de regio Charkiv heroverd.\n"
        "Volgens de gouverneur gaat het om Hroza."
    )
    [e] = only(extract(text, "nl"), "territory.capture")
    assert e.place.name == "Hroza" and e.actor.country == "UKR"
    assert len(e.evidence) == 2


def test_headline_repeating_the_lede_is_one_event_with_both_spans():
    text = "Russen nemen Vuhledar in\nRussische troepen hebben het mijnstadje Vuhledar ingenomen."
    events = extract(text, "nl", kinds=["heading", "sentence"])
    [e] = only(events, "territory.capture")
    assert [ev.text for ev in e.evidence] == text.split("\n")


def test_english_capture_claimed_by_ministry():
    text = (
        "Russian forces captured the village of Krasnohorivka on Tuesday, "
        "the Russian defence ministry said."
    )
    [e] = only(
        extract(text, "en", times={"on Tuesday": ("2024-10-15", "2024-10-15")}), "territory.capture"
    )
    assert e.actor.country == "RUS"
    assert e.status == "claimed" and e.claimant.country == "RUS"
    assert e.time.earliest == "2024-10-15"


def test_english_own_withdrawal_reported_by_that_side_is_confirmed():
    text = "Ukraine's armed forces said they had pulled out of Vuhledar to avoid encirclement."
    [e] = only(extract(text, "en"), "territory.withdrawal")
    assert e.actor.country == "UKR" and e.status == "confirmed"


def test_english_fell_to_gives_the_actor():
    [e] = only(extract("Lyman fell to Russian forces in May.", "en"), "territory.capture")
    assert e.actor.country == "RUS" and e.place.name == "Lyman"


def test_english_relative_clause_takes_its_antecedent():
    text = "Kupiansk, which Russia took in the first week of the war, is a railway hub."
    [e] = only(extract(text, "en"), "territory.capture")
    assert e.place.name == "Kupiansk" and e.actor.country == "RUS"


# -- traps -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Their song captured the hearts of viewers across Europe.", "en"),
        ("Wheat futures in Chicago retreated after the announcement.", "en"),
        ("The UN General Assembly demanded that Russia withdraw its troops from Ukraine.", "en"),
        ("Poetin wil een staakt-het-vuren als Oekraïne zijn troepen terugtrekt uit Donetsk.", "nl"),
        ("De strijd was voor rust al beslist.", "nl"),
        ("Het is moeilijk vast te stellen welk deel van Pokrovsk is ingenomen.", "nl"),
        ("Inwoners werden opgeroepen Kupiansk te verlaten.", "nl"),
    ],
)
def test_traps_yield_no_territorial_or_combat_event(text: str, lang: str):
    events = extract(text, lang)
    assert [e for e in events if e.type.startswith("territory.") or e.type == "combat"] == []


def test_boilerplate_never_yields_events():
    text = (
        "AFP Russische troepen nemen Vuhledar in\n"
        "Buitenland • vandaag, 12:39\n"
        "Lees ook: Oekraïne trekt zich terug uit Vuhledar"
    )
    events = extract(text, "nl", kinds=["caption", "byline", "link"])
    assert events == []


# -- other types, modality, numbers ----------------------------------------------------------


def test_fatalities_from_number_words_and_vague_injured_stay_null():
    text = (
        "Bij een Russische raketaanval op Zaporizja zijn zeven mensen om het leven gekomen.\n"
        "Tientallen mensen raakten gewond."
    )
    [e] = only(extract(text, "nl"), "strike")
    assert e.actor.country == "RUS" and e.place.name == "Zaporizhzhia"
    assert e.fatalities == 7
    assert e.injured is None


def test_injured_in_the_following_sentence_belongs_to_the_attack():
    text = (
        "Bij een raketaanval op Kupiansk zijn zeker 51 mensen om het leven gekomen.\n"
        "Zes mensen raakten gewond."
    )
    [e] = only(extract(text, "nl"), "strike")
    assert (e.fatalities, e.injured) == (51, 6)


def test_english_at_least_killed():
    text = "At least 12 people were killed when a Russian missile hit an apartment block in Kyiv."
    [e] = only(extract(text, "en"), "strike")
    assert e.fatalities == 12 and e.actor.country == "RUS"


def test_amount_with_decimal_comma_and_scale_word():
    text = "Dit jaar ging er al omgerekend 2,6 miljard euro aan Duitse steun naar Oekraïne."
    [e] = only(extract(text, "nl"), "aid")
    assert e.amount.value == pytest.approx(2.6e9) and e.amount.currency == "EUR"
    assert e.actor.country == "DEU"


def test_english_dollar_amount():
    text = "The United States announced $400 million in military aid for Ukraine on Friday."
    [e] = only(extract(text, "en"), "aid")
    assert e.amount.value == pytest.approx(4e8) and e.amount.currency == "USD"
    assert e.actor.country == "USA" and e.target.country == "UKR"


def test_going_to_deliver_is_planned():
    [e] = only(extract("Nederland gaat F-16's aan Oekraïne leveren.", "nl"), "aid")
    assert e.modality == "planned" and e.actor.country == "NLD"


def test_future_time_makes_a_meeting_planned():
    text = "Zaterdag ontmoet de Oekraïense president Zelensky regeringsleiders in Kyiv."
    [e] = only(extract(text, "nl", times={"Zaterdag": ("2024-10-19", "2024-10-19")}), "diplomacy")
    assert e.modality == "planned" and e.actor.country == "UKR"


def test_event_without_time_gets_the_document_date():
    doc = make_doc("Russische troepen hebben Popasna ingenomen.", "nl", date="2022-05")
    [e] = EventExtractor()(doc).events
    assert e.time.anchor == "document"
    assert (e.time.earliest, e.time.latest) == ("2022-05-01", "2022-05-31")
    assert e.event_id == f"{doc.doc_id}:1"
    assert e.evidence[0].text == doc.text
    assert e.rule.startswith("capture.")
    assert 0 < e.confidence <= 1


# -- robustness ------------------------------------------------------------------------------


def test_language_without_lexicon_and_empty_documents_give_no_events():
    assert extract("Российские войска взяли Попасну.", "ru") == []
    assert EventExtractor()(Document(text="", date="2024-01-01", lang="nl")).events == []
    doc = Document(text="Russische troepen namen Popasna in.", date="2024-01-01", lang=None)
    assert EventExtractor()(doc).events == []


def test_sides_must_be_two():
    with pytest.raises(ValueError):
        EventExtractor(sides=["RUS"])
