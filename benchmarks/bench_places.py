#!/usr/bin/env python3
"""Benchmark of the places component: gazetteer size, load time and memory, and throughput.

    python benchmarks/bench_places.py [--corpus DIR ...] [--mb 2]

Throughput is measured on article texts (the seed-format files of ``tests/data/places`` and of
any ``--corpus`` folder; by default also ``../shared/dev/texts`` when it exists), repeated up
to ``--mb`` megabytes, one document per article as in real use, in one process (one core).
"Recognition" is finding the names (:class:`frontwatch.places.recognise.Recogniser`);
"recognition + resolution" is the whole component. Times are the best of ``--repeat`` runs,
as wall-clock and as CPU time of the process (the latter is steadier on a busy machine).
Load time and memory are measured in fresh subprocesses.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from frontwatch.places.component import _tools  # noqa: E402
from frontwatch.places.gazetteer import default_path, load_gazetteer  # noqa: E402

_HEADER = re.compile(r"\s*date\s+\S+\s")

# Current resident memory from /proc (ru_maxrss would carry the parent's peak across exec).
_LOAD_PROBE = """
import json, os, time
def rss_mb():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
import frontwatch.places.gazetteer as gz
before = rss_mb()
t0 = time.perf_counter()
g = gz.load_gazetteer()
seconds = time.perf_counter() - t0
after = rss_mb()
print(json.dumps({"seconds": seconds, "rss_mb": after - before, "total_mb": after}))
"""


def load_probe(runs: int) -> dict[str, float]:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _LOAD_PROBE], capture_output=True, text=True,
                             check=True, env={"PYTHONPATH": str(REPO / "src")})
        results.append(json.loads(out.stdout))
    return {
        "seconds": min(r["seconds"] for r in results),
        "rss_mb": max(r["rss_mb"] for r in results),
        "total_mb": max(r["total_mb"] for r in results),
    }


def read_corpus(dirs: list[Path]) -> list[tuple[str, str]]:
    docs = []
    for d in dirs:
        for f in sorted(d.glob("*.txt")):
            raw = f.read_text("utf-8")
            m = _HEADER.match(raw)
            text = raw[m.end():] if m else raw
            lang = "en" if re.search(r"(^|[-_])en[-_]", f.name) else "nl"
            docs.append((text, lang))
    return docs


def throughput(docs: list[tuple[str, str]], megabytes: float, repeat: int,
               resolve: bool) -> tuple[float, float, int]:
    g = load_gazetteer()
    size = sum(len(t.encode("utf-8")) for t, _ in docs)
    copies = max(1, round(megabytes * 1e6 / size))
    best_wall = best_cpu = float("inf")
    mentions = 0
    for _ in range(repeat):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        mentions = 0
        for _ in range(copies):
            for text, lang in docs:
                recogniser, resolver = _tools(g, lang)
                cands = recogniser.find(text)
                if resolve:
                    resolver.resolve(text, cands)
                mentions += len(cands)
        best_wall = min(best_wall, time.perf_counter() - wall0)
        best_cpu = min(best_cpu, time.process_time() - cpu0)
    total_mb = copies * size / 1e6
    return total_mb / best_wall, total_mb / best_cpu, mentions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", default=None,
                        help="folder of seed-format .txt articles (repeatable)")
    parser.add_argument("--mb", type=float, default=2.0, help="megabytes of text per run")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best counts")
    args = parser.parse_args()
    dirs = [REPO / "tests" / "data" / "places"]
    if args.corpus:
        dirs += args.corpus
    elif (REPO.parent / "shared" / "dev" / "texts").is_dir():
        dirs.append(REPO.parent / "shared" / "dev" / "texts")
    docs = read_corpus(dirs)
    size_kb = sum(len(t.encode("utf-8")) for t, _ in docs) / 1e3

    path = default_path()
    g = load_gazetteer()
    probe = load_probe(3)
    # Warm the per-language caches once, as a long-running process would be.
    throughput(docs, 0.05, 1, resolve=True)
    rec_wall, rec_cpu, n = throughput(docs, args.mb, args.repeat, resolve=False)
    all_wall, all_cpu, _ = throughput(docs, args.mb, args.repeat, resolve=True)

    rows = [
        ("gazetteer file", f"{path.stat().st_size / 1e6:.1f} MB", "committed; target < 30 MB"),
        ("entries / spellings / skeletons",
         f"{len(g)} / {len(g.fold)} / {len(g.skeleton)}", ""),
        ("gazetteer load (fresh process)", f"{probe['seconds']:.2f} s", "target <= 0.5 s"),
        ("memory of the loaded gazetteer", f"{probe['rss_mb']:.0f} MB",
         f"RSS growth; process total {probe['total_mb']:.0f} MB; target <= 300 MB"),
        ("corpus", f"{len(docs)} articles, {size_kb:.0f} kB",
         f"repeated to {args.mb:g} MB; {n} name candidates per run"),
        ("recognition", f"{rec_wall:.2f} MB/s", f"CPU {rec_cpu:.2f} MB/s; target >= 2 MB/s"),
        ("recognition + resolution", f"{all_wall:.2f} MB/s", f"CPU {all_cpu:.2f} MB/s"),
    ]
    width = max(len(r[0]) for r in rows)
    vwidth = max(len(r[1]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>{vwidth}}  note")
    print("-" * (width + vwidth + 40))
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>{vwidth}}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
