"""The SQLite store: documents and everything extracted from them, queryable by event filters.

Why SQLite (stdlib ``sqlite3``): one file, no server, transactional, and fast enough for
hundreds of thousands of articles on a laptop. The store is opened in WAL mode (readers do not
block the writer) with foreign keys on, so a document's sentences, places, times and events
are deleted with it.

Schema versions are the numbered SQL files in ``frontwatch/data/migrations``
(``0001_initial.sql``, ``0002_query_keys.sql``, ...). ``schema_migrations`` records which ran.
Opening a store applies the missing ones in order, each in its own transaction, so an older
database is upgraded in place and a failed migration leaves it at the previous version. A
database written by a NEWER frontwatch (a version this code has no file for) is refused with
:class:`StoreVersionError` rather than misread.

Each document is stored in one transaction: either all of it (text, sentences, places, times,
events, evidence) or none of it. Adding a document whose ``doc_id`` is already stored changes
nothing, so re-ingesting the same text is a no-op.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from frontwatch.records import (
    Actor,
    Document,
    Event,
    PlaceMention,
    Span,
    TimeMention,
    date_interval,
)

DEFAULT_DB_PATH = "frontwatch.db"

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_SQL_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)
# Types written with a trailing "." or "*" select a family: "territory.*", "territory.".
_PREFIX_MARKERS = (".", "*")


class StoreError(RuntimeError):
    """The store cannot do what was asked (unreadable file, failed migration, bad record)."""


class StoreVersionError(StoreError):
    """The database was written by a newer frontwatch; this one does not know its schema."""


class StoreNotFoundError(StoreError, FileNotFoundError):
    """No database at the path, and the caller asked not to create one."""


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered SQL file of ``data/migrations``."""

    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """The file split into single statements (``sqlite3`` executes one at a time).

        Split at each ``;`` that ends a complete statement, as judged by SQLite itself, so
        semicolons inside strings, comments or trigger bodies do not split.
        """
        found: list[str] = []
        chunk_start = 0
        for match in re.finditer(";", self.sql):
            chunk = self.sql[chunk_start : match.end()]
            if sqlite3.complete_statement(chunk):
                if _SQL_COMMENT.sub("", chunk).strip(" \t\n;"):
                    found.append(chunk.strip())
                chunk_start = match.end()
        rest = _SQL_COMMENT.sub("", self.sql[chunk_start:]).strip()
        if rest:
            raise StoreError(f"migration {self.name}: unterminated statement {rest[:60]!r}")
        return found


@cache
def migrations() -> tuple[Migration, ...]:
    """The migrations shipped with this frontwatch, in version order (1, 2, ... without gaps)."""
    folder = resources.files("frontwatch").joinpath("data", "migrations")
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"migrations must be numbered 1..N without gaps, found {versions}")
    return tuple(found)


def latest_version() -> int:
    """The schema version this frontwatch writes."""
    return len(migrations())


def fold(text: str | None) -> str | None:
    """``text`` for matching names: no diacritics, case-folded, blanks and dashes unified.

    "Oekraïne", "OEKRAINE" and "oekraine" fold alike; so do "Kryvyi  Rih" and "Kryvyi-Rih",
    and the apostrophe variants of "Mar'inka". Registered in SQLite as ``fw_fold``.
    """
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = re.sub(r"['’ʼ`´]", "", stripped.casefold())
    return re.sub(r"[\s\-‐‑–—]+", " ", stripped).strip()


def _register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("fw_fold", 1, fold, deterministic=True)


