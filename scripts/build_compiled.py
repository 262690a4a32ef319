#!/usr/bin/env python3
"""Compile frontwatch's hot modules with mypyc, in place: an optional build, about 2x faster.

The pipeline is pure Python and needs no compiler. For a deployment that processes large
batches, the modules below can be compiled to C extensions with mypyc (part of ``mypy``)::

    pip install -e '.[compiled]'
    python scripts/build_compiled.py          # ~4 minutes on 2 cores; needs gcc
    python benchmarks/bench_pipeline.py       # the header says how many modules are compiled
    python scripts/build_compiled.py --clean  # back to pure Python

The extensions (``*.so``) land beside the sources in ``src/frontwatch`` and Python imports them
instead of the ``.py`` files: after editing a compiled module, rebuild or ``--clean``, or the
edit has no effect (importing frontwatch warns about sources newer than their build).

Compiled code checks type annotations at run time, so an annotation that does not say what a
variable holds becomes a ``TypeError`` there. The build runs mypy over the modules first and
stops on any error; run the tests against the build before deploying it (``pytest``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src"

# The stages' own code and the records every stage touches. Left out: modules whose work is
# I/O or start-up (the CLI, the store, exports) and ``places/errors.py`` (its exception class
# derives from a built-in one, which mypyc cannot compile).
MODULES = [
    "frontwatch/records.py",
    "frontwatch/readers.py",
    "frontwatch/language.py",
    "frontwatch/sentences.py",
    "frontwatch/bisection.py",
    "frontwatch/geo.py",
    "frontwatch/places/keys.py",
    "frontwatch/places/gazetteer.py",
    "frontwatch/places/lexicon.py",
    "frontwatch/places/recognise.py",
    "frontwatch/places/resolve.py",
    "frontwatch/places/component.py",
    "frontwatch/times/daymath.py",
    "frontwatch/times/tense.py",
    "frontwatch/times/grammar.py",
    "frontwatch/times/engine.py",
    "frontwatch/times/component.py",
    "frontwatch/events/countries.py",
    "frontwatch/events/lexicon.py",
    "frontwatch/events/tokens.py",
    "frontwatch/events/numbers.py",
    "frontwatch/events/analysis.py",
    "frontwatch/events/context.py",
    "frontwatch/events/extract.py",
    "frontwatch/events/merge.py",
    "frontwatch/events/component.py",
]


def built_extensions() -> list[Path]:
    """The compiled extensions in the source tree (the modules' and mypyc's shared runtime)."""
    return sorted(p for suffix in ("*.so", "*.pyd") for p in SRC.rglob(suffix))


def clean() -> int:
    removed = built_extensions()
    for path in removed:
        path.unlink()
    shutil.rmtree(REPO / "build", ignore_errors=True)
    print(f"removed {len(removed)} compiled extension(s); frontwatch is pure Python again")
    return 0


def build(jobs: int) -> int:
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError:
        print("error: mypyc is missing: pip install -e '.[compiled]'", file=sys.stderr)
        return 2
    # mypyc writes its C sources to build/ under the working directory and names the
    # extensions after the package layout: run from the repository root with src/ as root
    os.chdir(REPO)
    try:
        extensions = mypycify(
            ["--ignore-missing-imports", *(f"src/{m}" for m in MODULES)], opt_level="3"
        )
    except SystemExit as exc:  # mypy found type errors: nothing was built
        print("error: mypy rejected the modules (see above); nothing built", file=sys.stderr)
        return int(exc.code or 1)
    setup(
        name="frontwatch-compiled",
        package_dir={"": "src"},
        ext_modules=extensions,
        script_args=[
            "build_ext",
            "--inplace",
            "--build-temp",
            str(REPO / "build" / "mypyc"),
            "--parallel",
            str(jobs),
        ],
    )
    # setuptools leaves a module's small extension alone when its C is unchanged (the code is
    # in the shared one), so it stays older than an edited source and importing frontwatch
    # would warn of a stale build: everything here was built from the current sources
    for path in built_extensions():
        os.utime(path)
    print(f"compiled {len(MODULES)} modules into {len(built_extensions())} extension(s)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="remove the compiled extensions")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    return clean() if args.clean else build(args.jobs)


if __name__ == "__main__":
    sys.exit(main())
