"""The ``events`` component on real-looking Dutch and English sentences.

Place and time mentions are given by hand (as the places and times components would give them),
so these tests exercise the event engine alone: triggers, actors, places, times, claims and
denials, negation, plans, numbers, coreference, merging and the boilerplate rule.
"""

from __future__ import annotations

import pytest

from frontwatch.events import EventExtractor
from frontwatch.events.countries import holder_of_place
from frontwatch.records import Document, Event, PlaceMention, Span, TimeMention

VIOLENT_TYPES = ("combat", "strike")

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
    "Russia": ("Russia", "PCLI", "RU", 2017370),
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
    "Soedzja": ("Sudzha", "PPL", "RU", 486816),
    "Sudzha": ("Sudzha", "PPL", "RU", 486816),
    "Bachmoet": ("Bakhmut", "PPLA3", "UA", 713174),
    "Bakhmut": ("Bakhmut", "PPLA3", "UA", 713174),
    "Kryvyi Rih": ("Kryvyi Rih", "PPLA2", "UA", 703845),
    "Dnipro": ("Dnipro", "PPLA", "UA", 709930),
    "Lutsk": ("Lutsk", "PPLA", "UA", 702569),
    "Melitopol": ("Melitopol", "PPLA2", "UA", 701404),
    "Robotyne": ("Robotyne", "PPL", "UA", 695586),
    "Levadne": ("Levadne", "PPL", "UA", 698643),
    "Lobkove": ("Lobkove", "PPL", "UA", 702891),
    "Moscow": ("Moscow", "PPLC", "RU", 524901),
    "Crimea": ("Crimea", "ADM1", "UA", 703883),
    "Krim": ("Crimea", "ADM1", "UA", 703883),
    "Chernobyl": ("Chornobyl Nuclear Power Plant", "PS", "UA", 7289548),
    "Hostomel": ("Hostomel Airport", "AIRP", "UA", 6300961),
    "Mariupol": ("Mariupol", "PPLA2", "UA", 701822),
    "Anchorage": ("Anchorage", "PPLA2", "US", 5879400),
    "Krynky": ("Krynky", "PPL", "UA", 703861),
    "Chernihiv": ("Chernihiv", "PPLA", "UA", 710735),
    "Zaporizhzhia": ("Zaporizhzhia Nuclear Power Plant", "PS", "UA", 11839420),
    "Volnovacha": ("Volnovakha", "PPLA2", "UA", 689198),
    "Marioepol": ("Mariupol", "PPLA2", "UA", 701822),
    "Avdiivka": ("Avdiivka", "PPLA3", "UA", 713259),
    "Horlivka": ("Horlivka", "PPLA2", "UA", 707753),
    "Debaltseve": ("Debaltseve", "PPLA3", "UA", 710229),
    "Luhansk": ("Luhansk", "PPLA", "UA", 702658),
    "Kramatorsk": ("Kramatorsk", "PPLA2", "UA", 704508),
    "Vienna": ("Vienna", "PPLC", "AT", 2761369),
    "Kherson": ("Kherson", "PPLA", "UA", 706448),
    "Loegansk": ("Luhansk Oblast", "ADM1", "UA", 702657),
    "Kucheriv Yar": ("Kucheriv Yar", "PPL", "UA", 704005),
    "Snake Island": ("Ostriv Zmiyinyy", "ISL", "UA", 686930),
    "Kstovo": ("Kstovo", "PPL", "RU", 540103),
    "Brussels": ("Brussels", "PPLC", "BE", 2800866),
    "Druzhkivka": ("Druzhkivka", "PPLA3", "UA", 616743),
    "Bryansk": ("Bryansk Oblast", "ADM1", "RU", 571473),
    "Belgorod": ("Belgorod", "PPLA", "RU", 578072),
    "Engels": ("Engels", "PPL", "RU", 563464),
    "Saratov": ("Saratov Oblast", "ADM1", "RU", 498671),
    "Morozovsk": ("Morozovsk", "PPL", "RU", 525404),
    "Rostov": ("Rostov Oblast", "ADM1", "RU", 501165),
    "Synkivka": ("Synkivka", "PPL", "UA", 692854),
    "Kharkiv": ("Kharkiv Oblast", "ADM1", "UA", 706482),
    "Trostianets": ("Trostianets", "PPL", "UA", 691999),
    "Sumy": ("Sumy Oblast", "ADM1", "UA", 692196),
    "Vysokopillia": ("Vysokopillia", "PPL", "UA", 688689),
    "Cherson": ("Kherson Oblast", "ADM1", "UA", 706442),
    "Koersk": ("Kursk Oblast", "ADM1", "RU", 538555),
    "Ilovaisk": ("Ilovaisk", "PPLA3", "UA", 707679),
    "Wroclaw": ("Wrocław", "PPLA", "PL", 3081368),
    "Riyadh": ("Riyadh", "PPLC", "SA", 108410),
    "Przewodow": ("Przewodów", "PPL", "PL", 3086163),
    "Simferopol": ("Simferopol", "PPLA", "UA", 693805),
    "Bucha": ("Bucha", "PPL", "UA", 711350),
    "Irpin": ("Irpin", "PPLA3", "UA", 707565),
    "Borodianka": ("Borodianka", "PPL", "UA", 711230),
    "Alupka": ("Alupka", "PPL", "UA", 713514),
    "Sevastopol": ("Sevastopol", "PPLA", "UA", 694423),
    "Crimean Bridge": ("Crimean Bridge", "BDG", "UA", 11876420),
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


def test_a_headline_naming_the_town_in_the_ledes_region_gives_the_town():
    text = (
        "Twaalf militairen gedood bij aanval op controlepost bij Volnovacha\n"
        "Bij een aanval op een controlepost in de regio Donetsk zijn vanochtend twaalf "
        "militairen om het leven gekomen."
    )
    doc = make_doc(text, "nl", kinds=["heading", "sentence"])
    for place in doc.places:  # the gazetteer knows the oblast the town lies in
        if place.name == "Volnovakha":
            place.admin1 = "Donetsk"
    [e] = only(EventExtractor()(doc).events, "combat")
    assert (e.place.name, e.fatalities, len(e.evidence)) == ("Volnovakha", 12, 2)


@pytest.mark.parametrize(
    ("text", "lang", "etype"),
    [
        (
            "Separatisten zijn woensdag met tanks en artillerie een aanval begonnen op Marinka.",
            "nl",
            "combat",
        ),
        (
            "Separatisten zijn woensdag met artillerie een aanval begonnen op Marinka.",
            "nl",
            "strike",
        ),
        ("The rebels launched an attack with tanks and artillery on Marinka.", "en", "combat"),
        ("The rebels launched an artillery attack on Marinka.", "en", "strike"),
    ],
)
def test_an_attack_with_tanks_is_an_assault_even_with_artillery(text, lang, etype):
    events = extract(text, lang, date="2015-06-03")
    assert [e.type for e in events if e.type in ("combat", "strike")] == [etype]


def test_a_relative_clause_without_that_has_the_noun_before_it_as_object():
    # English leaves out "that" before a subject: "the largest town Ukraine seized" is a
    # clause of its own, about the town, beside the entry of the main clause
    text = "Russian units entered Vovchansk, the largest town Ukraine seized last year."
    events = extract(
        text, "en", date="2025-03-12", times={"last year": ("2024-01-01", "2024-12-31")}
    )
    [capture] = only(events, "territory.capture")
    assert (capture.actor.country, capture.place.name) == ("UKR", "Vovchansk")
    [advance] = only(events, "territory.advance")
    assert advance.actor.country == "RUS"
    # a town's or region's own name after its noun is a place, not a subject (only a
    # state's name is none: "the town Ukraine")
    text = "Volgens de gouverneur is de hele regio Kyiv bevrijd."
    _, analysed = EventExtractor().analyse(make_doc(text, "nl"))
    kyiv = text.index("Kyiv")
    assert not [a for a in analysed[0].actors if analysed[0].tokens[a.i].start == kyiv]


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


# -- rules added for clause structure and actors ---------------------------------------------


def test_agent_of_the_first_participle_does_not_reach_the_coordinated_one():
    text = (
        "Het dorp Hroza werd in maart bezet door het Russische leger en in september, "
        "tijdens het Oekraïense tegenoffensief, heroverd."
    )
    events = only(
        extract(
            text,
            "nl",
            times={
                "in maart": ("2022-03-01", "2022-03-31"),
                "in september": ("2022-09-01", "2022-09-30"),
            },
        ),
        "territory.capture",
    )
    by_time = {e.time.earliest: e.actor.country for e in events}
    assert by_time == {"2022-03-01": "RUS", "2022-09-01": "UKR"}


def test_coordinated_complement_clause_has_its_own_subject():
    text = (
        "Het Oekraïense leger zegt de volledige controle te hebben over Soedzja.\n"
        "Generaal Syrsky meldde dat het stadje is gezuiverd van Russische troepen en dat er "
        "een militair commandantenkantoor is ingericht."
    )
    events = only(extract(text, "nl"), "territory.capture")
    assert events and all(e.actor.country == "UKR" for e in events)
    assert {e.place.name for e in events} == {"Sudzha"}


def test_a_name_after_a_claimed_capture_noun_is_not_its_actor():
    text = "Wagner claimt verovering Bachmoet, Kyiv: 'gevechten gaan door'"
    [e] = only(extract(text, "nl"), "territory.capture")
    assert e.actor.country == "RUS" and e.status == "claimed"
    assert e.claimant.name == "Wagner Group"


def test_demonstrative_pronoun_object_stands_for_the_coordinated_places_before():
    text = (
        "In 2023 heroverde Oekraïne de dorpen Popasna en Soledar.\n"
        "Afgelopen zomer namen de Russen die weer in."
    )
    events = only(
        extract(text, "nl", times={"Afgelopen zomer": ("2024-06-01", "2024-08-31")}),
        "territory.capture",
    )
    russian = sorted(e.place.name for e in events if e.actor.country == "RUS")
    assert russian == ["Popasna", "Soledar"]
    assert all(e.time.earliest == "2024-06-01" for e in events if e.actor.country == "RUS")


def test_demonstrative_determiner_with_a_noun_is_not_a_pronoun_object():
    text = "Het stadje Popasna ligt in het oosten.\nVorige maand namen de Russen die stad in."
    [e] = only(extract(text, "nl"), "territory.capture")
    assert e.place.name == "Popasna" and e.actor.country == "RUS"


def test_lexicon_actor_spanning_a_proxy_marker_is_the_actor():
    text = "Kupiansk lies north of Lyman, which Russia-backed forces have held since 2014."
    [e] = only(
        extract(text, "en", times={"since 2014": ("2014-01-01", "2014-12-31")}), "territory.capture"
    )
    assert e.place.name == "Lyman"
    assert (e.actor.country, e.actor.role) == ("RUS", "proxy")


def test_reduced_passive_relative_with_agent_is_a_capture_by_the_agent():
    text = (
        "Russian troops recaptured Sudzha, the largest town seized by Ukraine in its "
        "surprise cross-border offensive last August."
    )
    events = extract(
        text,
        "en",
        date="2025-03-13",
        times={"last August": ("2024-08-01", "2024-08-31")},
    )
    captures = {(e.actor.country, e.time.earliest) for e in only(events, "territory.capture")}
    assert ("UKR", "2024-08-01") in captures
    assert any(actor == "RUS" for actor, _ in captures)
    # the offensive frames the seizure: it is not a fight of its own
    assert only(events, "combat") == []


def test_capture_without_actor_is_presumed_by_the_side_not_holding_the_place():
    text = "Sinds de verovering van Pokrovsk in februari is het front verder opgeschoven."
    [e] = only(extract(text, "nl"), "territory.capture")
    assert e.place.name == "Pokrovsk" and e.actor.country == "RUS"
    assert "actor:presumed" in e.rule


def test_recapture_without_actor_is_not_presumed_by_the_other_side():
    text = "Sinds de herovering van Kupiansk in september is het rustiger."
    events = only(extract(text, "nl"), "territory.capture")
    assert all(e.actor.country != "RUS" for e in events)


def test_nominal_advance_does_not_take_the_place_of_the_next_trigger():
    text = "The swift advance follows the recapture of Kupiansk earlier this week."
    events = extract(text, "en")
    assert only(events, "territory.advance") == []


def test_time_phrase_before_a_combat_noun_is_no_prepositional_phrase():
    text = "Rond Kreminna voert Oekraïne sinds eind augustus een tegenoffensief."
    [e] = only(
        extract(
            text, "nl", date="2022-09", times={"sinds eind augustus": ("2022-08-21", "2022-08-31")}
        ),
        "combat",
    )
    assert e.actor.country == "UKR" and e.place.name == "Kreminna"


def test_since_dates_a_stative_participle():
    text = "De vlag hangt weer in Kupiansk, dat sinds maart bezet was."
    [e] = only(
        extract(text, "nl", date="2022-09", times={"sinds maart": ("2022-03-01", "2022-03-31")}),
        "territory.capture",
    )
    assert e.place.name == "Kupiansk" and e.time.earliest == "2022-03-01"


def test_counted_villages_are_the_ones_the_next_sentence_names():
    text = (
        "Ukraine's army said its troops had withdrawn from two villages in the Donetsk region.\n"
        "A spokesman said units had pulled back from Marinka and Krasnohorivka, near Pokrovsk."
    )
    events = only(extract(text, "en"), "territory.withdrawal")
    assert sorted(e.place.name for e in events) == ["Krasnohorivka", "Marinka"]
    assert all(e.actor.country == "UKR" and len(e.evidence) == 2 for e in events)


def test_coordinated_prepositional_phrases_after_an_apposition_give_one_event_each():
    text = (
        "Eerder meldde Moskou ook de verovering van Marinka, een mijnstadje ten zuiden van "
        "Pokrovsk, en van de dorpen Krasnohorivka en Kreminna."
    )
    events = only(extract(text, "nl"), "territory.capture")
    assert sorted(e.place.name for e in events) == ["Krasnohorivka", "Kreminna", "Marinka"]
    assert all(e.actor.country == "RUS" and e.status == "claimed" for e in events)


def test_an_apposition_with_a_region_is_no_second_place():
    text = (
        "Bij een Russische raketaanval op een flatgebouw in het stadje Pokrovsk, in de regio "
        "Donetsk, zijn vannacht zeker negentien mensen om het leven gekomen."
    )
    [e] = only(extract(text, "nl"), "strike")
    assert e.place.name == "Pokrovsk" and e.fatalities == 19


def test_an_analysts_claim_does_not_make_the_analysts_country_the_capturer():
    text = (
        "Rusland claimt de inname van Pokrovsk.\n"
        "Volgens Oekraïense analisten is het stadje waarschijnlijk grotendeels verloren."
    )
    events = only(extract(text, "nl"), "territory.capture")
    assert events and all(e.actor.country == "RUS" for e in events)


def test_a_denial_that_the_town_had_fallen_is_a_denial_not_a_remention():
    text = (
        "Russia's defence ministry said on Friday that its forces had captured Soledar.\n"
        "Kyiv denied that the town had fallen."
    )
    events = only(extract(text, "en"), "territory.capture")
    assert sorted(e.status for e in events) == ["claimed", "denied"]
    denial = next(e for e in events if e.status == "denied")
    assert denial.claimant.country == "UKR" and denial.place.name == "Soledar"


def test_supply_lines_are_no_aid():
    text = "Its capture would allow Russian forces to threaten Ukrainian supply lines into Lyman."
    assert only(extract(text, "en"), "aid") == []


def test_supplies_of_weapons_are_still_aid():
    text = "The United States supplied $400 million in weapons to Ukraine on Friday."
    [e] = only(extract(text, "en"), "aid")
    assert e.actor.country == "USA" and e.amount.value == pytest.approx(4e8)


def test_an_indefinite_apposition_to_a_name_is_that_place():
    text = (
        "Lysychansk, a city of more than 100,000 people before the war, was encircled by "
        "Russian forces in June."
    )
    [e] = only(extract(text, "en"), "territory.advance")
    assert e.place.name == "Lysychansk" and e.actor.country == "RUS"


def test_holding_ones_own_town_since_the_invasion_is_no_capture():
    text = (
        "Ukrainian troops have pulled out of Vuhledar, a mining town that they had held since "
        "the start of the full-scale invasion, the military said."
    )
    events = extract(
        text,
        "en",
        times={"since the start of the full-scale invasion": ("2022-02-24", "2022-02-24")},
    )
    assert only(events, "territory.capture") == []
    [e] = only(events, "territory.withdrawal")
    assert e.actor.country == "UKR" and e.place.name == "Vuhledar"


def test_an_apposition_after_a_place_stays_in_the_subordinate_clause():
    text = (
        "Russia has advanced steadily since Ukrainian forces withdrew from Pokrovsk, a heavily "
        "fortified town on the outskirts of Kyiv, in February."
    )
    events = extract(text, "en")
    assert only(events, "territory.advance") == []
    [e] = only(events, "territory.withdrawal")
    assert e.place.name == "Pokrovsk" and e.actor.country == "UKR"


def test_relative_clause_verb_followed_by_a_time_takes_the_antecedent_as_object():
    text = (
        "Ukraine's military confirmed that its troops had pulled out of Soledar, the salt-mining "
        "town north-east of Bakhmut that Russia said it had captured nearly two weeks ago."
    )
    events = extract(text, "en", times={"nearly two weeks ago": ("2023-01-12", "2023-01-12")})
    [capture] = only(events, "territory.capture")
    assert capture.place.name == "Soledar" and capture.actor.country == "RUS"
    assert capture.time.earliest == "2023-01-12"


def test_an_actor_after_the_verb_of_a_relative_clause_is_its_object_not_its_subject():
    text = (
        "Ukraine's deputy defence minister said that Robotyne had been liberated, a rare gain in "
        "a counteroffensive that has struggled to break through Russia's layered defences."
    )
    events = extract(text, "en")
    assert all(e.actor.country != "RUS" for e in events if e.type.startswith("territory."))


def test_the_common_noun_right_before_a_relative_pronoun_is_its_antecedent():
    text = "Russian troops took Lyman in a counteroffensive that broke through the lines."
    _, analysed = EventExtractor().analyse(make_doc(text, "en"))
    [relative] = [c for c in analysed[0].clauses if c.kind == "relative"]
    assert relative.antecedent is None


def test_a_relative_pronoun_after_a_place_takes_it_as_antecedent():
    text = "Russian troops are closing in on Lyman, which they shelled on Monday."
    _, analysed = EventExtractor().analyse(make_doc(text, "en"))
    [relative] = [c for c in analysed[0].clauses if c.kind == "relative"]
    assert relative.antecedent is not None and relative.antecedent.mention.name == "Lyman"


def test_the_seat_of_a_government_gives_its_country_and_is_no_event_place():
    text = (
        "Rusland annexeerde de Krim. De regering in Kyiv en de westerse landen erkennen dat niet."
    )
    _, analysed = EventExtractor().analyse(make_doc(text, "nl"))
    sa = analysed[-1]
    [kyiv] = [r for r in sa.places if r.mention is not None and r.mention.name == "Kyiv"]
    assert kyiv.seat
    government = next(a for a in sa.actors if a.j == kyiv.i - 1)
    assert government.actor.country == "UKR"


