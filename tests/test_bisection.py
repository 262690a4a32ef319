"""The offset searches agree with ``bisect`` (they replace it in the compiled build)."""

from __future__ import annotations

import bisect
import random

import pytest

from frontwatch.bisection import first_above, first_at_least


@pytest.mark.parametrize("seed", range(20))
def test_the_searches_agree_with_bisect(seed: int) -> None:
    rng = random.Random(seed)
    # token offsets: sorted, with repeats when a list holds the same position twice
    values = sorted(rng.choices(range(60), k=rng.randrange(0, 25)))
    for x in range(-2, 63):
        for lo in range(0, len(values) + 1, 3):
            assert first_at_least(values, x, lo) == bisect.bisect_left(values, x, lo)
            assert first_above(values, x, lo) == bisect.bisect_right(values, x, lo)


def test_an_empty_list_and_the_ends() -> None:
    assert first_at_least([], 5) == first_above([], 5) == 0
    assert first_at_least([3, 7, 7, 9], 7) == 1 and first_above([3, 7, 7, 9], 7) == 3
    assert first_at_least([3, 7], 10) == 2 and first_above([3, 7], 1) == 0
