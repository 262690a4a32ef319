"""``frontwatch front --on DATE -o front.geojson``: the front line as points on a map.

Every settlement with coordinates and a control state on DATE (a month or year: its last day)
becomes a GeoJSON point (WGS84, lon/lat) with properties ``controller``, ``confidence``,
``certainty`` (``certain``, or ``possible`` while the change's date is uncertain), ``status``,
``since`` (the earliest day of the change; ``since_latest`` its latest), ``evidence_count``,
``sources`` and ``last_report``: ready for QGIS or a web map. A state whose last report is
more than a year old is left out (``--include-stale`` keeps it, flagged ``stale``): the map
shows what the articles support, not an extrapolation. Without ``-o`` the GeoJSON goes to
stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from frontwatch.commands import EXIT_OK, UsageError
from frontwatch.commands.control import parse_day
from frontwatch.commands.events import add_db_argument, open_store


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "front",
        help="settlements and their controller on a date, as GeoJSON",
        description="Write the settlements with their controller on a date as GeoJSON points.",
    )
    p.add_argument("--on", required=True, metavar="DATE", help="the date (a month: its last day)")
    p.add_argument("-o", "--output", metavar="FILE", help="output file (default: stdout)")
    p.add_argument(
        "--include-stale",
        action="store_true",
        help="also states whose last report is more than a year before DATE",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="leave out states below this confidence (0..1)",
    )
    add_db_argument(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from frontwatch.control import storage
    from frontwatch.control.query import front_geojson

    day = parse_day(args.on, "--on")
    if not 0.0 <= args.min_confidence <= 1.0:
        raise UsageError(f"--min-confidence must be between 0 and 1, not {args.min_confidence}")
    if args.output and args.output != "-":
        folder = Path(args.output).resolve().parent
        if not folder.is_dir():
            raise UsageError(f"-o: no folder {folder}")
    with open_store(args.db) as store:
        conn = storage.connection(store)
        storage.ensure_built(conn)
        collection = front_geojson(
            storage.iter_states(conn),
            day,
            include_stale=args.include_stale,
            min_confidence=args.min_confidence,
        )
    text = json.dumps(collection, ensure_ascii=False, indent=1) + "\n"
    if args.output and args.output != "-":
        Path(args.output).write_text(text, encoding="utf-8")
        if not args.quiet:
            print(
                f"wrote {len(collection['features'])} settlement(s) on {day.isoformat()} "
                f"to {args.output}",
                file=sys.stderr,
            )
    else:
        sys.stdout.write(text)
    return EXIT_OK
