"""``frontwatch places FILE|-``: the place mentions of articles, as a table.

For people checking what the gazetteer makes of a text: every mention with the entry it was
resolved to, its confidence, and unresolved mentions too. Input is what ``extract`` reads
(seed-format text with its `` date YYYY-MM `` header, JSONL, CSV, HTML, folders, ``-`` for
stdin); plain text without a date header is accepted as well. Only language identification and
the places component run.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from frontwatch.commands import EXIT_INPUT_FAILED, EXIT_OK, UsageError
from frontwatch.commands._batch import add_input_arguments
from frontwatch.pipeline import Pipeline, PipelineError, default_config, load_config
from frontwatch.readers import ReadFailure, ReadOptions, Skipped, iter_inputs
from frontwatch.records import Document


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "places",
        help="list the place mentions of articles as a table",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    add_input_arguments(p)
    p.add_argument("--json", action="store_true", help="one JSON object per document instead")
    p.set_defaults(func=run)


def _pipeline(config_path: str | None) -> Pipeline:
    try:
        config = load_config(config_path) if config_path else default_config()
        settings = config.get("components", {})
        return Pipeline.from_config(
            {
                "pipeline": {"components": ["language", "places"]},
                "components": {k: settings[k] for k in ("language", "places") if k in settings},
            }
        )
    except PipelineError as exc:
        raise UsageError(str(exc)) from None


def _plain_text(source: str, max_bytes: int) -> Document | None:
    """A file (or stdin) without a date header, read as plain text dated today."""
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError:
        return None
    if not data.strip() or len(data) > max_bytes:
        return None
    text = data.decode("utf-8", errors="replace")
    return Document(text=text, date=date.today().isoformat(), source=source)


def run(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args.config)
    options = ReadOptions(max_bytes=args.max_bytes, lang=args.lang)
    failed = 0
    stdin_text: Document | None = None
    for given in args.paths:
        if given == "-":
            # stdin can be read once: take it whole and decide on its format ourselves.
            stdin_text = _plain_text("-", args.max_bytes)
            if stdin_text is None:
                print("error: -: no text on standard input", file=sys.stderr)
                failed += 1
                continue
            from frontwatch.readers import parse_seed_text

            parsed = parse_seed_text(stdin_text.text, "-", args.lang)
            doc = parsed if isinstance(parsed, Document) else stdin_text
            if args.lang:
                doc.lang = args.lang
            _show(pipeline(doc), args.json)
            continue
        for item in iter_inputs([given], options):
            if isinstance(item, Skipped):
                continue
            if isinstance(item, ReadFailure):
                doc = _plain_text(given, args.max_bytes) if "date" in item.problem else None
                if doc is None:
                    print(f"error: {item}", file=sys.stderr)
                    failed += 1
                    continue
                if args.lang:
                    doc.lang = args.lang
                item = doc
            _show(pipeline(item), args.json)
    return EXIT_INPUT_FAILED if failed else EXIT_OK


def _show(doc: Document, as_json: bool) -> None:
    if as_json:
        print(
            json.dumps(
                {
                    "source": doc.source,
                    "lang": doc.lang,
                    "places": [p.to_dict() for p in doc.places],
                },
                ensure_ascii=False,
            )
        )
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"{doc.source or 'text'} ({doc.lang or '?'}): {len(doc.places)} mentions",
        title_justify="left",
    )
    for col in (
        "start",
        "end",
        "surface",
        "geonameid",
        "name",
        "feature",
        "admin1",
        "country",
        "lat",
        "lon",
        "conf",
    ):
        table.add_column(
            col, justify="right" if col in ("start", "end", "lat", "lon", "conf") else "left"
        )
    for p in doc.places:
        table.add_row(
            str(p.start),
            str(p.end),
            p.surface,
            str(p.geonameid or "-"),
            p.name or "-",
            p.feature or "-",
            p.admin1 or "-",
            p.country or "-",
            f"{p.lat:.4f}" if p.lat is not None else "-",
            f"{p.lon:.4f}" if p.lon is not None else "-",
            f"{p.confidence:.2f}",
        )
    Console(width=max(120, Console().width)).print(table)
