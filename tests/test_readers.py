"""Tests for frontwatch.readers: every format, every encoding and every kind of bad input."""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
from pathlib import Path

import pytest

from frontwatch.readers import (
    ReadFailure,
    ReadOptions,
    Skipped,
    iter_inputs,
    parse_seed_text,
    sniff_format,
)
from frontwatch.records import Document

DATA = Path(__file__).parent / "data" / "readers"

NL_ARTICLE = (
    "Russische troepen hebben de oostelijke buitenwijken van het stadje Toretsk bereikt. "
    "Dat heeft het Oekraïense leger maandag bekendgemaakt.\n\n"
    '"De situatie is instabiel, er wordt bij elke ingang gevochten", zegt een woordvoerder. '
    "Volgens hem zijn de meeste inwoners al geëvacueerd."
)
EN_ARTICLE = (
    "Ukrainian forces have withdrawn from the village of Krasnohorivka, west of Donetsk, "
    "the general staff said on Friday.\n\n"
    "The village had been under near-constant shelling since the spring. Russian officials "
    "claimed the capture a week earlier."
)


def read(*paths: str | Path, **options: object) -> list[Document | ReadFailure | Skipped]:
    stdin = options.pop("stdin", None)
    return list(
        iter_inputs([str(p) for p in paths], ReadOptions(**options), stdin=stdin)  # type: ignore[arg-type]
    )


def only(results: list) -> Document | ReadFailure | Skipped:
    assert len(results) == 1, results
    return results[0]


def failure(results: list) -> ReadFailure:
    result = only(results)
    assert isinstance(result, ReadFailure), result
    return result


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- seed text ------------------------------------------------------------------------------


def test_seed_header_on_the_same_line(tmp_path: Path) -> None:
    path = write(tmp_path / "toretsk.txt", f" date 2024-10 {NL_ARTICLE}\n\n")
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert doc.date == "2024-10"
    assert doc.date_precision == "month"
    assert doc.text == NL_ARTICLE  # paragraph break kept, surrounding whitespace gone
    assert "\n\n" in doc.text
    assert doc.source == str(path)
    assert doc.lang is None
    assert doc.doc_id


def test_seed_header_on_its_own_line_with_a_day_date(tmp_path: Path) -> None:
    path = write(tmp_path / "krasnohorivka.txt", f"date 2024-09-27\n{EN_ARTICLE}\n")
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert (doc.date, doc.date_precision) == ("2024-09-27", "day")
    assert doc.text == EN_ARTICLE


def test_seed_header_keyword_any_case_and_windows_newlines(tmp_path: Path) -> None:
    crlf = f"\r\n  DATE 2022-11-11\r\n{EN_ARTICLE}".replace("\n\n", "\r\n\r\n")
    path = write(tmp_path / "kherson.txt", crlf.encode("utf-8"))
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert doc.date == "2022-11-11"
    assert "\r" not in doc.text
    assert doc.text == EN_ARTICLE


def test_seed_lang_from_options(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", f"date 2024-10 {NL_ARTICLE}")
    doc = only(read(path, lang="nl"))
    assert isinstance(doc, Document) and doc.lang == "nl"


def test_seed_text_is_put_in_nfc_form(tmp_path: Path) -> None:
    decomposed = "Oekrai\u0308ne"  # ï as i + combining diaeresis, as macOS may write it
    path = write(tmp_path / "nfd.txt", f"date 2022-09 De oorlog in {decomposed} duurt voort.")
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert "Oekraïne" in doc.text and "\u0308" not in doc.text


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (NL_ARTICLE, "no date header"),
        ("Bakhmut, 2023-05-20. Wagner claims the city.", "no date header"),
        ("Date night in Kyiv: restaurants reopen after the curfew ends.", "no date header"),
        ("date 2022-13 Russische troepen trokken zich terug.", "invalid date '2022-13'"),
        ("date 2023-02-30 Russian troops withdrew.", "invalid date '2023-02-30'"),
        ("date 20-09-2022 Russische troepen trokken zich terug.", "invalid date '20-09-2022'"),
        ("date 2022-09   \n\n  ", "no text after the date header"),
        ("date", "no date after 'date'"),
    ],
)
def test_seed_bad_headers(tmp_path: Path, content: str, expected: str) -> None:
    path = write(tmp_path / "bad.txt", content)
    fail = failure(read(path))
    assert fail.source == str(path)
    assert expected in fail.problem
    assert str(fail).startswith(str(path))


