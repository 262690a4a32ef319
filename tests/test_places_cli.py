"""``frontwatch places`` and ``frontwatch gazetteer`` on real-looking input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from frontwatch.cli import main

DATA = Path(__file__).parent / "data" / "places"


def test_places_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["-q", "places", str(DATA / "nl_front.txt")])
    out = capsys.readouterr().out
    assert code == 0
    assert "Bachmoet" in out and "713174" in out and "Bakhmut" in out
    assert "Tass" not in out.split("mentions", 1)[1]


def test_places_json_from_stdin(monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    text = " date 2024-10 Vorige week trok het leger zich terug uit Voehledar."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code = main(["-q", "places", "-", "--json", "--lang", "nl"])
    assert code == 0
    record = json.loads(capsys.readouterr().out)
    assert [(p["surface"], p["geonameid"]) for p in record["places"]] == [("Voehledar", 690823)]


def test_places_plain_text_without_date_header(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "plain.txt"
    f.write_text("Shelling hit Kramatorsk and Sloviansk overnight.", "utf-8")
    code = main(["-q", "places", str(f), "--json", "--lang", "en"])
    assert code == 0
    record = json.loads(capsys.readouterr().out)
    assert [p["geonameid"] for p in record["places"]] == [704508, 693468]


def test_places_missing_file_fails_with_exit_1(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["-q", "places", str(tmp_path / "missing.txt")])
    assert code == 1
    assert "error" in capsys.readouterr().err


def test_gazetteer_lookup_shows_entries_and_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["gazetteer", "lookup", "Voehledar", "--lang", "nl", "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["keys"]["skeleton"] == "vuhledar"
    assert result["entries"][0]["geonameid"] == 690823
    assert result["entries"][0]["match"] == "skeleton"
    assert "Вугледар" in result["entries"][0]["variants"] or result["entries"][0]["variants"]


def test_gazetteer_lookup_table_and_unknown_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "lookup", "Loegansk", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert "702657" in out and "702658" in out
    assert main(["gazetteer", "lookup", "Xqzzvvq"]) == 1
    assert main(["gazetteer", "lookup", "   "]) == 2


def test_gazetteer_info(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gazetteer", "info"]) == 0
    out = capsys.readouterr().out
    assert "GeoNames" in out and "entries" in out


def test_gazetteer_lookup_without_a_language_tries_every_romanisation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for spelling in ("Voehledar", "Wuhledar", "Vuhledar"):
        assert main(["gazetteer", "lookup", spelling, "--json"]) == 0
        entries = json.loads(capsys.readouterr().out)["entries"]
        assert entries[0]["geonameid"] == 690823
