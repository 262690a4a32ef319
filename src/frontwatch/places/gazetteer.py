"""The packaged gazetteer: GeoNames entries and the keys that find them.

The file (``data/gazetteer/gazetteer.pkl.gz``) is built by ``scripts/build_gazetteer.py`` and
committed, so nothing is fetched at run time. It holds the entries as columns and two look-up
tables from a key to the entries carrying a name with that key: the folded spelling
(:func:`~frontwatch.places.keys.fold_key`) and the romanisation skeleton
(:func:`~frontwatch.places.keys.name_key`). It is loaded once per process, on first use.

Contains data from GeoNames (geonames.org), CC BY 4.0.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import pickle
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from frontwatch.places.errors import GazetteerError
from frontwatch.places.keys import fold_key, name_key, table_languages

log = logging.getLogger(__name__)

FORMAT_VERSION: Final = 3
ATTRIBUTION: Final = "Contains data from GeoNames (geonames.org), CC BY 4.0"


def tables_fingerprint() -> str:
    """A hash of the transliteration tables: keys in a gazetteer built under other tables are
    stale, and :func:`load_gazetteer` says so."""
    h = hashlib.sha256()
    base = resources.files("frontwatch").joinpath("data")
    h.update(base.joinpath("gazetteer/cyrillic.toml").read_bytes())
    for lang in table_languages():
        h.update(lang.encode())
        h.update(base.joinpath(f"lang/{lang}/places.toml").read_bytes().split(b"[recognition]")[0])
    return h.hexdigest()[:16]


# GeoNames feature codes of regions and of bodies of water.
REGION_FEATURES: Final = frozenset({"ADM1", "ADM2", "ADM2H", "ADMD", "RGN"})
WATER_FEATURES: Final = frozenset(
    {"STM", "LK", "RSV", "SEA", "BAY", "GULF", "STRT", "ESTY", "LGN", "CNL"}
)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer."""

    index: int
    geonameid: int | None
    name: str
    feature: str
    country: str
    admin1: str | None
    admin1_code: str
    lat: float
    lon: float
    population: int
    importance: float
    names: tuple[str, ...]

    @property
    def is_settlement(self) -> bool:
        return self.feature.startswith("PPL")

    @property
    def is_region(self) -> bool:
        return self.feature in REGION_FEATURES

    @property
    def is_water(self) -> bool:
        return self.feature in WATER_FEATURES


class Gazetteer:
    """Entries plus look-up by folded spelling and by romanisation skeleton."""

    def __init__(self, table: dict[str, Any], path: Path | None = None) -> None:
        if table.get("format") != FORMAT_VERSION:
            raise GazetteerError(
                f"gazetteer format {table.get('format')!r}, expected {FORMAT_VERSION}: rebuild it"
            )
        self.path = path
        self.columns: dict[str, list[Any]] = table["columns"]
        self.fold: dict[str, int | tuple[int, ...]] = table["fold"]
        self.skeleton: dict[str, int | tuple[int, ...]] = table["skeleton"]
        self.fold_first: dict[str, int] = table["fold_first"]
        self.skeleton_first: dict[str, int] = table["skeleton_first"]
        self.fold_prefixes: set[str] = set(table["fold_prefixes"])
        self.skeleton_prefixes: set[str] = set(table["skeleton_prefixes"])
        self.tables = table.get("tables")
        self.attribution = table.get("attribution", ATTRIBUTION)
        self._entries: dict[int, GazetteerEntry] = {}

    def __len__(self) -> int:
        return len(self.columns["name"])

    def entry(self, index: int) -> GazetteerEntry:
        cached = self._entries.get(index)
        if cached is None:
            c = self.columns
            cached = GazetteerEntry(
                index=index,
                geonameid=c["geonameid"][index],
                name=c["name"][index],
                feature=c["feature"][index],
                country=c["country"][index],
                admin1=c["admin1"][index],
                admin1_code=c["admin1_code"][index],
                lat=c["lat"][index],
                lon=c["lon"][index],
                population=c["population"][index],
                importance=c["importance"][index],
                names=tuple(c["names"][index].split("|")),
            )
            self._entries[index] = cached
        return cached

    @staticmethod
    def _indexes(value: int | tuple[int, ...] | None) -> tuple[int, ...]:
        if value is None:
            return ()
        return (value,) if isinstance(value, int) else value

    def longest_from(self, fold: str, *skeletons: str) -> int:
        """How many words the longest name starting with this word has (0: no name does),
        given the word's folded spelling and skeleton keys."""
        best = self.fold_first.get(fold, 0) or (1 if fold in self.fold else 0)
        for key in skeletons:
            n = self.skeleton_first.get(key, 0) or (1 if key in self.skeleton else 0)
            if n > best:
                best = n
        return best

    def by_fold(self, key: str) -> tuple[int, ...]:
        return self._indexes(self.fold.get(key))

    def by_skeleton(self, key: str) -> tuple[int, ...]:
        return self._indexes(self.skeleton.get(key))

    def by_geonameid(self, geonameid: int) -> GazetteerEntry | None:
        try:
            return self.entry(self.columns["geonameid"].index(geonameid))
        except ValueError:
            return None

    def lookup(self, name: str, lang: str | None = None) -> list[tuple[GazetteerEntry, str]]:
        """Entries a name can mean, with how it matched ("spelling" or "skeleton"): spelling
        matches first, then the most important. For people (`frontwatch gazetteer lookup`);
        recognition goes through :mod:`frontwatch.places.recognise`."""
        found: dict[int, str] = {}
        for i in self.by_fold(fold_key(name)):
            found[i] = "spelling"
        # Without a language, try every romanisation the package knows: a person looking up
        # "Voehledar" should not have to say that it is a Dutch spelling.
        languages = {lang, "en"} if lang else {"en", *table_languages()}
        for lg in sorted(languages):
            for i in self.by_skeleton(name_key(name, lg)):
                found.setdefault(i, "skeleton")
        entries = [(self.entry(i), how) for i, how in found.items()]
        entries.sort(key=lambda pair: (pair[1] != "spelling", -pair[0].importance, pair[0].name))
        return entries


@lru_cache(maxsize=1)
def default_path() -> Path:
    # Cached: asking importlib.resources costs more than the rest of a look-up, and the
    # places component asks for every document.
    return Path(str(resources.files("frontwatch").joinpath("data/gazetteer/gazetteer.pkl.gz")))


_LOCK: Final = threading.Lock()


@lru_cache(maxsize=4)
def _load(path: Path) -> Gazetteer:
    try:
        with gzip.open(path, "rb") as fh:
            table = pickle.load(fh)  # the file is ours, shipped inside the package
    except FileNotFoundError:
        raise GazetteerError(
            f"{path}: gazetteer not found; build it with scripts/build_gazetteer.py"
        ) from None
    except (OSError, EOFError, pickle.UnpicklingError) as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer: {exc}") from None
    gazetteer = Gazetteer(table, path)
    if gazetteer.tables != tables_fingerprint():
        log.warning(
            "%s was built with other transliteration tables; rebuild it with "
            "scripts/build_gazetteer.py",
            path,
        )
    return gazetteer


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: the packaged one), loaded once per process."""
    with _LOCK:
        return _load(Path(path) if path else default_path())


__all__ = [
    "ATTRIBUTION",
    "FORMAT_VERSION",
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerError",
    "default_path",
    "load_gazetteer",
    "tables_fingerprint",
]
