"""``frontwatch gazetteer lookup NAME``: what the packaged gazetteer knows about a name.

Shows every entry a name can mean, how it matched (its spelling, or only its romanisation
skeleton), the keys computed for it and some of the entry's other names, so that a missing
or wrong resolution can be understood. ``frontwatch gazetteer info`` prints the file's size,
contents and attribution.
"""

from __future__ import annotations

import argparse
import json

from frontwatch.commands import EXIT_INPUT_FAILED, EXIT_OK, UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "gazetteer",
        help="look names up in the packaged gazetteer",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    lookup = actions.add_parser("lookup", help="entries a name can mean, with variants and keys")
    lookup.add_argument("name", metavar="NAME", help="a place name as written in a text")
    lookup.add_argument(
        "--lang",
        default=None,
        help="language whose romanisation the name follows (default: try all)",
    )
    lookup.add_argument("--limit", type=int, default=20, help="show at most N entries")
    lookup.add_argument("--json", action="store_true", help="JSON instead of a table")
    actions.add_parser("info", help="size, contents and attribution of the gazetteer")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from frontwatch.places.gazetteer import GazetteerError, load_gazetteer

    try:
        g = load_gazetteer()
    except GazetteerError as exc:
        raise UsageError(str(exc)) from None
    if args.action == "info":
        return _info(g)
    return _lookup(g, args)


def _info(g) -> int:  # type: ignore[no-untyped-def]
    from collections import Counter

    countries = Counter(g.columns["country"])
    size = g.path.stat().st_size if g.path else 0
    print(f"file        {g.path} ({size / 1e6:.1f} MB)")
    print(
        f"entries     {len(g)} ({countries.get('UA', 0)} in Ukraine, "
        f"{countries.get('RU', 0)} in Russia, {countries.get('BY', 0)} in Belarus)"
    )
    print(f"spellings   {len(g.fold)}; romanisation skeletons {len(g.skeleton)}")
    print(f"attribution {g.attribution}")
    return EXIT_OK


def _lookup(g, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from frontwatch.places.keys import fold_key, name_key

    name = args.name.strip()
    if not name:
        raise UsageError("gazetteer lookup: empty name")
    found = g.lookup(name, args.lang)[: max(1, args.limit)]
    keys = {
        "spelling": fold_key(name),
        "skeleton": name_key(name, args.lang or "en"),
        "skeleton_en": name_key(name, "en"),
    }
    if args.json:
        print(
            json.dumps(
                {
                    "name": name,
                    "keys": keys,
                    "entries": [
                        {
                            "geonameid": e.geonameid,
                            "name": e.name,
                            "feature": e.feature,
                            "admin1": e.admin1,
                            "country": e.country,
                            "lat": e.lat,
                            "lon": e.lon,
                            "population": e.population,
                            "importance": e.importance,
                            "match": how,
                            "variants": list(e.names),
                        }
                        for e, how in found
                    ],
                },
                ensure_ascii=False,
            )
        )
        return EXIT_OK if found else EXIT_INPUT_FAILED
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(160, Console().width))
    console.print(
        f"{name!r}: spelling key {keys['spelling']!r}, skeleton "
        f"{keys['skeleton']!r} ({args.lang or 'en'}), {keys['skeleton_en']!r} (en)"
    )
    if not found:
        console.print("no entry")
        return EXIT_INPUT_FAILED
    table = Table()
    for col in (
        "geonameid",
        "name",
        "feature",
        "admin1",
        "country",
        "population",
        "prior",
        "match",
        "variants (skeleton)",
    ):
        table.add_column(col)
    for e, how in found:
        variants = ", ".join(f"{v} ({name_key(v)})" for v in e.names[:6])
        table.add_row(
            str(e.geonameid or "-"),
            e.name,
            e.feature,
            e.admin1 or "-",
            e.country or "-",
            str(e.population),
            f"{e.importance:.2f}",
            how,
            variants,
        )
    console.print(table)
    return EXIT_OK
