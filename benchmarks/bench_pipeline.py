"""End-to-end throughput: read -> language -> sentences -> places -> times -> events, no store.

Usage: ``python benchmarks/bench_pipeline.py [--articles N] [--corpus DIR] [--words W]
[--repeat K] [--batch-size B]``

Articles come from ``examples/articles`` (or ``--corpus``, any folder of seed-format files),
each cut or repeated to about ``--words`` words (default 400) and cycled up to ``--articles``
documents (default 600). Every document is read from its seed-format text (the reader's work
is timed too), then run through the default pipeline, with ``times`` and ``events`` appended
when the configuration lacks them, ``--batch-size`` documents at a time as ``frontwatch
extract`` runs them (each component over the batch before the next: ``Pipeline.run_batch``).
One process, so the rate is per core; the target is at
least 300 articles of ~400 words per second. The table breaks the time down by stage, from
``Pipeline.timing``. ``--repeat K`` (default 5) times K passes in the same process and reports
the median one: on a shared machine single passes vary by a fifth and more.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from frontwatch.commands import whole_number
from frontwatch.compiled import compiled_modules, stale_modules
from frontwatch.pipeline import DEFAULT_BATCH_SIZE, Pipeline, available_components, default_config
from frontwatch.readers import parse_seed_text
from frontwatch.records import Document

ROOT = Path(__file__).resolve().parent.parent
TARGET_PER_SECOND = 300.0


def load_texts(folder: Path, words: int) -> list[str]:
    """Seed-format texts of about ``words`` words each (header kept)."""
    texts = []
    for path in sorted(folder.glob("*.txt")):
        raw = path.read_text("utf-8")
        header, _, body = raw.lstrip().partition(" ")
        date, _, body = body.partition(" ")
        tokens = body.split(" ")
        while len(tokens) < words:
            tokens += tokens
        # cut at a paragraph or sentence end near the target length
        cut = " ".join(tokens[:words])
        end = max(cut.rfind(". "), cut.rfind(".\n"))
        body = cut[: end + 1] if end > words else cut
        texts.append(f" {header} {date} {body}")
    if not texts:
        raise SystemExit(f"no .txt articles in {folder}")
    return texts


def build_pipeline() -> Pipeline:
    config = default_config()
    names = list(config["pipeline"]["components"])
    for extra in ("times", "events"):
        if extra not in names and extra in available_components():
            names.append(extra)
    return Pipeline.from_config(
        {"pipeline": {"components": names}, "components": config.get("components", {})}
    )


@dataclass
class Run:
    """One timed pass over the articles."""

    total: float
    stages: list[tuple[str, float]]  # (stage, seconds), reading first
    per_doc: list[float]
    words: int
    events: int


def words_of(texts: list[str]) -> list[int]:
    """The words of each article's text as read, counted before the timing starts."""
    counts = []
    for text in texts:
        doc = parse_seed_text(text, "count")
        counts.append(len(doc.text.split()) if isinstance(doc, Document) else 0)
    return counts


