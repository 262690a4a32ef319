"""The places package's error, in a module of its own: ``gazetteer.py`` is compiled in the
optional mypyc build (``scripts/build_compiled.py``), and mypyc cannot compile a class derived
from a built-in exception."""

from __future__ import annotations


class GazetteerError(RuntimeError):
    """The gazetteer file is missing or unreadable."""


__all__ = ["GazetteerError"]
