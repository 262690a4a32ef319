"""Event exports: JSONL, ACLED-style CSV, GeoJSON and Parquet.

Every writer takes the event dicts :meth:`frontwatch.store.Store.events` yields
(``Event.to_dict()`` plus ``doc_id``, ``source``, ``url``, ``lang``, ``doc_date``).

**JSONL**: one event dict per line, UTF-8, unchanged.

**CSV**: ACLED's columns first, in ACLED's order, so that ACLED tooling and habits carry over;
then ours. The mapping (vocabulary in ``data/acled.toml``):

- ``event_date``: the event's time (its document's date when it has none) as one ISO day when
  it is known to the day, else as the ISO 8601 interval ``earliest/latest``
  ("2022-09-01/2022-09-30"): we never invent a day the text does not give.
- ``time_precision``: 1 for a day, 2 for a week or month, 3 for a season or year (ACLED's 1/2/3).
- ``event_type`` / ``sub_event_type``: from our type. ``territory.capture`` is "Battles" /
  "Non-state actor overtakes territory" (ACLED codes a foreign state's forces taking
  territory so), or "Government regains territory" when the actor is the military or
  government of the country the place lies in; ``territory.withdrawal`` is "Strategic
  developments" / "Non-violent transfer of territory"; ``territory.advance`` and ``combat``
  are "Battles" / "Armed clash"; ``strike`` is "Explosions/Remote violence" /
  "Shelling/artillery/missile attack"; ``aid``, ``diplomacy``, ``political`` are "Strategic
  developments" / "Other". Our own type follows in parentheses in ``sub_event_type``:
  "Armed clash (combat)", so no information is lost.
- ``actor1`` / ``actor2``: actor and target, readable: "Military Forces of Russia (RUS)",
  "Wagner Group - Military Forces of Russia (RUS)", "NATO (International Organisation)".
- ``country``: English name of the place's country ("Ukraine"), the code when unknown.
- ``admin1``, ``location`` (the gazetteer name, else the place as written), ``latitude``,
  ``longitude``: from the place.
- ``geo_precision``: 1 for a populated place or other point (PPL*, AIRB, ...), 2 for a
  district (ADM2..ADM5), 3 for an oblast or larger (ADM1, PCL*, RGN); empty when the place has
  no coordinates or no feature code.
- ``source``: the document's source and URL, "; "-separated.
- ``notes``: the evidence text. ``fatalities``: the number when stated, EMPTY when not (ACLED
  writes 0; we do not turn "not stated" into "none").

then ``claimant`` (readable like the actors), ``status``, ``modality``, ``evidence`` (the
evidence offsets "start-end;start-end" into the document text), ``doc_id``, ``event_id``.

**GeoJSON**: a FeatureCollection of Points, one per event whose place has coordinates;
properties are the flattened fields below (:func:`flatten_event`). Events without coordinates
are left out and counted.

**Parquet**: the flattened fields with an explicit Arrow schema (:data:`PARQUET_SCHEMA`):
time bounds as ``date32``, evidence as a list of structs.

Files are written atomically (:func:`atomic_path`): to a temporary file in the target's
folder, then renamed over it, so a failed export never leaves a half-written file.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
import tomllib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from frontwatch.records import date_interval, parse_document_date

FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson", "parquet")
# Suffixes from which `frontwatch export -o FILE` infers the format.
FORMAT_BY_SUFFIX: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".geojson": "geojson",
    ".parquet": "parquet",
    ".pq": "parquet",
}

ACLED_COLUMNS: tuple[str, ...] = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
OWN_COLUMNS: tuple[str, ...] = ("claimant", "status", "modality", "evidence", "doc_id", "event_id")
CSV_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + OWN_COLUMNS


class ExportError(ValueError):
    """An export cannot be written as asked (e.g. parquet to stdout)."""


# -- reference data --------------------------------------------------------------------------


@cache
def _acled() -> dict[str, Any]:
    text = resources.files("frontwatch").joinpath("data", "acled.toml").read_text("utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True, slots=True)
class _Countries:
    name_by_iso2: dict[str, str]
    name_by_iso3: dict[str, str]
    iso2_by_iso3: dict[str, str]


@cache
def _countries() -> _Countries:
    """The table of ``data/country_codes.tsv`` (iso2, iso3, English name)."""
    text = resources.files("frontwatch").joinpath("data", "country_codes.tsv").read_text("utf-8")
    table = _Countries({}, {}, {})
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:  # after the header
        iso2, iso3, name = line.split("\t")
        table.name_by_iso2[iso2] = name
        table.name_by_iso3[iso3] = name
        table.iso2_by_iso3[iso3] = iso2
    return table


def country_name(code: str | None) -> str:
    """English name of an ISO 3166-1 alpha-2 or alpha-3 code; the code itself if unknown."""
    if not code:
        return ""
    table = _countries()
    names = table.name_by_iso2 if len(code) == 2 else table.name_by_iso3
    return names.get(code.upper(), code)


# -- ACLED-style fields ----------------------------------------------------------------------


def describe_actor(actor: dict[str, Any] | None) -> str:
    """An actor dict as ACLED-style text: "Military Forces of Russia (RUS)"; "" for None."""
    if not actor:
        return ""
    roles: dict[str, str] = _acled()["roles"]
    role = actor.get("role") or "unknown"
    label = roles.get(role, role)
    country, name = actor.get("country"), actor.get("name")
    if country:
        base = f"{label} of {country_name(country)} ({country})"
        return f"{name} - {base}" if name else base
    return f"{name} ({label})" if name else label


def event_interval(event: dict[str, Any]) -> tuple[str, str]:
    """The (earliest, latest) ISO days of the event's time, else of its document's date."""
    time = event.get("time")
    if time:
        return time["earliest"], time["latest"]
    if event.get("doc_date"):
        first, last = date_interval(event["doc_date"])
        return first.isoformat(), last.isoformat()
    return "", ""


def event_date(event: dict[str, Any]) -> str:
    """One ISO day when the event is dated to the day, else the ISO interval "earliest/latest"."""
    earliest, latest = event_interval(event)
    return earliest if earliest == latest else f"{earliest}/{latest}"


def time_precision(event: dict[str, Any]) -> int | None:
    """ACLED's 1 (day), 2 (week, month), 3 (season, year) for the event's time."""
    table: dict[str, int] = _acled()["time_precision"]
    time = event.get("time")
    if time:
        return table.get(time.get("granularity") or "")
    if event.get("doc_date"):
        return table.get(parse_document_date(event["doc_date"])[1])
    return None


def acled_types(event: dict[str, Any]) -> tuple[str, str]:
    """(event_type, sub_event_type) for our type; our type follows in parentheses."""
    types: dict[str, dict[str, str]] = _acled()["types"]
    our_type = event.get("type") or ""
    entry = types.get(our_type, types["default"])
    sub = entry["sub_event_type"]
    home = entry.get("home_state_sub_event_type")
    actor, place = event.get("actor") or {}, event.get("place") or {}
    if (
        home
        and actor.get("role") in _acled()["state_roles"]
        and actor.get("country")
        and place.get("country")
        and _countries().iso2_by_iso3.get(actor["country"].upper()) == place["country"].upper()
    ):
        sub = home
    return entry["event_type"], f"{sub} ({our_type})"


def geo_precision(place: dict[str, Any] | None) -> int | None:
    """ACLED-like 1 (point), 2 (district), 3 (oblast or larger); None without coordinates."""
    if not place or place.get("lat") is None or place.get("lon") is None:
        return None
    feature = place.get("feature")
    if not feature:
        return None
    table: dict[str, int] = _acled()["geo_precision"]
    prefixes = sorted((k for k in table if k != "default"), key=len, reverse=True)
    match = next((p for p in prefixes if feature.upper().startswith(p)), None)
    return table[match] if match else table["default"]


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of one event, keyed by :data:`CSV_COLUMNS` (None for an empty cell)."""
    place = event.get("place") or {}
    event_type, sub_event_type = acled_types(event)
    evidence = event.get("evidence") or []
    return {
        "event_date": event_date(event),
        "time_precision": time_precision(event),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": describe_actor(event.get("actor")),
        "actor2": describe_actor(event.get("target")),
        "country": country_name(place.get("country")),
        "admin1": place.get("admin1"),
        "location": place.get("name") or place.get("surface"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": geo_precision(place),
        "source": "; ".join(s for s in (event.get("source"), event.get("url")) if s),
        "notes": " ".join(e["text"] for e in evidence),
        "fatalities": event.get("fatalities"),
        "claimant": describe_actor(event.get("claimant")),
        "status": event.get("status"),
        "modality": event.get("modality"),
        "evidence": ";".join(f"{e['start']}-{e['end']}" for e in evidence),
        "doc_id": event.get("doc_id"),
        "event_id": event.get("event_id"),
    }


# -- flat fields (GeoJSON properties, Parquet columns) ----------------------------------------


def _flat_actor(prefix: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    actor = actor or {}
    return {
        f"{prefix}_country": actor.get("country"),
        f"{prefix}_role": actor.get("role"),
        f"{prefix}_name": actor.get("name"),
    }


def flatten_event(event: dict[str, Any]) -> dict[str, Any]:
    """One level of fields: ``place_lat``, ``actor_country``, ... (keys of PARQUET_SCHEMA)."""
    place = event.get("place") or {}
    time = event.get("time") or {}
    amount = event.get("amount") or {}
    evidence = [
        {"start": e["start"], "end": e["end"], "text": e["text"]}
        for e in event.get("evidence") or []
    ]
    return {
        "event_id": event.get("event_id"),
        "doc_id": event.get("doc_id"),
        "type": event.get("type"),
        "status": event.get("status"),
        "modality": event.get("modality"),
        "confidence": event.get("confidence"),
        "rule": event.get("rule"),
        **_flat_actor("actor", event.get("actor")),
        **_flat_actor("target", event.get("target")),
        **_flat_actor("claimant", event.get("claimant")),
        "place_surface": place.get("surface"),
        "place_geonameid": place.get("geonameid"),
        "place_name": place.get("name"),
        "place_feature": place.get("feature"),
        "place_admin1": place.get("admin1"),
        "place_country": place.get("country"),
        "place_lat": place.get("lat"),
        "place_lon": place.get("lon"),
        "place_confidence": place.get("confidence"),
        "time_surface": time.get("surface"),
        "time_value": time.get("value"),
        "time_earliest": time.get("earliest"),
        "time_latest": time.get("latest"),
        "time_granularity": time.get("granularity"),
        "time_anchor": time.get("anchor"),
        "fatalities": event.get("fatalities"),
        "injured": event.get("injured"),
        "amount_value": amount.get("value"),
        "amount_currency": amount.get("currency"),
        "evidence_text": " ".join(e["text"] for e in evidence),
        "evidence": evidence,
        "source": event.get("source"),
        "url": event.get("url"),
        "lang": event.get("lang"),
        "doc_date": event.get("doc_date"),
    }


@cache
def parquet_schema() -> Any:
    """The explicit Arrow schema of the Parquet export (pyarrow is imported only when needed)."""
    import pyarrow as pa

    actor_fields = [
        pa.field(f"{who}_{part}", pa.string())
        for who in ("actor", "target", "claimant")
        for part in ("country", "role", "name")
    ]
    evidence_type = pa.list_(
        pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    )
    return pa.schema(
        [
            pa.field("event_id", pa.string(), nullable=False),
            pa.field("doc_id", pa.string(), nullable=False),
            pa.field("type", pa.string(), nullable=False),
            ("status", pa.string()),
            ("modality", pa.string()),
            ("confidence", pa.float64()),
            ("rule", pa.string()),
            *actor_fields,
            ("place_surface", pa.string()),
            ("place_geonameid", pa.int64()),
            ("place_name", pa.string()),
            ("place_feature", pa.string()),
            ("place_admin1", pa.string()),
            ("place_country", pa.string()),
            ("place_lat", pa.float64()),
            ("place_lon", pa.float64()),
            ("place_confidence", pa.float64()),
            ("time_surface", pa.string()),
            ("time_value", pa.string()),
            ("time_earliest", pa.date32()),
            ("time_latest", pa.date32()),
            ("time_granularity", pa.string()),
            ("time_anchor", pa.string()),
            ("fatalities", pa.int64()),
            ("injured", pa.int64()),
            ("amount_value", pa.float64()),
            ("amount_currency", pa.string()),
            ("evidence_text", pa.string()),
            ("evidence", evidence_type),
            ("source", pa.string()),
            ("url", pa.string()),
            ("lang", pa.string()),
            ("doc_date", pa.string()),
        ],
        metadata={"frontwatch.records": "events", "frontwatch.schema_version": "1"},
    )


# -- writers --------------------------------------------------------------------------------


@dataclass(slots=True)
class ExportResult:
    """What an export wrote: ``written`` events, ``skipped`` ones (GeoJSON: no coordinates)."""

    written: int = 0
    skipped: int = 0


def write_jsonl(events: Iterable[dict[str, Any]], out: TextIO) -> ExportResult:
    result = ExportResult()
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        result.written += 1
    return result


def write_csv(events: Iterable[dict[str, Any]], out: TextIO) -> ExportResult:
    """ACLED-style CSV (see the module docstring); ``out`` should be opened with newline=""."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    result = ExportResult()
    for event in events:
        writer.writerow(acled_row(event))
        result.written += 1
    return result


def write_geojson(events: Iterable[dict[str, Any]], out: TextIO) -> ExportResult:
    """A FeatureCollection of Points, streamed one feature per line."""
    result = ExportResult()
    out.write('{"type": "FeatureCollection", "features": [\n')
    for event in events:
        place = event.get("place") or {}
        lat, lon = place.get("lat"), place.get("lon")
        if lat is None or lon is None:
            result.skipped += 1
            continue
        feature = {
            "type": "Feature",
            "id": event.get("event_id"),
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": flatten_event(event),
        }
        if result.written:
            out.write(",\n")
        out.write(json.dumps(feature, ensure_ascii=False))
        result.written += 1
    out.write("\n]}\n")
    return result


def _to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def write_parquet(
    events: Iterable[dict[str, Any]], path: str | Path, batch_size: int = 10_000
) -> ExportResult:
    """Parquet with :func:`parquet_schema`, written in row groups of ``batch_size`` events."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    result = ExportResult()
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            result.written += len(batch)
            batch.clear()

        for event in events:
            row = flatten_event(event)
            row["time_earliest"] = _to_date(row["time_earliest"])
            row["time_latest"] = _to_date(row["time_latest"])
            batch.append(row)
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        if not result.written:
            writer.write_table(schema.empty_table())
    return result


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path beside ``target`` that replaces it only if the block succeeds.

    The file keeps the permissions ``target`` had (or the umask's default for a new file);
    if the block raises, the temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def export_events(
    events: Iterable[dict[str, Any]],
    fmt: str,
    output: str | Path | None = None,
    stdout: TextIO | None = None,
) -> ExportResult:
    """Write ``events`` as ``fmt`` to the file ``output`` (atomically), or to ``stdout``.

    Parquet needs a file: :class:`ExportError` without one.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if output is None or str(output) == "-":
        if fmt == "parquet":
            raise ExportError("parquet is binary: give an output file with -o FILE")
        if stdout is None:
            raise ExportError("no output file and no stream to write to")
        return _write_text(fmt, events, stdout)
    with atomic_path(output) as tmp:
        if fmt == "parquet":
            return write_parquet(events, tmp)
        with tmp.open("w", encoding="utf-8", newline="") as out:
            return _write_text(fmt, events, out)


def _write_text(fmt: str, events: Iterable[dict[str, Any]], out: TextIO) -> ExportResult:
    writers = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}
    return writers[fmt](events, out)


__all__ = [
    "ACLED_COLUMNS",
    "CSV_COLUMNS",
    "FORMATS",
    "FORMAT_BY_SUFFIX",
    "OWN_COLUMNS",
    "ExportError",
    "ExportResult",
    "acled_row",
    "acled_types",
    "atomic_path",
    "country_name",
    "describe_actor",
    "event_date",
    "event_interval",
    "export_events",
    "flatten_event",
    "geo_precision",
    "parquet_schema",
    "time_precision",
    "write_csv",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
]
