"""Places: recognise place names in an article and resolve them to GeoNames entries.

The pipeline component is :class:`PlaceRecognizer` (registered as ``places``): it sets
``doc.places`` to a list of :class:`~frontwatch.records.PlaceMention`, unresolved mentions
included (``geonameid`` None). For actors, :func:`demonyms` lists the adjectives and demonyms
of a document ("Oekraïense", "Russen", "British") with the ISO3 country they name, and
:func:`country_of_adjective` answers for a single word.

Contains data from GeoNames (geonames.org), CC BY 4.0.
"""

from frontwatch.places.component import (
    PlaceRecognizer,
    demonyms,
    find_places,
)
from frontwatch.places.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    GazetteerError,
    load_gazetteer,
)
from frontwatch.places.keys import cyrillic_to_latin, fold_key, name_key
from frontwatch.places.lexicon import country_of_adjective

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerError",
    "PlaceRecognizer",
    "country_of_adjective",
    "cyrillic_to_latin",
    "demonyms",
    "find_places",
    "fold_key",
    "load_gazetteer",
    "name_key",
]
