"""Clusters and control states in the SQLite store, kept current document by document.

The tables (``event_clusters``, ``event_cluster_members``, ``control_states``) are derived
data: everything in them follows from the ``events`` table. When a document is stored,
:func:`refresh_document` recomputes the clusters and the timeline of exactly the places the
document's events touch (plus those its previous version touched, when it is replaced), inside
the document's own transaction. Because fusion and the timeline depend only on the set of events
at a place, ingesting an older article after a newer one gives the same tables as the other
order. :func:`rebuild` recomputes everything (a database that had events before these tables
existed is rebuilt on the first control query: :func:`ensure_built`).

All functions take an open ``sqlite3.Connection`` of a migrated store (``fw_fold`` registered)
and never commit: the caller owns the transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from frontwatch.control.fusion import (
    Cluster,
    cluster_from_stored,
    event_interval,
    fuse,
    fusion_tolerance,
    iso,
    place_key,
)
from frontwatch.control.timeline import (
    CONTROL_TYPES,
    ControlPeriod,
    Signal,
    periods_from_signals,
    signal_of,
)


def connection(store: Any) -> sqlite3.Connection:
    """The connection of a :class:`frontwatch.store.Store`: the control tables live in it."""
    return store._conn  # the store owns it; the control layer only adds tables beside its own


_EVENT_COLUMNS = (
    "SELECT e.data, e.doc_id, d.source, d.url, d.lang, d.date "
    "FROM events AS e JOIN documents AS d ON d.doc_id = e.doc_id"
)


def _event_dict(row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
    event: dict[str, Any] = json.loads(row[0])
    event["doc_id"], event["source"], event["url"] = row[1], row[2], row[3]
    event["lang"], event["doc_date"] = row[4], row[5]
    return event


def _key_of_row(geonameid: Any, name_key: Any, surface_key: Any, name: Any) -> str | None:
    """The place key of an ``events`` row, from the folded columns the store keeps."""
    if geonameid is not None:
        return f"g:{int(geonameid)}"
    folded = name_key if name else surface_key
    return f"n:{folded}" if folded else None


def _delete_place(conn: sqlite3.Connection, key: str) -> None:
    conn.execute(
        "DELETE FROM event_cluster_members WHERE cluster_id IN "
        "(SELECT cluster_id FROM event_clusters WHERE place_key = ?)",
        (key,),
    )
    conn.execute("DELETE FROM event_clusters WHERE place_key = ?", (key,))
    conn.execute("DELETE FROM control_states WHERE place_key = ?", (key,))


def _insert_clusters(conn: sqlite3.Connection, clusters: Iterable[Cluster]) -> list[Signal]:
    """Store clusters with their members and control signal; return the signals."""
    signals: list[Signal] = []
    cluster_rows, member_rows = [], []
    for c in clusters:
        signal = signal_of(c) if c.type in CONTROL_TYPES else None
        data = c.to_dict()
        data["signal"] = signal.summary() if signal is not None else None
        if signal is not None:
            signals.append(signal)
        cluster_rows.append(
            (
                c.cluster_id,
                c.place_key,
                c.type,
                c.earliest,
                c.latest,
                c.documents,
                c.sources,
                signal.controller if signal is not None else None,
                json.dumps(data, ensure_ascii=False),
            )
        )
        member_rows.extend(
            (c.cluster_id, str(m.get("event_id")), str(m.get("doc_id") or "")) for m in c.members
        )
    conn.executemany(
        "INSERT INTO event_clusters (cluster_id, place_key, type, earliest, latest, documents, "
        "sources, control_signal, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        cluster_rows,
    )
    conn.executemany(
        "INSERT INTO event_cluster_members (cluster_id, event_id, doc_id) VALUES (?, ?, ?)",
        member_rows,
    )
    return signals


def _insert_periods(conn: sqlite3.Connection, periods: Iterable[ControlPeriod]) -> None:
    ordinals: dict[str, int] = defaultdict(int)
    rows = []
    for period in periods:
        data = period.to_dict(evidence=True)
        place, since, until = data["place"], data["since"] or {}, data["until"] or {}
        ordinal = ordinals[period.place_key]
        ordinals[period.place_key] += 1
        rows.append(
            (
                place.get("geonameid"),
                place.get("name"),
                data["controller"],
                since.get("earliest"),
                since.get("latest"),
                until.get("earliest"),
                until.get("latest"),
                data["status"],
                data["confidence"],
                json.dumps(data, ensure_ascii=False),
                period.place_key,
                ordinal,
                place.get("feature"),
                place.get("admin1"),
                place.get("country"),
                place.get("lat"),
                place.get("lon"),
                data["last_report"],
            )
        )
    conn.executemany(
        "INSERT INTO control_states (place_geonameid, place_name, controller, since_earliest, "
        "since_latest, until_earliest, until_latest, status, confidence, data, place_key, "
        "ordinal, place_feature, place_admin1, place_country, place_lat, place_lon, "
        "last_report) VALUES (" + ", ".join(["?"] * 18) + ")",
        rows,
    )


def _place_condition(key: str) -> tuple[str, list[Any]]:
    """SQL (on ``events AS e``) selecting the reports at place ``key``, and its parameters.

    For an unresolved place the indexed folded columns narrow the search; callers still check
    :func:`place_key` (the name decides before the surface).
    """
    if key.startswith("g:"):
        return "e.place_geonameid = ?", [int(key[2:])]
    folded = key[2:]
    return (
        "e.place_geonameid IS NULL AND (e.place_name_key = ? OR e.place_key = ?)",
        [folded, folded],
    )


def events_at(
    conn: sqlite3.Connection, key: str, types: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Every stored event at the place ``key`` (of ``types`` when given), as dicts in the
    shape ``Store.events()`` yields."""
    condition, params = _place_condition(key)
    if types is not None:
        wanted = sorted(set(types))
        condition += f" AND e.type IN ({', '.join('?' * len(wanted))})"
        params = [*params, *wanted]
    rows = conn.execute(f"{_EVENT_COLUMNS} WHERE {condition}", params)
    return [e for e in map(_event_dict, rows) if place_key(e.get("place")) == key]


