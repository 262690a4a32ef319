"""``frontwatch ingest PATH... [--db PATH]``: extract and store, one transaction per document.

A document whose text is already stored (same ``doc_id``) is skipped: ingesting twice stores
once.
"""

from __future__ import annotations

import argparse

from frontwatch.commands import UsageError
from frontwatch.commands._batch import add_input_arguments, run_batch
from frontwatch.store import Store, StoreError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="extract and store documents in the SQLite database")
    add_input_arguments(p)
    p.add_argument("--db", default="frontwatch.db", help="database file (default: frontwatch.db)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        store = Store(args.db)
    except StoreError as exc:  # unreadable file, a newer schema, a failed migration
        raise UsageError(f"{args.db}: {exc}") from None
    with store:
        summary, _ = run_batch(args, store.add, verb="stored")
    return summary.exit_code
