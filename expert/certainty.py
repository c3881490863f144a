"""Certainty factors: the hedge table and the MYCIN combination of evidence."""

from __future__ import annotations

from collections.abc import Iterable
from functools import reduce

__all__ = ["HEDGES", "THRESHOLD", "combine", "combine_all"]

#: Hedge words of the articles mapped to certainty factors. The keys are what a rule's
#: ``hedge`` names; the comment lists the article words each one stands for.
HEDGES: dict[str, float] = {
    "definite": 1.0,  # is, are, only, always, all, will
    "usually": 0.8,  # usually, generally, typically, mostly, primarily, normally
    "often": 0.6,  # often, tend to, many, frequently, commonly
    "can": 0.4,  # can, may, some, might, could, possible
}

#: A premise whose certainty is below this is taken as not established (MYCIN's 0.2).
THRESHOLD = 0.2


def combine(a: float, b: float) -> float:
    """Combine two certainty factors for the same conclusion (MYCIN, EMYCIN form).

    >>> combine(0.6, 0.4)
    0.76
    >>> combine(-0.6, -0.4)
    -0.76
    >>> round(combine(0.8, -0.4), 4)
    0.6667
    """
    if a >= 0 and b >= 0:
        result = a + b * (1 - a)
    elif a < 0 and b < 0:
        result = a + b * (1 + a)
    else:
        smaller = min(abs(a), abs(b))
        result = (a + b) / (1 - smaller) if smaller < 1 else 0.0
    return round(result, 10)


def combine_all(factors: Iterable[float]) -> float:
    """Combine any number of certainty factors; none gives 0 (unknown)."""
    return reduce(combine, factors, 0.0)
