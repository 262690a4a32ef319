"""The SCHEMA records: dates, ids and the JSON round trip."""

from datetime import date

import pytest

from frontwatch.records import (
    Actor,
    Document,
    Event,
    Evidence,
    PlaceMention,
    RecordError,
    Span,
    TimeMention,
    date_interval,
    make_doc_id,
    parse_document_date,
)


@pytest.mark.parametrize(
    ("value", "precision", "interval"),
    [
        ("2022-09", "month", (date(2022, 9, 1), date(2022, 9, 30))),
        ("2024-02", "month", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2014-03-18", "day", (date(2014, 3, 18), date(2014, 3, 18))),
        ("2023", "year", (date(2023, 1, 1), date(2023, 12, 31))),
    ],
)
def test_document_dates_keep_their_precision(value, precision, interval) -> None:
    assert parse_document_date(value) == (value, precision)
    assert date_interval(value) == interval


@pytest.mark.parametrize("value", ["2022-13", "2022-02-30", "22-09", "september 2022", ""])
def test_invalid_dates_are_refused(value) -> None:
    with pytest.raises(RecordError, match="invalid date"):
        Document(text="Tekst.", date=value)


def test_doc_id_ignores_layout_noise_but_not_content() -> None:
    a = make_doc_id("Kyiv werd beschoten.\r\nTwee doden.")
    assert a == make_doc_id("  Kyiv werd  beschoten.\nTwee doden.  ")
    assert a != make_doc_id("Kyiv werd beschoten.\nDrie doden.")
    assert Document(text="Kyiv werd beschoten.", date="2024-10").doc_id == make_doc_id(
        "Kyiv werd beschoten."
    )


def test_document_round_trips_through_its_dict() -> None:
    text = "Russische troepen hebben Avdiivka ingenomen, meldt Moskou."
    place = PlaceMention(
        25, 33, "Avdiivka", 712451, "Avdiivka", "PPLA3", "Donetsk", "UA", 48.14, 37.74, 0.9
    )
    time = TimeMention(0, 0, "", "2024-02-17", "2024-02-17", "2024-02-17", "day", id="t1")
    event = Event(
        event_id="x:0",
        type="territory.capture",
        actor=Actor("RUS", "military"),
        target=Actor("UKR"),
        place=place,
        time=time,
        claimant=Actor("RUS", "government"),
        status="claimed",
        evidence=[Evidence(0, len(text), text)],
        confidence=0.8,
    )
    doc = Document(text=text, date="2024-02-17", lang="nl", source="a.txt")
    doc.sentences = [Span(0, len(text))]
    doc.places, doc.times, doc.events = [place], [time], [event]
    data = doc.to_dict()
    assert list(data) == [
        "source",
        "doc_id",
        "date",
        "date_precision",
        "lang",
        "title",
        "url",
        "text",
        "sentences",
        "places",
        "times",
        "events",
    ]
    assert data["events"][0]["actor"] == {"country": "RUS", "role": "military"}
    assert Document.from_dict(data).to_dict() == data


# Classes whose ``__init__`` is their own, not the generated one written out: the places'
# _Context derives its points' indexes and sentences, the times' _Context its sentence starts
# (and starts with no mention found).
_OWN_INITS = {"frontwatch.places.resolve._Context", "frontwatch.times.engine._Context"}


def _written_out_records() -> list[type]:
    """The records of the package that spell their ``__init__`` out (``init=False``)."""
    import importlib
    import pkgutil
    from dataclasses import is_dataclass

    import frontwatch

    found = []
    for info in pkgutil.walk_packages(frontwatch.__path__, "frontwatch."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra (the API's web server) not installed
            continue
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and obj.__module__ == info.name
                and is_dataclass(obj)
                and not obj.__dataclass_params__.init  # type: ignore[attr-defined]
                and f"{info.name}.{obj.__name__}" not in _OWN_INITS
            ):
                found.append(obj)
    return found


@pytest.mark.parametrize("record", _written_out_records(), ids=lambda r: r.__name__)
def test_written_out_inits_take_and_keep_every_field(record) -> None:
    """The hot records spell their ``__init__`` out (for the compiled build): it must take the
    fields, in their order, as the generated one did (``from_dict`` and ``replace`` rely on it),
    and keep each value it is given."""
    import inspect
    from dataclasses import fields

    from frontwatch.compiled import compiled_modules

    if record.__module__ in compiled_modules():
        pytest.skip("a compiled __init__ has no signature to read, and checks its types")
    params = list(inspect.signature(record.__init__).parameters)[1:]
    assert params == [f.name for f in fields(record)]
    values = {name: object() for name in params}
    made = record(**values)
    assert [name for name, value in values.items() if getattr(made, name) is not value] == []


def test_every_written_out_record_is_checked() -> None:
    assert {r.__name__ for r in _written_out_records()} >= {
        "Span",
        "Event",
        "PlaceRef",
        "SentenceAnalysis",
        "Candidate",
        "Token",
        "Remembered",
    }
