"""Subcommands of the ``frontwatch`` CLI, one module each.

Every module defines ``add_parser(subparsers)`` (which must set ``func=run`` on its parser) and
``run(args) -> int`` returning the exit code. :mod:`frontwatch.cli` lists the modules.
"""

EXIT_OK = 0  # everything went well
EXIT_INPUT_FAILED = 1  # some input failed; the rest was processed
EXIT_USAGE = 2  # bad arguments or configuration; nothing was done


class UsageError(Exception):
    """Bad arguments, configuration or output path: reported in one line, exit code 2."""
