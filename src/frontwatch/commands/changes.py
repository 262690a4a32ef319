"""``frontwatch changes --since D1 --until D2``: changes of control whose date may lie in between.

Each change names the place, the controller before (``?`` when no earlier state is known, or
when nothing links the earlier state to this one) and after, when it happened (an interval),
its confidence and status, and how many reports stand behind it. ``--admin1 NAME`` keeps the
places of one oblast (any usual spelling: "Donetsk", "Donetska Oblast"); ``--near PLACE --km N``
those within N km of a place the store knows. ``--format jsonl`` prints one JSON object per
change.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from frontwatch.commands import EXIT_OK, UsageError
from frontwatch.commands.control import parse_day, parse_first_day
from frontwatch.commands.events import add_db_argument, open_store

DEFAULT_KM = 25.0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "changes",
        help="changes of territorial control between two dates",
        description="List the changes of control whose date may lie between two dates.",
    )
    p.add_argument("--since", required=True, metavar="DATE", help="from this date (inclusive)")
    p.add_argument("--until", required=True, metavar="DATE", help="to this date (inclusive)")
    p.add_argument("--admin1", metavar="NAME", help="only places in this oblast / region")
    p.add_argument("--near", metavar="PLACE", help="only places near this place")
    p.add_argument(
        "--km",
        type=float,
        default=None,
        metavar="N",
        help=f"radius for --near in kilometres (default {DEFAULT_KM:g})",
    )
    p.add_argument("--format", choices=("text", "jsonl"), default="text")
    add_db_argument(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from frontwatch.control import storage
    from frontwatch.control.query import changes_between

    first = parse_first_day(args.since, "--since")
    last = parse_day(args.until, "--until")
    if last < first:
        raise UsageError(f"--until {args.until} is before --since {args.since}")
    if args.km is not None and args.near is None:
        raise UsageError("--km needs --near PLACE")
    if args.km is not None and args.km <= 0:
        raise UsageError(f"--km must be more than 0, not {args.km:g}")
    with open_store(args.db) as store:
        conn = storage.connection(store)
        storage.ensure_built(conn)
        near = None
        if args.near is not None:
            located = [
                p
                for p in storage.find_places(conn, args.near)
                if p.get("lat") is not None and p.get("lon") is not None
            ]
            if not located:
                raise UsageError(f"--near: no place called {args.near!r} with coordinates")
            centre = located[0]
            near = (float(centre["lat"]), float(centre["lon"]), args.km or DEFAULT_KM)
        found = changes_between(
            storage.iter_states(conn), first, last, admin1=args.admin1, near=near
        )
    for change in found:
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(change, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(_line(change) + "\n")
    if not args.quiet and args.format == "text":
        print(f"{len(found)} change(s)", file=sys.stderr)
    return EXIT_OK


def _line(change: dict[str, Any]) -> str:
    place = change["place"]
    when = change["when"]
    span = (
        when["earliest"]
        if when["earliest"] == when["latest"]
        else (f"{when['earliest']}..{when['latest']}")
    )
    note = f"  [{change['note']}]" if change.get("note") else ""
    return (
        f"{span:<23} {place.get('name')!s:<24} {change['from'] or '?':>9} -> "
        f"{change['to']:<9} confidence {change['confidence']:.2f} {change['status']:<11} "
        f"{change['evidence_count']} report(s){note}"
    )