def _window_events(
    conn: sqlite3.Connection, key: str, event_type: str, low: int, high: int
) -> list[dict[str, Any]]:
    condition, params = _place_condition(key)
    rows = conn.execute(
        f"{_EVENT_COLUMNS} WHERE {condition} AND e.type = ? "
        "AND e.span_earliest <= ? AND e.span_latest >= ?",
        [*params, event_type, iso(high), iso(low)],
    )
    return [e for e in map(_event_dict, rows) if place_key(e.get("place")) == key]


def _window_bounds(
    conn: sqlite3.Connection, key: str, event_type: str, low: int, high: int
) -> tuple[int, int] | None:
    """The first and last day of the reports overlapping [low, high] (from the index only)."""
    condition, params = _place_condition(key)
    row = conn.execute(
        f"SELECT MIN(e.span_earliest), MAX(e.span_latest) FROM events AS e WHERE {condition} "
        "AND e.type = ? AND e.span_earliest <= ? AND e.span_latest >= ?",
        [*params, event_type, iso(high), iso(low)],
    ).fetchone()
    if row is None or row[0] is None:
        return None
    bounds = event_interval({"time": {"earliest": row[0], "latest": row[1]}})
    return bounds


def component_events(
    conn: sqlite3.Connection, key: str, event_type: str, seed: tuple[int, int]
) -> list[dict[str, Any]]:
    """The reports of one type at one place connected in time to the interval ``seed``.

    Two reports can only ever be fused when their intervals (widened by the fusion tolerance)
    overlap, so the reports form independent components along the time axis and fusing one
    component alone gives exactly the clusters fusing all reports would. The window grows from
    ``seed`` (on the indexed date columns alone) until no report outside it touches it; then
    the reports in it are read once.
    """
    tolerance = fusion_tolerance(event_type)
    low, high = seed[0] - tolerance, seed[1] + tolerance
    while True:
        bounds = _window_bounds(conn, key, event_type, low, high)
        if bounds is None:
            break
        new_low, new_high = min(low, bounds[0] - tolerance), max(high, bounds[1] + tolerance)
        if (new_low, new_high) == (low, high):
            break
        low, high = new_low, new_high
    found = _window_events(conn, key, event_type, low, high)
    # The date columns and the events' own intervals agree except for unreadable times (the
    # store then dates by the document): widen once more by what the events themselves say.
    intervals = [iv for e in found if (iv := event_interval(e)) is not None]
    if intervals and (
        min(iv[0] for iv in intervals) - tolerance < low
        or max(iv[1] for iv in intervals) + tolerance > high
    ):
        wider = (min(iv[0] for iv in intervals), max(iv[1] for iv in intervals))
        return component_events(
            conn, key, event_type, (min(wider[0], seed[0]), max(wider[1], seed[1]))
        )
    return found


