"""Alpha memories of amount comparisons, kept once per index and read only when a join asks.

Behind a :class:`~expert.inference.rete_indexes.RangeIndex` (thousands of ``price > t``
tests on a large base), a number passes about half of the tests. Filled eagerly, each of
those tests' alpha memories stores the fact and asks each two-input node it feeds whether
the other side holds anything, though few do: one Python step per passing test. Here the
fact is stored once, in the index (:class:`AmountIndex`), and each test's memory is a view
(:class:`LazyMemory`) that finds the stored facts passing its test when a join reads it.
A fact entering the index goes, in the siblings' order, only to the tests whose joins can
meet something: those with a child other than a join, those whose join's other side is an
alpha memory holding a fact, and pairs of tests of this index joined together that the
number passes both of (a range such as ``0 < price <= 3``), each found by bisection.

The views show a fact to a test exactly when the eager memories would have held it: while
a fact goes through the index, only the tests it has reached so far hold it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import ge, gt, le, lt
from typing import Any

from ._compat import ChildNode, FactCapture, FeatureTesterNode, OrdinaryMatchNode, Token
from .rete_indexes import RangeIndex, bisected, comparison_of, passing

_VALID = Token.TagType.VALID

_new_tuple = tuple.__new__

#: ``value <op> threshold`` by the comparison's name.
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {"lt": lt, "le": le, "gt": gt, "ge": ge}

#: Where a fact stands while it goes through the index: past every test.
_DONE = float("inf")


class _Entry:
    """A fact held by an index: ``reached`` is the last test (its position) it has gone
    through; ``adding`` is false while a retracted fact leaves the tests one by one."""

    __slots__ = ("adding", "data", "fact", "reached", "value")

    def __init__(self, fact: Any, data: Any) -> None:
        self.fact, self.data = fact, data
        self.value = fact.get("value") if isinstance(fact, dict) else None
        self.reached: float = -1
        self.adding = True

    def held_at(self, position: int) -> bool:
        """Whether the eager memory of the test at ``position`` holds this fact now."""
        return position <= self.reached if self.adding else position > self.reached


class LazyMemory:
    """The alpha memory of one comparison test of an :class:`AmountIndex`, as a join reads
    it: the (facts, context) pairs of the index's facts that pass the test and have reached
    it. It is emptied with the index; the joins it feeds never store into it."""

    __slots__ = ("amounts", "bind", "passes", "position")

    def __init__(
        self, amounts: AmountIndex, position: int, bind: str, passes: Callable[[Any], Any]
    ) -> None:
        self.amounts, self.position, self.bind, self.passes = amounts, position, bind, passes

    def __iter__(self) -> Iterator[tuple[Any, dict[str, Any]]]:
        position, passes = self.position, self.passes
        for entry in self.amounts.store:
            if entry.held_at(position) and passes(entry.value):
                yield entry.data, {self.bind: entry.fact}

    def __bool__(self) -> bool:
        store = self.amounts.store
        if not store:
            return False
        position, passes = self.position, self.passes
        return any(entry.held_at(position) and passes(entry.value) for entry in store)

    def clear(self) -> None:
        """Nothing to empty: the index holds the facts (a join's reset calls this)."""


class AmountIndex:
    """A :class:`RangeIndex` whose tests' alpha memories are :class:`LazyMemory` views.

    Made by :meth:`over` when every test behind the index captures the fact at once (the
    compiler's patterns); ``memories`` are then the views to put on the joins' sides, and
    :meth:`plan` must be called once the alpha nodes' ``routes`` are grouped.
    """

    def __init__(self, index: RangeIndex) -> None:
        self.index = index
        self.store: list[_Entry] = []
        count = len(index.children)
        #: Per test, in the siblings' order: its comparison and threshold, its capture node.
        self.tests = [comparison_of(child) for child in index.children]
        self.captures = [child.node.children[0] for child in index.children]
        self.memories: dict[int, LazyMemory] = {}
        self.routes: list[list[tuple[Any, list[Callable[[Token], Any]]]] | None] = [None] * count
        self._always: list[tuple[str, list[Any], list[int]]] = []
        self._beside: list[tuple[Any, list[tuple[str, list[Any], list[int]]]]] = []
        self._pairs: list[tuple[str, list[Any], list[tuple[Callable[..., Any], Any, int]]]] = []

    @classmethod
    def over(cls, index: RangeIndex, alpha: dict[int, Any]) -> AmountIndex | None:
        """The lazy form of ``index``, or ``None`` if a test has any child but one capture."""
        for child in index.children:
            below = child.node.children
            if len(below) != 1 or type(below[0].node) is not FeatureTesterNode:
                return None
            if type(below[0].node.matcher) is not FactCapture:
                return None
        amounts = cls(index)
        for position, capture in enumerate(amounts.captures):
            if id(capture.node) in alpha:
                how = index.children[position].node.matcher.how
                bind = capture.node.matcher.bind
                amounts.memories[id(capture.node)] = LazyMemory(amounts, position, bind, how.match)
        return amounts

    def plan(self, alpha: dict[int, Any], alpha_lists: set[int]) -> None:
        """Sort the tests by what can make them route a fact (see the module docstring).

        ``alpha`` are the shared alpha memories by capture node; ``alpha_lists`` the ids of
        their token lists, which no fact going through this index can fill."""
        always: list[int] = []
        beside: dict[int, tuple[Any, list[int]]] = {}
        pairs: list[tuple[int, int]] = []
        for position, capture in enumerate(self.captures):
            memory = self.memories.get(id(capture.node))
            if memory is None:  # its children have memories of their own: always go
                always.append(position)
                continue
            routes = self.routes[position] = alpha[id(capture.node)].routes
            for other, _ in routes:
                if type(other) is LazyMemory and other.amounts is self:
                    if other.position < position:  # a pair routes from its later test
                        pairs.append((other.position, position))
                elif other is not None and id(other) in alpha_lists:
                    beside.setdefault(id(other), (other, []))[1].append(position)
                else:  # not a join, or one whose other side may fill on the way
                    always.append(position)
        self._always = self._sorted(always)
        self._beside = [(other, self._sorted(found)) for other, found in beside.values()]
        by_op: dict[str, list[tuple[Any, tuple[Callable[..., Any], Any, int]]]] = {}
        for first, later in pairs:
            op, threshold = self.tests[first]  # type: ignore[misc]
            other_op, other_threshold = self.tests[later]  # type: ignore[misc]
            by_op.setdefault(op, []).append(
                (threshold, (_COMPARE[other_op], other_threshold, later))
            )
        for op, entries in by_op.items():
            entries.sort(key=lambda entry: entry[0])
            self._pairs.append((op, [t for t, _ in entries], [e for _, e in entries]))

    def _sorted(self, positions: list[int]) -> list[tuple[str, list[Any], list[int]]]:
        by_op: dict[str, list[tuple[Any, int]]] = {}
        for position in set(positions):
            op, threshold = self.tests[position]  # type: ignore[misc]
            by_op.setdefault(op, []).append((threshold, position))
        ops = []
        for op, entries in by_op.items():
            entries.sort()
            ops.append((op, [t for t, _ in entries], [p for _, p in entries]))
        return ops

    def _reset(self) -> None:
        self.store.clear()

    def activate(self, token: Token, touched: dict[int, Any]) -> None:
        """Take a fact in (or out) and send it to the tests that can route it, in order."""
        (fact,) = token.data
        touched[id(self)] = self
        if token.tag is _VALID:
            entry = _Entry(fact, token.data)
            self.store.append(entry)
        else:
            entry = next((e for e in self.store if e.data == token.data), _Entry(fact, set()))
            entry.adding, entry.reached = False, -1
        value = entry.value
        number = type(value) in (int, float) and value == value  # not NaN
        if number and len(self.store) == 1:
            positions = self._reachable(value)
        elif number:
            positions = passing(self.index.ops, value)
        else:  # any other value: each test says for itself (none passes a non-number)
            positions = [p for p, m in enumerate(self._tests_of()) if m(value)]
        captures, routes, memories = self.captures, self.routes, self.memories
        for position in positions:
            entry.reached = position
            capture = captures[position]
            grouped = routes[position]
            memory = memories.get(id(capture.node))
            if grouped is None or memory is None:  # an eager capture: as the index did
                capture.callback(token)
                continue
            out = _new_tuple(Token, (token.tag, token.data, {**token.context, memory.bind: fact}))
            for other, callbacks in grouped:
                if other is None or other:
                    for callback in callbacks:
                        callback(out)
        if entry.adding:
            entry.reached = _DONE
        elif entry in self.store:
            self.store.remove(entry)

    def _tests_of(self) -> list[Callable[[Any], Any]]:
        return [child.node.matcher.how.match for child in self.index.children]

    def _reachable(self, value: Any) -> list[int]:
        """The tests ``value`` passes that can route it while it is the index's only fact."""
        found = passing(self._always, value)
        for other, ops in self._beside:
            if other:
                found += passing(ops, value)
        for op, thresholds, entries in self._pairs:
            for compare, threshold, later in bisected(op, thresholds, entries, value):
                if compare(value, threshold):
                    found.append(later)
        return sorted(set(found))

    def child(self, touched: dict[int, Any]) -> ChildNode:
        """The edge that stands for the index in its parent's children."""
        return ChildNode(self.index, lambda token: self.activate(token, touched))


def lazy_joins(feeds: list[tuple[OrdinaryMatchNode, bool]], memory: LazyMemory) -> None:
    """Put ``memory`` on the side of each join a lazy test feeds (True: the left side)."""
    for join, left in feeds:
        setattr(join, "left_memory" if left else "right_memory", memory)