def test_said_it_would_does_not_attribute_the_previous_sentence():
    text = (
        "The United States announced $400 million in military aid for Ukraine on Friday.\n"
        "France said it would supply long-range cruise missiles."
    )
    [e] = [e for e in only(extract(text, "en"), "aid") if e.actor.country == "USA"]
    assert e.claimant is None and e.status == "reported"


@pytest.mark.parametrize(
    "saying",
    [
        "Het Russische ministerie van Defensie meldde dat zondag.",  # "dat" as object
        "Het Russische ministerie van Defensie maakte dat zondag bekend.",  # separable verb
    ],
)
def test_a_verb_of_saying_with_dat_attributes_the_previous_sentence(saying: str):
    text = "Russische troepen hebben het dorp Soledar ingenomen.\n" + saying
    [e] = only(extract(text, "nl"), "territory.capture")
    assert e.status == "claimed" and e.claimant.country == "RUS"
    assert len(e.evidence) == 2


def test_a_donor_announcing_its_own_pledge_is_no_claim():
    text = (
        "Nederland gaat F-16's aan Oekraïne leveren.\n"
        "Dat maakte de Nederlandse regering zondag bekend."
    )
    [e] = only(extract(text, "nl"), "aid")
    assert e.actor.country == "NLD" and e.status == "reported" and e.claimant is None


def test_talks_about_an_annexation_are_the_political_act_not_diplomacy():
    text = (
        "Volgens analisten wordt er door de separatistische leiders van Donetsk druk overlegd "
        "over een annexatie van de regio door Rusland."
    )
    events = extract(text, "nl")
    assert only(events, "diplomacy") == []
    assert only(events, "political")


@pytest.mark.parametrize(
    ("text", "lang", "etype"),
    [
        (
            "European Union leaders agreed overnight on sanctions against Russia's banks.",
            "en",
            "political",
        ),
        (
            "European Union leaders agreed a 50 billion euro package of support for Ukraine.",
            "en",
            "aid",
        ),
        (
            "De Europese Unie stemde gisteren in met nieuwe sancties tegen Rusland.",
            "nl",
            "political",
        ),
    ],
)
def test_an_agreement_on_an_act_is_that_act_by_the_body_that_agreed(text, lang, etype):
    events = extract(text, lang)
    assert only(events, "diplomacy") == []
    [e] = only(events, etype)
    assert (e.actor.role, e.actor.name) == ("international", "European Union")


def test_a_meeting_that_agrees_nothing_else_is_still_diplomacy():
    text = "European Union leaders met in Kyiv on Thursday."
    [e] = only(extract(text, "en"), "diplomacy")
    assert e.actor.name == "European Union"


@pytest.mark.parametrize(
    ("text", "country", "role"),
    [
        ("US officials said Russian troops captured Bakhmut.", "USA", "government"),
        ("Kremlin officials said Russian troops captured Bakhmut.", "RUS", "government"),
    ],
)
def test_a_country_before_a_role_noun_is_whose_role_it_is(text, country, role):
    [e] = only(extract(text, "en"), "territory.capture")
    assert (e.claimant.country, e.claimant.role) == (country, role)


def test_a_passive_without_agent_takes_no_subject_from_after_its_verb():
    # "with its Ukrainian guards" is who fought back, and "north of Kyiv" only locates:
    # neither is who took the plant
    text = (
        "Russian forces seized the defunct Chernobyl nuclear power plant on Thursday.\n"
        "The plant, about 100 kilometres north of Kyiv, was taken after fierce fighting with "
        "its Ukrainian guards, an adviser said."
    )
    captures = only(extract(text, "en", date="2022-02-25"), "territory.capture")
    assert captures
    assert {(e.actor.country, e.place.name) for e in captures} == {
        ("RUS", "Chornobyl Nuclear Power Plant")
    }


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The Russians captured Hostomel airfield on Thursday.\n"
            "Ukrainian troops retook the airfield on Friday.",
            "en",
        ),
        (
            "De Russen namen donderdag het vliegveld Hostomel in.\n"
            "Oekraïense troepen heroverden het vliegveld vrijdag.",
            "nl",
        ),
    ],
)
def test_the_airfield_refers_to_the_airport_named_before(text, lang):
    events = only(extract(text, lang, date="2022-02-26"), "territory.capture")
    assert [(e.actor.country, e.place.name) for e in events] == [
        ("RUS", "Hostomel Airport"),
        ("UKR", "Hostomel Airport"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "In de nacht van zondag op maandag vuurde Rusland 479 drones en twintig raketten op "
            "Oekraïne af.",
            "nl",
        ),
        ("Overnight Russia launched drones at Ukraine.", "en"),
    ],
)
def test_a_strike_aimed_at_a_whole_country_keeps_the_country_as_place(text, lang):
    [e] = only(extract(text, lang), "strike")
    assert (e.actor.country, e.place.name) == ("RUS", "Ukraine")


def test_fighting_somewhere_in_a_country_is_still_too_vague():
    assert only(extract("Er wordt zwaar gevochten in Oekraïne.", "nl"), "combat") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("President Zelensky bezocht gisteren het heroverde Lyman.", "nl"),
        ("President Zelensky visited Lyman on Tuesday.", "en"),
    ],
)
def test_a_visit_inside_the_visitors_own_country_is_no_diplomacy(text, lang):
    assert only(extract(text, lang), "diplomacy") == []


def test_a_visit_abroad_is_diplomacy():
    [e] = only(extract("De Nederlandse premier bezocht gisteren Kyiv.", "nl"), "diplomacy")
    assert (e.actor.country, e.place.name) == ("NLD", "Kyiv")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Europese Commissievoorzitter Von der Leyen was gisteren in Kyiv voor overleg met "
            "Zelensky.",
            "nl",
        ),
        (
            "European Commission President Ursula von der Leyen was in Kyiv on Thursday for talks "
            "with Zelensky.",
            "en",
        ),
    ],
)
def test_talks_in_a_prepositional_phrase_are_the_subjects(text, lang):
    [e] = only(extract(text, lang), "diplomacy")
    assert (e.actor.name, e.target.country, e.place.name) == ("European Union", "UKR", "Kyiv")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Officials said on Friday that Lyman was back in Ukrainian hands.", "en"),
        ("Volgens het leger is Lyman sinds vrijdag weer in Oekraïense handen.", "nl"),
        ("Het leger meldt dat Lyman terug in Oekraïense handen is.", "nl"),
    ],
)
def test_back_in_a_sides_hands_is_a_recapture_by_that_side(text, lang):
    [e] = only(extract(text, lang), "territory.capture")
    assert (e.actor.country, e.place.name) == ("UKR", "Lyman")


def test_a_complement_inside_a_relative_clause_ends_with_it():
    # "fighting there" belongs to the main clause of "officials ... said", not to what they had
    # said before: its place is the one "there" points at, and the capture stays in its clause
    text = (
        "Russian troops captured Hostomel airfield on Thursday.\n"
        "Ukrainian officials, who had said on Thursday evening that the airfield was back in "
        "Ukrainian hands, said fighting there was continuing."
    )
    events = extract(text, "en", date="2022-02-25")
    assert [(e.actor.country, e.place.name) for e in only(events, "territory.capture")] == [
        ("RUS", "Hostomel Airport"),
        ("UKR", "Hostomel Airport"),
    ]
    [fight] = only(events, "combat")
    assert fight.place.name == "Hostomel Airport"


def test_a_building_a_town_possesses_is_in_that_town():
    text = (
        "People sheltering in the basement of Mariupol's drama theatre came out alive after a "
        "Russian air strike destroyed much of the building, officials said."
    )
    [e] = only(extract(text, "en", date="2022-03-17"), "strike")
    assert (e.actor.country, e.place.name) == ("RUS", "Mariupol")


def test_a_town_that_possesses_an_actor_is_no_place_of_the_act():
    # "Mariupol's city council" is who speaks; the strike's place must come from elsewhere
    text = "Mariupol's city council said a Russian aircraft dropped a bomb on the theatre."
    assert only(extract(text, "en", date="2022-03-17"), "strike") == []


def test_the_first_half_of_a_compound_is_no_event():
    text = (
        "The former governor of the region wrote on Facebook that the bomb shelter in "
        "Mariupol had held."
    )
    assert only(extract(text, "en", date="2022-03-17"), "strike") == []


def test_a_list_of_parties_meeting_a_counterpart_gives_one_meeting_per_party():
    text = "Macron and Scholz met Putin in Moscow on Monday."
    events = only(extract(text, "en", date="2022-02-09"), "diplomacy")
    assert sorted((e.actor.country, e.target.country) for e in events) == [
        ("DEU", "RUS"),
        ("FRA", "RUS"),
    ]


def test_two_parties_meeting_each_other_are_one_meeting():
    text = "Donald Trump and Vladimir Putin met for nearly three hours in Anchorage on Friday."
    [e] = only(extract(text, "en", date="2025-08-16"), "diplomacy")
    assert (e.actor.country, e.target.country) == ("USA", "RUS")


def test_disconnecting_banks_from_swift_is_a_sanction_by_each_party():
    text = (
        "The United States, Britain and Canada agreed at the weekend to disconnect selected "
        "Russian banks from SWIFT."
    )
    events = extract(text, "en", date="2022-02-28")
    assert only(events, "diplomacy") == []
    assert sorted(e.actor.country for e in only(events, "political")) == ["CAN", "GBR", "USA"]


def test_disconnecting_a_plant_from_the_grid_is_no_sanction():
    text = "Russian shelling disconnected the plant near Mariupol from the grid on Thursday."
    assert only(extract(text, "en", date="2022-08-26"), "political") == []


def test_the_seat_of_a_named_ministry_is_no_place_in_focus():
    # "in Kiev" is where the ministry sits: "de stad" in the next sentence is still Lyman
    text = (
        "Oekraïense troepen heroverden gisteren Lyman.\n"
        "Dat zegt het ministerie van Binnenlandse Zaken in Kyiv.\n"
        "De Russen hadden de stad sinds mei bezet."
    )
    events = extract(text, "nl")
    assert {e.place.name for e in events if e.place} == {"Lyman"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Russia's defence minister said on Tuesday that his troops had taken full control of "
            "Krynky.\nUkraine's navy said the claim was untrue.",
            "en",
        ),
        (
            "Het Russische ministerie van Defensie zegt dat Russische troepen Krynky hebben "
            "ingenomen.\nVolgens de Oekraïense marine klopt dat niet.",
            "nl",
        ),
    ],
)
def test_a_claim_called_untrue_is_denied_by_the_speaker(text, lang):
    claim, denial = only(extract(text, lang, date="2024-02-21"), "territory.capture")
    assert (claim.status, claim.claimant.country) == ("claimed", "RUS")
    assert (denial.status, denial.claimant.country, denial.place.name) == (
        "denied",
        "UKR",
        "Krynky",
    )


def test_an_embassy_is_seated_where_it_is_not_where_things_happen():
    text = (
        "In the northern city of Chernihiv, ten people who were queuing for bread were killed "
        "by Russian shelling on Wednesday, the US embassy in Kyiv said."
    )
    [e] = only(extract(text, "en", date="2022-03-17"), "strike")
    assert (e.place.name, e.claimant.country, e.fatalities) == ("Chernihiv", "USA", 10)


def test_a_place_compared_with_is_not_the_place_in_focus():
    text = (
        "Russian troops have taken control of the Zaporizhzhia nuclear power plant, officials "
        "said on Friday.\n"
        '"If it blows up, it will be ten times larger than Chernobyl," the minister wrote.\n'
        "Russia's defence ministry said the plant had been under the control of its forces "
        "since Monday."
    )
    events = only(extract(text, "en", date="2022-03-04"), "territory.capture")
    assert {e.place.name for e in events} == {"Zaporizhzhia Nuclear Power Plant"}


@pytest.mark.parametrize(
    ("text", "lang", "etype"),
    [
        ("The White House said Germany had delivered two Patriot systems to Ukraine.", "en", "aid"),
        (
            "De Duitse regering maakte bekend dat Nederland gisteren twee Patriot-systemen aan "
            "Oekraïne heeft geleverd.",
            "nl",
            "aid",
        ),
        (
            "The Kremlin said Putin had signed a decree on a partial mobilisation.",
            "en",
            "political",
        ),
    ],
)
def test_a_gift_or_decision_said_by_a_government_is_reported_not_claimed(text, lang, etype):
    events = only(extract(text, lang), etype)
    assert events
    assert all((e.status, e.claimant) == ("reported", None) for e in events)


def test_a_figure_given_according_to_someone_stays_their_claim():
    text = (
        "Volgens de Oekraïense regering heeft Duitsland dit jaar voor 5 miljard euro aan wapens "
        "aan Oekraïne geleverd."
    )
    [e] = only(extract(text, "nl"), "aid")
    assert (e.actor.country, e.status, e.claimant.country) == ("DEU", "claimed", "UKR")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Bij een raketaanval op Vovchansk kwamen volgens het stadsbestuur drie mensen om.", "nl"),
        ("Three people were killed in a missile strike on Vovchansk, the city council said.", "en"),
        ("Local authorities said a missile strike on Vovchansk killed three people.", "en"),
    ],
)
def test_the_body_governing_a_town_claims_for_the_towns_country(text, lang):
    [e] = only(extract(text, lang), "strike")
    assert e.fatalities == 3 and e.place.name == "Vovchansk"
    assert (e.status, e.claimant.country, e.claimant.role) == ("claimed", "UKR", "government")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "De Russische troepen naderen Pokrovsk snel.\n"
            "Volgens het stadsbestuur hebben ze gisteren Hroza ingenomen.",
            "nl",
        ),
        (
            "Russian troops are closing in on Pokrovsk.\n"
            "According to local authorities, they captured Hroza on Tuesday.",
            "en",
        ),
    ],
)
def test_a_pronoun_stands_for_the_actor_named_before_not_the_source_of_its_sentence(text, lang):
    [e] = only(extract(text, lang), "territory.capture")
    assert (e.actor.country, e.place.name) == ("RUS", "Hroza")
    assert (e.status, e.claimant.country) == ("claimed", "UKR")


@pytest.mark.parametrize(
    "text",
    [
        "According to Ukrainian officials, Russian troops captured Hroza on Tuesday.",
        "According to Ukrainian officials, the Russians captured Hroza on Tuesday.",
    ],
)
def test_a_comma_after_a_fronted_source_ends_it_rather_than_listing_the_subject(text):
    [e] = only(extract(text, "en"), "territory.capture")
    assert (e.actor.country, e.status, e.claimant.country) == ("RUS", "claimed", "UKR")


def test_a_pronoun_with_no_actor_before_it_may_stand_for_the_source():
    text = "Volgens het Russische ministerie van Defensie hebben ze Hroza ingenomen."
    [e] = only(extract(text, "nl"), "territory.capture")
    assert (e.actor.country, e.claimant.country) == ("RUS", "RUS")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Volgens het Russische ministerie heeft het Azov-bataljon Marinka beschoten.", "nl"),
        ("Russia's defence ministry said the Azov Regiment had shelled Marinka.", "en"),
    ],
)
def test_a_named_ukrainian_unit_is_ukrainian_whoever_speaks_of_it(text, lang):
    [e] = only(extract(text, lang), "strike")
    assert (e.actor.country, e.actor.role) == ("UKR", "military")
    assert (e.status, e.claimant.country) == ("claimed", "RUS")


def test_an_it_followed_by_a_particle_is_an_object_not_the_actor():
    text = "Ukraine's army denied shelling Marinka and said Russian troops had blown it up."
    [e] = only(extract(text, "en"), "strike")
    # the denied shelling is Ukraine's; "it" is what was blown up, not who shelled
    assert (e.actor.country, e.status, e.claimant.country) == ("UKR", "denied", "UKR")


@pytest.mark.parametrize(
    ("text", "times", "subject"),
    [
        ("Russia's army said it had captured Hroza.", None, True),
        ("Troops took Hroza, Russia said, but the Ukrainians won it back.", None, False),
        ("Ukraine's army said Russian troops had blown it up.", None, False),
        ("Russian troops reached Hroza but were driven out of it.", None, False),
        (
            "Russia's army said it on Sunday captured Hroza.",
            {"on Sunday": ("2024-10-13", "2024-10-13")},
            True,
        ),
    ],
)
def test_it_is_a_subject_unless_a_particle_preposition_or_punctuation_follows(text, times, subject):
    """ "said it had": a subject, which may stand for an actor; "won it back", "blown it up",
    "out of it": an object. A time between a subject and its verb is no preposition's object."""
    _, analysed = EventExtractor().analyse(make_doc(text, "en", times=times))
    pronouns = [a for sa in analysed for a in sa.actors if a.kind == "pronoun"]
    assert bool(pronouns) == subject, [(a.i, a.kind) for sa in analysed for a in sa.actors]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Ukrainian officials, who had said on Thursday that Hroza was back in Ukrainian "
            "hands, gave no details.",
            "en",
        ),
        (
            "De Oekraïense autoriteiten, die donderdag hadden gezegd dat Hroza weer in "
            "Oekraïense handen was, gaven geen details.",
            "nl",
        ),
    ],
)
def test_a_relative_pronoun_speaks_for_the_actor_it_stands_for(text, lang):
    [e] = only(extract(text, lang), "territory.capture")
    assert (e.status, e.claimant.country) == ("claimed", "UKR")


def test_an_observers_reading_of_a_political_act_stays_a_claim():
    text = (
        "Volgens het Institute for the Study of War wordt er door de separatistische leiders "
        "druk overlegd over een annexatie van de regio door Rusland."
    )
    [e] = only(extract(text, "nl"), "political")
    assert (e.status, e.claimant.name) == ("claimed", "ISW")


def test_a_phone_call_with_a_counterpart_named_before_a_final_verb():
    text = (
        "De Franse president Macron en de Duitse bondskanselier Scholz hebben vandaag ruim een "
        "uur met Poetin gebeld."
    )
    events = only(extract(text, "nl", date="2022-03-02"), "diplomacy")
    assert sorted((e.actor.country, e.target.country) for e in events) == [
        ("DEU", "RUS"),
        ("FRA", "RUS"),
    ]


def test_a_locator_with_an_adjective_still_only_locates():
    text = (
        "Moskou meldt dat separatisten het stadje Volnovacha, ten noorden van het belegerde "
        "Marioepol, hebben ingenomen."
    )
    [e] = only(extract(text, "nl", date="2022-03-02"), "territory.capture")
    assert (e.actor.role, e.place.name) == ("proxy", "Volnovakha")


def test_a_place_noun_in_apposition_describes_the_place_before_it():
    text = (
        "Ukrainian marines have held a foothold across the river from Kherson for months.\n"
        "Russian drones hit Kherson every day, and Kherson's mayor asked residents to leave.\n"
        "Syrskyi ordered his troops out of Avdiivka, the industrial town that Russian forces "
        "had been trying to encircle since the autumn."
    )
    events = extract(text, "en", date="2024-02-20")
    [advance] = only(events, "territory.advance")
    assert advance.place.name == "Avdiivka"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Oekraïne en Rusland hebben gisteravond 270 gevangenen uitgewisseld.", "nl"),
        ("Ukraine and Russia carried out a prisoner exchange on Wednesday.", "en"),
    ],
)
def test_a_prisoner_exchange_is_diplomacy_between_the_sides(text, lang):
    [e] = only(extract(text, lang, date="2022-09-22"), "diplomacy")
    assert (e.actor.country, e.target.country) == ("UKR", "RUS")


