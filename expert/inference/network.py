"""Build experta's RETE network for compiled rules in time linear in their number.

experta's :class:`~experta.matchers.ReteMatcher` builds a network whose cost grows with the
square of a large base: to find an alpha node's child with a given test it scans all of the
node's children, and every ``add_child`` scans the children again for a node that, with
experta's node classes, is never among them (a node is compared with ``(node, callback)``
pairs). It also rewrites each rule into disjunctive normal form, copying it several times,
though the compiler's rules are in that form already. :class:`LinearMatcher` builds the same
nodes, tests and edges in the same order, finding a node's child by its test in a dictionary,
appending children without the scan, and taking a compiled rule as it is. A rule of any other
shape (``OR``, ``TEST``, ``EXISTS``, ``FORALL``, nested ``AND``) is left to experta's own steps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import update_wrapper
from itertools import chain, pairwise
from typing import Any

from ._compat import (
    NOT,
    ChildNode,
    ConflictSetNode,
    Fact,
    FactCapture,
    FeatureCheck,
    FeatureTesterNode,
    InitialFact,
    L,
    NotNode,
    OrdinaryMatchNode,
    P,
    ReteMatcher,
    Rule,
    SameContextCheck,
    TypeCheck,
)
from ._compat import experta as _experta

__all__ = ["LinearMatcher"]

_utils = _experta.matchers.rete.utils


def _plain(rule: Any) -> bool:
    """Whether a rule is a conjunction of facts and negated facts whose fields are plain
    literals, predicates or bindings: the compiler's shape, already in normal form."""
    for element in rule:
        fact = element[0] if type(element) is NOT and len(element) == 1 else element
        if not isinstance(fact, Fact):
            return False
        if any(_is_constraint(v) and not isinstance(v, (L, P)) for v in fact.values()):
            return False
    return True


def _is_constraint(value: Any) -> bool:
    return isinstance(value, _experta.fieldconstraint.FieldConstraint)


def _prepared(rule: Any) -> Any:
    """``prepare_rule(rule)`` for a plain rule: a copy of it, with the initial fact first if
    it opens with a negation or tests no fact, made as ``Rule.new_conditions`` makes it but
    without inspecting the action's signature again (it is the same action)."""
    conditions = tuple(rule)
    if not conditions or type(conditions[0]) is NOT:
        conditions = (InitialFact(), *conditions)
    copy = Rule(*conditions, salience=rule.salience)
    if rule._wrapped is not None:
        copy._wrapped = rule._wrapped
        copy._wrapped_args = rule._wrapped_args
        update_wrapper(copy, rule._wrapped)
    return copy


def _append(parent: Any, node: Any, callback: Any) -> None:
    """``parent.add_child(node, callback)`` without its scan (which never finds ``node``)."""
    parent.children.append(ChildNode(node, callback))


def _terminal(element: Any, terminals: dict[Any, Any]) -> Any:
    return terminals[element[0] if type(element) is NOT else element]


class LinearMatcher(ReteMatcher):  # type: ignore[misc]
    """experta's RETE matcher, with the network built in time linear in the rules."""

    @staticmethod
    def prepare_ruleset(engine: Any) -> set[Any]:
        return {
            _prepared(rule) if _plain(rule) else _utils.prepare_rule(rule)
            for rule in engine.get_rules()
        }

    @staticmethod
    def build_alpha_part(ruleset: set[Any], root_node: Any) -> dict[Any, Any]:
        """experta's ``build_alpha_part``, finding a node's child by its test in a dict."""
        ruleset = ruleset.copy()
        ruleset.add(Rule(InitialFact()))
        rule_facts = {rule: _utils.extract_facts(rule) for rule in ruleset}
        fact_checks = {
            fact: set(_utils.generate_checks(fact))
            for fact in chain.from_iterable(rule_facts.values())
        }
        check_rank = Counter(chain.from_iterable(fact_checks.values()))

        def weighted_check_sort(check: Any) -> tuple[float, int]:
            if isinstance(check, TypeCheck):
                return (float("inf"), hash(check))
            if isinstance(check, FactCapture):
                return (float("-inf"), hash(check))
            if isinstance(check, FeatureCheck):
                return (check_rank[check], hash(check))
            raise TypeError("Unknown check type.")  # as experta's

        def weighted_rule_sort(rule: Any) -> float:
            total = sum(check_rank[c] for fact in rule_facts[rule] for c in fact_checks[fact])
            return total / len(rule_facts[rule])

        # (id of a node, id of a test) -> the node's child with that test; experta looks
        # for the child whose test *is* the test (tests are interned).
        child_by_test: dict[tuple[int, int], Any] = {}
        terminals: dict[Any, Any] = {}
        for rule in sorted(ruleset, key=weighted_rule_sort, reverse=True):
            for fact in rule_facts[rule]:
                node = root_node
                for check in sorted(fact_checks[fact], key=weighted_check_sort, reverse=True):
                    key = (id(node), id(check))
                    child = child_by_test.get(key)
                    if child is None:
                        child = FeatureTesterNode(check)
                        _append(node, child, child.activate)
                        child_by_test[key] = child
                    node = child
                terminals[fact] = node
        return terminals

    @staticmethod
    def build_beta_part(ruleset: Iterable[Any], alpha_terminals: dict[Any, Any]) -> None:
        """experta's ``build_beta_part``: per rule, its chain of two-input nodes and its
        conflict-set node, children appended without a scan."""
        for rule in ruleset:
            if not _plain(rule):
                ReteMatcher.build_beta_part([rule], alpha_terminals)
                continue
            if len(rule) == 1:
                last = _terminal(rule[0], alpha_terminals)
            else:
                current = None
                for first, second in pairwise(rule):
                    kind = NotNode if type(second) is NOT else OrdinaryMatchNode
                    if current is None:
                        left = _terminal(first, alpha_terminals)
                    else:
                        left = current
                    right = _terminal(second, alpha_terminals)
                    current = kind(SameContextCheck())
                    _append(left, current, current.activate_left)
                    _append(right, current, current.activate_right)
                last = current
            conflict_set = ConflictSetNode(rule)
            _append(last, conflict_set, conflict_set.activate)
