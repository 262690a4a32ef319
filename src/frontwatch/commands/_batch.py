"""Running the pipeline over a batch of inputs, shared by ``extract`` and ``ingest``.

Bad input never stops a batch: every failure is one line on stderr naming the file (and line)
and the problem, the rest goes on, a summary counts what was read, skipped and failed, and the
exit code is 1 when anything failed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

from frontwatch.commands import EXIT_INPUT_FAILED, EXIT_OK, whole_number
from frontwatch.pipeline import DEFAULT_BATCH_SIZE, Pipeline, load_pipeline
from frontwatch.readers import ReadFailure, ReadOptions, Skipped, iter_inputs
from frontwatch.records import Document

log = logging.getLogger("frontwatch")

# A batch (DEFAULT_BATCH_SIZE documents by default) also closes at this many characters of
# text: a few long documents make one, and memory stays small.
_BATCH_CHARS = 2_000_000


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="seed-format .txt, .jsonl, .csv, .html files, folders (recursive), or - for stdin",
    )
    parser.add_argument("--lang", help="language of every input (ISO 639-1); default: detected")
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=5_000_000,
        metavar="N",
        help="refuse files larger than N bytes (default: 5000000)",
    )
    parser.add_argument(
        "--config", metavar="TOML", help="pipeline configuration (default: the built-in one)"
    )
    parser.add_argument(
        "--batch-size",
        type=whole_number(1),
        default=DEFAULT_BATCH_SIZE,
        metavar="N",
        help="documents each pipeline component reads in turn (default: "
        f"{DEFAULT_BATCH_SIZE}; 1 runs each document through the whole pipeline alone)",
    )


@dataclass
class BatchSummary:
    read: int = 0
    skipped: int = 0
    failed: int = 0

    def line(self, verb: str = "read") -> str:
        return f"{self.read} documents {verb}, {self.skipped} skipped, {self.failed} failed"

    @property
    def exit_code(self) -> int:
        return EXIT_INPUT_FAILED if self.failed else EXIT_OK


def report_failure(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def run_batch(
    args: argparse.Namespace,
    handle: Callable[[Document], bool],
    *,
    verb: str = "read",
) -> tuple[BatchSummary, Pipeline]:
    """Read ``args.paths``, run the pipeline on each document and pass it to ``handle``.

    Documents go through the pipeline ``args.batch_size`` at a time (see
    :meth:`Pipeline.run_batch`); ``handle`` and the reports still come in input order.
    ``handle`` returns False when it skipped the document (e.g. already stored). Exceptions a
    single document raises are reported and counted as failures; the batch goes on.
    """
    summary = BatchSummary()
    pipeline = load_pipeline(args.config)  # a PipelineError here is a usage error (exit 2)
    options = ReadOptions(max_bytes=args.max_bytes, lang=args.lang)
    with pipeline.batch(), _progress(quiet=args.quiet) as advance:
        pending: list[Document | ReadFailure | Skipped] = []
        docs = chars = 0
        for item in iter_inputs(args.paths, options):
            pending.append(item)
            if isinstance(item, Document):
                docs += 1
                chars += len(item.text)
                if docs >= args.batch_size or chars >= _BATCH_CHARS:
                    _finish(pending, pipeline, handle, summary, advance)
                    pending, docs, chars = [], 0, 0
        _finish(pending, pipeline, handle, summary, advance)
    if not args.quiet:
        print(summary.line(verb), file=sys.stderr)
    return summary, pipeline


def _finish(
    items: list[Document | ReadFailure | Skipped],
    pipeline: Pipeline,
    handle: Callable[[Document], bool],
    summary: BatchSummary,
    advance: Callable[[], None],
) -> None:
    """Run the documents among ``items`` through the pipeline together, then report and
    hand on every item in order."""
    results = iter(pipeline.run_batch([item for item in items if isinstance(item, Document)]))
    for item in items:
        if isinstance(item, ReadFailure):
            report_failure(str(item))
            summary.failed += 1
        elif isinstance(item, Skipped):
            log.info("skipped %s: %s", item.source, item.reason)
            summary.skipped += 1
        else:
            result = next(results)
            try:
                if isinstance(result, Exception):
                    raise result
                kept = handle(result)
            except Exception as exc:  # one bad document must not end the batch
                log.debug("failure on %s", item.source, exc_info=True)
                report_failure(f"{item.source}: {type(exc).__name__}: {exc}")
                summary.failed += 1
            else:
                if kept:
                    summary.read += 1
                else:
                    summary.skipped += 1
        advance()


class _progress:
    """A rich progress counter on stderr when it is a terminal; nothing otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self._progress = None

    def __enter__(self) -> Callable[[], None]:
        if not self.enabled:
            return lambda: None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.completed} documents"),
            TimeElapsedColumn(),
            transient=True,
        )
        self._progress.start()
        task = self._progress.add_task("documents", total=None)
        progress = self._progress
        return lambda: progress.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
