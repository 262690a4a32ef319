"""``frontwatch control``: who held a place, since when, on what evidence.

- ``frontwatch control PLACE [--on DATE]``: the place's control timeline, or who held it on
  DATE, with the evidence sentences and where they were published. When the place has no state
  of its own on that day, its oblast's state is given as a weak inference, and the nearest
  known states before and after are named: the answer never pretends to know more.
- ``frontwatch control --all --format jsonl``: every ControlState (``place`` as a
  PlaceMention-shaped object with geonameid, name, country, lat, lon; ``controller``; ``since``
  and ``until`` as ``{earliest, latest}``; ``events``; ``confidence``; ``status``; plus
  ``basis``, ``sources``, ``documents``, ``last_report`` and ``note``).
- ``--rebuild`` recomputes every cluster and state from the stored events.

Dates may be YYYY, YYYY-MM or YYYY-MM-DD; a month or a year means its last day. A missing
database is a usage error (exit 2); a place the store does not know is exit 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any, TextIO

from frontwatch.commands import EXIT_INPUT_FAILED, EXIT_OK, UsageError
from frontwatch.commands.events import add_db_argument, open_store
from frontwatch.records import RecordError, date_interval

EVIDENCE_WIDTH = 160  # characters of an evidence sentence shown in text output


def parse_day(value: str, option: str) -> date:
    """The day a ``--on``-style option means: the last day of a month or year given."""
    try:
        return date_interval(value)[1]
    except RecordError as exc:
        raise UsageError(f"{option}: {exc}") from None


def parse_first_day(value: str, option: str) -> date:
    """The first day of a ``--since``-style option's date."""
    try:
        return date_interval(value)[0]
    except RecordError as exc:
        raise UsageError(f"{option}: {exc}") from None


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "control",
        help="who controlled a place, since when, on what evidence",
        description=(
            "Show a place's territorial control timeline, or who held it on a date, with the "
            "evidence; or export every control state."
        ),
    )
    p.add_argument("place", nargs="?", metavar="PLACE", help="place name or geonameid")
    p.add_argument("--on", metavar="DATE", help="who held PLACE on DATE (a month: its last day)")
    p.add_argument("--all", action="store_true", help="every control state")
    p.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default=None,
        help="text (default for PLACE), json, or jsonl (default for --all)",
    )
    p.add_argument("--rebuild", action="store_true", help="recompute clusters and states first")
    add_db_argument(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from frontwatch.control import storage

    if not args.all and not args.place and not args.rebuild:
        raise UsageError("give a PLACE, --all or --rebuild")
    if args.all and args.place:
        raise UsageError("give either a PLACE or --all, not both")
    day = parse_day(args.on, "--on") if args.on else None
    with open_store(args.db) as store:
        conn = storage.connection(store)
        if args.rebuild:
            conn.execute("BEGIN IMMEDIATE")
            try:
                places = storage.rebuild(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            if not args.quiet:
                print(f"rebuilt the control timeline of {places} places", file=sys.stderr)
        else:
            storage.ensure_built(conn)
        if args.all:
            return _export_all(conn, args.format or "jsonl", day, sys.stdout)
        if args.place:
            return _show_place(conn, args.place, day, args.format or "text", sys.stdout)
    return EXIT_OK


def _export_all(conn: Any, fmt: str, day: date | None, out: TextIO) -> int:
    from frontwatch.control import storage
    from frontwatch.control.query import state_on

    states = storage.iter_states(conn)
    if day is not None:  # --all --on DATE: the states holding that day
        grouped: dict[str, list[dict[str, Any]]] = {}
        for state in states:
            grouped.setdefault(state["place_key"], []).append(state)
        states = (
            answer.state
            for timeline in grouped.values()
            if (answer := state_on(timeline, day)) is not None
        )
    if fmt == "json":
        json.dump([_public(s) for s in states], out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "jsonl":
        for state in states:
            out.write(json.dumps(_public(state), ensure_ascii=False) + "\n")
    else:
        for state in states:
            out.write(_state_line(state) + "\n")
    return EXIT_OK


def _public(state: dict[str, Any]) -> dict[str, Any]:
    """The exported shape: the stored state without its evidence sentences and internals."""
    return {k: v for k, v in state.items() if k not in ("evidence", "place_key", "after_gap")}


def _interval_text(interval: dict[str, str] | None) -> str:
    if not interval:
        return "?"
    first, last = interval["earliest"], interval["latest"]
    return first if first == last else f"{first}..{last}"


def _state_line(state: dict[str, Any]) -> str:
    place = state.get("place") or {}
    until = f" until {_interval_text(state['until'])}" if state.get("until") else ""
    return (
        f"{place.get('name')} ({place.get('geonameid') or 'unresolved'}): "
        f"{state['controller']} since {_interval_text(state.get('since'))}{until}; "
        f"confidence {state.get('confidence'):.2f}, {state.get('status')}, "
        f"{state.get('sources')} source(s)"
    )


def _place_header(place: dict[str, Any]) -> str:
    where = ", ".join(str(p) for p in (place.get("admin1"), place.get("country")) if p)
    coords = (
        f"; {place['lat']:.4f}, {place['lon']:.4f}"
        if place.get("lat") is not None and place.get("lon") is not None
        else ""
    )
    ident = f"geonameid {place['geonameid']}" if place.get("geonameid") else "not in the gazetteer"
    return f"{place.get('name') or place.get('surface')} ({ident}; {where or '?'}{coords})"


def _evidence_lines(state: dict[str, Any]) -> list[str]:
    lines = []
    for item in state.get("evidence") or []:
        claimant = item.get("claimant") or {}
        said = claimant.get("name") or " ".join(
            str(x) for x in (claimant.get("country"), claimant.get("role")) if x
        )
        by = f" by {said}" if said else ""
        if item.get("modality") not in (None, "asserted"):
            by += f", {item['modality']}"
        text = " ".join(str(item.get("text") or "").split())
        if len(text) > EVIDENCE_WIDTH:
            text = text[: EVIDENCE_WIDTH - 1] + "…"
        where = item.get("url") or item.get("source") or item.get("doc_id")
        lines.append(
            f"    [{item.get('role')}] {item.get('doc_date')} {where} "
            f'({item.get("type")}, {item.get("status")}{by}): "{text}"'
        )
    return lines


def _period_lines(state: dict[str, Any]) -> list[str]:
    until = f" until {_interval_text(state['until'])}" if state.get("until") else ""
    lines = [
        f"  {state['controller']} since {_interval_text(state.get('since'))}{until}  "
        f"(confidence {state.get('confidence'):.2f}, {state.get('status')}, "
        f"{state.get('sources')} source(s), {state.get('documents')} document(s))"
    ]
    if state.get("note"):
        lines.append(f"    note: {state['note']}")
    return lines + _evidence_lines(state)


def _show_place(conn: Any, query: str, day: date | None, fmt: str, out: TextIO) -> int:
    from frontwatch.control import storage
    from frontwatch.control.query import regional_answer, state_on

    places = storage.find_places(conn, query)
    if not places:
        print(f"nothing known about {query!r}: no such place in the store", file=sys.stderr)
        return EXIT_INPUT_FAILED
    results = []
    regions = storage.region_states(conn) if day is not None else []
    for place in places:
        timeline = storage.load_states(conn, [place["place_key"]])
        shown_place = timeline[0]["place"] if timeline else place
        result: dict[str, Any] = {"place": shown_place, "timeline": timeline}
        if day is not None:
            answer = state_on(timeline, day)
            if answer is None:
                answer = regional_answer(shown_place, day, regions)
            result["on"] = day.isoformat()
            result["answer"] = answer.to_dict() if answer else None
            result["before"] = _last_before(timeline, day)
            result["after"] = _first_after(timeline, day)
        results.append(result)

    if fmt in ("json", "jsonl"):
        if fmt == "json":
            json.dump(results, out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            for result in results:
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
        return EXIT_OK

    for index, result in enumerate(results):
        if index:
            out.write("\n")
        out.write(_place_header(result["place"]) + "\n")
        timeline = result["timeline"]
        if day is None:
            if not timeline:
                out.write("  no control state: no capture, withdrawal or fighting reported\n")
            for state in timeline:
                out.write("\n".join(_period_lines(state)) + "\n")
            continue
        out.write("\n".join(_answer_lines(result, day)) + "\n")
    return EXIT_OK


def _answer_lines(result: dict[str, Any], day: date) -> list[str]:
    answer = result["answer"]
    lines = []
    if answer is None:
        lines.append(f"  on {day.isoformat()}: unknown; no evidence covers that day")
    else:
        state = answer["state"]
        certainty = {
            "certain": "",
            "possible": " (the change may not have happened yet on that day)",
            "stale": f" (stale: last report {state.get('last_report')}; it may have changed)",
        }[answer["certainty"]]
        if answer["basis"] == "region":
            region = state.get("place") or {}
            lines.append(
                f"  on {day.isoformat()}: {answer['controller']}, inferred weakly from its region "
                f"{region.get('name')} (confidence {answer['confidence']:.2f}); no evidence "
                "about the place itself"
            )
        else:
            lines.append(
                f"  on {day.isoformat()}: {answer['controller']}{certainty}, "
                f"confidence {answer['confidence']:.2f}"
            )
        lines += _period_lines(state)
    if answer is None or answer["basis"] == "region":
        for label, state in (
            ("last known before", result["before"]),
            ("next known after", result["after"]),
        ):
            if state is not None:
                lines.append(
                    f"  {label}: {state['controller']} since {_interval_text(state.get('since'))}"
                )
    return lines


def _last_before(timeline: list[dict[str, Any]], day: date) -> dict[str, Any] | None:
    earlier = [s for s in timeline if s.get("since") and s["since"]["earliest"] <= day.isoformat()]
    return earlier[-1] if earlier else None


def _first_after(timeline: list[dict[str, Any]], day: date) -> dict[str, Any] | None:
    later = [s for s in timeline if s.get("since") and s["since"]["earliest"] > day.isoformat()]
    return later[0] if later else None
