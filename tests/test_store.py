"""The SQLite store: round trip, idempotence, atomicity, event queries and migrations."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest

import frontwatch.store as store_module
from frontwatch.records import Document, Event, PlaceMention, RecordError, TimeMention
from frontwatch.store import (
    Migration,
    Store,
    StoreError,
    StoreNotFoundError,
    StoreVersionError,
    fold,
    latest_version,
    migrations,
    schema_version,
)
from store_samples import bilohorivka_document, crimea_document, sample_documents, toretsk_document


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "frontwatch.db"


@pytest.fixture()
def filled(db_path: Path) -> Iterator[Store]:
    store = Store(db_path)
    for doc in sample_documents():
        assert store.add(doc) is True
    yield store
    store.close()


def ids(events) -> list[str]:
    return [e["event_id"] for e in events]


# -- documents ---------------------------------------------------------------------------------


def test_documents_come_back_equal(filled: Store) -> None:
    for original in sample_documents():
        stored = filled.get_document(original.doc_id)
        assert stored.to_dict() == original.to_dict()
        assert isinstance(stored.events[0], Event)
    assert [d.doc_id for d in filled.documents()] == [d.doc_id for d in sample_documents()]


def test_counts_follow_what_was_added(filled: Store) -> None:
    docs = sample_documents()
    counts = filled.counts()
    assert counts["documents"] == 3
    assert counts["sentences"] == sum(len(d.sentences) for d in docs)
    assert counts["places"] == sum(len(d.places) for d in docs)
    assert counts["times"] == sum(len(d.times) for d in docs)
    assert counts["events"] == sum(len(d.events) for d in docs) == 8
    assert counts["event_evidence"] == sum(len(e.evidence) for d in docs for e in d.events)
    # Toretsk, Bilohorivka and Simferopol each get a control period (frontwatch.control).
    assert counts["control_states"] == 3


def test_adding_the_same_text_again_changes_nothing(filled: Store) -> None:
    before = filled.counts()
    again = toretsk_document()
    again.title = "A different headline for the same text"
    again.events = again.events[:1]
    assert filled.add(again) is False
    assert filled.counts() == before
    assert filled.get_document(again.doc_id).title == "Russia claims Toretsk"


def test_replace_swaps_a_document_and_its_records(filled: Store) -> None:
    fewer = toretsk_document()
    fewer.events = fewer.events[:1]
    assert filled.add(fewer, replace=True) is True
    assert filled.counts()["events"] == 6
    assert filled.get_document(fewer.doc_id).to_dict() == fewer.to_dict()


def test_a_failure_mid_document_stores_nothing_of_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original_insert_events = Store._insert_events

    def insert_then_fail(self, conn, doc):
        original_insert_events(self, conn, doc)  # rows are written, then the disk "fails"
        raise RuntimeError("disk full")

    with Store(db_path) as store:
        monkeypatch.setattr(Store, "_insert_events", insert_then_fail)
        with pytest.raises(RuntimeError, match="disk full"):
            store.add(toretsk_document())
        assert not store.has(toretsk_document().doc_id)
        assert set(store.counts().values()) == {0}
        monkeypatch.undo()
        assert store.add(toretsk_document()) is True  # no transaction left open
    with Store(db_path) as reopened:
        assert reopened.counts()["events"] == 3


def test_an_event_id_clash_rejects_the_whole_second_document(db_path: Path) -> None:
    first, second = toretsk_document(), bilohorivka_document()
    second.events[1].event_id = first.events[0].event_id
    with Store(db_path) as store:
        store.add(first)
        with pytest.raises(StoreError, match=second.doc_id):
            store.add(second)
        assert not store.has(second.doc_id)
        assert store.counts()["documents"] == 1
        assert store.counts()["places"] == len(first.places)


def test_get_document_of_unknown_id_raises_key_error(filled: Store) -> None:
    with pytest.raises(KeyError):
        filled.get_document("0000000000000000")
    assert filled.has("0000000000000000") is False


def test_tables_have_a_column_for_every_mention_field(filled: Store) -> None:
    """A field added to PlaceMention/TimeMention needs a migration, or it would be lost."""
    conn = filled._conn
    for table, record in (("places", PlaceMention), ("times", TimeMention)):
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        assert {f.name for f in fields(record)} <= columns, table


# -- event queries -----------------------------------------------------------------------------


def test_events_carry_their_document_and_come_earliest_first(filled: Store) -> None:
    crimea, bilo, toretsk = (d.doc_id for d in sample_documents()[::-1])
    events = list(filled.events())
    assert ids(events) == [
        f"{crimea}-e0", f"{crimea}-e1",  # March 2014; then the document's year, 2015
        f"{bilo}-e1", f"{bilo}-e0", f"{bilo}-e2",  # "gisteren" may be 31 August
        f"{toretsk}-e0", f"{toretsk}-e1", f"{toretsk}-e2",  # Tuesday; then the article date
    ]
    claim = events[5]
    assert claim["doc_id"] == toretsk and claim["source"] == "Example Wire"
    assert claim["lang"] == "en" and claim["doc_date"] == "2025-02-13"
    assert claim["url"].endswith("/toretsk")
    expected = toretsk_document().events[0].to_dict()
    assert {k: v for k, v in claim.items() if k in expected} == expected


def test_type_filter_exact_and_by_family(filled: Store) -> None:
    assert {e["type"] for e in filled.events(type="territory.*")} == {"territory.capture"}
    assert len(list(filled.events(type="territory.*"))) == 4
    assert len(list(filled.events(type="territory."))) == 4
    assert ids(filled.events(type="territory")) == []  # exact: no such type
    assert [e["type"] for e in filled.events(type="strike")] == ["strike"]
    assert len(list(filled.events(type=["aid", "combat"]))) == 2
    with pytest.raises(ValueError):
        filled.events(type="  ")


@pytest.mark.parametrize(
    ("query", "expected_surfaces"),
    [
        ("Toretsk", {"Toretsk"}),
        ("TORETSK", {"Toretsk"}),
        ("oekraine", {"Oekraïne"}),  # diacritics ignored
        ("Oekraïne", {"Oekraïne"}),
        ("luhansk oblast", {"Loegansk"}),  # the gazetteer name
        ("Loegansk", {"Loegansk"}),  # as written
        ("Luhansk", set()),  # neither the surface nor the name
    ],
)
def test_place_filter_matches_surface_or_name_loosely(
    filled: Store, query: str, expected_surfaces: set[str]
) -> None:
    assert {e["place"]["surface"] for e in filled.events(place=query)} == expected_surfaces


def test_date_filters_keep_events_whose_interval_overlaps(filled: Store) -> None:
    crimea, bilo, toretsk = (d.doc_id for d in sample_documents()[::-1])
    assert ids(filled.events(until="2014")) == [f"{crimea}-e0"]
    assert ids(filled.events(since="2015", until="2015-06-30")) == [f"{crimea}-e1"]
    # "Gisteren" in a September-dated article may be 31 August: it overlaps August.
    assert ids(filled.events(since="2022-08", until="2022-08")) == [f"{bilo}-e1"]
    assert len(list(filled.events(since="2022-09-15", until="2022-09-15"))) == 3
    assert ids(filled.events(since="2025-02-12")) == [f"{toretsk}-e2"]
    assert ids(filled.events(until="2025-02-11", type="territory.*"))[-2:] == [
        f"{toretsk}-e0", f"{toretsk}-e1",
    ]
    assert ids(filled.events(since="2025-02-14")) == []


@pytest.mark.parametrize("bad", ["2022-13", "yesterday", "2022/09/01", "2022-02-30"])
def test_malformed_dates_are_refused_before_any_row_is_read(filled: Store, bad: str) -> None:
    with pytest.raises(RecordError):
        filled.events(since=bad)
    with pytest.raises(RecordError):
        filled.events(until=bad)


def test_lang_and_limit_filters(filled: Store) -> None:
    assert {e["lang"] for e in filled.events(lang="NL")} == {"nl"}
    assert len(list(filled.events(lang="nl"))) == 3
    assert len(list(filled.events(lang="de"))) == 0
    assert len(list(filled.events(limit=2))) == 2
    assert list(filled.events(limit=0)) == []
    with pytest.raises(ValueError):
        filled.events(limit=-1)
    combined = list(filled.events(type="territory.capture", place="toretsk", lang="en"))
    assert [e["status"] for e in combined] == ["claimed", "denied"]


def test_single_event_lookup(filled: Store) -> None:
    aid_id = bilohorivka_document().events[2].event_id
    aid = filled.event(aid_id)
    assert aid is not None and aid["amount"] == {"value": 2.6e9, "currency": "EUR"}
    assert filled.event("nope") is None


def test_fold_ignores_case_accents_dashes_and_apostrophes() -> None:
    assert fold("Oekraïne") == fold("OEKRAINE") == "oekraine"
    assert fold("Kryvyi-Rih") == fold("kryvyi  rih")
    assert fold("Mar’inka") == fold("Marinka")
    assert fold("Запоріжжя") == fold("ЗАПОРІЖЖЯ")
    assert fold("Toretsk") != fold("Torezk")
    assert fold(None) is None


# -- opening and migrations --------------------------------------------------------------------


def test_reading_never_creates_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    with pytest.raises(StoreNotFoundError):
        Store(missing, create=False)
    assert not missing.exists()


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 20, encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open"):
        Store(bogus)


def test_new_database_is_at_the_latest_version_in_wal_mode(db_path: Path) -> None:
    with Store(db_path) as store:
        assert store.version == latest_version() == len(migrations()) >= 2
        mode = store._conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def _make_v1_database(path: Path, doc: Document) -> None:
    """A database as frontwatch schema version 1 wrote it, built by hand without Store."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
    for statement in migrations()[0].statements():
        conn.execute(statement)
    conn.execute("INSERT INTO schema_migrations VALUES (1, '2025-01-01T00:00:00+00:00')")
    conn.execute(
        "INSERT INTO documents (doc_id, source, date, date_precision, date_earliest, "
        "date_latest, lang, title, url, text, ingested_at) "
        "VALUES (?, ?, '2025-02-13', 'day', '2025-02-13', '2025-02-13', 'en', NULL, NULL, ?, "
        "'2025-02-14T08:00:00+00:00')",
        (doc.doc_id, doc.source, doc.text),
    )
    event = doc.events[2]  # combat at Toretsk, no time of its own
    conn.execute(
        "INSERT INTO events (event_id, doc_id, ordinal, type, place_surface, place_name, "
        "status, modality, confidence, data) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?)",
        (
            event.event_id, doc.doc_id, event.type, "TORETSK", "Toretsk", event.status,
            event.modality, event.confidence, json.dumps(event.to_dict()),
        ),
    )
    conn.close()


