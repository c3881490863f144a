"""Compile a :class:`~expert.model.knowledge_base.KnowledgeBase` into an experta ``KnowledgeEngine`` class.

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

import functools
import weakref
from collections.abc import Callable
from typing import Any, TypeAlias

import attrs

from .._support.collector import collector_paused
from ..kb.stages import stages
from ..model.knowledge_base import KnowledgeBase
from ..model.outcome import Note
from ..model.rules import Concluded, Condition, RuleSpec
from ..model.vocabulary import FactValue, SingleValue, VerdictValue
from ._compat import AS, NOT, Fact, KnowledgeEngine, P, Rule
from .network import LinearMatcher

__all__ = ["CompiledBase", "binds", "compile_base", "parts", "stages"]

_STAGE_STEP = 1000  # salience distance between stages; a rule's own salience is within +-999

#: What each firing of a rule carries, read once per rule: (id, source, quotes joined, every
#: (attribute, value) it concludes, certainty, stage, concluded attributes).
FiringParts: TypeAlias = tuple[str, str, str, tuple[Concluded, ...], float, int, frozenset[str]]

#: One group of a rule's conclusions sharing a certainty: (the conclusions, their certainty,
#: those of them weighed with the verdicts).
Piece: TypeAlias = tuple[tuple[Concluded, ...], float, tuple[Concluded, ...]]

#: A note attribute a rule concludes, with the note's value: one value, or for a set the
#: tuple of the values it concludes.
RuleNote: TypeAlias = tuple[str, VerdictValue]

#: The notes one firing says, each with its key (rule id, attribute).
SaidNotes: TypeAlias = tuple[tuple[tuple[str, str], Note], ...]

#: The facts a firing matched, ``(attribute, value)`` each: a stated one or a concluded one.
Matched: TypeAlias = tuple[tuple[str, FactValue], ...]

#: The value test of a working-memory fact's value.
ValueTest: TypeAlias = Callable[[FactValue], bool]


class CompiledBase:
    """A knowledge base compiled once: the experta engine class and the rule stages.

    The class is shared; engines built from it must not be (experta has no locks), so
    :class:`~expert.api.expert.Expert` keeps one engine per thread.
    """

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self.stages = stages(knowledge)
        #: Attributes some rule tests; only these need to enter working memory.
        self.tested = frozenset(a for rule in knowledge.rules for a in rule.tested())
        #: Concluded attributes some rule tests with ``absent`` or ``not``: a conclusion of
        #: one of them that counts for nothing is kept out of working memory (a run again).
        self.negated = frozenset(
            c.attribute
            for rule in knowledge.rules
            for c in rule.conditions
            if c.concluded and not binds(c)
        )
        #: Per rule, the (attribute, value) conclusions its firing puts in working memory. A
        #: conclusion no rule tests is only recorded: declaring it would cost a pass through
        #: the whole network for nothing.
        self.declared: tuple[tuple[Concluded, ...], ...] = tuple(
            tuple((c.attribute, c.value) for c in rule.conclusions if c.attribute in self.tested)
            for rule in knowledge.rules
        )
        #: Per rule, its place in the canonical firing order: (stage, -salience, index).
        self.rank: tuple[tuple[int, int, int], ...] = tuple(
            (self.stages[rule.id], -rule.salience, index)
            for index, rule in enumerate(knowledge.rules)
        )
        # Who overrides whom, gathered in one pass (not every rule asked of every rule).
        overriders: dict[str, list[int]] = {}
        for index, rule in enumerate(knowledge.rules):
            for general in dict.fromkeys(rule.overrides):
                overriders.setdefault(general, []).append(index)
        #: Per rule, the indexes of the rules that override it (its exceptions).
        self.exceptions: tuple[tuple[int, ...], ...] = tuple(
            tuple(overriders.get(rule.id, ())) for rule in knowledge.rules
        )
        #: Per rule, the conclusions weighed with the verdicts as it fires: all but those of
        #: a note attribute no rule tests (their certainties are combined with the notes).
        self.weighed: tuple[tuple[Concluded, ...], ...] = tuple(
            tuple(
                (c.attribute, c.value)
                for c in rule.conclusions
                if not knowledge.attributes[c.attribute].note or c.attribute in self.tested
            )
            for rule in knowledge.rules
        )
        #: Per rule, the note attributes it concludes with the note's value on each (one
        #: value, or for a set the tuple of values), made once rather than per firing.
        self.notes: tuple[tuple[RuleNote, ...], ...] = tuple(
            _rule_notes(knowledge, rule) for rule in knowledge.rules
        )
        #: Per rule, the note attributes no rule tests with the values it concludes on each:
        #: their certainties are combined with the notes (the others are weighed with the
        #: verdicts).
        self.untested_notes: tuple[tuple[tuple[str, tuple[str, ...]], ...], ...] = tuple(
            tuple(
                (name, tuple(c.value for c in rule.conclusions if c.attribute == name))
                for name, _ in rule_notes
                if name not in self.tested
            )
            for rule, rule_notes in zip(knowledge.rules, self.notes, strict=True)
        )
        #: The notes a firing of a rule with a certainty says, by (rule index, certainty):
        #: the same on every consultation, so made once (see ``notes.class_notes``).
        self.note_cache: dict[tuple[int, float], SaidNotes] = {}
        #: The concluded attributes, in vocabulary order.
        self.concluded = tuple(knowledge.concluded_attributes())
        #: The concluded attributes verdicts are given on (notes are not), in vocabulary
        #: order, with their vocabulary entries.
        self.verdict_attributes = tuple(
            (name, knowledge.attributes[name])
            for name in self.concluded
            if not knowledge.attributes[name].note
        )
        #: Per verdict attribute, its place in ``verdict_attributes``: a result orders only
        #: the few attributes it concluded, instead of walking all of them.
        self.verdict_place = {
            name: place for place, (name, _) in enumerate(self.verdict_attributes)
        }
        #: Per rule, where in its matched facts the concluded ones are (the rest are stated,
        #: which count as certain): a firing's premise is the weakest of these.
        self.premises: tuple[tuple[int, ...], ...] = tuple(
            tuple(
                position
                for position, part in enumerate(p for p in parts(rule) if binds(p))
                if part.concluded
            )
            for rule in knowledge.rules
        )
        #: Per rule, its position in the canonical firing order: by ``rank``, except that
        #: within a stage an exception comes before the rules it overrides (so that whether
        #: they are defeated is known when they are weighed).
        levels = _override_levels(knowledge)
        self.position: tuple[int, ...] = _positions(
            tuple((stage, levels[index], *rest) for index, (stage, *rest) in enumerate(self.rank))
        )
        #: Per rule, what each of its firings carries and is weighed by, read once here.
        self.firing_parts: tuple[FiringParts, ...] = tuple(
            (rule.id, rule.source, rule.quote,
             tuple((c.attribute, c.value) for c in rule.conclusions),
             rule.certainty, self.stages[rule.id], frozenset(rule.concluded()))
            for rule in knowledge.rules
        )  # fmt: skip
        #: Per rule, its conclusions by certainty: (conclusions, certainty, weighed) each,
        #: one firing apiece; one group at the rule's certainty unless values have their own.
        self.pieces: tuple[tuple[Piece, ...], ...] = tuple(
            _pieces(rule, self.weighed[index]) for index, rule in enumerate(knowledge.rules)
        )
        #: Per rule, whether each of its matches is evidence of its own (``each_match``).
        self.each_match = tuple(rule.each_match for rule in knowledge.rules)
        #: The rules with an ``absent`` or ``not`` condition on a concluded attribute.
        self.negating = tuple(
            index
            for index, rule in enumerate(knowledge.rules)
            if any(c.concluded and not binds(c) for c in rule.conditions)
        )
        #: The rules concluding a value of a ``negated`` attribute: only their conclusions
        #: are ever kept out of working memory.
        self.concluding_negated = frozenset(
            index
            for index, rule in enumerate(knowledge.rules)
            if not rule.concluded().isdisjoint(self.negated)
        )
        #: The concluded attributes that hold one value (not sets, not notes): where one of
        #: their values is certain, the others count for nothing (MYCIN's single-valued
        #: parameters).
        self.single = frozenset(
            name
            for name, attribute in knowledge.attributes.items()
            if attribute.concluded and not attribute.multi and not attribute.note
        )
        #: The attributes whose values are judged against each other once their evidence is
        #: in: opposed values, and the values of one-valued attributes.
        opposing = {name for pair in knowledge.oppositions() for name, _ in pair}
        self.judged = frozenset(self.single | opposing)
        #: Those judged at every stage, because a later rule tests them (or their rival).
        rivals = {
            name
            for pair in knowledge.oppositions()
            if any(side in self.tested for side, _ in pair)
            for name, _ in pair
        }
        self.judged_early = frozenset((self.single & self.tested) | rivals)
        #: Whether some input states a concluded attribute outright (``states``).
        self.stating = any(attribute.states for attribute in knowledge.inputs.values())
        #: Per concluded value with opposed values (``opposes``): each rival, and whether
        #: the rival's attribute is the one declaring the opposition (it wins a tie).
        opposed: dict[Concluded, list[tuple[Concluded, bool]]] = {}
        for declaring, other in knowledge.oppositions():
            opposed.setdefault(declaring, []).append((other, False))
            opposed.setdefault(other, []).append((declaring, True))
        self.opposed = {key: tuple(rivals) for key, rivals in opposed.items()}
        self.engine_class = _engine_class(knowledge, self.stages, self.declared)

    def new_engine(self) -> Any:  # an experta KnowledgeEngine of the compiled class
        """A fresh engine of the compiled class (tens of ms: reuse it)."""
        return self.engine_class()


def _rule_notes(knowledge: KnowledgeBase, rule: RuleSpec) -> tuple[RuleNote, ...]:
    """The note attributes ``rule`` concludes, each with the note's value: its one value, or
    for a set attribute the tuple of the values it concludes."""
    said: dict[str, list[str]] = {}
    for conclusion in rule.conclusions:
        if knowledge.attributes[conclusion.attribute].note:
            said.setdefault(conclusion.attribute, []).append(conclusion.value)
    return tuple(
        (name, tuple(values) if knowledge.attributes[name].multi else values[0])
        for name, values in said.items()
    )


def _pieces(rule: RuleSpec, weighed: tuple[Concluded, ...]) -> tuple[Piece, ...]:
    """A rule's conclusions grouped by their certainty (see :attr:`CompiledBase.pieces`);
    one group, at the rule's certainty, when no value has a certainty of its own."""
    if all(c.certainty is None for c in rule.conclusions):
        return (
            (tuple((c.attribute, c.value) for c in rule.conclusions), rule.certainty, weighed),
        )
    groups: dict[float, list[Concluded]] = {}
    for conclusion in rule.conclusions:
        groups.setdefault(rule.certainty_of(conclusion), []).append(
            (conclusion.attribute, conclusion.value)
        )
    return tuple(
        (tuple(concluded), certainty, tuple(key for key in weighed if key in concluded))
        for certainty, concluded in groups.items()
    )


def _override_levels(knowledge: KnowledgeBase) -> tuple[int, ...]:
    """Per rule, how deep it stands in the chains of exceptions: 0 for a rule nothing
    overrides, else one more than its deepest exception."""
    overriders: dict[str, list[RuleSpec]] = {}
    for rule in knowledge.rules:
        for general in rule.overrides:
            overriders.setdefault(general, []).append(rule)
    levels: dict[str, int] = {}

    def level(rule: RuleSpec) -> int:
        if rule.id not in levels:
            levels[rule.id] = 0  # a cycle of overrides is refused by stages()
            levels[rule.id] = max((1 + level(e) for e in overriders.get(rule.id, [])), default=0)
        return levels[rule.id]

    return tuple(level(rule) for rule in knowledge.rules)


def _positions(rank: tuple[tuple[int, ...], ...]) -> tuple[int, ...]:
    """Each rule's place when the rules are sorted by ``rank``."""
    position = [0] * len(rank)
    for place, index in enumerate(sorted(range(len(rank)), key=rank.__getitem__)):
        position[index] = place
    return tuple(position)


def _predicate(condition: Condition) -> ValueTest:
    """The value test of a condition, one callable per distinct test: experta shares an alpha
    node among patterns whose tests are equal, and a predicate equals only itself, so rules
    testing the same condition (``plant.signs`` contains ``drooping``, or one of the same
    values in another order) share one."""
    return _shared_predicate(_key(condition))