def test_the_complement_of_a_fronted_verb_of_saying_after_its_subject():
    # Dutch V2: "meldde gouverneur Hajdaj van Loegansk maandag dat ...": the village is the
    # place of what he reported, the region he governs only his title
    text = (
        "Maandag meldde gouverneur Hajdaj van Loegansk vandaag dat het dorp Bilohorivka weer "
        "volledig in Oekraïense handen is."
    )
    [e] = only(extract(text, "nl", date="2022-09-22"), "territory.capture")
    assert (e.actor.country, e.place.name) == ("UKR", "Bilohorivka")


def test_a_word_inside_a_name_opens_no_clause():
    # the "of" of "Institute for the Study of War" is no Dutch "of" (whether)
    text = (
        "Het Russische leger trekt zich volgens het Institute for the Study of War terug uit "
        "de omgeving van Charkiv."
    )
    [e] = only(extract(text, "nl", date="2022-05-14"), "territory.withdrawal")
    assert (e.actor.country, e.status, e.claimant.name) == ("RUS", "claimed", "ISW")


def test_a_relative_pronoun_after_an_actor_is_its_subject():
    text = (
        "Russian troops, who took Avdiivka in February last year, have been trying for months "
        "to cut the roads into Pokrovsk."
    )
    [e] = only(extract(text, "en", date="2025-08-12"), "territory.capture")
    assert (e.actor.country, e.place.name) == ("RUS", "Avdiivka")


def test_an_agent_phrase_of_a_later_participle_is_not_the_verbs():
    text = (
        "Russian units pushed about ten kilometres north, towards Kucheriv Yar, according to "
        "maps published on Monday by DeepState."
    )
    [e] = only(extract(text, "en", date="2025-08-12"), "territory.advance")
    assert (e.actor.country, e.actor.role, e.place.name) == ("RUS", "military", "Kucheriv Yar")
    assert (e.status, e.claimant.country) == ("claimed", "UKR")


def test_a_participle_with_its_agent_keeps_it():
    text = "Sudzha, the largest town seized by Ukraine in the Kursk region, was shelled again."
    events = extract(text, "en", date="2024-09-12")
    assert [e.actor.country for e in only(events, "territory.capture")] == ["UKR"]


def test_a_strike_naming_no_place_hit_the_island_in_focus():
    text = (
        "Ukrainian marines landed on Snake Island on Thursday.\n"
        "Hours later a Russian missile strike killed two of them."
    )
    [e] = only(extract(text, "en", date="2022-07-01"), "strike")
    assert (e.actor.country, e.place.name) == ("RUS", "Ostriv Zmiyinyy")


def test_shelling_under_way_since_a_date_is_dated_by_its_start():
    text = (
        "De stad Avdiivka, die sinds zondag 29 januari onder vuur ligt, zit midden in de "
        "winter zonder stroom."
    )
    times = {
        "sinds zondag 29 januari": ("2017-01-29", "2017-01-29"),
        "in de winter": ("2016-12-01", "2017-02-28"),
    }
    [e] = only(extract(text, "nl", date="2017-02-02", times=times), "strike")
    assert (e.place.name, e.time.earliest) == ("Avdiivka", "2017-01-29")


def test_a_passive_in_a_complement_does_not_make_the_speaker_its_place():
    text = "Kyiv spreekt dat tegen en zegt dat alle aanvallen zijn afgeslagen."
    assert only(extract(text, "nl", date="2017-02-02"), "combat") == []


def test_a_list_closed_by_an_indefinite_remainder_keeps_its_named_members():
    text = (
        "Ook in Kramatorsk, Horlivka en een handvol andere steden in de regio Donetsk zijn "
        "overheidsgebouwen bezet.\n"
        "Het regiobestuur in de stad Kyiv vergaderde gisteren."
    )
    events = only(extract(text, "nl", date="2014-04-16"), "territory.capture")
    assert sorted(e.place.name for e in events) == ["Horlivka", "Kramatorsk"]


def test_the_second_place_of_a_locator_only_locates_and_holding_off_is_defence():
    text = (
        "The sticking point was Debaltseve, the railway town between Donetsk and Luhansk where "
        "several thousand Ukrainian soldiers have been holding off attacks since late January."
    )
    [e] = only(extract(text, "en", date="2015-02-12"), "combat")
    assert (e.actor.country, e.target.country, e.place.name) == ("RUS", "UKR", "Debaltseve")


def test_a_relative_clause_dated_long_before_the_report_is_background_not_the_claim():
    text = (
        "Russia said on Thursday that it had withdrawn its forces from Snake Island, the rocky "
        "outcrop that it seized in February."
    )
    times = {
        "on Thursday": ("2022-06-30", "2022-06-30"),
        "in February": ("2022-02-01", "2022-02-28"),
    }
    events = extract(text, "en", date="2022-06-30", times=times)
    [withdrawal] = only(events, "territory.withdrawal")
    [capture] = only(events, "territory.capture")
    assert withdrawal.status in ("claimed", "confirmed")
    assert (capture.actor.country, capture.status, capture.claimant) == ("RUS", "reported", None)


def test_an_attribution_pointing_back_covers_the_sentences_of_its_paragraph():
    text = (
        "Bij een Russische raketaanval op een winkel in Lyman zijn gistermiddag zeker twaalf "
        "mensen om het leven gekomen.\n"
        "Onder de doden is een kind.\n"
        "Vier mensen raakten gewond.\n"
        "Dat melden de Oekraïense autoriteiten."
    )
    [e] = only(extract(text, "nl"), "strike")
    assert (e.status, e.claimant.country, e.fatalities) == ("claimed", "UKR", 12)


def test_a_that_clause_after_a_verb_of_saying_points_nowhere_back():
    text = (
        "Een Oekraïense droneaanval heeft vannacht een brand veroorzaakt in een depot bij "
        "Lyman.\n"
        "Een bron zegt dat in het depot raketten lagen opgeslagen."
    )
    [e] = only(extract(text, "nl"), "strike")
    assert (e.status, e.claimant) == ("reported", None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Separatisten vielen gisteren een controlepost bij Lyman aan. Zestien militairen "
            "kwamen om.\nHet was de dodelijkste aanval op het leger sinds het begin van de onrust.",
            "nl",
        ),
        (
            "Separatists attacked a checkpoint near Lyman on Thursday, killing sixteen soldiers.\n"
            "It was the deadliest attack on the army since the unrest began.",
            "en",
        ),
    ],
)
def test_a_pronoun_and_copula_describe_the_event_told_before(text, lang):
    [e] = [e for e in extract(text, lang) if e.type in ("combat", "strike")]
    # the description adds no event and no evidence of its own
    assert (e.place.name, len(e.evidence)) == ("Lyman", 1)


@pytest.mark.parametrize(
    "text",
    [
        "Het Russische ministerie van Defensie heeft het verlies van Lyman niet erkend.",
        "Gisteren erkende ook de door Rusland benoemde bestuurder van de regio, Saldo, dat "
        "Oekraïense militairen zich bij Lyman hebben ingegraven.",
    ],
)
def test_acknowledging_a_fact_is_no_recognition_of_a_state(text):
    assert only(extract(text, "nl"), "diplomacy") == []


def test_recognising_a_republic_is_diplomacy():
    text = "Rusland erkende gisteren de onafhankelijkheid van Donetsk en Loegansk."
    [e] = only(extract(text, "nl"), "diplomacy")
    assert e.actor.country == "RUS"


def test_events_before_the_conflict_began_are_history_not_record():
    text = (
        "Na een beleg van elf maanden namen de geallieerden in september 1855 Lyman in.\n"
        "Russische troepen namen in mei 2022 Lyman in."
    )
    times = {
        "in september 1855": ("1855-09-01", "1855-09-30"),
        "in mei 2022": ("2022-05-01", "2022-05-31"),
    }
    doc = make_doc(text, "nl", date="2023-11-12", times=times)
    kept = EventExtractor(conflict_start="2014-02-20")(doc).events
    assert [e.time.earliest for e in only(kept, "territory.capture")] == ["2022-05-01"]
    everything = EventExtractor()(make_doc(text, "nl", date="2023-11-12", times=times)).events
    assert len(only(everything, "territory.capture")) == 2


def test_a_conflict_start_that_is_no_date_is_refused():
    with pytest.raises(ValueError):
        EventExtractor(conflict_start="the Crimean war")


def test_a_weapon_reaching_a_town_is_its_range_not_an_advance():
    text = "From its high ground Russian artillery could reach Kramatorsk and Lyman."
    assert only(extract(text, "en"), "territory.advance") == []
    troops = "Russian troops reached the outskirts of Lyman on Tuesday."
    assert [e.place.name for e in only(extract(troops, "en"), "territory.advance")] == ["Lyman"]


def test_a_weapon_that_hit_a_town_is_a_strike():
    text = (
        "On Tuesday rockets fired from rebel-held territory hit Kramatorsk, killing at least "
        "15 people."
    )
    [e] = only(extract(text, "en", date="2015-02-12"), "strike")
    assert (e.place.name, e.fatalities) == ("Kramatorsk", 15)


def test_hitting_without_a_weapon_or_armed_actor_is_no_strike():
    text = "The sanctions hit Lyman's steel plant hard, its director said."
    assert only(extract(text, "en"), "strike") == []


def test_where_the_news_was_told_is_no_place_of_the_strike():
    text = (
        "The head of the IAEA told reporters in Vienna that a projectile had hit the training "
        "centre."
    )
    assert only(extract(text, "en", date="2022-03-04"), "strike") == []


@pytest.mark.parametrize(
    ("text", "lang", "surface"),
    [
        ("Later vandaag reist de Duitse bondskanselier door naar Kyiv.", "nl", "Later vandaag"),
        ("The German chancellor visits Kyiv later today.", "en", "later today"),
    ],
)
def test_a_visit_later_on_the_day_of_the_report_is_planned(text, lang, surface):
    times = {surface: ("2024-07-09", "2024-07-09")}
    [e] = only(extract(text, lang, date="2024-07-09", times=times), "diplomacy")
    assert (e.actor.country, e.modality) == ("DEU", "planned")


def test_two_leaders_who_spoke_spoke_with_each_other():
    text = "Donald Trump and Volodymyr Zelensky spoke for fifteen minutes in Kyiv on Saturday."
    times = {"on Saturday": ("2025-04-26", "2025-04-26")}
    [e] = only(extract(text, "en", times=times), "diplomacy")
    assert (e.actor.country, e.target.country) == ("USA", "UKR")


def test_since_after_an_auxiliary_and_a_relative_clause_after_a_list():
    text = (
        "Government troops raised the flag in Soledar, and have since entered Kramatorsk, "
        "Druzhkivka and Lyman, which the rebels left without a fight."
    )
    events = extract(text, "en", date="2014-07-14")
    entered = only(events, "territory.advance")
    assert sorted((e.place.name, e.actor.country) for e in entered) == [
        ("Druzhkivka", "UKR"),
        ("Kramatorsk", "UKR"),
        ("Lyman", "UKR"),
    ]
    left = only(events, "territory.withdrawal")
    assert sorted((e.place.name, e.actor.country) for e in left) == [
        ("Druzhkivka", "RUS"),
        ("Kramatorsk", "RUS"),
        ("Lyman", "RUS"),
    ]


def test_expecting_to_speak_to_a_leader_is_a_planned_meeting():
    text = "Trump said he expected to speak to Vladimir Putin in Moscow this week."
    times = {"this week": ("2025-03-10", "2025-03-16")}
    [e] = only(extract(text, "en", date="2025-03-12", times=times), "diplomacy")
    assert (e.actor.country, e.target.country, e.modality) == ("USA", "RUS", "planned")


def test_a_compound_of_elections_is_an_election():
    text = "Poetin heeft de Russische presidentsverkiezingen met een ruime meerderheid gewonnen."
    [e] = only(extract(text, "nl", date="2024-03-18"), "political")
    assert e.actor.country == "RUS"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russia launched one of its biggest attacks on the power plant near Kramatorsk.", "en"),
        ("De aanval op de brug bij Kherson kostte twee mensen het leven.", "nl"),
    ],
)
def test_an_attack_on_infrastructure_is_a_strike(text, lang):
    events = extract(text, lang)
    assert only(events, "combat") == []
    assert len(only(events, "strike")) == 1


def test_an_english_word_only_ending_like_infrastructure_is_none():
    # "airport" ends like "port": an assault on it is a fight (English does not compound)
    text = "Separatist fighters launched a new assault on the airport near Donetsk."
    assert len(only(extract(text, "en", date="2014-10-01"), "combat")) == 1


@pytest.mark.parametrize(
    ("text", "lang", "surface", "modality"),
    [
        ("De Franse president spreekt vanavond in Kyiv met Zelensky.", "nl", "vanavond", "planned"),
        ("De Franse president sprak vanavond in Kyiv met Zelensky.", "nl", "vanavond", "asserted"),
        ("The French president meets Zelensky in Kyiv tonight.", "en", "tonight", "planned"),
        ("The French president met Zelensky in Kyiv tonight.", "en", "tonight", "asserted"),
    ],
)
def test_a_meeting_tonight_is_planned_unless_told_in_the_past(text, lang, surface, modality):
    times = {surface: ("2024-07-09", "2024-07-09")}
    [e] = only(extract(text, lang, date="2024-07-09", times=times), "diplomacy")
    assert (e.actor.country, e.modality) == ("FRA", modality)


def test_the_source_after_volgens_is_not_the_subject_of_an_inverted_verb():
    text = (
        "Volgens de Oekraïense grenswacht rukken de separatisten op in de richting van Marioepol."
    )
    [e] = only(extract(text, "nl", date="2014-08-28"), "territory.advance")
    assert (e.actor.country, e.place.name) == ("RUS", "Mariupol")
    assert (e.status, e.claimant.country) == ("claimed", "UKR")


def test_a_relative_pronoun_before_its_verb_is_the_subject():
    text = "The Dutch prime minister, who met Zelensky in Kyiv on Tuesday, promised more help."
    times = {"on Tuesday": ("2024-10-15", "2024-10-15")}
    [e] = only(extract(text, "en", times=times), "diplomacy")
    assert (e.actor.country, e.target.country, e.place.name) == ("NLD", "UKR", "Kyiv")


def test_a_name_before_an_aid_noun_is_the_donor_unless_it_is_a_warring_side():
    [given] = only(extract("Kyiv received a new US package worth $250 million.", "en"), "aid")
    assert given.actor.country == "USA"
    text = "Congress finally passed a Ukraine aid package worth $61 billion."
    [passed] = only(extract(text, "en"), "aid")
    assert (passed.actor.country, passed.target.country) == ("USA", "UKR")


@pytest.mark.parametrize(
    ("text", "lang", "currency"),
    [
        ("Trudeau pledged 650 million Canadian dollars to Ukraine.", "en", "CAD"),
        ("Canada stelt Oekraïne 650 miljoen Canadese dollar beschikbaar.", "nl", "CAD"),
        ("Sweden will give Ukraine 7 billion Swedish kronor.", "en", "SEK"),
    ],
)
def test_a_qualifier_names_which_dollar_or_crown(text, lang, currency):
    [e] = only(extract(text, lang), "aid")
    assert e.amount.currency == currency


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Missiles hit the headquarters of Russia's Black Sea Fleet in Crimea.", "UKR", "RUS"),
        ("Missiles hit a Ukrainian ammunition depot near Kramatorsk.", "RUS", "UKR"),
        # where the missiles came from says nothing of what they hit
        ("Missiles fired from Russian territory hit a school near Kramatorsk.", "RUS", "UKR"),
    ],
)
def test_the_owner_of_what_was_hit_makes_the_other_side_the_attacker(text, actor, target):
    [e] = only(extract(text, "en"), "strike")
    assert (e.actor.country, e.target.country) == (actor, target)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In March Turkish-made drones hit a Russian ammunition depot near Melitopol.", "en"),
        ("Een drone van Turkse makelij trof een Russisch munitiedepot bij Melitopol.", "nl"),
    ],
)
def test_the_maker_of_a_weapon_is_not_the_one_who_uses_it(text, lang):
    [e] = only(extract(text, lang, date="2024-04-10"), "strike")
    assert (e.actor.country, e.target.country) == ("UKR", "RUS")


def test_a_sentence_opening_when_clause_keeps_its_own_subject():
    # "it" is the drone, in the main clause: not the Washington named before
    text = (
        "Washington frets about the price of oil.\n"
        "When a drone slammed into a refinery near Moscow on Tuesday, it had flown some 1,200 "
        "kilometres from Ukraine."
    )
    [e] = only(extract(text, "en", date="2024-04-10"), "strike")
    assert (e.actor.country, e.place.name) == ("UKR", "Moscow")


def test_a_fronted_gerund_clause_has_the_subject_of_the_clause_after_it():
    text = "After meeting Zelensky, Blinken announced a package worth more than $1 billion."
    events = extract(text, "en", date="2023-09-06")
    [meeting] = only(events, "diplomacy")
    assert (meeting.actor.country, meeting.target.country) == ("USA", "UKR")
    [aid] = only(events, "aid")
    assert aid.actor.country == "USA"


def test_a_country_named_after_an_aid_noun_without_a_preposition_receives_nothing():
    text = "Zelensky asked allies to let Ukraine use Western weapons against targets in Russia."
    assert only(extract(text, "en"), "aid") == []


def test_a_weapon_named_again_belongs_to_the_side_that_had_it_last():
    text = (
        "Kyiv's long-range drones reach deep into Russia; Washington frets about oil prices.\n"
        "In March drones hit the refinery at Kstovo."
    )
    [e] = only(extract(text, "en", date="2024-04-10"), "strike")
    assert e.actor.country == "UKR"


def test_a_coordinated_clause_opening_with_a_time_phrase_has_its_own_subject():
    text = (
        "Russian troops are pressing on Pokrovsk, and at the start of the month Ukrainian units "
        "withdrew from Vuhledar."
    )
    times = {"at the start of the month": ("2024-10-01", "2024-10-10")}
    events = extract(text, "en", times=times)
    [w] = only(events, "territory.withdrawal")
    assert (w.actor.country, w.place.name) == ("UKR", "Vuhledar")
    [a] = only(events, "territory.advance")
    assert (a.actor.country, a.place.name) == ("RUS", "Pokrovsk")


