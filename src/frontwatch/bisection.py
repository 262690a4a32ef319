"""Binary search over sorted lists of integers (token and character offsets).

``first_at_least`` is ``bisect.bisect_left`` and ``first_above`` is ``bisect.bisect_right``,
for lists of ``int`` only. They are written out for the compiled build
(``scripts/build_compiled.py``): compiled, the loop compares machine integers, while a call of
``bisect`` from compiled code boxes its arguments and compares every probed item through the
generic object protocol, about ten times the cost. The stages search offsets a few hundred
times per article. Interpreted, ``bisect`` is about three times faster than this loop; the
tests check that both agree.
"""

from __future__ import annotations


def first_at_least(values: list[int], x: int, lo: int = 0) -> int:
    """The first position from ``lo`` whose value is ``>= x`` (``len(values)``: none)."""
    hi = len(values)
    while lo < hi:
        mid = (lo + hi) >> 1
        if values[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def first_above(values: list[int], x: int, lo: int = 0) -> int:
    """The first position from ``lo`` whose value is ``> x`` (``len(values)``: none)."""
    hi = len(values)
    while lo < hi:
        mid = (lo + hi) >> 1
        if values[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo
