"""Place recognition and disambiguation on article snippets written for these tests
(``tests/data/places``), plus the component, the demonym API and bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from frontwatch.pipeline import get_factory
from frontwatch.places import (
    PlaceRecognizer,
    country_of_adjective,
    demonyms,
    find_places,
)
from frontwatch.records import Document, PlaceMention

DATA = Path(__file__).parent / "data" / "places"


def _article(name: str) -> tuple[str, str]:
    raw = (DATA / name).read_text("utf-8")
    m = re.match(r"\s*date\s+(\S+)\s", raw)
    assert m
    return raw[m.end() :], m.group(1)


def _by_surface(mentions: list[PlaceMention]) -> dict[str, list[PlaceMention]]:
    out: dict[str, list[PlaceMention]] = {}
    for p in mentions:
        out.setdefault(p.surface, []).append(p)
    return out


@pytest.fixture(scope="module")
def nl_places() -> tuple[str, list[PlaceMention]]:
    text, _ = _article("nl_front.txt")
    return text, find_places(text, "nl")


@pytest.fixture(scope="module")
def en_places() -> tuple[str, list[PlaceMention]]:
    text, _ = _article("en_front.txt")
    return text, find_places(text, "en")


def test_offsets_and_surfaces_agree(nl_places, en_places) -> None:
    for text, mentions in (nl_places, en_places):
        assert mentions
        for p in mentions:
            assert text[p.start : p.end] == p.surface
            assert 0.0 <= p.confidence <= 1.0
        starts = [p.start for p in mentions]
        assert starts == sorted(starts)


def test_dutch_spellings_resolve_to_the_right_places(nl_places) -> None:
    _, mentions = nl_places
    found = _by_surface(mentions)
    expected = {
        "Kostjantynivka": 705104,
        "Bachmoet": 713174,
        "Klisjtsjijivka": 13512497,
        "Tsjasiv Jar": 710915,
        "Droezjkivka": 616743,
        "Sebastopol": 694423,
        "Kyiv": 703448,
        "Verenigde Staten": 6252001,
        "Verenigd Koninkrijk": 2635167,
        "Wit-Rusland": 630336,
    }
    for surface, geonameid in expected.items():
        assert surface in found, surface
        assert {p.geonameid for p in found[surface]} == {geonameid}, surface


def test_cues_choose_city_region_and_river(nl_places) -> None:
    _, mentions = nl_places
    found = _by_surface(mentions)
    # "In de stad Cherson" is the city, "in de regio Cherson" the oblast.
    assert {p.feature for p in found["Cherson"]} == {"PPLA", "ADM1"}
    assert [p.feature for p in found["Cherson"]] == ["PPLA", "ADM1"]
    # "de regio's Zaporizja en Dnipropetrovsk": the cue holds along the list.
    assert found["Zaporizja"][0].feature == "ADM1"
    assert found["Dnipropetrovsk"][0].feature == "ADM1"
    assert found["Donetsk"][0].geonameid == 709716  # "in de regio Donetsk"
    # "De rivier de Dnipro" is the river, not the city of Dnipro.
    assert found["Dnipro"][0].feature == "STM"


def test_organisations_people_ships_and_abbreviations_are_not_places(nl_places) -> None:
    text, mentions = nl_places
    surfaces = {p.surface for p in mentions}
    for not_place in (
        "Tass",
        "CNN",
        "NAVO",
        "Zelensky",
        "VS",
        "Volendam",
        "ANP",
        "Sjachtar",
        "Naties",
        "Zee",
        "Zwarte Zee",
        "Oekraïense",
        "Russische",
    ):
        assert not_place not in surfaces, not_place
    # Nothing inside these names is a place either.
    for name in (
        "Institute for the Study of War",
        "Sjachtar Donetsk",
        "Zwarte Zeevloot",
        "Verenigde Naties",
    ):
        start = text.index(name)
        end = start + len(name)
        assert not [p for p in mentions if start <= p.start < end], name


def test_english_article(en_places) -> None:
    _, mentions = en_places
    found = _by_surface(mentions)
    expected = {
        "Avdiivka": 713122,
        "Pokrovsk": 704422,
        "Robotyne": 695586,
        "Kupiansk": 703656,
        "Bakhmut": 713174,
        "Kherson": 706448,
        "Ukraine": 690791,
        "Russia": 2017370,
    }
    for surface, geonameid in expected.items():
        assert {p.geonameid for p in found[surface]} == {geonameid}, surface
    # "the southern Zaporizhzhia region", "the Kharkiv region", "the Belgorod region".
    assert found["Zaporizhzhia"][0].feature == "ADM1"
    assert found["Kharkiv"][0].geonameid == 706482
    assert found["Belgorod"][0].geonameid == 578071
    assert found["Belgorod"][0].country == "RU"
    # The dateline in capitals names the city.
    assert found["KYIV"][0].geonameid == 703448


def test_english_non_places(en_places) -> None:
    _, mentions = en_places
    surfaces = {p.surface for p in mentions}
    for not_place in (
        "Reuters",
        "AFP",
        "Gladkov",
        "Vyacheslav",
        "Moskva",
        "Black Sea",
        "Institute",
        "Ukraine's",
        "Russia's",
    ):
        assert not_place not in surfaces, not_place


def test_possessives_are_cut_from_the_surface() -> None:
    text = "Ukraine's army and Kyiv's mayor met; Oekraïne's leger niet."
    mentions = find_places(text, "en")
    assert [p.surface for p in mentions][:2] == ["Ukraine", "Kyiv"]
    nl = find_places("Het is Oekraïne's grootste zorg.", "nl")
    assert [(p.surface, p.geonameid) for p in nl] == [("Oekraïne", 690791)]


def test_proximity_decides_between_namesakes() -> None:
    near_lysychansk = find_places(
        "Bilohorivka ligt in de buurt van Lysytsjansk, in de regio Loegansk.", "nl"
    )
    near_siversk = find_places(
        "Russian troops attacked Bilohorivka, a village near Siversk in the Donetsk region.", "en"
    )
    assert near_lysychansk[0].geonameid == 712588
    assert near_siversk[0].surface == "Bilohorivka"
    assert near_siversk[0].geonameid == 712589


def test_region_context_decides_between_namesakes() -> None:
    mentions = find_places(
        "Fighting was reported in the Kherson region, near the village of Andriivka.", "en"
    )
    andriivka = [p for p in mentions if p.surface == "Andriivka"]
    assert andriivka and andriivka[0].admin1 == "Kherson"


def test_a_russian_region_named_after_its_capitals_short_name() -> None:
    mentions = find_places(
        "Drones were shot down over the Rostov region and the city of Rostov.", "en"
    )
    assert [(p.surface, p.geonameid) for p in mentions] == [("Rostov", 501165), ("Rostov", 501175)]


def test_a_named_district_of_a_city_leaves_the_city_a_city() -> None:
    # a caption, a headline and a dateline: "district of" after a district's own name places
    # the district inside the city; the whole document keeps reading Mariupol as the city
    mentions = find_places(
        "Rescuers in the Skhidnyi district of Mariupol. Rocket attack on Mariupol kills 30. "
        "MARIUPOL - Rockets hit the city on Saturday.",
        "en",
    )
    assert {p.geonameid for p in mentions if p.surface.lower() == "mariupol"} == {701822}
    # "the Bakhmut district": the raion named after the town
    [raion] = find_places("Fighting raged in the Bakhmut district on Monday.", "en")
    assert raion.feature == "ADM2"


def test_a_dateline_and_a_towns_centre_name_towns_not_regions() -> None:
    text = (
        "Blast hits rebel headquarters in Luhansk\n\n"
        "DONETSK - An explosion tore through a building in the centre of Luhansk on Monday. "
        "Fighting went on elsewhere in the Luhansk region and in the Donetsk region."
    )
    found = _by_surface(find_places(text, "en"))
    assert [p.geonameid for p in found["DONETSK"]] == [709717]  # the city filed from
    # the headline and "the centre of" read the city; "the Luhansk region" the oblast
    assert [p.geonameid for p in found["Luhansk"]] == [702658, 702658, 702657]
    assert [p.geonameid for p in found["Donetsk"]] == [709716]
    text = "Een explosie verwoestte een gebouw in het centrum van Loegansk."
    [luhansk] = find_places(text, "nl")
    assert luhansk.geonameid == 702658


def test_an_apposition_says_which_kind_of_place_a_name_is() -> None:
    text = (
        "Glide bombs hit Zaporizhzhia, the regional capital, on Wednesday. The city lies 30 km "
        "from the front line in the Zaporizhzhia region."
    )
    found = _by_surface(find_places(text, "en"))
    assert [p.feature for p in found["Zaporizhzhia"]] == ["PPLA", "ADM1"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Bij een aanval in de regio Donetsk vielen doden. De post lag bij Volnovacha, een "
            "stadje zo'n vijftig kilometer ten zuidwesten van Donetsk.",
            "nl",
        ),
        (
            "Fighting went on in the Donetsk region. Volnovakha, some 50 km south-west of "
            "Donetsk, was shelled again.",
            "en",
        ),
    ],
)
def test_a_place_a_direction_or_distance_is_measured_from_is_a_point(text, lang) -> None:
    found = _by_surface(find_places(text, lang))
    # the region named as one, then the city the distance is measured from
    assert [p.geonameid for p in found["Donetsk"]] == [709716, 709717]


def test_an_apposition_after_a_direction_names_the_kind_for_the_document() -> None:
    text = (
        "Rusland claimt negen dorpen in de regio Charkiv. Lyptsi ligt zo'n 25 kilometer ten "
        "noorden van Charkiv, de tweede stad van het land. Lees ook: waarom Charkiv onder vuur "
        "ligt."
    )
    found = _by_surface(find_places(text, "nl"))
    # the last mention takes the sense of the nearest one before it that says its kind
    assert [p.feature for p in found["Charkiv"]] == ["ADM1", "PPLA", "PPLA"]


def test_renamed_places_resolve_to_their_present_name() -> None:
    mentions = find_places(
        "Artemivsk, Dzerzhynsk and Krasnoarmiisk lie in the Donetsk region; "
        "Kirovohrad is further west.",
        "en",
    )
    ids = {p.surface: p.geonameid for p in mentions}
    assert ids["Artemivsk"] == 713174  # Bakhmut
    assert ids["Dzerzhynsk"] == 709354  # Toretsk
    assert ids["Krasnoarmiisk"] == 704422  # Pokrovsk


def test_one_sense_per_document_and_list_cues() -> None:
    text = (
        "In de regio Loegansk wordt gevochten. Volgens de gouverneur van Loegansk is de "
        "situatie ernstig. De steden Donetsk en Marioepol liggen verder naar het zuiden."
    )
    mentions = find_places(text, "nl")
    found = _by_surface(mentions)
    assert {p.geonameid for p in found["Loegansk"]} == {702657}
    assert found["Donetsk"][0].geonameid == 709717  # "de steden Donetsk en ..." the city
    assert found["Marioepol"][0].geonameid == 701822


def test_unknown_place_presented_by_a_cue_stays_unresolved() -> None:
    text = "The army said it had retaken the villages of Brindlemoor and Quillstead on Monday."
    mentions = find_places(text, "en")
    assert [(p.surface, p.geonameid) for p in mentions] == [
        ("Brindlemoor", None),
        ("Quillstead", None),
    ]
    assert all(p.confidence == 0.0 and p.name is None for p in mentions)


def test_sentence_initial_ordinary_words_are_not_places() -> None:
    text = "Hun commandant zei dat Kramatorsk werd beschoten. Bank en school bleven dicht."
    mentions = find_places(text, "nl")
    assert [p.surface for p in mentions] == ["Kramatorsk"]


def test_longest_match_falls_back_to_a_valid_shorter_one() -> None:
    # "Velyka Novosilka" is one name; "Nova Kakhovka" another; "Novosilka" alone is neither.
    mentions = find_places("Velyka Novosilka and Nova Kakhovka were shelled.", "en")
    assert [p.surface for p in mentions] == ["Velyka Novosilka", "Nova Kakhovka"]
    # A club name is rejected as a whole and the words inside it are not used.
    mentions = find_places("Kryvbas Kryvyi Rih won against Dynamo Kyiv in Lviv.", "en")
    assert [p.surface for p in mentions] == ["Lviv"]


def test_world_places_and_exonyms() -> None:
    text = (
        "De ministers kwamen bijeen in Brussel en reisden daarna naar Parijs, "
        "Boedapest en New York."
    )
    ids = {p.surface: (p.name, p.country) for p in find_places(text, "nl")}
    assert ids["Brussel"] == ("Brussels", "BE")
    assert ids["Parijs"] == ("Paris", "FR")
    assert ids["Boedapest"] == ("Budapest", "HU")
    assert ids["New York"] == ("New York City", "US")


def test_cyrillic_text() -> None:
    mentions = find_places("Бахмут і Авдіївка, Харків.", "uk")
    assert [p.geonameid for p in mentions] == [713174, 713122, 706483]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t",
        "no capitals at all here",
        "1234 5678 !!!",
        "A" * 5000,
        "'''---",
        "\x00\x01 Kyiv \ufffd",
    ],
)
def test_bad_or_empty_input_does_not_fail(text: str) -> None:
    mentions = find_places(text, "nl")
    assert all(text[p.start : p.end] == p.surface for p in mentions)


def test_unknown_language_falls_back_to_english_rules() -> None:
    mentions = find_places("Kyiv and Lviv.", "xx")
    assert [p.geonameid for p in mentions] == [703448, 702550]
    assert find_places("Kyiv.", None)[0].geonameid == 703448


def test_component_sets_doc_places_and_is_registered() -> None:
    text, date = _article("nl_front.txt")
    doc = Document(text=text, date=date, lang="nl")
    factory = get_factory("places")
    component = factory()
    assert isinstance(component, PlaceRecognizer)
    out = component(doc)
    assert out is doc
    assert any(p.surface == "Bachmoet" and p.geonameid == 713174 for p in doc.places)
    assert all(isinstance(p, PlaceMention) for p in doc.places)
    # The record round-trips as plain data.
    again = Document.from_dict(doc.to_dict())
    assert [p.to_dict() for p in again.places] == [p.to_dict() for p in doc.places]


def test_min_confidence_turns_weak_readings_into_unresolved_mentions() -> None:
    doc = Document(text="Fighting near Andriivka continued.", date="2023-09", lang="en")
    PlaceRecognizer(min_confidence=0.999)(doc)
    assert doc.places and doc.places[0].surface == "Andriivka"
    assert doc.places[0].geonameid is None and doc.places[0].confidence == 0.0


def test_demonyms_give_the_country_for_actors() -> None:
    text = (
        "Oekraïense troepen en Russische eenheden; de Britse premier en de Russen. "
        "Het pro-Russische bestuur."
    )
    doc = Document(text=text, date="2022-09", lang="nl")
    spans = demonyms(doc)
    assert [(text[s:e], iso) for s, e, iso in spans] == [
        ("Oekraïense", "UKR"),
        ("Russische", "RUS"),
        ("Britse", "GBR"),
        ("Russen", "RUS"),
        ("pro-Russische", "RUS"),
    ]
    assert country_of_adjective("Ukrainian", "en") == "UKR"
    assert country_of_adjective("Amerikaanse", "nl") == "USA"
    assert country_of_adjective("Kyiv", "en") is None
    assert country_of_adjective("", "nl") is None


def test_title_case_headline_keeps_villages_but_not_small_foreign_towns() -> None:
    text = (
        "Rich Nations Pledge More Help As Ukraine Retakes Bilohorivka\n\n"
        "The army said on Monday that it had retaken the village."
    )
    surfaces = {p.surface: p.geonameid for p in find_places(text, "en")}
    assert "Rich" not in surfaces
    assert surfaces.get("Bilohorivka") == 712588
    assert surfaces.get("Ukraine") == 690791


def test_a_word_the_text_also_writes_in_lower_case_is_not_a_small_town() -> None:
    text = "Rich donors gave more. The gap between the rich and the poor in Kharkiv grows."
    assert [p.surface for p in find_places(text, "en")] == ["Kharkiv"]


def test_names_of_proxy_states_and_organisations_hold_no_mention() -> None:
    nl = find_places(
        "De Volksrepubliek Donetsk eiste de aanval op; in de regio Donetsk vielen doden.", "nl"
    )
    assert [(p.start, p.geonameid) for p in nl] == [(nl[0].start, 709716)]
    assert nl[0].start > 30
    en = find_places("The Donetsk People's Republic and the Black Sea Fleet said so.", "en")
    assert en == []


def test_river_banks_and_air_bases_are_cues() -> None:
    nl = find_places("Mariniers houden stand op de oostoever van de Dnipro.", "nl")
    assert [(p.surface, p.feature) for p in nl] == [("Dnipro", "STM")]
    base = find_places("Zelensky bezocht de vliegbasis Eindhoven.", "nl")
    assert [(p.name, p.feature) for p in base] == [("Eindhoven Air Base", "AIRB")]
    city = find_places("Hij woont in Eindhoven.", "nl")
    assert [(p.name, p.country) for p in city] == [("Eindhoven", "NL")]


def test_dutch_inflected_names() -> None:
    mentions = find_places(
        "Ruslands leger trok zich terug. Volgens Kyivs burgemeester is het rustig.", "nl"
    )
    assert [(p.surface, p.geonameid) for p in mentions] == [("Rusland", 2017370), ("Kyiv", 703448)]


def test_sentences_from_the_pipeline_are_used() -> None:
    text = "Bilohorivka was shelled again near Siversk in the Donetsk region overnight"
    doc = Document(text=text, date="2022-09", lang="en")
    from frontwatch.records import Span

    doc.sentences = [Span(0, len(text))]
    PlaceRecognizer()(doc)
    found = {p.surface: p for p in doc.places}
    assert found["Bilohorivka"].admin1 == "Donetsk"
    assert found["Donetsk"].feature == "ADM1"


def test_plants_and_dams_named_after_a_place() -> None:
    nl = find_places("De IAEA wil toegang tot de kerncentrale van Zaporizja.", "nl")
    assert [(p.surface, p.geonameid) for p in nl] == [("Zaporizja", 11839420)]
    en = find_places(
        "Shelling near the Zaporizhzhia nuclear power plant; later, the city of "
        "Zaporizhzhia was hit.",
        "en",
    )
    assert [p.feature for p in en] == ["PS", "PPLA"]
    dam = find_places("The Kakhovka dam was destroyed. Russian troops had left Kakhovka.", "en")
    assert [(p.surface, p.feature) for p in dam] == [("Kakhovka", "DAM"), ("Kakhovka", "PPLA2")]


def test_countries_are_not_demoted_by_cue_words() -> None:
    mentions = find_places("The villages near Russia and the towns of Belarus were quiet.", "en")
    assert [(p.surface, p.feature) for p in mentions] == [("Russia", "PCLI"), ("Belarus", "PCLI")]


def test_bare_city_name_is_the_city_not_its_oblast() -> None:
    mentions = find_places("Boven Mykolajiv werden drones neergehaald.", "nl")
    assert [(p.surface, p.geonameid) for p in mentions] == [("Mykolajiv", 700569)]


@pytest.mark.parametrize(
    ("text", "geonameid"),
    [
        # Engels (Saratov) was called Pokrovsk until 1931; the present Pokrovsk wins.
        ("Russian troops advance on Pokrovsk.", 704422),
        # GeoNames also lists "Mykolaiv" for Mykolaivka (Donetsk); the city's own name wins.
        ("The strike hit Mykolaiv.", 700569),
        # A former name resolves to the town, not to the district named after it.
        ("Artemivsk was renamed in 2016.", 713174),
    ],
)
def test_own_names_beat_former_and_foreign_ones(text: str, geonameid: int) -> None:
    assert find_places(text, "en")[0].geonameid == geonameid
