"""Which of frontwatch's modules run as compiled extensions (``make compiled``), and which of
those were built from a source that has been edited since: Python imports the extension, so
such an edit silently has no effect until the build is redone."""

from __future__ import annotations

import warnings
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _extensions(package: Path) -> dict[Path, Path]:
    """Source file -> the extension built from it, for the modules of ``package`` that have one.
    (mypyc's shared runtime, named after no source, is left out.)"""
    built: dict[Path, Path] = {}
    for suffix in EXTENSION_SUFFIXES:
        for extension in package.rglob(f"*{suffix}"):
            source = extension.with_name(extension.name[: -len(suffix)] + ".py")
            if source.exists():
                built[source] = extension
    return built


def _module_name(source: Path, package: Path) -> str:
    parts = source.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts)


def compiled_modules(package: Path = PACKAGE) -> list[str]:
    """The modules that have a compiled extension beside their source."""
    return sorted(_module_name(s, package) for s in _extensions(package))


def stale_modules(package: Path = PACKAGE) -> list[str]:
    """The compiled modules whose source was edited after their extension was built."""
    return sorted(
        _module_name(source, package)
        for source, extension in _extensions(package).items()
        if source.stat().st_mtime > extension.stat().st_mtime
    )


def warn_if_stale(package: Path = PACKAGE) -> None:
    """Warn once at import when an edited source is shadowed by an older build."""
    stale = stale_modules(package)
    if stale:
        warnings.warn(
            f"frontwatch runs compiled modules older than their sources ({', '.join(stale)}): "
            "the edits have no effect until `make compiled` (or `make pure`) is run",
            RuntimeWarning,
            stacklevel=2,
        )


__all__ = ["compiled_modules", "stale_modules", "warn_if_stale"]
