"""Benchmark of cross-article fusion and the control timeline on synthetic events.

Usage: ``python benchmarks/bench_control.py [--max N] [--store]``

Builds a synthetic stream of reports (captures, recaptures, withdrawals, advances into towns,
fighting, strikes; every real event reported by one to four outlets with dates that differ by
a few days; claims with denials) at 1/8, 1/4, 1/2 and all of ``--max`` events (default
100,000), and times :func:`frontwatch.control.fuse` and
:func:`frontwatch.control.build_periods` separately. The places grow with the events (one
place per 40 reports), as in a growing archive. The table shows the time per 1,000 events:
about constant means linear growth.

``--store`` also times the incremental path: documents added one at a time to a SQLite store
that already holds the other events, each recomputing the clusters and timelines it touches
inside its own transaction; once with places growing with the archive and once with a single
place holding every report (the worst case: only the time window and the timeline of that
place are recomputed, not all its reports).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from frontwatch.control import build_periods, fuse

SIDES = ("RUS", "UKR")
SENTENCES = {
    "territory.capture": "{actor} forces have captured {place}, officials said.",
    "territory.withdrawal": "{actor} troops withdrew from {place} overnight.",
    "territory.advance": "{actor} units reached the outskirts of {place}.",
    "combat": "Heavy fighting continued around {place}.",
    "strike": "A missile strike hit {place} on the day.",
}


def synthetic_events(n: int, seed: int = 7, places: int | None = None) -> list[dict[str, Any]]:
    """``n`` report dicts in the ``Store.events()`` shape, deterministic for a seed.

    ``places`` defaults to one per 40 reports.
    """
    rng = random.Random(seed)
    places = places or max(1, n // 40)
    events: list[dict[str, Any]] = []
    start = date(2022, 2, 24)
    real = 0
    while len(events) < n:
        real += 1
        place_id = rng.randrange(places)
        kind = rng.choices(list(SENTENCES), weights=(3, 1, 2, 2, 4))[0]
        actor = rng.choice(SIDES)
        day = start + timedelta(days=rng.randrange(3 * 365))
        place = {
            "geonameid": 1_000_000 + place_id, "name": f"Place{place_id}",
            "surface": f"Place{place_id}", "start": 0, "end": 0, "feature": "PPL",
            "admin1": f"Oblast{place_id % 24}",
            "country": "UA", "lat": 47.0 + (place_id % 100) / 25, "lon": 33.0 + place_id / 5000,
        }
        text = SENTENCES[kind].format(actor=actor, place=place["name"])
        for copy in range(rng.randint(1, 4)):
            if len(events) >= n:
                break
            shift = rng.choice((0, 0, 0, 1, -1, 2))
            width = rng.choice((0, 0, 6, 29))
            first = day + timedelta(days=shift)
            status = "claimed" if copy == 0 and kind == "territory.capture" else "reported"
            if copy == 3 and kind == "territory.capture":
                status = "denied"
            events.append(
                {
                    "event_id": f"r{real}-{copy}", "type": kind,
                    "actor": {"country": actor, "role": "military"}, "target": None,
                    "place": place,
                    "time": {"start": 0, "end": 0, "surface": "", "value": first.isoformat(),
                             "earliest": first.isoformat(),
                             "latest": (first + timedelta(days=width)).isoformat(),
                             "granularity": "day" if width == 0 else "week"},
                    "status": status, "modality": "asserted",
                    "claimant": {"country": actor, "role": "government"}
                    if status == "claimed" else None,
                    "evidence": [{"start": 0, "end": len(text), "text": text}],
                    "confidence": 0.8, "doc_id": f"d{real}-{copy}",
                    "source": f"outlet{rng.randrange(30)}", "url": None, "lang": "en",
                    "doc_date": (first + timedelta(days=width + 1)).isoformat(),
                }
            )
    return events


def time_pure(n: int, repeat: int = 3) -> tuple[float, float, int, int]:
    """Best of ``repeat`` runs (the machine is shared): seconds to fuse, to build periods."""
    events = synthetic_events(n)
    best_fuse = best_timeline = float("inf")
    clusters: list[Any] = []
    periods: list[Any] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        clusters = fuse(events)
        t1 = time.perf_counter()
        periods = build_periods(clusters)
        t2 = time.perf_counter()
        best_fuse, best_timeline = min(best_fuse, t1 - t0), min(best_timeline, t2 - t1)
    return best_fuse, best_timeline, len(clusters), len(periods)


def time_store(n: int, added: int = 200, places: int | None = None) -> tuple[float, float]:
    """Seconds to bulk-build ``n`` events' timeline, and ms per document added afterwards."""
    from frontwatch.control import storage
    from frontwatch.records import Document, Event
    from frontwatch.store import Store

    events = synthetic_events(n + added, places=places)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.db") as store:
        conn = storage.connection(store)
        docs: dict[str, Document] = {}
        for event in events:
            doc = docs.get(event["doc_id"])
            if doc is None:
                doc = docs[event["doc_id"]] = Document(
                    text=f"Report {event['doc_id']}.", date=event["doc_date"],
                    source=event["source"], lang="en",
                )
            data = {k: v for k, v in event.items()
                    if k not in ("doc_id", "source", "url", "lang", "doc_date")}
            data["event_id"] = f"{doc.doc_id}-{len(doc.events)}"
            doc.events.append(Event.from_dict(data))
        ordered = list(docs.values())
        later, first = ordered[-added:], ordered[:-added]
        # Bulk: store without the per-document hook, then rebuild once.
        conn.execute("BEGIN IMMEDIATE")
        for doc in first:
            Store._insert_document(store, conn, doc)
            Store._insert_events(store, conn, doc)
        t0 = time.perf_counter()
        storage.rebuild(conn)
        conn.execute("COMMIT")
        bulk = time.perf_counter() - t0
        t1 = time.perf_counter()
        for doc in later:
            store.add(doc)
        per_doc = (time.perf_counter() - t1) / len(later) * 1000
    return bulk, per_doc


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=100_000, help="largest number of events")
    parser.add_argument("--store", action="store_true", help="also time the SQLite store path")
    args = parser.parse_args(argv)
    sizes = [args.max // 8, args.max // 4, args.max // 2, args.max]

    print("fusion and timeline, pure functions (1 place per 40 reports; best of 3 runs)")
    header = (f"{'events':>9} {'clusters':>9} {'periods':>8} {'fuse s':>8} {'timeline s':>11}"
              f" {'fuse ms/1k':>11} {'timeline ms/1k':>15}")
    print(header)
    print("-" * len(header))
    for n in sizes:
        fuse_s, timeline_s, clusters, periods = time_pure(n)
        print(f"{n:>9,} {clusters:>9,} {periods:>8,} {fuse_s:>8.2f} {timeline_s:>11.2f}"
              f" {fuse_s / n * 1e6:>11.1f} {timeline_s / n * 1e6:>15.1f}")

    if args.store:
        print("\nSQLite store: rebuild of all events, then documents added one by one")
        header = f"{'events':>9} {'rebuild s':>10} {'rebuild ms/1k':>14} {'add ms/doc':>11}"
        print(header)
        print("-" * len(header))
        for n in sizes:
            bulk, per_doc = time_store(n)
            print(f"{n:>9,} {bulk:>10.2f} {bulk / n * 1e6:>14.1f} {per_doc:>11.2f}")
        print("\nSQLite store, worst case: ONE place holding every report")
        print(header)
        print("-" * len(header))
        for n in sizes:
            bulk, per_doc = time_store(n, added=20, places=1)
            print(f"{n:>9,} {bulk:>10.2f} {bulk / n * 1e6:>14.1f} {per_doc:>11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
