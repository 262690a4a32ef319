"""Hand-annotated articles for the store and export tests (written for these tests).

Three articles the way the pipeline would annotate them: an English report of a Russian claim
to have taken Toretsk and Ukraine's denial (dated to the day), a Dutch month-dated article
about a Ukrainian recapture near Lysychansk, a strike in Luhansk oblast and Dutch aid to
Ukraine (an amount, and a place with no coordinates), and a year-dated English article on a
2014 event. Offsets are computed from the text, so they are right by construction.
"""

from __future__ import annotations

from frontwatch.records import (
    Actor,
    Amount,
    Document,
    Event,
    Evidence,
    PlaceMention,
    Span,
    TimeMention,
)

TORETSK_TEXT = (
    "Kyiv, 13 February 2025. Russia's defence ministry said on Tuesday that its forces had taken "
    "full control of Toretsk, a mining town in Donetsk oblast. Ukraine's General Staff denied "
    "the claim and said fighting [in the town's north] was continuing. Two soldiers were "
    "killed and five injured in the clashes, officials said."
)

BILOHORIVKA_TEXT = (
    "Oekraïense troepen hebben het dorp Bilohorivka heroverd, zegt de Oekraïense gouverneur "
    "van de regio Loegansk. Gisteren werd de regio Loegansk opnieuw beschoten. Nederland gaat "
    "Oekraïne 2,6 miljard euro extra steun geven, heeft het kabinet bekendgemaakt."
)

CRIMEA_TEXT = (
    "In March 2014 Russian troops without insignia seized the parliament building in "
    "Simferopol. Weeks later Moscow annexed the Crimean peninsula."
)


def _sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for i, char in enumerate(text):
        if char == "." and (i + 1 == len(text) or text[i + 1] == " ") and not text[
            max(0, i - 4) : i
        ].isdigit():
            spans.append(Span(start, i + 1))
            start = i + 2
    return spans


def _evidence(text: str, sentence_start: str) -> Evidence:
    start = text.index(sentence_start)
    end = text.index(".", start) + 1
    return Evidence(start, end, text[start:end])


def _place(text: str, surface: str, **gazetteer: object) -> PlaceMention:
    start = text.index(surface)
    return PlaceMention(start, start + len(surface), surface, **gazetteer)  # type: ignore[arg-type]


def _time(text: str, surface: str, **fields: object) -> TimeMention:
    start = text.index(surface)
    return TimeMention(start, start + len(surface), surface, **fields)  # type: ignore[arg-type]


def toretsk_document() -> Document:
    """A Russian claim (day-dated), Ukraine's denial, and combat with casualties."""
    text = TORETSK_TEXT
    doc = Document(
        text=text, date="2025-02-13", lang="en", title="Russia claims Toretsk",
        url="https://news.example.org/2025/02/13/toretsk", source="Example Wire",
    )
    toretsk = _place(
        text, "Toretsk", geonameid=704508, name="Toretsk", feature="PPL", admin1="Donetsk",
        country="UA", lat=48.39799, lon=37.84679, confidence=0.93,
    )
    donetsk = _place(
        text, "Donetsk oblast", geonameid=709716, name="Donetsk Oblast", feature="ADM1",
        admin1="Donetsk", country="UA", lat=48.05, lon=37.66667, confidence=0.8,
    )
    tuesday = _time(
        text, "on Tuesday", value="2025-02-11", earliest="2025-02-11", latest="2025-02-11",
        granularity="day", id="t1",
    )
    byline = _time(
        text, "13 February 2025", value="2025-02-13", earliest="2025-02-13",
        latest="2025-02-13", granularity="day", id="t0", dating=False,
    )
    doc.sentences = _sentences(text)
    doc.places = [toretsk, donetsk]
    doc.times = [byline, tuesday]
    claim = _evidence(text, "Russia's defence ministry")
    denial = _evidence(text, "Ukraine's General Staff")
    casualties = _evidence(text, "Two soldiers")
    doc.events = [
        Event(
            event_id=f"{doc.doc_id}-e0", type="territory.capture",
            actor=Actor("RUS", "military"), target=Actor("UKR", "military"),
            place=toretsk, time=tuesday, claimant=Actor("RUS", "government"),
            status="claimed", evidence=[claim], confidence=0.82, rule="en.capture.taken_control",
        ),
        Event(
            event_id=f"{doc.doc_id}-e1", type="territory.capture",
            actor=Actor("RUS", "military"), target=Actor("UKR", "military"),
            place=toretsk, time=tuesday, claimant=Actor("UKR", "military", "General Staff"),
            status="denied", evidence=[denial], confidence=0.7, rule="en.claim.denied",
        ),
        Event(
            event_id=f"{doc.doc_id}-e2", type="combat",
            actor=Actor("UKR", "military"), target=Actor("RUS", "military"), place=toretsk,
            time=None, fatalities=2, injured=5, evidence=[denial, casualties], confidence=0.6,
        ),
    ]
    return doc