def test_month_out_of_range_says_so(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.txt", "date 2022-13 Tekst.")
    fail = failure(read(path))
    assert str(fail) == f"{path}:1: invalid date '2022-13' in the header: month out of range"


def test_parse_seed_text_directly() -> None:
    doc = parse_seed_text(f"date 2024-10 {NL_ARTICLE}", "inline")
    assert isinstance(doc, Document) and doc.source == "inline" and doc.text == NL_ARTICLE
    assert isinstance(parse_seed_text("geen kop", "inline"), ReadFailure)


# --- empty, binary, size, missing, unreadable ---------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "empty.txt", content)
    assert failure(read(path)).problem == "empty file"


def test_png_named_explicitly_is_a_binary_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06" + bytes(
        range(256)
    )
    path = write(tmp_path / "kaart.png", png)
    fail = failure(read(path))
    assert fail.problem == "binary file, not text"
    assert str(fail) == f"{path}: binary file, not text"


def test_a_single_nul_byte_marks_a_binary_file(tmp_path: Path) -> None:
    raw = f"date 2024-10 {NL_ARTICLE}".encode() + b"\x00" + EN_ARTICLE.encode()
    path = write(tmp_path / "corrupt.txt", raw)
    assert failure(read(path)).problem == "binary file, not text"


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    noise = bytes([0x01, 0x02, 0x1B, 0x7F, 0x10, 0x41, 0x42, 0x43]) * 64
    path = write(tmp_path / "dump.txt", b"date 2022-09 " + noise)
    assert failure(read(path)).problem == "binary file, not text"


def test_file_over_max_bytes_fails_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "big.txt", f"date 2024-10 {NL_ARTICLE}")
    size = path.stat().st_size

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened although it is over the limit")

    monkeypatch.setattr(Path, "open", no_reading)
    fail = failure(read(path, max_bytes=size - 1))
    assert fail.problem == f"file is {size:,} bytes, over the limit of {size - 1:,} bytes"


def test_file_at_max_bytes_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "fits.txt", f"date 2024-10 {NL_ARTICLE}")
    assert isinstance(only(read(path, max_bytes=path.stat().st_size)), Document)


def test_nonexistent_path(tmp_path: Path) -> None:
    missing = tmp_path / "bestaat-niet.txt"
    fail = failure(read(missing))
    assert str(fail) == f"{missing}: no such file or folder"


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert failure(read(link)).problem == "broken symbolic link"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "locked.txt", f"date 2024-10 {NL_ARTICLE}")
    good = write(tmp_path / "good.txt", f"date 2024-10 {NL_ARTICLE}")
    real_open = Path.open

    def open_except_locked(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", open_except_locked)
    results = read(locked, good)
    assert results[0] == ReadFailure(str(locked), None, "permission denied")
    assert isinstance(results[1], Document)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path: Path) -> None:
    locked = write(tmp_path / "locked.txt", f"date 2024-10 {NL_ARTICLE}")
    locked.chmod(0)
    try:
        assert failure(read(locked)).problem == "permission denied"
    finally:
        locked.chmod(0o644)


def test_batch_goes_on_after_failures(tmp_path: Path) -> None:
    bad1 = write(tmp_path / "1.txt", "geen datum hier")
    good1 = write(tmp_path / "2.txt", f"date 2024-10 {NL_ARTICLE}")
    bad2 = tmp_path / "3.txt"  # missing
    good2 = write(tmp_path / "4.txt", f"date 2024-09-27 {EN_ARTICLE}")
    results = read(bad1, good1, bad2, good2)
    assert [type(r).__name__ for r in results] == [
        "ReadFailure", "Document", "ReadFailure", "Document",
    ]
    assert [r.source for r in results] == [str(bad1), str(good1), str(bad2), str(good2)]


