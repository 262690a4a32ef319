"""Which modules run compiled (the optional mypyc build), and which builds are older than their
edited sources: a fake package tree stands for ``src/frontwatch``."""

from __future__ import annotations

import os
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from frontwatch.compiled import compiled_modules, stale_modules, warn_if_stale

SUFFIX = EXTENSION_SUFFIXES[0]  # e.g. ".cpython-311-x86_64-linux-gnu.so"


def _package(tmp_path: Path) -> Path:
    package = tmp_path / "frontwatch"
    (package / "events").mkdir(parents=True)
    for name in ("records.py", "events/extract.py", "events/merge.py", "cli.py"):
        (package / name).write_text("# source\n")
    return package


def _build(package: Path, module: str, *, age: int) -> None:
    """An extension for ``module`` whose build is ``age`` seconds newer than its source (negative:
    older)."""
    source = package / module
    extension = source.with_name(source.stem + SUFFIX)
    extension.write_bytes(b"\x7fELF")
    mtime = source.stat().st_mtime
    os.utime(extension, (mtime + age, mtime + age))


def test_a_pure_package_has_no_compiled_modules(tmp_path: Path) -> None:
    package = _package(tmp_path)
    assert compiled_modules(package) == []
    assert stale_modules(package) == []


def test_built_modules_are_listed_and_the_shared_runtime_is_not(tmp_path: Path) -> None:
    package = _package(tmp_path)
    _build(package, "records.py", age=60)
    _build(package, "events/extract.py", age=60)
    (package.parent / f"0a1b2c__mypyc{SUFFIX}").write_bytes(b"\x7fELF")  # mypyc's runtime
    assert compiled_modules(package) == ["frontwatch.events.extract", "frontwatch.records"]
    assert stale_modules(package) == []


def test_a_source_edited_after_its_build_is_stale_and_warned_about(tmp_path: Path) -> None:
    package = _package(tmp_path)
    _build(package, "records.py", age=60)
    _build(package, "events/merge.py", age=-60)  # the source was edited after the build
    assert stale_modules(package) == ["frontwatch.events.merge"]
    with pytest.warns(RuntimeWarning, match=r"frontwatch\.events\.merge"):
        warn_if_stale(package)
