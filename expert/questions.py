"""Choosing the next question of a guided consultation: the unknown inputs whose answers could
still change the goal's verdict or its certainty, the most telling first.

Like MYCIN's, the questions serve a goal (:mod:`expert.goals`): only rules that conclude the
goal, or conclude what such rules test (and so on down), can make a question worth asking. Each
question keeps the chain of rules from the one that needs the answer up to the goal, so that
``why`` can climb it one level at a time.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .certainty import combine_all
from .goals import Goal
from .knowledge import KnowledgeBase, RuleSpec
from .result import Result
from .vocabulary import Attribute

__all__ = ["ANSWER_WORDS", "Question", "cone", "open_questions"]

#: Words a user may give instead of an answer.
ANSWER_WORDS = ("why", "skip", "stop")


@attrs.frozen
class Question:
    """An input fact the expert would like to know, and why.

    Attributes:
        attribute: the input asked about.
        rules: the rules that test it and could still fire, the most telling first.
        chain: from the first of ``rules`` up to the goal: each rule and the attribute it
            concludes, the last one concluding the goal's attribute (empty without a goal).
    """

    attribute: Attribute
    rules: tuple[RuleSpec, ...]
    chain: tuple[tuple[RuleSpec, str], ...] = ()

    @property
    def name(self) -> str:
        """The fact's full name."""
        return self.attribute.name

    def choices(self) -> tuple[str, ...]:
        """Words to offer for completion: the allowed values and the answer words."""
        extra = ("yes", "no") if self.attribute.kind == "flag" else ()
        return (*self.attribute.words(), *extra, *ANSWER_WORDS)


def cone(knowledge: KnowledgeBase, attribute: str) -> dict[str, RuleSpec | None]:
    """The rules that bear on ``attribute``: each rule id mapped to the rule it serves next
    on the way up (``None`` for a rule concluding ``attribute`` itself)."""
    serves: dict[str, RuleSpec | None] = {}
    frontier: list[tuple[str, RuleSpec | None]] = [(attribute, None)]
    seen_attributes: set[str] = set()
    while frontier:
        name, parent = frontier.pop(0)
        if name in seen_attributes:
            continue
        seen_attributes.add(name)
        for rule in knowledge.rules:
            if name in rule.concluded() and rule.id not in serves:
                serves[rule.id] = parent
                frontier += [
                    (condition.attribute, rule)
                    for condition in rule.conditions
                    if condition.concluded
                ]
    return serves


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


def _moves_goal(result: Result, rule: RuleSpec, goal: Goal) -> bool:
    """Whether ``rule`` (which concludes the goal's attribute) firing could change the goal's
    verdict or its certainty."""
    name = goal.attribute
    verdict = next((v for v in result.verdicts if v.attribute == name), None)
    for conclusion in rule.conclusions:
        if conclusion.attribute != name:
            continue
        if verdict is None:
            return True
        current = result.certainty(name, conclusion.value)
        if verdict.members or conclusion.value == verdict.value:
            if (rule.certainty > 0 and current < 1.0) or rule.certainty < 0:
                return True
        elif rule.certainty > 0:
            # Another value matters only if it could overtake the verdict (a tie at the top
            # is settled for the value more articles already support).
            if combine_all([current, rule.certainty]) > verdict.certainty + 1e-9:
                return True
    return False


def _path(rule: RuleSpec, serves: dict[str, RuleSpec | None]) -> list[RuleSpec]:
    """``rule`` and the rules it serves, up to one concluding the goal."""
    path = [rule]
    while (parent := serves.get(path[-1].id)) is not None and parent not in path:
        path.append(parent)
    return path


def open_questions(
    result: Result, exclude: Iterable[str] = (), goal: Goal | None = None
) -> list[Question]:
    """The questions whose answers can change the goal's verdict or its certainty (without a
    goal: any verdict), the most telling first.

    A question is an unknown input fact tested by a rule that has not fired, that no stated
    fact rules out, and that could still move a certainty; with a goal, the rule must bear on
    the goal through rules no stated fact rules out either, and the rule concluding the goal
    must be able to change its verdict or certainty. Questions are ordered by how many such
    rules need them, then by how close the closest is to the goal, then in vocabulary order.

    Args:
        result: the consultation on the facts known so far.
        exclude: full names of facts not to ask about (e.g. skipped ones).
        goal: what the consultation is for.
    """
    excluded = set(exclude)
    serves = cone(result.knowledge, goal.attribute) if goal else {}
    needing: dict[str, list[tuple[int, int, RuleSpec]]] = {}
    chains: dict[str, list[RuleSpec]] = {}
    for rule in result.knowledge.rules:
        if rule.id in result.fired_rules or not _can_change(result, rule):
            continue
        if goal is not None:
            if rule.id not in serves:
                continue
            path = _path(rule, serves)
            if any(_unknown_inputs(result, up) is None for up in path[1:]):
                continue  # a stated fact already stops a rule on the way up
            if not _moves_goal(result, path[-1], goal):
                continue
            chains[rule.id] = path
        unknown = _unknown_inputs(result, rule) or set()
        depth = len(chains.get(rule.id, [rule]))
        for name in unknown:
            needing.setdefault(name, []).append((depth, len(unknown), rule))
    inputs = result.knowledge.inputs
    order = list(inputs)
    names = sorted(
        (name for name in needing if name not in excluded),
        key=lambda name: (
            -len(needing[name]),
            min(d for d, _, _ in needing[name]),
            order.index(name),
        ),
    )
    questions = []
    for name in names:
        ranked = [rule for _, _, rule in sorted(needing[name], key=_closest)]
        path = chains.get(ranked[0].id, [])
        chain = tuple((rule, _toward(rule, path, goal)) for rule in path)
        questions.append(Question(inputs[name], tuple(ranked), chain))
    return questions


def _toward(rule: RuleSpec, path: list[RuleSpec], goal: Goal | None) -> str:
    """The attribute ``rule`` concludes that the next rule of the path tests (or the goal)."""
    index = path.index(rule)
    if index + 1 < len(path):
        tested = path[index + 1].tested()
        found = sorted(rule.concluded() & tested)
        if found:
            return found[0]
    if goal is not None and goal.attribute in rule.concluded():
        return goal.attribute
    return sorted(rule.concluded())[0]


def _closest(item: tuple[int, int, RuleSpec]) -> tuple[int, int, float]:
    """Closest to the goal, then fewest other unknowns, then the surest rule."""
    return item[0], item[1], -abs(item[2].certainty)