def schema_version(conn: sqlite3.Connection) -> int:
    """The highest migration applied to the database on ``conn`` (0 for a new database)."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not has_table:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def apply_migrations(conn: sqlite3.Connection, upto: int | None = None) -> list[int]:
    """Bring the database on ``conn`` to version ``upto`` (default: latest); return those run.

    ``conn`` must be in autocommit mode (``isolation_level=None``) with ``fw_fold`` registered.
    Each migration runs in its own ``BEGIN IMMEDIATE`` transaction that re-reads the version
    first, so two processes opening the same old database do not both migrate it.
    """
    target = latest_version() if upto is None else upto
    current = schema_version(conn)
    if current > latest_version():
        raise StoreVersionError(
            f"database schema version {current} is newer than this frontwatch supports "
            f"({latest_version()}); upgrade frontwatch to open it"
        )
    applied: list[int] = []
    for migration in migrations():
        if migration.version <= current or migration.version > target:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            if schema_version(conn) >= migration.version:  # another process got there first
                conn.execute("COMMIT")
                continue
            for statement in migration.statements():
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                (migration.version, _now()),
            )
            conn.execute("COMMIT")
        except Exception as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"migration {migration.name} failed: {exc}") from exc
        applied.append(migration.version)
    return applied


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _actor_columns(actor: Actor | None) -> tuple[str | None, str | None, str | None]:
    if actor is None:
        return None, None, None
    return actor.country, actor.role, actor.name


def _type_condition(types: str | Iterable[str]) -> tuple[str, list[str]]:
    """SQL matching any of ``types``: exact, or a family when written "territory.*"."""
    wanted = [types] if isinstance(types, str) else list(types)
    if not wanted:
        raise ValueError("type filter is empty")
    parts, params = [], []
    for item in wanted:
        item = item.strip()
        if not item:
            raise ValueError("type filter is empty")
        if item.endswith(_PREFIX_MARKERS):
            prefix = item.rstrip("*")
            # GLOB is case-sensitive like our types and can use the index on events.type;
            # brackets escape the few characters GLOB treats specially.
            escaped = re.sub(r"([*?\[])", r"[\1]", prefix)
            parts.append("e.type GLOB ?")
            params.append(escaped + "*")
        else:
            parts.append("e.type = ?")
            params.append(item)
    return "(" + " OR ".join(parts) + ")", params


class Store:
    """A frontwatch database file. Use as a context manager, or call :meth:`close`.

    ``create=False`` refuses to create a missing file (raises :class:`StoreNotFoundError`):
    readers such as ``frontwatch events`` should not leave an empty database behind a typo.
    """

    def __init__(self, path: str | Path = DEFAULT_DB_PATH, *, create: bool = True) -> None:
        self.path = Path(path)
        in_memory = str(path) == ":memory:"
        if not in_memory and not create and not self.path.is_file():
            raise StoreNotFoundError(f"no database at {self.path}")
        try:
            self._conn = sqlite3.connect(str(path), isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from exc
        try:
            self._conn.row_factory = sqlite3.Row
            _register_functions(self._conn)
            version = schema_version(self._conn)  # also fails early on a file that is not SQLite
            if version > latest_version():
                raise StoreVersionError(
                    f"database {path} has schema version {version}, newer than this frontwatch "
                    f"supports ({latest_version()}); upgrade frontwatch to open it"
                )
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 10000")
            if not in_memory:
                self._conn.execute("PRAGMA journal_mode = WAL")
                # In WAL mode NORMAL cannot corrupt the database; a power cut may lose only
                # the last commits, which re-ingesting restores. One fsync per document less.
                self._conn.execute("PRAGMA synchronous = NORMAL")
            apply_migrations(self._conn)
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"cannot open database {path}: {exc}") from exc
        except BaseException:
            self._conn.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def version(self) -> int:
        """The schema version of the open database."""
        return schema_version(self._conn)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------

    def add(self, doc: Document, *, replace: bool = False) -> bool:
        """Store ``doc`` with all its annotations, atomically; False if it was already there.

        With ``replace=True`` an already stored document of the same ``doc_id`` is deleted
        first (in the same transaction), e.g. to re-extract with a better pipeline.
        Raises :class:`StoreError` (and stores nothing of ``doc``) if a record cannot be
        stored, e.g. an ``event_id`` another document already uses.
        """
        try:
            with self._transaction() as conn:
                if self.has(doc.doc_id):
                    if not replace:
                        return False
                    conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc.doc_id,))
                self._insert_document(conn, doc)
                self._insert_sentences(conn, doc)
                self._insert_places(conn, doc)
                self._insert_times(conn, doc)
                self._insert_events(conn, doc)
                # Clusters and control timelines of the places it touches, same transaction.
                from frontwatch.control.storage import refresh_document

                refresh_document(conn, doc.doc_id)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store document {doc.doc_id}: {exc}") from exc
        return True

    def _insert_document(self, conn: sqlite3.Connection, doc: Document) -> None:
        earliest, latest = date_interval(doc.date)
        conn.execute(
            "INSERT INTO documents (doc_id, source, date, date_precision, date_earliest, "
            "date_latest, lang, title, url, text, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.doc_id,
                doc.source,
                doc.date,
                doc.date_precision,
                earliest.isoformat(),
                latest.isoformat(),
                doc.lang,
                doc.title,
                doc.url,
                doc.text,
                _now(),
            ),
        )

    def _insert_sentences(self, conn: sqlite3.Connection, doc: Document) -> None:
        conn.executemany(
            'INSERT INTO sentences (doc_id, ordinal, "start", "end") VALUES (?, ?, ?, ?)',
            [(doc.doc_id, i, s.start, s.end) for i, s in enumerate(doc.sentences)],
        )

    def _insert_places(self, conn: sqlite3.Connection, doc: Document) -> None:
        conn.executemany(
            'INSERT INTO places (doc_id, ordinal, "start", "end", surface, geonameid, name, '
            "feature, admin1, country, lat, lon, confidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc.doc_id,
                    i,
                    p.start,
                    p.end,
                    p.surface,
                    p.geonameid,
                    p.name,
                    p.feature,
                    p.admin1,
                    p.country,
                    p.lat,
                    p.lon,
                    p.confidence,
                )
                for i, p in enumerate(doc.places)
            ],
        )

    def _insert_times(self, conn: sqlite3.Connection, doc: Document) -> None:
        conn.executemany(
            'INSERT INTO times (doc_id, ordinal, id, "start", "end", surface, value, earliest, '
            "latest, granularity, anchor, dating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc.doc_id,
                    i,
                    t.id,
                    t.start,
                    t.end,
                    t.surface,
                    t.value,
                    t.earliest,
                    t.latest,
                    t.granularity,
                    t.anchor,
                    int(bool(t.dating)),
                )
                for i, t in enumerate(doc.times)
            ],
        )

    def _insert_events(self, conn: sqlite3.Connection, doc: Document) -> None:
        doc_earliest, doc_latest = (d.isoformat() for d in date_interval(doc.date))
        for ordinal, event in enumerate(doc.events):
            place, time, amount = event.place, event.time, event.amount
            conn.execute(
                "INSERT INTO events (event_id, doc_id, ordinal, type, "
                "actor_country, actor_role, actor_name, target_country, target_role, "
                "target_name, claimant_country, claimant_role, claimant_name, "
                "place_surface, place_geonameid, place_name, place_admin1, place_country, "
                "place_lat, place_lon, place_feature, time_surface, time_value, time_earliest, "
                "time_latest, time_granularity, time_anchor, fatalities, injured, "
                "amount_value, amount_currency, status, modality, confidence, rule, data, "
                "place_key, place_name_key, span_earliest, span_latest) "
                "VALUES (" + ", ".join(["?"] * 40) + ")",
                (
                    event.event_id,
                    doc.doc_id,
                    ordinal,
                    event.type,
                    *_actor_columns(event.actor),
                    *_actor_columns(event.target),
                    *_actor_columns(event.claimant),
                    place.surface if place else None,
                    place.geonameid if place else None,
                    place.name if place else None,
                    place.admin1 if place else None,
                    place.country if place else None,
                    place.lat if place else None,
                    place.lon if place else None,
                    place.feature if place else None,
                    time.surface if time else None,
                    time.value if time else None,
                    time.earliest if time else None,
                    time.latest if time else None,
                    time.granularity if time else None,
                    time.anchor if time else None,
                    event.fatalities,
                    event.injured,
                    amount.value if amount else None,
                    amount.currency if amount else None,
                    event.status,
                    event.modality,
                    event.confidence,
                    event.rule,
                    json.dumps(event.to_dict(), ensure_ascii=False),
                    fold(place.surface) if place else None,
                    fold(place.name) if place else None,
                    time.earliest if time else doc_earliest,
                    time.latest if time else doc_latest,
                ),
            )
            conn.executemany(
                'INSERT INTO event_evidence (event_id, ordinal, "start", "end", text) '
                "VALUES (?, ?, ?, ?, ?)",
                [(event.event_id, i, e.start, e.end, e.text) for i, e in enumerate(event.evidence)],
            )

    # -- reading documents -----------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        """Is a document with this id stored?"""
        row = self._conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row is not None

    def get_document(self, doc_id: str) -> Document:
        """The stored document, as it was added (``to_dict`` equal). Raises KeyError if absent."""
        conn = self._conn
        row = conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        doc = Document(
            text=row["text"],
            date=row["date"],
            lang=row["lang"],
            title=row["title"],
            url=row["url"],
            source=row["source"],
            doc_id=row["doc_id"],
        )
        doc.sentences = [
            Span(start=r["start"], end=r["end"])
            for r in conn.execute(
                'SELECT "start", "end" FROM sentences WHERE doc_id = ? ORDER BY ordinal', (doc_id,)
            )
        ]
        doc.places = [
            PlaceMention(
                start=r["start"],
                end=r["end"],
                surface=r["surface"],
                geonameid=r["geonameid"],
                name=r["name"],
                feature=r["feature"],
                admin1=r["admin1"],
                country=r["country"],
                lat=r["lat"],
                lon=r["lon"],
                confidence=r["confidence"],
            )
            for r in conn.execute(
                "SELECT * FROM places WHERE doc_id = ? ORDER BY ordinal", (doc_id,)
            )
        ]
        doc.times = [
            TimeMention(
                start=r["start"],
                end=r["end"],
                surface=r["surface"],
                value=r["value"],
                earliest=r["earliest"],
                latest=r["latest"],
                granularity=r["granularity"],
                anchor=r["anchor"],
                id=r["id"],
                dating=bool(r["dating"]),
            )
            for r in conn.execute(
                "SELECT * FROM times WHERE doc_id = ? ORDER BY ordinal", (doc_id,)
            )
        ]
        doc.events = [
            Event.from_dict(json.loads(r["data"]))
            for r in conn.execute(
                "SELECT data FROM events WHERE doc_id = ? ORDER BY ordinal", (doc_id,)
            )
        ]
        return doc

    def doc_ids(self) -> list[str]:
        """The stored document ids, in the order they were added."""
        return [r[0] for r in self._conn.execute("SELECT doc_id FROM documents ORDER BY rowid")]

    def documents(self) -> Iterator[Document]:
        """Every stored document, in the order they were added, loaded one at a time."""
        for doc_id in self.doc_ids():
            yield self.get_document(doc_id)

    def counts(self) -> dict[str, int]:
        """How many rows each table holds: documents, sentences, places, times, events, ..."""
        tables = (
            "documents",
            "sentences",
            "places",
            "times",
            "events",
            "event_evidence",
            "control_states",
        )
        return {
            table: int(self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            for table in tables
        }

    # -- querying events -------------------------------------------------------------------

    def events(
        self,
        type: str | Iterable[str] | None = None,
        place: str | None = None,
        since: str | None = None,
        until: str | None = None,
        lang: str | None = None,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Events matching all the given filters, earliest first (then by ``event_id``).

        Each is ``Event.to_dict()`` plus ``doc_id``, ``source``, ``url``, ``lang`` and
        ``doc_date`` of its document.

        - ``type``: exact ("strike"), or a family when it ends with "." or "*"
          ("territory.*"); several may be given as a list (any matches).
        - ``place``: the place as written or its gazetteer name, ignoring case and diacritics.
        - ``since`` / ``until``: ISO dates of year, month or day precision; an event matches
          when its time interval (its document's date when it has no time) overlaps
          [since, until]: ``since="2022-09"`` keeps events that may have happened on or
          after 1 September 2022.
        - ``lang``: the document language (ISO 639-1).

        Raises ``ValueError`` (``RecordError`` for dates) on a malformed filter.
        """
        conditions: list[str] = []
        params: list[Any] = []
        if type is not None:
            condition, type_params = _type_condition(type)
            conditions.append(condition)
            params += type_params
        if place is not None:
            key = fold(place)
            if not key:
                raise ValueError("place filter is empty")
            conditions.append("(e.place_key = ? OR e.place_name_key = ?)")
            params += [key, key]
        if since is not None:
            conditions.append("e.span_latest >= ?")
            params.append(date_interval(since)[0].isoformat())
        if until is not None:
            conditions.append("e.span_earliest <= ?")
            params.append(date_interval(until)[1].isoformat())
        if lang is not None:
            conditions.append("d.lang = ?")
            params.append(lang.strip().lower())
        sql = (
            "SELECT e.data, e.doc_id, d.source, d.url, d.lang, d.date "
            "FROM events AS e JOIN documents AS d ON d.doc_id = e.doc_id"
        )
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        sql += " ORDER BY e.span_earliest, e.event_id"
        if limit is not None:
            if limit < 0:
                raise ValueError(f"limit must be 0 or more, not {limit}")
            sql += " LIMIT ?"
            params.append(limit)
        # Filters are checked above, now; the rows are read lazily, in batches.
        return self._iter_events(sql, params)

    def _iter_events(self, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        cursor = self._conn.execute(sql, params)
        try:
            while rows := cursor.fetchmany(500):
                for row in rows:
                    yield _event_row_to_dict(row)
        finally:
            # The store may be closed before an abandoned iterator is collected.
            with suppress(sqlite3.ProgrammingError):
                cursor.close()

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event in the shape :meth:`events` yields, or None."""
        row = self._conn.execute(
            "SELECT e.data, e.doc_id, d.source, d.url, d.lang, d.date "
            "FROM events AS e JOIN documents AS d ON d.doc_id = e.doc_id WHERE e.event_id = ?",
            (event_id,),
        ).fetchone()
        return _event_row_to_dict(row) if row else None


def _event_row_to_dict(row: sqlite3.Row) -> dict[str, Any]:
    event: dict[str, Any] = json.loads(row["data"])
    event["doc_id"] = row["doc_id"]
    event["source"] = row["source"]
    event["url"] = row["url"]
    event["lang"] = row["lang"]
    event["doc_date"] = row["date"]
    return event


__all__ = [
    "DEFAULT_DB_PATH",
    "Migration",
    "Store",
    "StoreError",
    "StoreNotFoundError",
    "StoreVersionError",
    "apply_migrations",
    "fold",
    "latest_version",
    "migrations",
    "schema_version",
]