# --- encodings ---------------------------------------------------------------------------------


def test_windows_1252_is_detected_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    raw = (
        b"date 2022-09 De Russische troepen trokken zich terug uit het oosten van Oekra\xefne. "
        b"In het caf\xe9 op het plein werd het nieuws met gejuich ontvangen. \x93Eindelijk\x94, "
        b"zei de eigenaar."
    )
    path = write(tmp_path / "legacy.txt", raw)
    with caplog.at_level(logging.INFO, logger="frontwatch.readers"):
        doc = only(read(path))
    assert isinstance(doc, Document)
    assert "Oekraïne" in doc.text and "café" in doc.text and "“Eindelijk”" in doc.text
    assert any("cp1252" in r.getMessage() and str(path) in r.getMessage() for r in caplog.records)


def test_short_windows_1252_english(tmp_path: Path) -> None:
    path = write(tmp_path / "cafe.txt", b"date 2023-01-05\nThe caf\xe9 in Kyiv reopened.")
    doc = only(read(path))
    assert isinstance(doc, Document) and doc.text == "The café in Kyiv reopened."


def test_latin_1_with_accents(tmp_path: Path) -> None:
    text = "date 2022-03 Zelensky sprak in Kyïv over de überhaupt moeilijke situatie."
    path = write(tmp_path / "latin1.txt", text.encode("latin-1"))
    doc = only(read(path))
    assert isinstance(doc, Document) and "Kyïv" in doc.text and "überhaupt" in doc.text


def test_windows_1251_cyrillic(tmp_path: Path) -> None:
    text = (
        "date 2022-11-11 Российские войска покинули Херсон, сообщили в штабе. "
        "Украинские военные вошли в город вечером."
    )
    path = write(tmp_path / "herson.txt", text.encode("cp1251"))
    doc = only(read(path))
    assert isinstance(doc, Document) and doc.text == text.split(" ", 2)[2]


def test_windows_1251_ukrainian_is_not_mistaken_for_mixed_utf8(tmp_path: Path) -> None:
    # "Ві" in cp1251 is C2 B3, which is also a valid UTF-8 pair
    text = "date 2023-07-14 Російська ракета влучила у центр Вінниці, повідомила обласна влада."
    path = write(tmp_path / "vinnytsia.txt", text.encode("cp1251"))
    doc = only(read(path))
    assert isinstance(doc, Document) and "Вінниці" in doc.text


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf date 2024-10 " + NL_ARTICLE.encode("utf-8"))
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert doc.text == NL_ARTICLE and "\ufeff" not in doc.text


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "notepad.txt", f"date 2024-10\r\n{NL_ARTICLE}".encode("utf-16"))
    doc = only(read(path))
    assert isinstance(doc, Document) and doc.text == NL_ARTICLE


def test_utf8_mixed_with_windows_1252_is_undecodable(tmp_path: Path) -> None:
    head = "date 2022-09 Oekraïne meldt dat het ".encode()
    raw = head + b"caf\xe9 weer open is."
    path = write(tmp_path / "mixed.txt", raw)
    fail = failure(read(path))
    offset = len(head) + 3
    assert fail.problem.startswith(f"undecodable bytes at offset {offset}")


def test_bytes_in_no_plausible_encoding(tmp_path: Path) -> None:
    raw = b"date 2022-09 " + bytes(range(0x80, 0x100)) * 4
    path = write(tmp_path / "garbage.txt", raw)
    assert failure(read(path)).problem == "undecodable bytes at offset 13"


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    html = (DATA / "nl_article_visible_date.html").read_text(encoding="utf-8")
    html = html.replace('charset="utf-8"', 'charset="windows-1252"')
    path = write(tmp_path / "legacy.html", html.encode("cp1252"))
    doc = only(read(path))
    assert isinstance(doc, Document) and "Oekraïense" in doc.text


# --- JSONL ---------------------------------------------------------------------------------


