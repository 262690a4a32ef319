"""Place rules for people named like towns, the Dutch pronoun "het" after a subordinator,
the people's republics of Donetsk and Luhansk, streets named after towns and peninsulas
against the regions on them.

Every sentence here was written for these tests, in the style of Dutch and English news.
"""

from __future__ import annotations

import pytest

from frontwatch.places import find_places
from frontwatch.places.lexicon import lexicon
from frontwatch.records import PlaceMention


def _one(text: str, lang: str, surface: str) -> PlaceMention:
    found = [m for m in find_places(text, lang) if m.surface == surface]
    assert found, f"{surface!r} not found in {text!r}"
    return found[0]


def _surfaces(text: str, lang: str) -> set[str]:
    return {m.surface for m in find_places(text, lang)}


# -- people named like towns ---------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "not_place", "place"), [
    # A feminine given name the list holds only in the masculine, then a surname.
    ("en", "Yaroslava Mahuchikh won the high jump title in Paris on Sunday.", "Yaroslava",
     "Paris"),
    ("nl", "Hoogspringster Jaroslava Mahoetsjich won zondag in Parijs het goud.", "Jaroslava",
     "Parijs"),
    # A foreign town's name before an unknown capitalised word: given name and surname.
    ("en", "Elina Svitolina beat world number one Iga Swiatek at Wimbledon on Tuesday.", "Iga",
     "Wimbledon"),
    # The end of the Dutch title "minister van Buitenlandse Zaken".
    ("nl", "In Riyad spraken de Amerikaanse minister van Buitenlandse Zaken Rubio en zijn "
           "ambtgenoot Lavrov over de oorlog.", "Rubio", "Riyad"),
    # A title, a comma, then given name and surname: the surname is no town.
    ("en", "Turkey's defence minister, Hulusi Akar, said on Saturday that Odesa was hit.",
     "Akar", "Odesa"),
])
def test_people_named_like_towns_are_not_places(lang: str, text: str, not_place: str,
                                                 place: str) -> None:
    found = _surfaces(text, lang)
    assert not_place not in found
    assert place in found


def test_feminine_given_names_are_derived_from_masculine_ones() -> None:
    lex = lexicon("en")
    assert lex.is_given_name("yaroslav") and lex.is_given_name("yaroslava")
    assert not lex.is_given_name("moskva")


@pytest.mark.parametrize(("lang", "text", "place"), [
    # A town before a word the gazetteer knows, or a cue, stays a town.
    ("en", "Drones hit Ramstein air base overnight.", "Ramstein"),
    ("en", "Fighting continued near Avdiivka on Monday.", "Avdiivka"),
    ("nl", "Oekraïense troepen rukten op naar Robotyne en Verbove.", "Robotyne"),
])
def test_towns_before_other_words_stay_places(lang: str, text: str, place: str) -> None:
    assert place in _surfaces(text, lang)


def test_a_street_named_after_a_town_is_not_the_town() -> None:
    text = "McDonald's opened its first outlet on Moscow's Pushkin Square in 1990."
    found = _surfaces(text, "en")
    assert "Pushkin" not in found
    assert "Moscow's" in found or "Moscow" in found


# -- "het" after a subordinator is a pronoun -----------------------------------------------

@pytest.mark.parametrize(("text", "place"), [
    ("Het Oekraïense leger meldt dat het Robotyne heeft ingenomen.", "Robotyne"),
    ("Nadat het Koepjansk had heroverd, rukte het leger verder op.", "Koepjansk"),
    ("De brigade trok zich terug toen het Avdiivka niet langer kon houden.", "Avdiivka"),
])
def test_het_after_a_subordinator_is_a_pronoun_and_the_town_a_place(text: str,
                                                                     place: str) -> None:
    m = _one(text, "nl", place)
    assert m.country == "UA" and (m.feature or "").startswith("PPL")


@pytest.mark.parametrize("text", [
    "De Oekraïense marine meldt dat de Moskva is gezonken.",
    "Het vlaggenschip van de Zwarte Zeevloot, de Moskva, is gezonken.",
])
def test_an_article_before_a_town_still_makes_a_ship(text: str) -> None:
    assert "Moskva" not in _surfaces(text, "nl")


# -- the people's republics are the regions ------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "first", "second"), [
    ("nl", "Tot nu toe gold die regeling alleen voor de 'volksrepublieken' Donetsk en "
           "Loegansk.", "Donetsk", "Loegansk"),
    ("nl", "Poetin heeft de zelfverklaarde volksrepublieken in Donetsk en Loegansk erkend.",
     "Donetsk", "Loegansk"),
    ("en", "Putin recognised the separatist Donetsk and Luhansk \"people's republics\" as "
           "independent on Monday.", "Donetsk", "Luhansk"),
])
def test_the_peoples_republics_name_the_oblasts(lang: str, text: str, first: str,
                                                second: str) -> None:
    assert _one(text, lang, first).name == "Donetsk Oblast"
    assert _one(text, lang, second).name == "Luhansk Oblast"


def test_the_singular_volksrepubliek_names_the_proxy_entity() -> None:
    text = "De leiders van de Volksrepubliek Donetsk vroegen om aansluiting bij Rusland."
    assert "Donetsk" not in _surfaces(text, "nl")


