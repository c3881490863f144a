"""What stated facts a conclusion needs: every concluded value traced back through the rules
to the alternative sets of conditions on input facts under which some chain of rules reaches
it.

``expert check`` uses it to find rules whose conditions can only hold together in ways no chain
of rules can produce (``plant.light = low`` with ``care.spot = bright-window``), and *how to*
(:mod:`expert.reasoning.how_to`) to find which stated facts to change for a verdict to hold.
Tests of concluded facts that ask for their absence (``not``, ``absent``) add no requirement:
the tracing says what must be stated, not what must stay unsaid.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Set
from itertools import pairwise, product

import attrs

from ..model.knowledge_base import KnowledgeBase
from ..model.rules import Condition, RuleSpec
from ..model.vocabulary import Attribute, FactValue, SingleValue

__all__ = [
    "Derivations",
    "Derivation",
    "can_hold",
    "candidates",
    "empty_ok",
    "set_meeting",
    "value_meeting",
]

#: Ways kept per conclusion; past it a conclusion counts as reachable in too many ways to list.
LIMIT = 64


@attrs.frozen
class Derivation:
    """One way to reach a conclusion: conditions on input facts and the rules that then fire.

    Attributes:
        conditions: conditions on input facts, all of which must hold.
        rules: the ids of the rules of the chain, each after the rules it needs.
    """

    conditions: tuple[Condition, ...]
    rules: tuple[str, ...]

    def join(self, other: Derivation) -> Derivation:
        """Both ways at once."""
        conditions = tuple(dict.fromkeys(self.conditions + other.conditions))
        return Derivation(conditions, tuple(dict.fromkeys(self.rules + other.rules)))


class Derivations:
    """The ways to reach each concluded value of a knowledge base, traced on demand.

    Args:
        knowledge: the knowledge base.
        limit: the most ways kept per conclusion (beyond it: "too many", ``None``).
    """

    def __init__(self, knowledge: KnowledgeBase, limit: int = LIMIT) -> None:
        self.knowledge = knowledge
        self.limit = limit
        # Keyed by what a condition names: (attribute, value) of a concluded attribute.
        self._ways: dict[tuple[str, SingleValue], tuple[Derivation, ...] | None] = {}
        self._busy: set[tuple[str, SingleValue]] = set()
        self._concluders: dict[tuple[str, SingleValue], list[RuleSpec]] = {}
        for rule in knowledge.rules:
            if rule.certainty > 0:
                for conclusion in rule.conclusions:
                    key = (conclusion.attribute, conclusion.value)
                    self._concluders.setdefault(key, []).append(rule)

    def ways(self, attribute: str, value: SingleValue) -> tuple[Derivation, ...] | None:
        """The ways some rule concludes ``attribute = value``; ``()`` if none can, ``None``
        if there are too many to list."""
        key = (attribute, value)
        if key in self._ways:
            return self._ways[key]
        if key in self._busy:  # a cycle: the loader refuses these, so do not follow it
            return ()
        self._busy.add(key)
        found: list[Derivation] = []
        for rule in self._concluders.get(key, ()):
            ways = self.ways_of_rule(rule)
            if ways is None:
                found = []
                self._ways[key] = None
                break
            found.extend(Derivation(way.conditions, (*way.rules, rule.id)) for way in ways)
        else:
            self._ways[key] = self._trim(found)
        self._busy.discard(key)
        return self._ways[key]

    def ways_of_rule(self, rule: RuleSpec) -> tuple[Derivation, ...] | None:
        """The ways ``rule``'s conditions can all hold: its own input conditions together with
        a way to each concluded value it needs. ``None``: too many to list."""
        stated = tuple(c for c in rule.conditions if not c.concluded)
        options: list[tuple[Derivation, ...]] = [(Derivation(stated, ()),)]
        for condition in rule.conditions:
            if not condition.concluded or condition.op in ("not", "absent"):
                continue
            if condition.op in ("equals", "contains"):
                needed: list[tuple[SingleValue, ...]] = [(value,) for value in condition.operands]
            elif condition.op == "one_of":
                needed = [condition.operands]
            else:  # present: any value
                needed = [self.knowledge.attributes[condition.attribute].values]
            for values in needed:
                alternatives: list[Derivation] = []
                for value in values:
                    ways = self.ways(condition.attribute, value)
                    if ways is None:
                        return None
                    alternatives.extend(ways)
                options.append(tuple(alternatives))
        combined: list[Derivation] = []
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

    def _trim(self, ways: list[Derivation]) -> tuple[Derivation, ...] | None:
        unique: dict[frozenset[Condition], Derivation] = {}
        for way in ways:
            unique.setdefault(frozenset(way.conditions), way)
        if len(unique) > self.limit:
            return None
        return tuple(unique.values())


def can_hold(attributes: Mapping[str, Attribute], conditions: Iterable[Condition]) -> bool:
    """Whether some stated facts meet all ``conditions`` on input attributes at once."""
    grouped: dict[str, list[Condition]] = {}
    for condition in conditions:
        grouped.setdefault(condition.attribute, []).append(condition)
    for name, group in grouped.items():
        attribute = attributes[name]
        if attribute.multi:
            if set_meeting(group, set(attribute.values)) is None and not empty_ok(group):
                return False
        elif not any(
            all(condition.holds(value) for condition in group)
            for value in candidates(attribute, group)
        ):
            return False
    return True


def candidates(attribute: Attribute, conditions: list[Condition]) -> list[SingleValue | None]:
    """Values worth trying for a stated attribute (None stands for 'not known').

    For an amount: its minimum, each threshold, a point between each two and one above the
    last, those between its minimum and maximum. The numbers meeting a set of comparisons
    form intervals ending at thresholds, so some number meets them all exactly when one of
    these points does."""
    if attribute.kind == "flag":
        return [None, True, False]
    if attribute.kind == "amount":
        bounds = {float(attribute.minimum)}
        if attribute.maximum is not None:
            bounds.add(float(attribute.maximum))
        thresholds = sorted(
            bounds
            | {
                float(operand)
                for condition in conditions
                for operand in condition.operands
                if isinstance(operand, (int, float)) and not isinstance(operand, bool)
            }
        )
        points = set(thresholds) | {a / 2 + b / 2 for a, b in pairwise(thresholds)}
        points.add(thresholds[-1] + abs(thresholds[-1]) + 1)
        return [None, *sorted(p for p in points if math.isfinite(p) and attribute.within(p))]
    return [None, *attribute.values]


def set_meeting(
    conditions: list[Condition], available: Set[str], start: Iterable[str] = ()
) -> frozenset[str] | None:
    """A non-empty set drawn from ``available`` (keeping what ``start`` holds, where it can)
    that meets all of ``conditions`` on a set, or ``None``."""
    required: set[str] = set()
    excluded: set[str] = set()
    for condition in conditions:
        if condition.op in ("equals", "contains"):
            required |= _words(condition)
        elif condition.op == "not":
            excluded |= _words(condition)
    if required & excluded or not required <= available:
        return None
    chosen = (set(start) - excluded) | required
    for condition in conditions:
        if condition.op == "one_of":
            options = (_words(condition) & available) - excluded
            if not options:
                return None
            if not chosen & options:
                chosen.add(sorted(options, key=str)[0])
    if not chosen:  # only exclusions: any value they leave will do
        chosen = set(sorted(available - excluded, key=str)[:1])
    state = frozenset(chosen)
    return state if state and all(condition.holds(state) for condition in conditions) else None


def _words(condition: Condition) -> set[str]:
    """The values a condition on a set names: words, as a set's values are (the rule parser
    checks each is one of the attribute's values)."""
    return {value for value in condition.operands if isinstance(value, str)}


def empty_ok(conditions: list[Condition]) -> bool:
    """Whether an empty set (nothing stated or concluded) meets all ``conditions``."""
    return all(condition.holds(frozenset()) for condition in conditions)


def value_meeting(
    attribute: Attribute, conditions: list[Condition], current: FactValue | None = None
) -> tuple[bool, FactValue | None]:
    """A value of a stated attribute meeting every one of ``conditions``, as close to
    ``current`` as may be: ``(True, value)`` (``None``: not stated), or ``(False, None)``.

    A set keeps what it holds and gains what the conditions require; a number moves as little
    as it can.
    """
    if attribute.multi:
        held = current if isinstance(current, frozenset) else ()
        found = set_meeting(conditions, set(attribute.values), held)
        if found is not None:
            return True, found
        return (True, None) if empty_ok(conditions) else (False, None)
    options = candidates(attribute, conditions)
    if attribute.kind == "amount" and isinstance(current, (int, float)):
        # Not known first, then the numbers nearest the current one (amounts are numbers).
        options.sort(key=lambda v: abs(v - current) if isinstance(v, (int, float)) else -1)
    for option in options:
        if all(condition.holds(option) for condition in conditions):
            return True, option
    return False, None
