"""``frontwatch eval GOLD.json``: run the pipeline over a gold file's documents and score it.

Prints precision, recall and F1 of places, times and events (overall, all ``territory.*``
together and per event type), and the accuracy of status, claimant, modality and fatalities on
matched events; ``--details`` lists every miss and false positive with the reason, ``--json``
prints the same as one JSON object. The matching rules are documented in
:mod:`frontwatch.evaluate`.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from frontwatch.commands import EXIT_INPUT_FAILED, EXIT_OK, UsageError


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "eval",
        help="score the pipeline against a gold annotation",
        description=(
            "Run the pipeline over the documents of a gold file (paths relative to it) and "
            "print precision, recall and F1 of places, times and events, plus the accuracy "
            "of status, claimant, modality and fatalities on matched events."
        ),
    )
    parser.add_argument("gold", metavar="GOLD.json", help="gold annotation file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--details", action="store_true", help="list every miss and false positive, with why"
    )
    parser.add_argument(
        "--config", metavar="PIPELINE.toml", help="pipeline configuration (default: built-in)"
    )
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    # Imported here so `frontwatch --help` does not load the pipeline machinery.
    from frontwatch.evaluate import GoldFormatError, evaluate
    from frontwatch.pipeline import load_pipeline

    pipeline = load_pipeline(args.config)  # a PipelineError is reported by the CLI (exit 2)
    try:
        report = evaluate(args.gold, pipeline)
    except GoldFormatError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        json.dump(report.to_dict(details=args.details), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(report.format_text(details=args.details))
    for failure in report.failures:
        print(f"frontwatch eval: {failure.file}: {failure.error}", file=sys.stderr)
    return EXIT_INPUT_FAILED if report.failures else EXIT_OK