@functools.cache
def _shared_predicate(condition: Condition) -> ValueTest:
    wanted = frozenset(condition.operands)
    if condition.concluded:  # one_of, or the tested values of a `not`
        return lambda value: value in wanted
    # The common tests of a stated value as direct set operations; the same answers as
    # Condition.holds_value, which does the rest (numbers, presence).
    op = condition.op
    if condition.multi and op in ("equals", "contains") and wanted:
        # A set holding all of `wanted` holds any one of them: the network files the test
        # under that one (expert.inference.rete_indexes.members_of), so only sets holding it are tested.
        return _with_members(
            lambda value: isinstance(value, frozenset) and wanted <= value,
            frozenset([min(wanted, key=repr)]),
        )
    if condition.multi and op in ("equals", "contains"):
        return lambda value: isinstance(value, frozenset)
    if condition.multi and op == "one_of":
        return _with_members(
            lambda value: isinstance(value, frozenset) and not wanted.isdisjoint(value), wanted
        )
    if condition.multi and op == "not":
        return lambda value: isinstance(value, frozenset) and wanted.isdisjoint(value)
    if not condition.multi and op == "one_of":
        return lambda value: not isinstance(value, frozenset) and value in wanted
    if not condition.multi and op == "not":
        return lambda value: not isinstance(value, frozenset) and value not in wanted
    return condition.holds_value


