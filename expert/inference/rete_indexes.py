"""Indexes over the children of a RETE alpha node: a fact is tested only against the
children whose literal, member or range it can match.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from typing import Any

from ..model.rules import Condition
from ._compat import (
    ChildNode,
    FeatureCheck,
    FeatureTesterNode,
    L,
    P,
    Token,
)


class Index:
    """Stands for sibling nodes (its ``children``) behind one port, ``activate``."""

    children: list[ChildNode]

    def reset(self) -> None:
        for child in self.children:
            child.node.reset()

    def activate(self, token: Token) -> None:
        raise NotImplementedError


class LiteralIndex(Index):
    """Stands for sibling nodes that each test ``fact[what] == <literal>``: one dictionary
    lookup finds the nodes that match, instead of a call per sibling."""

    def __init__(self, what: str, children: list[ChildNode]) -> None:
        self.what = what
        self.children = children  # kept for walks of the network
        self.table: dict[Any, list[ChildNode]] = {}
        for child in children:
            # Equal literals (True, 1, 1.0) share a slot: each node re-tests with ==.
            self.table.setdefault(child.node.matcher.how.value, []).append(child)

    def activate(self, token: Token) -> None:
        (fact,) = token.data
        try:
            value = fact[self.what]
            found = self.table.get(value, ())
        except (KeyError, TypeError):  # no such field, or an unhashable value: test each
            for child in self.children:
                child.callback(token)
            return
        if type(value) is str:
            # A text key is found only under equal text: every node in its slot passes (an
            # unbound literal adds no bindings), so the token goes straight to their children.
            for child in found:
                for grandchild in child.node.children:
                    grandchild.callback(token)
            return
        for child in found:
            child.callback(token)


class MemberIndex(Index):
    """Stands for sibling nodes that each test a set value that can pass only if the set
    holds one of the test's ``members`` (``contains``/``one_of`` on a stated set, marked by
    the compiler): a set meets only the tests naming one of its members, in their order."""

    def __init__(self, children: list[ChildNode]) -> None:
        self.children = children  # kept for walks of the network
        self.table: dict[Any, list[int]] = {}
        for position, child in enumerate(children):
            for member in members_of(child):
                self.table.setdefault(member, []).append(position)

    def activate(self, token: Token) -> None:
        (fact,) = token.data
        value = fact.get("value") if isinstance(fact, dict) else None
        if type(value) is not frozenset:  # not a set: every test says for itself
            for child in self.children:
                child.callback(token)
            return
        table = self.table
        found = [position for member in value for position in table.get(member, ())]
        if len(value) > 1:  # a test may name several of the set's members: once each
            found = sorted(set(found))
        children = self.children
        for position in found:
            children[position].callback(token)


class RangeIndex(Index):
    """Stands for sibling nodes that each compare a number with a threshold (``lt``, ``le``,
    ``gt``, ``ge`` of an amount): the thresholds of each comparison are kept sorted, so a
    number meets only the tests it passes, found by bisection, instead of every test (an
    alpha index for intervals; a base of thousands of price rules has thousands of them).
    Any other value meets every test, which says for itself."""

    def __init__(self, children: list[ChildNode]) -> None:
        self.children = children  # kept for walks of the network
        by_op: dict[str, list[tuple[Any, int]]] = {}
        for position, child in enumerate(children):
            op, threshold = comparison_of(child)  # type: ignore[misc]
            by_op.setdefault(op, []).append((threshold, position))
        self.ops = []
        for op, entries in by_op.items():
            entries.sort()
            self.ops.append((op, [t for t, _ in entries], [p for _, p in entries]))

    def activate(self, token: Token) -> None:
        (fact,) = token.data
        value = fact.get("value") if isinstance(fact, dict) else None
        children = self.children
        if type(value) not in (int, float) or not math.isfinite(value):  # type: ignore[arg-type]
            for child in children:
                child.callback(token)
            return
        # Bisection finds exactly the tests the number passes, and an unbound test adds no
        # bindings: the token goes straight to their children.
        for position in passing(self.ops, value):
            for grandchild in children[position].node.children:
                grandchild.callback(token)


def bisected(op: str, thresholds: list[Any], items: list[Any], value: Any) -> list[Any]:
    """The ``items`` (in the order of their sorted ``thresholds``) whose ``op`` comparison
    of ``value`` with their threshold holds."""
    if op == "gt":  # threshold < value
        return items[: bisect_left(thresholds, value)]
    if op == "ge":  # threshold <= value
        return items[: bisect_right(thresholds, value)]
    if op == "lt":  # threshold > value
        return items[bisect_right(thresholds, value) :]
    return items[bisect_left(thresholds, value) :]  # le: threshold >= value


def passing(ops: list[tuple[str, list[Any], list[int]]], value: Any) -> list[int]:
    """The positions of the sorted tests ``ops`` (op, thresholds, positions) that ``value``
    passes, in the siblings' own order."""
    found: list[int] = []
    for op, thresholds, positions in ops:
        found += bisected(op, thresholds, positions, value)
    found.sort()
    return found


def comparison_of(child: ChildNode) -> tuple[str, Any] | None:
    """(op, threshold) of a child testing a stated number against a finite threshold with
    :meth:`Condition.holds_value`, or ``None``."""
    node = child.node
    if type(node) is not FeatureTesterNode or type(node.matcher) is not FeatureCheck:
        return None
    how = node.matcher.how
    if type(how) is not P or how.__bind__ is not None or node.matcher.what != "value":
        return None
    condition = getattr(how.match, "__self__", None)
    if type(condition) is not Condition or how.match.__func__ is not Condition.holds_value:
        return None
    threshold = condition.operand
    if condition.multi or condition.op not in ("lt", "le", "gt", "ge"):
        return None
    if type(threshold) not in (int, float) or isinstance(threshold, (str, tuple)):
        return None
    if not math.isfinite(threshold):
        return None
    return condition.op, threshold


def members_of(child: ChildNode) -> frozenset[Any]:
    """The members one of which a set must hold to pass the child's unbound ``value`` test
    (empty if the child is no such test)."""
    node = child.node
    if type(node) is not FeatureTesterNode or type(node.matcher) is not FeatureCheck:
        return frozenset()
    how = node.matcher.how
    if type(how) is not P or how.__bind__ is not None or node.matcher.what != "value":
        return frozenset()
    members = getattr(how.match, "members", None)
    return members if isinstance(members, frozenset) else frozenset()


def literal_of(child: ChildNode) -> str | None:
    """The field an unbound literal test node tests, or ``None`` for any other child."""
    node = child.node
    if type(node) is not FeatureTesterNode or type(node.matcher) is not FeatureCheck:
        return None
    check = node.matcher
    how = check.how
    if not isinstance(how, L) or how.__bind__ is not None or not isinstance(check.what, str):
        return None
    if "__" in check.what:  # nested accessors and special fields are left alone
        return None
    try:
        hash(how.value)
    except TypeError:
        return None
    return check.what
