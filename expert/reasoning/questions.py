"""Choosing the next question of a guided consultation: every unknown input whose answer could
still change the goal's verdict, a member of it or a certainty, the most telling first.

Like MYCIN's, the questions serve a goal (:mod:`expert.model.goals`): only rules that conclude the
goal, or conclude what such rules test (and so on down), can make a question worth asking. Each
question keeps the chain of rules from the one that needs the answer up to the goal, so that
``why`` can climb it one level at a time.

The test of relevance over-approximates by construction: answers only add facts, so the one
thing that is settled for good is a rule that a stated fact fails (it can never fire). Every
other rule bearing on the goal may still fire, stop firing (an ``absent`` test), be defeated
by an exception, or move a certainty, and every unknown input it tests is a question.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from .._support.short_repr import fit
from ..model.display import ShownInNotebook
from ..model.goals import Goal
from ..model.knowledge_base import KnowledgeBase
from ..model.outcome import Outcome
from ..model.rules import Condition, RuleSpec
from ..model.vocabulary import Attribute, FactValue

__all__ = ["ANSWER_WORDS", "Question", "rules_bearing_on", "open_questions", "question_text"]

#: Words a user may give instead of an answer.
ANSWER_WORDS = ("why", "skip", "stop")


def question_text(attribute: Attribute) -> str:
    """The question for an input in the base's words: its ``question`` (``What kind of
    plant is it?``), else its ``label`` (else its help line) as a question,
    ``What you use it for?`` reading ``What do you use it for?``."""
    if attribute.question:
        return attribute.question
    words = attribute.title
    # A label written as a noun phrase about the person ("what you use it for") asks with "do".
    for lead in ("what you ", "how you ", "where you "):
        if words.startswith(lead):
            words = f"{lead.split()[0]} do you {words[len(lead) :]}"
            break
    return f"{words[:1].upper()}{words[1:]}?"


@attrs.frozen(repr=False)
class Question(ShownInNotebook):
    """An input fact the expert would like to know, and why.

    Attributes:
        attribute: the input asked about (its full name is :attr:`name`).
        rules: the rules that test it and may still fire, the most telling first.
        chain: from the first of ``rules`` up to the goal: each rule and the attribute it
            concludes, the last one concluding the goal's attribute (empty without a goal).
    """

    attribute: Attribute
    rules: tuple[RuleSpec, ...]
    chain: tuple[tuple[RuleSpec, str], ...] = ()

    def __repr__(self) -> str:
        count = len(self.rules)
        return fit(f"Question({self.name}, {count} rule{'' if count == 1 else 's'})")

    @property
    def name(self) -> str:
        """The fact's full name (``plant.signs``)."""
        return self.attribute.name

    @property
    def text(self) -> str:
        """The question in the base's words (``What will you use it for?``), never an id:
        see :func:`question_text`."""
        return question_text(self.attribute)

    @property
    def choices(self) -> tuple[tuple[str, str], ...]:
        """The allowed answers as ``(value, words)`` pairs, the value as :meth:`Guide.answer
        <expert.reasoning.guide.Guide.answer>` takes it and its label: ``("low", "low
        light")``; ``("yes", ...)``, ``("no", ...)`` for a flag; empty for a number."""
        spec = self.attribute
        if spec.kind == "flag":
            return (("yes", spec.word(True)), ("no", spec.word(False)))
        return tuple((value, spec.word(value)) for value in spec.words())

    @property
    def multiple(self) -> bool:
        """Whether several choices may be given at once (a set)."""
        return self.attribute.multi

    def words(self) -> tuple[str, ...]:
        """Words to offer for completion: the allowed values and the answer words."""
        extra = ("yes", "no") if self.attribute.kind == "flag" else ()
        return (*self.attribute.words(), *extra, *ANSWER_WORDS)


def rules_bearing_on(knowledge: KnowledgeBase, attribute: str) -> dict[str, RuleSpec | None]:
    """The rules that bear on ``attribute``: each rule id mapped to the rule it serves next
    on the way up (``None`` for a rule concluding ``attribute`` itself)."""
    serves: dict[str, RuleSpec | None] = {}
    frontier: list[tuple[str, RuleSpec | None]] = [(attribute, None)]
    seen_attributes: set[str] = set()
    while frontier:
        name, parent = frontier.pop(0)
        if name in seen_attributes:
            continue
        seen_attributes.add(name)
        for rule in knowledge.rules:
            if name in rule.concluded() and rule.id not in serves:
                serves[rule.id] = parent
                frontier += [
                    (condition.attribute, rule)
                    for condition in rule.conditions
                    if condition.concluded
                ]
    return serves


def _ruled_out(
    rule: RuleSpec, facts: Mapping[str, FactValue], inputs: Mapping[str, Attribute]
) -> bool:
    """Whether a stated fact fails ``rule``: then no answer can make it fire (answers only
    add facts, and a test of a stated input never changes)."""
    return any(
        condition.attribute in facts and not condition.holds(facts[condition.attribute])
        for condition in rule.conditions
        if condition.attribute in inputs
    )


