"""What stated facts a conclusion needs: every concluded value traced back through the rules
to the alternative sets of conditions on input facts under which some chain of rules reaches
it.

``expert check`` uses it to find rules whose conditions can only hold together in ways no chain
of rules can produce (``device.mic = none`` with ``device.kind = headset``), and *how to*
(:mod:`expert.counterfactual`) to find which stated facts to change for a verdict to hold.
Tests of concluded facts that ask for their absence (``not``, ``absent``) add no requirement:
the tracing says what must be stated, not what must stay unsaid.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import product
from typing import Any

import attrs

from .knowledge import Condition, KnowledgeBase, RuleSpec
from .vocabulary import Attribute

__all__ = ["Premises", "Way", "can_hold", "value_meeting"]

#: Ways kept per conclusion; past it a conclusion counts as reachable in too many ways to list.
LIMIT = 64


@attrs.frozen
class Way:
    """One way to reach a conclusion: conditions on input facts and the rules that then fire.

    Attributes:
        conditions: conditions on input facts, all of which must hold.
        rules: the ids of the rules of the chain, each after the rules it needs.
    """

    conditions: tuple[Condition, ...]
    rules: tuple[str, ...]

    def join(self, other: Way) -> Way:
        """Both ways at once."""
        conditions = tuple(dict.fromkeys(self.conditions + other.conditions))
        return Way(conditions, tuple(dict.fromkeys(self.rules + other.rules)))


class Premises:
    """The ways to reach each concluded value of a knowledge base, traced on demand.

    Args:
        knowledge: the knowledge base.
        limit: the most ways kept per conclusion (beyond it: "too many", ``None``).
    """

    def __init__(self, knowledge: KnowledgeBase, limit: int = LIMIT) -> None:
        self.knowledge = knowledge
        self.limit = limit
        self._ways: dict[tuple[str, Any], tuple[Way, ...] | None] = {}
        self._busy: set[tuple[str, Any]] = set()
        self._concluders: dict[tuple[str, Any], list[RuleSpec]] = {}
        for rule in knowledge.rules:
            if rule.certainty > 0:
                for conclusion in rule.conclusions:
                    key = (conclusion.attribute, conclusion.value)
                    self._concluders.setdefault(key, []).append(rule)

    def ways(self, attribute: str, value: Any) -> tuple[Way, ...] | None:
        """The ways some rule concludes ``attribute = value``; ``()`` if none can, ``None``
        if there are too many to list."""
        key = (attribute, value)
        if key in self._ways:
            return self._ways[key]
        if key in self._busy:  # a cycle: the loader refuses these, so do not follow it
            return ()
        self._busy.add(key)
        found: list[Way] = []
        for rule in self._concluders.get(key, ()):
            ways = self.ways_of_rule(rule)
            if ways is None:
                found = []
                self._ways[key] = None
                break
            found.extend(Way(way.conditions, (*way.rules, rule.id)) for way in ways)
        else:
            self._ways[key] = self._trim(found)
        self._busy.discard(key)
        return self._ways[key]

    def ways_of_rule(self, rule: RuleSpec) -> tuple[Way, ...] | None:
        """The ways ``rule``'s conditions can all hold: its own input conditions together with
        a way to each concluded value it needs. ``None``: too many to list."""
        stated = tuple(c for c in rule.conditions if not c.concluded)
        options: list[tuple[Way, ...]] = [(Way(stated, ()),)]
        for condition in rule.conditions:
            if not condition.concluded or condition.op in ("not", "absent"):
                continue
            if condition.op in ("equals", "contains"):
                needed: list[tuple[Any, ...]] = [(value,) for value in condition.operands]
            elif condition.op == "one_of":
                needed = [condition.operands]
            else:  # present: any value
                needed = [self.knowledge.attributes[condition.attribute].values]
            for values in needed:
                alternatives: list[Way] = []
                for value in values:
                    ways = self.ways(condition.attribute, value)
                    if ways is None:
                        return None
                    alternatives.extend(ways)
                options.append(tuple(alternatives))
        combined: list[Way] = []
        count = 1
        for choice in options:
            count *= len(choice)
        if count > self.limit * self.limit:
            return None
        for parts in product(*options):
            way = parts[0]
            for part in parts[1:]:
                way = way.join(part)
            if self._possible(way.conditions):
                combined.append(way)
        return self._trim(combined)

    def _possible(self, conditions: Iterable[Condition]) -> bool:
        return can_hold(self.knowledge.attributes, conditions)

    def _trim(self, ways: list[Way]) -> tuple[Way, ...] | None:
        unique: dict[frozenset[Condition], Way] = {}
        for way in ways:
            unique.setdefault(frozenset(way.conditions), way)
        if len(unique) > self.limit:
            return None
        return tuple(unique.values())


def can_hold(attributes: Any, conditions: Iterable[Condition]) -> bool:
    """Whether some stated facts meet all ``conditions`` on input attributes at once."""
    grouped: dict[str, list[Condition]] = {}
    for condition in conditions:
        grouped.setdefault(condition.attribute, []).append(condition)
    for name, group in grouped.items():
        attribute: Attribute = attributes[name]
        if attribute.multi:
            if not any(
                all(condition.holds(state) for condition in group)
                for state in _set_candidates(attribute, group)
            ):
                return False
        elif not any(
            all(condition.holds(value) for condition in group)
            for value in _candidates(attribute, group)
        ):
            return False
    return True


def _candidates(attribute: Attribute, conditions: list[Condition]) -> list[Any]:
    """Values worth trying for a stated attribute (None stands for 'not known')."""
    if attribute.kind == "flag":
        return [None, True, False]
    if attribute.kind == "amount":
        points = {0.0}
        for condition in conditions:
            operand = condition.operand
            if isinstance(operand, (int, float)) and not isinstance(operand, bool):
                points |= {operand - 0.5, operand, operand + 0.5}
        return [None] + sorted(point for point in points if point >= 0)
    return [None, *attribute.values]


def _set_candidates(attribute: Attribute, conditions: list[Condition]) -> list[Any]:
    """Sets worth trying: unknown, what the conditions require, and that plus one option of
    each ``one_of``."""
    required: set[Any] = set()
    for condition in conditions:
        if condition.op in ("equals", "contains"):
            required |= set(condition.operands)
    tries: list[Any] = [None, frozenset(required)]
    chosen = set(required)
    for condition in conditions:
        if condition.op == "one_of":
            excluded = {v for c in conditions if c.op == "not" for v in c.operands}
            options = [v for v in condition.operands if v not in excluded]
            if options and not chosen & set(condition.operands):
                chosen.add(options[0])
    tries.append(frozenset(chosen))
    return tries


def value_meeting(
    attribute: Attribute, conditions: list[Condition], current: Any = None
) -> tuple[bool, Any]:
    """A value of a stated attribute meeting every one of ``conditions``, as close to
    ``current`` as may be: ``(True, value)`` (``None``: not stated), or ``(False, None)``.

    A set keeps what it holds and gains what the conditions require; a number moves as little
    as it can.
    """
    if attribute.multi:
        chosen = set(current or ())
        excluded = {v for c in conditions if c.op == "not" for v in c.operands}
        for condition in conditions:
            if condition.op in ("equals", "contains"):
                chosen |= set(condition.operands)
            elif condition.op == "one_of" and not chosen & set(condition.operands):
                options = [v for v in condition.operands if v not in excluded]
                if options:
                    chosen.add(options[0])
        chosen -= excluded
        candidates: list[Any] = [frozenset(chosen) if chosen else None]
    else:
        candidates = _candidates(attribute, conditions)
        if attribute.kind == "amount" and isinstance(current, (int, float)):
            candidates.sort(key=lambda v: -1 if v is None else abs(v - current))
    for candidate in candidates:
        if all(condition.holds(candidate) for condition in conditions):
            return True, candidate
    return False, None
