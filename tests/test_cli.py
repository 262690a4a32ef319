"""The command line end to end: extract and ingest over good and bad input."""

import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from frontwatch.cli import main

NL = (
    " date 2024-02-17 Avdiivka gevallen\n\n"
    "Russische troepen hebben Avdiivka ingenomen. Dat meldt het Russische ministerie van "
    "Defensie. Het Oekraïense leger trok zich gisteren terug uit de stad.\n"
)
EN = (
    "date 2022-11\nUkrainian forces entered Kherson city on Friday. Russia had announced its "
    "withdrawal from the west bank of the Dnipro two days earlier.\n"
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "avdiivka.txt").write_text(NL, encoding="utf-8")
    (folder / "sub" / "kherson.txt").write_text(EN, encoding="utf-8")
    return folder


def test_extract_writes_one_record_per_document(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out" / "docs.jsonl"
    assert main(["extract", str(corpus), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["lang"] for r in records] == ["nl", "en"]
    nl = records[0]
    assert nl["date"] == "2024-02-17" and nl["date_precision"] == "day"
    assert nl["source"].endswith("avdiivka.txt")
    assert nl["text"].startswith("Avdiivka gevallen\n\nRussische troepen")
    spans = [nl["text"][s["start"] : s["end"]] for s in nl["sentences"]]
    assert spans[:2] == ["Avdiivka gevallen", "Russische troepen hebben Avdiivka ingenomen."]
    assert records[1]["date_precision"] == "month"
    for key in ("doc_id", "title", "url", "places", "times", "events"):
        assert key in nl
    assert "2 documents read, 0 skipped, 0 failed" in capsys.readouterr().err


def test_bad_files_are_reported_and_the_batch_goes_on(corpus: Path, capsys) -> None:
    (corpus / "no-date.txt").write_text("Russische troepen rukken op.\n", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    assert main(["extract", str(corpus)]) == 1
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert len(records) == 2
    errors = [line for line in captured.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("no-date.txt" in e for e in errors)
    assert any("empty.txt" in e for e in errors)
    assert "2 documents read, 0 skipped, 2 failed" in captured.err


def test_batches_of_any_size_give_the_same_records_in_input_order(
    corpus: Path, tmp_path: Path, capsys
) -> None:
    # between the two good files (sorted by path): a file that cannot be read
    (corpus / "b-empty.txt").write_bytes(b"")
    (corpus / "c.txt").write_text(NL.replace("Avdiivka", "Marinka"), encoding="utf-8")
    outputs = []
    for size in ("1", "2", "64"):
        out = tmp_path / f"batch-{size}.jsonl"
        assert main(["extract", str(corpus), "--batch-size", size, "-o", str(out)]) == 1
        outputs.append(out.read_text(encoding="utf-8"))
        err = capsys.readouterr().err
        errors = [e for e in err.splitlines() if e.startswith("error:")]
        assert len(errors) == 1 and "b-empty.txt" in errors[0], err
        assert "3 documents read, 0 skipped, 1 failed" in err
    assert outputs[0] == outputs[1] == outputs[2]
    sources = [json.loads(line)["source"] for line in outputs[0].splitlines()]
    assert [Path(s).name for s in sources] == ["avdiivka.txt", "c.txt", "kherson.txt"]


@pytest.mark.parametrize("size", ["0", "-3", "many"])
def test_a_batch_size_that_is_no_positive_number_is_a_usage_error(
    corpus: Path, size: str, capsys
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["extract", str(corpus), "--batch-size", size])
    assert stop.value.code == 2
    assert "--batch-size" in capsys.readouterr().err


def test_missing_path_fails_with_a_clear_message(tmp_path: Path, capsys) -> None:
    assert main(["extract", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err


def test_extract_reads_standard_input(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(NL.encode("utf-8"))))
    assert main(["extract", "-", "--quiet"]) == 0
    captured = capsys.readouterr()
    (record,) = [json.loads(line) for line in captured.out.splitlines()]
    assert record["date"] == "2024-02-17"
    assert captured.err == ""


def test_ingesting_twice_stores_once(corpus: Path, tmp_path: Path, capsys) -> None:
    db = tmp_path / "fw.db"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    assert "2 documents stored, 0 skipped, 0 failed" in capsys.readouterr().err
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    assert "0 documents stored, 2 skipped, 0 failed" in capsys.readouterr().err
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from documents").fetchone() == (2,)
        sentences = conn.execute("select count(*) from sentences").fetchone()[0]
    assert sentences >= 5


def test_bad_pipeline_configuration_is_a_usage_error(corpus: Path, tmp_path: Path, capsys) -> None:
    config = tmp_path / "p.toml"
    config.write_text('[pipeline]\ncomponents = ["sentences", "parser"]\n', encoding="utf-8")
    assert main(["extract", str(corpus), "--config", str(config)]) == 2
    assert "unknown pipeline component 'parser'" in capsys.readouterr().err


def test_unusable_database_or_output_is_a_usage_error(corpus: Path, tmp_path: Path, capsys):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are not the tables you are looking for\n" * 50, encoding="utf-8")
    assert main(["ingest", str(corpus), "--db", str(not_a_db)]) == 2
    assert "notes.db" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["extract", str(corpus), "-o", str(blocker / "out.jsonl")]) == 2
    assert "cannot write output" in capsys.readouterr().err
