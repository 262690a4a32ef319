"""Exports (JSONL, ACLED-style CSV, GeoJSON, Parquet) and the `events`/`export` commands."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from frontwatch.cli import main
from frontwatch.export import (
    CSV_COLUMNS,
    ExportError,
    acled_row,
    atomic_path,
    describe_actor,
    export_events,
    parquet_schema,
)
from frontwatch.store import Store
from store_samples import bilohorivka_document, crimea_document, sample_documents, toretsk_document


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.db"
    with Store(path) as store:
        for doc in sample_documents():
            store.add(doc)
    return path


@pytest.fixture()
def events(db: Path) -> list[dict]:
    with Store(db) as store:
        return list(store.events())


def by_id(rows: list[dict], key: str = "event_id") -> dict[str, dict]:
    return {row[key]: row for row in rows}


TORETSK_CLAIM = toretsk_document().events[0].event_id
TORETSK_COMBAT = toretsk_document().events[2].event_id
BILO_CAPTURE, LUHANSK_STRIKE, AID = (e.event_id for e in bilohorivka_document().events)
CRIMEA_CAPTURE, ANNEXATION = (e.event_id for e in crimea_document().events)


# -- CSV ---------------------------------------------------------------------------------------


def test_csv_has_acled_columns_in_order_then_ours(events: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = export_events(events, "csv", out)
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    assert list(CSV_COLUMNS[:15]) == [
        "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
        "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
        "notes", "fatalities",
    ]
    assert list(CSV_COLUMNS[15:]) == [
        "claimant", "status", "modality", "evidence", "doc_id", "event_id",
    ]
    assert result.written == len(rows) == 8


def test_csv_rows_map_our_fields_onto_acled(events: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export_events(events, "csv", out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = by_id(list(csv.DictReader(fh)))

    claim = rows[TORETSK_CLAIM]
    assert claim["event_date"] == "2025-02-11" and claim["time_precision"] == "1"
    assert claim["event_type"] == "Battles"
    # A foreign state's forces taking a Ukrainian town, as ACLED codes it; our type kept.
    assert claim["sub_event_type"] == "Non-state actor overtakes territory (territory.capture)"
    assert claim["actor1"] == "Military Forces of Russia (RUS)"
    assert claim["actor2"] == "Military Forces of Ukraine (UKR)"
    assert claim["country"] == "Ukraine" and claim["admin1"] == "Donetsk"
    assert claim["location"] == "Toretsk"
    assert float(claim["latitude"]) == 48.39799 and float(claim["longitude"]) == 37.84679
    assert claim["geo_precision"] == "1"
    assert claim["source"] == "Example Wire; https://news.example.org/2025/02/13/toretsk"
    assert claim["notes"].startswith("Russia's defence ministry said on Tuesday")
    assert claim["fatalities"] == ""  # not stated is not zero
    assert claim["claimant"] == "Government of Russia (RUS)"
    assert (claim["status"], claim["modality"]) == ("claimed", "asserted")
    doc = toretsk_document()
    start, end = (int(x) for x in claim["evidence"].split("-"))
    assert doc.text[start:end] == claim["notes"] and claim["doc_id"] == doc.doc_id

    denial = rows[toretsk_document().events[1].event_id]
    assert denial["claimant"] == "General Staff - Military Forces of Ukraine (UKR)"
    assert denial["status"] == "denied"

    combat = rows[TORETSK_COMBAT]
    assert combat["fatalities"] == "2" and combat["sub_event_type"] == "Armed clash (combat)"
    assert combat["event_date"] == "2025-02-13"  # no time of its own: the article's day
    assert len(combat["evidence"].split(";")) == 2

    recapture = rows[BILO_CAPTURE]  # Ukraine retaking a Ukrainian village
    assert recapture["sub_event_type"] == "Government regains territory (territory.capture)"
    assert recapture["event_date"] == "2022-09-01/2022-09-30"
    assert recapture["time_precision"] == "2"

    strike = rows[LUHANSK_STRIKE]
    assert strike["event_type"] == "Explosions/Remote violence"
    assert strike["geo_precision"] == "3" and strike["location"] == "Luhansk Oblast"
    assert strike["actor1"] == "" and strike["event_date"] == "2022-08-31/2022-09-29"

    aid = rows[AID]
    assert aid["event_type"] == "Strategic developments"
    assert aid["sub_event_type"] == "Other (aid)"
    assert aid["actor1"] == "Government of The Netherlands (NLD)"
    assert aid["location"] == "Oekraïne" and aid["country"] == ""
    assert aid["latitude"] == aid["longitude"] == aid["geo_precision"] == ""
    assert aid["modality"] == "planned"

    annexation = rows[ANNEXATION]  # no time, no place: the article's year
    assert annexation["event_date"] == "2015-01-01/2015-12-31"
    assert annexation["time_precision"] == "3" and annexation["location"] == ""


def test_actor_descriptions() -> None:
    assert describe_actor(None) == ""
    assert describe_actor({"country": "USA", "role": "international", "name": "ISW"}) == (
        "ISW - International Organisation of United States (USA)"
    )
    assert describe_actor({"country": None, "role": "international", "name": "NATO"}) == (
        "NATO (International Organisation)"
    )
    assert describe_actor({"country": "RUS", "role": "proxy", "name": "DPR"}) == (
        "DPR - Proxy Forces of Russia (RUS)"
    )
    assert describe_actor({"country": "XYZ", "role": "military"}) == (
        "Military Forces of XYZ (XYZ)"
    )
    assert describe_actor({"country": None, "role": "unknown"}) == "Unidentified Actor"


def test_unknown_future_type_still_maps() -> None:
    row = acled_row({"event_id": "x", "type": "ceasefire", "time": None, "doc_date": "2023-05"})
    assert row["event_type"] == "Strategic developments"
    assert row["sub_event_type"] == "Other (ceasefire)"
    assert row["event_date"] == "2023-05-01/2023-05-31" and row["time_precision"] == 2


# -- JSONL, GeoJSON, Parquet -------------------------------------------------------------------


def test_jsonl_is_one_event_dict_per_line(events: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    export_events(events, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == events
    assert "Oekraïne" in out.read_text(encoding="utf-8")  # UTF-8, not \\u escapes


def test_geojson_has_points_for_events_with_coordinates(events: list[dict]) -> None:
    buffer = io.StringIO()
    result = export_events(events, "geojson", stdout=buffer)
    collection = json.loads(buffer.getvalue())
    assert collection["type"] == "FeatureCollection"
    features = by_id(collection["features"], key="id")
    assert set(features) == {e["event_id"] for e in events if (e["place"] or {}).get("lat")}
    assert (result.written, result.skipped) == (6, 2)  # the aid and the annexation
    claim = features[TORETSK_CLAIM]
    assert claim["geometry"] == {"type": "Point", "coordinates": [37.84679, 48.39799]}
    props = claim["properties"]
    assert props["place_name"] == "Toretsk" and props["actor_country"] == "RUS"
    assert props["claimant_role"] == "government" and props["time_earliest"] == "2025-02-11"
    assert props["evidence"][0]["text"].startswith("Russia's defence ministry")


def test_geojson_of_no_events_is_an_empty_collection() -> None:
    buffer = io.StringIO()
    export_events([], "geojson", stdout=buffer)
    assert json.loads(buffer.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_reads_back_with_the_explicit_schema(events: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    result = export_events(events, "parquet", out)
    table = pq.read_table(out)
    assert table.schema.equals(parquet_schema(), check_metadata=False)
    assert table.num_rows == result.written == 8
    rows = by_id(table.to_pylist())
    claim = rows[TORETSK_CLAIM]
    assert claim["time_earliest"] == date(2025, 2, 11) and claim["place_geonameid"] == 704508
    assert claim["evidence"][0]["start"] == toretsk_document().events[0].evidence[0].start
    aid = rows[AID]
    assert (aid["amount_value"], aid["amount_currency"]) == (2.6e9, "EUR")
    assert aid["place_lat"] is None and aid["fatalities"] is None
    assert rows[ANNEXATION]["time_earliest"] is None


def test_parquet_in_several_row_groups_and_empty(events: list[dict], tmp_path: Path) -> None:
    from frontwatch.export import write_parquet

    out = tmp_path / "small-groups.parquet"
    assert write_parquet(events, out, batch_size=3).written == 8
    assert pq.ParquetFile(out).num_row_groups == 3
    assert pq.read_table(out).column("event_id").to_pylist() == [e["event_id"] for e in events]
    empty = tmp_path / "empty.parquet"
    export_events([], "parquet", empty)
    assert pq.read_table(empty).num_rows == 0


def test_parquet_needs_a_file(events: list[dict]) -> None:
    with pytest.raises(ExportError, match="-o FILE"):
        export_events(events, "parquet", stdout=io.StringIO())


# -- atomic writing ----------------------------------------------------------------------------


def _failing_after(events: list[dict], n: int):
    yield from events[:n]
    raise OSError("database went away")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "parquet"])
def test_a_failed_export_leaves_the_old_file_and_no_debris(
    events: list[dict], tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"events.{fmt}"
    out.write_bytes(b"previous export\n")
    os.chmod(out, 0o640)
    with pytest.raises(OSError, match="went away"):
        export_events(_failing_after(events, 3), fmt, out)
    assert out.read_bytes() == b"previous export\n"
    assert sorted(os.listdir(tmp_path)) == sorted(["events.db", out.name])
    export_events(events, fmt, out)
    assert out.stat().st_mode & 0o777 == 0o640  # the replaced file keeps its permissions
    assert sorted(os.listdir(tmp_path)) == sorted(["events.db", out.name])


def test_atomic_path_creates_new_files_readable(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    with atomic_path(target) as tmp:
        tmp.write_text("done", encoding="utf-8")
        assert not target.exists()
    assert target.read_text(encoding="utf-8") == "done"
    assert target.stat().st_mode & 0o400


# -- the commands ------------------------------------------------------------------------------


def test_events_command_table(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", str(db), "--place", "TORETSK"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("territory.capture") == 2 and "combat" in captured.out
    assert "Military Forces of Russia (RUS)" in captured.out
    assert "[in" in captured.out  # quoted brackets are text, not rich markup
    assert "3 events" in captured.err


def test_events_command_jsonl_with_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["-q", "events", "--db", str(db), "--type", "territory.*", "--since", "2022",
         "--lang", "nl", "--format", "jsonl"]
    )
    assert code == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["event_id"] for r in records] == [BILO_CAPTURE]
    assert records[0]["doc_date"] == "2022-09" and captured.err == ""


def test_events_command_csv_and_limit(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", str(db), "--format", "csv", "--limit", "2"]) == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert [r["event_id"] for r in rows] == [CRIMEA_CAPTURE, ANNEXATION]
    assert "(--limit reached)" in captured.err


def test_events_command_without_a_database(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nothing-here.db"
    assert main(["events", "--db", str(missing)]) == 2
    err = capsys.readouterr().err
    assert f"no database at {missing}; run frontwatch ingest first" in err
    assert not missing.exists()


@pytest.mark.parametrize("option", ["--since", "--until"])
def test_events_command_bad_date(db: Path, option: str, capsys) -> None:
    assert main(["events", "--db", str(db), option, "2022-13-01"]) == 2
    err = capsys.readouterr().err
    assert option in err and "2022-13-01" in err and "month" in err


def test_events_command_refuses_a_newer_database(db: Path, capsys) -> None:
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future')")
    conn.commit()
    conn.close()
    assert main(["events", "--db", str(db)]) == 2
    assert "newer than this frontwatch" in capsys.readouterr().err


def test_export_command_infers_format_from_suffix(db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "claims.csv"
    assert main(["export", "--db", str(db), "-o", str(out), "--place", "toretsk"]) == 0
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 3 and {r["location"] for r in rows} == {"Toretsk"}
    assert f"exported 3 events as csv to {out}" in capsys.readouterr().err


def test_export_command_geojson_to_stdout(db: Path, capsys) -> None:
    assert main(["export", "--db", str(db), "--format", "geojson", "--type", "aid"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["features"] == []
    assert "1 without coordinates left out" in captured.err


def test_export_command_parquet(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.parquet"
    assert main(["-q", "export", "--db", str(db), "--format", "parquet", "-o", str(out)]) == 0
    assert pq.read_table(out).num_rows == 8


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "parquet"], "-o FILE"),
        (["--format", "parquet", "-o", "-"], "-o FILE"),
        (["-o", "events.txt"], "cannot tell the format"),
        (["-o", "no/such/folder/events.csv"], "no folder"),
        (["--since", "last week"], "--since"),
    ],
)
def test_export_command_usage_errors(
    db: Path, tmp_path: Path, monkeypatch, capsys, argv: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--db", str(db), *argv]) == 2
    assert message in capsys.readouterr().err
    assert sorted(os.listdir(tmp_path)) == ["events.db"]
