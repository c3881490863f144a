"""Tests of expert.model.certainty: the hedge table and MYCIN combination."""

from __future__ import annotations

import pytest

from expert.model.certainty import HEDGES, THRESHOLD, combine, combine_all


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (0.6, 0.4, 0.76),  # both positive: a + b(1 - a)
        (0.8, 0.8, 0.96),
        (-0.6, -0.4, -0.76),  # both negative: a + b(1 + a)
        (0.8, -0.4, 0.6667),  # mixed: (a + b) / (1 - min(|a|, |b|))
        (-0.8, 0.4, -0.6667),
        (1.0, 0.5, 1.0),
        (0.5, 0.0, 0.5),
        (1.0, -1.0, 0.0),  # total contradiction is taken as unknown
    ],
)
def test_combine_follows_the_mycin_formula(a, b, expected):
    """Each published case of the formula."""
    assert combine(a, b) == pytest.approx(expected, abs=1e-4)


def test_combine_is_commutative_and_order_free():
    """The order in which evidence arrives does not change the result."""
    assert combine(0.3, 0.7) == pytest.approx(combine(0.7, 0.3))
    assert combine_all([0.3, -0.2, 0.6]) == pytest.approx(combine_all([0.6, 0.3, -0.2]))


def test_combine_all_of_nothing_is_unknown():
    """No evidence gives certainty 0."""
    assert combine_all([]) == 0.0


def test_hedges_are_ordered_and_within_range():
    """Stronger hedge words map to higher certainties, all in (0, 1]."""
    values = [HEDGES[name] for name in ("definite", "usually", "often", "can")]
    assert values == sorted(values, reverse=True)
    assert all(0 < value <= 1 for value in values)
    assert 0 < THRESHOLD < min(values)