@pytest.mark.parametrize(
    "follow_up",
    [
        "A poll published this month by a Kyiv institute found that most Ukrainians reject it.",
        "A survey by a Kyiv institute found that most Ukrainians reject it.",
    ],
)
def test_a_sentence_reporting_its_own_finding_does_not_point_back(follow_up):
    text = f"Zelensky will present the plan at a summit in Brussels on Thursday.\n{follow_up}"
    times = {"on Thursday": ("2024-10-17", "2024-10-17")}
    if "this month" in follow_up:
        times["this month"] = ("2024-10-01", "2024-10-31")
    [e] = only(extract(text, "en", times=times), "diplomacy")
    assert (e.status, e.claimant) == ("reported", None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kyiv said it was ready to accept a 30-day ceasefire with Russia.", "en"),
        (
            "Kyiv zei bereid te zijn een staakt-het-vuren met Rusland te aanvaarden.",
            "nl",
        ),
    ],
)
def test_accepting_a_ceasefire_with_another_party_is_diplomacy(text, lang):
    [e] = only(extract(text, lang, date="2025-03-12"), "diplomacy")
    assert e.actor.country == "UKR"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Of Rusland werkelijk een aanval op Marioepol voorbereidt, weet in Kyiv niemand.", "nl"),
        ("Het leger zei niet of de troepen zich uit Lyman hadden teruggetrokken.", "nl"),
        ("Kyiv did not say whether its troops had withdrawn from Lyman.", "en"),
    ],
)
def test_an_open_question_asserts_no_event(text, lang):
    assert [e for e in extract(text, lang) if e.modality == "asserted"] == []


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Moskou ontkent dat het wapens of militairen naar Oost-Oekraïne stuurt.", False),
        ("Het leger zei niet of de troepen zich uit Lyman hadden teruggetrokken.", True),
    ],
)
def test_of_between_two_nouns_is_or_not_whether(text, question):
    _, [sa] = EventExtractor().analyse(make_doc(text, "nl"))
    assert any(c.kind == "conditional" for c in sa.clauses) is question


def test_around_the_same_time_takes_the_time_told_before():
    text = (
        "Eind oktober vielen Russische troepen Soledar aan.\n"
        "Rond dezelfde tijd trokken Oekraïense militairen Hroza binnen."
    )
    doc = make_doc(
        text, "nl", date="2021-11-10", times={"Eind oktober": ("2021-10-21", "2021-10-31")}
    )
    [e] = only(EventExtractor()(doc).events, "territory.capture")
    assert (e.place.name, e.time.earliest, e.time.latest) == ("Hroza", "2021-10-21", "2021-10-31")


def test_a_ministers_country_is_a_states_not_the_separatists_named_before():
    text = (
        "Het Oekraïense leger heeft gisteren bij een offensief tegen pro-Russische separatisten "
        "Hroza ingenomen.\n"
        "Dat heeft de minister van Binnenlandse Zaken gezegd."
    )
    [e] = only(extract(text, "nl"), "territory.capture")
    assert (e.actor.country, e.status, e.claimant.country) == ("UKR", "claimed", "UKR")


@pytest.mark.parametrize(
    ("name", "country"),
    [("Obama", "USA"), ("Kerry", "USA"), ("Hollande", "FRA"), ("Cameron", "GBR")],
)
def test_leaders_of_the_wars_first_years_are_known(name, country):
    text = f"{name} ontmoette Porosjenko in Kyiv."
    [e] = only(extract(text, "nl", date="2014-06-20"), "diplomacy")
    assert (e.actor.country, e.target.country) == (country, "UKR")


def test_a_verb_of_recognising_with_a_dat_clause_further_on_acknowledges():
    text = (
        "De door Moskou aangestelde bestuurder, Vladimir Saldo, erkende op de Russische "
        "televisie dat Oekraïense eenheden het dorp Hroza hebben bereikt, een dorp aan de rivier."
    )
    [e] = only(extract(text, "nl", date="2022-10-04"), "territory.advance")
    assert (e.actor.country, e.place.name) == ("UKR", "Hroza")
    assert (e.status, e.claimant.country, e.claimant.role) == ("confirmed", "RUS", "proxy")


def test_recognising_a_separatist_republic_is_diplomacy_with_it():
    text = "Poetin erkende maandag de onafhankelijkheid van de Volksrepubliek Donetsk."
    [e] = only(extract(text, "nl", date="2022-02-22"), "diplomacy")
    assert (e.actor.country, e.target.country, e.target.role) == ("RUS", "RUS", "proxy")


def test_a_place_that_loses_something_is_no_loss_of_the_place():
    assert (
        only(extract("Lyman verloor zaterdag zijn laatste stroomlijn.", "nl"), "territory.capture")
        == []
    )
    # where the verb comes last, the place before it is what was lost
    text = "Het leger meldde dat Rusland Lyman verloor."
    [e] = only(extract(text, "nl"), "territory.capture")
    assert (e.actor.country, e.place.name) == ("UKR", "Lyman")


def test_the_side_whose_weapons_hit_attacks_wherever_the_subject_stands():
    text = "In Kramatorsk, de geboortestad van Zelensky, troffen Russische kruisraketten een dam."
    [e] = only(extract(text, "nl"), "strike")
    assert (e.actor.country, e.place.name) == ("RUS", "Kramatorsk")


def test_finding_is_no_hitting():
    text = "In Kramatorsk troffen journalisten en Oekraïense militairen tientallen lichamen aan."
    assert only(extract(text, "nl"), "strike") == []


@pytest.mark.parametrize(
    ("text", "lang", "etype"),
    [
        (
            "Russische eenheden sloegen bij Pokrovsk een bres in de Oekraïense linies.",
            "nl",
            "territory.advance",
        ),
        ("Russian units breached the Ukrainian lines near Pokrovsk.", "en", "territory.advance"),
        ("Separatist fighters routed the Ukrainian army at Debaltseve.", "en", "combat"),
        (
            "Oekraïense zeedrones hebben bij de Krim een Russisch schip tot zinken gebracht.",
            "nl",
            "strike",
        ),
    ],
)
def test_breaches_routs_and_disabling_strikes(text, lang, etype):
    assert len(only(extract(text, lang), etype)) == 1


def test_each_conjunct_keeps_its_own_time():
    text = "Lyman werd in maart 2022 door Rusland bezet en in oktober 2022 door Oekraïne heroverd."
    times = {
        "in maart 2022": ("2022-03-01", "2022-03-31"),
        "in oktober 2022": ("2022-10-01", "2022-10-31"),
    }
    events = sorted(
        only(extract(text, "nl", times=times), "territory.capture"), key=lambda e: e.time.earliest
    )
    assert [(e.actor.country, e.time.earliest) for e in events] == [
        ("RUS", "2022-03-01"),
        ("UKR", "2022-10-01"),
    ]
    # a conjunct without a time of its own shares its neighbour's
    text = "The rebels abandoned Lyman overnight and retreated towards Kramatorsk."
    times = {"overnight": ("2014-07-04", "2014-07-05")}
    for e in only(extract(text, "en", date="2014-07-05", times=times), "territory.withdrawal"):
        assert e.time.earliest == "2014-07-04"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Russia's defence ministry accused Ukraine on Friday of shelling Belgorod with "
            "cluster munitions.",
            "en",
        ),
        (
            "Het Russische ministerie van Defensie beschuldigde Oekraïne er vrijdag van Belgorod "
            "met clustermunitie te hebben beschoten.",
            "nl",
        ),
    ],
)
def test_an_attack_told_in_an_accusation_is_the_accused_partys_by_the_accusers_account(
    text: str, lang: str
):
    [strike] = only(extract(text, lang, date="2024-05-12"), "strike")
    assert strike.actor.country == "UKR"
    assert (strike.status, strike.claimant.country) == ("claimed", "RUS")
    assert strike.place.name == "Belgorod"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Moscow and Kyiv accused each other on Thursday of shelling the Zaporizhzhia "
            "nuclear plant again.",
            "en",
        ),
        (
            "Moskou en Kyiv beschuldigen elkaar van nieuwe beschietingen op de kerncentrale van "
            "Zaporizhzhia.",
            "nl",
        ),
    ],
)
def test_accusing_each_other_gives_each_partys_version(text: str, lang: str):
    strikes = only(extract(text, lang, date="2022-08-12"), "strike")
    versions = {(e.actor.country, e.claimant.country, e.status) for e in strikes}
    assert versions == {("UKR", "RUS", "claimed"), ("RUS", "UKR", "claimed")}


def test_a_denial_with_a_gerund_is_the_deniers_own_version_of_the_attack():
    text = (
        "Rockets fired from rebel-held areas hit Kramatorsk on Tuesday, killing seven people, "
        "Kyiv said.\nThe rebels denied firing on the city."
    )
    strikes = only(extract(text, "en", date="2015-02-10"), "strike")
    by_status = {e.status: e for e in strikes}
    assert set(by_status) == {"claimed", "denied"}
    assert by_status["claimed"].claimant.country == "UKR"
    denial = by_status["denied"]
    assert (denial.claimant.country, denial.claimant.role) == ("RUS", "proxy")
    assert denial.place.name == "Kramatorsk"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The fight is for Debaltseve, the railway town the rebels have besieged for weeks. "
            "Debaltseve is shelled daily.\nOn Tuesday rockets hit Kramatorsk, killing seven "
            "people.\nThe rebels denied firing at the town.",
            "en",
        ),
        (
            "De strijd gaat om Debaltseve, het spoorwegstadje dat de rebellen al weken "
            "belegeren. Debaltseve wordt dagelijks beschoten.\nDinsdag troffen raketten "
            "Kramatorsk, waarbij zeven doden vielen.\nDe rebellen ontkennen dat zij het "
            "stadje hebben beschoten.",
            "nl",
        ),
        (
            # paragraphs parted by several blank lines: the sentence right before is still the
            # one read before
            "The fight is for Debaltseve, the railway town the rebels have besieged for weeks. "
            "Debaltseve is shelled daily.\n\n\n\nOn Tuesday rockets hit Kramatorsk, killing "
            "seven people.\n\n\n\nThe rebels denied firing at the town.",
            "en",
        ),
    ],
)
def test_a_denial_of_an_attack_on_the_town_denies_the_attack_told_just_before(text, lang):
    # "the town" alone would be the town in focus, Debaltseve; denied right after the
    # attack on Kramatorsk, it is Kramatorsk
    when = "On Tuesday" if lang == "en" else "Dinsdag"
    times = {when: ("2015-02-10", "2015-02-10")}
    strikes = only(extract(text, lang, date="2015-02-12", times=times), "strike")
    denial = next(e for e in strikes if e.status == "denied")
    assert denial.place.name == "Kramatorsk"
    assert denial.time.earliest == "2015-02-10"


def test_a_denied_attack_naming_no_place_takes_the_place_and_time_of_the_claim():
    text = (
        "A Russian jet dropped a bomb on a school in Chernihiv on Monday, the regional governor "
        "said.\nRussia's defence ministry denied bombing the school."
    )
    strikes = only(
        extract(text, "en", date="2022-03-09", times={"on Monday": ("2022-03-07", "2022-03-07")}),
        "strike",
    )
    denial = next(e for e in strikes if e.status == "denied")
    assert denial.claimant.country == "RUS"
    assert denial.place.name == "Chernihiv"
    assert denial.time.earliest == "2022-03-07"
    # with no attack told, the denial places nothing
    assert not extract("Russia's defence ministry denied bombing the school.", "en")


@pytest.mark.parametrize(
    ("denial", "lang"),
    [
        ("Kyiv denied the accusation.", "en"),
        ("Kyiv dismissed that as a provocation.", "en"),
        ("Kyiv denied any direct involvement.", "en"),
        ("Kyiv denied playing any role.", "en"),
        ("Kyiv wees de beschuldiging van de hand en ontkent elke betrokkenheid.", "nl"),
        ("Kyiv ontkent iedere verantwoordelijkheid.", "nl"),
        ("Kyiv called the claim a lie.", "en"),
        ("Kyiv described the reports as fake.", "en"),
        ("De Oekraïense generale staf noemt dat een leugen.", "nl"),
        ("Kyiv noemde de beschuldiging pure propaganda.", "nl"),
    ],
)
def test_a_denial_pointing_back_at_an_accusation_is_the_accused_partys(denial: str, lang: str):
    claim = (
        "Russia said Ukrainian drones struck an oil depot in Belgorod overnight."
        if lang == "en"
        else "Rusland zegt dat Oekraïense drones vannacht een olieopslag in Belgorod troffen."
    )
    strikes = only(extract(f"{claim}\n{denial}", lang, date="2024-05-12"), "strike")
    assert sorted((e.status, e.claimant.country) for e in strikes) == [
        ("claimed", "RUS"),
        ("denied", "UKR"),
    ]
    assert {e.actor.country for e in strikes} == {"UKR"}
    assert {e.place.name for e in strikes} == {"Belgorod"}


def test_an_attack_on_an_unnamed_village_of_a_region_is_placed_in_the_region():
    text = (
        "Russian officials accused Ukraine on Thursday of attacking a village in the Bryansk "
        "region with helicopters.\nKyiv denied the accusation."
    )
    events = [e for e in extract(text, "en", date="2022-04-14") if e.type in VIOLENT_TYPES]
    assert events
    # Kyiv, standing for its government, names no village
    assert {e.place.name for e in events} == {"Bryansk Oblast"}
    assert {e.actor.country for e in events} == {"UKR"}


def test_calling_a_claim_by_a_name_that_is_no_falsehood_denies_nothing():
    text = (
        "Russia said Ukrainian drones struck an oil depot in Belgorod overnight.\n"
        "Kyiv called the claim a provocation by Moscow's propagandists."
    )
    strikes = only(extract(text, "en", date="2024-05-12"), "strike")
    assert [e.status for e in strikes] == ["claimed"]


def test_a_denial_answers_what_was_told_before_it_not_what_its_sentence_tells_after():
    text = (
        "Russia's general staff said on Thursday its forces had captured Vovchansk.\n"
        "A spokesman for Ukraine's troops in the east, Viktor Trehubov, dismissed the claim as "
        "false and said fighting was still going on in the town."
    )
    events = extract(text, "en", date="2025-07-31")
    denial = next(e for e in events if e.status == "denied")
    assert (denial.type, denial.actor.country, denial.place.name) == (
        "territory.capture",
        "RUS",
        "Vovchansk",
    )
    assert not [e for e in only(events, "combat") if e.status == "denied"]


def test_a_denial_answers_the_claim_rather_than_the_background_told_with_it():
    text = (
        "Russia's chief of the general staff said on Thursday that his troops had taken "
        "Kupiansk, a rail hub that Ukraine recaptured in September 2022.\n"
        "Ukraine's military rejected the claim within hours."
    )
    captures = only(
        extract(
            text,
            "en",
            date="2025-11-20",
            times={"in September 2022": ("2022-09-01", "2022-09-30")},
        ),
        "territory.capture",
    )
    denial = next(e for e in captures if e.status == "denied")
    assert (denial.actor.country, denial.claimant.country) == ("RUS", "UKR")


def test_missiles_destroying_a_plant_strike_while_a_force_destroyed_was_beaten_in_a_fight():
    strikes = only(
        extract(
            "On April 11 missiles destroyed the Trypilska thermal power station south of Kyiv.",
            "en",
            date="2024-04-20",
            times={"On April 11": ("2024-04-11", "2024-04-11")},
        ),
        "strike",
    )
    assert [(e.place.name, e.time.earliest) for e in strikes] == [("Kyiv", "2024-04-11")]
    text = "Ukrainian troops destroyed a Russian motor-rifle brigade near Kupiansk."
    assert not only(extract(text, "en", date="2024-04-20"), "strike")


def test_a_capture_claimed_at_another_date_is_a_report_of_its_own():
    text = (
        "Melitopol is sinds begin maart in Russische handen.\n"
        "Het Russische ministerie van Defensie claimde de inname al op 26 februari."
    )
    times = {
        "sinds begin maart": ("2022-03-01", "2022-03-10"),
        "op 26 februari": ("2022-02-26", "2022-02-26"),
    }
    captures = only(extract(text, "nl", date="2022-03-12", times=times), "territory.capture")
    assert sorted((e.time.earliest, e.status, e.place.name) for e in captures) == [
        ("2022-02-26", "claimed", "Melitopol"),
        ("2022-03-01", "reported", "Melitopol"),
    ]
    # told at the same time, it is the same capture: one event with both sentences as evidence
    text = text.replace("al op 26 februari", "in maart")
    times = {
        "sinds begin maart": ("2022-03-01", "2022-03-10"),
        "in maart": ("2022-03-01", "2022-03-31"),
    }
    captures = only(extract(text, "nl", date="2022-03-12", times=times), "territory.capture")
    assert len(captures) == 1 and len(captures[0].evidence) == 2


def test_a_capital_after_by_holds_the_place_it_is_not_the_place():
    text = (
        "Mariupol, a city of nearly half a million people, has been held by Kyiv since "
        "government forces retook it in June."
    )
    captures = only(extract(text, "en", date="2015-01-25"), "territory.capture")
    assert captures
    assert {(e.place.name, e.actor.country) for e in captures} == {("Mariupol", "UKR")}


def test_a_holding_is_dated_by_the_clause_since_opens():
    text = "Sudzha has been held by Ukraine since its forces crossed the border in August."
    times = {"in August": ("2024-08-01", "2024-08-31")}
    (holding,) = only(extract(text, "en", date="2025-01-25", times=times), "territory.capture")
    assert (holding.place.name, holding.time.earliest) == ("Sudzha", "2024-08-01")


@pytest.mark.parametrize(
    "text",
    [
        "The leaders of Russia and Ukraine agreed in Brussels on Thursday on a ceasefire.",
        "The foreign ministers of Russia and Ukraine met in Brussels on Thursday.",
    ],
)
def test_the_states_in_the_genitive_of_a_role_noun_are_the_parties(text: str):
    (meeting,) = only(extract(text, "en", date="2015-02-13"), "diplomacy")
    assert (meeting.actor.country, meeting.target.country, meeting.place.name) == (
        "RUS",
        "UKR",
        "Brussels",
    )


def test_a_dutch_compound_of_a_force_noun_is_a_force():
    # a withdrawal needs an armed force as its actor
    text = "De vrijwilligerseenheden trokken zich terug uit Vovchansk."
    (withdrawal,) = only(extract(text, "nl"), "territory.withdrawal")
    assert withdrawal.actor.role == "military"


def test_the_side_a_force_fights_on_is_its_allegiance():
    text = (
        "Russische vrijwilligerseenheden die aan Oekraïense zijde vechten, hebben Vovchansk "
        "ingenomen."
    )
    (capture,) = only(extract(text, "nl"), "territory.capture")
    assert capture.actor.country == "UKR"


def test_a_participle_of_saying_after_a_comma_has_the_speaker_before_it():
    text = (
        "Ukraine's deputy defence minister said on national television, adding that Ukrainian "
        "troops had liberated Robotyne."
    )
    (capture,) = only(extract(text, "en", date="2023-08-28"), "territory.capture")
    assert (capture.status, capture.claimant.country, capture.claimant.role) == (
        "claimed",
        "UKR",
        "government",
    )


@pytest.mark.parametrize(
    ("text", "lang", "strikes"),
    [
        ("Shelling of Kherson's northern districts has eased.", "en", 0),
        ("Shelling of Kherson's northern districts killed two people.", "en", 1),
        ("De beschietingen van Kherson zijn afgenomen.", "nl", 0),
    ],
)
def test_attacks_said_to_have_eased_are_no_attack(text: str, lang: str, strikes: int):
    assert len(only(extract(text, lang, date="2022-05-20"), "strike")) == strikes


def test_a_union_and_a_state_imposing_sanctions_together_are_two_parties():
    text = "Gisteren kondigden de Europese Unie en de Verenigde Staten sancties aan tegen de Krim."
    events = only(extract(text, "nl", date="2014-03-18"), "political")
    assert sorted((e.actor.country or "", e.actor.name or "") for e in events) == [
        ("", "European Union"),
        ("USA", ""),
    ]


