"""The ``places`` pipeline component and the functions other components use."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Final

from frontwatch.places.gazetteer import Gazetteer, load_gazetteer
from frontwatch.places.lexicon import lexicon
from frontwatch.places.recognise import Candidate, Recogniser, demonym_spans
from frontwatch.places.resolve import Resolution, Resolver
from frontwatch.records import Document, PlaceMention

log = logging.getLogger(__name__)

_RECOGNISERS: Final[dict[tuple[int, str], tuple[Recogniser, Resolver]]] = {}


def _tools(gazetteer: Gazetteer, lang: str | None) -> tuple[Recogniser, Resolver]:
    lex = lexicon(lang)
    key = (id(gazetteer), lex.lang)
    tools = _RECOGNISERS.get(key)
    if tools is None:
        tools = (Recogniser(gazetteer, lex), Resolver(gazetteer, lex))
        _RECOGNISERS[key] = tools
    return tools


def _mention(cand: Candidate, res: Resolution) -> PlaceMention:
    e = res.entry
    if e is None:
        return PlaceMention(start=cand.start, end=cand.end, surface=cand.surface)
    return PlaceMention(
        start=cand.start,
        end=cand.end,
        surface=cand.surface,
        geonameid=e.geonameid,
        name=e.name,
        feature=e.feature,
        admin1=e.admin1,
        country=e.country or None,
        lat=e.lat,
        lon=e.lon,
        confidence=res.confidence,
    )


def find_places(
    text: str,
    lang: str | None = "nl",
    gazetteer: Gazetteer | None = None,
    sentence_ends: list[int] | None = None,
) -> list[PlaceMention]:
    """The place mentions of a text written in ``lang``, resolved against the gazetteer.
    ``sentence_ends`` (end offsets of sentences) sharpen the use of "in the X region" said in
    the same sentence; without them the text's own full stops and line breaks are used."""
    g = gazetteer or load_gazetteer()
    recogniser, resolver = _tools(g, lang)
    cands = recogniser.find(text)
    resolutions = resolver.resolve(text, cands, sentence_ends)
    return [_mention(c, r) for c, r in zip(cands, resolutions, strict=True)]


def demonyms(doc: Document) -> list[tuple[int, int, str]]:
    """Adjectives and demonyms of ``doc`` with the country they name, for actors:
    ``[(start, end, ISO3), ...]`` ("Oekraïense" -> UKR, "Russen" -> RUS, "British" -> GBR)."""
    return demonym_spans(doc.text, lexicon(doc.lang))


class PlaceRecognizer:
    """Pipeline component ``places``: sets ``doc.places``.

    ``gazetteer`` is a path to another gazetteer file (default: the packaged one);
    ``min_confidence`` drops resolutions below it to unresolved mentions (default 0: keep the
    best reading, however unsure, with its confidence)."""

    def __init__(self, gazetteer: str | None = None, min_confidence: float = 0.0) -> None:
        self.gazetteer_path = Path(gazetteer) if gazetteer else None
        self.min_confidence = float(min_confidence)

    def __call__(self, doc: Document) -> Document:
        g = load_gazetteer(self.gazetteer_path)
        ends = [s.end for s in doc.sentences] or None
        mentions = find_places(doc.text, doc.lang or "en", g, ends)
        if self.min_confidence > 0:
            for m in mentions:
                if m.geonameid is not None and m.confidence < self.min_confidence:
                    m.geonameid = m.name = m.feature = m.admin1 = m.country = None
                    m.lat = m.lon = None
                    m.confidence = 0.0
        doc.places = mentions
        return doc


__all__ = ["PlaceRecognizer", "demonyms", "find_places"]
