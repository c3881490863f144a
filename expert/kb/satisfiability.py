"""Whether conditions can hold together: the values each attribute can take, given what the
rules can conclude.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..model.knowledge_base import KnowledgeBase
from ..model.rules import Concluded, Condition, RuleSpec
from .derivations import candidates, empty_ok, set_meeting


def _set_satisfiable(conditions: list[Condition], available: set[str]) -> bool:
    """Whether some subset of ``available`` meets all set conditions."""
    return set_meeting(conditions, available) is not None or empty_ok(conditions)


def _group_satisfiable(
    knowledge: KnowledgeBase, name: str, group: Sequence[Condition], available: set[str]
) -> bool:
    """Whether some value of one attribute meets all of ``group`` (``available``: the
    reachable values of a concluded attribute)."""
    attribute = knowledge.attributes[name]
    if attribute.concluded:
        return _set_satisfiable(list(group), available)
    if attribute.multi:
        return _set_satisfiable(list(group), set(attribute.values))
    return any(
        all(condition.holds(value) for condition in group)
        for value in candidates(attribute, list(group))
    )


def _by_attribute(conditions: Iterable[Condition]) -> dict[str, tuple[Condition, ...]]:
    grouped: dict[str, list[Condition]] = {}
    for condition in conditions:
        grouped.setdefault(condition.attribute, []).append(condition)
    return {name: tuple(group) for name, group in grouped.items()}


def _available(reachable: set[Concluded], name: str) -> set[str]:
    return {value for attr, value in reachable if attr == name}


def conditions_satisfiable(
    knowledge: KnowledgeBase,
    conditions: list[Condition] | tuple[Condition, ...],
    reachable: set[Concluded],
) -> bool:
    """Whether some facts (and reachable conclusions) meet all ``conditions`` at once."""
    return all(
        _group_satisfiable(knowledge, name, group, _available(reachable, name))
        for name, group in _by_attribute(conditions).items()
    )


class Satisfiability:
    """Satisfiability once the reachable conclusions are known, remembered per attribute:
    a set of conditions holds together when each attribute's share of them does."""

    def __init__(self, knowledge: KnowledgeBase, reachable: set[Concluded]) -> None:
        self.knowledge = knowledge
        self.available: dict[str, set[str]] = defaultdict(set)
        for name, value in reachable:
            self.available[name].add(value)
        self._groups: dict[tuple[str, frozenset[Condition]], bool] = {}
        self._rules: dict[str, dict[str, frozenset[Condition]]] = {}

    def groups(self, rule: RuleSpec) -> dict[str, frozenset[Condition]]:
        """The rule's conditions by attribute."""
        if rule.id not in self._rules:
            self._rules[rule.id] = {
                name: frozenset(group) for name, group in _by_attribute(rule.conditions).items()
            }
        return self._rules[rule.id]

    def group(self, name: str, group: frozenset[Condition]) -> bool:
        key = (name, group)
        if key not in self._groups:
            # Sorted so the answer does not depend on set order (one_of picks a value).
            ordered = sorted(group, key=repr)
            self._groups[key] = _group_satisfiable(
                self.knowledge, name, ordered, self.available[name]
            )
        return self._groups[key]

    def rule(self, rule: RuleSpec) -> bool:
        """Whether the rule's conditions can hold together."""
        return all(self.group(name, group) for name, group in self.groups(rule).items())

    def together(self, a: RuleSpec, b: RuleSpec) -> bool:
        """Whether the conditions of two (each satisfiable) rules can hold together."""
        mine, theirs = self.groups(a), self.groups(b)
        if len(theirs) < len(mine):
            mine, theirs = theirs, mine
        return all(
            self.group(name, group | theirs[name])
            for name, group in mine.items()
            if name in theirs
        )


def reachable(knowledge: KnowledgeBase) -> set[Concluded]:
    """Every (attribute, value) some rule can conclude from some facts (a fixpoint).

    A rule is tried again only when an attribute it tests gained a reachable value."""
    reachable: set[Concluded] = set()
    testers: dict[str, list[RuleSpec]] = defaultdict(list)
    for rule in knowledge.rules:
        for name in rule.tested():
            if knowledge.attributes[name].concluded:
                testers[name].append(rule)
    pending = list(knowledge.rules)
    while pending:
        grown: set[str] = set()
        for rule in pending:
            new = {(c.attribute, c.value) for c in rule.conclusions} - reachable
            if new and conditions_satisfiable(knowledge, rule.conditions, reachable):
                reachable |= new
                grown |= {name for name, _ in new}
        seen: set[str] = set()
        pending = []
        for name in sorted(grown):
            for rule in testers[name]:
                if rule.id not in seen:
                    seen.add(rule.id)
                    pending.append(rule)
    return reachable