def _merge_windows(windows: list[tuple[int, int]], tolerance: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(windows):
        if merged and low <= merged[-1][1] + tolerance:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _delete_clusters(conn: sqlite3.Connection, cluster_ids: Iterable[str]) -> None:
    ids = sorted(set(cluster_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        conn.execute(f"DELETE FROM event_cluster_members WHERE cluster_id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM event_clusters WHERE cluster_id IN ({marks})", chunk)


def _clusters_of_events(conn: sqlite3.Connection, event_ids: Iterable[str]) -> set[str]:
    ids = sorted(set(event_ids))
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            "SELECT DISTINCT cluster_id FROM event_cluster_members "
            f"WHERE event_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        found.update(row[0] for row in rows)
    return found


def refresh_block(
    conn: sqlite3.Connection,
    key: str,
    event_type: str,
    seeds: Iterable[tuple[int, int]],
    stale: Iterable[str] = (),
) -> None:
    """Re-fuse the reports of ``event_type`` at ``key`` in the time components of ``seeds``.

    ``stale`` names clusters to drop whatever happens (those of a replaced document's old
    events). Clusters elsewhere in time are left as they are.
    """
    tolerance = fusion_tolerance(event_type)
    events: dict[str, dict[str, Any]] = {}
    for window in _merge_windows(list(seeds), tolerance):
        for event in component_events(conn, key, event_type, window):
            events[str(event.get("event_id"))] = event
    old = _clusters_of_events(conn, events) | set(stale)
    _delete_clusters(conn, old)
    _insert_clusters(conn, fuse(events.values()))


def _events_by_id(conn: sqlite3.Connection, event_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = sorted(set(event_ids))
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            f"{_EVENT_COLUMNS} WHERE e.event_id IN ({', '.join('?' * len(chunk))})", chunk
        )
        for event in map(_event_dict, rows):
            found[str(event.get("event_id"))] = event
    return found


def refresh_timeline(conn: sqlite3.Connection, key: str) -> list[ControlPeriod]:
    """Rebuild the control periods of place ``key`` from the signals stored with its clusters.

    Only the clusters that say something about control are read, with their reports.
    """
    rows = conn.execute(
        "SELECT data FROM event_clusters WHERE place_key = ? AND control_signal IS NOT NULL",
        (key,),
    ).fetchall()
    stored = [json.loads(row[0]) for row in rows]
    events = _events_by_id(conn, (i for data in stored for i in data.get("events") or []))
    signals = []
    for data in stored:
        members = [events[i] for i in data.get("events") or [] if i in events]
        signals.append(Signal.from_summary(data["signal"], cluster_from_stored(data, members)))
    periods = periods_from_signals(signals)
    conn.execute("DELETE FROM control_states WHERE place_key = ?", (key,))
    _insert_periods(conn, periods)
    return periods


def refresh_places(conn: sqlite3.Connection, keys: Iterable[str]) -> int:
    """Recompute all clusters and the control timeline of each place in ``keys``."""
    count = 0
    for key in sorted(set(keys)):
        clusters = fuse(events_at(conn, key))
        _delete_place(conn, key)
        _insert_periods(conn, periods_from_signals(_insert_clusters(conn, clusters)))
        count += 1
    return count


def refresh_document(conn: sqlite3.Connection, doc_id: str) -> int:
    """After ``doc_id``'s events were stored (or replaced): update what they touch.

    Called by ``Store.add`` inside the document's transaction, so the document and the
    clusters and timelines it changes are committed together or not at all. Only the time
    components of the (place, type) blocks the document's events fall in are re-fused (also
    those its previous version's events were in), then the control timeline of every place
    where a capture, withdrawal, advance or combat block changed. Returns the number of
    timelines rebuilt.
    """
    seeds: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    stale: dict[tuple[str, str], list[str]] = defaultdict(list)
    old = conn.execute(
        "SELECT DISTINCT c.cluster_id, c.place_key, c.type, c.earliest, c.latest "
        "FROM event_cluster_members AS m JOIN event_clusters AS c ON c.cluster_id = m.cluster_id "
        "WHERE m.doc_id = ?",
        (doc_id,),
    ).fetchall()
    for cluster_id, key, event_type, earliest, latest in old:
        interval = event_interval({"time": {"earliest": earliest, "latest": latest}})
        if interval is not None:
            seeds[(key, event_type)].append(interval)
        stale[(key, event_type)].append(cluster_id)
    rows = conn.execute(
        "SELECT e.data, e.doc_id, d.source, d.url, d.lang, d.date FROM events AS e "
        "JOIN documents AS d ON d.doc_id = e.doc_id WHERE e.doc_id = ?",
        (doc_id,),
    )
    for event in map(_event_dict, rows):
        key, interval = place_key(event.get("place")), event_interval(event)
        if key is not None and interval is not None and event.get("type"):
            seeds[(key, str(event["type"]))].append(interval)
    for (key, event_type), windows in sorted(seeds.items()):
        refresh_block(conn, key, event_type, windows, stale.get((key, event_type), ()))
    places = sorted({key for key, event_type in seeds if event_type in CONTROL_TYPES})
    for key in places:
        refresh_timeline(conn, key)
    return len(places)


def rebuild(conn: sqlite3.Connection) -> int:
    """Recompute every cluster and control state from all stored events; return places done."""
    conn.execute("DELETE FROM event_cluster_members")
    conn.execute("DELETE FROM event_clusters")
    conn.execute("DELETE FROM control_states")
    events = [_event_dict(row) for row in conn.execute(_EVENT_COLUMNS)]
    clusters = fuse(events)
    _insert_periods(conn, periods_from_signals(_insert_clusters(conn, clusters)))
    conn.execute("DELETE FROM control_meta WHERE key = 'needs_rebuild'")
    return len({c.place_key for c in clusters})


def needs_rebuild(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM control_meta WHERE key = 'needs_rebuild'").fetchone()
    return row is not None and row[0] == "1"


def ensure_built(conn: sqlite3.Connection) -> bool:
    """Rebuild once if the store held events before it had control tables; True if it did.

    ``conn`` must be in autocommit mode (the store's own connection): the rebuild runs in its
    own transaction.
    """
    if not needs_rebuild(conn):
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        if needs_rebuild(conn):  # another process may have done it meanwhile
            rebuild(conn)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return True


# --------------------------------------------------------------------------------------------
# Reading


def load_states(
    conn: sqlite3.Connection, keys: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Stored control states (``ControlPeriod.to_dict(evidence=True)`` dicts with ``place_key``),
    by place and time; only those of ``keys`` when given."""
    sql = "SELECT place_key, data FROM control_states"
    params: list[Any] = []
    if keys is not None:
        wanted = sorted(set(keys))
        if not wanted:
            return []
        sql += f" WHERE place_key IN ({', '.join('?' * len(wanted))})"
        params = wanted
    sql += " ORDER BY place_key, ordinal"
    return [{**json.loads(row[1]), "place_key": row[0]} for row in conn.execute(sql, params)]


def iter_states(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every stored control state, read lazily (for exports of large stores)."""
    cursor = conn.execute("SELECT place_key, data FROM control_states ORDER BY place_key, ordinal")
    try:
        while rows := cursor.fetchmany(500):
            for row in rows:
                yield {**json.loads(row[1]), "place_key": row[0]}
    finally:
        cursor.close()


def load_clusters(conn: sqlite3.Connection, key: str) -> list[dict[str, Any]]:
    """The stored clusters of one place (``Cluster.to_dict()`` dicts), in time order."""
    rows = conn.execute(
        "SELECT data FROM event_clusters WHERE place_key = ? ORDER BY earliest, latest, type",
        (key,),
    )
    return [json.loads(row[0]) for row in rows]


def find_places(conn: sqlite3.Connection, query: str) -> list[dict[str, Any]]:
    """Places the store knows by ``query`` (a name as written, a gazetteer name, a geonameid).

    Each is a PlaceMention-shaped dict with ``place_key``; the most reported first. Names are
    matched case- and diacritic-insensitively, as ``frontwatch events --place`` does.
    """
    from frontwatch.store import fold  # the store's own folding, so keys agree

    text = query.strip()
    if not text:
        return []
    found: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = defaultdict(int)
    if text.isdigit():
        rows = conn.execute(
            "SELECT geonameid, name, feature, admin1, country, lat, lon FROM places "
            "WHERE geonameid = ? LIMIT 1",
            (int(text),),
        ).fetchall()
    else:
        folded = fold(text)
        rows = conn.execute(
            "SELECT place_geonameid, place_name, place_feature, place_admin1, place_country, "
            "place_lat, place_lon, place_surface FROM events "
            "WHERE place_key = ? OR place_name_key = ?",
            (folded, folded),
        ).fetchall()
        if not rows:  # mentioned, but in no event: the mentions table knows it
            rows = conn.execute(
                "SELECT geonameid, name, feature, admin1, country, lat, lon, surface FROM places "
                "WHERE fw_fold(surface) = ? OR fw_fold(name) = ?",
                (folded, folded),
            ).fetchall()
    for row in rows:
        place = {
            "geonameid": row[0],
            "name": row[1] or (row[7] if len(row) > 7 else None),
            "feature": row[2],
            "admin1": row[3],
            "country": row[4],
            "lat": row[5],
            "lon": row[6],
        }
        if len(row) > 7:
            place["surface"] = row[7]
        key = place_key(place)
        if key is None:
            continue
        counts[key] += 1
        found.setdefault(key, {**place, "place_key": key})
    return [found[k] for k in sorted(found, key=lambda k: (-counts[k], k))]


def region_states(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The control states of region-level places (oblasts...), for the weak regional fallback."""
    from frontwatch.control.fusion import settings

    regions = list(settings()["levels"]["region"])
    rows = conn.execute(
        "SELECT place_key, data FROM control_states WHERE place_feature IN "
        f"({', '.join('?' * len(regions))}) ORDER BY place_key, ordinal",
        regions,
    )
    return [{**json.loads(row[1]), "place_key": row[0]} for row in rows]


__all__ = [
    "component_events",
    "connection",
    "ensure_built",
    "events_at",
    "find_places",
    "iter_states",
    "load_clusters",
    "load_states",
    "rebuild",
    "refresh_block",
    "refresh_document",
    "refresh_places",
    "refresh_timeline",
    "region_states",
]