def bilohorivka_document() -> Document:
    """Month-dated Dutch article: a recapture, a strike on an oblast, aid with an amount."""
    text = BILOHORIVKA_TEXT
    doc = Document(text=text, date="2022-09", lang="nl", source="NOS")
    bilohorivka = _place(
        text, "Bilohorivka", geonameid=712588, name="Bilohorivka", feature="PPL",
        admin1="Luhansk", country="UA", lat=48.92585, lon=38.24674, confidence=0.88,
    )
    luhansk = _place(
        text, "Loegansk", geonameid=702657, name="Luhansk Oblast", feature="ADM1",
        admin1="Luhansk", country="UA", lat=48.98333, lon=39.01667, confidence=0.9,
    )
    ukraine = _place(text, "Oekraïne", confidence=0.4)  # left unresolved, on purpose
    document_month = TimeMention(
        0, 0, "", value="2022-09", earliest="2022-09-01", latest="2022-09-30",
        granularity="month",
    )
    yesterday = _time(
        text, "Gisteren", value="2022-09", earliest="2022-08-31", latest="2022-09-29",
        granularity="month", id="t0",
    )
    doc.sentences = _sentences(text)
    doc.places = [bilohorivka, luhansk, ukraine]
    doc.times = [yesterday]
    doc.events = [
        Event(
            event_id=f"{doc.doc_id}-e0", type="territory.capture",
            actor=Actor("UKR", "military"), target=Actor("RUS", "military"), place=bilohorivka,
            time=document_month, claimant=Actor("UKR", "government"), status="claimed",
            evidence=[_evidence(text, "Oekraïense troepen")], confidence=0.8,
        ),
        Event(
            event_id=f"{doc.doc_id}-e1", type="strike", place=luhansk, time=yesterday,
            evidence=[_evidence(text, "Gisteren")], confidence=0.55,
        ),
        Event(
            event_id=f"{doc.doc_id}-e2", type="aid", actor=Actor("NLD", "government"),
            target=Actor("UKR", "government"), place=ukraine, time=document_month,
            amount=Amount(2.6e9, "EUR"), modality="planned",
            evidence=[_evidence(text, "Nederland gaat")], confidence=0.75,
        ),
    ]
    return doc


def crimea_document() -> Document:
    """Year-dated; one event dated "In March 2014", one with no time and no place."""
    text = CRIMEA_TEXT
    doc = Document(text=text, date="2015", lang="en")
    simferopol = _place(
        text, "Simferopol", geonameid=693805, name="Simferopol", feature="PPLA",
        admin1="Crimea", country="UA", lat=44.95719, lon=34.11079, confidence=0.95,
    )
    march = _time(
        text, "In March 2014", value="2014-03", earliest="2014-03-01", latest="2014-03-31",
        granularity="month", id="t0",
    )
    doc.sentences = _sentences(text)
    doc.places = [simferopol]
    doc.times = [march]
    doc.events = [
        Event(
            event_id=f"{doc.doc_id}-e0", type="territory.capture",
            actor=Actor("RUS", "military", "troops without insignia"), place=simferopol,
            time=march, evidence=[_evidence(text, "In March 2014")], confidence=0.5,
        ),
        Event(
            event_id=f"{doc.doc_id}-e1", type="political", actor=Actor("RUS", "government"),
            evidence=[_evidence(text, "Weeks later")], confidence=0.45,
        ),
    ]
    return doc


def sample_documents() -> list[Document]:
    return [toretsk_document(), bilohorivka_document(), crimea_document()]
