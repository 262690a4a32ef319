"""``frontwatch extract PATH... [-o OUT.jsonl]``: one JSON record per document.

The record is :meth:`frontwatch.records.Document.to_dict`, the shape evaluation reads. With
``-o`` the file is written to a temporary name and renamed at the end, so an interrupted run
never leaves a half-written file behind.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from frontwatch.commands import UsageError
from frontwatch.commands._batch import add_input_arguments, run_batch
from frontwatch.records import Document


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="extract places, times and events; write JSONL",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    add_input_arguments(p)
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="output file (default: stdout)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.output or args.output == "-":
        return _extract(args, sys.stdout)
    out = Path(args.output)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    except OSError as exc:
        raise UsageError(f"{out}: cannot write output: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            code = _extract(args, fh)
        os.replace(tmp, out)
    except BaseException:
        os.unlink(tmp)
        raise
    return code


def _extract(args: argparse.Namespace, out: TextIO) -> int:
    def write(doc: Document) -> bool:
        out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        return True

    summary, _ = run_batch(args, write)
    return summary.exit_code
