"""Country codes: the places package speaks ISO 3166-1 alpha-2, events speak alpha-3."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from frontwatch.records import PlaceMention
from frontwatch.resources import load_data


@lru_cache(maxsize=1)
def iso3_of() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> alpha-3, from the package's ``country_codes.tsv``."""
    text = resources.files("frontwatch").joinpath("data", "country_codes.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2 and len(parts[0]) == 2 and len(parts[1]) == 3:
            table[parts[0].upper()] = parts[1].upper()
    return table


def country_of_place(place: PlaceMention) -> str | None:
    """The ISO3 country a place lies in, if known."""
    return iso3_of().get((place.country or "").upper())


@lru_cache(maxsize=1)
def _held_areas() -> tuple[tuple[str, frozenset[str], str, str], ...]:
    """(country ISO2, first-order divisions, holder ISO3, since ISO date) from the package's
    ``held_territory.toml``."""
    return tuple(
        (
            str(area["country"]).upper(),
            frozenset(str(a).casefold() for a in area["admin1"]),
            str(area["holder"]).upper(),
            str(area["since"]),
        )
        for area in load_data("held_territory.toml").get("held", [])
    )


def holder_of_place(place: PlaceMention, day: str) -> str | None:
    """The ISO3 country that held ``place`` on ``day`` (ISO date) by the reference table of
    long-held areas, else the country it lies in."""
    country = (place.country or "").upper()
    admin1 = (place.admin1 or "").casefold()
    for area_country, divisions, holder, since in _held_areas():
        if country == area_country and admin1 in divisions and day >= since:
            return holder
    return country_of_place(place)