def test_jsonl_three_records_one_malformed(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": NL_ARTICLE, "date": "2024-10-10", "url": "https://nos.example/1",
                    "title": "Russen bereiken Toretsk", "lang": "nl"}, ensure_ascii=False),
        '{"text": "Kupiansk is again under fire", "date": "2024-10"',  # no closing brace
        json.dumps({"text": EN_ARTICLE, "date": "2024-09-27"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    first, bad, third = read(path, lang="en")
    assert isinstance(first, Document) and isinstance(third, Document)
    assert first.source == f"{path}:1" and third.source == f"{path}:3"
    assert (first.url, first.title, first.date) == (
        "https://nos.example/1", "Russen bereiken Toretsk", "2024-10-10",
    )
    assert first.lang == "nl"  # the record's own language wins over the option
    assert third.lang == "en"
    assert isinstance(bad, ReadFailure) and bad.line == 2
    assert bad.problem.startswith("malformed JSON")
    assert str(bad).startswith(f"{path}:2: malformed JSON")


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"date": "2024-10"}, "missing required field 'text'"),
        ({"text": NL_ARTICLE}, "missing required field 'date'"),
        ({"title": "Toretsk"}, "missing required fields 'text' and 'date'"),
        ({"text": "   ", "date": "2024-10"}, "field 'text' is empty"),
        ({"text": NL_ARTICLE, "date": "2022-13"}, "invalid date '2022-13'"),
        ({"text": NL_ARTICLE, "date": 20241010}, "field 'date' must be a string, not a number"),
        ({"text": NL_ARTICLE, "date": "2024-10", "url": ["x"]}, "field 'url' must be a string"),
        (["Toretsk", "2024-10"], "expected a JSON object, found a list"),
    ],
)
def test_jsonl_bad_records(tmp_path: Path, record: object, expected: str) -> None:
    good = json.dumps({"text": EN_ARTICLE, "date": "2024-09-27"})
    path = write(tmp_path / "b.ndjson", good + "\n\n" + json.dumps(record) + "\n")
    doc, fail = read(path)
    assert isinstance(doc, Document)
    assert isinstance(fail, ReadFailure) and fail.line == 3 and expected in fail.problem


def test_jsonl_timestamp_date_and_own_source(tmp_path: Path) -> None:
    record = {"text": EN_ARTICLE, "date": "2023-10-12T17:05:00+01:00", "source": "reuters-feed"}
    path = write(tmp_path / "feed.jsonl", json.dumps(record))
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert (doc.date, doc.date_precision, doc.source) == ("2023-10-12", "day", "reuters-feed")


def test_jsonl_reads_back_extract_output(tmp_path: Path) -> None:
    original = Document(text=NL_ARTICLE, date="2024-10", lang="nl", source="toretsk.txt")
    path = write(tmp_path / "out.jsonl", json.dumps(original.to_dict(), ensure_ascii=False))
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert (doc.text, doc.date, doc.lang, doc.source, doc.doc_id) == (
        original.text, original.date, "nl", "toretsk.txt", original.doc_id,
    )


# --- CSV / TSV -----------------------------------------------------------------------------


def test_csv_with_multiline_quoted_text(tmp_path: Path) -> None:
    content = (
        "date,title,text,url\n"
        '2024-10-10,Toretsk,"Russische troepen hebben Toretsk bereikt.\n\n'
        '""Er wordt bij elke ingang gevochten"", zegt een woordvoerder.",https://nos.example/t\n'
        "2024-09-27,Krasnohorivka,Ukrainian forces withdrew from Krasnohorivka.,\n"
    )
    path = write(tmp_path / "articles.csv", content)
    first, second = read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == (
        "Russische troepen hebben Toretsk bereikt.\n\n"
        '"Er wordt bij elke ingang gevochten", zegt een woordvoerder.'
    )
    assert (first.source, first.title, first.url) == (f"{path}:2", "Toretsk", "https://nos.example/t")
    assert second.source == f"{path}:5"  # the row starts after the three-line field
    assert second.url is None


