"""Disagreements of a knowledge base: rules concluding different values of one attribute,
or opposed values, on conditions that can hold together.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import attrs

from ..model.knowledge_base import KnowledgeBase
from ..model.rules import Concluded, Condition, RuleSpec
from .satisfiability import Satisfiability

#: Opponents tried one by one before a rule's question is settled through the index.
_FIRST_TRIES = 16


def disagreements(knowledge: KnowledgeBase, satisfiable: Satisfiability) -> list[Disagreement]:
    """For each single-valued attribute, the rules (of positive certainty) that can fire
    together with a rule concluding another value of it.

    A rule has such an opponent unless every opponent clashes with it on some attribute
    both test. So a few opponents are tried first (those testing fewest attributes, most
    likely to share none); failing that, the opponents that clash are gathered through an
    index of each attribute's tests, and the rule has an opponent if any is left over.
    An exception and the rule it ``overrides`` are no disagreement: when both fire, the
    exception decides. Nor is a rule testing an attribute ``absent`` with a rule concluding
    that attribute: it runs after them (its stage, or as a revision of the attribute) and
    fires only if none did, as a CLIPS rule on ``(not (repair ?))`` at a lower salience."""
    decided = {(rule.id, general) for rule in knowledge.rules for general in rule.overrides}
    unknown = {
        rule.id: {c.attribute for c in rule.conditions if c.op == "absent" and c.concluded}
        for rule in knowledge.rules
    }
    decided |= {
        (rule.id, other.id)
        for rule in knowledge.rules
        if unknown[rule.id]
        for other in knowledge.rules
        if other is not rule and other.certainty > 0 and unknown[rule.id] & other.concluded()
    }

    def settled(one: RuleSpec, other: RuleSpec) -> bool:
        return (one.id, other.id) in decided or (other.id, one.id) in decided

    by_attribute: dict[str, list[tuple[RuleSpec, str]]] = {}
    for rule in knowledge.rules:
        for conclusion in rule.conclusions:
            if not knowledge.attributes[conclusion.attribute].multi and rule.certainty > 0:
                by_attribute.setdefault(conclusion.attribute, []).append((rule, conclusion.value))
    found = []
    for attribute, entries in by_attribute.items():
        live = [(rule, value) for rule, value in entries if satisfiable.rule(rule)]
        values = sorted({value for _, value in live}, key=str)
        if len(values) < 2:
            continue
        sides: dict[str, set[tuple[str, str]]] = {}
        for value in values:
            opponents = sorted(
                (rule for rule, other in live if other != value), key=lambda r: len(r.tested())
            )
            index = _Clashes(satisfiable, opponents)
            for rule, mine in live:
                if mine != value:
                    continue
                if any(settled(rule, other) for other in opponents):  # rare: its own index
                    others = [other for other in opponents if not settled(rule, other)]
                    partner = _Clashes(satisfiable, others).has_partner(rule)
                else:
                    partner = index.has_partner(rule)
                if partner:
                    sides.setdefault(value, set()).add((rule.id, rule.source))
        if sides:
            order = knowledge.attributes[attribute].values
            found.append(
                Disagreement(
                    attribute,
                    {value: tuple(sorted(sides[value])) for value in order if value in sides},
                )
            )
    return found


def opposed_disagreements(
    knowledge: KnowledgeBase, satisfiable: Satisfiability
) -> list[Disagreement]:
    """For each pair of opposed values (``opposes``), the rules of each side that can fire
    together with a rule of the other: where they do, one side stays and the other is shown
    as a disagreement."""
    concluding: dict[Concluded, list[RuleSpec]] = {}
    for rule in knowledge.rules:
        if rule.certainty > 0 and satisfiable.rule(rule):
            for conclusion in rule.conclusions:
                concluding.setdefault((conclusion.attribute, conclusion.value), []).append(rule)
    found = []
    for mine, theirs in knowledge.oppositions():
        ours, others = concluding.get(mine, []), concluding.get(theirs, [])
        if not ours or not others:
            continue
        with_ours = [r for r in ours if _Clashes(satisfiable, others).has_partner(r)]
        with_theirs = [r for r in others if _Clashes(satisfiable, ours).has_partner(r)]
        if with_ours and with_theirs:
            found.append(
                Disagreement(
                    mine[0],
                    {
                        f"{mine[0]} = {mine[1]}": tuple(
                            sorted((r.id, r.source) for r in with_ours)
                        ),
                        f"{theirs[0]} = {theirs[1]}": tuple(
                            sorted((r.id, r.source) for r in with_theirs)
                        ),
                    },
                    against=theirs[0],
                )
            )
    return found


class _Clashes:
    """The opponents of one value of one attribute, indexed by their tests on each
    attribute, to tell whether a rule can fire together with any of them."""

    def __init__(self, satisfiable: Satisfiability, opponents: list[RuleSpec]) -> None:
        self.satisfiable = satisfiable
        self.opponents = opponents
        self.tests: dict[str, dict[frozenset[Condition], list[int]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for number, rule in enumerate(opponents):
            for name, group in satisfiable.groups(rule).items():
                self.tests[name][group].append(number)
        self._answers: dict[frozenset[Condition], bool] = {}

    def has_partner(self, rule: RuleSpec) -> bool:
        """Whether some opponent can fire together with ``rule``."""
        key = frozenset(rule.conditions)
        if key not in self._answers:
            self._answers[key] = self._has_partner(rule)
        return self._answers[key]

    def _has_partner(self, rule: RuleSpec) -> bool:
        if any(self.satisfiable.together(rule, o) for o in self.opponents[:_FIRST_TRIES]):
            return True
        clashing: set[int] = set()
        for name, mine in self.satisfiable.groups(rule).items():
            for theirs, numbers in self.tests.get(name, {}).items():
                if not self.satisfiable.group(name, mine | theirs):
                    clashing.update(numbers)
        return len(clashing) < len(self.opponents)


@attrs.frozen
class Disagreement:
    """Rules that can fire together and conclude different values of one attribute, or
    values that oppose each other (``opposes`` in the vocabulary: one value put on both
    sides, recommended and to avoid, a strength and a concern).

    Attributes:
        attribute: the attribute in dispute (for opposed values, the declaring one's).
        sides: for each value, the ``(rule id, source)`` pairs concluding it; for opposed
            values, keyed ``attribute = value`` (``attribute``'s side first).
        against: for opposed values, the attribute opposed; ``""`` otherwise.
    """

    attribute: str
    sides: dict[str, tuple[tuple[str, str], ...]]
    against: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "attribute": self.attribute,
            "sides": {
                str(value): [{"rule": rule, "source": source} for rule, source in rules]
                for value, rules in self.sides.items()
            },
        }
        if self.against:
            data["against"] = self.against
        return data

    def describe(self) -> str:
        return ("" if self.against else f"{self.attribute}: ") + " vs ".join(
            f"{value} ({', '.join(sorted({source for _, source in rules}))}; "
            f"{len(rules)} rule{'s' if len(rules) != 1 else ''})"
            for value, rules in self.sides.items()
        )
