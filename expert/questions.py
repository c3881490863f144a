"""Choosing the next question of a guided consultation: the unknown inputs whose answers
could still change a verdict, the most needed first."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .knowledge import RuleSpec
from .result import Result
from .vocabulary import Attribute

__all__ = ["ANSWER_WORDS", "Question", "open_questions"]

#: Words a user may give instead of an answer.
ANSWER_WORDS = ("why", "skip", "stop")


@attrs.frozen
class Question:
    """An input fact the expert would like to know, and the unfired rules that need it.

    Attributes:
        attribute: the input asked about.
        rules: the rules that test it and could still fire, closest to firing first.
    """

    attribute: Attribute
    rules: tuple[RuleSpec, ...]

    @property
    def name(self) -> str:
        """The fact's full name."""
        return self.attribute.name

    def choices(self) -> tuple[str, ...]:
        """Words to offer for completion: the allowed values and the answer words."""
        extra = ("yes", "no") if self.attribute.kind == "flag" else ()
        return (*self.attribute.words(), *extra, *ANSWER_WORDS)


def _unknown_inputs(result: Result, rule: RuleSpec) -> set[str] | None:
    """The unknown input facts ``rule`` needs, or ``None`` when a stated fact fails it."""
    inputs = result.knowledge.inputs
    unknown: set[str] = set()
    for condition in rule.conditions:
        if condition.attribute not in inputs:
            continue  # a concluded attribute may still be concluded by other answers
        if condition.attribute in result.facts:
            if not condition.holds(result.facts[condition.attribute]):
                return None
        elif condition.op != "absent":
            unknown.add(condition.attribute)
    return unknown


def _can_change(result: Result, rule: RuleSpec) -> bool:
    """Whether firing ``rule`` could still move a certainty (none is already at its bound)."""
    sign = 1.0 if rule.certainty > 0 else -1.0
    return any(
        result.certainty(conclusion.attribute, conclusion.value) * sign < 1.0
        for conclusion in rule.conclusions
    )


def open_questions(result: Result, exclude: Iterable[str] = ()) -> list[Question]:
    """The questions whose answers can change a verdict, the most needed first.

    A question is an unknown input fact tested by a rule that has not fired, that no stated
    fact rules out, and whose conclusions are not already certain. Questions are ordered by
    how many such rules need them, then in vocabulary order.

    Args:
        result: the consultation on the facts known so far.
        exclude: full names of facts not to ask about (e.g. skipped ones).
    """
    excluded = set(exclude)
    needing: dict[str, list[tuple[int, RuleSpec]]] = {}
    for rule in result.knowledge.rules:
        if rule.id in result.fired_rules or not _can_change(result, rule):
            continue
        unknown = _unknown_inputs(result, rule) or set()
        for name in unknown:
            needing.setdefault(name, []).append((len(unknown), rule))
    inputs = result.knowledge.inputs
    order = list(inputs)
    names = sorted(
        (name for name in needing if name not in excluded),
        key=lambda name: (-len(needing[name]), order.index(name)),
    )
    return [
        Question(inputs[name], tuple(rule for _, rule in sorted(needing[name], key=_closest)))
        for name in names
    ]


def _closest(item: tuple[int, RuleSpec]) -> int:
    return item[0]
