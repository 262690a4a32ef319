"""The ``frontwatch`` command: a thin dispatcher over :mod:`frontwatch.commands`.

Exit codes: 0 all went well, 1 some input failed (the rest was processed), 2 usage or
configuration error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from frontwatch import __version__
from frontwatch.commands import EXIT_OK, EXIT_USAGE, UsageError
from frontwatch.pipeline import PipelineError

# Subcommand modules under frontwatch.commands, in the order `--help` lists them.
COMMANDS: tuple[str, ...] = (
    "extract",
    "ingest",
    "events",
    "export",
    "control",
    "changes",
    "front",
    "places",
    "gazetteer",
    "evaluate",
    "explain",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontwatch",
        description="Turn dated news articles into an auditable record of an armed conflict.",
    )
    parser.add_argument("--version", action="version", version=f"frontwatch {__version__}")
    _add_global_flags(parser, default=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"frontwatch.commands.{name}").add_parser(sub)
    # The global flags also work after the subcommand ("frontwatch extract - --quiet");
    # SUPPRESS keeps a subcommand from resetting a flag given before it.
    for subparser in sub.choices.values():
        _add_global_flags(subparser, default=argparse.SUPPRESS)
    return parser


def _add_global_flags(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=default,
        help="only errors; no progress bar or summary",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", default=default, help="debug logging"
    )


def configure_logging(quiet: bool, verbose: bool) -> None:
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", force=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.quiet, args.verbose)
    try:
        return int(args.func(args))
    except (UsageError, PipelineError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `frontwatch events | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
