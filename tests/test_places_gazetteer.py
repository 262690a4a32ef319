"""The packaged gazetteer: present, loadable once, covering what war news names."""

from __future__ import annotations

import gzip
import pickle
from pathlib import Path

import pytest

from frontwatch.places.gazetteer import (
    ATTRIBUTION,
    Gazetteer,
    GazetteerError,
    default_path,
    load_gazetteer,
    tables_fingerprint,
)


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return load_gazetteer()


def _top(g: Gazetteer, name: str, lang: str = "en", country: str | None = None):
    found = [e for e, _ in g.lookup(name, lang) if country is None or e.country == country]
    assert found, name
    return found[0]


def test_file_is_packaged_small_and_attributed(g: Gazetteer) -> None:
    path = default_path()
    assert path.is_file()
    assert path.stat().st_size < 30_000_000
    assert g.attribution == ATTRIBUTION
    assert "GeoNames" in g.attribution and "CC BY 4.0" in g.attribution
    assert g.tables == tables_fingerprint(), "rebuild with scripts/build_gazetteer.py"


def test_loaded_once_per_process(g: Gazetteer) -> None:
    assert load_gazetteer() is g
    assert load_gazetteer(default_path()) is g


@pytest.mark.parametrize(
    ("name", "lang", "geonameid"),
    [
        ("Bilohorivka", "en", 712588),  # the best known of several
        ("Krasnoritsjenske", "nl", 704337),
        ("Voehledar", "nl", 690823),
        ("Toretsk", "en", 709354),
        ("Soedzja", "nl", 486816),  # Russian border oblast
        ("Koersk", "nl", 538560),
        ("Vilnius", "en", 593116),
        ("Brussel", "nl", 2800866),
        ("New York", "en", 5128581),
        ("Oekraïne", "nl", 690791),
        ("Snake Island", "en", 686930),
        ("Slangeneiland", "nl", 686930),
    ],
)
def test_coverage(g: Gazetteer, name: str, lang: str, geonameid: int) -> None:
    assert _top(g, name, lang).geonameid == geonameid


def test_ambiguous_names_list_every_namesake(g: Gazetteer) -> None:
    urozhaine = [e for e, _ in g.lookup("Oerozjajne", "nl")]
    assert 9114393 in {e.geonameid for e in urozhaine}
    assert len({e.admin1 for e in urozhaine}) > 1


@pytest.mark.parametrize(
    ("old", "new"),
    [("Artemivsk", 713174), ("Dzerzhynsk", 709354), ("Krasnoarmiisk", 704422),
     ("Kirovohrad", 705812)],
)
def test_renamed_places_keep_their_old_names(g: Gazetteer, old: str, new: int) -> None:
    assert new in {e.geonameid for e, _ in g.lookup(old, "en")}


def test_oblasts_carry_the_names_of_their_capitals(g: Gazetteer) -> None:
    luhansk = {e.geonameid: e for e, _ in g.lookup("Loegansk", "nl")}
    assert {702657, 702658} <= set(luhansk)  # the oblast and the city
    assert luhansk[702657].feature == "ADM1"
    kursk = {e.geonameid for e, _ in g.lookup("Kursk", "en")}
    assert {538555, 538560} <= kursk
    # named after a capital whose official name is longer: Rostov-on-Don is also "Rostov"
    rostov = {e.geonameid for e, _ in g.lookup("Rostov", "en")}
    assert {501165, 501175} <= rostov


def test_curated_features(g: Gazetteer) -> None:
    ramstein = _top(g, "Ramstein", "nl")
    assert (ramstein.name, ramstein.feature, ramstein.country) == (
        "Ramstein Air Base", "AIRB", "DE")
    assert _top(g, "Zwarte Zee", "nl").name == "Black Sea"
    assert _top(g, "Europa", "nl").feature == "CONT"


def test_admin1_names_are_the_short_region_names(g: Gazetteer) -> None:
    assert _top(g, "Lysychansk").admin1 == "Luhansk"
    assert _top(g, "Simferopol").admin1 == "Crimea"
    assert _top(g, "Sudzha").admin1 == "Kursk Oblast"


def test_lookup_of_nonsense_is_empty(g: Gazetteer) -> None:
    assert g.lookup("Xqzzvvq") == []
    assert g.lookup("") == []


def test_missing_or_broken_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="not found"):
        load_gazetteer(tmp_path / "none.pkl.gz")
    broken = tmp_path / "broken.pkl.gz"
    broken.write_bytes(b"not gzip at all")
    with pytest.raises(GazetteerError, match="cannot read"):
        load_gazetteer(broken)
    old = tmp_path / "old.pkl.gz"
    with gzip.open(old, "wb") as fh:
        pickle.dump({"format": -1}, fh)
    with pytest.raises(GazetteerError, match="rebuild"):
        load_gazetteer(old)
