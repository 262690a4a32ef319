"""Store and export speed on synthetic annotated documents.

Usage: ``python benchmarks/bench_store.py [N_DOCUMENTS]`` (default 5000). Builds N documents
of ~600 characters with 4 places, 2 times and 5 events each, stores them in a fresh database
in a temporary folder, re-adds them (a no-op), queries with each filter and exports every
format. Prints one table row per step.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from frontwatch.export import export_events
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
from frontwatch.store import Store

PLACES = [
    ("Toretsk", "Toretsk", "PPL", "Donetsk", 48.39799, 37.84679),
    ("Bilohorivka", "Bilohorivka", "PPL", "Luhansk", 48.92585, 38.24674),
    ("Loegansk", "Luhansk Oblast", "ADM1", "Luhansk", 48.98333, 39.01667),
    ("Charkiv", "Kharkiv", "PPLA", "Kharkiv", 49.98081, 36.25272),
]
TYPES = ["territory.capture", "territory.withdrawal", "combat", "strike", "aid"]


def make_document(i: int) -> Document:
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    year = 2022 + (i // 336) % 4
    sentence = (
        f"Report {i}: Russian forces said they captured Toretsk after heavy fighting near "
        "Bilohorivka, while the regio Loegansk was shelled again and Charkiv received aid. "
    )
    text = sentence * 3
    doc = Document(text=text, date=f"{year}-{month:02d}-{day:02d}", lang="en", source="bench")
    doc.sentences = [Span(k * len(sentence), (k + 1) * len(sentence) - 1) for k in range(3)]
    for surface, name, feature, admin1, lat, lon in PLACES:
        start = text.index(surface)
        doc.places.append(
            PlaceMention(start, start + len(surface), surface, 1000 + len(doc.places), name,
                         feature, admin1, "UA", lat, lon, 0.9)
        )
    iso = doc.date
    doc.times = [
        TimeMention(0, 6, "Report", iso, iso, iso, "day", id="t0"),
        TimeMention(7, 9, "xx", iso[:7], iso[:7] + "-01", iso[:7] + "-28", "month", id="t1"),
    ]
    evidence = [Evidence(s.start, s.end, text[s.start : s.end]) for s in doc.sentences[:1]]
    for k, event_type in enumerate(TYPES):
        doc.events.append(
            Event(
                event_id=f"{doc.doc_id}-e{k}", type=event_type,
                actor=Actor("RUS", "military"), target=Actor("UKR", "military"),
                place=doc.places[k % len(doc.places)], time=doc.times[k % 2],
                amount=Amount(1e6, "EUR") if event_type == "aid" else None,
                claimant=Actor("RUS", "government"), status="claimed",
                evidence=evidence, confidence=0.7,
            )
        )
    return doc


def timed(label: str, unit: str, count_of: Callable[[], int], rows: list[tuple]) -> None:
    start = time.perf_counter()
    count = count_of()
    seconds = time.perf_counter() - start
    rows.append((label, count, unit, seconds, count / seconds if seconds else float("inf")))


def main(n_documents: int) -> None:
    docs = [make_document(i) for i in range(n_documents)]
    rows: list[tuple] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store(db) as store:
            timed("add", "documents", lambda: sum(store.add(d) for d in docs), rows)
            timed("re-add (no-op)", "documents",
                  lambda: sum(not store.add(d) for d in docs), rows)
            timed("events()", "events", lambda: sum(1 for _ in store.events()), rows)
            timed("events(type='territory.*')", "events",
                  lambda: sum(1 for _ in store.events(type="territory.*")), rows)
            timed("events(place='luhansk oblast')", "events",
                  lambda: sum(1 for _ in store.events(place="luhansk oblast")), rows)
            timed("events(since, until: 1 month)", "events",
                  lambda: sum(1 for _ in store.events(since="2023-03", until="2023-03")), rows)
            for fmt in ("jsonl", "csv", "geojson", "parquet"):
                out = Path(tmp) / f"events.{fmt}"
                timed(f"export {fmt}", "events",
                      lambda fmt=fmt, out=out: export_events(store.events(), fmt, out).written,
                      rows)
        size = db.stat().st_size
    print(f"{n_documents} documents, database {size / 1e6:.1f} MB\n")
    print(f"| {'step':<32} | {'count':>7} | {'unit':<9} | {'seconds':>8} | {'per second':>11} |")
    print(f"|{'-' * 34}|{'-' * 9}|{'-' * 11}|{'-' * 10}|{'-' * 13}|")
    for label, count, unit, seconds, rate in rows:
        print(f"| {label:<32} | {count:>7} | {unit:<9} | {seconds:>8.3f} | {rate:>11,.0f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