def timed_run(
    pipeline: Pipeline, texts: list[str], counts: list[int], articles: int, batch_size: int
) -> Run | str:
    """Read and run ``articles`` documents as `frontwatch extract` does (one batch, the
    documents ``batch_size`` at a time through the components), timing every stage; the
    problem as a string when an article cannot be read or fails. ``counts``: the words of
    each text (:func:`words_of`)."""
    pipeline.timing.seconds.clear()
    words = sum(counts[k % len(texts)] for k in range(articles))
    events = 0
    read_seconds = 0.0
    per_doc: list[float] = []  # latency of each article, with a batch size of 1
    t_start = time.perf_counter()
    with pipeline.batch():
        for first in range(0, articles, batch_size):
            t0 = time.perf_counter()
            docs = []
            for k in range(first, min(articles, first + batch_size)):
                doc = parse_seed_text(texts[k % len(texts)], f"article-{k}")
                if not isinstance(doc, Document):
                    return f"unreadable article: {doc}"
                docs.append(doc)
            t1 = time.perf_counter()
            results = pipeline.run_batch(docs)
            t2 = time.perf_counter()
            read_seconds += t1 - t0
            if batch_size == 1:
                per_doc.append(t2 - t0)
            for result in results:
                if isinstance(result, Exception):
                    return f"failed article: {type(result).__name__}: {result}"
                events += len(result.events)
    total = time.perf_counter() - t_start
    stages = [("read", read_seconds), *pipeline.timing.seconds.items()]
    return Run(total, stages, per_doc, words, events)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=whole_number(1), default=600)
    parser.add_argument("--corpus", type=Path, default=ROOT / "examples" / "articles")
    parser.add_argument("--words", type=whole_number(1), default=400)
    parser.add_argument("--warmup", type=whole_number(0), default=20)
    parser.add_argument(
        "--batch-size",
        type=whole_number(1),
        default=DEFAULT_BATCH_SIZE,
        help="documents each component reads in turn, as `frontwatch extract --batch-size` "
        f"(default {DEFAULT_BATCH_SIZE}; 1: each article through the whole pipeline alone, "
        "which also reports the latency per article)",
    )
    parser.add_argument(
        "--repeat",
        type=whole_number(1),
        default=5,
        help="timed passes (default 5); the table is the median pass's (on a shared machine "
        "single passes vary by a fifth and more)",
    )
    args = parser.parse_args()

    texts = load_texts(args.corpus, args.words)
    pipeline = build_pipeline()
    # Warm up: lexicons, gazetteer and models load once per process, not per article.
    for k in range(args.warmup):
        doc = parse_seed_text(texts[k % len(texts)], f"warmup-{k}")
        if isinstance(doc, Document):
            pipeline(doc)

    counts = words_of(texts)
    runs: list[Run] = []
    for _ in range(args.repeat):
        run = timed_run(pipeline, texts, counts, args.articles, args.batch_size)
        if isinstance(run, str):
            print(run, file=sys.stderr)
            return 1
        runs.append(run)
    runs.sort(key=lambda r: r.total)
    run = runs[len(runs) // 2]  # the median pass (the slower of the middle two)
    total = run.total

    rate = args.articles / total
    print(f"pipeline: read -> {' -> '.join(pipeline.names)}")
    compiled, stale = compiled_modules(), stale_modules()
    print(
        f"modules compiled with mypyc: {len(compiled)}"
        + (" (pure Python; see scripts/build_compiled.py)" if not compiled else "")
    )
    if stale:
        print(f"WARNING: edited after their build, not what runs: {', '.join(stale)}")
    print(
        f"{args.articles} articles, {run.words / args.articles:.0f} words each on average, "
        f"{run.events} events, {total:.2f} s, in batches of {args.batch_size}"
        + (f" (median of {len(runs)} passes)" if len(runs) > 1 else "")
    )
    print()
    header = f"{'stage':<14}{'seconds':>10}{'ms/article':>12}{'share':>8}"
    print(header)
    print("-" * len(header))
    for name, seconds in run.stages:
        print(
            f"{name:<14}{seconds:>10.3f}{1000 * seconds / args.articles:>12.3f}"
            f"{100 * seconds / total:>7.1f}%"
        )
    print("-" * len(header))
    print(f"{'total':<14}{total:>10.3f}{1000 * total / args.articles:>12.3f}{100.0:>7.1f}%")
    print()
    print(
        f"articles/s (one core): {rate:.0f}   target >= {TARGET_PER_SECOND:.0f}   "
        f"{'OK' if rate >= TARGET_PER_SECOND else 'BELOW TARGET'}"
    )
    if len(runs) > 1:
        rates = ", ".join(f"{args.articles / r.total:.0f}" for r in runs)
        print(f"passes, fastest first (articles/s): {rates}")
    latency = ""
    if run.per_doc:
        latency = (
            f"   median ms/article: {1000 * statistics.median(run.per_doc):.2f}   p95: "
            f"{1000 * sorted(run.per_doc)[int(0.95 * (len(run.per_doc) - 1))]:.2f}"
        )
    print(f"words/s: {run.words / total:,.0f}{latency}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