def test_csv_semicolon_delimited_dutch_export(tmp_path: Path) -> None:
    content = (
        "Datum;Date;Text\n"
        "14-03-2022;2022-03-14;Marioepol ligt onder vuur, de stad is omsingeld.\n"
    )
    path = write(tmp_path / "export.csv", content)
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert doc.text == "Marioepol ligt onder vuur, de stad is omsingeld."


def test_tsv(tmp_path: Path) -> None:
    content = "text\tdate\tlang\nRussia claims the capture of Vuhledar.\t2024-10-02\ten\n"
    path = write(tmp_path / "a.tsv", content)
    doc = only(read(path))
    assert isinstance(doc, Document) and (doc.date, doc.lang) == ("2024-10-02", "en")


def test_csv_missing_required_column(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "title,body\nToretsk,Russische troepen rukken op.\n")
    fail = failure(read(path))
    assert fail.line == 1
    assert "lacks required columns 'text' and 'date'" in fail.problem
    assert "'title', 'body'" in fail.problem


def test_csv_bad_rows_do_not_stop_the_file(tmp_path: Path) -> None:
    content = (
        "text,date\n"
        "Oekraïense troepen heroveren Kivsjarivka.,2022-10-03\n"
        "Te veel velden,2022-10-03,extra\n"
        "Russische troepen trekken zich terug uit Lyman.,2022-10-01\n"
        ",2022-10-04\n"
        "Bombardement op Zaporizja.,2022-10-32\n"
        '"Gebroken "citaat,2022-10-05\n'
        "Explosie op de Krimbrug.,2022-10-08\n"
    )
    path = write(tmp_path / "rows.csv", content)
    results = read(path)
    docs = [r for r in results if isinstance(r, Document)]
    fails = {r.line: r.problem for r in results if isinstance(r, ReadFailure)}
    assert [d.source for d in docs] == [f"{path}:2", f"{path}:4", f"{path}:8"]
    assert fails[3] == "row has 3 fields, the header has 2"
    assert fails[5] == "field 'text' is empty"
    assert "invalid date '2022-10-32'" in fails[6]
    assert fails[7].startswith("malformed CSV")
    assert len(fails) == 4


# --- HTML ----------------------------------------------------------------------------------


def test_html_dutch_page_with_visible_date() -> None:
    path = DATA / "nl_article_visible_date.html"
    doc = only(read(path))
    assert isinstance(doc, Document)
    assert (doc.date, doc.date_precision) == ("2022-10-03", "day")  # "maandag 3 oktober 2022"
    assert doc.title == "Oekraïense troepen heroveren dorp bij Koepjansk"
    assert doc.url == (
        "https://www.dagbladoost.example/buitenland/oekraiense-troepen-heroveren-dorp-bij-koepjansk"
    )
    assert "Kivsjarivka ten zuiden van Koepjansk heroverd" in doc.text
    assert "Onafhankelijke bevestiging van de berichten is er niet." in doc.text
    for boilerplate in ("cookies", "Alles accepteren", "Binnenland", "Privacyverklaring",
                        "Gasprijs", "nieuwsbrief", "©"):
        assert boilerplate not in doc.text
    # paragraphs come apart with blank lines, as in the seed format
    assert "heroverd. Dat meldt" in doc.text
    assert "de rivier de Oskil.\n\nVolgens de gouverneur" in doc.text


def test_html_english_page_with_meta_date_and_og_url() -> None:
    doc = only(read(DATA / "en_article_meta_date.html", lang="en"))
    assert isinstance(doc, Document)
    assert doc.date == "2023-10-12"  # published, not modified
    assert doc.url == "https://northernledger.example/world/2023/10/12/russian-forces-press-on-avdiivka"
    assert doc.lang == "en"
    assert "launched a large assault on the eastern Ukrainian town of Avdiivka" in doc.text
    assert "privacy" not in doc.text and "All rights reserved" not in doc.text


def test_html_without_a_date_is_a_failure_even_with_a_copyright_year() -> None:
    path = DATA / "nl_no_date.html"
    assert "© 2024" in path.read_text(encoding="utf-8")
    fail = failure(read(path))
    assert str(fail) == f"{path}: no publication date found"


