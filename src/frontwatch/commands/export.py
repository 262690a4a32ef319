"""``frontwatch export [--format jsonl|csv|geojson|parquet] [-o FILE] [--db PATH] [filters]``.

Writes the stored events (optionally filtered like ``frontwatch events``) as JSONL, ACLED-style
CSV, GeoJSON or Parquet; :mod:`frontwatch.export` documents each format. Without ``--format``
the format follows the suffix of ``-o`` (.jsonl, .csv, .geojson, .parquet), else JSONL. A file
is written atomically: a failed export leaves no half-written file. Without ``-o`` (or with
``-o -``) the text formats go to stdout; Parquet needs a file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from frontwatch.commands import EXIT_OK, UsageError
from frontwatch.commands.events import (
    add_db_argument,
    add_filter_arguments,
    event_filters,
    open_store,
    query_events,
)
from frontwatch.export import FORMAT_BY_SUFFIX, FORMATS, ExportError, export_events


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="export stored events as JSONL, CSV, GeoJSON or Parquet",
        description="Export stored events, filtered: JSONL, ACLED-style CSV, GeoJSON, Parquet.",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from the -o suffix, else jsonl)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: stdout)")
    add_db_argument(p)
    add_filter_arguments(p)
    p.set_defaults(func=run)


def choose_format(fmt: str | None, output: str | None) -> str:
    """The explicit ``--format``, else the one the output suffix names, else jsonl."""
    if fmt:
        return fmt
    if not output or output == "-":
        return "jsonl"
    suffix = Path(output).suffix.lower()
    if suffix not in FORMAT_BY_SUFFIX:
        raise UsageError(
            f"cannot tell the format from {output!r}; give --format ({', '.join(FORMATS)})"
        )
    return FORMAT_BY_SUFFIX[suffix]


def run(args: argparse.Namespace) -> int:
    fmt = choose_format(args.format, args.output)
    to_file = bool(args.output) and args.output != "-"
    if fmt == "parquet" and not to_file:
        raise UsageError("parquet is binary: give an output file with -o FILE")
    if to_file and not Path(args.output).parent.is_dir():
        raise UsageError(f"cannot write {args.output}: no folder {Path(args.output).parent}")
    filters = event_filters(args)
    with open_store(args.db) as store:
        events = query_events(store, args)
        try:
            result = export_events(events, fmt, args.output if to_file else None, stdout=sys.stdout)
        except ExportError as exc:
            raise UsageError(str(exc)) from None
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    if not args.quiet:
        where = args.output if to_file else "stdout"
        line = f"exported {result.written} events as {fmt} to {where}"
        if result.skipped:
            line += f" ({result.skipped} without coordinates left out)"
        if filters["limit"] is not None and result.written + result.skipped == filters["limit"]:
            line += " (--limit reached)"
        print(line, file=sys.stderr)
    return EXIT_OK