def test_a_place_past_another_verb_is_that_verbs():
    text = (
        "Russian troops crossed into the Kharkiv and Bryansk regions on Thursday and advanced "
        "towards Kyiv."
    )
    events = only(extract(text, "en", date="2022-02-24"), "territory.advance")
    assert sorted((e.rule.split("/")[0], e.place.name) for e in events) == [
        ("advance.advance", "Kyiv"),
        ("advance.enter", "Bryansk Oblast"),
        ("advance.enter", "Kharkiv Oblast"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Ukrainian forces had retaken another square kilometre on the southern flank of "
            "Bakhmut in the past week.",
            "en",
        ),
        (
            "Oekraïense troepen hebben vorige week nog een vierkante kilometer heroverd op de "
            "zuidelijke flank van Bachmoet.",
            "nl",
        ),
    ],
)
def test_ground_retaken_on_the_flank_of_a_town_is_retaken_at_the_town(text: str, lang: str):
    (capture,) = only(extract(text, lang, date="2023-08-29"), "territory.capture")
    assert (capture.actor.country, capture.place.name) == ("UKR", "Bakhmut")


def test_a_denial_of_fighting_somewhere_in_a_country_is_no_event():
    assert not extract("Moscow denied that its soldiers were fighting in Ukraine.", "en")


@pytest.mark.parametrize(
    ("text", "lang", "etype", "settlements"),
    [
        (
            "Ukrainian drones attacked air bases at Engels in the Saratov region and Morozovsk "
            "in the Rostov region on Monday.",
            "en",
            "strike",
            {"Engels", "Morozovsk"},
        ),
        (
            "Russische troepen namen Krasnohorivka in de regio Donetsk en Synkivka in de regio "
            "Charkiv in.",
            "nl",
            "territory.capture",
            {"Krasnohorivka", "Synkivka"},
        ),
    ],
)
def test_conjuncts_with_a_region_of_their_own_are_one_list(
    text: str, lang: str, etype: str, settlements: set[str]
):
    events = only(extract(text, lang), etype)
    assert {e.place.name for e in events} == settlements
    # the regions locate the settlements; they were not struck or taken themselves
    assert all(e.place.feature != "ADM1" for e in events)


@pytest.mark.parametrize(
    ("text", "lang", "place", "etype"),
    [
        (
            "Russian troops entered Kupiansk, a rail hub in the Kharkiv region that Ukraine "
            "recaptured in September 2022.",
            "en",
            "Kupiansk",
            "territory.capture",
        ),
        (
            "Ukrainian forces retook Trostianets, a town in the Sumy region that Russian troops "
            "had occupied since late February.",
            "en",
            "Trostianets",
            "territory.capture",
        ),
        (
            "De Russen rukken op naar Bachmoet, een stad in de regio Donetsk waar al maanden zwaar "
            "wordt gevochten.",
            "nl",
            "Bakhmut",
            "combat",
        ),
    ],
)
def test_a_relative_clause_after_an_apposition_is_about_the_named_place_not_its_region(
    text: str, lang: str, place: str, etype: str
):
    events = only(extract(text, lang, date="2024-11-20"), etype)
    assert events
    assert {e.place.name for e in events} == {place}


def test_a_comma_far_before_the_region_opens_no_apposition():
    # the relative clause is about the villages' region, not about Kupiansk, which a clause
    # of saying and a time phrase separate from it
    text = (
        "Russian troops entered Kupiansk, the Ukrainian general staff said on Tuesday after a "
        "week of heavy fighting in villages in the Kharkiv region that Russia occupied in March."
    )
    captures = only(extract(text, "en", date="2024-11-20"), "territory.capture")
    # ... and "that Russia occupied": Russia is the relative clause's subject, not a place
    # governed by the "in" before the region
    assert [(e.place.name, e.actor.country) for e in captures] == [("Kharkiv Oblast", "RUS")]


def test_what_one_side_retook_the_other_had_taken_before():
    text = (
        "Oekraïense troepen hebben Vysokopillia heroverd, een dorp in het noorden van de regio "
        "Cherson dat sinds maart bezet was."
    )
    captures = only(
        extract(text, "nl", date="2022-09-05", times={"sinds maart": ("2022-03-01", "2022-03-31")}),
        "territory.capture",
    )
    by_actor = {e.actor.country: e for e in captures}
    assert set(by_actor) == {"UKR", "RUS"}
    assert {e.place.name for e in captures} == {"Vysokopillia"}
    assert by_actor["RUS"].time.earliest == "2022-03-01"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Toen de colonnes Debaltseve verlieten, werden ze van alle kanten beschoten.", "nl"),
        ("When the columns left Debaltseve, they were shelled from all sides.", "en"),
    ],
)
def test_an_attack_naming_no_place_happens_where_its_when_clause_is_set(text: str, lang: str):
    [strike] = only(extract(text, lang, date="2015-02-18"), "strike")
    assert strike.place.name == "Debaltseve"


def test_a_clause_telling_when_by_another_event_does_not_place_the_attack():
    text = "The attack came hours after Blinken arrived in Kyiv on an overnight train."
    assert not only(extract(text, "en"), "combat") + only(extract(text, "en"), "strike")


def test_a_dutch_participle_after_its_place_is_a_strike_there():
    text = "Een dag later werden volgens Moskou Storm Shadows op de regio Koersk afgevuurd."
    [strike] = only(extract(text, "nl", date="2024-11-21"), "strike")
    assert strike.place.name == "Kursk Oblast"
    assert (strike.status, strike.claimant.country) == ("claimed", "RUS")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Russia said it had taken Krynky, the village on the eastern bank of the Dnipro.\n"
            "Krynky has been fought over for months.\n"
            "Marines have held a foothold in Krynky since October.\n"
            "The claim could not be verified.\n"
            "Three days earlier Ukraine ordered its troops out of Avdiivka, the industrial town "
            "north of Donetsk.\n"
            "The withdrawal was needed to save lives, the commander said.\n"
            "Russia's defence ministry said its troops had liberated the town.",
            "en",
        ),
        (
            "Rusland zegt Krynky te hebben ingenomen, het dorp op de oostoever van de Dnipro.\n"
            "Om Krynky wordt al maanden gevochten.\n"
            "Mariniers hebben sinds oktober een bruggenhoofd bij Krynky.\n"
            "Dat is niet te controleren.\n"
            "Drie dagen eerder trok Oekraïne zijn troepen terug uit Avdiivka, het stadje ten "
            "noorden van Donetsk.\n"
            "Dat was nodig om levens te redden, zei de commandant.\n"
            "Het Russische ministerie van Defensie zegt dat zijn troepen het stadje hebben "
            "bevrijd.",
            "nl",
        ),
    ],
)
def test_the_town_is_the_place_called_a_town_not_the_one_called_a_village(text: str, lang: str):
    captures = only(extract(text, lang, date="2024-02-20"), "territory.capture")
    last = max(captures, key=lambda e: e.evidence[0].start)
    assert last.place.name == "Avdiivka"
    assert last.actor.country == "RUS"


def test_troops_clearing_a_town_take_it_but_sappers_clearing_mines_take_nothing():
    text = "Moscow said its troops had cleared the whole of Mariupol."
    [capture] = only(extract(text, "en", date="2022-04-17"), "territory.capture")
    assert (capture.place.name, capture.actor.country) == ("Mariupol", "RUS")
    assert capture.status == "claimed"
    assert not extract("Sappers cleared the area of mines near Kherson.", "en")


def test_a_list_of_parties_begins_before_the_member_found_as_subject():
    text = (
        "On Tuesday the prime ministers of Poland, the Czech Republic and Slovenia travelled to "
        "Kyiv by train to meet Zelensky."
    )
    meetings = only(extract(text, "en", date="2022-03-15"), "diplomacy")
    assert {e.actor.country for e in meetings} == {"POL", "CZE", "SVN"}
    assert {e.target.country for e in meetings} == {"UKR"}


def test_dutch_expulsions_split_from_their_particle_are_diplomacy_per_country():
    text = "Ook België, Ierland en Tsjechië stuurden vandaag Russische diplomaten weg."
    expulsions = only(extract(text, "nl", date="2022-04-05"), "diplomacy")
    assert {e.actor.country for e in expulsions} == {"BEL", "IRL", "CZE"}
    assert {e.target.country for e in expulsions} == {"RUS"}
    [one] = only(extract("Nederland wijst twee Russische diplomaten uit.", "nl"), "diplomacy")
    assert (one.actor.country, one.target.country) == ("NLD", "RUS")


def test_the_town_is_no_capital_even_when_the_capital_was_named_last():
    text = (
        "Hundreds of Ukrainian soldiers are encircled in Ilovaisk, a battalion commander said, "
        "appealing to Kyiv for reinforcements.\nGovernment forces had entered the town on "
        "18 August."
    )
    advances = only(extract(text, "en", date="2014-08-26"), "territory.advance")
    assert {e.place.name for e in advances} == {"Ilovaisk"}


@pytest.mark.parametrize(
    "text",
    [
        "Mykhailo Mudryk struck six minutes from time as Ukraine came from behind to beat "
        "Iceland 2-1 in Wroclaw on Tuesday.",
        "Oleksandr Usyk stormed back in the ninth round to beat Tyson Fury in Riyadh on "
        "Saturday, capturing all four belts.",
    ],
)
def test_abroad_an_attack_needs_a_force_or_a_weapon_named_not_a_country(text: str):
    assert not [e for e in extract(text, "en") if e.type in VIOLENT_TYPES]


def test_a_missile_abroad_is_still_a_strike():
    text = "A Russian-made missile hit a grain facility in Przewodow on Tuesday, killing two men."
    [strike] = only(extract(text, "en", date="2022-11-16"), "strike")
    assert strike.place.name == "Przewodów"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Oesyk, geboren in Simferopol op de Krim, veroverde naast zijn eigen titels ook de "
            "WBC-gordel van Fury.",
            "nl",
        ),
        ("Usyk, who was born in Simferopol in Crimea, captured all four belts.", "en"),
    ],
)
def test_where_someone_was_born_is_no_place_of_what_they_do(text: str, lang: str):
    assert not extract(text, lang)


def test_a_place_opening_the_text_is_no_birthplace():
    # the first tokens of a document have no birth word before them
    [capture] = only(
        extract("Simferopol is door Russische troepen ingenomen.", "nl"), "territory.capture"
    )
    assert capture.place.name == "Simferopol"


@pytest.mark.parametrize(
    ("surface", "admin1", "day", "holder"),
    [
        ("Sevastopol", "Sevastopol", "2023-09-13", "RUS"),
        ("Kerch", "Crimea", "2022-10-08", "RUS"),
        ("Kerch", "Crimea", "2013-05-01", "UKR"),  # before the annexation
        ("Kherson", "Kherson", "2023-09-13", "UKR"),
    ],
)
def test_a_place_is_held_by_the_side_that_held_its_region_for_years(
    surface: str, admin1: str, day: str, holder: str
):
    place = PlaceMention(0, len(surface), surface, None, surface, "PPLA", admin1, "UA")
    assert holder_of_place(place, day) == holder


def test_an_attack_in_long_held_crimea_with_no_attacker_named_is_presumed_ukraines():
    text = "Explosions hit the Saky air base overnight."
    doc = make_doc(text, "en", date="2022-08-10")
    start = text.index("Saky")
    doc.places = [
        PlaceMention(
            start, start + 13, "Saky air base", 7550370, "Saky Air Base", "AIRB", "Crimea", "UA"
        )
    ]
    [strike] = only(EventExtractor()(doc).events, "strike")
    assert (strike.actor.country, strike.target.country) == ("UKR", "RUS")


def test_lending_a_country_money_is_aid_but_lending_support_is_not():
    text = "G7 leaders agreed on Thursday to lend Ukraine $50 billion."
    [loan] = only(extract(text, "en", date="2024-06-14"), "aid")
    assert (loan.actor.role, loan.target.country) == ("international", "UKR")
    assert loan.amount.value == 50e9
    assert not only(extract("Germany lent its support to the resolution.", "en"), "aid")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russian officials said Ukraine attacked Belgorod with helicopters on Thursday.", "en"),
        ("Volgens Moskou viel Oekraïne Belgorod donderdag aan met helikopters.", "nl"),
    ],
)
def test_an_attack_from_the_air_is_a_strike(text: str, lang: str):
    events = [e for e in extract(text, lang, date="2022-04-14") if e.type in VIOLENT_TYPES]
    assert [e.type for e in events] == ["strike"]
    assert events[0].actor.country == "UKR"


def test_a_dutch_strong_participle_before_its_noun_is_no_event_but_after_a_relative_it_is():
    text = "De separatisten lieten in Debaltseve voertuigen en een neergeschoten helikopter achter."
    assert not only(extract(text, "nl"), "strike")
    text = "In Debaltseve, de stad die gisteren zwaar beschoten werd, vielen doden."
    assert [e.place.name for e in only(extract(text, "nl"), "strike")] == ["Debaltseve"]


def test_two_attacks_on_a_city_one_dated_one_not_are_two_events():
    text = (
        "On Monday a Russian missile hit a school in Kyiv, killing two teachers.\n"
        "Debris from a Russian drone hit a high-rise building in Kyiv."
    )
    strikes = only(
        extract(text, "en", date="2024-06-12", times={"On Monday": ("2024-06-10", "2024-06-10")}),
        "strike",
    )
    assert len(strikes) == 2
    assert {e.place.name for e in strikes} == {"Kyiv"}


def test_a_list_after_a_subordinate_clause_comma_is_still_one_list():
    text = (
        "Bodies were found after Russian troops pulled back from towns including Bucha, "
        "Borodianka and Irpin."
    )
    withdrawals = only(extract(text, "en", date="2022-04-03"), "territory.withdrawal")
    assert {e.place.name for e in withdrawals} == {"Bucha", "Borodianka", "Irpin"}
    # without a closing "and", a name after the comma begins something else
    text = "Residents returned after Russian troops pulled back from Bucha, Irpin officials said."
    withdrawals = only(extract(text, "en", date="2022-04-03"), "territory.withdrawal")
    assert {e.place.name for e in withdrawals} == {"Bucha"}


def test_dropping_a_bomb_on_a_place_is_a_strike_there():
    text = "A Russian aircraft dropped a powerful bomb on a theatre in Mariupol on Wednesday."
    [strike] = only(extract(text, "en", date="2022-03-17"), "strike")
    assert (strike.actor.country, strike.place.name) == ("RUS", "Mariupol")
    text = "Ukraine accused Russia of sending two jets to drop phosphorus bombs on Snake Island."
    [strike] = only(extract(text, "en", date="2022-07-01"), "strike")
    assert (strike.actor.country, strike.claimant.country) == ("RUS", "UKR")
    # dropping charges, or a bomb shelter, is no strike
    assert not extract("Prosecutors dropped the charges against a soldier in Kyiv.", "en")


def test_sinking_a_ship_is_a_strike_but_a_ship_that_sank_tells_no_attack():
    text = (
        "Ukraine's military intelligence said its sea drones had sunk the Russian landing ship "
        "Caesar Kunikov off the coast near Alupka."
    )
    [strike] = only(extract(text, "en", date="2024-02-15"), "strike")
    assert (strike.actor.country, strike.place.name) == ("UKR", "Alupka")
    assert not extract("The damaged ship sank the next day near Sevastopol.", "en")


def test_attacking_a_bridge_is_a_strike_but_fighting_before_a_capture_is_not():
    text = "Two people were killed on Monday when the Crimean Bridge was attacked, Moscow said."
    events = [e for e in extract(text, "en", date="2023-07-17") if e.type in VIOLENT_TYPES]
    assert [(e.type, e.place.name) for e in events] == [("strike", "Crimean Bridge")]
    text = "Russische troepen hebben na hevige gevechten de Crimean Bridge in handen gekregen."
    assert not only(extract(text, "nl"), "strike")


def test_a_weapon_that_kills_falls_or_is_fired_at_a_place_is_a_strike():
    cases = [
        ("A Russian missile killed seven people in Kupiansk on Thursday.", "en", "Kupiansk"),
        ("Russian bombs fell on Pokrovsk overnight.", "en", "Pokrovsk"),
        ("Ukraine's air force said Russia had fired 13 missiles at Kyiv.", "en", "Kyiv"),
        ("The Russian army targeted Chernihiv with three missiles.", "en", "Chernihiv"),
        ("Russian artillery opened fire on Kherson.", "en", "Kherson"),
        ("Russische bommen vielen vannacht op Pokrovsk.", "nl", "Pokrovsk"),
        ("Een Russische raket doodde zeven mensen in Kupiansk.", "nl", "Kupiansk"),
        ("Kherson lag zondag opnieuw onder artillerievuur.", "nl", "Kherson"),
        ("Russische artillerie opende het vuur op Kherson.", "nl", "Kherson"),
    ]
    for text, lang, place in cases:
        [strike] = only(extract(text, lang, date="2024-05-10"), "strike")
        assert strike.place.name == place, text
    # several weapons between the verb and the country they were aimed at: one strike there
    text = "Russia launched 40 missiles and 50 drones at Ukraine overnight."
    [strike] = only(extract(text, "en", date="2024-05-10"), "strike")
    assert (strike.actor.country, strike.place.name) == ("RUS", "Ukraine")
    # firing a person, targeting voters, or rain that fell: no strike
    for text in (
        "The president fired his chief of staff in Kyiv on Friday.",
        "The campaign targeted voters in Kherson.",
        "Heavy snow fell on Kyiv overnight.",
    ):
        assert not only(extract(text, "en", date="2024-05-10"), "strike"), text


def test_an_attack_on_a_country_and_on_a_place_in_it_in_one_sentence_is_one_strike():
    text = (
        "Ukraine launched 300 drones at Russia overnight, Moscow said, and most of them were "
        "shot down over Sudzha."
    )
    [strike] = only(extract(text, "en", date="2025-03-11"), "strike")
    assert strike.place.name == "Sudzha"


def test_casualties_that_fall_take_no_place_and_each_count_keeps_its_own_verb():
    text = "Russische troepen bestookten Kherson vrijdag met glijbommen, waarbij drie doden vielen."
    events = extract(text, "nl", date="2024-05-10")
    assert [(e.type, e.fatalities) for e in events] == [("strike", 3)]
    text = "The attack on Dnipro killed 12 people and wounded 40, officials said."
    [strike] = only(extract(text, "en", date="2024-05-10"), "strike")
    assert (strike.fatalities, strike.injured) == (12, 40)
    text = "Bij de aanval op Dnipro kwamen twaalf mensen om en raakten veertig mensen gewond."
    [strike] = only(extract(text, "nl", date="2024-05-10"), "strike")
    assert (strike.fatalities, strike.injured) == (12, 40)


def test_a_verb_between_a_force_and_a_named_group_keeps_them_apart():
    # a title and its holder are one actor ("the Ukrainian president Zelensky"), a force, a
    # verb and the group it acts on are not
    text = "Ukrainian forces pushed the Russians back from Kreminna."
    [withdrawal] = only(extract(text, "en", date="2024-05-10"), "territory.withdrawal")
    assert (withdrawal.actor.country, withdrawal.place.name) == ("RUS", "Kreminna")