def test_html_dutch_month_name_found_by_the_text_search(tmp_path: Path) -> None:
    html = (DATA / "nl_article_visible_date.html").read_text(encoding="utf-8")
    html = html.replace("maandag 3 oktober 2022, 08:42", "maandag 14 maart 2022, 08:42")
    doc = only(read(write(tmp_path / "maart.html", html)))
    assert isinstance(doc, Document) and doc.date == "2022-03-14"


def test_html_month_only_date_keeps_month_precision(tmp_path: Path) -> None:
    html = (DATA / "nl_article_visible_date.html").read_text(encoding="utf-8")
    html = html.replace("maandag 3 oktober 2022, 08:42", "10/2022")
    doc = only(read(write(tmp_path / "maand.html", html)))
    assert isinstance(doc, Document)
    assert (doc.date, doc.date_precision) == ("2022-10", "month")


def test_html_without_article_text(tmp_path: Path) -> None:
    html = "<html><head><title>Leeg</title></head><body></body></html>"
    path = write(tmp_path / "leeg.html", html)
    assert failure(read(path)).problem == "no article text found in the HTML page"


# --- folders -------------------------------------------------------------------------------


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b_toretsk.txt", f"date 2024-10 {NL_ARTICLE}")
    write(root / "a_feed.jsonl", json.dumps({"text": EN_ARTICLE, "date": "2024-09-27"}))
    write(root / "2022" / "kherson.TXT", f"date 2022-11-11 {EN_ARTICLE}")
    write(root / "2022" / "rows.csv", "text,date\nLyman is heroverd.,2022-10-01\n")
    shutil.copy(DATA / "en_article_meta_date.html", root / "2022" / "page.htm")
    write(root / "README.md", "# corpus\n")
    write(root / "kaart.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(root / "LICENSE", "CC-BY")
    write(root / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(root / ".git" / "HEAD", "ref: refs/heads/main")
    write(root / ".cache" / "old.txt", f"date 2024-10 {NL_ARTICLE}")
    results = read(root)
    described = [
        (type(r).__name__, os.path.relpath(r.source.split(":")[0], root))
        for r in results
    ]
    assert described == [
        ("Skipped", ".DS_Store"),
        ("Skipped", ".cache"),
        ("Skipped", ".git"),
        ("Document", "2022/kherson.TXT"),
        ("Document", "2022/page.htm"),
        ("Document", "2022/rows.csv"),
        ("Skipped", "LICENSE"),
        ("Skipped", "README.md"),
        ("Document", "a_feed.jsonl"),
        ("Document", "b_toretsk.txt"),
        ("Skipped", "kaart.png"),
    ]
    reasons = {os.path.basename(r.source): r.reason for r in results if isinstance(r, Skipped)}
    assert reasons == {
        ".DS_Store": "hidden file",
        ".cache": "hidden folder",
        ".git": "hidden folder",
        "LICENSE": "no extension",
        "README.md": "unsupported extension '.md'",
        "kaart.png": "unsupported extension '.png'",
    }
    assert str(next(r for r in results if isinstance(r, Skipped))) == (
        f"{root}/.DS_Store: skipped, hidden file"
    )


def test_folder_sources_keep_the_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "corpus" / "nl" / "a.txt", f"date 2024-10 {NL_ARTICLE}")
    monkeypatch.chdir(tmp_path)
    doc = only(read("corpus"))
    assert isinstance(doc, Document) and doc.source == os.path.join("corpus", "nl", "a.txt")


def test_folder_symlink_loop_is_not_followed_forever(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "a.txt", f"date 2024-10 {NL_ARTICLE}")
    (root / "loop").symlink_to(root)
    results = read(root)
    assert [type(r).__name__ for r in results] == ["Document", "Skipped"]
    assert "loop" in results[1].reason


def test_failures_inside_a_folder_name_the_file(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "a.txt", "date 2022-13 Tekst.")
    write(root / "b.txt", f"date 2024-10 {NL_ARTICLE}")
    fail, doc = read(root)
    assert isinstance(fail, ReadFailure) and fail.source == str(root / "a.txt")
    assert isinstance(doc, Document)


# --- standard input and format sniffing -----------------------------------------------------


def test_stdin_seed_text() -> None:
    stdin = io.BytesIO(f"date 2024-10 {NL_ARTICLE}\n".encode())
    doc = only(read("-", stdin=stdin))
    assert isinstance(doc, Document) and doc.text == NL_ARTICLE and doc.source == "<stdin>"


def test_stdin_jsonl_is_sniffed() -> None:
    lines = [
        json.dumps({"text": NL_ARTICLE, "date": "2024-10"}),
        json.dumps({"text": EN_ARTICLE}),
    ]
    doc, fail = read("-", stdin=io.BytesIO("\n".join(lines).encode()))
    assert isinstance(doc, Document) and doc.source == "<stdin>:1"
    assert str(fail) == "<stdin>:2: missing required field 'date'"


def test_stdin_named_twice_is_read_once() -> None:
    stdin = io.BytesIO(f"date 2024-10 {NL_ARTICLE}".encode())
    doc, fail = read("-", "-", stdin=stdin)
    assert isinstance(doc, Document)
    assert isinstance(fail, ReadFailure) and "named twice" in fail.problem


def test_stdin_over_the_limit_and_empty() -> None:
    fail = failure(read("-", stdin=io.BytesIO(b"date 2024-10 " + b"x" * 100), max_bytes=50))
    assert fail.problem == "input is over the limit of 50 bytes"
    assert failure(read("-", stdin=io.BytesIO(b""))).problem == "empty input"


def test_default_format_overrides_the_sniffing() -> None:
    csv_text = "text,date\nRussia claims Vuhledar.,2024-10-02\n"
    doc = only(read("-", stdin=io.BytesIO(csv_text.encode()), default_format="csv"))
    assert isinstance(doc, Document) and doc.date == "2024-10-02"


def test_explicit_files_with_other_extensions_are_sniffed(tmp_path: Path) -> None:
    seed = write(tmp_path / "artikel.nieuws", f"date 2024-10 {NL_ARTICLE}")
    jsonl = write(tmp_path / "feed.out", json.dumps({"text": EN_ARTICLE, "date": "2024-09-27"}))
    csv_file = write(tmp_path / "export.dat", "id,text,date\n7,Lyman is heroverd.,2022-10-01\n")
    html = write(tmp_path / "pagina", (DATA / "en_article_meta_date.html").read_bytes())
    results = read(seed, jsonl, csv_file, html)
    assert all(isinstance(r, Document) for r in results), results
    assert [r.date for r in results] == ["2024-10", "2024-09-27", "2022-10-01", "2023-10-12"]
    assert results[2].source == f"{csv_file}:2"


def test_sniff_format() -> None:
    assert sniff_format('  {"text": "x"}') == "jsonl"
    assert sniff_format("<!DOCTYPE html><html>") == "html"
    assert sniff_format("Text;Date\nx;2022") == "csv"
    assert sniff_format("date\ttext\n2022\tx") == "tsv"
    assert sniff_format(" date 2022-09 Bilohorivka, Lysytsjansk en text") == "seed"


# --- results and options ---------------------------------------------------------------------


def test_failure_and_skipped_strings() -> None:
    assert str(ReadFailure("a.jsonl", 7, "malformed JSON")) == "a.jsonl:7: malformed JSON"
    assert str(ReadFailure("a.txt", None, "empty file")) == "a.txt: empty file"
    assert str(Skipped("corpus/notes.md", "unsupported extension '.md'")) == (
        "corpus/notes.md: skipped, unsupported extension '.md'"
    )


def test_options_are_validated() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        ReadOptions(default_format="xml")
    with pytest.raises(ValueError, match="max_bytes"):
        ReadOptions(max_bytes=0)


def test_a_crash_in_one_file_does_not_end_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    page = write(tmp_path / "a.html", (DATA / "en_article_meta_date.html").read_bytes())
    seed = write(tmp_path / "b.txt", f"date 2024-10 {NL_ARTICLE}")
    fail, doc = read(page, seed)
    assert str(fail) == f"{page}: unexpected error: RuntimeError: parser exploded"
    assert isinstance(doc, Document)
