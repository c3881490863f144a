"""A faster way through one experta engine's RETE network, wired after the network is built.

experta's network is correct but does much more work than matching needs:

* every node copies each token it receives with a constructor that re-validates it (asserts
  and an ``isinstance`` per fact), though only a test that adds bindings changes a token;
* a fact entering the network is tested against every attribute literal in turn (about
  twenty ``attr == ...`` nodes for one fact), though at most one can match;
* after every change it asks each of its ~170 conflict-set nodes for new activations, and
  keeps activations in sets, hashing each rule's whole pattern tuple again and again;
* ``reset()`` walks the whole network recursively and introspects the engine for deffacts;
  every declared fact is validated and logged;
* a test is four calls deep (node, check, check function, predicate), and two-input nodes
  freeze every token they store and thaw every one they join with.

:class:`TunedNetwork` keeps experta's nodes, their tests and their memories, and rewires the
edges between them: a token is copied only when a test adds bindings to it; sibling literal
tests sit behind a dictionary keyed by the tested value (an alpha index, as CLIPS hashes its
alpha memories), and sibling tests of a stated set behind one keyed by the members they need;
a fact enters past the type test it passes; the checks the compiler uses run inline in their
node; two-input nodes keep tokens as they are; conflict-set nodes report activations as they
happen, in order; a reset clears only the memories a consultation reached; nothing is logged.
The two-input and conflict-set nodes' ports are in :mod:`expert.inference.rete_ports`; the
comparisons of an amount keep its facts once per index, their memories read only when a join
asks (:mod:`expert.inference.rete_amounts`). Working memory and the agenda are the runner's (:class:`expert.inference.runner.ExpertaRunner`).
Nothing of experta is changed for other engines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from operator import eq
from typing import Any

from ._compat import (
    ChildNode,
    ConflictSetNode,
    Fact,
    FactCapture,
    FeatureCheck,
    FeatureTesterNode,
    InitialFact,
    L,
    NoMemory,
    NotNode,
    OrdinaryMatchNode,
    P,
    Token,
    TypeCheck,
    WhereNode,
)
from .rete_amounts import AmountIndex, lazy_joins
from .rete_indexes import (
    Index,
    LiteralIndex,
    MemberIndex,
    RangeIndex,
    comparison_of,
    literal_of,
    members_of,
)
from .rete_ports import Match, conflict_set_port, copying, match_port, not_port, touching

#: Nodes that never change the token they receive (they store ``TokenInfo`` copies).
_READ_ONLY = (OrdinaryMatchNode, NotNode, WhereNode)


_VALID = Token.TagType.VALID


_new_tuple = tuple.__new__


def new_fact(attribute: str, value: Any) -> Fact:
    """``Fact(attr=attribute, value=value)`` without experta's per-item freezing and checks.

    Values here are already immutable (text, numbers, booleans, frozensets), which is what
    experta's ``freeze`` would leave them as.
    """
    fact = dict.__new__(Fact)
    dict.__setitem__(fact, "attr", attribute)
    dict.__setitem__(fact, "value", value)
    fact._Fact__defaults = {}  # what Fact.__init__ sets (name-mangled)
    fact._hash = hash(frozenset((("attr", attribute), ("value", value))))  # Fact.__hash__'s
    fact.pair = (attribute, value)  # what a firing reports it matched, made once
    return fact


def _plain_field(check: Any) -> bool:
    """Whether a check tests one plain field of a fact (no nested accessors, no specials)."""
    return type(check) is FeatureCheck and isinstance(check.what, str) and "__" not in check.what


def _test(check: Any) -> Callable[[Any], Any]:
    """The node's check without experta's logging and field-path parsing, for plain fields."""
    if _plain_field(check):
        what, function, expected = check.what, check.check, check.expected

        def test(fact: Any) -> Any:
            try:
                record = fact[what]
            except (IndexError, KeyError, TypeError):
                return False
            return function(record, expected)

        return test
    checked: Callable[[Any], Any] = check
    return checked


class _AlphaMemory:
    """The tokens that passed one alpha node (its fact capture), kept once and shared as the
    side memory of every two-input node it feeds, instead of a copy in each.

    ``routes`` are the node's children grouped by the memory of their other side when they
    are such two-input nodes: a token joins with nothing while that memory is empty, so
    the children are not called at all (the right and left unlinking of CLIPS and
    of Doorenbos's RETE). On a large base a fact passes hundreds of alpha nodes each feeding
    many rules, of which only those whose other patterns matched have work to do.
    """

    def __init__(self) -> None:
        self.tokens: list[tuple[Any, Any]] = []
        self.routes: list[tuple[list[Any] | None, list[Callable[[Token], Any]]]] = []

    def _reset(self) -> None:
        self.tokens.clear()


def _feature_port(
    node: FeatureTesterNode,
    memory: _AlphaMemory | None = None,
    touched: dict[int, Any] | None = None,
) -> Callable[[Token], None]:
    """``FeatureTesterNode.activate`` with the copy made only when the token changes.

    experta copies every token a node receives, because this node adds the test's bindings
    to the token's context. No other node changes a token (the two-input and conflict-set
    nodes store copies and build new tokens), so a token that passes a test without bindings
    can go on as it is; one that gains bindings is copied first. The checks the compiler's
    patterns use (an unbound literal or predicate on a field, capturing the fact) run
    inline; any other check (the fact's type, tested at the root) runs as experta's node
    would run it.
    """
    check = node.matcher
    how: Any = getattr(check, "how", None)
    if type(check) is FactCapture:
        bind = check.bind

        def capture(token: Token) -> None:
            (fact,) = token.data
            context = token.context
            if bind in context and context[bind] != fact:
                return
            if (False, bind) in context and context[(False, bind)] == fact:
                return
            token = _new_tuple(Token, (token.tag, token.data, {**context, bind: fact}))
            for child in node.children:
                child.callback(token)

        if memory is None or touched is None:
            return capture
        tokens, routes, key = memory.tokens, memory.routes, id(memory)

        def capture_shared(token: Token) -> None:
            (fact,) = token.data
            context = token.context
            if bind in context and context[bind] != fact:
                return
            if (False, bind) in context and context[(False, bind)] == fact:
                return
            token = _new_tuple(Token, (token.tag, token.data, {**context, bind: fact}))
            touched[key] = memory
            if token.tag is _VALID:
                tokens.append((token.data, token.context))
            else:
                try:
                    tokens.remove((token.data, token.context))
                except ValueError:
                    pass
            for other, callbacks in routes:
                if other is None or other:
                    for callback in callbacks:
                        callback(token)

        return capture_shared
    if _plain_field(check) and type(how) in (L, P) and how.__bind__ is None:
        # experta's equal_literal (literal == value) or match_predicate, binding nothing.
        what = check.what
        passes = partial(eq, how.value) if type(how) is L else how.match

        def field_test(token: Token) -> None:
            (fact,) = token.data
            try:
                record = fact[what]
            except (IndexError, KeyError, TypeError):
                return
            if passes(record):
                for child in node.children:
                    child.callback(token)

        return field_test
    test = _test(check)

    def callback(token: Token) -> None:
        (fact,) = token.data
        match = test(fact)
        if not match:
            return
        if isinstance(match, Mapping):
            context = token.context
            for key, value in match.items():  # the same checks as experta's node
                if isinstance(key, tuple):  # a negated binding
                    if key[1] in context and context[key[1]] == value:
                        return
                else:
                    if context.get(key, value) != value:
                        return
                    if (False, key) in context and context[(False, key)] == value:
                        return
            token = _new_tuple(Token, (token.tag, token.data.copy(), {**context, **match}))
        for child in node.children:
            child.callback(token)

    return callback


def _walk(root: Any) -> list[Any]:
    """Every node reachable from ``root``, once each."""
    seen: dict[int, Any] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen[id(node)] = node
            stack.extend(child.node for child in node.children)
    return list(seen.values())


def _behind(children: list[ChildNode], group: list[ChildNode], index: Index) -> list[ChildNode]:
    """``children`` with the ``group`` among them replaced by ``index``, where the group's
    first child was (found by identity: a node may have thousands of children)."""
    members = {id(child) for child in group}
    first = next(position for position, child in enumerate(children) if id(child) in members)
    kept = [child for child in children if id(child) not in members]
    kept.insert(first, ChildNode(index, index.activate))  # no member comes before the first
    return kept


class TunedNetwork:
    """One engine's RETE network, rewired for speed (see the module docstring).

    Args:
        engine: a freshly built experta ``KnowledgeEngine``; its network is rewired in place
            and should from then on be driven only through this object.
    """

    def __init__(self, engine: Any) -> None:
        self.root = engine.matcher.root_node
        self._events: list[tuple[bool, Match]] = []
        self._initial_fact = InitialFact()  # the same one each reset: facts do not change
        #: The nodes with a memory that tokens reached since the last reset, by id.
        self._touched: dict[int, Any] = {}
        nodes = _walk(self.root)
        self._memories = {id(node) for node in nodes if type(node)._reset is not NoMemory._reset}
        for node in nodes:
            node._reset()  # the network starts empty, as after reset()
        #: Per fact-capturing alpha node (by id) feeding two-input nodes: its shared memory,
        #: and those nodes with the side it feeds (True: left).
        self._alpha: dict[int, _AlphaMemory] = {}
        feeds: dict[int, list[tuple[Any, bool]]] = {}
        #: (alpha node, two-input node) pairs whose edge shares the alpha node's memory.
        self._shared: set[tuple[int, int]] = set()
        for node in nodes:
            if type(node) is FeatureTesterNode and type(node.matcher) is FactCapture:
                joins = [
                    (child.node, child.callback.__name__ == "activate_left")
                    for child in node.children
                    if type(child.node) is OrdinaryMatchNode
                ]
                # A node fed on both sides by this one keeps memories of its own.
                once = Counter(id(join) for join, _ in joins)
                joins = [(join, left) for join, left in joins if once[id(join)] == 1]
                if joins:
                    memory = self._alpha[id(node)] = _AlphaMemory()
                    feeds[id(node)] = joins
                    for join, left in joins:
                        setattr(join, "left_memory" if left else "right_memory", memory.tokens)
                        self._shared.add((id(node), id(join)))
        #: The range indexes made while rewiring, with the node whose children they join.
        self._ranges: list[tuple[Any, RangeIndex]] = []
        for node in nodes:
            self._rewire(node)
        # Amount tests keep their facts once, in their index, read when a join asks.
        amounts: list[tuple[Any, AmountIndex]] = []
        for parent, index in self._ranges:
            lazy = AmountIndex.over(index, self._alpha)
            if lazy is not None:
                for capture, view in lazy.memories.items():
                    lazy_joins(feeds[capture], view)
                amounts.append((parent, lazy))
        for node in nodes:
            if id(node) in feeds:
                other = {
                    id(join): join.right_memory if left else join.left_memory
                    for join, left in feeds[id(node)]
                }
                # Children whose other side is the same memory (often another alpha node's:
                # the rules testing one choice and some amount) are checked together.
                # Filled in place: the node's port holds this very list.
                grouped: dict[int, tuple[list[Any] | None, list[Callable[[Token], Any]]]] = {}
                for child in node.children:
                    beside = other.get(id(child.node))
                    key = id(beside) if beside is not None else -len(grouped) - 1
                    grouped.setdefault(key, (beside, []))[1].append(child.callback)
                self._alpha[id(node)].routes.extend(grouped.values())
        alpha_lists = {id(memory.tokens) for memory in self._alpha.values()}
        self._amounts = [lazy for _, lazy in amounts]
        for parent, lazy in amounts:
            lazy.plan(self._alpha, alpha_lists)
            parent.children = [
                lazy.child(self._touched) if child.node is lazy.index else child
                for child in parent.children
            ]
        #: The root's type tests by the fact type they pass (a fact goes straight to their
        #: children), and the root's other children.
        self._by_type: dict[type, list[Any]] = {}
        self._other: list[ChildNode] = []
        for child in self.root.children:
            target = child.node
            if type(target) is FeatureTesterNode and type(target.matcher) is TypeCheck:
                self._by_type.setdefault(target.matcher.fact_type, []).append(target)
            else:
                self._other.append(child)

    def _enter(self, fact: Fact) -> None:
        """``root.add(fact)``: a valid token of the fact through the network, made without
        experta's token checks and sent past the type test it passes."""
        token = _new_tuple(Token, (_VALID, {fact}, {}))
        for node in self._by_type.get(type(fact), ()):
            for child in node.children:
                child.callback(token)
        for child in self._other:
            child.callback(token)

    def _rewire(self, node: Any) -> None:
        children = []
        for child in node.children:
            target = child.node
            port = getattr(target, "_" + child.callback.__name__, None)
            if port is None:  # not one of experta's activation methods: leave it as it is
                children.append(child)
            elif type(target) is FeatureTesterNode:
                port = _feature_port(target, self._alpha.get(id(target)), self._touched)
                children.append(ChildNode(target, port))
            elif type(target) is ConflictSetNode:
                children.append(
                    ChildNode(target, conflict_set_port(target, self._events, self._touched))
                )
            else:
                if type(target) is OrdinaryMatchNode:
                    left = child.callback.__name__ == "activate_left"
                    shared = (id(node), id(target)) in self._shared
                    port = match_port(target, left, self._touched, stores=not shared)
                elif type(target) is NotNode:
                    left = child.callback.__name__ == "activate_left"
                    port = not_port(target, left, self._touched)
                else:
                    if type(target) not in _READ_ONLY:
                        port = copying(port)
                    if id(target) in self._memories:
                        port = touching(target, port, self._touched)
                children.append(ChildNode(target, port))
        groups: dict[str, list[ChildNode]] = {}
        for child in children:
            what = literal_of(child)
            if what is not None:
                groups.setdefault(what, []).append(child)
        for what, group in groups.items():
            if len(group) > 1:
                children = _behind(children, group, LiteralIndex(what, group))
        tests = [child for child in children if members_of(child)]
        if len(tests) > 1:
            children = _behind(children, tests, MemberIndex(tests))
        comparisons = [child for child in children if comparison_of(child)]
        if len(comparisons) > 1:
            ranges = RangeIndex(comparisons)
            children = _behind(children, comparisons, ranges)
            self._ranges.append((node, ranges))
        node.children = children

    def reset(self) -> None:
        """Empty every node memory and put the initial fact in (as ``reset()`` does).

        Only the memories tokens reached since the last reset can hold anything: most of a
        network stays untouched by one consultation, and emptying it again would cost a call
        and new containers per node.
        """
        for node in self._touched.values():
            # What the two most common nodes' _reset() does, without a call per node.
            kind = type(node)
            if kind is ConflictSetNode:
                node.memory = set()
            elif kind is OrdinaryMatchNode:
                # Emptied in place: alpha memories are shared, and routes hold these lists.
                node.left_memory.clear()
                node.right_memory.clear()
            else:
                node._reset()
        self._touched.clear()
        self._events.clear()
        self._enter(self._initial_fact)

    def add(self, facts: Iterable[Fact]) -> tuple[list[Match], list[Match]]:
        """Pass new facts through the network; return the matches (activations) added and
        removed since the last call (one that came and went in between is in neither)."""
        for fact in facts:
            self._enter(fact)
        events = self._events
        if all(valid for valid, _ in events):  # nothing was retracted: the usual case
            added = [match for _, match in events]
            events.clear()
            return added, []
        added = []
        removed: list[Match] = []
        for valid, match in events:
            if valid:
                added.append(match)
                continue
            for position, other in enumerate(added):
                if other == match:
                    del added[position]
                    break
            else:
                removed.append(match)
        events.clear()
        return added, removed
