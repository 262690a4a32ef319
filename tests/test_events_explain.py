"""``frontwatch explain``: sentences with their events, arguments and rules."""

from __future__ import annotations

import io
import json

from frontwatch.cli import main
from frontwatch.commands.explain import explain_document, sentence_records
from frontwatch.events import EventExtractor
from frontwatch.records import Document, PlaceMention, Span

TEXT = (
    "AFP Russische troepen nemen Vuhledar in\n"
    "Oekraïense troepen hebben zich teruggetrokken uit Vuhledar, meldt het leger."
)


def processed() -> Document:
    doc = Document(text=TEXT, date="2024-10-02", lang="nl", source="test")
    first = TEXT.index("\n")
    doc.sentences = [Span(0, first, "caption"), Span(first + 1, len(TEXT), "sentence")]
    for start in (TEXT.index("Vuhledar"), TEXT.rindex("Vuhledar")):
        doc.places.append(
            PlaceMention(start, start + 8, "Vuhledar", 690823, "Vuhledar", "PPLA3", None, "UA")
        )
    return EventExtractor()(doc)


def test_explain_prints_each_sentence_with_its_events_and_rule():
    out = io.StringIO()
    explain_document(processed(), out, mentions=True)
    text = out.getvalue()
    assert "(caption, boilerplate: never events)" in text
    assert "territory.withdrawal" in text
    assert "actor UKR/military" in text
    assert "rule  withdrawal." in text
    assert "place 'Vuhledar' -> Vuhledar" in text
    # the caption's place is listed, but it carries no event
    caption_part = text.split("[1]")[0]
    assert "place 'Vuhledar'" in caption_part and "  -> territory" not in caption_part


def test_sentence_records_attach_events_to_their_first_sentence():
    records = sentence_records(processed())
    assert [r["kind"] for r in records] == ["caption", "sentence"]
    assert records[0]["events"] == []
    [event] = records[1]["events"]
    assert event["type"] == "territory.withdrawal" and event["rule"]
    json.dumps(records)  # JSON-ready


def test_explain_command_reports_unreadable_input(tmp_path, capsys):
    bad = tmp_path / "no-date.txt"
    bad.write_text("Geen datumkop hier.", encoding="utf-8")
    code = main(["-q", "explain", str(bad)])
    assert code == 1
    assert "no-date.txt" in capsys.readouterr().err


def test_explain_says_why_a_trigger_word_gave_no_event(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(
        " date 2024-03-12 Het leger wil de stad innemen als de aanvoer het toelaat.\n",
        encoding="utf-8",
    )
    assert main(["explain", str(article)]) == 0
    out = capsys.readouterr().out
    assert "x  'innemen' (capture.innemen): no event" in out


def test_explain_json_lists_rejected_trigger_words(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(
        " date 2024-03-12 Het leger wil de stad innemen als de aanvoer het toelaat.\n",
        encoding="utf-8",
    )
    assert main(["explain", "--json", str(article)]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["events"] == []
    assert [(r["trigger"], r["rule"]) for r in record["rejected"]] == [
        ("innemen", "capture.innemen")
    ]