def _bearing(
    knowledge: KnowledgeBase, facts: Mapping[str, FactValue], targets: Iterable[str]
) -> tuple[dict[str, RuleSpec | None], dict[str, int], set[str]]:
    """The rules not ruled out that bear on ``targets``, each mapped to the rule it serves
    next on the way up, each one's depth (1 for a rule concluding a target), and the
    concluded attributes that bear on them (the targets and what such rules test).

    A rule bears on an attribute when it concludes it, or concludes what a rule bearing on it
    tests, or an attribute whose values oppose its values (``opposes``, either way round):
    each of these can gain, lose or move a value of the attribute.
    """
    inputs = knowledge.inputs
    opposed: dict[str, set[str]] = {}
    for (mine, _), (theirs, _) in knowledge.oppositions():
        opposed.setdefault(mine, set()).add(theirs)
        opposed.setdefault(theirs, set()).add(mine)
    live = [rule for rule in knowledge.rules if not _ruled_out(rule, facts, inputs)]
    serves: dict[str, RuleSpec | None] = {}
    depth: dict[str, int] = {}
    frontier: list[tuple[str, RuleSpec | None, int]] = [(t, None, 0) for t in targets]
    seen: set[str] = set()
    while frontier:
        name, parent, level = frontier.pop(0)
        if name in seen:
            continue
        seen.add(name)
        frontier += [(other, parent, level) for other in sorted(opposed.get(name, ()))]
        for rule in live:
            if name in rule.concluded() and rule.id not in serves:
                serves[rule.id] = parent
                depth[rule.id] = level + 1
                frontier += [
                    (condition.attribute, rule, level + 1)
                    for condition in rule.conditions
                    if condition.concluded
                ]
    return serves, depth, seen


def open_questions(
    result: Outcome, exclude: Iterable[str] = (), goal: Goal | None = None
) -> list[Question]:
    """The questions whose answers could change the goal's verdict (without a goal: any
    verdict): its value, a member gained or lost, or a certainty. The most telling first.

    A question is an unknown input tested by a rule that bears on the goal (see the module's
    docstring) and that no stated fact rules out, or an unknown input that ``states`` an
    attribute bearing on the goal (concluding it, or tested on the way to it). The input's
    ``ask_when`` conditions (all of one of its alternatives) must hold on the stated facts.
    Questions with an ``ask_order`` come first, in that order; then those more rules need,
    then those closest to the goal, then vocabulary order.

    Args:
        result: the consultation on the facts known so far.
        exclude: full names of facts not to ask about (e.g. skipped ones).
        goal: what the consultation is for.
    """
    knowledge = result.knowledge
    facts = result.facts
    inputs = knowledge.inputs
    targets = [goal.attribute] if goal else knowledge.verdict_attributes()
    serves, depth, bearing = _bearing(knowledge, facts, targets)
    needing: dict[str, list[RuleSpec]] = {}
    for rule in knowledge.rules:
        if rule.id not in serves:
            continue
        for condition in rule.conditions:
            if condition.attribute in inputs and condition.attribute not in facts:
                needing.setdefault(condition.attribute, [])
                if rule not in needing[condition.attribute]:
                    needing[condition.attribute].append(rule)
    # A stated value of an input that `states` an attribute feeds every rule testing it.
    stating = {name for name, spec in inputs.items() if spec.states in bearing}
    excluded = set(exclude)
    order = list(inputs)
    candidates = [
        name
        for name in order
        if (name in needing or name in stating)
        and name not in facts
        and name not in excluded
        and _may_ask(inputs[name].ask_when, facts)
    ]

    def closest(rule: RuleSpec) -> tuple[int, int, float]:
        unknown = {c.attribute for c in rule.conditions if c.attribute in inputs} - set(facts)
        return depth[rule.id], len(unknown), -abs(rule.certainty)

    def rank(name: str) -> tuple[int, int, int, int]:
        rules = needing.get(name, [])
        declared = inputs[name].ask_order
        return (
            declared if declared is not None else _LAST,
            -len(rules),
            min((depth[rule.id] for rule in rules), default=0),
            order.index(name),
        )

    questions = []
    for name in sorted(candidates, key=rank):
        ranked = tuple(sorted(needing.get(name, []), key=closest))
        path = _path(ranked[0], serves) if ranked and goal is not None else []
        chain = tuple((rule, _toward(rule, path, goal)) for rule in path)
        questions.append(Question(inputs[name], ranked, chain))
    return questions


def _may_ask(ask_when: tuple[tuple[Condition, ...], ...], facts: Mapping[str, FactValue]) -> bool:
    """Whether an input's ``ask_when`` holds on the known facts: all the conditions of one
    of its alternatives (no alternative: always)."""
    return not ask_when or any(
        all(test.holds(facts.get(test.attribute)) for test in alternative)
        for alternative in ask_when
    )


#: Where questions without an ``ask_order`` go: after every declared one.
_LAST = 1 << 31


def _path(rule: RuleSpec, serves: Mapping[str, RuleSpec | None]) -> list[RuleSpec]:
    """``rule`` and the rules it serves, up to one concluding the goal."""
    path = [rule]
    while (parent := serves.get(path[-1].id)) is not None and parent not in path:
        path.append(parent)
    return path


def _toward(rule: RuleSpec, path: list[RuleSpec], goal: Goal | None) -> str:
    """The attribute ``rule`` concludes that the next rule of the path tests (or the goal)."""
    index = path.index(rule)
    if index + 1 < len(path):
        found = sorted(rule.concluded() & path[index + 1].tested())
        if found:
            return found[0]
    if goal is not None and goal.attribute in rule.concluded():
        return goal.attribute
    return sorted(rule.concluded())[0]
