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


#: Combined certainties by their factors (one factor, or the tuple of several in order):
#: rounding and MYCIN's combination cost several times a look-up, and the same few factors
#: (rule certainties, times premises) come back on every consultation. No factor is 0 (only
#: evidence that counts is combined), so -0.0 never meets 0.0 here.
_COMBINED: dict[float | tuple[float, ...], float] = {}


_COMBINED_SIZE = 4096  # started afresh when full: premises have no fixed set of values


def combined(by_rule: dict[str, float]) -> float:
    """The combined certainty of one conclusion's evidence (one factor per rule)."""
    if len(by_rule) == 1:  # the usual case: what combine_all gives for one factor
        for factor in by_rule.values():
            found = _COMBINED.get(factor)
            if found is None:
                found = _remember(factor, round(factor, 10))
            return found
    factors = tuple(by_rule.values())
    found = _COMBINED.get(factors)
    if found is None:
        found = _remember(factors, combine_all(factors))
    return found


def _remember(factors: float | tuple[float, ...], combined: float) -> float:
    if len(_COMBINED) >= _COMBINED_SIZE:
        _COMBINED.clear()
    _COMBINED[factors] = combined
    return combined
