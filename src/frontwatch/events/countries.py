"""Country codes: the places package speaks ISO 3166-1 alpha-2, events speak alpha-3."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from frontwatch.records import PlaceMention


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