def test_an_attack_that_is_the_agent_of_a_passive_is_the_other_side_of_its_subject():
    for text, lang in (
        ("De Russische troepen werden door zware beschietingen uit Kreminna verdreven.", "nl"),
        ("Russian troops were driven out of Kreminna by heavy shelling with artillery.", "en"),
    ):
        [strike] = only(extract(text, lang, date="2024-05-10"), "strike")
        assert (strike.actor.country, strike.target.country) == ("UKR", "RUS"), text
    # an attack in an agent phrase of an active clause says nothing of its subject's side
    text = "Russian troops took Kreminna after heavy shelling."
    assert not [e for e in only(extract(text, "en"), "strike") if e.actor.country == "UKR"]


def test_leaving_ones_positions_at_a_place_is_a_withdrawal():
    text = "Ukrainian soldiers left their positions in Marinka to avoid encirclement."
    [withdrawal] = only(extract(text, "en", date="2024-05-10"), "territory.withdrawal")
    assert (withdrawal.actor.country, withdrawal.place.name) == ("UKR", "Marinka")


def test_driving_the_other_side_out_is_its_withdrawal_in_either_voice():
    for text in (
        "Oekraïense troepen hebben de Russen uit Kreminna verdreven.",
        "Oekraïense troepen verdreven de Russen uit Kreminna.",
        "De Russen werden uit Kreminna verdreven.",
        "De Russische troepen zijn teruggedrongen tot buiten Kreminna.",
        # the subject is an attack: its adjective names the side that drives the other out
        "Een Oekraïense tegenaanval heeft de Russische eenheden bij Kreminna teruggedrongen.",
    ):
        [withdrawal] = only(extract(text, "nl", date="2024-05-10"), "territory.withdrawal")
        assert (withdrawal.actor.country, withdrawal.place.name) == ("RUS", "Kreminna"), text
    for text in ("Russian forces were pushed back from Kreminna.",):
        [withdrawal] = only(extract(text, "en", date="2024-05-10"), "territory.withdrawal")
        assert withdrawal.actor.country == "RUS", text


def test_breaking_through_names_no_agent_and_control_taken_over_is_a_capture():
    text = "Russische troepen braken door de Oekraïense verdedigingslinies bij Kreminna."
    [advance] = only(extract(text, "nl", date="2024-05-10"), "territory.advance")
    assert (advance.actor.country, advance.place.name) == ("RUS", "Kreminna")
    text = "Russische troepen hebben de controle over het dorp Kreminna overgenomen."
    [capture] = only(extract(text, "nl", date="2024-05-10"), "territory.capture")
    assert capture.actor.country == "RUS"
    text = "Russische eenheden drongen vrijdag Kreminna binnen."
    [advance] = only(extract(text, "nl", date="2024-05-10"), "territory.advance")
    assert advance.place.name == "Kreminna"


def test_giving_a_place_up_is_a_withdrawal_but_giving_up_hope_is_not():
    for text, lang in (
        ("Oekraïense troepen hebben Vovchansk opgegeven.", "nl"),
        ("Ukrainian troops gave up Vovchansk after weeks of fighting.", "en"),
    ):
        [withdrawal] = only(extract(text, lang, date="2024-05-10"), "territory.withdrawal")
        assert (withdrawal.actor.country, withdrawal.place.name) == ("UKR", "Vovchansk")
    for text, lang in (
        ("De inwoners van Vovchansk hebben de hoop opgegeven.", "nl"),
        ("Ukrainian troops gave up hope of holding Vovchansk.", "en"),
    ):
        assert not only(extract(text, lang, date="2024-05-10"), "territory.withdrawal"), text


def test_a_capture_long_before_a_withdrawal_is_not_its_other_side():
    text = (
        "Met de herovering van Kreminna hebben Oekraïense troepen de Russen verder van de "
        "stad verdreven.\nHet dorp was sinds eind februari bezet."
    )
    times = {"sinds eind februari": ("2022-02-21", "2022-02-28")}
    events = extract(text, "nl", date="2022-03-29", times=times)
    captures = {(e.actor.country, e.time.earliest) for e in only(events, "territory.capture")}
    assert ("RUS", "2022-02-21") in captures


def test_prisoners_swapped_are_an_exchange_but_one_hoped_for_is_not_yet():
    text = "Russia and Ukraine swapped 90 prisoners of war each in Kyiv on Friday."
    [swap] = only(extract(text, "en", date="2024-05-10"), "diplomacy")
    assert {swap.actor.country, swap.target.country} == {"RUS", "UKR"}
    text = "Ukraine hopes to exchange the soldiers for Russian prisoners in Kyiv."
    assert not only(extract(text, "en", date="2024-05-10"), "diplomacy")


def test_a_possessive_in_a_phrase_opening_the_sentence_points_to_its_subject():
    text = (
        "Rusland bestookte Kyiv met drones.\n"
        "Bij hun opmars in de regio Charkiv hebben Oekraïense eenheden veel tanks buitgemaakt."
    )
    events = extract(text, "nl", date="2022-09-12")
    [advance] = [e for e in only(events, "territory.advance") if e.place.name == "Kharkiv Oblast"]
    assert advance.actor.country == "UKR"


def test_a_time_phrase_may_stand_between_a_verb_of_killing_and_its_count():
    text = "Een Russische raket doodde donderdag zeven mensen in Kupiansk."
    times = {"donderdag": ("2024-05-09", "2024-05-09")}
    [strike] = only(extract(text, "nl", date="2024-05-10", times=times), "strike")
    assert strike.fatalities == 7
    # without a verb of killing the number counts nothing
    text = "Een Russische raket trof donderdag zeven huizen in Kupiansk."
    [strike] = only(extract(text, "nl", date="2024-05-10", times=times), "strike")
    assert strike.fatalities is None


def test_a_loss_a_party_admits_was_taken_by_the_other_side():
    for text in (
        "Ukraine's general staff confirmed the loss of Kreminna.",
        "Kyiv admitted losing Kreminna.",
    ):
        [capture] = only(extract(text, "en", date="2024-05-10"), "territory.capture")
        assert (capture.actor.country, capture.claimant.country) == ("RUS", "UKR"), text


def test_the_subject_of_a_passive_of_repelling_is_the_attacker():
    text = "The Russians were repelled near Kupiansk."
    [fight] = only(extract(text, "en", date="2024-05-10"), "combat")
    assert (fight.actor.country, fight.target.country) == ("RUS", "UKR")
    text = "Ukrainian forces counterattacked near Kupiansk."
    [fight] = only(extract(text, "en", date="2024-05-10"), "combat")
    assert fight.actor.country == "UKR"


def test_a_place_liberated_by_an_unnamed_unit_is_its_owners():
    text = "The village of Robotyne was liberated, the brigade said."
    [capture] = only(extract(text, "en", date="2023-08-28"), "territory.capture")
    assert capture.actor.country == "UKR"


def test_an_explosion_at_a_place_is_a_strike():
    text = "An explosion tore through a government building in Kherson, killing eight people."
    [strike] = only(extract(text, "en", date="2024-05-10"), "strike")
    assert (strike.place.name, strike.fatalities) == ("Kherson", 8)


def test_near_after_the_goal_of_a_movement_is_where_it_happens():
    text = "Russian troops again attacked towards Kramatorsk near Lyman on Friday."
    [fight] = only(extract(text, "en", date="2022-05-13"), "combat")
    assert fight.place.name == "Lyman"
    text = "Russische troepen vielen opnieuw aan richting Kramatorsk bij Lyman."
    [fight] = only(extract(text, "nl", date="2022-05-13"), "combat")
    assert fight.place.name == "Lyman"
    # a village near a town it is not the goal of stays located by the town
    text = "Russian troops attacked Bilohorivka, a village near Lysychansk, on Friday."
    [fight] = only(extract(text, "en", date="2022-05-13"), "combat")
    assert fight.place.name == "Bilohorivka"


def test_a_place_falls_to_the_side_that_did_not_hold_it_whoever_tells_it():
    text = (
        "Ukraine's army said Russian units have held the forests around Kreminna since the "
        "town fell in April."
    )
    times = {"in April": ("2022-04-01", "2022-04-30")}
    captures = only(extract(text, "en", date="2022-05-13", times=times), "territory.capture")
    assert {e.actor.country for e in captures} == {"RUS"}


def test_driving_the_other_side_out_of_a_place_takes_it():
    text = "Ukrainian troops drove the Russians out of Kreminna."
    [capture] = only(extract(text, "en", date="2022-10-10"), "territory.capture")
    assert (capture.actor.country, capture.target.country) == ("UKR", "RUS")
    text = "Kramatorsk was quiet.\nGovernment forces drove the rebels out of it in July."
    [capture] = only(extract(text, "en", date="2014-08-10"), "territory.capture")
    assert capture.place.name == "Kramatorsk"
    # the passive tells the driven side's withdrawal
    text = "The rebels were driven out of Kreminna."
    [withdrawal] = only(extract(text, "en", date="2022-10-10"), "territory.withdrawal")
    assert withdrawal.actor.country == "RUS"


def test_a_command_or_officials_in_a_city_name_their_seat_not_the_events_place():
    text = "The rebels' command in Horlivka denied firing at Kramatorsk."
    [strike] = only(extract(text, "en", date="2015-02-10"), "strike")
    assert strike.place.name == "Kramatorsk"


def test_an_attack_people_died_in_is_an_event_not_a_frame():
    text = "Bij een aanval op een controlepost bij Volnovacha zijn zestien militairen omgekomen."
    [fight] = [e for e in extract(text, "nl", date="2014-05-22") if e.type in VIOLENT_TYPES]
    assert (fight.place.name, fight.fatalities) == ("Volnovakha", 16)
    # beside another event it stays the frame of that event
    text = "In een snel tegenoffensief heroverden Oekraïense troepen Volnovacha."
    assert not [e for e in extract(text, "nl", date="2022-09-10") if e.type in VIOLENT_TYPES]


def test_the_army_named_after_rebels_is_the_state_they_fight():
    text = (
        "De separatisten hebben Kramatorsk in handen.\n"
        "Bij Kramatorsk beschoot het leger opnieuw stellingen van de opstandelingen."
    )
    strikes = only(extract(text, "nl", date="2014-05-22"), "strike")
    assert [(e.actor.country, e.actor.role) for e in strikes] == [("UKR", "military")]
    text = "The rebels hold Kramatorsk.\nThe army shelled rebel positions near Kramatorsk."
    strikes = only(extract(text, "en", date="2014-05-22"), "strike")
    assert [e.actor.country for e in strikes] == ["UKR"]


def test_a_withdrawal_where_a_region_is_the_antecedent_of_where():
    text = (
        "Rusland vergeldt zo het Oekraïense tegenoffensief in de regio Charkiv, waar de "
        "Russische troepen zich vorige week terugtrokken."
    )
    [withdrawal] = only(extract(text, "nl", date="2022-09-12"), "territory.withdrawal")
    assert (withdrawal.actor.country, withdrawal.place.name) == ("RUS", "Kharkiv Oblast")


def test_a_dutch_place_may_fall_after_its_verb_and_an_apposition():
    text = (
        "Zes dagen later viel Debaltseve, het spoorwegknooppunt tussen Luhansk en Horlivka, "
        "alsnog in handen van de separatisten."
    )
    [capture] = only(extract(text, "nl", date="2015-02-18"), "territory.capture")
    assert capture.place.name == "Debaltseve"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # an ambush is a fight
        (
            "Oekraïense troepen hebben bij Kreminna een Russische colonne in een hinderlaag "
            "gelokt.",
            "nl",
        ),
        ("Ukrainian troops ambushed a Russian column near Kreminna.", "en"),
        # a force loyal to a capital is that state's, and the capital is no place of the fight
        ("Putin spoke to Merkel.\nTroops loyal to Kyiv attacked Kreminna.", "en"),
        ("Eenheden trouw aan Kyiv vielen Kreminna aan.", "nl"),
    ],
)
def test_who_fights_an_ambush_or_as_a_loyal_force(text: str, lang: str):
    [fight] = only(extract(text, lang, date="2022-03-10"), "combat")
    assert (fight.actor.country, fight.place.name) == ("UKR", "Kreminna")


def test_weapons_fired_at_no_place_named_and_an_unnamed_city_tell_no_strike():
    text = (
        "The depot supplied the airfield at Engels, home to the bombers that Russia uses to fire "
        "cruise missiles at Ukrainian cities."
    )
    assert not only(extract(text, "en", date="2025-01-10"), "strike")
    text = (
        '"There is nothing more cruel than launching aerial bombs on a city," the president '
        "said.\nThe city is some 30 km from the front line."
    )
    assert not only(extract(text, "en", date="2025-01-10"), "strike")


def test_setting_a_place_on_fire_is_a_strike():
    text = "Ukrainian drones set a large fuel depot in Engels on fire early on Wednesday."
    [strike] = only(extract(text, "en", date="2025-01-10"), "strike")
    assert (strike.actor.country, strike.place.name) == ("UKR", "Engels")
    assert not extract("The government set a deadline for talks in Kyiv on fire safety.", "en")
    # the gerund tells the outcome of the attack it depends on: one strike
    text = (
        "Rockets fired by the separatists slammed into a camp near Kreminna, setting tanks ablaze."
    )
    assert len(only(extract(text, "en", date="2014-07-11"), "strike")) == 1


def test_the_owner_of_what_was_hit_is_named_in_the_object_not_clauses_later():
    text = (
        "Ukraine's air force said the missiles fired at Kherson had been launched by bombers "
        "flying over Russia's Kursk region."
    )
    [strike] = only(extract(text, "en", date="2022-06-28"), "strike")
    assert strike.actor.country == "RUS"


def test_the_side_whose_defences_are_breached_is_the_one_attacked():
    text = "Bij Robotyne is de eerste Russische verdedigingslinie doorbroken."
    [advance] = only(extract(text, "nl", date="2023-08-28"), "territory.advance")
    # the adjective names the target; with no one else named the attacker stays open
    assert (advance.target.country, advance.actor.country) == ("RUS", None)
    text = "Ukrainian forces breached the Russian defences near Robotyne."
    [advance] = only(extract(text, "en", date="2023-08-28"), "territory.advance")
    assert advance.actor.country == "UKR"


def test_more_ways_of_taking_a_place():
    for text, lang, actor in (
        ("Ukrainian soldiers planted their flag in Robotyne.", "en", "UKR"),
        ("Robotyne kwam vorige week in handen van de Russen.", "nl", "RUS"),
        ("De Russische troepen maakten zich meester van Robotyne.", "nl", "RUS"),
    ):
        [capture] = only(extract(text, lang, date="2023-08-28"), "territory.capture")
        assert (capture.actor.country, capture.place.name) == (actor, "Robotyne"), text


def test_a_breakthrough_made_is_the_subjects_and_striking_distance_is_no_strike():
    for text, lang in (
        ("Russian forces made a breakthrough near Pokrovsk.", "en"),
        ("De Russen hebben een doorbraak geforceerd bij Pokrovsk.", "nl"),
    ):
        [advance] = only(extract(text, lang, date="2024-05-10"), "territory.advance")
        assert advance.actor.country == "RUS", text
    text = "Russian forces are now within striking distance of Pokrovsk."
    assert not only(extract(text, "en", date="2024-05-10"), "strike")
    text = "Russische troepen zijn het dorp Pokrovsk binnengevallen."
    [advance] = only(extract(text, "nl", date="2024-05-10"), "territory.advance")
    assert advance.place.name == "Pokrovsk"


def test_a_count_of_one_person_is_a_count():
    for text, lang in (
        ("One person was killed in Russian shelling of Kherson.", "en"),
        ("Een persoon kwam om bij Russische beschietingen van Kherson.", "nl"),
    ):
        [strike] = only(extract(text, lang, date="2024-05-10"), "strike")
        assert strike.fatalities == 1, text
    # "een" before a thing is an article, no count
    text = "Een Russische raket trof een school in Kherson."
    [strike] = only(extract(text, "nl", date="2024-05-10"), "strike")
    assert strike.fatalities is None


def test_a_numbered_package_of_sanctions_is_a_new_event_and_dismissals_are_political():
    text = "The EU adopted its 14th sanctions package against Russia on Monday."
    [act] = only(extract(text, "en", date="2024-06-24"), "political")
    assert act.actor.role == "international"
    text = "Zelensky ontsloeg maandag zijn opperbevelhebber Zaloezjny."
    [act] = only(extract(text, "nl", date="2024-02-08"), "political")
    assert act.actor.country == "UKR"


def test_an_agent_phrase_may_name_a_weapon_model_with_hyphens():
    # "by Tu-95 strategic bombers" is the agent phrase of "launched": the bombers are not the
    # subject of "fired", and the speaker before "said" is no attacker either
    text = (
        "Ukrainian officials said the missiles fired at Kherson had been launched by Tu-95 "
        "strategic bombers."
    )
    [strike] = only(extract(text, "en", date="2022-06-28"), "strike")
    assert strike.actor.country == "RUS"
    assert strike.claimant.country == "UKR"


def test_the_state_a_place_lies_in_is_no_actor():
    # "Russia's Bryansk region" locates the region; "they" are the speaker's units
    text = (
        "Ukraine's army chief said on Tuesday his units held some 600 square kilometres of "
        "Russia's Bryansk region, a week after they crossed the border."
    )
    [advance] = only(extract(text, "en", date="2024-08-13"), "territory.advance")
    assert advance.actor.country == "UKR"
    assert advance.place.name == "Bryansk Oblast"


@pytest.mark.parametrize(
    "text",
    [
        # the attack between the verb and its particle
        "Het Oekraïense leger sloeg bij Marinka een grote aanval af.",
        # a subordinate clause writes verb and particle as one word, after the object
        "De gevechten zijn hevig bij Marinka, waar het Oekraïense leger dagelijks aanvallen "
        "afslaat.",
    ],
)
def test_the_attack_a_verb_of_repelling_takes_as_object_is_one_event(text):
    [combat] = only(extract(text, "nl", date="2023-08-10"), "combat")
    assert combat.actor.country == "RUS"  # the side that attacked
    assert combat.target.country == "UKR"


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        (
            "Oekraïense troepen hebben vandaag bij Marinka een Russische tankcolonne in een "
            "hinderlaag gelokt.",
            "combat",
        ),
        (
            "Oekraïense zeedrones hebben bij Marinka een Russisch schip tot zinken gebracht.",
            "strike",
        ),
    ],
)
def test_an_adjective_before_a_prepositional_trigger_modifies_the_noun_before_it(text, etype):
    # "Russische" describes the column ambushed, the ship sunk: not who set the ambush or sank it
    [event] = only(extract(text, "nl", date="2022-03-10"), etype)
    assert event.actor.country == "UKR"
    assert event.target.country == "RUS"