def _with_members(test: ValueTest, members: frozenset[SingleValue]) -> ValueTest:
    """``test`` of a set value, marked as passing only for a set holding one of ``members``."""
    test.members = members  # type: ignore[attr-defined]
    return test


def _pattern(condition: Condition, binding: str | None) -> Any:  # an experta pattern
    """The experta pattern for one condition; ``binding`` names the matched fact."""
    name = condition.attribute
    if condition.op == "absent":
        return NOT(Fact(attr=name))
    if condition.concluded and condition.op == "not":
        return NOT(Fact(attr=name, value=P(_predicate(condition))))
    if condition.op == "present":
        pattern = Fact(attr=name)
    elif condition.op == "equals" and not condition.multi:
        # A literal test: experta shares one alpha node among all rules testing it.
        pattern = Fact(attr=name, value=condition.operand)
    elif condition.concluded and condition.op in ("equals", "contains"):
        # One concluded value per fact: callers split multi-value tests into one per value.
        pattern = Fact(attr=name, value=condition.operand)
    else:  # one_of on a concluded attribute, or a test of a stated value
        pattern = Fact(attr=name, value=P(_predicate(condition)))
    return getattr(AS, binding) << pattern if binding else pattern


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


def _patterns(
    rule: RuleSpec, names: dict[Condition, str], made: dict[Condition, Any]
) -> tuple[list[Any], tuple[str, ...]]:  # experta patterns
    """The experta patterns of a rule and the names bound to its matched facts, in order.

    A matched fact is bound to a name given to its condition (``names``: one per distinct
    condition in the base), not to its position in the rule: experta shares the alpha nodes
    of equal patterns, so rules testing the same condition share its test and its binding.
    Rules testing the same condition share one pattern object too (``made``): building the
    network finds it by identity rather than by comparing equal patterns field by field.
    """
    patterns: list[Any] = []
    bindings: list[str] = []
    for part in parts(rule):
        key = _key(part)
        binding = names.setdefault(key, f"c{len(names)}") if binds(part) else None
        if binding:
            bindings.append(binding)
        pattern = made.get(key)
        if pattern is None:
            pattern = made[key] = _pattern(part, binding)
        patterns.append(pattern)
    return patterns, tuple(bindings)


def _key(condition: Condition) -> Condition:
    """A condition with its values in one order: equal tests are equal keys."""
    if condition.op in ("one_of", "not", "contains"):
        return attrs.evolve(condition, operand=tuple(sorted(condition.operands, key=repr)))
    return condition


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


def _engine_class(
    knowledge: KnowledgeBase,
    rule_stages: dict[str, int],
    declared: tuple[tuple[Concluded, ...], ...],
) -> type:
    namespace: dict[str, Any] = {}  # the class body: experta rules and methods
    names: dict[Condition, str] = {}
    made: dict[Condition, Any] = {}
    for index, rule in enumerate(knowledge.rules):
        stage = rule_stages[rule.id]
        salience = rule.salience - _STAGE_STEP * stage
        patterns, bindings = _patterns(rule, names, made)
        action = _action(index, stage, bindings)
        namespace[f"rule_{index}"] = Rule(*patterns, salience=salience)(action)

    def fired(self: Any, index: int, matched: Matched) -> None:
        self.record.append((index, matched))
        for attribute, value in declared[index]:
            self.declare(Fact(attr=attribute, value=value))

    namespace["fired"] = fired
    namespace["record"] = ()
    namespace["__matcher__"] = LinearMatcher  # experta's network, built in linear time
    return type("CompiledKnowledgeEngine", (KnowledgeEngine,), namespace)


def compile_base(knowledge: KnowledgeBase) -> CompiledBase:
    """Compile ``knowledge``: once per knowledge base object while its compiled base is in use
    (an :class:`~expert.api.expert.Expert` holds it), so every expert on one base shares it."""
    compiled = _COMPILED.get(id(knowledge))
    if compiled is None or compiled.knowledge is not knowledge:
        with collector_paused():
            compiled = CompiledBase(knowledge)
        _COMPILED[id(knowledge)] = compiled
    return compiled


#: Compiled bases in use, by the id of their knowledge base (checked to be the same object:
#: ids are reused). Weak, so the cache holds no more than what is alive.
_COMPILED: weakref.WeakValueDictionary[int, CompiledBase] = weakref.WeakValueDictionary()
