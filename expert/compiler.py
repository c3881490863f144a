"""Compile a :class:`~expert.knowledge.KnowledgeBase` into an experta ``KnowledgeEngine`` class.

Every fact in working memory is ``Fact(attr=<name>, value=<value>)``: one per stated input
(a set-valued input is one fact holding a frozenset) and one per concluded value. Each rule
becomes an experta ``Rule`` whose patterns test those facts; its action records the firing and
declares the conclusions, so rules chain (CLIPS: forward chaining on asserted facts).

Rules are ordered in *stages*: a rule that tests a concluded attribute runs after every rule
that can conclude it (by salience, as a CLIPS programmer would with ``declare (salience)``).
That keeps ``absent``/``not`` on concluded attributes sound and lets certainties be computed
stage by stage. A cycle among concluded attributes is rejected here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._compat import AS, NOT, Fact, KnowledgeEngine, P, Rule
from .errors import KnowledgeBaseError
from .knowledge import Condition, KnowledgeBase, RuleSpec

__all__ = ["CompiledBase", "binds", "compile_base", "parts", "stages"]

_STAGE_STEP = 1000  # salience distance between stages; a rule's own salience is within +-999


class CompiledBase:
    """A knowledge base compiled once: the experta engine class and the rule stages.

    The class is shared; engines built from it must not be (experta has no locks), so
    :class:`~expert.engine.Expert` keeps one engine per thread.
    """

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self.stages = stages(knowledge)
        #: Attributes some rule tests; only these need to enter working memory.
        self.tested = frozenset(a for rule in knowledge.rules for a in rule.tested())
        #: Per rule, the (attribute, value) conclusions its firing puts in working memory. A
        #: conclusion no rule tests is only recorded: declaring it would cost a pass through
        #: the whole network for nothing.
        self.declared: tuple[tuple[tuple[str, Any], ...], ...] = tuple(
            tuple((c.attribute, c.value) for c in rule.conclusions if c.attribute in self.tested)
            for rule in knowledge.rules
        )
        #: Per rule, its place in the canonical firing order: (stage, -salience, index).
        self.rank: tuple[tuple[int, int, int], ...] = tuple(
            (self.stages[rule.id], -rule.salience, index)
            for index, rule in enumerate(knowledge.rules)
        )
        index_of = {rule.id: index for index, rule in enumerate(knowledge.rules)}
        #: Per rule, the indexes of the rules that override it (its exceptions).
        self.exceptions: tuple[tuple[int, ...], ...] = tuple(
            tuple(index_of[r.id] for r in knowledge.rules if rule.id in r.overrides)
            for rule in knowledge.rules
        )
        #: Per rule, the attributes it concludes.
        self.concluded: tuple[frozenset[str], ...] = tuple(
            frozenset(rule.concluded()) for rule in knowledge.rules
        )
        #: Per rule, every (attribute, value) it concludes.
        self.conclusions: tuple[tuple[tuple[str, Any], ...], ...] = tuple(
            tuple((c.attribute, c.value) for c in rule.conclusions) for rule in knowledge.rules
        )
        self.engine_class = _engine_class(knowledge, self.stages, self.declared)

    def new_engine(self) -> Any:
        """A fresh engine of the compiled class (tens of ms: reuse it)."""
        return self.engine_class()


def stages(knowledge: KnowledgeBase) -> dict[str, int]:
    """Each rule's stage: 0 if it tests only stated facts, else 1 + the stages it waits for.

    A rule waits for the rules that conclude what it tests, and for the exceptions that
    override it (so that whether it is defeated is known when its firing is weighed).

    Raises:
        KnowledgeBaseError: rules form a cycle through concluded attributes.
    """
    concluders: dict[str, list[RuleSpec]] = {}
    overriders: dict[str, list[RuleSpec]] = {}
    for rule in knowledge.rules:
        for attribute in rule.concluded():
            concluders.setdefault(attribute, []).append(rule)
        for general in rule.overrides:
            overriders.setdefault(general, []).append(rule)
    result: dict[str, int] = {}
    visiting: list[str] = []
    # The latest stage among an attribute's concluders, worked out once per attribute: a
    # base where many rules test one concluded attribute stays linear.
    ready: dict[str, int] = {}

    def stage_of(rule: RuleSpec) -> int:
        if rule.id in result:
            return result[rule.id]
        if rule.id in visiting:
            cycle = visiting[visiting.index(rule.id) :] + [rule.id]
            raise KnowledgeBaseError(
                f"rules form a cycle: {' -> '.join(cycle)}", path=rule.path, rule_id=rule.id
            )
        visiting.append(rule.id)
        waits = [
            ready_of(attribute) for attribute in sorted(rule.tested()) if attribute in concluders
        ] + [stage_of(exception) for exception in overriders.get(rule.id, [])]
        visiting.pop()
        result[rule.id] = 1 + max(waits) if waits else 0
        return result[rule.id]

    def ready_of(attribute: str) -> int:
        if attribute not in ready:
            ready[attribute] = max(stage_of(before) for before in concluders[attribute])
        return ready[attribute]

    for rule in knowledge.rules:
        stage_of(rule)
    return result


def _pattern(condition: Condition, binding: str | None) -> Any:
    """The experta pattern for one condition; ``binding`` names the matched fact."""
    name = condition.attribute
    if condition.op == "absent":
        return NOT(Fact(attr=name))
    if condition.concluded and condition.op == "not":
        wanted = set(condition.operands)
        return NOT(Fact(attr=name, value=P(lambda value: value in wanted)))
    if condition.op == "present":
        pattern = Fact(attr=name)
    elif condition.op == "equals" and not condition.multi:
        # A literal test: experta shares one alpha node among all rules testing it.
        pattern = Fact(attr=name, value=condition.operand)
    elif condition.concluded and condition.op in ("equals", "contains"):
        # One concluded value per fact: callers split multi-value tests into one per value.
        pattern = Fact(attr=name, value=condition.operand)
    elif condition.concluded:  # one_of
        wanted = set(condition.operands)
        pattern = Fact(attr=name, value=P(lambda value: value in wanted))
    elif condition.multi and condition.op in ("equals", "contains", "one_of"):
        # A stated set passes only if it holds one of these values: the tuned network files
        # such tests by value (expert._rete), so a set meets only the tests it can pass.
        pattern = Fact(attr=name, value=P(_member_test(condition)))
    else:
        pattern = Fact(attr=name, value=P(condition.holds_value))
    return getattr(AS, binding) << pattern if binding else pattern


def _member_test(condition: Condition) -> Callable[[Any], bool]:
    """``condition.holds_value``, tagged with the values one of which a set must hold."""

    def test(value: Any) -> bool:
        return condition.holds_value(value)

    test.members = frozenset(condition.operands)  # type: ignore[attr-defined]
    return test


def parts(rule: RuleSpec) -> list[Condition]:
    """The rule's conditions as one test per fact: a test of several concluded values
    (``equals``/``contains`` a list) becomes one test per value, since each concluded value
    is a fact of its own. Every engine compiles these parts."""
    split: list[Condition] = []
    for condition in rule.conditions:
        if condition.concluded and condition.op in ("equals", "contains"):
            split.extend(
                Condition(condition.attribute, "equals", value, concluded=True)
                for value in condition.operands
            )
        else:
            split.append(condition)
    return split


def binds(part: Condition) -> bool:
    """Whether a part matches a fact (and so appears in a firing's ``matched`` facts):
    ``absent`` and ``not`` on a concluded attribute test that no fact exists."""
    return part.op != "absent" and not (part.concluded and part.op == "not")


def _patterns(rule: RuleSpec) -> tuple[list[Any], tuple[str, ...]]:
    """The experta patterns of a rule and the names bound to its matched facts, in order."""
    patterns: list[Any] = []
    bindings: list[str] = []
    for part in parts(rule):
        binding = f"f{len(patterns)}" if binds(part) else None
        if binding:
            bindings.append(binding)
        patterns.append(_pattern(part, binding))
    return patterns, tuple(bindings)


def _action(index: int, stage: int, bindings: tuple[str, ...]) -> Callable[..., None]:
    def action(*args: Any, **context: Any) -> None:
        # experta passes the running engine as the last positional argument; the shared
        # Rule object's own idea of `self` may belong to another engine, so it is not used.
        engine = args[-1]
        engine.fired(index, tuple((context[b]["attr"], context[b]["value"]) for b in bindings))

    action.__name__ = f"rule_{index}"
    # experta copies Rule objects when it builds the network; these travel along, so a
    # runner can fire an activation without going through experta's Rule.__call__.
    action.index = index  # type: ignore[attr-defined]
    action.stage = stage  # type: ignore[attr-defined]
    action.bindings = bindings  # type: ignore[attr-defined]
    return action


def _engine_class(knowledge: KnowledgeBase, rule_stages: dict[str, int], declared: Any) -> type:
    namespace: dict[str, Any] = {}
    for index, rule in enumerate(knowledge.rules):
        stage = rule_stages[rule.id]
        salience = rule.salience - _STAGE_STEP * stage
        patterns, bindings = _patterns(rule)
        action = _action(index, stage, bindings)
        namespace[f"rule_{index}"] = Rule(*patterns, salience=salience)(action)

    def fired(self: Any, index: int, matched: tuple[tuple[str, Any], ...]) -> None:
        self.record.append((index, matched))
        for attribute, value in declared[index]:
            self.declare(Fact(attr=attribute, value=value))

    namespace["fired"] = fired
    namespace["record"] = ()
    return type("CompiledKnowledgeEngine", (KnowledgeEngine,), namespace)


def compile_base(knowledge: KnowledgeBase) -> CompiledBase:
    """Compile ``knowledge`` (cached per knowledge base object)."""
    compiled = _COMPILED.get(id(knowledge))
    if compiled is None or compiled.knowledge is not knowledge:
        compiled = CompiledBase(knowledge)
        _COMPILED[id(knowledge)] = compiled
    return compiled


_COMPILED: dict[int, CompiledBase] = {}
