"""The goals of consultations: which verdict answers the question a person came with.

A knowledge base declares them in ``goals.toml``, most general last::

    [[goals]]
    when = ["plant", "room"]            # the input groups stated
    attribute = "care.spot"             # the verdict that answers
    says = "Put it {value}"
    with = ["care.watering", "care.tasks"]   # shown beside the answer
    for = ["room"]                      # set members beside it name these stated facts

    [[goals]]
    when = ["plant"]
    if.plant.kind = { not = ["fern", "cactus"] }    # conditions in the rule syntax
    attribute = "care.watering"

    [[goals]]
    when = ["plant"]
    attribute = "care.spot"
    then_ask = ["room"]                 # a guided consultation goes on to ask about these

A consultation's goal is the declared goal whose ``when`` groups are all stated and whose
``if`` conditions hold on the stated facts: the one naming the most groups, then the most
conditions (the first in the file on a tie); with nothing stated, the first goal with the
fewest groups, which is what a guided consultation works toward from the start.

A guided consultation works toward the same goal, unless that goal says ``then_ask``: then
it works toward the goal those groups and the stated ones would make (:func:`guide_goal`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

from .._support.short_repr import fit
from .._support.toml_files import read_toml
from ..errors import KnowledgeBaseError, brief, suggest, unknown_key
from .rules import State
from .vocabulary import Attribute, FactValue, SingleValue, VerdictValue, join_words, show_value

__all__ = ["FILE", "Goal", "Test", "choose_goal", "fitting_goals", "guide_goal", "read_goals"]

#: The file of a knowledge base that declares its goals.
FILE = "goals.toml"
_KEYS = {"when", "if", "attribute", "says", "with", "for", "words", "then_ask"}


class Test(Protocol):
    """A condition on one stated fact (a rule's :class:`~expert.model.rules.Condition`)."""

    @property
    def attribute(self) -> str: ...

    def holds(self, state: State) -> bool: ...


@attrs.frozen(repr=False)
class Goal:
    """What a consultation on some groups of facts is for.

    Attributes:
        when: the input groups whose statement makes this the goal.
        attribute: the verdict that answers it.
        says: the answer in plain words, ``{value}`` standing for the verdict's value (the
            attribute's own ``says`` or label when empty).
        with_: the verdicts shown beside the answer (what to look for, the concerns).
        words: plain words for some values (``north-window = "in a north-facing window"``); the vocabulary's
            ``labels`` serve the others.
        conditions: what must hold of the stated facts (``if`` in ``goals.toml``).
        for_: the input groups whose stated facts a member beside the answer is said to
            serve or work against ("a weak battery (for long trips)").
        then_ask: the input groups a guided consultation on this goal goes on to ask about,
            working toward the goal they make with the stated ones (a plant stated: the
            room, toward where to put it).
    """

    when: tuple[str, ...]
    attribute: str
    says: str = ""
    with_: tuple[str, ...] = ()
    words: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    conditions: tuple[Test, ...] = ()
    for_: tuple[str, ...] = ()
    then_ask: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return fit(f"Goal({self.attribute} when {', '.join(self.when) or 'nothing'})")

    def holds(self, facts: Mapping[str, FactValue | None], more: Iterable[str] = ()) -> bool:
        """Whether this goal is one for ``facts``: its groups stated (or among the groups
        ``more``), its conditions met."""
        stated = {name.split(".", 1)[0] for name in facts} | set(more)
        return (
            bool(self.when)
            and set(self.when) <= stated
            and all(test.holds(facts.get(test.attribute)) for test in self.conditions)
        )

    def sentence(self, value: VerdictValue, attribute: Attribute | None = None) -> str:
        """The answer for ``value`` in plain words: ``says`` with the value's words (the
        goal's ``words``, else the attribute's labels)."""
        values = value if isinstance(value, tuple) else (value,)

        def word(item: SingleValue) -> str:
            if str(item) in self.words:
                return self.words[str(item)]
            return attribute.word(item) if attribute is not None else show_value(item)

        shown = join_words([word(item) for item in values])
        if self.says:
            return self.says.replace("{value}", shown)
        if attribute is not None and attribute.says:
            text = attribute.says.replace("{value}", shown)
            return text[:1].upper() + text[1:]
        label = attribute.title if attribute is not None else self.attribute
        return f"{label[:1].upper()}{label[1:]}: {shown}"


def read_goals(
    directory: Path,
    attributes: Mapping[str, Attribute],
    conditions: Callable[[Any, str], Sequence[Test]] | None = None,
) -> tuple[Goal, ...]:
    """The goals of the base in ``directory`` (none without ``goals.toml``).

    Args:
        directory: the base's directory.
        attributes: its vocabulary.
        conditions: reads an ``if`` table in the rule syntax (``where`` names it for
            messages); a goal with ``if`` is refused without it.

    Raises:
        KnowledgeBaseError: a malformed goal, naming the problem and what is allowed.
    """
    path = directory / FILE
    if not os.path.lexists(path):  # there but unreadable is refused by the read
        return ()
    data = read_toml(path)
    entries = data.get("goals")
    if set(data) - {"goals"} or not isinstance(entries, list) or not entries:
        raise KnowledgeBaseError("must hold [[goals]] tables and nothing else", path=path)
    groups = {attribute.group for attribute in attributes.values() if attribute.input}
    return tuple(_goal(entry, attributes, groups, path, conditions) for entry in entries)


def _goal(
    entry: Any,
    attributes: Mapping[str, Attribute],
    groups: set[str],
    path: Path,
    conditions: Callable[[Any, str], Sequence[Test]] | None,
) -> Goal:
    def fail(message: str, suggestion: str | None = None) -> KnowledgeBaseError:
        return KnowledgeBaseError(f"goal: {message}", path=path, suggestion=suggestion)

    if not isinstance(entry, dict):
        raise fail("each [[goals]] entry is a table")
    found = unknown_key(entry, sorted(_KEYS))
    if found:
        raise fail(*found)
    for key in ("when", "for", "then_ask"):
        listed = entry.get(key, None if key == "when" else [])
        if not isinstance(listed, list) or not all(
            isinstance(g, str) and g in groups for g in listed
        ):
            raise fail(f"`{key}` must list input groups; allowed: {', '.join(sorted(groups))}")
    concluded = [name for name, a in attributes.items() if a.concluded and not a.note]
    if not isinstance(entry.get("with", []), list):
        raise fail("`with` must list concluded attributes")
    for name in [entry.get("attribute"), *entry.get("with", [])]:
        if name not in concluded:
            raise fail(
                f"{brief(name)} is not a concluded attribute", suggestion=suggest(name, concluded)
            )
    says = entry.get("says", "")
    words = entry.get("words", {})
    if not isinstance(says, str) or (says and "{value}" not in says):
        raise fail("`says` must be a sentence with {value} in it")
    if not isinstance(words, dict) or not all(isinstance(w, str) for w in words.values()):
        raise fail("`words` must map values to plain words")
    tests: tuple[Test, ...] = ()
    if "if" in entry:
        if conditions is None:
            raise fail("`if` needs the rule syntax's conditions, which this reader lacks")
        tests = tuple(conditions(entry["if"], f"goal {entry['attribute']}"))
        stated_only = [t.attribute for t in tests if not attributes[t.attribute].input]
        if stated_only:
            raise fail(f"`if` tests stated facts only; {stated_only[0]} is concluded")
    return Goal(
        when=tuple(entry["when"]),
        attribute=entry["attribute"],
        says=says,
        with_=tuple(entry.get("with", [])),
        words=dict(words),
        conditions=tests,
        for_=tuple(entry.get("for", [])),
        then_ask=tuple(entry.get("then_ask", [])),
    )


def fitting_goals(
    goals: Iterable[Goal], facts: Mapping[str, FactValue] | Iterable[str]
) -> list[Goal]:
    """The goals that hold for ``facts`` (full names to stated values), the one a
    consultation is for first: the most groups, then the most conditions, then file order.
    When the first has no verdict, the answer is sought in the next."""
    stated: Mapping[str, FactValue | None] = (
        facts if isinstance(facts, Mapping) else dict.fromkeys(facts)
    )
    goals = list(goals)
    fitting = [goal for goal in goals if goal.holds(stated)]
    return sorted(
        fitting, key=lambda goal: (-len(goal.when), -len(goal.conditions), goals.index(goal))
    )


def choose_goal(
    goals: Iterable[Goal], facts: Mapping[str, FactValue] | Iterable[str]
) -> Goal | None:
    """The goal of a consultation on ``facts`` (full names to stated values), or ``None`` if
    the base has none."""
    goals = list(goals)
    fitting = fitting_goals(goals, facts)
    if fitting:
        return fitting[0]
    return min(goals, key=lambda goal: (len(goal.when), goals.index(goal)), default=None)


def guide_goal(goals: Iterable[Goal], facts: Mapping[str, FactValue]) -> Goal | None:
    """The goal a guided consultation from ``facts`` works toward: the consultation's goal
    (:func:`choose_goal`), or when that goal says ``then_ask``, the goal those groups and the
    stated ones make (the most groups, then the most conditions, then file order)."""
    goals = list(goals)
    goal = choose_goal(goals, facts)
    if goal is None or not goal.then_ask:
        return goal
    further = [
        other
        for other in goals
        if other.holds(facts, goal.then_ask) and set(other.when) & set(goal.then_ask)
    ]
    further.sort(key=lambda other: (-len(other.when), -len(other.conditions), goals.index(other)))
    return further[0] if further else goal