# -- a peninsula's middle is no evidence ---------------------------------------------------

def test_a_town_on_the_crimea_does_not_make_it_the_peninsula() -> None:
    text = "Oesyk, geboren in Simferopol op de Krim, won ook de WBC-gordel."
    assert _one(text, "nl", "Krim").name == "Crimea"


# -- a stated distance places a village away from its neighbours ----------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Russische colonnes rukken op richting Kyiv. Bij Ivankiv, zo'n tachtig kilometer "
           "ten noordwesten van de hoofdstad, bliezen militairen een brug op."),
    ("en", "Russian columns advanced towards Kyiv. Near Ivankiv, about 80 km north-west of "
           "the capital, troops blew up a bridge."),
])
def test_a_stated_distance_chooses_the_village_that_far_away(lang: str, text: str) -> None:
    # Kyiv oblast has an Ivankiv 80 km north-west of the capital and another one 20 km away.
    assert _one(text, lang, "Ivankiv").geonameid == 707489


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Heavy fighting was reported near Krasnyi Lyman, a railway town some 20 km north-east "
           "of Sloviansk."),
    ("nl", "Er werd gevochten bij Krasnyi Lyman, een spoorwegstadje zo'n twintig kilometer ten "
           "noordoosten van Slovjansk."),
])
def test_a_fitting_stated_distance_outweighs_another_readings_exact_spelling(
        lang: str, text: str) -> None:
    # GeoNames spells a hamlet 60 km south-west exactly so; the town 20 km away, Lyman, was
    # Krasny Liman (a looser spelling): the distance says which is meant
    assert _one(text, lang, "Krasnyi Lyman").geonameid == 704204


def test_without_a_stated_distance_nearness_to_the_capital_still_counts() -> None:
    text = "Russian columns advanced towards Kyiv. Near Ivankiv, troops blew up a bridge."
    assert _one(text, "en", "Ivankiv").geonameid == 8519815


def test_the_distance_must_follow_the_name_in_apposition() -> None:
    from frontwatch.places.lexicon import lexicon
    from frontwatch.places.recognise import Candidate
    from frontwatch.places.resolve import stated_distance_km

    lex = lexicon("nl")
    text = "Bij Ivankiv, zo'n tachtig kilometer van Kyiv, en Boetsja, waar Russische troepen " \
        "25 km oprukten."
    ivankiv = Candidate(4, 11, "Ivankiv")
    boetsja = Candidate(text.index("Boetsja"), text.index("Boetsja") + 7, "Boetsja")
    assert stated_distance_km(text, ivankiv, lex) == 80.0
    assert stated_distance_km(text, boetsja, lex) is None  # a clause, no distance of Boetsja
    # a capitalised word before the number starts another phrase: no distance of Ivankiv
    other = "Bij Ivankiv, bij Kyiv zo'n tachtig kilometer verderop."
    assert stated_distance_km(other, ivankiv, lex) is None
    assert stated_distance_km(other.replace("Kyiv", "de stad"), ivankiv, lex) == 80.0


# -- "including" continues a plural cue ------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "surface", "name"), [
    ("en", "Putin proclaimed the annexation of four Ukrainian regions, including Donetsk, "
           "where Lyman lies.", "Donetsk", "Donetsk Oblast"),
    ("nl", "Poetin annexeerde vier Oekraïense regio's, waaronder Donetsk en Cherson.",
     "Cherson", "Kherson Oblast"),
])
def test_including_after_a_plural_cue_lists_members_of_its_kind(lang: str, text: str,
                                                                surface: str, name: str) -> None:
    assert _one(text, lang, surface).name == name


def test_including_after_a_city_cue_keeps_the_cities() -> None:
    text = "Several cities, including Kharkiv and Dnipro, were hit overnight."
    assert _one(text, "en", "Kharkiv").name == "Kharkiv"


def test_a_city_called_so_by_its_phrase_is_no_person_before_an_apposition() -> None:
    """One misread name would make every later mention of the city a person."""
    text = (
        "Ukrainian forces retook a village south of the Russian-held city of Bakhmut, the "
        "commander of the ground forces said. Bakhmut fell to Russian forces in May."
    )
    found = [m for m in find_places(text, "en") if m.surface == "Bakhmut"]
    assert len(found) == 2


@pytest.mark.parametrize(("lang", "text"), [
    ("nl", "Poetin wil een bufferzone om steden als Belgorod te beschermen. Oekraïense eenheden "
           "vechten in de regio Belgorod."),
    ("en", "Russia shells cities such as Belgorod, Ukraine says. Fighting goes on in the "
           "Belgorod region."),
    ("en", "Russia shells towns like Belgorod, Ukraine says. Fighting goes on in the Belgorod "
           "region."),
])
def test_such_as_after_a_city_cue_lists_cities(lang: str, text: str) -> None:
    """A later "Belgorod region" makes a bare "Belgorod" the region (one sense per text), but
    not one that "cities such as" calls a city."""
    first, second = (m for m in find_places(text, lang) if m.surface == "Belgorod")
    assert (first.name, second.name) == ("Belgorod", "Belgorod Oblast")
