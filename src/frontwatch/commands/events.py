"""``frontwatch events [--db PATH] [filters] [--format table|jsonl|csv]``: query stored events.

Filters (all optional, combined with AND): ``--type`` exact or a family ("territory.*"),
``--place`` as written or the gazetteer name (case and diacritics ignored), ``--since`` /
``--until`` ISO dates of year, month or day precision (an event matches when its time interval
overlaps them), ``--lang``, ``--limit``. ``frontwatch export`` takes the same filters.

Reading never creates a database: a missing file is a usage error (exit 2), so a mistyped
``--db`` does not silently answer "no events".
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

from frontwatch.commands import EXIT_OK, UsageError, whole_number
from frontwatch.records import RecordError, parse_document_date
from frontwatch.store import DEFAULT_DB_PATH, Store, StoreError, StoreNotFoundError

TABLE_EVIDENCE_WIDTH = 80  # characters of evidence shown per row in the table
PLAIN_TABLE_WIDTH = 160  # table width when stdout is not a terminal


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=DEFAULT_DB_PATH,
        metavar="PATH",
        help=f"database file (default: {DEFAULT_DB_PATH})",
    )


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The event filters shared by ``events`` and ``export``."""
    parser.add_argument(
        "--type",
        action="append",
        metavar="T",
        help='event type, or a family ending in "." or "*" ("territory.*"); repeatable',
    )
    parser.add_argument(
        "--place", metavar="NAME", help="place as written or its gazetteer name (any case/accents)"
    )
    parser.add_argument(
        "--since", metavar="DATE", help="events that may have happened on or after DATE"
    )
    parser.add_argument(
        "--until", metavar="DATE", help="events that may have happened on or before DATE"
    )
    parser.add_argument("--lang", metavar="L", help="document language (ISO 639-1)")
    parser.add_argument("--limit", type=whole_number(0), metavar="N", help="at most N events")


def event_filters(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of :meth:`Store.events` from the parsed filter options.

    Raises :class:`UsageError` with a message naming the option for a malformed date.
    """
    for option in ("since", "until"):
        value = getattr(args, option)
        if value is not None:
            try:
                parse_document_date(value)
            except RecordError as exc:
                raise UsageError(f"--{option}: {exc}") from None
    return {
        "type": args.type,
        "place": args.place,
        "since": args.since,
        "until": args.until,
        "lang": args.lang,
        "limit": args.limit,
    }


def open_store(path: str) -> Store:
    """The database at ``path`` for reading; :class:`UsageError` if missing or unreadable."""
    try:
        return Store(path, create=False)
    except StoreNotFoundError:
        raise UsageError(f"no database at {path}; run frontwatch ingest first") from None
    except StoreError as exc:
        raise UsageError(str(exc)) from None


def query_events(store: Store, args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    try:
        return store.events(**event_filters(args))
    except ValueError as exc:  # an empty --type or --place
        raise UsageError(str(exc)) from None


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "events",
        help="list stored events, filtered",
        description="List stored events, filtered: a table, JSONL or ACLED-style CSV.",
    )
    add_db_argument(p)
    add_filter_arguments(p)
    p.add_argument(
        "--format",
        choices=("table", "jsonl", "csv"),
        default="table",
        help="table (default), one JSON object per line, or ACLED-style CSV",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    filters = event_filters(args)  # bad dates are reported before the database is touched
    with open_store(args.db) as store:
        events = query_events(store, args)
        if args.format == "table":
            shown = _print_table(events)
        else:
            from frontwatch.export import export_events

            shown = export_events(events, args.format, stdout=sys.stdout).written
    if not args.quiet:
        limited = filters["limit"] is not None and shown == filters["limit"]
        print(f"{shown} events" + (" (--limit reached)" if limited else ""), file=sys.stderr)
    return EXIT_OK


def _print_table(events: Iterator[dict[str, Any]]) -> int:
    """A rich table on stdout (plain text, no colour, when stdout is not a terminal)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from frontwatch.export import describe_actor, event_date

    table = Table(show_lines=False, header_style="bold")
    for column in ("date", "type", "status"):
        table.add_column(column, no_wrap=True)
    for column in ("actor", "place", "claimant"):
        table.add_column(column, overflow="fold")
    table.add_column("evidence", overflow="fold", ratio=1)
    count = 0
    for event in events:
        place = event.get("place") or {}
        place_text = place.get("name") or place.get("surface") or ""
        if place.get("name") and place.get("surface") and place["name"] != place["surface"]:
            place_text = f"{place['surface']} ({place['name']})"
        evidence = " ".join(e["text"] for e in event.get("evidence") or [])
        if len(evidence) > TABLE_EVIDENCE_WIDTH:
            evidence = evidence[: TABLE_EVIDENCE_WIDTH - 1] + "…"
        status = event.get("status") or ""
        if event.get("modality") not in (None, "asserted"):
            status += f", {event['modality']}"
        cells = (
            event_date(event),
            event.get("type") or "",
            status,
            describe_actor(event.get("actor")),
            place_text,
            describe_actor(event.get("claimant")),
            evidence,
        )
        table.add_row(*(Text(cell) for cell in cells))  # Text: "[...]" in a quote is no markup
        count += 1
    # A pipe or file gets no colour and a fixed width wide enough not to fold every cell.
    width = None if sys.stdout.isatty() else PLAIN_TABLE_WIDTH
    console = Console(file=sys.stdout, highlight=False, width=width)
    console.print(table)
    return count
