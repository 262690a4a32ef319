"""Subcommands of the ``frontwatch`` CLI, one module each.

Every module defines ``add_parser(subparsers)`` (which must set ``func=run`` on its parser) and
``run(args) -> int`` returning the exit code. :mod:`frontwatch.cli` lists the modules.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

EXIT_OK = 0  # everything went well
EXIT_INPUT_FAILED = 1  # some input failed; the rest was processed
EXIT_USAGE = 2  # bad arguments or configuration; nothing was done


class UsageError(Exception):
    """Bad arguments, configuration or output path: reported in one line, exit code 2."""


def whole_number(least: int) -> Callable[[str], int]:
    """An argparse ``type``: a whole number of at least ``least``, else a clear error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"must be at least {least}, not {value}")
        return value

    return parse