def test_a_plural_genitive_joins_a_group_and_its_command():
    # "the rebels' command": the rebels' own body denies, seated in Horlivka; the town fired
    # at is the place
    text = (
        "Ukrainian officials said rockets fired by separatists hit Kramatorsk on Tuesday. "
        "The rebels' command in Horlivka denied firing at Kramatorsk."
    )
    [denial] = [
        e for e in only(extract(text, "en", date="2015-02-10"), "strike") if e.status == "denied"
    ]
    assert (denial.claimant.country, denial.claimant.role) == ("RUS", "proxy")
    assert denial.place.name == "Kramatorsk"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Analysts said Russia appeared to be withdrawing its units from Kreminna.", "en"),
        ("Volgens analisten leek Rusland zijn eenheden uit Kreminna terug te trekken.", "nl"),
    ],
)
def test_what_appears_to_happen_is_possible(text, lang):
    # "appeared to be withdrawing" hedges a withdrawal going on; it announces no plan
    [withdrawal] = only(extract(text, lang, date="2022-05-13"), "territory.withdrawal")
    assert withdrawal.modality == "possible"


def test_the_speaker_is_the_subject_before_the_verb_of_saying_past_its_own_region():
    # "of the Bryansk region" only places the governor: he, not the drones after "said",
    # is the speaker
    text = (
        "Alexander Bogomaz, the governor of the Bryansk region, said drones had hit an oil "
        "depot in Bryansk."
    )
    [strike] = only(extract(text, "en", date="2025-01-08"), "strike")
    assert (strike.status, strike.claimant.country, strike.claimant.role) == (
        "claimed",
        "RUS",
        "government",
    )


def test_trying_to_get_a_town_into_ones_hands_is_an_advance():
    text = "De Russen proberen het stadje Lyman al sinds het voorjaar in handen te krijgen."
    times = {"sinds het voorjaar": ("2024-03-01", "2024-05-31")}
    events = extract(text, "nl", times=times)
    assert only(events, "territory.capture") == []
    [e] = only(events, "territory.advance")
    assert (e.actor.country, e.place.name) == ("RUS", "Lyman")


def test_an_agent_phrase_of_a_fronted_participle_is_not_the_verbs():
    text = (
        "Helped by an estimated 11,000 North Korean soldiers, Russian forces retook Sudzha in "
        "March."
    )
    [e] = only(extract(text, "en", date="2025-04-28"), "territory.capture")
    assert (e.actor.country, e.place.name) == ("RUS", "Sudzha")
    passive = "Ook Lyman, zo'n vijftien kilometer zuidelijker, werd door de separatisten verlaten."
    [w] = only(extract(passive, "nl"), "territory.withdrawal")
    assert (w.actor.country, w.actor.role) == ("RUS", "proxy")


def test_government_troops_are_the_forces_of_the_state_whose_ground_it_is():
    text = "Separatists attacked Lyman.\nGovernment troops retook Lyman on Saturday."
    [e] = only(extract(text, "en", date="2014-07-06"), "territory.capture")
    assert (e.actor.country, e.actor.role) == ("UKR", "military")


def test_explosions_that_kill_are_a_strike_and_a_regime_is_seated():
    text = (
        "Bij explosies in Lyman zijn vannacht twee mensen om het leven gekomen.\n"
        "Moskou spreekt van een terroristische aanslag door het regime in Kyiv."
    )
    events = only(extract(text, "nl"), "strike")
    assert events and {e.place.name for e in events} == {"Lyman"}


def test_a_leaders_own_security_council_is_no_un_body():
    text = (
        "Poetin zei vanmiddag in Moskou tijdens een overleg met zijn veiligheidsraad dat er een "
        "antwoord komt."
    )
    assert [e for e in only(extract(text, "nl"), "diplomacy") if e.target] == []


def test_signing_an_annexation_before_a_final_verb_is_the_political_act():
    text = "Een dag eerder had Poetin in het Kremlin de annexatie van de regio Lyman ondertekend."
    events = extract(text, "nl")
    assert only(events, "diplomacy") == []
    assert [e.actor.country for e in only(events, "political")] == ["RUS"]


def test_the_orcs_are_the_russian_side():
    text = '"Lyman is under the control of the orcs," the governor told reporters on Tuesday.'
    [e] = only(extract(text, "en"), "territory.capture")
    assert e.actor.country == "RUS"


def test_talks_with_a_counterpart_stay_diplomacy():
    text = (
        "De Oekraïense president Zelensky overlegde gisteren in Kyiv met de Amerikaanse president."
    )
    [e] = only(extract(text, "nl"), "diplomacy")
    assert e.actor.country == "UKR"


def test_a_lexicon_actor_over_a_proxy_marker_can_be_an_agent():
    text = "In Donetsk werd door de separatistische leiders een referendum georganiseerd."
    events = extract(text, "nl")
    assert all(e.actor.country == "RUS" for e in events if e.actor.country)


def test_a_document_without_any_trigger_word_gives_no_events():
    text = "Feyenoord won gisteren met 2-0 van Sjachtar.\nDe supporters vierden feest in Rotterdam."
    assert extract(text, "nl") == []


# -- lists, series, political acts, "since" with holding verbs ------------------------------


def test_counted_villages_named_after_an_attribution_sentence():
    text = (
        "Het Oekraïense leger heeft deze week zes dorpen in het zuiden heroverd.\n"
        "Dat zegt de onderminister van Defensie.\n"
        "Het gaat om Robotyne, Levadne en Lobkove in de regio Donetsk en om Marinka, "
        "Kreminna en Popasna."
    )
    events = only(extract(text, "nl"), "territory.capture")
    assert sorted(e.place.name for e in events) == [
        "Kreminna",
        "Levadne",
        "Lobkove",
        "Marinka",
        "Popasna",
        "Robotyne",
    ]
    assert all(e.actor.country == "UKR" for e in events)


def test_counted_villages_are_not_taken_from_a_sentence_too_far_away():
    text = (
        "Het Oekraïense leger heeft deze week drie dorpen heroverd.\n"
        "Dat zegt de onderminister van Defensie.\n"
        "Details gaf hij niet.\n"
        "De regering noemde Robotyne, Levadne en Lobkove als voorbeelden."
    )
    assert only(extract(text, "nl"), "territory.capture") == []


def test_a_capital_in_a_list_of_struck_cities_is_one_of_the_places():
    text = "Russian missiles struck Kyiv, Kryvyi Rih and Dnipro on Monday morning."
    events = only(extract(text, "en"), "strike")
    assert sorted(e.place.name for e in events) == ["Dnipro", "Kryvyi Rih", "Kyiv"]
    assert all(e.actor.country == "RUS" for e in events)
    text = "Russia fired missiles overnight, striking Lutsk, Dnipro, Kyiv and other cities."
    assert sorted(e.place.name for e in only(extract(text, "en"), "strike")) == [
        "Dnipro",
        "Kyiv",
        "Lutsk",
    ]


def test_a_capital_after_a_comma_in_a_headline_stays_the_speaker():
    text = "Wagner claimt verovering Bachmoet, Kyiv: 'gevechten gaan door'"
    for kinds in (["heading"], ["sentence"]):
        captures = only(extract(text, "nl", kinds=kinds), "territory.capture")
        assert "Kyiv" not in [e.place.name for e in captures]
    text = "Wagner claimt verovering van Bachmoet, Kyiv en Lyman"
    captures = only(extract(text, "nl"), "territory.capture")
    assert "Kyiv" in [e.place.name for e in captures]


def test_an_ordinal_makes_a_definite_sanctions_package_a_new_event():
    text = "Vorige week nam de Europese Unie haar twaalfde sanctiepakket tegen Rusland aan."
    [e] = only(
        extract(text, "nl", date="2023-12-26", times={"Vorige week": ("2023-12-18", "2023-12-24")}),
        "political",
    )
    assert e.actor.name == "European Union" and e.time.earliest == "2023-12-18"
    # without the ordinal, a definite package with nothing before it is a re-mention: no event
    text = "De Europese Unie heeft het sanctiepakket tegen Rusland aangenomen."
    assert only(extract(text, "nl"), "political") == []


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("In Moscow, President Vladimir Putin signed a law that bans protests.", "en", "RUS"),
        (
            "Russische militairen hebben gisteren de burgemeester van Melitopol ontvoerd.",
            "nl",
            "RUS",
        ),
        (
            "President Zelensky zei dat Oekraïne nog 450.000 militairen wil mobiliseren.",
            "nl",
            "UKR",
        ),
    ],
)
def test_laws_abductions_and_mobilisation_are_political_events(text, lang, country):
    [e] = only(extract(text, lang), "political")
    assert e.actor.country == country


def test_since_with_a_holding_verb_dates_the_capture():
    text = "Fighting continued near Vovchansk, which Russian troops have occupied since March."
    [e] = only(
        extract(text, "en", date="2022-08", times={"since March": ("2022-03-01", "2022-03-31")}),
        "territory.capture",
    )
    assert e.place.name == "Vovchansk" and e.time.earliest == "2022-03-01"


def test_since_with_a_plain_capture_verb_is_no_date_of_the_capture():
    text = "Pokrovsk is the largest town Russia has captured since the start of the year."
    events = only(
        extract(
            text,
            "en",
            date="2024-10-16",
            times={"since the start of the year": ("2024-01-01", "2024-01-31")},
        ),
        "territory.capture",
    )
    assert all(e.time.earliest != "2024-01-01" for e in events)


def test_a_role_noun_with_a_country_adjective_takes_that_country_in_the_agent_phrase():
    text = (
        "Het Oekraïense leger heeft zich teruggetrokken uit Lyman.\n"
        "Volgens een woordvoerder werden de militairen daar aangevallen door een bataljon "
        "Russische tanks."
    )
    [e] = only(extract(text, "nl"), "combat")
    assert e.actor.country == "RUS" and e.target.country == "UKR"


def test_the_peninsula_refers_to_a_region_that_is_a_peninsula():
    text = (
        "Explosions shook an air base in Crimea on Tuesday.\nRussia seized the peninsula in 2014."
    )
    [e] = only(
        extract(text, "en", date="2022-08", times={"in 2014": ("2014-01-01", "2014-12-31")}),
        "territory.capture",
    )
    assert e.place.name == "Crimea" and e.time.earliest == "2014-01-01"
    # an island is no region: "het eiland" does not point back at the Crimea
    text = "Op de Krim waren explosies te horen.\nDe Russen namen het eiland in 2014 in."
    assert only(extract(text, "nl"), "territory.capture") == []


def test_coordinated_donors_each_give_aid_and_are_no_recipients():
    text = "Germany, the Netherlands and Italy will supply air defence systems to Ukraine."
    events = only(extract(text, "en"), "aid")
    assert sorted(e.actor.country for e in events) == ["DEU", "ITA", "NLD"]
    assert all(e.target.country == "UKR" for e in events)


def test_a_gerund_after_a_preposition_takes_the_clause_subject():
    text = "Biden said Romania and Italy would join Washington in supplying the systems to Ukraine."
    events = only(extract(text, "en"), "aid")
    assert sorted(e.actor.country for e in events) == ["ITA", "ROU"]


def test_a_verb_of_following_repeats_the_previous_capture_for_the_places_it_names():
    text = (
        "Gisteren meldde het Russische ministerie van Defensie de inname van Robotyne.\n"
        "Vandaag volgden volgens het ministerie Levadne en Lobkove."
    )
    events = only(
        extract(
            text,
            "nl",
            date="2024-05-11",
            times={
                "Gisteren": ("2024-05-10", "2024-05-10"),
                "Vandaag": ("2024-05-11", "2024-05-11"),
            },
        ),
        "territory.capture",
    )
    by_place = {e.place.name: e for e in events}
    assert sorted(by_place) == ["Levadne", "Lobkove", "Robotyne"]
    assert by_place["Levadne"].actor.country == "RUS"
    assert by_place["Levadne"].time.earliest == "2024-05-11"
    assert by_place["Robotyne"].time.earliest == "2024-05-10"


def test_a_verb_of_following_without_a_territorial_event_before_it_makes_nothing():
    text = "De minister sprak gisteren in Kyiv.\nVandaag volgden Levadne en Lobkove."
    assert [e for e in extract(text, "nl") if e.type.startswith("territory")] == []
    # a new paragraph is a new topic: its "volgden" does not continue the capture before it
    text = "Rusland meldde de inname van Robotyne.\n\nVandaag volgden Levadne en Lobkove."
    captures = only(extract(text, "nl"), "territory.capture")
    assert [e.place.name for e in captures] == ["Robotyne"]


# -- passives, lists and their denials ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kyiv werd in de nacht bestookt met tientallen drones.", "nl"),
        ("Kyiv was hit by a massive missile attack on Monday.", "en"),
    ],
)
def test_subject_of_a_passive_strike_is_the_place_hit_not_the_attacker(text: str, lang: str):
    strikes = only(extract(text, lang), "strike")
    assert len(strikes) == 1
    assert strikes[0].place is not None and strikes[0].place.name == "Kyiv"
    assert strikes[0].target is not None and strikes[0].target.country == "UKR"
    assert strikes[0].actor.country != "UKR"


def test_active_strike_keeps_its_subject_as_the_attacker():
    strikes = only(extract("Rusland bestookte Kyiv opnieuw met raketten.", "nl"), "strike")
    assert len(strikes) == 1
    assert strikes[0].actor.country == "RUS"
    assert strikes[0].place is not None and strikes[0].place.name == "Kyiv"


def test_denial_of_a_claimed_list_denies_every_place():
    text = (
        "Het Russische ministerie van Defensie meldt dat Russische troepen Robotyne, "
        "Levadne en Lobkove hebben ingenomen.\n"
        "Oekraïne ontkent dat."
    )
    captures = only(extract(text, "nl"), "territory.capture")
    claimed = {e.place.name for e in captures if e.status == "claimed"}
    denied = {e.place.name for e in captures if e.status == "denied"}
    assert claimed == {"Robotyne", "Levadne", "Lobkove"}
    assert denied == claimed
    assert all(e.claimant.country == "UKR" for e in captures if e.status == "denied")


def test_split_sanction_verb_with_its_particle_after_the_object():
    text = "The European Union on Wednesday cut seven Russian banks off from the payment system."
    political = only(extract(text, "en"), "political")
    assert len(political) == 1
    assert political[0].actor.role == "international"


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Russian forces have yet to take Bakhmut despite repeated assaults.", "territory.capture"),
        ("Russian troops failed to encircle Kupiansk last autumn.", "territory.advance"),
    ],
)
def test_english_infinitive_after_yet_to_or_failed_to_is_a_negated_event(text: str, etype: str):
    events = only(extract(text, "en"), etype)
    assert len(events) == 1
    assert events[0].modality == "negated"
    assert events[0].actor.country == "RUS"


def test_speaker_of_claimed_to_have_taken_is_the_actor_and_the_rejection_a_denial():
    events = only(
        extract("Moscow claimed to have taken Robotyne, a claim Kyiv rejected.", "en"),
        "territory.capture",
    )
    by_status = {e.status: e for e in events}
    assert set(by_status) == {"claimed", "denied"}
    assert by_status["claimed"].actor.country == "RUS"
    assert by_status["claimed"].claimant.country == "RUS"
    assert by_status["denied"].claimant.country == "UKR"
    assert {e.place.name for e in events} == {"Robotyne"}


def test_passive_strike_with_a_participle_clause_counts_the_dead_and_no_victim_as_actor():
    text = "Dnipro was targeted by drones overnight, killing four people, the governor said."
    strikes = only(extract(text, "en"), "strike")
    assert len(strikes) == 1
    assert strikes[0].fatalities == 4
    assert strikes[0].actor.role != "civilian"
    assert strikes[0].target is not None and strikes[0].target.country == "UKR"


def test_plural_place_noun_stands_for_the_list_named_before():
    text = (
        "Russian forces have captured Robotyne, Levadne and Lobkove, the defence ministry "
        "in Moscow said.\n"
        "Ukraine's military denied that the villages had fallen."
    )
    captures = only(extract(text, "en"), "territory.capture")
    denied = {e.place.name for e in captures if e.status == "denied"}
    assert denied == {"Robotyne", "Levadne", "Lobkove"}  # Moscow, a seat, is no member


def test_plural_place_noun_with_a_locator_is_no_anaphor():
    text = (
        "Oekraïense troepen heroverden Robotyne en Levadne.\n"
        "De Russen trokken zich terug uit de gebieden ten noorden en westen van Kyiv."
    )
    withdrawals = only(extract(text, "nl"), "territory.withdrawal")
    assert len(withdrawals) == 1  # not one per village of the list before


def test_nominal_fall_of_a_place_with_its_own_time_is_a_background_capture():
    text = "Na de val van Bachmoet in mei richten de Russen zich op Soledar."
    captures = only(
        extract(text, "nl", times={"in mei": ("2023-05-01", "2023-05-31")}), "territory.capture"
    )
    assert [e.place.name for e in captures] == ["Bakhmut"]
    assert captures[0].time.earliest == "2023-05-01"


def test_attack_with_drones_as_instrument_is_a_strike():
    text = "Oekraïne heeft met drones een olieraffinaderij in Soedzja aangevallen."
    events = extract(text, "nl")
    assert [e.type for e in events] == ["strike"]
    assert events[0].actor.country == "UKR"


def test_infinitive_and_gerund_take_the_matrix_subject_and_their_object_as_counterpart():
    text = (
        "President Volodymyr Zelensky is due to address the United Nations General Assembly "
        "in New York this week, before travelling to Washington to meet President Joe Biden."
    )
    doc = make_doc(text, "en", date="2023-09-18")
    for surface, name, gid in (
        ("New York", "New York City", 5128581),
        ("Washington", "Washington", 4140963),
    ):
        start = text.index(surface)
        doc.places.append(
            PlaceMention(start, start + len(surface), surface, gid, name, "PPL", None, "US")
        )
    doc.places.sort(key=lambda p: p.start)
    talks = only(EventExtractor()(doc).events, "diplomacy")
    assert {e.place.name for e in talks} == {"New York City", "Washington"}
    assert all(e.actor.country == "UKR" and e.modality == "planned" for e in talks)
    washington = next(e for e in talks if e.place.name == "Washington")
    assert washington.target is not None and washington.target.country == "USA"


def test_progressive_is_no_gerund_clause():
    text = "Moscow announced it was withdrawing troops from Lyman, as Ukrainian forces advanced."
    withdrawals = only(extract(text, "en"), "territory.withdrawal")
    assert [e.actor.country for e in withdrawals] == ["RUS"]


@pytest.mark.parametrize(
    ("text", "lang", "etype"),
    [
        (
            "De Russen namen in enkele dagen negen dorpen in, waaronder Robotyne en Levadne.",
            "nl",
            "territory.capture",
        ),
        (
            "Oekraïense troepen trokken zich terug uit twee dorpen in de regio Donetsk, "
            "Robotyne en Levadne.",
            "nl",
            "territory.withdrawal",
        ),
        (
            "Russian forces captured several villages, including Robotyne and Levadne.",
            "en",
            "territory.capture",
        ),
    ],
)
def test_indefinite_plural_named_later_in_its_own_sentence(text: str, lang: str, etype: str):
    text += "\nIn Lobkove bleef het rustig."  # the next sentence's village is not one of them
    events = only(extract(text, lang), etype)
    assert sorted(e.place.name for e in events) == ["Levadne", "Robotyne"]


def test_strike_verb_with_its_weapon_keeps_the_subject_as_attacker():
    text = "Oekraïne heeft Russische luchtmachtbases op de Krim met raketten bestookt."
    strikes = only(extract(text, "nl"), "strike")
    assert len(strikes) == 1
    assert strikes[0].actor.country == "UKR"
    assert strikes[0].target is not None and strikes[0].target.country == "RUS"