def test_opening_a_version_1_database_upgrades_it_and_its_rows(db_path: Path) -> None:
    doc = toretsk_document()
    _make_v1_database(db_path, doc)
    with Store(db_path) as store:
        assert store.version == latest_version()
        # The backfilled query columns work for rows written before they existed:
        found = list(store.events(place="toretsk", since="2025-02-13", until="2025-02-13"))
        assert ids(found) == [doc.events[2].event_id]
        assert found[0]["fatalities"] == 2
        assert store.add(bilohorivka_document()) is True
    with Store(db_path) as reopened:  # already current: nothing to do, nothing lost
        assert reopened.version == latest_version()
        assert reopened.counts()["events"] == 4


def test_a_database_from_a_newer_frontwatch_is_refused(db_path: Path) -> None:
    with Store(db_path) as store:
        store.add(crimea_document())
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_migrations VALUES (?, 'later')", (latest_version() + 7,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreVersionError, match=r"newer than this frontwatch.*upgrade"):
        Store(db_path)
    conn = sqlite3.connect(db_path)
    assert schema_version(conn) == latest_version() + 7  # untouched
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 2
    conn.close()


def test_a_failing_migration_leaves_the_previous_version(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(db_path).close()
    shipped = migrations()
    broken = Migration(
        len(shipped) + 1,
        f"{len(shipped) + 1:04d}_broken.sql",
        "CREATE TABLE front_lines (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n",
    )
    monkeypatch.setattr(store_module, "migrations", lambda: (*shipped, broken))
    with pytest.raises(StoreError, match=r"broken\.sql failed"):
        Store(db_path)
    conn = sqlite3.connect(db_path)
    assert schema_version(conn) == len(shipped)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "front_lines" not in tables
    conn.close()


def test_migration_statements_split_only_at_real_statement_ends() -> None:
    sql = (
        "-- a comment; with a semicolon\n"
        "CREATE TABLE t (note TEXT DEFAULT 'a;b');\n"
        "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN\n"
        "  UPDATE t SET note = 'x;y' WHERE rowid = new.rowid;\n"
        "END;\n"
        "/* trailing comment */\n"
    )
    statements = Migration(9, "0009_x.sql", sql).statements()
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    with pytest.raises(StoreError, match="unterminated"):
        Migration(9, "0009_x.sql", "CREATE TABLE u (x)").statements()
