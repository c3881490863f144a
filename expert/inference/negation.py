"""Conditions on what is *not* concluded (``absent``, ``not``): which conclusions of a run
count for nothing and must be kept out of working memory, and whether keeping them out could
change what fires (then the consultation runs again)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from ..model.rules import Concluded
from ..model.vocabulary import FactValue
from .compiler import CompiledBase
from .runner import Record

__all__ = ["could_change", "not_counting"]


def not_counting(
    compiled: CompiledBase, record: Record, certainties: Mapping[Concluded, float]
) -> frozenset[Concluded]:
    """The conclusions a run put in working memory that count for nothing (defeated,
    overruled, outweighed by an opposed value, or on too weak a premise) and that an
    ``absent`` or ``not`` condition tests: a run must keep them out, or those conditions
    would see what is not concluded."""
    if not compiled.concluding_negated:
        return frozenset()
    negated = compiled.negated
    return frozenset(
        conclusion
        for index, _ in record
        if index in compiled.concluding_negated
        for conclusion in compiled.declared[index]
        if conclusion[0] in negated and not certainties.get(conclusion, 0.0)
    )


def could_change(
    compiled: CompiledBase,
    stated: Mapping[str, FactValue],
    given: Collection[Concluded],
    record: Record,
    kept_out: frozenset[Concluded],
) -> bool:
    """Whether keeping ``kept_out`` out of working memory could change what fires: some
    rule with an ``absent`` or ``not`` condition that did not fire would have all its
    conditions met without them. (Keeping facts out never stops a rule with such a
    condition from firing, and a rule firing on a kept-out fact counted for nothing.)"""
    fired = {index for index, _ in record}
    memory: dict[str, set[str]] = {}
    for name, value in given:
        memory.setdefault(name, set()).add(value)
    for index in fired:
        for name, value in compiled.declared[index]:
            memory.setdefault(name, set()).add(value)
    for name, value in kept_out:
        memory.get(name, set()).discard(value)
    rules = compiled.knowledge.rules
    for index in compiled.negating:
        if index in fired:
            continue
        if all(
            condition.holds(
                frozenset(memory.get(condition.attribute, ()))
                if condition.concluded
                else stated.get(condition.attribute)
            )
            for condition in rules[index].conditions
        ):
            return True
    return False