def test_attack_noun_between_a_demonym_and_victims_is_no_actor_phrase():
    text = (
        "Volgens de gouverneur zijn bij een Oekraïense beschieting van Soedzja drie burgers gedood."
    )
    strikes = only(extract(text, "nl"), "strike")
    assert len(strikes) == 1
    assert strikes[0].actor.country == "UKR"
    assert strikes[0].fatalities == 3


@pytest.mark.parametrize(
    ("text", "etype", "country"),
    [
        (
            "Russia said on Saturday it had pulled its troops out of Lyman.",
            "territory.withdrawal",
            "RUS",
        ),
        (
            "Ukrainian units fell back from Soledar after weeks of fighting.",
            "territory.withdrawal",
            "UKR",
        ),
        (
            "Ukrainian forces raised the national flag over Lyman on Saturday.",
            "territory.capture",
            "UKR",
        ),
        ("Russian troops crossed the border near Vovchansk on Friday.", "territory.advance", "RUS"),
    ],
)
def test_english_phrasal_territorial_verbs(text: str, etype: str, country: str):
    events = only(extract(text, "en"), etype)
    assert len(events) == 1
    assert events[0].actor.country == country


def test_sport_storming_past_an_opponent_is_no_advance():
    text = "Elina Svitolina stormed past the world number three in Melbourne on Tuesday."
    assert not [e for e in extract(text, "en") if e.type.startswith("territory")]


def test_withdrawal_without_a_place_leaves_the_settlement_in_focus():
    text = (
        "Russische troepen vielen gisteren Lobkove aan.\n"
        "Na twee dagen van gevechten trokken de aanvallers zich terug, zegt de burgemeester."
    )
    withdrawals = only(extract(text, "nl"), "territory.withdrawal")
    assert [e.place.name for e in withdrawals] == ["Lobkove"]


def test_withdrawal_without_a_place_and_no_recent_settlement_gives_no_event():
    text = (
        "Russische troepen vielen Lobkove aan.\n"
        "De regering vergaderde.\n"
        "Het parlement sprak over de begroting.\n"
        "Na twee dagen van gevechten trokken de aanvallers zich terug."
    )
    assert not only(extract(text, "nl"), "territory.withdrawal")


def test_giving_is_aid_only_with_a_country_as_recipient():
    aid = only(extract("Germany will give Ukraine forty Marder vehicles.", "en"), "aid")
    assert [e.actor.country for e in aid] == ["DEU"]
    text = "Control of Kherson would give Russian forces a way through to the west."
    assert not only(extract(text, "en"), "aid")


def test_military_officers_meeting_is_no_diplomacy():
    text = "Russia said it had hit a hotel in Kyiv where Ukrainian commanders were meeting."
    assert not only(extract(text, "en"), "diplomacy")


def test_attack_noun_with_a_death_toll_and_no_ground_force_is_a_strike():
    text = "Het dodental van de Russische aanval op het centrum van Dnipro is gestegen tot 34."
    events = extract(text, "nl")
    assert [(e.type, e.fatalities) for e in events] == [("strike", 34)]


def test_attack_noun_in_the_sentence_of_a_strike_is_that_strike():
    text = "Several drones struck buildings in Moscow, in the most serious attack on the city."
    assert [e.type for e in extract(text, "en")] == ["strike"]


def test_strike_in_a_sentence_naming_no_place_happened_at_the_place_just_named():
    text = (
        "Russia pounded Dnipro with missiles overnight, officials said.\n"
        "In the morning a missile hit a children's hospital."
    )
    strikes = only(extract(text, "en"), "strike")
    assert [e.place.name for e in strikes] == ["Dnipro", "Dnipro"]


def test_fight_in_a_sentence_naming_no_place_is_not_given_one():
    text = "Russian troops attacked Lobkove.\nThe battle was decided before half time."
    assert len([e for e in extract(text, "en") if e.type in ("combat", "strike")]) == 1


def test_a_possessor_city_is_no_event_place_but_a_possessed_event_noun_keeps_it():
    took = only(
        extract("Moscow's troops took the nearby town of Lyman.", "en"), "territory.capture"
    )
    assert [e.place.name for e in took] == ["Lyman"]
    text = "Ukraine's general staff confirmed Robotyne's recapture on Friday."
    assert [e.place.name for e in only(extract(text, "en"), "territory.capture")] == ["Robotyne"]


def test_passing_a_law_is_political():
    text = "Ukraine's parliament on Thursday passed a law tightening the rules for mobilisation."
    assert [e.actor.country for e in only(extract(text, "en"), "political")] == ["UKR"]


def test_falling_into_hands_is_a_change_of_control_with_the_place_of_the_subject_phrase():
    text = "Eerder vielen overheidsgebouwen in Lyman en Siversk in handen van de separatisten."
    captures = only(extract(text, "nl"), "territory.capture")
    assert sorted(e.place.name for e in captures) == ["Lyman", "Siversk"]
    assert all(e.actor.country == "RUS" for e in captures)


def test_flag_raised_marks_a_capture_and_an_earlier_occupation_stays_the_other_sides():
    text = (
        "Vorige week werd de Oekraïense vlag al gehesen in het stadje Lyman, "
        "dat sinds maart bezet was."
    )
    captures = only(
        extract(
            text,
            "nl",
            times={
                "Vorige week": ("2024-10-07", "2024-10-13"),
                "sinds maart": ("2024-03-01", "2024-03-31"),
            },
        ),
        "territory.capture",
    )
    actors = sorted(e.actor.country for e in captures)
    assert actors == ["RUS", "UKR"]


def test_no_ground_changes_hands_outside_the_warring_countries_without_a_side_named():
    doc = make_doc("The team laid siege to the goal in Chicago but could not break through.", "en")
    assert not [e for e in EventExtractor()(doc).events if e.type.startswith("territory")]


def test_pushing_the_enemy_back_from_a_place_is_the_enemys_withdrawal():
    text = "Ukrainian troops have pushed Russian forces back from Kupiansk."
    [e] = only(extract(text, "en"), "territory.withdrawal")
    assert (e.actor.country, e.place.name) == ("RUS", "Kupiansk")


def test_trigger_word_inside_a_capitalised_name_is_no_event():
    text = "Syrskyi thanked the 80th Air Assault Brigade for the liberation of Klishchiivka."
    assert not [e for e in extract(text, "en") if e.type in ("combat", "strike")]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Vannacht kwamen bij een Russische luchtaanval op een woonwijk in Dnipro volgens "
            "de gouverneur 21 mensen om, onder wie twee kinderen.",
            21,
        ),
        (
            "Het dodental van de Russische raketaanval op een pizzarestaurant in het centrum van "
            "Dnipro is gestegen tot elf, onder wie drie kinderen.",
            11,
        ),
    ],
)
def test_dutch_death_counts_split_by_a_comma_or_far_from_their_noun(text: str, killed: int):
    [strike] = only(extract(text, "nl"), "strike")
    assert strike.fatalities == killed


def test_a_loss_denied_by_its_defender_is_a_negated_capture_by_the_other_side():
    text = "Lyman is nog niet gevallen, zegt het Oekraïense leger."
    captures = only(extract(text, "nl"), "territory.capture")
    assert [(e.actor.country, e.modality) for e in captures] == [("RUS", "negated")]


def test_neighbouring_town_is_part_of_the_list():
    text = "Poetin zegt dat Oekraïense eenheden in Pokrovsk en het naburige Lyman zijn omsingeld."
    advances = only(extract(text, "nl"), "territory.advance")
    assert sorted(e.place.name for e in advances) == ["Lyman", "Pokrovsk"]


def test_press_conference_is_diplomacy_only_with_a_foreign_party():
    alone = "Dat zei de opperbevelhebber vandaag op een persconferentie in Kyiv."
    assert not only(extract(alone, "nl"), "diplomacy")
    joint = "Zelensky zei dat op een persconferentie met de Duitse bondskanselier in Kyiv."
    assert [e.actor.country for e in only(extract(joint, "nl"), "diplomacy")] == ["UKR"]


def test_indefinite_regions_named_later_in_the_sentence_are_regions():
    doc = make_doc(
        "Putin proclaimed the annexation of four Ukrainian regions, including Donetsk.", "en"
    )
    events = only(EventExtractor()(doc).events, "political")
    assert [e.place.name for e in events] == ["Donetsk Oblast"]


def test_arriving_is_no_passive():
    text = "De Franse president Macron is vanochtend met de nachttrein in Kyiv aangekomen."
    assert [e.actor.country for e in only(extract(text, "nl"), "diplomacy")] == ["FRA"]


def test_casualties_of_the_next_sentence_belong_to_its_own_attack():
    text = (
        "In Lyman zetten Oekraïense troepen het tegenoffensief voort.\n"
        "Volgens Tass zijn er bij een Oekraïense aanval op Soedzja zeven mensen om het leven "
        "gekomen."
    )
    events = extract(text, "nl")
    combat = [e for e in events if e.place and e.place.name == "Lyman"]
    assert combat and combat[0].fatalities is None


def test_recognition_of_regions_is_one_diplomatic_act_about_the_places_after_the_verb():
    text = (
        "In februari erkende de Russische president Poetin de onafhankelijkheid van Donetsk "
        "en Krim."
    )
    diplomacy = only(extract(text, "nl", date="2022-09"), "diplomacy")
    assert [(e.actor.country, e.place.name) for e in diplomacy] == [("RUS", "Donetsk Oblast")]


def test_gaan_with_door_at_the_end_of_the_clause_continues_and_plans_nothing():
    text = "Rond Soledar gaan de gevechten volgens het Oekraïense leger door."
    [e] = only(extract(text, "nl"), "combat")
    assert e.modality == "asserted"
    [plan] = only(extract("Rusland gaat Lyman opnieuw bestoken.", "nl"), "strike")
    assert plan.modality == "planned"


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        ("France said it would supply long-range cruise missiles to Ukraine.", "FRA"),
        ("Hours later Joe Biden said the United States would supply 31 Abrams tanks.", "USA"),
    ],
)
def test_supply_after_a_modal_is_a_verb_of_giving(text: str, donor: str):
    assert [e.actor.country for e in only(extract(text, "en"), "aid")] == [donor]


def test_supply_routes_are_no_aid():
    assert not only(extract("Russian forces cut the supply routes into Kupiansk.", "en"), "aid")


def test_withdrawal_to_a_river_bank_leaves_the_town_in_focus():
    text = (
        "Oekraïense troepen naderen Lyman.\n"
        "Het Russische ministerie meldt dat alle troepen naar de oostelijke oever van de "
        "Oskil zijn teruggetrokken."
    )
    doc = make_doc(text, "nl")
    start = text.index("Oskil")
    doc.places.append(PlaceMention(start, start + 5, "Oskil", 1, "Oskil", "STM", None, "UA"))
    doc.places.sort(key=lambda p: p.start)
    withdrawals = only(EventExtractor()(doc).events, "territory.withdrawal")
    assert [(e.actor.country, e.place.name) for e in withdrawals] == [("RUS", "Lyman")]


def test_the_source_after_volgens_is_no_subject():
    text = "Volgens Oekraïne zijn de Russen er niet in geslaagd Kyiv in te nemen."
    [e] = only(extract(text, "nl"), "territory.capture")
    assert (e.actor.country, e.modality, e.claimant.country) == ("RUS", "negated", "UKR")


def test_an_international_body_acts_when_no_state_is_named():
    text = "Donderdag praten de Europese regeringsleiders in Lyman over verdere stappen."
    [e] = only(extract(text, "nl", date="2014-03-18"), "diplomacy")
    assert (e.actor.role, e.actor.name) == ("international", "European Union")


def test_calling_an_attack_terrorist_still_tells_the_attack():
    text = (
        "Het Russische ministerie spreekt van een terroristische aanslag op vliegvelden in Soedzja."
    )
    assert [e.place.name for e in only(extract(text, "nl"), "strike")] == ["Sudzha"]


def test_a_whole_country_attacked_is_the_strike_place():
    text = "Rusland bestookte Oekraïne in dezelfde nacht met 472 drones."
    [e] = only(extract(text, "nl"), "strike")
    assert (e.actor.country, e.place.name) == ("RUS", "Ukraine")
    assert not only(extract("In Oekraïne wordt hevig gevochten.", "nl"), "combat")


def test_split_verb_of_repelling_makes_the_other_side_the_attacker():
    text = "In juni sloeg het Oekraïense leger bij Lyman een grote aanval van de separatisten af."
    combats = only(extract(text, "nl"), "combat")
    assert [e.actor.country for e in combats] == ["RUS"]


def test_vroeg_after_a_time_is_early_not_asked():
    text = "Vrijdagochtend vroeg staken Russische eenheden de grens over, in de richting van Lyman."
    advances = only(
        extract(
            text, "nl", date="2024-05-10", times={"Vrijdagochtend": ("2024-05-10", "2024-05-10")}
        ),
        "territory.advance",
    )
    assert [e.place.name for e in advances] == ["Lyman"]


def test_the_town_in_a_war_report_is_a_town_of_the_war_before_a_summit_venue():
    text = (
        "Fighting raged around Lyman while leaders met in Chicago.\n"
        "Separatist leaders said their fighters now had full control of the town."
    )
    captures = only(extract(text, "en"), "territory.capture")
    assert [e.place.name for e in captures] == ["Lyman"]


def test_leaving_a_place_is_a_withdrawal_only_for_a_force_with_the_place_as_object():
    left = only(
        extract("Local officials said the rebels had also left nearby Lyman.", "en"),
        "territory.withdrawal",
    )
    assert [e.place.name for e in left] == ["Lyman"]
    for text in (
        "There were no Ukrainian forces left in Lyman, he said.",
        "President Zelensky left Kyiv for Warsaw on Monday.",
    ):
        assert not only(extract(text, "en"), "territory.withdrawal")


def test_an_annexed_place_as_modifier_is_no_political_act():
    text = "The capture of Lyman gives Moscow a corridor to the annexed Crimean peninsula."
    assert not only(extract(text, "en"), "political")
    # the verb itself still tells the act
    [taken] = extract("Russia annexed Crimea in March.", "en")
    assert (taken.type, taken.actor.country, taken.place.name) == (
        "territory.capture",
        "RUS",
        "Crimea",
    )


def test_living_under_martial_law_is_no_political_act():
    text = "Men of fighting age may not leave Ukraine under martial law, officials in Kyiv said."
    assert not only(extract(text, "en"), "political")
    declared = "Het Oekraïense parlement kondigde de staat van beleg af in Lyman."
    assert only(extract(declared, "nl"), "political")


def test_an_events_place_is_a_copy_of_every_field() -> None:
    from dataclasses import fields

    from frontwatch.compiled import compiled_modules
    from frontwatch.events.component import _copy_place

    if "frontwatch.records" in compiled_modules():
        pytest.skip("a compiled record takes values of its fields' types only")
    # every field a value of its own, whatever fields PlaceMention has: one the copy forgets
    # keeps its default and fails the identity test
    values = {f.name: object() for f in fields(PlaceMention)}
    copied = _copy_place(PlaceMention(**values))
    assert [name for name, value in values.items() if getattr(copied, name) is not value] == []


def test_a_copied_candidate_keeps_every_field() -> None:
    from dataclasses import fields

    from frontwatch.compiled import compiled_modules
    from frontwatch.events.extract import Candidate, copy_candidate

    if "frontwatch.events.extract" in compiled_modules():
        pytest.skip("a compiled record takes values of its fields' types only")
    # every field a value of its own: one the copy forgets keeps its default
    values = {f.name: object() for f in fields(Candidate)}
    values["evidence"], values["notes"] = [object()], [object()]
    copied = copy_candidate(Candidate(**values))
    lists = ("evidence", "notes")  # copied, so that the copy can take more of its own
    assert [n for n, v in values.items() if n not in lists and getattr(copied, n) is not v] == []
    for name in lists:
        assert getattr(copied, name) == values[name]
        assert getattr(copied, name) is not values[name]


def test_the_lexicons_phrase_and_sequence_fields_are_those_typed_so() -> None:
    """compile_lexicon reads a [grammar] list by the field's name (a compiled class keeps no
    annotation as written): the names must be those of the fields so annotated."""
    from dataclasses import fields

    from frontwatch.compiled import compiled_modules
    from frontwatch.events.lexicon import PHRASE_FIELDS, SEQUENCE_FIELDS, Lexicon

    if "frontwatch.events.lexicon" in compiled_modules():
        pytest.skip("a compiled class keeps its annotations as types")
    typed = {f.name: f.type for f in fields(Lexicon)}
    assert {n for n, t in typed.items() if t == "frozenset[tuple[str, ...]]"} == PHRASE_FIELDS
    assert {n for n, t in typed.items() if t == "tuple[str, ...]"} == SEQUENCE_FIELDS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russian forces have been besieging Pokrovsk since the autumn.", "en"),
        ("The Russian army besieges Pokrovsk, the governor said.", "en"),
        ("Russische troepen belegeren Pokrovsk al maanden.", "nl"),
        ("Het Russische leger belegert Pokrovsk al maanden.", "nl"),
    ],
)
def test_besieging_a_town_is_an_advance_on_it(text: str, lang: str) -> None:
    [e] = only(extract(text, lang), "territory.advance")
    assert e.place.name == "Pokrovsk" and e.actor.country == "RUS"


@pytest.mark.parametrize(
    ("text", "etype", "actor", "place"),
    [
        ("Germany is donating 400 million euros of air defence to Ukraine.", "aid", "DEU",
         "Ukraine"),
        ("The United States is delivering HIMARS launchers to Ukraine, the Pentagon said.",
         "aid", "USA", "Ukraine"),
        ("Russian troops are abandoning Kupiansk, the governor said.", "territory.withdrawal",
         "RUS", "Kupiansk"),
    ],
)
def test_the_progressive_of_a_trigger_verb_is_a_trigger(
    text: str, etype: str, actor: str, place: str
) -> None:
    [e] = only(extract(text, "en"), etype)
    assert (e.actor.country, e.place.name) == (actor, place)


@pytest.mark.parametrize(
    ("text", "etype", "actor", "place"),
    [
        ("Rusland bombardeert Charkiv al dagen.", "strike", "RUS", "Kharkiv Oblast"),
        ("Nederland en Denemarken schonken F-16's aan Oekraïne.", "aid", "NLD", "Ukraine"),
    ],
)
def test_dutch_finite_forms_of_trigger_verbs(text: str, etype: str, actor: str, place: str):
    found = {(e.actor.country, e.place.name) for e in only(extract(text, "nl"), etype)}
    assert (actor, place) in found


@pytest.mark.parametrize(
    "text",
    [
        "Volgens Kyiv zijn donderdag drie Russische tanks bij Pokrovsk de grens overgestoken.",
        "Oekraïense eenheden zijn bij Soedzja de grens overgestoken.",
    ],
)
def test_having_crossed_the_border_is_an_advance(text: str) -> None:
    """The perfect of the separable "staken de grens over"."""
    [e] = only(extract(text, "nl"), "territory.advance")
    assert e.place is not None and e.place.name in ("Pokrovsk", "Sudzha")
